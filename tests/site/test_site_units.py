"""Helpers of the site build without a Pelican run: slugs, pagination, open data, charts, flowcharts."""

from __future__ import annotations

import datetime as dt
import json
import xml.etree.ElementTree as ET

from sunlight.content.model import Flowchart, FlowEdge, FlowNode, Point, Power
from sunlight_site.data.tables import csv_bytes, json_bytes
from sunlight_site.render.flowchart_svg import render_svg, steps, to_dot
from sunlight_site.render.pagination import paginate
from sunlight_site.render.slugs import (
    DOMAIN_SLUGS,
    POWER_TYPE_SLUGS,
    decision_kind_slug,
    domain_slug,
    fallback_slug,
    power_type_slug,
)
from sunlight_site.render.svg_charts import bar_chart, point_map
from sunlight_site.sections.powers import Facet, facets, matches


def test_known_slugs_are_fixed_ascii_and_distinct() -> None:
    assert domain_slug("市容环卫") == "city-appearance"
    assert domain_slug("物业管理") == "property"
    assert power_type_slug("行政许可") == "licence"
    assert decision_kind_slug("行政处罚") == power_type_slug("行政处罚") == "penalty"
    for table in (DOMAIN_SLUGS, POWER_TYPE_SLUGS):
        assert len(set(table.values())) == len(table)
        assert all(v.isascii() and v == v.lower() and " " not in v for v in table.values())


def test_unknown_names_get_a_deterministic_ascii_slug() -> None:
    first = domain_slug("海洋渔业")
    assert first == domain_slug("海洋渔业") == fallback_slug("海洋渔业")
    assert first.startswith("x-") and first.isascii() and len(first) == 10
    assert domain_slug("海洋渔业") != domain_slug("林业")
    assert fallback_slug("Night Market") == "night-market"


def test_pagination_urls_and_window() -> None:
    pages = paginate(list(range(101)), 50, "/decisions")
    assert [p.number for p in pages] == [1, 2, 3]
    assert pages[0].path == "decisions/index.html" and pages[2].path == "decisions/page/3/index.html"
    assert pages[0].previous_url is None and pages[0].next_url == "/decisions/page/2/"
    assert list(pages[2].items) == [100]
    assert paginate([], 10, "/x/")[0].count == 1
    big = paginate(list(range(1000)), 10, "/x/")[49]
    assert big.window() == [1, None, 48, 49, 50, 51, 52, None, 100]


def test_csv_has_a_bom_and_joins_lists() -> None:
    data = csv_bytes(["编码", "街镇"], [["A1", ["东湖街道", "青石镇"]], ["A2", None]])
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.decode("utf-8-sig").splitlines() == ["编码,街镇", "A1,东湖街道；青石镇", "A2,"]


def test_json_wraps_items_with_the_build_date() -> None:
    doc = json.loads(json_bytes("powers", dt.date(2026, 1, 2), [{"on": dt.date(2025, 1, 1)}]))
    assert doc == {
        "dataset": "powers",
        "generated_on": "2026-01-02",
        "count": 1,
        "items": [{"on": "2025-01-01"}],
    }


def _power(code: str, type_: str, domain: str, office: str, status: str = "active") -> Power:
    return Power(code=code, name=code, type=type_, domain=domain, office=office, status=status)


def test_facets_count_current_items_and_filter_exactly() -> None:
    powers = [
        _power("1", "行政处罚", "绿化", "a"),
        _power("2", "行政许可", "绿化", "b"),
        _power("3", "行政处罚", "市政", "a", status="retired"),
    ]
    found = facets(powers, {"a": "甲中队"})
    assert [(f.value, f.count) for f in found["type"]] == [("行政许可", 1), ("行政处罚", 1)]
    assert [(f.value, f.slug) for f in found["office"]] == [("甲中队", "a"), ("b", "b")]
    assert found["domain"][0].url == "/powers/domain/greening/"
    penalty = Facet("type", "类型", "行政处罚", "penalty", 1)
    assert [p.code for p in powers if matches(p, penalty)] == ["1", "3"]


def _chart() -> Flowchart:
    return Flowchart(
        id="t",
        title='审批"流程"',
        nodes=[
            FlowNode("s", "提交申请", "start"),
            FlowNode("d", "材料是否齐全", "decision", time_limit="5个工作日"),
            FlowNode("y", "核准", "end"),
            FlowNode("n", "退回补正", "end"),
        ],
        edges=[FlowEdge("s", "d"), FlowEdge("d", "y", "齐全"), FlowEdge("d", "n", '不"全')],
    )


def test_dot_source_quotes_labels_and_uses_the_cjk_font() -> None:
    dot = to_dot(_chart())
    assert 'fontname="Noto Sans CJK SC"' in dot
    assert 'label="材料是否齐全\\n（5个工作日）"' in dot
    assert 'n1 -> n3 [label="不\\"全"]' in dot


def test_steps_follow_the_flow_with_branches() -> None:
    result = steps(_chart())
    assert [s.node.id for s in result] == ["s", "d", "y", "n"]
    assert result[1].next == [("齐全", 3, "核准"), ('不"全', 4, "退回补正")]


def test_graphviz_draws_the_chinese_labels() -> None:
    svg = render_svg(_chart())
    assert not svg.startswith("<?xml") and "<!--" not in svg
    root = ET.fromstring(svg)
    texts = "".join(t.text or "" for t in root.iter("{http://www.w3.org/2000/svg}text"))
    for label in ("提交申请", "材料是否齐全", "核准", "退回补正", "齐全"):
        assert label in texts
    assert root.get("role") == "img" and "审批流程" in root.get("aria-label", "")
    assert "Noto Sans CJK SC" in svg


def test_charts_are_valid_svg_with_their_labels() -> None:
    bars = ET.fromstring(bar_chart("按领域", [("市容环卫", 800), ("绿化", 200)], "件"))
    assert bars.get("aria-label") == "按领域"
    widths = [float(r.get("width")) for r in bars.iter("{http://www.w3.org/2000/svg}rect")]
    assert widths[0] > widths[1] * 3.9
    scatter = ET.fromstring(
        point_map([Point(id="P1", lat=31.2, lng=121.4), Point(id="P2", lat=31.3, lng=121.5)])
    )
    assert len(list(scatter.iter("{http://www.w3.org/2000/svg}circle"))) == 2


def test_data_files_of_other_sections_are_listed_on_the_data_page() -> None:
    from sunlight_site.data.tables import Dataset
    from sunlight_site.sections.opendata import undescribed_datasets

    written = {"data/powers.csv", "data/powers.json", "data/decisions.csv", "data/decisions.json", "data/index.html",
               "data/catalog.json", "decisions/index.html", "data/sub/x.csv"}  # fmt: skip
    described = [Dataset("powers", "权责清单", "", 3, ["powers.csv", "powers.json"])]
    found = undescribed_datasets(written, described, {"decisions": 7})
    assert [(d.name, d.title, d.count, d.files) for d in found] == [
        ("decisions", "行政执法决定", 7, ["decisions.csv", "decisions.json"])
    ]


def test_only_sound_flowcharts_are_drawn() -> None:
    from sunlight_site.render.flowchart_svg import sound

    good = _chart()
    assert sound(good)
    two_starts = _chart()
    two_starts.nodes[1].kind = "start"
    unknown_node = _chart()
    unknown_node.edges.append(FlowEdge("y", "nowhere"))
    unreachable = _chart()
    unreachable.nodes.append(FlowNode("z", "孤立步骤", "step"))
    assert not any(sound(c) for c in (two_starts, unknown_node, unreachable))


def test_long_labels_are_wrapped_for_narrow_screens() -> None:
    from sunlight_site.render.flowchart_svg import wrap

    assert wrap("听取当事人陈述、申辩") == "听取当事人陈述、申辩"
    long = "当场告知采取强制措施的理由、依据及当事人的权利和救济途径"
    assert wrap(long).split("\n") == [long[:12], long[12:24], long[24:]]


def test_office_tree_is_depth_first_and_survives_unknown_parents() -> None:
    from sunlight.content.model import Office
    from sunlight_site.sections.offices import tree

    offices = [
        Office(id="bureau", name="局"),
        Office(id="squad", name="中队", parent="brigade"),
        Office(id="brigade", name="大队", parent="bureau"),
        Office(id="orphan", name="孤立", parent="nowhere"),
    ]
    assert [(d, o.id) for d, o in tree(offices)] == [
        (0, "bureau"),
        (1, "brigade"),
        (2, "squad"),
        (0, "orphan"),
    ]


def test_the_menu_groups_hold_every_section_once() -> None:
    from sunlight_site.render.context import NAV, NAV_GROUPS

    grouped = [key for _, keys in NAV_GROUPS for key in keys]
    assert sorted(grouped) == sorted(key for key, _, _ in NAV)
    assert len(grouped) == len(set(grouped)) == 17
