"""jieba's prefix dictionary kept between builds, for the tagger's helper (``tagger_process``).

Building jieba's prefix dictionary from its bundled ``dict.txt`` (349,046 words, 498,113 entries
with their prefixes) takes about 0.55 s of CPU; reading it back from a ``marshal`` file about
0.2 s. The helper loads the tagger while the build reads its content, and the build waits for
its first answer: this is most of that wait.

- Where: ``SUNLIGHT_CACHE_DIR`` if set, else ``$XDG_CACHE_HOME/sunlight``, else
  ``~/.cache/sunlight``; the folder is made private to the user (0700), the file written to a
  temporary name and renamed, so a reader never sees half a file.
- Key: the file's name holds a SHA-256 digest of jieba's version, the dictionary's bytes and the
  Python version (``marshal``'s format may change between versions): any change and the
  dictionary is built again. jieba's own cache (``jieba.cache`` in the shared temporary folder,
  reused without any check for the bundled dictionary) is not used.
- A file that cannot be read, is not a dictionary of words to counts, or a folder that cannot be
  written, only costs the 0.55 s: the dictionary is built from ``dict.txt`` as without a cache.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import marshal
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

ENTRIES_AT_LEAST = 100_000  # jieba 0.42.1's bundled dictionary gives 498,113


def cache_dir() -> Path:
    """Where the prefix dictionary is kept (see the module)."""
    explicit = os.environ.get("SUNLIGHT_CACHE_DIR", "").strip()
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME", "").strip()
    return (Path(base) if base else Path.home() / ".cache") / "sunlight"


def cache_file(dictionary: Path, folder: Path | None = None) -> Path:
    """The file that holds the prefix dictionary of ``dictionary`` for this jieba and Python."""
    h = hashlib.sha256(f"jieba {importlib.metadata.version('jieba')}\0{sys.version}\0".encode())
    h.update(dictionary.read_bytes())
    return (folder or cache_dir()) / f"jieba-prefix-{h.hexdigest()[:32]}.marshal"


def prepare(tokenizer: Any, dictionary: Path, folder: Path | None = None) -> bool:
    """Give the jieba ``tokenizer`` its prefix dictionary: from the cache if it holds a good one
    (True), else built from ``dictionary`` and written to the cache for the next build (False)."""
    try:
        path = cache_file(dictionary, folder)
    except (OSError, RuntimeError):  # RuntimeError: no home folder to keep it in
        path = None
    loaded = _read(path) if path is not None else None
    if loaded is not None:
        tokenizer.FREQ, tokenizer.total = loaded
        tokenizer.initialized = True
        return True
    with dictionary.open("rb") as f:
        freq, total = tokenizer.gen_pfdict(f)
    tokenizer.FREQ, tokenizer.total = freq, total
    tokenizer.initialized = True
    if path is not None:
        _write(path, (freq, total))
    return False


def _read(path: Path) -> tuple[dict[str, int], int] | None:
    try:
        freq, total = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    if not (isinstance(freq, dict) and isinstance(total, int) and len(freq) >= ENTRIES_AT_LEAST):
        return None
    return freq, total


def _write(path: Path, value: tuple[dict[str, int], int]) -> None:
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".jieba-prefix-")
    except OSError:
        return  # a read-only home: the next build builds the dictionary again
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(marshal.dumps(value))
        os.replace(temporary, path)
    except OSError:
        Path(temporary).unlink(missing_ok=True)
