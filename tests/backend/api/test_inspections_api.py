"""涉企检查码 through the API on both stores: register (201 with code, window, verify URL, QR), 422s
naming the field, verify (never the enterprise without its credit code), results, audit, flags."""

from __future__ import annotations

import re
from typing import Any

import pytest
from api_fixtures import CREDIT_CODE, NOW, Api, complaint
from sunlight.service.limits import WRONG_CODES_PER_CLIENT

CODE = re.compile(r"^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{5}-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{5}$")
NAME = "青石示例贸易有限公司"


def staff(wiring: Any, office: str) -> dict[str, str]:
    created = wiring.service.create_account("staff", f"{office} 办事员", office, NOW)
    return {"authorization": f"Bearer {created.token}"}


def registration(**kw: Any) -> dict[str, Any]:
    body = {
        "credit_code": CREDIT_CODE,
        "enterprise_name": NAME,
        "inspectors": ["330199250008", "330199250009"],
        "scope": "门前三包、油烟净化设施",
        "basis": "330217001000",
        "planned_on": "2026-12-26",
    }
    body.update(kw)
    return body


def register(api: Api, wiring: Any, **kw: Any) -> Any:
    return api.post("/api/inspections", registration(**kw), headers=staff(wiring, "squad-east"))


def test_register_answers_code_window_url_and_qr(api: Api, wiring: Any) -> None:
    r = register(api, wiring)
    assert r.status_code == 201, r.json
    assert CODE.match(r.json["code"])
    # planned 2026-12-26, window 3 days (supervision.yaml default)
    assert (r.json["valid_from"], r.json["valid_until"]) == ("2026-12-23", "2026-12-29")
    assert r.json["verify_url"] == f"https://example.gov.cn/verify/?code={r.json['code']}"
    assert r.json["qr_svg"].startswith("<svg") and "</svg>" in r.json["qr_svg"]
    trail = wiring.service.store.audit_trail("INSPECTION-" + r.json["code"].replace("-", ""))
    assert [e.action for e in trail] == ["inspection_registered"]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"inspectors": ["999"]}, "inspectors[0]"),  # unknown 执法证
        ({"inspectors": ["330199250013"]}, "inspectors[0]"),  # revoked
        ({"inspectors": ["330199250008", "330199250011"]}, "inspectors[1]"),  # another office
        ({"credit_code": "91350100M000100Y44"}, "credit_code"),
        ({"planned_on": "2026-12-20"}, "planned_on"),  # 4 days before NOW, window 3
        ({"planned_on": "明天"}, "planned_on"),
        ({"basis": "NOPE"}, "basis"),
        ({"inspectors": "330199250008"}, "inspectors"),
    ],
)
def test_bad_registration_is_422_naming_the_field(
    api: Api, wiring: Any, change: dict[str, Any], field: str
) -> None:
    r = register(api, wiring, **change)
    assert r.status_code == 422, r.json
    assert field in r.json["error"]["field"] or field in str(r.json)


def test_register_needs_a_staff_token(api: Api, wiring: Any) -> None:
    assert api.post("/api/inspections", registration()).status_code == 401


def test_verify_never_shows_the_enterprise_without_its_credit_code(api: Api, wiring: Any) -> None:
    code = register(api, wiring).json["code"]
    r = api.get(f"/api/verify/inspection/{code}")
    assert r.status_code == 200
    body = r.json
    assert body["state"] == "valid" and body["valid"] is True  # NOW 12-24 is inside 12-23..12-29
    assert body["office_name"] == "东湖街道中队"
    assert [(p["name"], p["cert_no"], p["status"]) for p in body["inspectors"]] == [
        ("黄敏", "330199250008", "active"),
        ("周杰", "330199250009", "active"),
    ]
    assert body["scope"] == "门前三包、油烟净化设施" and body["basis"] == "330217001000"
    assert NAME not in r.body.decode() and CREDIT_CODE not in r.body.decode()
    wrong = api.get(f"/api/verify/inspection/{code}?credit_code=91110000MA0000000X")
    assert NAME not in wrong.body.decode() and wrong.json["credit_code_matches"] is False
    right = api.get(f"/api/verify/inspection/{code.lower().replace('-', ' ')}?credit_code={CREDIT_CODE}")
    assert right.json["enterprise_name"] == NAME


def test_unknown_and_not_yet_valid_codes(api: Api, wiring: Any) -> None:
    r = api.get("/api/verify/inspection/2222233333")
    assert r.status_code == 200 and r.json["state"] == "unknown" and r.json["valid"] is False
    later = register(api, wiring, planned_on="2027-01-10").json["code"]
    assert api.get(f"/api/verify/inspection/{later}").json["state"] == "not_yet_valid"


def test_unknown_codes_are_rate_limited_per_client(api: Api, wiring: Any) -> None:
    statuses = [api.get(f"/api/verify/inspection/22222{n:05d}".replace("0", "3").replace("1", "4")).status_code
                for n in range(WRONG_CODES_PER_CLIENT + 2)]  # fmt: skip
    assert statuses[0] == 200 and statuses[-1] == 429


def test_guessing_credit_codes_for_a_known_code_is_limited(api: Api, wiring: Any) -> None:
    code = register(api, wiring).json["code"]
    statuses = [api.get(f"/api/verify/inspection/{code}?credit_code=91110000MA0000000X").status_code
                for _ in range(7)]  # fmt: skip
    assert statuses[0] == 200 and statuses[-1] == 429


def test_result_by_the_same_office_then_used(api: Api, wiring: Any) -> None:
    code = register(api, wiring, planned_on="2026-12-24").json["code"]
    other = api.post(f"/api/inspections/{code}/result", {"result": "no_violation", "checked_on": "2026-12-24"},
                     headers=staff(wiring, "squad-west"))  # fmt: skip
    assert other.status_code == 403
    bad = api.post(f"/api/inspections/{code}/result", {"result": "ok", "checked_on": "2026-12-24"},
                   headers=staff(wiring, "squad-east"))  # fmt: skip
    assert bad.status_code == 422 and bad.json["error"]["field"] == "result"
    r = api.post(f"/api/inspections/{code}/result", {"result": "no_violation", "checked_on": "2026-12-24"},
                 headers=staff(wiring, "squad-east"))  # fmt: skip
    assert r.status_code == 200 and r.json["result"] == "no_violation"
    assert api.get(f"/api/verify/inspection/{code}").json["state"] == "used"
    again = api.post(f"/api/inspections/{code}/result", {"result": "violation", "checked_on": "2026-12-24"},
                     headers=staff(wiring, "squad-east"))  # fmt: skip
    assert again.status_code == 409
    trail = wiring.service.store.audit_trail("INSPECTION-" + code.replace("-", ""))
    assert [e.action for e in trail] == ["inspection_registered", "inspection_result"]


def test_two_offices_in_a_week_reach_the_supervision_list_only(api: Api, wiring: Any) -> None:
    register(api, wiring, planned_on="2026-12-24")
    west = api.post("/api/inspections", registration(inspectors=["330199250011"], planned_on="2026-12-28"),
                    headers=staff(wiring, "squad-west"))  # fmt: skip
    assert west.status_code == 201
    flags = api.get("/api/inspections/flags", headers=staff(wiring, "supervision"))
    assert flags.status_code == 200
    assert [(f["kind"], f["enterprise_name"], f["offices"]) for f in flags.json["items"]] == [
        ("multi_office", NAME, ["squad-east", "squad-west"])
    ]
    assert api.get("/api/inspections/flags", headers=staff(wiring, "squad-east")).status_code == 403
    public = api.get("/api/stats/inspections")
    assert (
        public.status_code == 200
        and NAME not in public.body.decode()
        and CREDIT_CODE not in public.body.decode()
    )
    assert [(o["office"], o["registered"], o["flags"]) for o in public.json["offices"]] == [
        ("squad-east", 1, 1),
        ("squad-west", 1, 1),
    ]


def test_complaint_accepts_an_inspection_code(api: Api, wiring: Any) -> None:
    code = register(api, wiring).json["code"]
    r = api.post("/api/complaints", complaint(category="repeat-inspection", inspection_code=code))
    assert r.status_code == 201, r.json
    tracking_no = r.json["tracking_no"]
    view = api.get(f"/api/complaints/{tracking_no}", headers=staff(wiring, "supervision"))
    assert view.status_code == 200, view.json
    assert view.json["about"]["inspection_code"] == code
    assert [i["code"] for i in view.json["inspections"]] == [code]  # the enterprise's inspection
    assert view.json["inspections"][0]["enterprise_name"] == NAME
    bad = api.post("/api/complaints", complaint(inspection_code="0000OOOOII"))
    assert bad.status_code == 422 and bad.json["error"]["field"] == "inspection_code"
