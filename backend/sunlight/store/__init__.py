"""Storage: the ``Store`` interface (``base``) and its SQLite implementation (``sqlite``)."""
