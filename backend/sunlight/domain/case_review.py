"""案卷评查 (annual case-file review): the checklist, the records of a year's review, the draw's
population, the scores and the per-office report figures (docs/supervision.md). Pure: no I/O, no
randomness (the draw itself is ``sunlight.service.review_draw``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from sunlight.domain.errors import Invalid
from sunlight.domain.problems import Problem, Problems

MAX_FAULTS = 2000  # characters of a case's faults text


@dataclass(frozen=True)
class ChecklistItem:
    item: str
    points: int


# The default checklist (supervision.yaml ``case_review.checklist``): 100 points in all.
DEFAULT_CHECKLIST: tuple[ChecklistItem, ...] = (
    ChecklistItem("主体合法", 10),
    ChecklistItem("事实清楚", 15),
    ChecklistItem("证据充分", 15),
    ChecklistItem("程序合法", 15),
    ChecklistItem("适用法律正确", 15),
    ChecklistItem("裁量适当", 10),
    ChecklistItem("文书规范", 10),
    ChecklistItem("法制审核", 10),
)
DEFAULT_SAMPLE_PER_OFFICE = 5


@dataclass(frozen=True)
class CaseFile:
    """A decision record the draw may pick: its record id, office and decision date."""

    id: str
    office: str
    decided_on: dt.date


@dataclass(frozen=True)
class CaseScore:
    decision_id: str
    scores: tuple[tuple[str, int], ...]  # (checklist item, points given), in checklist order
    faults: str = ""
    scored_at: dt.datetime | None = None
    scored_by: str = ""  # the staff account (never published)

    @property
    def total(self) -> int:
        return sum(points for _, points in self.scores)


@dataclass(frozen=True)
class OfficeReview:
    office: str
    cases: tuple[str, ...]  # record ids in draw order (案卷 1, 2, ...)
    candidates: int  # how many decisions the office had that year (the draw's population)
    scores: tuple[CaseScore, ...] = ()
    finished_at: dt.datetime | None = None
    finished_by: str = ""

    def score_of(self, decision_id: str) -> CaseScore | None:
        return next((s for s in self.scores if s.decision_id == decision_id), None)

    @property
    def finished(self) -> bool:
        return self.finished_at is not None


@dataclass(frozen=True)
class Review:
    """One year's review: the seed, the checklist in force at the draw, one sample per office."""

    year: int
    seed: str
    sample_per_office: int
    checklist: tuple[ChecklistItem, ...]
    offices: tuple[OfficeReview, ...]
    drawn_at: dt.datetime | None = None
    drawn_by: str = ""
    version: int = 0

    def office(self, office_id: str) -> OfficeReview | None:
        return next((o for o in self.offices if o.office == office_id), None)

    def with_office(self, updated: OfficeReview) -> Review:
        return replace(
            self, offices=tuple(updated if o.office == updated.office else o for o in self.offices)
        )


def candidates_by_office(case_files: Iterable[CaseFile], year: int) -> dict[str, list[str]]:
    """Office -> the sorted, distinct record ids of its decisions dated in ``year``."""
    found: dict[str, set[str]] = {}
    for case in case_files:
        if case.decided_on.year == year and case.id and case.office:
            found.setdefault(case.office, set()).add(case.id)
    return {office: sorted(ids) for office, ids in sorted(found.items())}


def validate_scores(
    checklist: tuple[ChecklistItem, ...], values: Mapping[str, Any], faults: str
) -> tuple[tuple[str, int], ...]:
    """The scores in checklist order, each a whole number from 0 to the item's points; every item
    needed, no other. ``Invalid`` problems name ``scores.<item>`` or ``faults``."""
    problems = Problems()
    known = {c.item for c in checklist}
    out: list[tuple[str, int]] = []
    for c in checklist:
        raw = values.get(c.item)
        if raw is None or raw == "":
            problems.add(Problem("此项为必填项", "this item needs a score", field=f"scores.{c.item}"))
            continue
        if isinstance(raw, bool) or not isinstance(raw, int | str) or not str(raw).strip().isdigit():
            problems.add(
                Problem(
                    "分数应为整数",
                    "a score must be a whole number",
                    field=f"scores.{c.item}",
                    value=str(raw)[:20],
                )
            )
            continue
        points = int(str(raw).strip())
        if points > c.points:
            problems.add(
                Problem(
                    f"分数应在 0 到 {c.points} 之间",
                    f"a score must be from 0 to {c.points}",
                    field=f"scores.{c.item}",
                    value=str(points),
                )
            )
            continue
        out.append((c.item, points))
    for name in values:
        if name not in known:
            problems.add(Problem("评查表中没有此项", "not an item of the checklist", field=f"scores.{name}"))
    if len(faults) > MAX_FAULTS:
        problems.add(
            Problem(f"问题说明不超过 {MAX_FAULTS} 字", f"at most {MAX_FAULTS} characters", field="faults")
        )
    if problems.items:
        raise Invalid(problems.items)
    return tuple(out)


@dataclass(frozen=True)
class ItemSummary:
    item: str
    points: int
    average: float | None  # points given on average (None: no case scored)
    lost: int  # cases that lost points on this item


@dataclass(frozen=True)
class OfficeSummary:
    cases: int
    average_total: float | None
    items: tuple[ItemSummary, ...] = field(default_factory=tuple)

    @property
    def common_faults(self) -> tuple[ItemSummary, ...]:
        """The items on which cases lost points, most often first (then checklist order)."""
        ranked = sorted(
            (i for i in self.items if i.lost), key=lambda i: -i.lost
        )  # sorted() is stable: ties stay in checklist order
        return tuple(ranked)


def summarise(checklist: Iterable[ChecklistItem], scores: Iterable[Mapping[str, int]]) -> OfficeSummary:
    """Per-item averages (rounded to 0.1) and counts of cases losing points, and the average total."""
    rows = list(scores)
    items = []
    for c in checklist:
        given = [row[c.item] for row in rows if c.item in row]
        items.append(
            ItemSummary(
                item=c.item,
                points=c.points,
                average=round(sum(given) / len(given), 1) if given else None,
                lost=sum(1 for g in given if g < c.points),
            )
        )
    totals = [sum(row.values()) for row in rows]
    return OfficeSummary(
        cases=len(rows),
        average_total=round(sum(totals) / len(totals), 1) if totals else None,
        items=tuple(items),
    )


def _moment(value: object) -> dt.datetime | None:
    return dt.datetime.fromisoformat(str(value)) if value else None


def review_to_dict(r: Review) -> dict[str, Any]:
    """A JSON-ready dict (times as ISO strings), for the stores."""
    return {
        "year": r.year,
        "seed": r.seed,
        "sample_per_office": r.sample_per_office,
        "checklist": [{"item": c.item, "points": c.points} for c in r.checklist],
        "drawn_at": r.drawn_at.isoformat() if r.drawn_at else None,
        "drawn_by": r.drawn_by,
        "version": r.version,
        "offices": [
            {
                "office": o.office,
                "cases": list(o.cases),
                "candidates": o.candidates,
                "finished_at": o.finished_at.isoformat() if o.finished_at else None,
                "finished_by": o.finished_by,
                "scores": [
                    {
                        "decision_id": s.decision_id,
                        "scores": [[item, points] for item, points in s.scores],
                        "faults": s.faults,
                        "scored_at": s.scored_at.isoformat() if s.scored_at else None,
                        "scored_by": s.scored_by,
                    }
                    for s in o.scores
                ],
            }
            for o in r.offices
        ],
    }


def review_from_dict(d: Mapping[str, Any]) -> Review:
    return Review(
        year=int(d["year"]),
        seed=str(d["seed"]),
        sample_per_office=int(d["sample_per_office"]),
        checklist=tuple(ChecklistItem(str(c["item"]), int(c["points"])) for c in d["checklist"]),
        drawn_at=_moment(d.get("drawn_at")),
        drawn_by=str(d.get("drawn_by") or ""),
        version=int(d.get("version") or 0),
        offices=tuple(
            OfficeReview(
                office=str(o["office"]),
                cases=tuple(str(c) for c in o["cases"]),
                candidates=int(o.get("candidates") or 0),
                finished_at=_moment(o.get("finished_at")),
                finished_by=str(o.get("finished_by") or ""),
                scores=tuple(
                    CaseScore(
                        decision_id=str(s["decision_id"]),
                        scores=tuple((str(item), int(points)) for item, points in s["scores"]),
                        faults=str(s.get("faults") or ""),
                        scored_at=_moment(s.get("scored_at")),
                        scored_by=str(s.get("scored_by") or ""),
                    )
                    for s in o.get("scores") or []
                ),
            )
            for o in d["offices"]
        ),
    )
