"""``personnel.csv``: law-enforcement officers (执法人员) and their certificates."""

from __future__ import annotations

import re
from pathlib import Path

from sunlight.content.model import Person
from sunlight.content.registers import enum_alias, register_rows
from sunlight.domain.problems import Problems

ALIASES = {
    "姓名": "name",
    "执法证号": "cert_no",
    "所属机构": "office",
    "执法区域": "area",
    "执法领域": "domains",
    "有效期至": "valid_until",
    "状态": "status",
}
STATUS = {
    "active": "active",
    "revoked": "revoked",
    "有效": "active",
    "在岗": "active",
    "注销": "revoked",
    "已注销": "revoked",
    "expired": "expired",
    "过期": "expired",
    "已过期": "expired",
}
SEPARATORS = re.compile(r"[、,，;；/]")


def load_personnel(root: Path, problems: Problems) -> list[Person]:
    people: list[Person] = []
    for f in register_rows(root, "personnel", ALIASES, ("name", "cert_no", "office"), problems):
        person = Person(source=f.file, line=f.line)
        person.name = f.text("name", required=True)
        person.cert_no = f.text("cert_no", required=True)
        person.office = f.text("office", required=True)
        person.area = f.text("area")
        person.domains = tuple(d.strip() for d in SEPARATORS.split(f.text("domains")) if d.strip())
        person.valid_until = f.date("valid_until")
        person.status = enum_alias(f, "status", STATUS, "active")
        people.append(person)
    return people
