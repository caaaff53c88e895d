"""``sunlight partner add|list|rotate`` as real processes on a real SQLite file: the secret printed
once, stored only sealed (not in the file), opened with the access-code key beside the store."""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

from sunlight.code_key import FileCodeKey
from sunlight.service.partner_secrets import unseal

HEX64 = re.compile(r"^[0-9a-f]{64}$")


def partner(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sunlight.cli", "partner", *args, "--data", str(data)],
        capture_output=True,
        text=True,
        env=os.environ.copy(),
        timeout=60,
        check=False,
    )


def stored(data: Path) -> tuple[str, str]:
    with sqlite3.connect(data / "sunlight.sqlite3") as conn:
        return conn.execute("SELECT webhook, sealed_secret FROM partners WHERE name = '12345'").fetchone()


def test_add_list_rotate(tmp_path: Path) -> None:
    data = tmp_path / "data"
    added = partner(data, "add", "--name", "12345", "--webhook", "https://hotline.example.gov.cn/hook")
    assert added.returncode == 0, added.stderr
    secret = added.stdout.strip()
    assert HEX64.match(secret)  # stdout holds the secret alone: SECRET=$(sunlight partner add ...)
    assert "只显示这一次" in added.stderr and "/api/exchange/12345/orders" in added.stderr
    webhook, sealed = stored(data)
    assert webhook == "https://hotline.example.gov.cn/hook"
    assert secret not in sealed and secret.encode() not in (data / "sunlight.sqlite3").read_bytes()
    key = FileCodeKey(data / "access-code.key").get()
    assert unseal(sealed, "12345", key) == secret

    listed = partner(data, "list")
    assert listed.returncode == 0
    assert listed.stdout.startswith("12345\thttps://hotline.example.gov.cn/hook\t")
    assert secret not in listed.stdout

    again = partner(data, "add", "--name", "12345", "--webhook", "https://other.example/")
    assert again.returncode == 1
    assert "name: 该合作方已存在 / this partner exists already" in again.stderr

    rotated = partner(data, "rotate", "--name", "12345")
    assert rotated.returncode == 0, rotated.stderr
    new = rotated.stdout.strip()
    assert HEX64.match(new) and new != secret
    assert unseal(stored(data)[1], "12345", key) == new
    assert stored(data)[0] == "https://hotline.example.gov.cn/hook"  # kept unless --webhook


def test_bad_input_names_the_field(tmp_path: Path) -> None:
    data = tmp_path / "data"
    bad = partner(data, "add", "--name", "12345", "--webhook", "ftp://hotline.example/")
    assert bad.returncode == 1 and "webhook:" in bad.stderr
    bad = partner(data, "add", "--name", "热线", "--webhook", "https://hotline.example/")
    assert bad.returncode == 1 and "name:" in bad.stderr
    missing = partner(data, "rotate", "--name", "110")
    assert missing.returncode == 1 and "no such partner" in missing.stderr
