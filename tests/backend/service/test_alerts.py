"""E-mail alerts: subscribe (double opt-in), confirm, match new decisions, unsubscribe, on every store."""

from __future__ import annotations

import datetime as dt
import hashlib
from urllib.parse import parse_qs, urlsplit

import pytest
from sunlight.service import alerts
from sunlight.store.base import Store

T0 = dt.datetime(2026, 11, 30, 2, 0, tzinfo=dt.UTC)
SITE = "https://zfgs.example.cn"
KEY = b"k" * 32
CODE = "91330100MA2B3C4D1A"  # a valid 统一社会信用代码 (GB 32100-2015 check character A)


@pytest.fixture
def store(make_store) -> Store:  # type: ignore[no-untyped-def]
    """SQLite, in memory and DynamoDB on moto server (``tests/backend/conftest.py``)."""
    return make_store()


def token_in(text: str, path: str) -> str:
    for word in text.split():
        if word.startswith(SITE + path):
            return parse_qs(urlsplit(word).query)["token"][0]
    raise AssertionError(f"no {path} link in {text!r}")


def decision(
    i: str, office: str = "brigade-east", domain: str = "市容环卫", code: str = ""
) -> alerts.NewDecision:
    return alerts.NewDecision(
        id=i, doc_no=f"明城管罚决字〔2026〕第{i}号", party_name="某公司", office=office, office_name="东片执法大队",
        domain=domain, credit_code=code, url=f"/decisions/{i}/",
    )  # fmt: skip


def test_double_opt_in_then_one_alert_per_decision_then_unsubscribe(store: Store) -> None:
    alerts.subscribe(store, "Li.Lei@Example.cn", "office", "brigade-east", T0, SITE)
    [confirmation] = store.list_messages()
    assert confirmation.recipient == "li.lei@example.cn" and confirmation.kind == "alert_confirm"
    token = token_in(confirmation.body, "/api/alerts/confirm")
    # the token is stored only as its hash
    [sub] = store.list_subscriptions()
    assert token not in repr(sub) and sub.token_hash != token and not sub.active
    # nothing is sent before confirmation
    assert alerts.enqueue_alerts(store, [decision("0001")], T0, SITE, KEY) == 0
    assert alerts.confirm(store, token, T0) is not None
    assert store.list_subscriptions()[0].active
    new = [decision("0002"), decision("0003", office="brigade-west")]
    assert alerts.enqueue_alerts(store, new, T0, SITE, KEY) == 1
    assert alerts.enqueue_alerts(store, new, T0, SITE, KEY) == 0  # idempotent
    sent = [m for m in store.list_messages() if m.kind == "alert"]
    assert [m.recipient for m in sent] == ["li.lei@example.cn"]
    assert "明城管罚决字〔2026〕第0002号" in sent[0].body and SITE + "/decisions/0002/" in sent[0].body
    unsubscribe_url = str(sent[0].payload["list_unsubscribe"])
    assert unsubscribe_url in sent[0].body
    u = parse_qs(urlsplit(unsubscribe_url).query)["token"][0]
    assert alerts.unsubscribe(store, u[:-1] + ("0" if u[-1] != "0" else "1"), T0, KEY) is None  # forged
    assert alerts.unsubscribe(store, u, T0, KEY) is not None
    assert alerts.enqueue_alerts(store, [decision("0004")], T0, SITE, KEY) == 0


def test_domain_and_credit_code_match(store: Store) -> None:
    for kind, value in (("domain", "城乡规划"), ("credit_code", CODE.lower())):
        alerts.subscribe(store, f"{kind}@example.cn", kind, value, T0, SITE)
    for m in store.list_messages():
        alerts.confirm(store, token_in(m.body, "/api/alerts/confirm"), T0)
    new = [decision("0005", domain="城乡规划"), decision("0006", code=CODE), decision("0007")]
    assert alerts.enqueue_alerts(store, new, T0, SITE, KEY) == 2
    got = {m.recipient: m.body for m in store.list_messages() if m.kind == "alert"}
    assert "第0005号" in got["domain@example.cn"] and "第0006号" not in got["domain@example.cn"]
    assert "第0006号" in got["credit_code@example.cn"]


@pytest.mark.parametrize(
    ("email", "kind", "value", "field"),
    [
        ("not-an-address", "office", "brigade-east", "email"),
        ("a@example.cn", "person", "张三", "kind"),
        ("a@example.cn", "office", " ", "value"),
        ("a@example.cn", "credit_code", "91330100MA2B3C4D1B", "value"),  # wrong check character
    ],
)
def test_invalid_subscriptions_name_the_field(
    store: Store, email: str, kind: str, value: str, field: str
) -> None:
    with pytest.raises(alerts.AlertError) as err:
        alerts.subscribe(store, email, kind, value, T0, SITE)
    assert err.value.field == field and err.value.zh and err.value.en
    assert store.list_subscriptions() == []


def test_unknown_tokens(store: Store) -> None:
    assert alerts.confirm(store, "slt_unknown", T0) is None
    assert alerts.unsubscribe(store, hashlib.sha256(b"x").hexdigest() + ".00", T0, KEY) is None
