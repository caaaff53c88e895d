"""jieba's prefix dictionary kept between builds: the same dictionary, read back, checked."""

from __future__ import annotations

import importlib.util
import marshal
import os
from pathlib import Path

import jieba
import pytest
from sunlight_site.decisions import prefix_cache
from sunlight_site.decisions.tagger_process import ProcessNames

DICTIONARY = Path(importlib.util.find_spec("jieba").origin).with_name("dict.txt")


def built() -> tuple[dict[str, int], int]:
    """jieba's own prefix dictionary of its bundled dictionary, built the way jieba builds it."""
    tokenizer = jieba.Tokenizer()
    return tokenizer.gen_pfdict(tokenizer.get_dict_file())


def test_the_first_build_writes_it_and_the_next_reads_the_same_dictionary(tmp_path: Path) -> None:
    first = jieba.Tokenizer()
    assert prefix_cache.prepare(first, DICTIONARY, tmp_path) is False  # nothing kept yet: built
    (kept,) = tmp_path.glob("jieba-prefix-*.marshal")
    second = jieba.Tokenizer()
    assert prefix_cache.prepare(second, DICTIONARY, tmp_path) is True  # read back
    freq, total = built()
    assert second.initialized and second.total == total and freq == second.FREQ
    assert len(freq) == 498_113  # jieba 0.42.1's bundled dictionary with its prefixes
    assert kept.name == prefix_cache.cache_file(DICTIONARY, tmp_path).name


def test_the_folder_is_the_user_s_own(tmp_path: Path) -> None:
    folder = tmp_path / "made"
    prefix_cache.prepare(jieba.Tokenizer(), DICTIONARY, folder)
    assert folder.stat().st_mode & 0o777 == 0o700


@pytest.mark.parametrize(
    "content", [b"", b"not marshal", marshal.dumps(({"a": 1}, 1)), marshal.dumps([1, 2])]
)
def test_a_bad_file_is_built_again_and_replaced(tmp_path: Path, content: bytes) -> None:
    path = prefix_cache.cache_file(DICTIONARY, tmp_path)
    path.write_bytes(content)
    tokenizer = jieba.Tokenizer()
    assert prefix_cache.prepare(tokenizer, DICTIONARY, tmp_path) is False
    assert built()[0] == tokenizer.FREQ
    assert prefix_cache.prepare(jieba.Tokenizer(), DICTIONARY, tmp_path) is True  # now a good one


def test_another_dictionary_is_kept_under_another_name(tmp_path: Path) -> None:
    other = tmp_path / "dict.txt"
    other.write_bytes(DICTIONARY.read_bytes() + "测试词 3 n\n".encode())
    assert prefix_cache.cache_file(other, tmp_path) != prefix_cache.cache_file(DICTIONARY, tmp_path)


def test_a_folder_that_cannot_be_written_only_costs_time(tmp_path: Path) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    tokenizer = jieba.Tokenizer()
    assert prefix_cache.prepare(tokenizer, DICTIONARY, blocked / "sunlight") is False
    assert built()[0] == tokenizer.FREQ


def test_the_folder_follows_the_environment(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("SUNLIGHT_CACHE_DIR", str(tmp_path / "explicit"))
    assert prefix_cache.cache_dir() == tmp_path / "explicit"
    monkeypatch.delenv("SUNLIGHT_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert prefix_cache.cache_dir() == tmp_path / "xdg" / "sunlight"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert prefix_cache.cache_dir() == tmp_path / "home" / ".cache" / "sunlight"


def test_the_helper_tags_with_the_kept_dictionary(monkeypatch, tmp_path: Path) -> None:
    # a kept dictionary that knows the whole sentence as one word: jieba then cuts it as one
    # untagged word and finds no name in it, which only the kept file can have taught it
    sentence = "当事人与张三发生争执"
    freq, total = built()
    for end in range(1, len(sentence)):
        freq.setdefault(sentence[:end], 0)
    freq[sentence] = 10**9
    prefix_cache.cache_file(DICTIONARY, tmp_path).write_bytes(marshal.dumps((freq, total + 10**9)))
    monkeypatch.setenv("SUNLIGHT_CACHE_DIR", str(tmp_path))
    helper = ProcessNames()
    try:
        assert helper.helped
        assert helper(sentence + "。") == ()
    finally:
        helper.close()
    # and with the dictionary as jieba builds it, the name is found
    os.remove(prefix_cache.cache_file(DICTIONARY, tmp_path))
    helper = ProcessNames()
    try:
        assert helper(sentence + "。") == ("张三",)
    finally:
        helper.close()


def test_no_home_folder_only_costs_time(monkeypatch) -> None:
    monkeypatch.delenv("SUNLIGHT_CACHE_DIR", raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)

    def no_home() -> Path:
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.setattr(Path, "home", staticmethod(no_home))
    tokenizer = jieba.Tokenizer()
    assert prefix_cache.prepare(tokenizer, DICTIONARY) is False
    assert built()[0] == tokenizer.FREQ
