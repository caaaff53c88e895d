"""The access-code key on AWS: an SSM SecureString named by SUNLIGHT_CODE_KEY_PARAMETER, read lazily
(moto server over HTTP, as the other AWS tests)."""

from __future__ import annotations

import uuid

import boto3
import pytest
from sunlight import bootstrap
from sunlight.code_key import CodeKeyError, SsmCodeKey
from sunlight.service import codes


def test_the_key_is_read_from_a_secure_string_on_first_use(aws: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    name = f"/sunlight/code-key-{uuid.uuid4().hex[:6]}"
    config = bootstrap.Config.from_environment({"SUNLIGHT_CODE_KEY_PARAMETER": name}, data_dir=tmp_path)
    key = config.code_key()
    assert isinstance(key, SsmCodeKey)  # nothing read yet: the parameter may be created after
    secret = "3f" * 32
    boto3.client("ssm").put_parameter(Name=name, Value=secret, Type="SecureString")
    assert key.get() == secret.encode()
    stored = codes.hash_access_code("ABCDE23456", key.get())
    assert codes.verify_access_code("abcde-23456", stored, key.get())
    assert not (tmp_path / "access-code.key").exists()  # no key file where the parameter is named


def test_a_missing_or_short_parameter_is_a_clear_error(aws: str) -> None:
    with pytest.raises(CodeKeyError, match="/sunlight/no-such-key"):
        SsmCodeKey("/sunlight/no-such-key").get()
    boto3.client("ssm").put_parameter(Name="/sunlight/short-key", Value="short", Type="SecureString")
    with pytest.raises(CodeKeyError, match="shorter than 32"):
        SsmCodeKey("/sunlight/short-key").get()
