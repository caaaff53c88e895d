"""What the API returns for the receipt, the status page, the workbench and the observer (#13)."""

from __future__ import annotations

import datetime as dt

from api_fixtures import NOW, complaint
from sunlight import bootstrap


def _staff(wiring: bootstrap.Wiring, office: str, name: str) -> dict[str, str]:
    created = wiring.service.create_account("staff", name, office, NOW)
    return {"Authorization": f"Bearer {created.token}"}


def _observer(wiring: bootstrap.Wiring, name: str = "林监督员") -> dict[str, str]:
    created = wiring.service.create_account("observer", name, "", NOW)
    return {"Authorization": f"Bearer {created.token}"}


def test_times_are_given_in_beijing_time(api) -> None:  # type: ignore[no-untyped-def]
    # NOW is 2026-12-24 10:00 in Beijing (02:00 UTC); the stores keep UTC.
    filed = api.post("/api/complaints", complaint()).json
    assert filed["filed_at"] == "2026-12-24T10:00:00+08:00"
    view = api.get(f"/api/complaints/{filed['tracking_no']}", headers={"X-Access-Code": filed["access_code"]})
    assert view.json["filed_at"] == "2026-12-24T10:00:00+08:00"
    assert view.json["timeline"][0]["at"] == "2026-12-24T10:00:00+08:00"


def test_access_code_is_accepted_grouped_with_dashes_and_in_lower_case(api) -> None:  # type: ignore[no-untyped-def]
    filed = api.post("/api/complaints", complaint()).json
    code = filed["access_code"]
    assert len(code) == 10
    grouped = f"{code[:4]}-{code[4:8]}-{code[8:]}"
    path = f"/api/complaints/{filed['tracking_no']}"
    assert api.get(path, headers={"X-Access-Code": grouped}).status_code == 200
    assert api.get(path, headers={"X-Access-Code": grouped.lower()}).status_code == 200
    assert api.get(path, headers={"X-Access-Code": f" {code[:5]} {code[5:]} "}).status_code == 200
    wrong = ("2" if code[0] != "2" else "3") + code[1:]
    assert api.get(path, headers={"X-Access-Code": wrong}).status_code == 404


def test_wrong_code_message_uses_the_forms_vocabulary(api) -> None:  # type: ignore[no-untyped-def]
    filed = api.post("/api/complaints", complaint()).json
    wrong = api.get(f"/api/complaints/{filed['tracking_no']}", headers={"X-Access-Code": "ZZZZZZZZZZ"})
    assert wrong.json["error"]["message"].startswith("投诉编号或查询码不正确")


def test_staff_view_names_category_offices_reporter_type_and_actors(api, wiring) -> None:  # type: ignore[no-untyped-def]
    filed = api.post("/api/complaints", complaint()).json
    handling = _staff(wiring, "supervision", "张值班")
    path = f"/api/complaints/{filed['tracking_no']}"
    assert api.post(path + "/actions", {"action": "accept"}, headers=handling).status_code == 200
    view = api.get(path, headers=handling).json
    assert view["category_name"] == "乱罚款"
    assert view["handling_office_name"] == "勤务监督科"
    assert view["about_office_name"] == "东湖街道中队"
    accepted = [e for e in view["trail"] if e["action"] == "accept"][0]
    assert accepted["actor_name"] == "张值班"
    assert accepted["actor_office_name"] == "勤务监督科"
    [item] = api.get("/api/inbox", headers=handling).json["items"]
    assert item["category_name"] == "乱罚款"


def test_status_explains_an_extension_with_the_new_date(api, wiring) -> None:  # type: ignore[no-untyped-def]
    filed = api.post("/api/complaints", complaint()).json
    handling = _staff(wiring, "supervision", "张值班")
    path = f"/api/complaints/{filed['tracking_no']}"
    before = api.get(path, headers={"X-Access-Code": filed["access_code"]}).json
    assert before["changes"] == []
    assert api.post(path + "/actions", {"action": "accept"}, headers=handling).status_code == 200
    # the supervising office of a complaint filed with the supervision office is the bureau
    supervising = api.get(path, headers=handling).json["supervising_office"]
    extender = _staff(wiring, supervising, "李科长")
    extended = api.post(
        path + "/actions", {"action": "extend", "days": 5, "reason": "需现场核查"}, headers=extender
    )
    assert extended.status_code == 200, extended.body
    after = api.get(path, headers={"X-Access-Code": filed["access_code"]}).json
    new_due = after["respond_due"]
    assert dt.date.fromisoformat(new_due) > dt.date.fromisoformat(before["respond_due"])
    [change] = after["changes"]
    assert "延长5个工作日" in change and "需现场核查" in change and new_due in change


def test_status_explains_a_paused_clock(api, wiring) -> None:  # type: ignore[no-untyped-def]
    filed = api.post("/api/complaints", complaint()).json
    handling = _staff(wiring, "supervision", "张值班")
    path = f"/api/complaints/{filed['tracking_no']}"
    api.post(path + "/actions", {"action": "accept"}, headers=handling)
    asked = api.post(
        path + "/actions", {"action": "request_material", "text": "请提供罚单照片"}, headers=handling
    )
    assert asked.status_code == 200, asked.body
    after = api.get(path, headers={"X-Access-Code": filed["access_code"]}).json
    assert after["paused"] is True
    assert any("暂停" in c and "请提供罚单照片" in c for c in after["changes"])


def test_status_explains_a_review_after_unsatisfied_with_its_deadline(api, wiring) -> None:  # type: ignore[no-untyped-def]
    filed = api.post("/api/complaints", complaint()).json
    handling = _staff(wiring, "supervision", "张值班")
    path = f"/api/complaints/{filed['tracking_no']}"
    api.post(path + "/actions", {"action": "accept"}, headers=handling)
    api.post(path + "/actions", {"action": "respond", "text": "经核实,罚款合规。"}, headers=handling)
    code = {"X-Access-Code": filed["access_code"]}
    rated = api.post(path + "/rating", {"rating": "不满意", "comment": "未说明依据"}, headers=code)
    assert rated.status_code == 200, rated.body
    view = rated.json
    assert view["status"] == "under_review"
    assert view["review_due"]
    assert any("复核" in c and view["review_due"] in c for c in view["changes"])


def test_observer_sees_own_feedback(api, wiring) -> None:  # type: ignore[no-untyped-def]
    mine, other = _observer(wiring, "林监督员"), _observer(wiring, "周监督员")
    feedback = {
        "category": "correction",
        "subject": "东湖中队检查频次过高",
        "description": "本月同一商户被检查四次。",
        "office": "squad-east",
    }
    filed = api.post("/api/feedback", feedback, headers=mine)
    assert filed.status_code == 201, filed.body
    api.post("/api/feedback", {**feedback, "subject": "另一位监督员的意见"}, headers=other)
    api.post("/api/complaints", complaint())

    answer = api.get("/api/feedback/mine", headers=mine)
    assert answer.status_code == 200, answer.body
    assert answer.json["observer"]["name"] == "林监督员"
    [item] = answer.json["items"]
    assert item["tracking_no"] == filed.json["tracking_no"]
    assert item["subject"] == "东湖中队检查频次过高"
    assert item["status_label"] == "待受理"
    assert item["respond_due"] == filed.json["respond_due"]
    assert item["handling_office_name"]
    assert item["filed_at"] == "2026-12-24T10:00:00+08:00"

    assert api.get("/api/feedback/mine").status_code == 401
    assert api.get("/api/feedback/mine", headers=_staff(wiring, "supervision", "张值班")).status_code == 403
