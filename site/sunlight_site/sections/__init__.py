"""One module per site section (see docs/site.md), each a ``SectionGenerator`` (``base.py``).

The plugin (``sunlight_site.plugin``) runs the generator classes listed in its ``GENERATORS``,
in that order: a new section is added to that list.
"""
