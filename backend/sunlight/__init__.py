"""Sunlight (阳光执法): the core library.

Subpackages:

- ``sunlight.domain``: pure rules (calendar, credit codes, masking, publication policy,
  complaint states, routing, deadlines). No framework, storage or network imports.
- ``sunlight.content``: the content contract: loading and validating ``content/``.
- the backend service, stores, notifiers and command line live beside them.
"""

__version__ = "0.1.0"
