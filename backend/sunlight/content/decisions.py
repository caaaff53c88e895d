"""The decision feed (行政执法决定): ``content/decisions/*.csv|*.xlsx|*.jsonl``.

``load_decisions(root, content, problems)`` reads every feed file in name order, validates
each row against the content contract and returns the valid rows as
:class:`~sunlight.content.model.Decision` records (``office`` normalised to the office id).
A row with any error is reported (file, row, field, Chinese and English) and left out; the
others load. Ids must be unique across all files: a repeat is reported at both places and
only the first row is kept.

Needs ``content.offices`` and ``content.powers`` to be loaded first.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from sunlight.content.fields import source_name
from sunlight.content.model import DECISION_KINDS, DECISION_STATUSES, PARTY_TYPES, Content, Decision
from sunlight.content.tabular import TABULAR_SUFFIXES, UNREADABLE_SUFFIXES, read_table, unreadable_problem
from sunlight.content.values import ValueProblem, parse_bool, parse_date, parse_decimal
from sunlight.domain.credit_code import credit_code_problem, normalise_credit_code
from sunlight.domain.period_rows import parse_period_table
from sunlight.domain.problems import Problem, Problems

# Chinese header -> key (the content contract's table), plus the two keys it names in prose.
ALIASES = {
    "记录编号": "id",
    "决定文书号": "doc_no",
    "决定类别": "kind",
    "程序类型": "procedure",
    "当事人类型": "party_type",
    "当事人名称": "party_name",
    "统一社会信用代码": "credit_code",
    "法定代表人": "legal_rep",
    "证件号码": "id_number",
    "主要违法事实": "facts",
    "处罚依据": "basis",
    "处罚内容": "content",
    "罚款金额(元)": "amount",
    "罚款金额": "amount",
    # the open-data columns' general labels (sunlight.domain.decision_kinds.COLUMNS)
    "法定代表人（负责人、经营者）": "legal_rep",
    "主要事实": "facts",
    "决定依据": "basis",
    "决定内容": "content",
    "金额(元)": "amount",
    "执法机关编号": "office",
    "执法机关": "office",
    "事项编码": "power_code",
    "决定日期": "decided_on",
    "公示日期": "published_on",
    "失信程度": "severity",
    "公示截止日期": "disclosure_until",
    "状态": "status",
    "状态日期": "status_on",
    "状态说明": "status_reason",
    "变更后记录编号": "superseded_by",
    "撤下日期": "withdrawn_on",
    "未成年人": "minor",
    "领域": "domain",
    "所属领域": "domain",
}
PROCEDURES = ("一般程序", "简易程序")
SEVERITIES = ("一般", "严重", "轻微")
TEXT_KEYS = (
    "id",
    "doc_no",
    "party_name",
    "credit_code",
    "legal_rep",
    "id_number",
    "facts",
    "basis",
    "content",
    "power_code",
    "domain",
    "status_reason",
    "superseded_by",
)
MISSING = ("必填字段缺失", "required field is missing")
_BLANKS = ("",) * len(TEXT_KEYS)
_ONLY_STR = {str}
_credit_code_problem = lru_cache(maxsize=1 << 16)(credit_code_problem)  # one party, many decisions
_normalise_credit_code = lru_cache(maxsize=1 << 16)(normalise_credit_code)


def feed_files(root: Path, suffixes: tuple[str, ...] = TABULAR_SUFFIXES) -> list[Path]:
    """The files of ``root/decisions/`` with one of ``suffixes``, sorted by name."""
    folder = root / "decisions"
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in suffixes and p.is_file())


def load_decisions(root: Path, content: Content, problems: Problems) -> list[Decision]:
    """Every valid decision of ``root/decisions/``, in file and row order."""
    _check_policy(content, problems)
    offices = {o.id: o.id for o in content.offices}
    offices.update({o.name: o.id for o in content.offices if o.name})
    powers = {p.code: p.domain for p in content.powers}
    table, _ = parse_period_table(content.agency.publication.periods)
    domains = set(powers.values()) | {d for rule in table.timeline() for d in rule.special_domains}
    first_seen: dict[str, Decision] = {}
    reported: set[str] = set()
    decisions: list[Decision] = []
    for path in feed_files(root, UNREADABLE_SUFFIXES):  # .xls and the like: reported, not skipped
        problems.add(unreadable_problem(source_name(root, path)))
    for path in feed_files(root):
        name = source_name(root, path)
        table = read_table(path, ALIASES, name=name)
        for row_no, row in table:
            decision = _row(row, name, row_no, offices, powers, domains, problems)
            if decision is None:
                continue
            earlier = first_seen.get(decision.id)
            if earlier is not None:
                _duplicate(decision, earlier, problems, report_first=decision.id not in reported)
                reported.add(decision.id)
                continue
            first_seen[decision.id] = decision
            decisions.append(decision)
        problems.extend(table.problems)
    broken = _check_successors(decisions, first_seen, problems)
    return [d for d in decisions if d.id not in broken]


def _text(value: object) -> str:
    if value.__class__ is str:  # the common case: the tabular reader has stripped it already
        return value  # type: ignore[return-value]
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


class _Row:
    """One row being validated: collects its problems, knows its place."""

    def __init__(self, data: dict[str, object], file: str, line: int) -> None:
        self.data, self.file, self.line = data, file, line
        self.record_id = _text(data.get("id"))
        self.problems: list[Problem] = []

    def error(self, key: str, zh: str, en: str, value: object = "") -> None:
        self.problems.append(
            Problem(
                zh,
                en,
                file=self.file,
                line=self.line,
                field=key,
                value=_text(value),
                record_id=self.record_id,
            )
        )

    def text(self, key: str, required: bool = False) -> str:
        value = _text(self.data.get(key, ""))
        if required and not value:
            self.error(key, *MISSING)
        return value

    def enum(self, key: str, choices: tuple[str, ...], default: str = "", required: bool = False) -> str:
        value = self.text(key, required=required)
        if not value:
            return default
        if value not in choices:
            self.error(
                key, f"应为以下之一：{'、'.join(choices)}", f"must be one of: {', '.join(choices)}", value
            )
            return default
        return value

    def parsed(self, key: str, parse: Callable[[object], object], required: bool = False) -> object:
        value = self.data.get(key)
        if value.__class__ is str:  # CSV cells: many rows share a date or an amount
            hit = _PARSED.get((parse, value))
            if hit is not None:
                return hit
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.error(key, *MISSING)
            return None
        try:
            result = parse(value)
        except ValueProblem as exc:
            self.problems.append(
                exc.problem(file=self.file, line=self.line, field=key, record_id=self.record_id)
            )
            return None
        if value.__class__ is str and len(_PARSED) < _PARSED_MAX:
            _PARSED[(parse, value)] = result
        return result


# Parsed cell texts, by (parser, text): the parsers are pure and their results immutable
# (dates, decimals, booleans).
_PARSED: dict[tuple[Callable[[object], object], str], object] = {}
_PARSED_MAX = 1 << 17


def _amount(value: object) -> Decimal:
    return parse_decimal(value, minimum=Decimal(0))


def _row(
    data: dict[str, object],
    file: str,
    line: int,
    offices: dict[str, str],
    powers: dict[str, str],
    domains: set[str],
    problems: Problems,
) -> Decision | None:
    r = _Row(data, file, line)
    texts = list(map(data.get, TEXT_KEYS, _BLANKS))
    if set(map(type, texts)) != _ONLY_STR:  # spreadsheet cells: numbers, dates, None
        texts = [_text(value) for value in texts]
    d = Decision(source=file, line=line, **dict(zip(TEXT_KEYS, texts, strict=True)))
    d.credit_code = _normalise_credit_code(d.credit_code)
    for key in ("id", "doc_no", "party_name", "basis", "content"):
        if not getattr(d, key):
            r.error(key, *MISSING)
    d.kind = r.enum("kind", DECISION_KINDS, required=True)
    d.procedure = r.enum("procedure", PROCEDURES, default="一般程序")
    d.party_type = r.enum("party_type", PARTY_TYPES, required=True)
    d.severity = r.enum("severity", SEVERITIES, default="一般")
    d.status = r.enum("status", DECISION_STATUSES, default="有效")
    if d.kind == "行政处罚" and not d.facts:
        r.error("facts", "行政处罚决定必须填写主要违法事实", "required for 行政处罚 decisions")
    if d.party_type in ("法人", "非法人组织") and not d.credit_code:
        r.error("credit_code", "法人和非法人组织必须填写统一社会信用代码", "required for 法人 and 非法人组织")
    if d.credit_code:
        wrong = _credit_code_problem(d.credit_code)
        if wrong:
            r.error("credit_code", *wrong, d.credit_code)
    amount = r.parsed("amount", _amount)
    d.amount = amount if isinstance(amount, Decimal) else None
    office = r.text("office", required=True)
    if office:
        d.office = offices.get(office, "")
        if not d.office:
            r.error(
                "office",
                "执法机关不存在（应为 offices.yaml 中的编号或名称）",
                "unknown office (use an id or name from offices.yaml)",
                office,
            )
    if d.power_code and d.power_code not in powers:
        r.error("power_code", "事项编码不在权力清单中", "no such power code in the power list", d.power_code)
    if d.domain:
        _check_domain(d, r, powers, domains)
    d.decided_on = r.parsed("decided_on", parse_date, required=True)  # type: ignore[assignment]
    d.published_on = r.parsed("published_on", parse_date)  # type: ignore[assignment]
    d.disclosure_until = r.parsed("disclosure_until", parse_date)  # type: ignore[assignment]
    d.status_on = r.parsed("status_on", parse_date)  # type: ignore[assignment]
    d.withdrawn_on = r.parsed("withdrawn_on", parse_date)  # type: ignore[assignment]
    d.minor = bool(r.parsed("minor", parse_bool))
    _check_dates(d, r)
    if d.status != "有效" and not d.status_on and "status" not in {p.field for p in r.problems}:
        r.error("status_on", "状态不是“有效”时必须填写状态日期", "required when status is not 有效")
    if d.status == "变更" and not d.superseded_by:
        r.error("superseded_by", "状态为“变更”时必须填写变更后记录编号", "required when status is 变更")
    if r.problems:
        problems.extend(r.problems)
        return None
    return d


def _check_domain(d: Decision, r: _Row, powers: dict[str, str], domains: set[str]) -> None:
    """``domain`` (领域): a domain of the power list or of the period rules; the power item's own
    when a power code is given (the domain decides the minimum period, e.g. 食品 under order 58)."""
    if d.domain not in domains:
        r.error(
            "domain",
            f"未知的领域（应为权力清单中的领域或{'、'.join(sorted(domains - set(powers.values())))}）",
            "unknown domain (use a domain of the power list or of the disclosure-period rules)",
            d.domain,
        )
    elif d.power_code in powers and powers[d.power_code] != d.domain:
        r.error(
            "domain",
            f"领域与事项编码所属领域（{powers[d.power_code]}）不一致",
            f"differs from the domain of the power item ({powers[d.power_code]})",
            d.domain,
        )


def _check_dates(d: Decision, r: _Row) -> None:
    if d.decided_on is None:
        return
    for key in ("published_on", "disclosure_until", "status_on"):
        value: dt.date | None = getattr(d, key)
        if value is not None and value < d.decided_on:
            r.error(key, "不得早于决定日期", "must not be before the decision date", value.isoformat())
    taken = d.withdrawn_on
    if taken is not None:
        if taken < d.decided_on:
            r.error(
                "withdrawn_on",
                "撤下日期不得早于决定日期",
                "must not be before the decision date",
                taken.isoformat(),
            )
        elif d.status_on is not None and d.status != "有效" and taken < d.status_on:
            r.error(
                "withdrawn_on",
                "撤下日期不得早于状态日期",
                "must not be before the status date",
                taken.isoformat(),
            )


def _duplicate(decision: Decision, earlier: Decision, problems: Problems, *, report_first: bool) -> None:
    where = f"{earlier.source}:{earlier.line}"
    problems.add(
        Problem(
            f"记录编号重复，已在 {where} 出现",
            f"duplicate id, first used at {where}",
            file=decision.source,
            line=decision.line,
            field="id",
            value=decision.id,
            record_id=decision.id,
        )
    )
    if report_first:
        problems.add(
            Problem(
                f"记录编号重复，又在 {decision.source}:{decision.line} 出现",
                f"duplicate id, used again at {decision.source}:{decision.line}",
                file=earlier.source,
                line=earlier.line,
                field="id",
                value=earlier.id,
                record_id=earlier.id,
                severity="error",
            )
        )


def _check_successors(decisions: list[Decision], by_id: dict[str, Decision], problems: Problems) -> set[str]:
    """Ids of 变更 decisions whose ``superseded_by`` names no other decision (reported)."""
    broken: set[str] = set()
    for d in decisions:
        if d.status != "变更" or not d.superseded_by:
            continue
        if d.superseded_by == d.id or d.superseded_by not in by_id:
            problems.add(
                Problem(
                    "变更后记录编号不存在",
                    "superseded_by names no other decision in the feed",
                    file=d.source,
                    line=d.line,
                    field="superseded_by",
                    value=d.superseded_by,
                    record_id=d.id,
                )
            )
            broken.add(d.id)
    return broken


def _check_policy(content: Content, problems: Problems) -> None:
    """The disclosure-period table of ``agency.yaml: publication`` (see sunlight.domain.periods)."""
    policy = content.agency.publication
    warnings: list[tuple[str, str, str]] = []
    _, errors = parse_period_table(policy.periods, warnings=warnings)
    for severity, found in (("error", errors), ("warning", warnings)):
        for path, zh, en in found:
            head = path
            while head not in policy.period_lines and "." in head:
                head = head.rsplit(".", 1)[0]
            line = policy.period_lines.get(head) or content.agency.line_of("publication")
            problems.add(
                Problem(
                    zh,
                    en,
                    file=content.agency.source or "agency.yaml",
                    line=line,
                    field=path,
                    severity=severity,
                )
            )
