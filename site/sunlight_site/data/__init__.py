"""Open data and search: the CSV/JSON tables under ``/data/`` and the pagefind search index."""
