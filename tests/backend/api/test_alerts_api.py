"""E-mail alerts through the API, on SQLite and on DynamoDB (moto server): subscribe, confirm,
one-click unsubscribe (RFC 8058), and what each refuses."""

from __future__ import annotations

from dataclasses import replace
from urllib.parse import parse_qs, urlsplit

from sunlight.service import alerts
from sunlight.service.alerts import NewDecision

SITE = "https://example.gov.cn"  # the catalog's site_url (api_fixtures.CATALOG)
KEY = b"api-tests-" * 4  # the code key of the wiring (conftest.py)


def link(body: str, path: str) -> str:
    return next(w for w in body.split() if w.startswith(SITE + path))


def token(url: str) -> str:
    return parse_qs(urlsplit(url).query)["token"][0]


def test_subscribe_confirm_and_unsubscribe(api, wiring) -> None:  # type: ignore[no-untyped-def]
    store = wiring.service.store
    r = api.post("/api/alerts", {"email": "wang@example.cn", "kind": "office", "value": "brigade-east"})
    assert r.status_code == 202, r.json
    assert r.json["status"] == "pending" and "token" not in r.body.decode()
    [mail] = store.list_messages()
    confirm_url = link(mail.body, "/api/alerts/confirm")
    path = confirm_url[len(SITE) :]
    page = api.client.http.request("GET", path)
    assert page.status_code == 200 and "订阅已确认" in page.body.decode()
    assert page.headers["Content-Type"].startswith("text/html")
    assert api.post(path).json["status"] == "confirmed"  # again, and as JSON
    assert store.list_subscriptions()[0].active
    new = [
        NewDecision(
            "D1",
            "明城管罚决字〔2026〕第1号",
            "某公司",
            "brigade-east",
            "东片执法大队",
            "市容环卫",
            "",
            "/decisions/D1/",
        )
    ]
    assert alerts.enqueue_alerts(store, new, wiring.clock(), SITE, KEY) == 1
    [alert] = [m for m in store.list_messages() if m.kind == "alert"]
    stop = str(alert.payload["list_unsubscribe"])
    # GET shows a button (mail scanners follow links: a GET changes nothing) ...
    page = api.client.http.request("GET", stop[len(SITE) :])
    assert page.status_code == 200 and 'method="post"' in page.body.decode()
    assert store.list_subscriptions()[0].active
    # ... the RFC 8058 one-click POST (form-encoded, from the mail provider: no Origin) ends it
    r = api.client.http.request(
        "POST", stop[len(SITE) :], headers={"content-type": "application/x-www-form-urlencoded"},
        body=b"List-Unsubscribe=One-Click",
    )  # fmt: skip
    assert r.status_code == 200, r.body
    assert not store.list_subscriptions()[0].active
    assert alerts.enqueue_alerts(store, [replace(new[0], id="D2")], wiring.clock(), SITE, KEY) == 0


def test_refusals(api, wiring) -> None:  # type: ignore[no-untyped-def]
    r = api.post("/api/alerts", {"email": "nope", "kind": "office", "value": "brigade-east"})
    assert r.status_code == 422 and r.json["error"]["field"] == "email"
    r = api.post("/api/alerts", {"email": "a@example.cn", "kind": "office", "value": "brigade-east"},
                 headers={"origin": "https://evil.example"})  # fmt: skip
    assert r.status_code == 403
    r = api.request("POST", "/api/alerts", headers={"content-type": "text/plain"}, raw=b"email=a")
    assert r.status_code == 415
    assert api.post("/api/alerts/confirm?token=slt_unknown").status_code == 404
    assert api.post("/api/alerts/unsubscribe?token=abc.def").status_code == 404
    assert api.post("/api/alerts/confirm").status_code == 400  # no token
    assert wiring.service.store.list_subscriptions() == []
