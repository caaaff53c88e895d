"""The backend's catalog from a private S3 key (``SUNLIGHT_CATALOG=s3://BUCKET/KEY``), on AWS.

The site build writes the backend's catalog (with the offices' webhook URLs, never published under
the site's prefix); the operator uploads it to a key that only the functions may read. A function
reads it once when it starts, then asks S3 again at most every ``refresh`` seconds with a
conditional GET (``IfNoneMatch`` = the ETag it has): an unchanged catalog costs one 304 and no
parsing, a new one replaces the old without a redeploy. A catalog that cannot be read or used
after the first keeps the last good one (and logs why): a bad upload does not stop the API.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from sunlight.domain.catalog import Catalog
from sunlight.domain.problems import Problem
from sunlight.service.catalog import CatalogError, catalog_from_dict

log = logging.getLogger("sunlight.catalog")


def parse_s3_url(url: str) -> tuple[str, str]:
    parts = urlsplit(url)
    key = parts.path.lstrip("/")
    if parts.scheme != "s3" or not parts.netloc or not key:
        raise ValueError(
            f"SUNLIGHT_CATALOG 应形如 s3://bucket/key / must look like s3://bucket/key, got {url!r}"
        )
    return parts.netloc, key


class S3Catalog:
    def __init__(
        self,
        url: str,
        refresh: float = 60.0,
        client: Any = None,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.url = url
        self.bucket, self.key = parse_s3_url(url)
        self.refresh = refresh
        self._client = client
        self._monotonic = monotonic
        self._lock = threading.Lock()
        self._catalog: Catalog | None = None
        self.etag = ""
        self._checked_at = 0.0
        self.requests = 0  # GETs sent (200 or 304), for tests and logs

    @property
    def client(self) -> Any:
        if self._client is None:
            import boto3  # in the Lambda runtime

            self._client = boto3.client("s3")
        return self._client

    def _fetch(self) -> tuple[Catalog, str] | None:
        """The catalog and its ETag, or None when S3 answers 304 Not Modified."""
        from botocore.exceptions import BotoCoreError, ClientError

        kwargs: dict[str, Any] = {"Bucket": self.bucket, "Key": self.key}
        if self.etag:
            kwargs["IfNoneMatch"] = self.etag
        self.requests += 1
        try:
            answer = self.client.get_object(**kwargs)
            body = answer["Body"].read()
        except ClientError as exc:
            error = exc.response.get("Error", {})
            status = exc.response.get("ResponseMetadata", {}).get("HTTPStatusCode")
            if status == 304 or error.get("Code") in ("304", "NotModified"):
                return None
            raise CatalogError(
                [Problem("无法读取目录", f"cannot read the catalog: {exc}", file=self.url)]
            ) from exc
        except BotoCoreError as exc:
            raise CatalogError(
                [Problem("无法读取目录", f"cannot read the catalog: {exc}", file=self.url)]
            ) from exc
        try:
            data = json.loads(body)
        except ValueError as exc:
            raise CatalogError(
                [Problem("目录不是 JSON", f"the catalog is not JSON: {exc}", file=self.url)]
            ) from exc
        return catalog_from_dict(data, source=self.url), str(answer.get("ETag", ""))

    def get(self) -> Catalog:
        """The current catalog; raises :class:`CatalogError` only when there has never been one."""
        with self._lock:
            now = self._monotonic()
            if self._catalog is not None and now - self._checked_at < self.refresh:
                return self._catalog
            try:
                fetched = self._fetch()
            except CatalogError as exc:
                if self._catalog is None:
                    raise
                log.warning("keeping the catalog of ETag %s: %s", self.etag, exc)
                fetched = None
            self._checked_at = now
            if fetched is not None:
                self._catalog, self.etag = fetched
                log.info("catalog %s loaded (ETag %s)", self.url, self.etag)
            assert self._catalog is not None
            return self._catalog
