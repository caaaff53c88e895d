"""``sunlight build``: the command's entry, light to import.

It forks the person-name tagger's helper (``decisions/tagger_process.py``) before importing the
build itself (Pelican, Jinja, the sections: about half a second), so the tagger loads during
that time as well as while ``content/`` is read, then runs the build (``sunlight_site.build``).
"""

from __future__ import annotations

import argparse


def run(args: argparse.Namespace) -> int:
    from sunlight_site.decisions import tagger_process

    tagger_process.start()
    from sunlight_site.build import run as build

    return build(args)
