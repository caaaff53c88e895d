"""Charts drawn as SVG at build time (no JavaScript): horizontal bar charts and a point scatter.

Every chart is ``role="img"`` with an ``aria-label``; the page shows the same figures in a table.
Text is escaped; coordinates are rounded so the output is stable across machines.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from sunlight.content.model import Point

BAR = "#a4161a"
INK = "#1a1a1a"
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
