"""``exemptions.yaml``: the four lists (四张清单) of exempt, lighter and mitigated penalties."""

from __future__ import annotations

from pathlib import Path

from sunlight.content.fields import Fields, check_unique, source_name
from sunlight.content.model import Exemption
from sunlight.content.yamlfile import LineList, load_yaml
from sunlight.domain.problems import Problem, Problems

LISTS = {
    "no_penalty": "不予处罚",
    "lighter": "从轻处罚",
    "mitigated": "减轻处罚",
    "no_coercion": "不予行政强制",
}
ITEM_KEYS = ("code", "violation", "conditions", "basis", "power_code")


def load_exemptions(root: Path, problems: Problems) -> list[Exemption]:
    path = root / "exemptions.yaml"
    if not path.exists():
        return []
    name = source_name(root, path)
    data = load_yaml(path, name, problems)
    if data is None:
        return []
    if not isinstance(data, dict):
        problems.add(
            Problem(
                "文件内容应为映射(四张清单)",
                "the file must hold a mapping of the four lists",
                file=name,
                line=1,
            )
        )
        return []
    top = Fields(data, name, problems)
    top.allow(*LISTS)
    items: list[Exemption] = []
    for list_key in LISTS:
        for line, row in top.records(list_key):
            f = Fields(row, name, problems, line=line)
            f.allow(*ITEM_KEYS)
            item = Exemption(source=name, line=f.line, list=list_key)
            item.remember_lines(f.key_lines())
            item.code = f.text("code", required=True)
            f.record_id = item.code
            item.violation = f.text("violation", required=True)
            item.conditions = f.text("conditions", required=True)
            item.basis = f.text("basis", required=True)
            item.power_code = f.text("power_code")
            items.append(item)
        if isinstance(data.get(list_key), LineList) and not data[list_key]:
            top.warning(list_key, "清单为空", "the list is empty")
    check_unique(items, "code", problems, zh_what="清单编号", en_what="item code")
    return items
