"""Render keys: skip re-rendering a page whose inputs did not change since the previous build.

A page's key is a digest of everything its bytes depend on: the theme's templates, the page
frame (``FramedTemplate``: header, navigation, footer as rendered for this build), the agency,
and the repr of the page's own variables (decision views are named tuples, so the repr is complete
and stable). The keys of a build are kept in the output as ``.sunlight-render-keys`` (written
through the writer, so a full build and a rebuild leave the same file). On the next build a
page whose key is unchanged and whose file is still there is neither rendered nor written: the
writer is told it is part of the site (manifest) and unchanged. A build into an empty directory
renders everything, so its output is the reference a rebuild is compared with in the tests.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from sunlight.sitefiles import RENDER_KEYS_NAME

from sunlight_site.decisions.views import DecisionView
from sunlight_site.render.pagination import Pager

KEYS_FILE = RENDER_KEYS_NAME


def theme_digest(theme: Path) -> str:
    h = hashlib.sha1()
    for path in sorted(theme.rglob("*")):
        if path.is_file():
            h.update(str(path.relative_to(theme)).encode() + b"\0" + path.read_bytes())
    return h.hexdigest()


class RenderKeys:
    def __init__(self, out_dir: Path, salt: str) -> None:
        self.out_dir = out_dir
        self.salt = salt
        self.keys: dict[str, str] = {}
        self.previous: dict[str, str] = {}
        self._memo: dict[int, str] = {}
        try:
            data = json.loads((out_dir / KEYS_FILE).read_text("utf-8"))
            self.previous = dict(data.get("pages", {}))
        except (OSError, ValueError, AttributeError):
            self.previous = {}

    def fingerprint(self, value: Any) -> str:
        """repr of a page variable; a decision view stands for the digest of its repr, computed once
        per build (a view appears on its own page and on five lists)."""
        if isinstance(value, DecisionView):
            memo = self._memo.get(id(value))
            if memo is None:
                text = "\x1f".join(map(str, value))  # every field (a view is a tuple), at C speed
                memo = self._memo[id(value)] = hashlib.sha1(text.encode()).hexdigest()
            return memo
        if isinstance(value, Pager):
            items = ",".join(self.fingerprint(v) for v in value.items)
            return f"Pager({value.number},{value.count},{value.base_url!r},{value.total},[{items}])"
        return repr(value)

    def key(self, frame_salt: str, variables: Mapping[str, Any]) -> str:
        text = "\0".join(
            f"{k}={self.fingerprint(v)}" for k, v in sorted(variables.items(), key=lambda kv: kv[0])
        )
        return hashlib.sha1(f"{self.salt}\0{frame_salt}\0{text}".encode()).hexdigest()

    def split(
        self, frame_salt: str, pages: Iterable[tuple[str, Mapping[str, Any]]]
    ) -> tuple[list[tuple[str, Mapping[str, Any]]], list[str]]:
        """(pages to render, paths that are unchanged) and remembers every page's key."""
        todo, fresh = [], []
        root = str(self.out_dir)
        for path, variables in pages:
            k = self.key(frame_salt, variables)
            self.keys[path] = k
            if self.previous.get(path) == k and os.path.exists(os.path.join(root, path)):
                fresh.append(path)
            else:
                todo.append((path, variables))
        return todo, fresh

    def save(self, writer: Any) -> None:
        data = {"salt": self.salt, "pages": dict(sorted(self.keys.items()))}
        writer.write_bytes(KEYS_FILE, json.dumps(data, separators=(",", ":")).encode("utf-8"))
