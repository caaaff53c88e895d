"""``agency.yaml``: the agency, its website footer fields and its publication policy."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sunlight.content.fields import Fields, source_name
from sunlight.content.model import DECISION_KINDS, Agency, Publication
from sunlight.content.yamlfile import LineMap, load_required_mapping
from sunlight.domain.problems import Problems
from sunlight.domain.withdrawals import WITHDRAWAL_WORKING_DAYS

AGENCY_KEYS = (
    "name",
    "short_name",
    "site_url",
    "region",
    "address",
    "phone",
    "email",
    "sponsor",
    "site_code",
    "icp",
    "police_record",
    "remedy",
    "credit_code",
    "publication",
)
REQUIRED = ("name", "short_name", "site_url", "region", "sponsor", "site_code", "icp", "police_record")
PUBLICATION_KEYS = (
    "natural_persons",
    "simple_procedure",
    "deadline_working_days",
    "period",
    "periods",
    "omit_minors",
    "rule",
    "withdrawal_working_days",
)
SEVERITIES = ("一般", "严重")
RULES = ("lenient", "at_decision", "current")


def load_agency(root: Path, problems: Problems) -> Agency:
    path = root / "agency.yaml"
    name = source_name(root, path)
    data = load_required_mapping(path, name, problems)
    if data is None:
        return Agency(source=name)
    f = Fields(data, name, problems)
    f.allow(*AGENCY_KEYS)
    agency = Agency(source=name, line=f.line)
    agency.remember_lines(f.key_lines())
    for key in AGENCY_KEYS[:-1]:
        setattr(agency, key, f.text(key, required=key in REQUIRED))
    if agency.site_url and not agency.site_url.startswith(("https://", "http://")):
        f.error("site_url", "网址应以 https:// 开头", "must start with https://", agency.site_url)
    if agency.email and "@" not in agency.email:
        f.error("email", "电子邮箱格式不正确", "not an e-mail address", agency.email)
    block = f.mapping("publication")
    if block is not None:
        agency.publication = load_publication(Fields(block, name, problems))
    return agency


def load_publication(f: Fields) -> Publication:
    """The ``publication`` block; anything left out keeps the national default."""
    f.allow(*PUBLICATION_KEYS)
    pub = Publication()
    pub.natural_persons = f.enum("natural_persons", ("mask", "omit"), default=pub.natural_persons)
    pub.simple_procedure = f.enum("simple_procedure", ("omit", "publish"), default=pub.simple_procedure)
    pub.rule = f.enum("rule", RULES, default=pub.rule)
    if f.has("omit_minors"):
        value = f.data["omit_minors"]
        if isinstance(value, bool):
            pub.omit_minors = value
        else:
            f.error("omit_minors", "应为 true 或 false", "must be true or false", value)
    withdrawal = f.integer("withdrawal_working_days", minimum=1)
    if withdrawal is not None:
        if withdrawal > WITHDRAWAL_WORKING_DAYS:
            f.error(
                "withdrawal_working_days",
                f"不得超过法定的{WITHDRAWAL_WORKING_DAYS}个工作日（行政处罚法第四十八条、第八十五条）",
                f"must not exceed the statutory {WITHDRAWAL_WORKING_DAYS} working days (Administrative Penalty Law arts. 48, 85)",
                withdrawal,
            )
        else:
            pub.withdrawal_working_days = withdrawal
    deadlines = f.mapping("deadline_working_days")
    if deadlines is not None:
        d = Fields(deadlines, f.file, f.problems)
        d.allow(*DECISION_KINDS, "default")
        for kind in (*DECISION_KINDS, "default"):
            days = d.integer(kind, minimum=1)
            if days is not None:
                pub.deadline_working_days[kind] = days
    period = f.mapping("period")
    if period is not None:
        row = _period_row(Fields(period, f.file, f.problems))
        if row:
            _remember_lines(pub, period, f.line_of("period"))
            pub.periods.append(row)
    # The full table form (rows with effective dates), checked by sunlight.domain.periods.
    for line, row in f.records("periods"):
        _remember_lines(pub, row, line)
        pub.periods.append(_plain(row))
    if period is not None and f.has("periods"):
        f.error("period", "period 与 periods 只能填写其一", "give either period or periods, not both")
    return pub


def _period_row(p: Fields) -> dict[str, Any]:
    """``period: {一般: {min_months, max_months}, 严重: {...}}`` as one row of the period table."""
    p.allow(*SEVERITIES)
    row: dict[str, Any] = {"id": "agency", "source": "本机关公示政策(agency.yaml)"}
    complete = True
    for severity in SEVERITIES:
        block = p.mapping(severity, required=True)
        if block is None:
            complete = False
            continue
        r = Fields(block, p.file, p.problems)
        r.allow("min_months", "max_months")
        low = r.integer("min_months", required=True, minimum=0)
        high = r.integer("max_months", required=True, minimum=1)
        if low is not None and high is not None and low > high:
            r.error("min_months", "最短公示期不得长于最长公示期", "minimum must not exceed maximum", low)
            low = None
        if low is None or high is None:
            complete = False
            continue
        row[severity] = {"min_months": low, "max_months": high}
    return row if complete else {}


def _remember_lines(pub: Publication, row: Any, line: int | None) -> None:
    """The line of the next period row and of its keys, by the field paths the domain reports
    (``publication.periods[1].until``, ``publication.periods[0].一般.max_months``)."""
    where = f"publication.periods[{len(pub.periods)}]"
    if line is not None:
        pub.period_lines[where] = line
    if not isinstance(row, LineMap):
        return
    for key, value in row.items():
        pub.period_lines[f"{where}.{key}"] = row.line_of(key)
        if isinstance(value, LineMap):
            for inner in value:
                pub.period_lines[f"{where}.{key}.{inner}"] = value.line_of(inner)


def _plain(value: Any) -> Any:
    """YAML data as plain dicts and lists (for the domain, which knows no line numbers)."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value
