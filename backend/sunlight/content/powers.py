"""``powers/*.yaml``: the power list (行政权力事项清单); a file holds one item or a list."""

from __future__ import annotations

import re
from pathlib import Path

from sunlight.content.fields import Fields, items_of, source_name
from sunlight.content.model import POWER_TYPES, DiscretionRow, LegalBasis, Power
from sunlight.content.yamlfile import load_yaml
from sunlight.domain.problems import Problems

CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
POWER_KEYS = (
    "code",
    "name",
    "type",
    "domain",
    "subject",
    "office",
    "basis",
    "time_limit_days",
    "discretion",
    "flowchart",
    "guide",
    "remedy",
    "status",
    "retired_on",
    "updated_on",
)
STATUSES = ("active", "retired")


def load_powers(root: Path, problems: Problems) -> list[Power]:
    powers: list[Power] = []
    for path in sorted((root / "powers").glob("*.y*ml")):
        name = source_name(root, path)
        for item in items_of(load_yaml(path, name, problems), name, problems, list_key="powers"):
            powers.append(load_power(Fields(item, name, problems)))
    return powers


def load_power(f: Fields) -> Power:
    f.allow(*POWER_KEYS)
    power = Power(source=f.file, line=f.line)
    power.remember_lines(f.key_lines())
    power.code = f.text("code", required=True)
    f.record_id = power.code
    if power.code and not CODE.match(power.code):
        f.error(
            "code",
            "事项编码只能含英文字母、数字、点、连字符和下划线",
            "code may hold only ascii letters, digits, '.', '-' and '_'",
            power.code,
        )
    power.name = f.text("name", required=True)
    power.type = f.enum("type", POWER_TYPES, required=True)
    power.domain = f.text("domain", required=True)
    power.subject = f.text("subject", required=True)
    power.office = f.text("office", required=True)
    power.time_limit_days = f.integer("time_limit_days", minimum=1)
    power.flowchart = f.text("flowchart", required=True)
    power.guide = f.text("guide")
    power.remedy = f.text("remedy")
    power.status = f.enum("status", STATUSES, default="active")
    power.retired_on = f.date("retired_on")
    power.updated_on = f.date("updated_on")
    if power.status == "retired" and power.retired_on is None and not f.has("retired_on"):
        f.error("retired_on", "已取消的事项须填写取消日期", "a retired power needs retired_on")
    if power.status == "active" and f.has("retired_on"):
        f.error("retired_on", "仅已取消(retired)的事项可填写取消日期", "only a retired power has retired_on")
    for line, row in f.records("basis", required=True):
        b = Fields(row, f.file, f.problems, line=line, record_id=power.code)
        b.allow("law", "article", "text")
        law = b.text("law", required=True)
        if law:
            power.basis.append(LegalBasis(law=law, article=b.text("article"), text=b.text("text")))
    if f.data.get("basis") == []:
        f.error("basis", "至少应有一条法律依据", "at least one legal basis is required")
    for line, row in f.records("discretion"):
        d = Fields(row, f.file, f.problems, line=line, record_id=power.code)
        d.allow("circumstance", "range")
        circumstance, span = d.text("circumstance", required=True), d.text("range", required=True)
        if circumstance and span:
            power.discretion.append(DiscretionRow(circumstance=circumstance, range=span))
    if power.type == "行政处罚" and power.status == "active" and not f.has("discretion"):
        f.warning("discretion", "行政处罚事项未公布裁量基准", "penalty item without a discretion benchmark")
    return power
