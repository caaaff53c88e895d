"""build_catalog on the sample agency: the documented schema, and the backend can load it."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from sunlight.content.catalog import build_catalog
from sunlight.content.loader import load_content

ROOT = Path(__file__).resolve().parents[2]


def sample_catalog() -> dict[str, object]:
    content, problems = load_content(ROOT / "content")
    assert not problems.errors
    return build_catalog(
        content,
        dt.date(2026, 11, 22),
        ["D2", "D1"],
        doc_nos={"D2": "明城管罚决字〔2026〕第2号", "D1": "明城管许字〔2026〕第1号"},
    )


def test_schema_of_version_1() -> None:
    catalog = sample_catalog()
    assert set(catalog) == {
        "version", "generated_on", "agency", "offices", "streets", "powers", "complaints", "calendar", "decisions",
        "decision_doc_nos",
        "inspection_plans", "supervision", "case_review",
    }  # fmt: skip
    assert catalog["version"] == 1 and catalog["generated_on"] == "2026-11-22"
    assert catalog["decisions"] == ["D1", "D2"]
    assert list(catalog["decision_doc_nos"].items()) == [
        ("D1", "明城管许字〔2026〕第1号"),
        ("D2", "明城管罚决字〔2026〕第2号"),
    ]
    assert set(catalog["agency"]) == {"name", "short_name", "site_url", "region", "phone", "email"}
    office = catalog["offices"][0]
    assert set(office) == {"id", "name", "kind", "parent", "streets", "roles", "phone", "email"}
    assert office["parent"] is None
    assert "新镇街道" in catalog["streets"] and len(catalog["streets"]) == len(set(catalog["streets"]))
    assert set(catalog["powers"][0]) == {"code", "name", "type", "domain", "office", "status"}
    complaints = catalog["complaints"]
    assert set(complaints) == {"categories", "routing", "settings", "feedback_categories"}
    assert complaints["routing"][-1] == {"match": {}, "handler": "cases"}
    assert all(rule["match"] for rule in complaints["routing"][:-1])
    assert all(v for rule in complaints["routing"] for v in rule["match"].values())
    assert complaints["settings"]["designated_supervision"] == "supervision"
    assert catalog["calendar"]["holidays"] == ["2025-07-30"]
    json.dumps(catalog, ensure_ascii=False)  # serialisable as it is


def test_catalog_carries_nothing_personal() -> None:
    text = json.dumps(sample_catalog(), ensure_ascii=False)
    content, _ = load_content(ROOT / "content")
    for person in content.personnel:
        assert person.name not in text


def test_the_backend_loads_it(tmp_path: Path) -> None:
    from sunlight.service.catalog import load_catalog

    path = tmp_path / "catalog.json"
    path.write_text(json.dumps(sample_catalog(), ensure_ascii=False), encoding="utf-8")
    catalog = load_catalog(path)
    assert catalog.offices["squad-xinzhen"].parent == "brigade-east"
    assert catalog.categories["rough-enforcement"].respond_days == 10
    assert set(catalog.feedback_categories) == {"supervision", "correction"}
    assert catalog.routing[0].matches({"category": "rough-enforcement"})
    assert catalog.routing[-1].match == () and catalog.routing[-1].handler == "cases"
    assert catalog.settings.designated_supervision == "supervision"
    assert not catalog.calendar.is_working_day(dt.date(2025, 7, 30))  # the local closure
    assert catalog.decisions == frozenset({"D1", "D2"})
    assert catalog.decision_named("明城管罚决字[2026]2号") == "D2"


def test_webhooks_only_in_the_private_catalog() -> None:
    content, _ = load_content(ROOT / "content")
    hooks = [o.webhook for o in content.offices if o.webhook]
    assert hooks, "the sample agency has offices with webhooks"
    public = json.dumps(sample_catalog(), ensure_ascii=False)
    assert not any(hook in public for hook in hooks)
    private = build_catalog(content, dt.date(2026, 11, 22), [], private=True)
    assert {o["id"]: o["webhook"] for o in private["offices"] if o["webhook"]} == {
        o.id: o.webhook for o in content.offices if o.webhook
    }
