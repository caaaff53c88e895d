"""``inspections/*.yaml``: random inspection plans (双随机抽查) and their results."""

from __future__ import annotations

from pathlib import Path

from sunlight.content.fields import Fields, source_name
from sunlight.content.model import InspectionPlan, InspectionResult
from sunlight.content.yamlfile import load_yaml
from sunlight.domain.credit_code import credit_code_problem, normalise_credit_code
from sunlight.domain.problems import Problem, Problems

PLAN_KEYS = (
    "id",
    "title",
    "subject",
    "basis",
    "objects",
    "content",
    "ratio",
    "method",
    "frequency",
    "office",
)
REQUIRED = ("id", "title", "subject", "basis", "objects", "content", "office")
RESULT_KEYS = ("plan", "object_name", "credit_code", "checked_on", "result")


def load_inspections(root: Path, problems: Problems) -> tuple[list[InspectionPlan], list[InspectionResult]]:
    plans: list[InspectionPlan] = []
    results: list[InspectionResult] = []
    for path in sorted((root / "inspections").glob("*.y*ml")):
        name = source_name(root, path)
        data = load_yaml(path, name, problems)
        if data is None:
            continue
        if not isinstance(data, dict):
            problems.add(
                Problem(
                    "文件内容应为映射(plans 与 results)",
                    "the file must hold a mapping with plans and results",
                    file=name,
                    line=1,
                )
            )
            continue
        top = Fields(data, name, problems)
        top.allow("plans", "results")
        for line, row in top.records("plans", required=True):
            f = Fields(row, name, problems, line=line)
            f.allow(*PLAN_KEYS)
            plan = InspectionPlan(source=name, line=f.line)
            plan.remember_lines(f.key_lines())
            for key in PLAN_KEYS:
                setattr(plan, key, f.text(key, required=key in REQUIRED))
            plans.append(plan)
        for line, row in top.records("results"):
            f = Fields(row, name, problems, line=line)
            f.allow(*RESULT_KEYS)
            result = InspectionResult(source=name, line=f.line)
            result.remember_lines(f.key_lines())
            result.plan = f.text("plan", required=True)
            result.object_name = f.text("object_name", required=True)
            result.credit_code = normalise_credit_code(f.text("credit_code"))
            if result.credit_code:
                bad = credit_code_problem(result.credit_code)
                if bad:
                    f.error("credit_code", *bad, result.credit_code)
            result.checked_on = f.date("checked_on", required=True)
            result.result = f.text("result", required=True)
            results.append(result)
    return plans, results
