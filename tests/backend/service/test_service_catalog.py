"""Loading catalog.json into typed records (and the sample agency's catalog, as the build makes it)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from complaint_catalog_sample import catalog_dict
from sunlight.domain.routing import route
from sunlight.service.catalog import CatalogError, catalog_from_dict, load_catalog

ROOT = Path(__file__).resolve().parents[3]


def test_load_from_file_with_calendar_overrides(tmp_path: Path) -> None:
    data = catalog_dict()
    data["calendar"] = {"holidays": ["2027-01-01"], "workdays": ["2027-02-06"]}
    path = tmp_path / "catalog.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    catalog = load_catalog(path)
    assert not catalog.calendar.is_working_day(dt.date(2027, 1, 1))
    assert catalog.calendar.is_working_day(dt.date(2027, 2, 6))  # a Saturday made a working day
    assert catalog.categories["arbitrary-fine"].respond_days == 15
    assert catalog.settings.designated_supervision == "supervision"
    assert catalog.offices["brigade-east"].webhook == "http://127.0.0.1:9/hook"


def test_unusable_catalogs_are_reported(tmp_path: Path) -> None:
    with pytest.raises(CatalogError):
        load_catalog(tmp_path / "missing.json")
    bad = catalog_dict()
    bad["version"] = 2
    with pytest.raises(CatalogError, match="version"):
        catalog_from_dict(bad)
    bad = catalog_dict()
    bad["complaints"]["routing"].append({"match": {}, "handler": "ghost"})
    bad["offices"][1]["parent"] = "nobody"
    with pytest.raises(CatalogError) as err:
        catalog_from_dict(bad)
    assert {p.field for p in err.value.problems} == {"complaints.routing.handler", "offices.parent"}


def test_the_sample_agency_catalog_loads_and_routes() -> None:
    from sunlight.content.catalog import build_catalog
    from sunlight.content.loader import load_content

    content, _problems = load_content(ROOT / "content")
    catalog = catalog_from_dict(build_catalog(content, dt.date(2026, 11, 22), []))
    assert catalog.categories and catalog.routing and catalog.offices
    for category in catalog.categories:
        for office in catalog.offices:
            r = route(catalog, category=category, office=office)
            assert r.handler and not catalog.in_conflict(r.handler, office)
            assert not catalog.in_conflict(r.supervising, office)
