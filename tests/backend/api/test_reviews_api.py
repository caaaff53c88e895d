"""案卷评查 through the API on both stores (SQLite, DynamoDB on moto): the draw (reproduced from its
seed by an independent re-implementation of the documented algorithm), score validation, finishing,
the audit trail, who may do what, and the export of finished offices only."""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from api_fixtures import CATALOG, NOW
from sunlight import bootstrap
from sunlight.clock import fixed_clock
from sunlight.code_key import StaticCodeKey
from sunlight.service.case_reviews import export_reviews
from sunlight.service.catalog import catalog_from_dict
from sunlight.service.complaints import ComplaintService
from sunlight.service.limits import Limits
from sunlight.store.base import Store

EAST = [f"E-2025-{n:03d}" for n in (7, 1, 12, 3, 9, 5, 11)]  # 7 decisions of 2025, not in id order
WEST = ["W-2025-002", "W-2025-001"]
CASE_FILES = (
    [{"id": i, "office": "squad-east", "decided_on": "2025-03-01"} for i in EAST]
    + [{"id": i, "office": "squad-west", "decided_on": "2025-12-31"} for i in WEST]
    + [{"id": "E-2024-001", "office": "squad-east", "decided_on": "2024-12-31"},
       {"id": "E-2026-001", "office": "squad-east", "decided_on": "2026-01-01"}]
)  # fmt: skip
FULL = {"主体合法": 10, "事实清楚": 15, "证据充分": 15, "程序合法": 15, "适用法律正确": 15, "裁量适当": 10,
        "文书规范": 10, "法制审核": 10}  # fmt: skip


@pytest.fixture
def wiring(make_store: Callable[[], Store]) -> Iterator[bootstrap.Wiring]:
    catalog = catalog_from_dict({**CATALOG, "case_files": CASE_FILES, "decisions": ["E-2025-003"]})
    service = ComplaintService(
        make_store(), catalog, code_key=StaticCodeKey(b"api-tests-" * 4), limits=Limits.off()
    )
    wired = bootstrap.Wiring(service=service, clock=fixed_clock(NOW), channels={})
    bootstrap.install(wired)
    yield wired
    bootstrap.install(None)


def token(wiring: Any, office: str, kind: str = "staff") -> dict[str, str]:
    created = wiring.service.create_account(kind, f"{office} 评查员", office if kind == "staff" else "", NOW)
    return {"authorization": f"Bearer {created.token}"}


def redo_draw(seed: str, office: str, ids: list[str], n: int) -> list[str]:
    """docs/supervision.md, written again here: sort the ids, then sample with Random(seed:office)."""
    rng = random.Random(seed + ":" + office)
    population = sorted(set(ids))
    return rng.sample(population, n if n < len(population) else len(population))


def drawn(api: Any, wiring: Any) -> tuple[dict[str, Any], dict[str, str]]:
    who = token(wiring, "supervision")
    r = api.post("/api/reviews", {"year": 2025}, headers=who)
    assert r.status_code == 201, r.json
    return r.json, who


def test_the_draw_is_reproduced_from_its_seed(api: Any, wiring: Any) -> None:
    body, _ = drawn(api, wiring)
    assert re.fullmatch(r"[0-9a-f]{32}", body["seed"])
    assert body["sample_per_office"] == 5
    offices = {o["office"]: o for o in body["offices"]}
    assert set(offices) == {"squad-east", "squad-west"}  # only offices with decisions in 2025
    east = [c["decision_id"] for c in offices["squad-east"]["cases"]]
    assert east == redo_draw(body["seed"], "squad-east", EAST, 5)
    assert len(east) == 5 and set(east) <= set(EAST)  # never the 2024 or 2026 decisions
    assert [c["decision_id"] for c in offices["squad-west"]["cases"]] == redo_draw(
        body["seed"], "squad-west", WEST, 5
    )
    assert offices["squad-east"]["candidates"] == 7 and offices["squad-west"]["candidates"] == 2
    assert [c["no"] for c in offices["squad-east"]["cases"]] == [1, 2, 3, 4, 5]
    # the GET answers the same sample
    again = api.get("/api/reviews/2025", headers=token(wiring, "supervision")).json
    assert again["seed"] == body["seed"] and again["offices"] == body["offices"]
    trail = wiring.service.store.audit_trail("REVIEW-2025")
    assert [(e.action, e.detail["seed"]) for e in trail] == [("review_drawn", body["seed"])]
    assert trail[0].actor.startswith("staff:supervision:")
    assert trail[0].detail["offices"]["squad-east"] == east


def test_who_may_draw_and_read(api: Any, wiring: Any) -> None:
    assert api.post("/api/reviews", {"year": 2025}).status_code == 401
    assert api.post("/api/reviews", {"year": 2025}, headers=token(wiring, "squad-east")).status_code == 403
    body, who = drawn(api, wiring)
    r = api.post("/api/reviews", {"year": 2025}, headers=who)
    assert r.status_code == 409 and r.json["error"]["field"] == "year"  # drawn once a year
    assert api.get("/api/reviews/2025", headers=token(wiring, "squad-east")).status_code == 403
    assert api.get("/api/reviews/2025", headers=token(wiring, "", "observer")).status_code == 200
    assert api.get("/api/reviews/2024", headers=who).status_code == 404


@pytest.mark.parametrize("year", ["2027", "1999", "明年", None])
def test_a_bad_year_is_422(api: Any, wiring: Any, year: Any) -> None:
    r = api.post("/api/reviews", {"year": year}, headers=token(wiring, "supervision"))
    assert r.status_code == 422 and r.json["error"]["field"] == "year"


def test_a_year_without_decisions_is_422(api: Any, wiring: Any) -> None:
    r = api.post("/api/reviews", {"year": 2023}, headers=token(wiring, "supervision"))
    assert r.status_code == 422 and r.json["error"]["field"] == "year"


@pytest.mark.parametrize(
    ("scores", "field"),
    [
        ({**FULL, "主体合法": 11}, "scores.主体合法"),  # over the item's points
        ({**FULL, "事实清楚": -1}, "scores.事实清楚"),
        ({**FULL, "程序合法": 7.5}, "scores.程序合法"),
        ({**FULL, "文书规范": True}, "scores.文书规范"),
        ({k: v for k, v in FULL.items() if k != "法制审核"}, "scores.法制审核"),  # an item missing
        ({**FULL, "态度端正": 5}, "scores.态度端正"),  # not on the checklist
        ("满分", "scores"),
    ],
)
def test_bad_scores_are_422_naming_the_item(api: Any, wiring: Any, scores: Any, field: str) -> None:
    body, who = drawn(api, wiring)
    case = body["offices"][0]["cases"][0]["decision_id"]
    r = api.post(f"/api/reviews/2025/cases/{case}/score", {"scores": scores}, headers=who)
    assert r.status_code == 422, r.json
    assert r.json["error"]["field"] == field
    assert [e.action for e in wiring.service.store.audit_trail("REVIEW-2025")] == ["review_drawn"]


def test_score_finish_audit_and_export(api: Any, wiring: Any) -> None:
    body, who = drawn(api, wiring)
    west = next(o for o in body["offices"] if o["office"] == "squad-west")
    first, second = (c["decision_id"] for c in west["cases"])
    url = "/api/reviews/2025/cases/{}/score"
    assert (
        api.post(url.format(first), {"scores": FULL}, headers=token(wiring, "squad-west")).status_code == 403
    )
    assert api.post(url.format("E-2024-001"), {"scores": FULL}, headers=who).status_code == 404  # not drawn
    r = api.post(
        url.format(first), {"scores": {**FULL, "程序合法": 9}, "faults": "未告知陈述申辩权利"}, headers=who
    )
    assert r.status_code == 200, r.json
    case = next(o for o in r.json["offices"] if o["office"] == "squad-west")["cases"][0]
    assert (case["total"], case["faults"], case["scores"]["程序合法"]) == (94, "未告知陈述申辩权利", 9)
    finish = "/api/reviews/2025/offices/squad-west/finish"
    r = api.post(finish, {}, headers=who)
    assert r.status_code == 422 and r.json["error"]["field"] == "cases"  # one case not scored yet
    assert api.post(url.format(second), {"scores": FULL}, headers=who).status_code == 200
    assert export_reviews(wiring.service.store, wiring.service.catalog) == []  # nothing finished yet
    r = api.post(finish, {}, headers=who)
    assert r.status_code == 200
    assert next(o for o in r.json["offices"] if o["office"] == "squad-west")["finished"] is True
    assert api.post(finish, {}, headers=who).status_code == 409
    assert api.post(url.format(first), {"scores": FULL}, headers=who).status_code == 409  # locked
    assert api.post("/api/reviews/2025/offices/nowhere/finish", {}, headers=who).status_code == 404
    trail = wiring.service.store.audit_trail("REVIEW-2025")
    assert [e.action for e in trail] == ["review_drawn", "review_scored", "review_scored", "review_finished"]
    assert trail[1].detail == {"office": "squad-west", "decision_id": first, "scores": {**FULL, "程序合法": 9},
                               "total": 94, "faults": "未告知陈述申辩权利"}  # fmt: skip
    assert all(e.actor.startswith("staff:supervision:") for e in trail)
    exported = export_reviews(wiring.service.store, wiring.service.catalog)
    assert [(r["year"], [o["office"] for o in r["offices"]]) for r in exported] == [(2025, ["squad-west"])]
    assert exported[0]["seed"] == body["seed"]
    assert [c["decision_id"] for c in exported[0]["offices"][0]["cases"]] == [first, second]
    assert "finished_by" not in exported[0]["offices"][0] and "drawn_by" not in exported[0]
