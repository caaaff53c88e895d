"""案卷评查 reports: the file of ``sunlight review export`` (``--reviews-from``) read and checked, and
the data of the pages under ``/supervision/`` and of their feed (docs/supervision.md).

Only offices whose review is finished are published (the export holds no other; an unfinished one
slipping in is dropped here too). A case is linked to its decision's page only when that decision
is public in this build; any other is shown as 案卷 N. A case's faults text that may name a person
or hold a personal number, or names a record id or 文书号 of a decision not public, is held back
(shown as withheld) and reported in the build report.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sunlight.domain import pii
from sunlight.domain.case_review import (
    CaseScore,
    ChecklistItem,
    OfficeReview,
    OfficeSummary,
    Review,
    summarise,
)
from sunlight.domain.local_time import SHANGHAI

FORMAT = "sunlight-case-reviews"  # written by `sunlight review export`
WITHHELD = "（含不宜公开的内容，未予公布）"


class ReviewsFileError(ValueError):
    """The ``--reviews-from`` file is not an export (message in Chinese and English)."""


def _need(condition: bool, where: str, zh: str, en: str) -> None:
    if not condition:
        raise ReviewsFileError(f"{where}: {zh} / {en}")


def _moment(value: object, where: str) -> dt.datetime:
    try:
        moment = dt.datetime.fromisoformat(str(value))
    except ValueError:
        raise ReviewsFileError(f"{where}: 应为带时区的时间 / must be an ISO date-time with offset") from None
    _need(moment.tzinfo is not None, where, "应为带时区的时间", "must carry an offset")
    return moment


def _review(raw: Any, where: str) -> Review:
    _need(isinstance(raw, dict), where, "应为对象", "must be an object")
    year = raw.get("year")
    _need(isinstance(year, int) and not isinstance(year, bool), f"{where}.year", "应为年份", "must be a year")
    checklist_raw = raw.get("checklist")
    _need(isinstance(checklist_raw, list) and bool(checklist_raw), f"{where}.checklist", "应为评查项目列表",
          "must list the checklist items")  # fmt: skip
    checklist = []
    for n, c in enumerate(checklist_raw):
        ok = isinstance(c, dict) and isinstance(c.get("item"), str) and isinstance(c.get("points"), int)
        _need(ok, f"{where}.checklist[{n}]", "应有 item 和 points", "needs item and points")
        checklist.append(ChecklistItem(c["item"], c["points"]))
    offices = []
    for n, o in enumerate(raw.get("offices") or []):
        at = f"{where}.offices[{n}]"
        _need(isinstance(o, dict) and isinstance(o.get("office"), str), at, "应有 office", "needs office")
        scores = []
        for k, case in enumerate(o.get("cases") or []):
            at_case = f"{at}.cases[{k}]"
            ok = isinstance(case, dict) and isinstance(case.get("decision_id"), str)
            _need(ok and isinstance(case.get("scores"), dict), at_case, "应有 decision_id 和 scores",
                  "needs decision_id and scores")  # fmt: skip
            given = []
            for c in checklist:
                value = case["scores"].get(c.item)
                valid = isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= c.points
                _need(valid, f"{at_case}.scores.{c.item}", f"应为 0 至 {c.points} 的整数",
                      f"must be a whole number from 0 to {c.points}")  # fmt: skip
                given.append((c.item, value))
            scores.append(CaseScore(case["decision_id"], tuple(given), str(case.get("faults") or "")))
        finished = _moment(o["finished_at"], f"{at}.finished_at") if o.get("finished_at") else None
        offices.append(
            OfficeReview(
                office=o["office"],
                cases=tuple(s.decision_id for s in scores),
                candidates=int(o.get("candidates") or 0),
                scores=tuple(scores),
                finished_at=finished,
            )
        )
    seed = raw.get("seed")
    _need(isinstance(seed, str) and bool(seed), f"{where}.seed", "缺少抽取种子", "the seed is missing")
    return Review(
        year=year, seed=seed, sample_per_office=int(raw.get("sample_per_office") or 0),
        checklist=tuple(checklist), offices=tuple(offices),
        drawn_at=_moment(raw["drawn_at"], f"{where}.drawn_at") if raw.get("drawn_at") else None,
    )  # fmt: skip


def read_reviews(path: str | Path) -> list[Review]:
    """The reviews of an export file; ``ReviewsFileError`` names what is wrong, and where."""
    expected = "应为 sunlight review export 写出的文件 / expected the file written by `sunlight review export -o FILE`"
    try:
        document = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ReviewsFileError(f"文件不存在 / file not found: {path}") from None
    except (OSError, ValueError) as exc:
        raise ReviewsFileError(f"{path}: {expected} ({exc})") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ReviewsFileError(f"{path}: {expected}")
    return reviews_from_document(document, str(path))


def reviews_from_document(document: Mapping[str, Any], name: str) -> list[Review]:
    """The reviews of an export document already read (``name`` says where it came from)."""
    reviews = document.get("reviews")
    _need(isinstance(reviews, list), f"{name}: reviews", "应为列表", "must be a list")
    return [_review(r, f"{name}: reviews[{n}]") for n, r in enumerate(reviews)]


@dataclass(frozen=True)
class CaseRow:
    no: int  # 案卷 N: its place in the draw
    doc_no: str  # the 文书号 when the decision is public in this build, else ""
    url: str  # its page when public, else ""
    scores: tuple[int, ...]
    total: int
    faults: str


@dataclass(frozen=True)
class Report:
    year: int
    office: str
    office_name: str
    seed: str
    sample_per_office: int
    candidates: int
    checklist: tuple[ChecklistItem, ...]
    finished_at: dt.datetime
    cases: tuple[CaseRow, ...]
    summary: OfficeSummary

    @property
    def path(self) -> str:
        return f"/supervision/reviews/{self.year}/{self.office}/"

    @property
    def title(self) -> str:
        return f"{self.year}年度案卷评查报告：{self.office_name}"

    @property
    def finished_on(self) -> dt.date:
        return self.finished_at.astimezone(SHANGHAI).date()


NameFinder = Callable[[str], tuple[str, ...]]


def _faults_fit(text: str, private_keys: Iterable[str], names: NameFinder) -> bool:
    if not text:
        return True
    if any(key and key in text for key in private_keys):
        return False
    return not pii.scan(text, "faults") and not names(text)


def reports(
    reviews: Iterable[Review],
    office_names: Mapping[str, str],
    public: Mapping[str, str],
    doc_nos: Mapping[str, str],
    names: NameFinder,
    withheld: Callable[[int, str, int], None] = lambda year, office, no: None,
) -> list[Report]:
    """One report per finished office review, by year (newest first) then office name.

    ``public``: record id -> 文书号 of the decisions public in this build; ``doc_nos``: record id ->
    文书号 of every decision record (to hold back a faults text naming one that is not public)."""
    out = []
    for review in reviews:
        sampled = {c for o in review.offices for c in o.cases}
        private_keys = [k for c in sampled if c not in public for k in (c, doc_nos.get(c, ""))]
        for o in review.offices:
            if o.finished_at is None or o.office not in office_names:
                continue
            rows = []
            for no, decision_id in enumerate(o.cases, start=1):
                s = o.score_of(decision_id)
                if s is None:
                    continue
                fits = _faults_fit(s.faults, private_keys, names)
                if not fits:
                    withheld(review.year, o.office, no)
                rows.append(
                    CaseRow(
                        no=no,
                        doc_no=public.get(decision_id, "") if decision_id in public else "",
                        url=f"/decisions/{decision_id}/" if decision_id in public else "",
                        scores=tuple(points for _, points in s.scores),
                        total=s.total,
                        faults=s.faults if fits else WITHHELD,
                    )
                )
            out.append(
                Report(
                    year=review.year, office=o.office, office_name=office_names[o.office], seed=review.seed,
                    sample_per_office=review.sample_per_office, candidates=o.candidates,
                    checklist=review.checklist, finished_at=o.finished_at, cases=tuple(rows),
                    summary=summarise(review.checklist, [dict(s.scores) for s in o.scores]),
                )
            )  # fmt: skip
    return sorted(out, key=lambda r: (-r.year, r.office_name))
