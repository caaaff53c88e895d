"""Property test: whatever JSON arrives, the API answers 2xx or 4xx with the error shape, never 5xx."""

from __future__ import annotations

import json

from api_fixtures import complaint
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

FIELDS = [
    "category",
    "subject",
    "description",
    "office",
    "street",
    "power_code",
    "decision_id",
    "occurred_on",
]
REPORTER = ["type", "name", "credit_code", "contact_name", "phone", "email"]

scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=50)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=6,
)
reporters = st.fixed_dictionaries({}, optional={k: values | st.text(max_size=30) for k in REPORTER})
bodies = (
    st.fixed_dictionaries(
        {}, optional={**{k: values | st.text(max_size=30) for k in FIELDS}, "reporter": reporters | values}
    )
    | values
)


def _check(response) -> None:  # type: ignore[no-untyped-def]
    assert response.status_code < 500, response.body
    if response.status_code >= 400:
        error = json.loads(response.body)["error"]
        assert error["code"] and " / " in error["message"]


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=bodies)
def test_random_bodies_never_500(api, body) -> None:  # type: ignore[no-untyped-def]
    _check(api.post("/api/complaints", body))
    _check(api.post("/api/feedback", body))
    _check(api.post("/api/open311/v2/requests.json", body))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(field=st.sampled_from(FIELDS), value=st.text(max_size=300))
def test_any_text_in_a_valid_complaint_never_500(api, field, value) -> None:  # type: ignore[no-untyped-def]
    _check(api.post("/api/complaints", complaint(**{field: value})))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    raw=st.binary(max_size=200),
    tracking=st.text(min_size=1, max_size=40).filter(
        lambda s: "/" not in s and "?" not in s and "#" not in s
    ),
)
def test_raw_bytes_and_odd_paths_never_500(api, raw, tracking) -> None:  # type: ignore[no-untyped-def]
    from urllib.parse import quote

    _check(api.request("POST", "/api/complaints", raw=raw))
    path = f"/api/complaints/{quote(tracking, safe='')}"
    _check(api.get(path, headers={"X-Access-Code": "x"}))
    _check(api.request("POST", f"{path}/actions", raw=raw, headers={"Authorization": "Bearer x"}))
