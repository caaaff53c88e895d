"""Flowcharts laid out by Graphviz (``dot``) at build time, plus their text equivalent.

``to_dot`` writes the DOT source (Chinese labels in "Noto Sans CJK SC"), ``render_svg`` runs the
real ``dot`` program and returns an SVG fragment fit for inline use in HTML, and ``steps`` gives the
ordered list of steps (branches and time limits included) that screen readers get instead.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections import deque
from dataclasses import dataclass, field

from sunlight.content.model import Flowchart, FlowNode

FONT = "Noto Sans CJK SC"
SHAPES = {
    "start": 'shape=oval, style="filled", fillcolor="#fde8e8"',
    "end": 'shape=oval, style="filled", fillcolor="#e6f2e6"',
    "decision": 'shape=diamond, style="filled", fillcolor="#fff7d6"',
    "step": 'shape=box, style="rounded,filled", fillcolor="#f4f6f8"',
}
KIND_NAMES = {"start": "开始", "end": "结束", "decision": "判断", "step": "步骤"}


class FlowchartRenderError(RuntimeError):
    pass


def sound(chart: Flowchart) -> bool:
    """The contract's graph rules: one start, edges between known nodes, every node reachable."""
    ids = {n.id for n in chart.nodes}
    starts = [n.id for n in chart.nodes if n.kind == "start"]
    if len(starts) != 1 or len(ids) != len(chart.nodes):
        return False
    if any(e.source not in ids or e.target not in ids for e in chart.edges):
        return False
    reached, todo = {starts[0]}, [starts[0]]
    while todo:
        current = todo.pop()
        for e in chart.edges:
            if e.source == current and e.target not in reached:
                reached.add(e.target)
                todo.append(e.target)
    return reached == ids


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


WRAP = 12  # characters per line in a box: long labels keep the chart narrow enough for phones


def wrap(text: str, width: int = WRAP) -> str:
    """Break a label into lines of ``width`` characters (CJK text has no spaces to break at)."""
    if len(text) <= width + 2:
        return text
    return "\n".join(text[i : i + width] for i in range(0, len(text), width))


def node_label(node: FlowNode) -> str:
    label = wrap(node.label)
    return f"{label}\n（{wrap(node.time_limit)}）" if node.time_limit else label


def to_dot(chart: Flowchart) -> str:
    lines = [
        "digraph flowchart {",
        f'  graph [rankdir=TB, fontname="{FONT}", bgcolor="transparent", pad="0.2", nodesep="0.4"];',
        f'  node [fontname="{FONT}", fontsize=14, color="#555555", margin="0.15,0.08"];',
        f'  edge [fontname="{FONT}", fontsize=13, color="#555555"];',
    ]
    for i, node in enumerate(chart.nodes):
        lines.append(f"  n{i} [label={_quote(node_label(node))}, {SHAPES.get(node.kind, SHAPES['step'])}];")
    index = {node.id: i for i, node in enumerate(chart.nodes)}
    for edge in chart.edges:
        label = f" [label={_quote(edge.label)}]" if edge.label else ""
        lines.append(f"  n{index[edge.source]} -> n{index[edge.target]}{label};")
    lines.append("}")
    return "\n".join(lines) + "\n"


_PROLOG = re.compile(r"<\?xml.*?\?>|<!DOCTYPE.*?>|<!--.*?-->", re.S)


def render_svg(chart: Flowchart, dot_program: str | None = None) -> str:
    """Lay the chart out with Graphviz; the SVG has no XML prolog and is labelled for assistive tech."""
    program = dot_program or shutil.which("dot")
    if not program:
        raise FlowchartRenderError("找不到 Graphviz 的 dot 程序 / Graphviz's dot program is not installed")
    try:
        done = subprocess.run(
            [program, "-Tsvg"],
            input=to_dot(chart).encode("utf-8"),
            capture_output=True,
            timeout=60,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise FlowchartRenderError(f"dot 运行失败 / dot failed: {exc}") from exc
    if done.returncode != 0:
        raise FlowchartRenderError(
            f"dot 运行失败 / dot failed: {done.stderr.decode('utf-8', 'replace').strip()}"
        )
    svg = _PROLOG.sub("", done.stdout.decode("utf-8")).strip()
    svg = re.sub(r"<title>flowchart</title>\s*", "", svg, count=1)
    label = f"{chart.title}（流程图，文字版见下方步骤列表）".replace('"', "")
    return svg.replace("<svg ", f'<svg role="img" aria-label="{label}" ', 1)


@dataclass
class Step:
    number: int
    node: FlowNode
    kind_name: str
    next: list[tuple[str, int, str]] = field(default_factory=list)  # (edge label, step number, target label)


def steps(chart: Flowchart) -> list[Step]:
    """The nodes in reading order (breadth first from the start, edges in file order)."""
    by_id = {n.id: n for n in chart.nodes}
    outgoing: dict[str, list[tuple[str, str]]] = {n.id: [] for n in chart.nodes}
    for edge in chart.edges:
        outgoing.setdefault(edge.source, []).append((edge.target, edge.label))
    start = next((n.id for n in chart.nodes if n.kind == "start"), chart.nodes[0].id if chart.nodes else None)
    order: list[str] = []
    queue = deque([start] if start else [])
    seen = set(queue)
    while queue:
        current = queue.popleft()
        order.append(current)
        for target, _ in outgoing.get(current, []):
            if target not in seen:
                seen.add(target)
                queue.append(target)
    order += [
        n.id for n in chart.nodes if n.id not in seen
    ]  # unreachable ones: validation forbids, but never lose a node
    numbers = {node_id: i + 1 for i, node_id in enumerate(order)}
    return [
        Step(
            numbers[node_id],
            by_id[node_id],
            KIND_NAMES.get(by_id[node_id].kind, "步骤"),
            [(label, numbers[t], by_id[t].label) for t, label in outgoing.get(node_id, []) if t in by_id],
        )
        for node_id in order
    ]
