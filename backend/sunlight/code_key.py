"""The secret key of the access-code hashes, kept outside the store (#12).

Access codes are stored as HMAC-SHA-256 with this key (``sunlight.service.codes``), so a copy of
the store alone (a backup, a stolen file, a table export) cannot test a guessed code. Where the
key lives:

- one machine (``sunlight serve``, the commands): a file beside the store,
  ``$SUNLIGHT_DATA/access-code.key``, created with mode 0600 on first use; back it up with the
  data directory: without it no filed access code can be checked;
- AWS: an SSM Parameter Store SecureString named by ``SUNLIGHT_CODE_KEY_PARAMETER`` (at least 32
  characters; e.g. ``openssl rand -hex 32``), read with decryption on first use.

Every source is lazy: nothing is read or created until a complaint is filed or a code checked.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

KEY_FILE = "access-code.key"
MIN_KEY_BYTES = 32


class CodeKey(Protocol):
    def get(self) -> bytes: ...


class CodeKeyError(RuntimeError):
    """The key cannot be read or created."""


class StaticCodeKey:
    """A key given in code (tests)."""

    def __init__(self, key: bytes) -> None:
        if len(key) < MIN_KEY_BYTES:
            raise ValueError(f"the access-code key needs at least {MIN_KEY_BYTES} bytes")
        self._key = key

    def get(self) -> bytes:
        return self._key


class _Lazy:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._key: bytes | None = None

    def get(self) -> bytes:
        with self._lock:
            if self._key is None:
                key = self._load()
                if len(key) < MIN_KEY_BYTES:
                    raise CodeKeyError(
                        f"查询码密钥过短 / the access-code key from {self} is shorter than {MIN_KEY_BYTES} bytes"
                    )
                self._key = key
            return self._key

    def _load(self) -> bytes:
        raise NotImplementedError


class FileCodeKey(_Lazy):
    """A key file beside the store: created (64 hex characters, mode 0600) by whichever process
    needs it first; every other process reads the same file."""

    def __init__(self, path: str | Path) -> None:
        super().__init__()
        self.path = Path(path)

    def __str__(self) -> str:
        return f"file {self.path}"

    def _load(self) -> bytes:
        try:
            if not self.path.exists():
                self._create()
            text = self.path.read_text(encoding="ascii").strip()
        except (OSError, UnicodeDecodeError) as exc:
            raise CodeKeyError(
                f"无法读取或创建查询码密钥文件 {self.path} / cannot read or create the access-code key file"
                f" {self.path}: {exc}"
            ) from exc
        return text.encode("ascii")

    def _create(self) -> None:
        """Write a complete key to a private temporary file, then link it into place: of two processes
        creating it at once, one wins and both read the winner's key, never a half-written file."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}.{secrets.token_hex(4)}")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            with os.fdopen(fd, "w") as out:
                out.write(secrets.token_hex(32) + "\n")
                out.flush()
                os.fsync(out.fileno())
            with contextlib.suppress(FileExistsError):
                os.link(tmp, self.path)
        finally:
            tmp.unlink(missing_ok=True)


class SsmCodeKey(_Lazy):
    """An SSM Parameter Store SecureString (AWS)."""

    def __init__(self, parameter: str, client_factory: Callable[[], Any] | None = None) -> None:
        super().__init__()
        self.parameter = parameter
        self._client_factory = client_factory

    def __str__(self) -> str:
        return f"SSM parameter {self.parameter}"

    def _load(self) -> bytes:
        from botocore.exceptions import BotoCoreError, ClientError

        if self._client_factory is not None:
            client = self._client_factory()
        else:
            import boto3  # on first use, not at cold start

            client = boto3.client("ssm")
        try:
            answer = client.get_parameter(Name=self.parameter, WithDecryption=True)
            return str(answer["Parameter"]["Value"]).strip().encode("utf-8")
        except (ClientError, BotoCoreError, KeyError) as exc:
            raise CodeKeyError(
                f"无法读取查询码密钥参数 {self.parameter} / cannot read the access-code key parameter"
                f" {self.parameter}: {exc}"
            ) from exc
