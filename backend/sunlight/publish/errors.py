"""The publisher's own errors: a message in Chinese and English."""

from __future__ import annotations


class PublishError(Exception):
    """Publishing could not go on (message: ``中文 / English``)."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(f"{zh} / {en}")
        self.zh = zh
        self.en = en


class TooManyDeletes(PublishError):
    """The plan would delete more objects than ``--max-deletes`` allows."""
