"""``sunlight catalog upload CATALOG --bucket B [--key private/catalog.json]``: the backend catalog to
the bucket's private area, where the functions read it (``SUNLIGHT_CATALOG=s3://B/KEY``).

CATALOG is the file ``sunlight build --backend-catalog`` wrote (with the offices' webhook URLs), or
the folder holding it as ``catalog.json``. It is checked as the functions will read it
(``catalog_from_dict``) before it goes up, so a broken file never replaces a good one. The key must
be in the private area (``private/``), which ``sunlight publish`` never touches and CloudFront
never serves; a built site's public ``data/catalog.json`` (no webhooks) is refused.
"""

from __future__ import annotations

import argparse
import json
import posixpath
import sys
from pathlib import Path
from typing import Any

from sunlight.publish.errors import PublishError
from sunlight.publish.plan import PRIVATE_PREFIX

CATALOG_FILE = "catalog.json"
DEFAULT_KEY = PRIVATE_PREFIX + CATALOG_FILE


def check_key(key: str) -> str:
    clean = posixpath.normpath(key) if key else ""
    if clean != key or not key.startswith(PRIVATE_PREFIX) or key.endswith("/"):
        raise PublishError(
            f"--key {key} 不在存储桶的私有区 {PRIVATE_PREFIX} 之内；后端目录含各科室的 webhook 地址，"
            "只能放在函数可读、CloudFront 不提供的私有区",
            f"--key {key} is not a clean key in the bucket's private area {PRIVATE_PREFIX}; the backend "
            "catalog holds the offices' webhook URLs and belongs where only the functions read it",
        )
    return key


def catalog_file(path: Path) -> Path:
    """The backend catalog named by ``path``: the file, or ``catalog.json`` in the folder."""
    if path.is_dir():
        if (path / "index.html").is_file():
            raise PublishError(
                f"{path} 是构建出的站点；其 data/catalog.json 是公开目录（没有 webhook 地址）。"
                "请上传 sunlight build --backend-catalog 写出的文件",
                f"{path} is a built site: its data/catalog.json is the public catalog (no webhook URLs); "
                "upload the file written by sunlight build --backend-catalog",
            )
        path = path / CATALOG_FILE
    if not path.is_file():
        raise PublishError(f"找不到后端目录：{path}", f"backend catalog not found: {path}")
    return path


def load_checked(path: Path) -> bytes:
    """The file's bytes, once they have passed the functions' own reading of a catalog."""
    from sunlight.service.catalog import CatalogError, catalog_from_dict

    data = path.read_bytes()
    try:
        parsed: Any = json.loads(data)
        if not isinstance(parsed, dict):
            raise ValueError("not an object")
        catalog_from_dict(parsed, source=str(path))
    except (ValueError, CatalogError) as exc:
        raise PublishError(
            f"后端目录无效：{path}：{exc}", f"not a valid backend catalog: {path}: {exc}"
        ) from exc
    return data


def upload(path: Path, bucket: str, key: str = DEFAULT_KEY) -> str:
    """Upload the checked catalog; returns its ETag (unchanged bytes keep it, so warm functions
    answer their conditional GET with a 304 and parse nothing)."""
    import boto3

    from sunlight.publish.s3 import aws_errors

    check_key(key)
    body = load_checked(catalog_file(path))
    with aws_errors(f"上传 s3://{bucket}/{key}", f"uploading s3://{bucket}/{key}"):
        answer = boto3.client("s3").put_object(
            Bucket=bucket,
            Key=key,
            Body=body,
            ContentType="application/json; charset=utf-8",
            CacheControl="no-cache",
        )
    return str(answer.get("ETag", ""))


def run(args: argparse.Namespace) -> int:
    try:
        etag = upload(Path(args.catalog), args.bucket, args.key)
    except PublishError as exc:
        print(f"sunlight catalog upload: {exc}", file=sys.stderr)
        return 2
    print(f"s3://{args.bucket}/{args.key} {etag}")
    return 0
