"""The YAML loader keeps line numbers and reports syntax errors and repeated keys."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sunlight.content.yamlfile import LineList, LineMap, load_yaml, parse_yaml
from sunlight.domain.problems import Problems

TEXT = """\
# comment
- id: a
  name: 甲
  streets:
    - 新镇街道
    - 城南街道
- id: b
  when: 2025-09-28
"""


def test_lines_of_mappings_keys_and_items() -> None:
    problems = Problems()
    data = parse_yaml(TEXT, "content/offices.yaml", problems)
    assert isinstance(data, LineList) and data.item_lines == [2, 7]
    first, second = data
    assert isinstance(first, LineMap) and first.line == 2
    assert first.key_lines == {"id": 2, "name": 3, "streets": 4}
    assert first["streets"].item_lines == [5, 6]
    assert second.line_of("when") == 8 and second["when"] == dt.date(2025, 9, 28)
    assert second.line_of("missing") == 7
    assert problems.items == []


def test_repeated_key_is_an_error_at_its_line() -> None:
    problems = Problems()
    parse_yaml("id: a\nname: 甲\nid: b\n", "content/agency.yaml", problems)
    assert [str(p) for p in problems.items] == ["content/agency.yaml:3: id: 键重复 / key given twice"]


def test_syntax_error_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("a: 1\nb: [1, 2\nc: 3\n", encoding="utf-8")
    problems = Problems()
    assert load_yaml(path, "content/bad.yaml", problems) is None
    (problem,) = problems.items
    assert problem.file == "content/bad.yaml" and problem.line == 3
    assert problem.zh == "YAML 格式错误"


def test_anchors_and_merge_keys_still_work() -> None:
    problems = Problems()
    data = parse_yaml("base: &b {x: 1}\nitem:\n  <<: *b\n  y: 2\n", "f.yaml", problems)
    assert data["item"] == {"x": 1, "y": 2}
    assert problems.items == []
