"""Every boto3 call of ``sunlight publish``: list, read digests, put, delete, invalidate.

AWS errors become ``PublishError`` (Chinese and English, naming the bucket, key or
distribution). Endpoints come from boto3's own settings, so ``AWS_ENDPOINT_URL_S3`` and
``AWS_ENDPOINT_URL_CLOUDFRONT`` point it at a local server; credentials and region from the
usual chain. boto3 clients are thread-safe: one client serves every upload thread.
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import boto3
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError, NoCredentialsError

from sunlight.publish.errors import PublishError
from sunlight.publish.objects import DIGEST_META, Headers

DELETE_BATCH = 1000  # DeleteObjects takes at most 1,000 keys

# AWS error codes with a message of their own; anything else is reported with its code.
KNOWN = {
    "NoSuchBucket": ("存储桶不存在", "bucket not found"),
    "AccessDenied": ("无权访问", "access denied"),
    "InvalidAccessKeyId": ("访问密钥无效", "the access key is not valid"),
    "SignatureDoesNotMatch": ("访问密钥签名不符", "the secret key does not match"),
    "NoSuchDistribution": ("CloudFront 分发不存在", "CloudFront distribution not found"),
    "TooManyInvalidationsInProgress": ("进行中的失效请求过多", "too many invalidations in progress"),
}


@contextmanager
def aws_errors(what_zh: str, what_en: str) -> Iterator[None]:
    try:
        yield
    except NoCredentialsError as exc:
        raise PublishError(
            f"{what_zh}：未找到 AWS 凭证",
            f"{what_en}: no AWS credentials found (environment, profile or role)",
        ) from exc
    except ClientError as exc:
        error = exc.response.get("Error", {})
        code = str(error.get("Code", "?"))
        zh, en = KNOWN.get(code, ("AWS 返回错误", "AWS refused"))
        raise PublishError(
            f"{what_zh}：{zh}（{code}）", f"{what_en}: {en} ({code}: {error.get('Message', '')})"
        ) from exc
    except BotoCoreError as exc:
        raise PublishError(f"{what_zh}：连接失败", f"{what_en}: {exc}") from exc


class SiteBucket:
    """The bucket the site is published to, and the CloudFront distribution in front of it."""

    def __init__(self, bucket: str, workers: int = 16) -> None:
        self.bucket = bucket
        config = Config(max_pool_connections=max(10, workers + 2), retries={"mode": "standard"})
        self._s3 = boto3.client("s3", config=config)
        self._config = config

    def list_sizes(self, prefix: str) -> dict[str, int]:
        """Every object under ``prefix``: key -> size."""
        sizes: dict[str, int] = {}
        with aws_errors(f"列出存储桶 {self.bucket} 的对象", f"listing bucket {self.bucket}"):
            pages = self._s3.get_paginator("list_objects_v2").paginate(Bucket=self.bucket, Prefix=prefix)
            for page in pages:
                for item in page.get("Contents", []):
                    sizes[item["Key"]] = int(item["Size"])
        return sizes

    def read_digest(self, key: str) -> str | None:
        """The digest this tool kept in the object's metadata (None for an object without one)."""
        with aws_errors(f"读取对象 {key}", f"reading object {key}"):
            try:
                head = self._s3.head_object(Bucket=self.bucket, Key=key)
            except ClientError as exc:
                if exc.response.get("Error", {}).get("Code") in ("404", "NoSuchKey", "NotFound"):
                    return None  # deleted since it was listed
                raise
        return head.get("Metadata", {}).get(DIGEST_META)

    def put(self, key: str, body: bytes, headers: Headers, digest: str) -> None:
        extra: dict[str, Any] = {
            "ContentType": headers.content_type,
            "CacheControl": headers.cache_control,
            "Metadata": {DIGEST_META: digest},
        }
        if headers.content_encoding:
            extra["ContentEncoding"] = headers.content_encoding
        with aws_errors(f"上传 {key}", f"uploading {key}"):
            self._s3.put_object(Bucket=self.bucket, Key=key, Body=body, **extra)

    def delete(self, keys: Sequence[str]) -> None:
        for start in range(0, len(keys), DELETE_BATCH):
            chunk = keys[start : start + DELETE_BATCH]
            with aws_errors(f"删除存储桶 {self.bucket} 的对象", f"deleting objects of bucket {self.bucket}"):
                answer = self._s3.delete_objects(
                    Bucket=self.bucket, Delete={"Objects": [{"Key": k} for k in chunk], "Quiet": True}
                )
            failed = answer.get("Errors", [])
            if failed:
                first = failed[0]
                raise PublishError(
                    f"{len(failed)} 个对象未能删除，例如 {first.get('Key')}（{first.get('Code')}）",
                    f"{len(failed)} objects could not be deleted, e.g. {first.get('Key')} "
                    f"({first.get('Code')}: {first.get('Message')})",
                )

    def invalidate(self, distribution: str, paths: Sequence[str]) -> str:
        """One invalidation of ``paths``; returns its id."""
        cloudfront = boto3.client("cloudfront", config=self._config)
        batch = {
            "Paths": {"Quantity": len(paths), "Items": list(paths)},
            "CallerReference": f"sunlight-publish-{time.time_ns()}",
        }
        with aws_errors(
            f"使 CloudFront 分发 {distribution} 缓存失效",
            f"invalidating CloudFront distribution {distribution}",
        ):
            answer = cloudfront.create_invalidation(DistributionId=distribution, InvalidationBatch=batch)
        return str(answer["Invalidation"]["Id"])
