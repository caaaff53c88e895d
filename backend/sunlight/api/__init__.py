"""The API's glue: request parsing and validation, error mapping, OpenAPI, Open311, WSGI gateway."""
