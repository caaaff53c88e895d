"""``flowcharts/*.yaml``: one procedure flowchart (流程图) per file."""

from __future__ import annotations

import re
from pathlib import Path

from sunlight.content.fields import Fields, source_name
from sunlight.content.model import Flowchart, FlowEdge, FlowNode
from sunlight.content.yamlfile import load_yaml
from sunlight.domain.problems import Problem, Problems

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
NODE_KINDS = ("start", "step", "decision", "end")


def load_flowcharts(root: Path, problems: Problems) -> list[Flowchart]:
    charts: list[Flowchart] = []
    for path in sorted((root / "flowcharts").glob("*.y*ml")):
        name = source_name(root, path)
        data = load_yaml(path, name, problems)
        if data is None:
            continue
        if not isinstance(data, dict):
            problems.add(
                Problem(
                    "每个文件应为一个流程图(映射)",
                    "each file holds one flowchart (a mapping)",
                    file=name,
                    line=1,
                )
            )
            continue
        charts.append(load_flowchart(Fields(data, name, problems)))
    return charts


def load_flowchart(f: Fields) -> Flowchart:
    f.allow("id", "title", "nodes", "edges")
    chart = Flowchart(source=f.file, line=f.line)
    chart.id = f.text("id", required=True)
    f.record_id = chart.id
    if chart.id and not SLUG.match(chart.id):
        f.error(
            "id",
            "编号应为小写英文字母、数字和连字符",
            "must be a slug: lower-case ascii letters, digits, hyphens",
            chart.id,
        )
    chart.title = f.text("title", required=True)
    node_lines: dict[str, int | None] = {}
    for line, row in f.records("nodes", required=True):
        n = Fields(row, f.file, f.problems, line=line, record_id=chart.id)
        n.allow("id", "label", "kind", "time_limit", "note")
        node = FlowNode(
            id=n.text("id", required=True),
            label=n.text("label", required=True),
            kind=n.enum("kind", NODE_KINDS, required=True),
            time_limit=n.text("time_limit"),
            note=n.text("note"),
        )
        if not node.id:
            continue
        if node.id in node_lines:
            n.error("id", "节点编号重复", "duplicate node id", node.id)
            continue
        node_lines[node.id] = n.line
        chart.nodes.append(node)
    for line, row in f.records("edges", required=True):
        e = Fields(row, f.file, f.problems, line=line, record_id=chart.id)
        e.allow("from", "to", "label")
        edge = FlowEdge(
            source=e.text("from", required=True), target=e.text("to", required=True), label=e.text("label")
        )
        bad = False
        for key, node_id in (("from", edge.source), ("to", edge.target)):
            if node_id and node_id not in node_lines:
                e.error(key, "连线指向不存在的节点", "edge names a node that does not exist", node_id)
                bad = True
        if edge.source and edge.target and not bad:
            chart.edges.append(edge)
    _check_graph(chart, node_lines, f)
    return chart


def _check_graph(chart: Flowchart, node_lines: dict[str, int | None], f: Fields) -> None:
    if not chart.nodes:
        return
    starts = [n for n in chart.nodes if n.kind == "start"]
    if len(starts) != 1:
        f.error(
            "nodes",
            f"应有且只有一个开始节点(现有 {len(starts)} 个)",
            f"exactly one start node is required (found {len(starts)})",
        )
    if not any(n.kind == "end" for n in chart.nodes):
        f.error("nodes", "至少应有一个结束节点", "at least one end node is required")
    if not starts:
        return
    following: dict[str, list[str]] = {}
    for edge in chart.edges:
        following.setdefault(edge.source, []).append(edge.target)
    reached = {starts[0].id}
    todo = [starts[0].id]
    while todo:
        for nxt in following.get(todo.pop(), []):
            if nxt not in reached:
                reached.add(nxt)
                todo.append(nxt)
    for node in chart.nodes:
        if node.id not in reached:
            f.error(
                "nodes",
                "从开始节点无法到达该节点",
                "node cannot be reached from the start",
                node.id,
                line=node_lines[node.id],
            )
        if node.kind == "end" and node.id in following:
            f.error(
                "edges",
                "结束节点不应有后续连线",
                "an end node has no outgoing edge",
                node.id,
                line=node_lines[node.id],
            )
        if node.kind != "end" and node.id not in following:
            f.error(
                "edges",
                "非结束节点应有后续连线",
                "a node other than an end node needs an outgoing edge",
                node.id,
                line=node_lines[node.id],
            )
