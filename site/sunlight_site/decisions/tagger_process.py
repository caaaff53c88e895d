"""jieba's tagger in a helper process, loading while the build reads its content.

The person-name check (``sunlight.domain.person_names``) needs jieba's part-of-speech tagger,
which takes about a second of CPU to load: in the building process, that second comes before
the first decision can be published, and every page worker forked afterwards starts from a
process holding jieba's dictionary. :func:`start` starts a helper at the start of a build (a
fresh interpreter, ``multiprocessing``'s "spawn": it shares no open file with the build but its
pipe); the helper loads the tagger on the other core while the build imports its modules and
reads and validates ``content/``, then answers one text at a time over the pipe. :class:`ProcessNames` is the build's
:data:`~sunlight.domain.person_names.NameFinder`: a :class:`JiebaNames` (the same prefilter,
digit folding and memo of texts) whose tagging is done by the helper.

The answers are the same as in-process (the helper runs a plain ``JiebaNames``). When the helper
cannot be started or stops answering, the tagging falls back to this
process, with a warning: slower, never unchecked (an answer that takes over two minutes counts
as stopping). A process forked from the build (a page worker) that asks tags in-process too,
never through its parent's pipe.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading
from multiprocessing.connection import Connection
from typing import Any

from sunlight.domain import person_names
from sunlight.domain.person_names import JiebaNames

log = logging.getLogger(__name__)

# Seconds to wait for an answer (the first one includes loading the tagger, about a second); a
# helper that takes longer is taken for stuck, stopped, and the tagging done here.
ANSWER_WITHIN = 120.0


class ProcessNames(JiebaNames):
    """A :class:`JiebaNames` whose texts are tagged by a helper process (see the module)."""

    def __init__(self) -> None:
        super().__init__()
        self._owner = os.getpid()
        self._lock = threading.Lock()
        self._local: JiebaNames | None = None
        self._conn: Connection | None = None
        self._process: Any = None
        # a fresh interpreter, not a fork: it inherits none of the build's open files (a fork's
        # copy of a pipe the build opened would keep that pipe open as long as the helper lives)
        context = multiprocessing.get_context("spawn")
        parent, child = context.Pipe()
        self._process = context.Process(target=_serve, args=(child,), name="sunlight-names", daemon=True)
        try:
            self._process.start()
        except OSError as exc:
            log.warning("名称识别辅助进程无法启动，改在本进程识别 / name helper not started (%s)", exc)
            parent.close()
            self._process = None
            return
        finally:
            child.close()
        self._conn = parent

    @property
    def helped(self) -> bool:
        """Whether texts go to the helper process (False once it failed or could not start)."""
        return self._conn is not None and os.getpid() == self._owner

    def _tag(self, text: str) -> tuple[str, ...]:
        if self.helped:
            with self._lock:
                try:
                    assert self._conn is not None
                    self._conn.send(text)
                    if not self._conn.poll(ANSWER_WITHIN):
                        raise TimeoutError(f"no answer within {ANSWER_WITHIN} s")
                    return tuple(self._conn.recv())
                except (EOFError, OSError) as exc:  # TimeoutError is an OSError
                    log.warning(
                        "名称识别辅助进程已停止，改在本进程识别 / name helper stopped (%s); tagging here", exc
                    )
                    self._drop()
        if self._local is None:
            self._local = JiebaNames()
        return self._local(text)

    def close(self) -> None:
        """Stop the helper (it also stops with this process)."""
        if self.helped:
            with self._lock:
                try:
                    assert self._conn is not None
                    self._conn.send(None)
                except OSError:
                    pass
                self._drop(wait=5.0)

    def _drop(self, wait: float = 0.0) -> None:
        """Forget the helper: give it ``wait`` seconds to end, then kill it."""
        if self._conn is not None:
            self._conn.close()
        self._conn = None
        if self._process is not None:
            self._process.join(timeout=wait)
            if self._process.is_alive():
                self._process.kill()
                self._process.join()
            self._process = None


def _serve(conn: Connection) -> None:
    """The helper: load the tagger at once, then answer each text with its person names, until
    the build says stop or its end of the pipe closes (the build ended, even killed)."""
    finder = JiebaNames()
    finder.load()
    while True:
        try:
            text = conn.recv()
        except EOFError:  # the build ended
            return
        if text is None:
            return
        conn.send(finder(text))


def start() -> JiebaNames:
    """The process's name finder, with its helper started now if this process has none yet:
    call it before the slow work that the tagger's load should overlap (reading ``content/``)."""
    current = person_names.installed_finder()
    if isinstance(current, ProcessNames) and current.helped:
        return current
    if current is not None and not isinstance(current, ProcessNames):
        return current  # a finder installed by someone else (a test's) stays
    finder = ProcessNames()
    person_names.install_finder(finder)
    return finder


def stop() -> None:
    """End the process's helper, if it has one: for a process that goes on after its build
    (``sunlight serve``), so the helper's memory (jieba's dictionary) is given back."""
    current = person_names.installed_finder()
    if isinstance(current, ProcessNames):
        current.close()
