"""Person-name verdicts kept from one build to the next: the tagger runs only on new texts.

The publication policy asks a :data:`~sunlight.domain.person_names.NameFinder` which person names
each decision's facts, basis and content hold (docs/names.md). jieba's tagger costs about 2 ms a
distinct text, and a city's facts are mostly distinct: some 200-400 s for 100,000 decisions, on
every build. :class:`NameVerdicts` is a ``NameFinder`` in front of the real one that remembers its
answers in the output folder, as ``.sunlight-name-verdicts``, beside the build's other dot files
(``sunlight serve`` serves none of them, and ``sunlight.sitefiles`` names this one too).

- Key: a 128-bit BLAKE2b digest of the finder's version and the exact text. The version
  (:func:`finder_version`) digests jieba's version, its dictionary and the source of the rules
  (``person_names``, ``masking``): any change to them and every text is tagged again.
- Value: where the names are in the text (start, length), not the names: the file holds no
  text and no name. A text whose names are not all found in it verbatim is not remembered.
- Only the texts of this build are written, sorted: a rebuild writes the same file as a full
  build of the same content. The file carries a digest of its verdicts; a file that is missing,
  cut short, edited or of another version is ignored whole, which only costs time.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import importlib.util
import json
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

from sunlight.domain.person_names import NameFinder, default_finder, might_name_someone
from sunlight.sitefiles import NAME_VERDICTS_NAME

VERDICTS_FILE = NAME_VERDICTS_NAME
FORMAT = "name-verdicts-1"

Spans = tuple[tuple[int, int], ...]


def finder_version(sources: Iterable[Path] | None = None, dictionary: Path | None = None) -> str:
    """A digest of what the build's finder answers depend on: jieba's version and dictionary and
    the source of the rules (default: ``person_names`` and ``masking``)."""
    if sources is None and dictionary is None:
        return _default_version()
    return _version(tuple(sources or _rule_sources()), dictionary or jieba_dictionary())


@lru_cache(maxsize=1)
def _default_version() -> str:
    return _version(_rule_sources(), jieba_dictionary())


def _version(sources: tuple[Path, ...], dictionary: Path) -> str:
    # jieba's version and files without importing it: the build's process leaves jieba to the
    # tagger's helper (tagger_process)
    h = hashlib.sha256(f"{FORMAT}\0jieba {importlib.metadata.version('jieba')}\0".encode())
    for path in (dictionary, *sources):
        data = path.read_bytes()
        h.update(f"{len(data)}\0".encode() + data)
    return h.hexdigest()


def _rule_sources() -> tuple[Path, ...]:
    from sunlight.domain import masking, person_names

    return (Path(person_names.__file__), Path(masking.__file__))


def jieba_dictionary() -> Path:
    """The dictionary jieba's tagger loads (the one bundled with jieba), found without importing jieba."""
    spec = importlib.util.find_spec("jieba")
    assert spec is not None and spec.origin is not None, "jieba is a dependency"
    return Path(spec.origin).with_name("dict.txt")  # what person_names' tagger loads


class NameVerdicts:
    """A :data:`NameFinder` that asks ``finder`` only about texts no earlier build asked about."""

    def __init__(
        self,
        finder: NameFinder,
        version: str,
        previous: dict[str, Spans] | None = None,
        worth: Callable[[str], bool] | None = None,
    ) -> None:
        self.finder = finder
        self.version = version
        self.previous = previous or {}
        self.worth = worth  # texts for which this is False are not remembered (asked every time)
        self.used: dict[str, Spans] = {}
        self.asked = 0

    @classmethod
    def open(
        cls, out_dir: Path, finder: NameFinder | None = None, version: str | None = None
    ) -> NameVerdicts:
        """The verdicts of the previous build in ``out_dir`` (none if the file is unusable). The
        default finder is jieba's (its texts without a surname are not worth remembering)."""
        worth = might_name_someone if finder is None else None
        finder = finder or default_finder()
        version = version or finder_version()
        return cls(finder, version, read(out_dir / VERDICTS_FILE, version), worth)

    def key(self, text: str) -> str:
        return hashlib.blake2b(f"{self.version}\0{text}".encode(), digest_size=16).hexdigest()

    def __call__(self, text: str) -> tuple[str, ...]:
        if self.worth is not None and not self.worth(text):
            return self.finder(text)
        key = self.key(text)
        spans = self.used.get(key)
        if spans is None:
            spans = self.previous.get(key)
        if spans is not None:
            names = _names(text, spans)
            if names is not None:
                self.used[key] = spans
                return names
        self.asked += 1
        names = tuple(self.finder(text))
        spans = _spans(text, names)
        if spans is not None:
            self.used[key] = spans
        return names

    def dumps(self) -> bytes:
        none = sorted(k for k, v in self.used.items() if not v)
        found = {k: [list(s) for s in v] for k, v in sorted(self.used.items()) if v}
        record = {"format": FORMAT, "version": self.version, "check": _check(none, found)}
        record.update(none=none, names=found)
        return json.dumps(record, separators=(",", ":")).encode("ascii")

    def save(self, writer: Any) -> None:
        writer.write_bytes(VERDICTS_FILE, self.dumps())


def read(path: Path, version: str) -> dict[str, Spans]:
    """The verdicts in ``path``; {} unless the file is whole and of ``version``."""
    try:
        data = json.loads(path.read_bytes())
        if data["format"] != FORMAT or data["version"] != version:
            return {}
        none, found = data["none"], data["names"]
        if data["check"] != _check(none, found):
            return {}
        verdicts: dict[str, Spans] = dict.fromkeys(none, ())
        for key, spans in found.items():
            verdicts[key] = tuple((int(s), int(n)) for s, n in spans)
        return verdicts
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return {}


def _check(none: list[str], found: dict[str, list[list[int]]]) -> str:
    text = json.dumps([none, found], separators=(",", ":"), sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()


def _spans(text: str, names: tuple[str, ...]) -> Spans | None:
    """Where each name is in ``text`` (its first occurrence), or None if one is not in it."""
    spans = []
    for name in names:
        at = text.find(name) if name else -1
        if at < 0:
            return None
        spans.append((at, len(name)))
    return tuple(spans)


def _names(text: str, spans: Spans) -> tuple[str, ...] | None:
    if any(s < 0 or n < 1 or s + n > len(text) for s, n in spans):
        return None  # not this text's verdict after all: ask the finder
    return tuple(text[s : s + n] for s, n in spans)
