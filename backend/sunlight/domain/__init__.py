"""Pure domain rules. Nothing here imports chalice, boto3, sqlite3, pelican or does I/O."""
