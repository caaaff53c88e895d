"""``credit_export.yaml`` (optional): the agency's own columns of the 双公示 export files.

Provinces vary the national template (信用信息归集模板): rename a column, move it, add one.
Each of ``penalties`` and ``licences`` (both optional) holds ``columns``, the file's whole
column list in order; an item is

- a template column's name: ``行政相对人名称`` (kept as it is);
- ``{column: 统一社会信用代码, header: 行政相对人代码_1（统一社会信用代码）}``: renamed;
- ``{header: 信息提供部门, value: 明川区城管执法局}``: added, a fixed text;
- ``{header: 事项编码, field: power_code}``: added, a public field of the decision;
- ``{column: 许可类别, value: 核准}``: a template column with the agency's own value.

Every template column must be listed (renamed or moved, not removed); the checks are
``sunlight.domain.credit_export.column_problems``. Also the agency's and offices' own credit
codes (``agency.yaml``/``offices.yaml``: ``credit_code``) are checked here, where the export
reads them.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from sunlight.content.fields import Fields, source_name
from sunlight.content.model import Agency, CreditExport, Decision, Office
from sunlight.content.yamlfile import LineList, load_optional_mapping
from sunlight.domain.credit_code import credit_code_problem, normalise_credit_code
from sunlight.domain.credit_export import TABLES, Column, column_problems
from sunlight.domain.problems import Problem, Problems

FILE = "credit_export.yaml"
ITEM_KEYS = ("column", "header", "value", "field")


def load_credit_export(root: Path, problems: Problems) -> CreditExport:
    path = root / FILE
    name = source_name(root, path)
    settings = CreditExport(source=name)
    data = load_optional_mapping(path, name, problems)
    if data is None:
        return settings
    top = Fields(data, name, problems)
    top.allow(*TABLES)
    settings.line = top.line
    for table in TABLES:
        block = top.mapping(table)
        if block is None:
            continue
        found = Problems()  # the block's own problems, reported with the table's name in front
        f = Fields(block, name, found, line=top.line_of(table))
        f.allow("columns")
        items = _columns(table, f, problems)
        columns = [column for _, _, column in items]
        for index, key, zh, en, value in column_problems(table, columns):
            if index is None:
                found.add(Problem(zh, en, file=name, line=f.line_of("columns"), field="columns", value=value))
                continue
            position, line, _ = items[index]
            where = f"{table}.columns[{position}].{key}"
            problems.add(Problem(zh, en, file=name, line=line, field=where, value=value))
        for problem in found.items:
            problems.add(replace(problem, field=f"{table}.{problem.field}"))
        if columns and not any(p.file == name and p.field.startswith(f"{table}.") for p in problems.items):
            setattr(settings, table, tuple(columns))
    return settings


def _columns(table: str, f: Fields, problems: Problems) -> list[tuple[int, int | None, Column]]:
    """The items of ``columns``: (position from 1, line, column); an item that is neither a name
    nor a mapping is reported and left out."""
    raw = f.data.get("columns")
    if raw is None:
        f.error("columns", "必填字段缺失", "required field is missing")
        return []
    if not isinstance(raw, list):
        f.error("columns", "应为列表", "must be a list")
        return []
    items: list[tuple[int, int | None, Column]] = []
    for index, item in enumerate(raw):
        line = raw.line_of(index) if isinstance(raw, LineList) else f.line_of("columns")
        where = f"{table}.columns[{index + 1}]"
        if isinstance(item, str):
            items.append((index + 1, line, Column(item.strip(), template=item.strip())))
        elif isinstance(item, dict):
            items.append((index + 1, line, _item(item, f, problems, where, line)))
        else:
            problems.add(
                Problem(
                    "应为模板列名或映射",
                    "must be a template column's name or a mapping",
                    file=f.file,
                    line=line,
                    field=where,
                )
            )
    return items


def _item(item: dict[str, object], f: Fields, problems: Problems, where: str, line: int | None) -> Column:
    found = Problems()
    g = Fields(item, f.file, found, line=line)
    g.allow(*ITEM_KEYS)
    template = g.text("column")
    header = g.text("header") or template
    field = g.text("field")
    value = g.text("value") if g.has("value") else None
    if field and value is not None:
        g.error("value", "value 与 field 只能填写其一", "give either value or field, not both")
    for problem in found.items:
        problems.add(replace(problem, line=line, field=f"{where}.{problem.field}"))
    return Column(header, template=template, field=field, value=value)


def check_credit_codes(agency: Agency, offices: list[Office], problems: Problems) -> None:
    """``credit_code`` of ``agency.yaml`` and of the offices: a valid 统一社会信用代码 when given."""
    for record, record_id in [(agency, ""), *((o, o.id) for o in offices)]:
        if not record.credit_code:
            continue
        record.credit_code = normalise_credit_code(record.credit_code)
        wrong = credit_code_problem(record.credit_code)
        if wrong:
            problems.add(
                Problem(
                    wrong[0],
                    wrong[1],
                    file=record.source,
                    line=record.line_of("credit_code"),
                    field="credit_code",
                    value=record.credit_code,
                    record_id=record_id,
                )
            )
            record.credit_code = ""


def warn_missing_agency_code(agency: Agency, decisions: list[Decision], problems: Problems) -> None:
    """A warning when the 双公示 files would name the agency without its credit code."""
    kinds = {kind for kind, _ in TABLES.values()}
    if agency.credit_code or not any(d.kind in kinds for d in decisions):
        return
    problems.add(
        Problem(
            "未填写本机关统一社会信用代码：双公示文件中处罚机关、许可机关和数据来源单位的统一社会信用代码将为空",
            "no credit_code for the agency: the 双公示 files will have no authority or data-source credit code",
            file=agency.source,
            field="credit_code",
            severity="warning",
        )
    )
