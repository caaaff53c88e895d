"""The page engine: the theme's Jinja2 environment and filters, the ``site`` template global,
pagination, slugs, Atom feeds, SVG charts and flowcharts, and the writer that puts every file on
disk (``output.OutputWriter``, and ``writer.SiteWriter`` for Pelican)."""
