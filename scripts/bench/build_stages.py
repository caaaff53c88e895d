"""Wall time of the stages of one ``sunlight build``, measured in the build process.

    .venv/bin/python scripts/bench/build_stages.py CONTENT OUT YYYY-MM-DD [--no-search]

Wraps the functions that make up a build (loading, publishing, render keys, downloads, the
sections' ``generate_context``/``generate_output``, the search index) with timers and prints the
seconds spent in each, largest first. Stages nest (a section's ``generate_output`` includes the
downloads it writes) and page workers run beside the build process, so the lines do not add up
to the total; they say where the build process spends its time, e.g. in a rebuild.
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import functools
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

SPENT: collections.Counter[str] = collections.Counter()


def _timed(label: str, func: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(func)
    def run(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return func(*args, **kwargs)
        finally:
            SPENT[label] += time.perf_counter() - start

    return run


def _wrap(owner: Any, name: str) -> None:
    """Time ``owner.name`` (a module's function or a class's method) as ``<owner>.<name>``."""
    label = f"{owner.__name__.rsplit('.', 1)[-1]}.{name}"
    setattr(owner, name, _timed(label, getattr(owner, name)))


def instrument() -> None:
    import sunlight.content.decisions as decisions
    import sunlight.content.loader as loader
    import sunlight.domain.publication as publication
    import sunlight_site.data.search_index as search
    import sunlight_site.decisions.downloads as data
    import sunlight_site.decisions.page_stream as parallel
    import sunlight_site.decisions.pages as pages
    import sunlight_site.decisions.render_keys as cache
    import sunlight_site.plugin as plugin
    import sunlight_site.render.output as output

    _wrap(loader, "load_content")
    _wrap(decisions, "load_decisions")
    for name in ("publish_views", "write_withdrawn", "start_lists", "groups"):
        _wrap(pages, name)
    _wrap(data, "decisions_csv")
    _wrap(data, "decisions_json")
    _wrap(cache.RenderKeys, "split")
    _wrap(parallel.PageStream, "wait")
    _wrap(publication.Publisher, "add")
    _wrap(search, "bundle_files")
    _wrap(search, "indexable")
    _wrap(output.OutputWriter, "finish")
    for cls in plugin.GENERATORS:
        for method in ("generate_context", "generate_output"):
            if method in cls.__dict__:
                setattr(cls, method, _timed(f"{cls.__name__}.{method}", cls.__dict__[method]))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("content", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("today", type=dt.date.fromisoformat)
    parser.add_argument("--no-search", action="store_true")
    args = parser.parse_args()
    instrument()
    from sunlight_site.build import build_site

    start = time.perf_counter()
    build_site(args.content, args.out, args.today, search=not args.no_search)
    total = time.perf_counter() - start
    for label, seconds in SPENT.most_common():
        if seconds >= 0.05:
            print(f"{seconds:7.2f} s  {label}")
    print(f"{total:7.2f} s  whole build")


if __name__ == "__main__":
    main()
