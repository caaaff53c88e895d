"""Validation of a complaint or feedback as filed: every problem, each naming its API field path.

Shared by the JSON API and Open311: both build the same values and call these functions.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Mapping

from sunlight.domain.catalog import Catalog, Category
from sunlight.domain.credit_code import credit_code_problem
from sunlight.domain.inspections import normalise_inspection_code
from sunlight.domain.problems import Problem

REPORTER_TYPES = ("enterprise", "person")
LIMITS = {
    "subject": 100,
    "description": 5000,
    "reporter.name": 100,
    "reporter.contact_name": 50,
    "reporter.email": 254,
    "contact_name": 50,
    "email": 254,
    "page_url": 500,
}
MOBILE = re.compile(r"^(?:\+?86[- ]?)?1[3-9]\d{9}$")
LANDLINE = re.compile(r"^(?:\(?0\d{2,3}\)?[- ]?)?[2-9]\d{6,7}(?:-\d{1,6})?$")
SERVICE_NUMBER = re.compile(r"^(?:400|800)[- ]?\d{3}[- ]?\d{4}$")
EMAIL = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")


def phone_problem(phone: str) -> tuple[str, str] | None:
    if MOBILE.match(phone) or LANDLINE.match(phone) or SERVICE_NUMBER.match(phone):
        return None
    return (
        "电话号码格式不正确（手机号或带区号的固定电话）",
        "not a mobile number or a landline with area code",
    )


# Fields that may hold several lines; every other text field is one line (it goes into e-mail
# subjects, lists and notifications, where a line break would start a line of its own).
MULTILINE = frozenset({"description"})
# Characters that reorder how text is shown (a subject could read differently from what it says).
_BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _has_control(text: str) -> bool:
    if text.isprintable():  # no character of a category Cc, Cs, Co (nor Cf, Z*, Cn): the usual case
        return False
    return any(unicodedata.category(ch) in ("Cc", "Cs", "Co") and ch not in "\n\r\t" for ch in text)


def _line_problem(text: str, multiline: bool) -> tuple[str, str] | None:
    """Why ``text`` may not stand in its field: a line break in a one-line field, an invisible
    format character (Unicode category Cf: zero-width and direction marks) in a one-line field,
    or a direction override anywhere."""
    if text.isprintable():  # no line break, no format character (Cf) at all: the usual case
        return None
    if any(ch in _BIDI_CONTROLS for ch in text):
        return ("含有改变文字方向的不可见格式字符", "contains invisible characters that reorder the text")
    if multiline:
        return None
    if "\n" in text or "\r" in text:
        return ("此项应为单行，不得含换行", "must be a single line, without line breaks")
    if any(unicodedata.category(ch) == "Cf" for ch in text):
        return ("含有不可见的格式字符", "contains invisible format characters")
    return None


class _Checker:
    def __init__(self, values: Mapping[str, str]) -> None:
        self.values = values
        self.problems: list[Problem] = []

    def get(self, name: str) -> str:
        return (self.values.get(name) or "").strip()

    def add(self, name: str, zh: str, en: str, value: str = "") -> None:
        self.problems.append(Problem(zh, en, field=name, value=value[:60]))

    def text(self, name: str, required: bool) -> str:
        value = self.get(name)
        if not value:
            if required:
                self.add(name, "此项为必填项", "this field is required")
            return ""
        limit = LIMITS.get(name, 200)
        if len(value) > limit:
            self.add(name, f"内容过长（不超过{limit}字）", f"too long (at most {limit} characters)")
        line = _line_problem(value, name in MULTILINE)
        if line:
            self.add(name, *line)
        elif _has_control(value):
            self.add(name, "含有不允许的控制字符", "contains control characters")
        return value

    def known(self, name: str, known: object, zh: str, en: str) -> str:
        value = self.get(name)
        if value and value not in known:  # type: ignore[operator]
            self.add(name, zh, en, value)
        return value

    def contact(self, prefix: str, need_one: bool) -> None:
        phone, email = self.get(f"{prefix}phone"), self.get(f"{prefix}email")
        if phone:
            problem = phone_problem(phone)
            if problem:
                self.add(f"{prefix}phone", *problem, value=phone)
        if email:
            self.text(f"{prefix}email", False)
            if not EMAIL.match(email):
                self.add(f"{prefix}email", "电子邮箱格式不正确", "not an e-mail address", email)
        if need_one and not phone and not email:
            self.add(
                f"{prefix}phone", "请至少填写联系电话或电子邮箱", "give a phone number or an e-mail address"
            )

    def about(self, catalog: Catalog, today: dt.date, need_place: bool) -> None:
        agency = {k for k, o in catalog.offices.items() if not o.is_external}  # not the external supervisors
        office = self.known("office", agency, "被投诉单位不存在", "unknown office")
        street = self.known("street", catalog.streets, "街道（镇）不存在", "unknown street")
        self.known("power_code", catalog.powers, "事项编码不存在", "unknown power code")
        if catalog.decisions:
            self.known(
                "decision_id", catalog.decisions, "执法决定不存在或未公示", "unknown or unpublished decision"
            )
        else:
            self.text("decision_id", False)
        code = self.get("inspection_code")
        if code and normalise_inspection_code(code) is None:
            self.add(
                "inspection_code",
                "检查码格式不正确(10位，不含0、O、1、I、L)",
                "not an inspection code (10 characters, no 0, O, 1, I, L)",
                code,
            )
        if need_place and not office and not street:
            self.add(
                "office", "请至少填写被投诉单位或街道（镇）", "give the office complained about or the street"
            )
        occurred = self.get("occurred_on")
        if occurred:
            try:
                day = dt.date.fromisoformat(occurred)
            except ValueError:
                self.add("occurred_on", "日期格式应为 YYYY-MM-DD", "date must be YYYY-MM-DD", occurred)
            else:
                if day > today:
                    self.add("occurred_on", "发生日期不能晚于今天", "date lies in the future", occurred)
                elif day.year < 2000:
                    self.add("occurred_on", "发生日期过早", "date is too early", occurred)

    def category(self, categories: Mapping[str, Category]) -> None:
        if not self.get("category"):
            self.add("category", "此项为必填项", "this field is required")
        else:
            self.known("category", categories, "投诉类别不存在", "unknown category")


def resolve_decision(values: Mapping[str, str], catalog: Catalog) -> dict[str, str]:
    """``values`` with ``decision_id`` written as the record id when it names a public decision by
    its 决定文书号 (or its record id in another case or width): a complaint keeps the record id.
    A text that names no decision is left as written, for the validation to report."""
    out = dict(values)
    written = (out.get("decision_id") or "").strip()
    if written:
        out["decision_id"] = catalog.decision_named(written) or written
    return out


def validate_complaint(values: Mapping[str, str], catalog: Catalog, today: dt.date) -> list[Problem]:
    """``values`` maps API field paths (``reporter.credit_code``) to strings."""
    check = _Checker(values)
    check.category(catalog.categories)
    check.text("subject", True)
    check.text("description", True)
    rtype = check.get("reporter.type")
    if rtype not in REPORTER_TYPES:
        check.add(
            "reporter.type",
            "投诉人类型应为企业或个人",
            "must be enterprise or person",
            rtype,
        )
    check.text("reporter.name", True)
    code = check.get("reporter.credit_code")
    if rtype == "enterprise" and not code:
        check.add("reporter.credit_code", "企业投诉须填写统一社会信用代码", "required for an enterprise")
    elif code:
        problem = credit_code_problem(code)
        if problem:
            check.add("reporter.credit_code", *problem, value=code)
    check.text("reporter.contact_name", rtype == "enterprise")
    check.contact("reporter.", need_one=True)
    check.about(catalog, today, need_place=True)
    return check.problems


def validate_feedback(values: Mapping[str, str], catalog: Catalog, today: dt.date) -> list[Problem]:
    check = _Checker(values)
    check.category(catalog.feedback_categories or catalog.categories)
    check.text("subject", True)
    check.text("description", True)
    check.text("contact_name", False)
    check.contact("", need_one=False)
    url = check.text("page_url", False)
    if url and not (url.startswith("/") or url.startswith("https://") or url.startswith("http://")):
        check.add("page_url", "页面地址应以 / 或 http(s):// 开头", "must start with / or http(s)://", url)
    check.about(catalog, today, need_place=False)
    return check.problems
