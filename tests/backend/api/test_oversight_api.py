"""No office oversees itself, through the API (on SQLite and DynamoDB): with no independent office
left, approving an extension or reviewing one's own answer is refused with 409 and a clear message;
a 不满意 rating stands but opens no review, and the reporter's timeline says why."""

from __future__ import annotations

import copy
from dataclasses import replace
from typing import Any

from api_fixtures import CATALOG, NOW, complaint
from sunlight import bootstrap
from sunlight.service.catalog import catalog_from_dict
from sunlight.store.base import PutComplaint

EXTERNAL = {
    "id": "sfj",
    "name": "青石区司法局行政执法监督科",
    "kind": "external",
    "parent": None,
    "roles": ["supervision"],
    "email": "jd@sfj.example.gov.cn",
}


def _catalog(*, external: bool) -> Any:
    data = copy.deepcopy(CATALOG)
    # complaints about the bureau as a whole go to its supervision office, which has nobody above it
    data["complaints"]["routing"].insert(0, {"match": {"office": "bureau"}, "handler": "supervision"})
    if external:
        data["offices"].append(EXTERNAL)
    return catalog_from_dict(data)


def _staff(wiring: bootstrap.Wiring, office: str) -> dict[str, str]:
    created = wiring.service.create_account("staff", f"{office} 办事员", office, NOW)
    return {"Authorization": f"Bearer {created.token}"}


def _file_about_the_bureau(api) -> tuple[dict[str, Any], str]:  # type: ignore[no-untyped-def]
    filed = api.post("/api/complaints", complaint(office="bureau")).json
    return filed, f"/api/complaints/{filed['tracking_no']}"


def test_the_handler_may_not_approve_its_own_extension(api, wiring) -> None:  # type: ignore[no-untyped-def]
    wiring.service.catalog = _catalog(external=False)
    filed, path = _file_about_the_bureau(api)
    assert filed["handling_office"] == "supervision"
    supervision = _staff(wiring, "supervision")
    assert api.post(f"{path}/actions", {"action": "accept"}, headers=supervision).status_code == 200
    refused = api.post(
        f"{path}/actions", {"action": "extend", "days": 10, "reason": "需调取录像"}, headers=supervision
    )
    assert refused.status_code == 409, refused.body
    error = refused.json["error"]
    assert error["code"] == "conflict" and error["field"] == "action"
    assert "不能批准延期" in error["message"] and "approve an extension" in error["message"]
    detail = api.get(path, headers=supervision).json
    assert detail["extended_days"] == 0


def test_unsatisfied_rating_opens_no_review_by_the_handler(api, wiring) -> None:  # type: ignore[no-untyped-def]
    wiring.service.catalog = _catalog(external=False)
    filed, path = _file_about_the_bureau(api)
    supervision = _staff(wiring, "supervision")
    api.post(f"{path}/actions", {"action": "accept"}, headers=supervision)
    api.post(f"{path}/actions", {"action": "respond", "text": "经核查,执法程序合法。"}, headers=supervision)
    code = {"X-Access-Code": filed["access_code"]}
    rated = api.post(f"{path}/rating", {"rating": "不满意", "comment": "未回应问题"}, headers=code)
    assert rated.status_code == 200, rated.body
    assert (rated.json["status"], rated.json["rating"]) == ("rated", "不满意")
    last = rated.json["timeline"][-1]
    assert last["action"] == "review_unavailable"
    assert last["label"] == "无独立复核单位，未启动复核"
    assert "复核" in last["text"] and "review" in last["text"]


def test_a_review_left_with_the_handler_is_refused(api, wiring) -> None:  # type: ignore[no-untyped-def]
    wiring.service.catalog = _catalog(external=False)
    filed, path = _file_about_the_bureau(api)
    supervision = _staff(wiring, "supervision")
    api.post(f"{path}/actions", {"action": "accept"}, headers=supervision)
    api.post(f"{path}/actions", {"action": "respond", "text": "已答复。"}, headers=supervision)
    # a review opened with the handler itself, as data written before this rule may hold
    store = wiring.service.store
    c = store.get_complaint(filed["tracking_no"])
    stale = replace(
        c,
        status="under_review",
        review_office="supervision",
        review_opened_on=NOW.date(),
        review_respond_days=15,
    )
    store.transact([PutComplaint(replace(stale, version=c.version + 1), c.version, None)])
    refused = api.post(f"{path}/actions", {"action": "respond", "text": "维持原答复。"}, headers=supervision)
    assert refused.status_code == 409, refused.body
    assert "复核本单位的答复" in refused.json["error"]["message"]
    assert "review its own answer" in refused.json["error"]["message"]


def test_with_an_external_office_complaints_about_the_bureau_leave_the_agency(api, wiring) -> None:  # type: ignore[no-untyped-def]
    wiring.service.catalog = _catalog(external=True)
    filed, path = _file_about_the_bureau(api)
    assert filed["handling_office"] == "sfj"
    for inside in ("bureau", "supervision"):
        assert api.get(f"{path}", headers=_staff(wiring, inside)).status_code == 404, inside
    sfj = _staff(wiring, "sfj")
    assert api.post(f"{path}/actions", {"action": "accept"}, headers=sfj).status_code == 200
    refused = api.post(
        f"{path}/actions", {"action": "extend", "days": 5, "reason": "需补充调查"}, headers=sfj
    )
    assert refused.status_code == 409  # nobody else may approve it; it never extends itself
    moved = api.post(
        f"{path}/actions",
        {"action": "transfer", "to_office": "squad-east", "reason": "转交中队"},
        headers=sfj,
    )
    assert moved.status_code == 422 and moved.json["error"]["field"] == "to_office"
