"""jieba's tagger in a helper process, loading while the build reads its content.

The person-name check (``sunlight.domain.person_names``) needs jieba's part-of-speech tagger,
which takes about a second of CPU to load: in the building process, that second comes before
the first decision can be published, and every page worker forked afterwards starts from a
process holding jieba's dictionary. :func:`start` starts a helper at the start of a build: this
module run as ``python -m`` by the same Python, with the build's import path. It is a new
process, not a fork, so it shares no open file with the build but its two pipes, and runs
nothing of the build's main script. It loads the tagger on the other core while the build
imports its modules and reads and validates ``content/``, then answers one text at a time: a
line of JSON in (the text), a line of JSON out (the names). :class:`ProcessNames` is the build's
:data:`~sunlight.domain.person_names.NameFinder`: a :class:`JiebaNames` (the same prefilter,
digit folding and memo of texts) whose tagging is done by the helper.

The answers are the same as in-process (the helper runs a plain ``JiebaNames``). When the helper
cannot be started (or this is not a POSIX system) or stops answering, the tagging falls back to
this process, with a warning: slower, never unchecked (an answer that takes over two minutes
counts as stopping). A process forked from the build (a page worker) tags in-process too, never
through its parent's pipes. The helper ends when its input closes: when the build closes it, or
ends, even killed.
"""

from __future__ import annotations

import json
import logging
import os
import select
import subprocess
import sys
import threading
from typing import IO

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
        self._process: subprocess.Popen[bytes] | None = None
        if os.name != "posix":  # the answers are awaited with select() on a pipe
            return
        # this module run by the same Python with the same import path; a new process, not a
        # fork, so it holds none of the build's open files (a copy of a pipe the build opened
        # would keep that pipe open as long as the helper lives)
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
        try:
            self._process = subprocess.Popen(
                [sys.executable, "-m", __name__],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                env=env,
                close_fds=True,
            )
        except OSError as exc:
            log.warning("名称识别辅助进程无法启动，改在本进程识别 / name helper not started (%s)", exc)

    @property
    def helped(self) -> bool:
        """Whether texts go to the helper process (False once it failed or could not start)."""
        return self._process is not None and os.getpid() == self._owner

    def _tag(self, text: str) -> tuple[str, ...]:
        if self.helped:
            with self._lock:
                try:
                    return self._ask(text)
                except (OSError, EOFError, ValueError) as exc:  # a TimeoutError is an OSError
                    log.warning(
                        "名称识别辅助进程已停止，改在本进程识别 / name helper stopped (%s); tagging here", exc
                    )
                    self._drop()
        if self._local is None:
            self._local = JiebaNames()
        return self._local(text)

    def _ask(self, text: str) -> tuple[str, ...]:
        """One text to the helper, as a line of JSON; its names back, as a line of JSON."""
        assert self._process is not None and self._process.stdin and self._process.stdout
        self._process.stdin.write(json.dumps(text).encode("ascii") + b"\n")
        self._process.stdin.flush()
        ready, _, _ = select.select([self._process.stdout], [], [], ANSWER_WITHIN)
        if not ready:
            raise TimeoutError(f"no answer within {ANSWER_WITHIN} s")
        line = self._process.stdout.readline()
        if not line:
            raise EOFError("the helper ended")
        names = json.loads(line)
        if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
            raise ValueError(f"not a list of names: {line[:80]!r}")
        return tuple(names)

    def close(self) -> None:
        """Stop the helper (it also stops when this process ends: its input closes)."""
        if self.helped:
            with self._lock:
                self._drop(wait=5.0)

    def _drop(self, wait: float = 0.0) -> None:
        """Forget the helper: close its input, give it ``wait`` seconds to end, then kill it."""
        process, self._process = self._process, None
        if process is None:
            return
        for pipe in (process.stdin, process.stdout):
            try:
                if pipe is not None:
                    pipe.close()
            except OSError:
                pass
        try:
            process.wait(timeout=wait or 0.001)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


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


def serve(source: IO[bytes], answers: IO[bytes]) -> None:
    """The helper's loop: load the tagger at once, then for each line of ``source`` (a text as
    JSON) write a line to ``answers`` (its person names, a JSON list), until ``source`` ends."""
    import jieba.posseg

    from sunlight_site.decisions import prefix_cache
    from sunlight_site.decisions.name_verdicts import jieba_dictionary

    # the prefix dictionary kept from an earlier build, if any (about 0.35 s sooner ready)
    prefix_cache.prepare(jieba.posseg.dt.tokenizer, jieba_dictionary())
    finder = JiebaNames()
    finder.load()
    for line in source:
        answers.write(json.dumps(list(finder(json.loads(line))), ensure_ascii=False).encode() + b"\n")
        answers.flush()


def main() -> int:
    """``python -m sunlight_site.decisions.tagger_process``: the helper. Its answers go to the
    standard output it was started with; anything else printed goes to the standard error."""
    answers = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    serve(sys.stdin.buffer, answers)
    return 0


if __name__ == "__main__":
    sys.exit(main())
