"""The content contract: what an agency puts in ``content/``, loaded and validated.

``load_content(path) -> (Content, Problems)`` reads every file, reports every problem at once
and returns what could be loaded. Nothing here imports Pelican: the site build and the
backend's catalog both start from these models.
"""
