"""Charts drawn as SVG at build time (no JavaScript): horizontal bar charts (plain and grouped) and a
point scatter.

Every chart is ``role="img"`` with an ``aria-label``; the page shows the same figures in a table.
Text is escaped; coordinates are rounded so the output is stable across machines.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from sunlight.content.model import Point

BAR = "#a4161a"
INK = "#1a1a1a"
CALM = "#3d5a80"  # bars not marked
FONT = "Noto Sans CJK SC, sans-serif"


def bar_chart(title: str, rows: Sequence[tuple[str, float]], unit: str = "") -> str:
    """A horizontal bar chart of ``(label, value)`` rows, largest scale = the largest value."""
    label_w, bar_w, row_h, top = 150, 150, 30, 8
    width = label_w + bar_w + 70
    height = top * 2 + row_h * max(1, len(rows))
    peak = max((v for _, v in rows), default=0) or 1
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{escape(title)}" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" font-family="{FONT}" font-size="14">'
    ]
    for i, (label, value) in enumerate(rows):
        y = top + i * row_h
        length = round(bar_w * value / peak, 1)
        shown = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"
        parts.append(
            f'<text x="{label_w - 8}" y="{y + 20}" text-anchor="end" fill="{INK}">{escape(label)}</text>'
            f'<rect x="{label_w}" y="{y + 5}" width="{length}" height="{row_h - 10}" fill="{BAR}"/>'
            f'<text x="{label_w + length + 6}" y="{y + 20}" fill="{INK}">{shown}{escape(unit)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def point_map(points: Sequence[Point], title: str = "非现场执法点位分布示意图") -> str:
    """A scatter of the points by latitude and longitude (no map tiles), labelled with their ids."""
    located = [p for p in points if p.lat is not None and p.lng is not None]
    width, height, pad = 600, 360, 40
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{escape(title)}" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" font-family="{FONT}" font-size="13">',
        f'<rect x="0.5" y="0.5" width="{width - 1}" height="{height - 1}" fill="#f4f6f8" stroke="#d0d4da"/>',
    ]
    if located:
        lats = [float(p.lat) for p in located]  # type: ignore[arg-type]
        lngs = [float(p.lng) for p in located]  # type: ignore[arg-type]
        lat_span = (max(lats) - min(lats)) or 0.01
        lng_span = (max(lngs) - min(lngs)) or 0.01
        for p in sorted(located, key=lambda p: p.id):
            x = round(pad + (float(p.lng) - min(lngs)) / lng_span * (width - 2 * pad), 1)  # type: ignore[arg-type]
            y = round(height - pad - (float(p.lat) - min(lats)) / lat_span * (height - 2 * pad), 1)  # type: ignore[arg-type]
            colour = BAR if p.status != "retired" else "#777777"
            parts.append(
                f'<circle cx="{x}" cy="{y}" r="6" fill="{colour}"/>'
                f'<text x="{x + 9}" y="{y + 4}" fill="{INK}">{escape(p.id)}</text>'
            )
    parts.append("</svg>")
    return "".join(parts)


@dataclass(frozen=True)
class TrendBar:
    label: str  # e.g. "2025年"
    value: float
    text: str  # the figure written after the bar, e.g. "728.00万元 增长30.0% 预警"
    marked: bool = False  # drawn in the warning colour (the words say it too)


def grouped_bar_chart(
    chart_id: str, title: str, desc: str, groups: Sequence[tuple[str, Sequence[TrendBar]]]
) -> str:
    """Horizontal bars in groups (one heading per group, one bar per row), all on one scale;
    ``<title>`` and ``<desc>`` name the chart for assistive technology; text at 13-14 px."""
    label_w, bar_w, text_w, row_h, head_h, pad = 72, 300, 260, 26, 28, 8
    width = label_w + bar_w + text_w
    height = pad * 2 + sum(head_h + row_h * len(bars) for _, bars in groups) or pad * 2 + row_h
    peak = max((b.value for _, bars in groups for b in bars), default=0) or 1
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="{chart_id}-title {chart_id}-desc" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" font-family="{FONT}" font-size="14">'
        f'<title id="{chart_id}-title">{escape(title)}</title><desc id="{chart_id}-desc">{escape(desc)}</desc>'
    ]
    y = pad
    for heading, bars in groups:
        parts.append(f'<text x="0" y="{y + 19}" fill="{INK}" font-weight="bold">{escape(heading)}</text>')
        y += head_h
        for bar in bars:
            length = round(bar_w * bar.value / peak, 1)
            colour = BAR if bar.marked else CALM
            parts.append(
                f'<text x="{label_w - 8}" y="{y + 18}" text-anchor="end" fill="{INK}">{escape(bar.label)}</text>'
                f'<rect x="{label_w}" y="{y + 4}" width="{length}" height="{row_h - 8}" fill="{colour}"/>'
                f'<text x="{label_w + length + 6}" y="{y + 18}" fill="{INK}" font-size="13">{escape(bar.text)}</text>'
            )
            y += row_h
    parts.append("</svg>")
    return "".join(parts)
