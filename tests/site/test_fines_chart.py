"""``svg_charts.grouped_bar_chart``: the 逐利执法 chart on /compliance/ (issue #15)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from sunlight_site.render.svg_charts import BAR, CALM, TrendBar, grouped_bar_chart

NS = {"s": "http://www.w3.org/2000/svg"}


def test_bars_share_one_scale_and_marked_ones_say_so() -> None:
    svg = grouped_bar_chart(
        "c1",
        "罚没款<趋势>",
        "说明 & 数字见表",
        [
            (
                "东片执法大队（预警）",
                [TrendBar("2024年", 100, "0.01万元"), TrendBar("2025年", 200, "0.02万元 预警", True)],
            ),
            ("西片执法大队", [TrendBar("2025年", 50, "0.005万元")]),
        ],
    )
    root = ET.fromstring(svg)  # well-formed: the title's < and & are escaped
    assert root.get("role") == "img" and root.get("aria-labelledby") == "c1-title c1-desc"
    assert root.find("s:title", NS).text == "罚没款<趋势>"  # type: ignore[union-attr]
    assert root.find("s:desc", NS).text == "说明 & 数字见表"  # type: ignore[union-attr]
    rects = root.findall("s:rect", NS)
    # The longest bar (200) is 300 wide; 100 -> 150, 50 -> 75.
    assert [(r.get("width"), r.get("fill")) for r in rects] == [
        ("150.0", CALM),
        ("300.0", BAR),
        ("75.0", CALM),
    ]
    texts = [t.text for t in root.findall("s:text", NS)]
    assert "0.02万元 预警" in texts and "东片执法大队（预警）" in texts
    assert min(int(s) for s in re.findall(r'font-size="(\d+)"', svg)) >= 12
