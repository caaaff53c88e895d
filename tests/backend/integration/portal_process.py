"""Run ``sunlight serve`` as a real process for integration and browser tests."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[3]
SUNLIGHT = ROOT / ".venv" / "bin" / "sunlight"
FIXTURE = ROOT / "tests" / "fixtures" / "small-agency"
STARTUP_SECONDS = 120


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def run_axe(page: Any) -> list[dict]:
    """``tests/conftest.py``'s axe-core helper (loaded by path: every test folder has its own ``conftest``)."""
    spec = importlib.util.spec_from_file_location("sunlight_tests_shared", ROOT / "tests" / "conftest.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.run_axe(page)


def content_with_office_email(target: Path) -> Path:
    """A copy of the small fixture agency whose supervision office has an e-mail address."""
    shutil.copytree(FIXTURE, target)
    offices = target / "offices.yaml"
    text = offices.read_text(encoding="utf-8")
    marker = "- id: supervision\n"
    assert marker in text, "the fixture agency has a supervision office"
    offices.write_text(
        text.replace(marker, marker + "  email: jd@qingshi.example.gov.cn\n"), encoding="utf-8"
    )
    return target


class Portal:
    def __init__(
        self,
        content: Path,
        data: Path,
        port: int,
        env: dict[str, str] | None = None,
        args: tuple[str, ...] = (),
    ) -> None:
        self.content = content
        self.args = args  # more options of ``sunlight serve``
        self.data = data
        self.port = port
        self.env = env or {}
        self.process: subprocess.Popen[bytes] | None = None
        self.log = data.parent / f"serve-{port}.log"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def command(self, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
        """Run another ``sunlight`` subcommand (e.g. ``staff add``) on the same ``--data``."""
        return subprocess.run(
            [str(SUNLIGHT), *args, "--data", str(self.data)],
            env={**os.environ, **self.env, **(env or {})},
            capture_output=True,
            text=True,
            timeout=60,
        )

    def start(self, tick_seconds: float = 0.5, **env: str) -> Portal:
        self.env.update(env)
        full_env = {**os.environ, "SUNLIGHT_BUILD_SEARCH": "0", "PYTHONUNBUFFERED": "1", **self.env}
        self._log_file = self.log.open("ab")
        self.process = subprocess.Popen(
            [
                str(SUNLIGHT),
                "serve",
                str(self.content),
                "--port",
                str(self.port),
                "--data",
                str(self.data),
                "--tick-seconds",
                str(tick_seconds),
                *self.args,
            ],
            env=full_env,
            stdout=self._log_file,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + STARTUP_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(
                    f"sunlight serve exited {self.process.returncode}:\n{self.log.read_text()}"
                )
            try:
                if self.request("GET", "/api/health")[0] == 200:
                    return self
            except OSError:
                pass
            time.sleep(0.3)
        raise RuntimeError(f"sunlight serve did not start:\n{self.log.read_text()}")

    def kill9(self) -> None:
        assert self.process is not None
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(10)
        self._log_file.close()

    def terminate(self, timeout: float = 15) -> int:
        assert self.process is not None
        self.process.send_signal(signal.SIGTERM)
        code = self.process.wait(timeout)
        self._log_file.close()
        return code

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(10)
            self._log_file.close()

    def request(
        self,
        method: str,
        path: str,
        body: Any = None,
        headers: dict[str, str] | None = None,
        raw: bytes | None = None,
    ) -> tuple[int, dict[str, str], bytes]:
        data = raw if raw is not None else (None if body is None else json.dumps(body).encode())
        all_headers = (
            {"Content-Type": "application/json", **(headers or {})}
            if data is not None
            else dict(headers or {})
        )
        request = urllib.request.Request(self.url + path, data=data, method=method, headers=all_headers)
        opener = urllib.request.build_opener(NoRedirect)
        try:
            with opener.open(request, timeout=30) as response:
                return response.status, dict(response.headers), response.read()
        except urllib.error.HTTPError as exc:
            return exc.code, dict(exc.headers), exc.read()

    def json(
        self, method: str, path: str, body: Any = None, headers: dict[str, str] | None = None
    ) -> tuple[int, Any]:
        status, _, data = self.request(method, path, body, headers)
        return status, json.loads(data) if data else None


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


if __name__ == "__main__":  # pragma: no cover - manual use
    sys.exit("import this module from a test")
