"""One generator module per site section (see docs/site.md).

Each module exposes ``GENERATORS``: the Pelican generator classes it contributes. The plugin
(``sunlight_site.plugin``) collects them in a fixed order.
"""
