"""A minimal valid content directory, written fresh into tmp_path for each test."""

from __future__ import annotations

from pathlib import Path

import pytest

MINIMAL = {
    "agency.yaml": """\
name: 测试市测试区城市管理行政执法局
short_name: 测试区城管执法局
site_url: https://test.example
region: 测试市测试区
sponsor: 测试市测试区城市管理行政执法局
site_code: "0000000000"
icp: 测ICP备0000000号
police_record: 测公网安备00000000000000号
""",
    "offices.yaml": """\
- {id: bureau, name: 测试区城管执法局, kind: bureau}
- {id: supervision, name: 勤务监督科, kind: division, parent: bureau, roles: [supervision]}
- {id: squad, name: 东湖中队, kind: squad, parent: bureau, streets: [东湖街道], roles: [enforcement]}
- {id: sfj, name: 测试区司法局行政执法监督科, kind: external, roles: [supervision], email: jd@sfj.example}
""",
    "flowcharts/general.yaml": """\
id: general
title: 一般程序
nodes:
  - {id: s, label: 立案, kind: start}
  - {id: e, label: 结案, kind: end}
edges:
  - {from: s, to: e}
""",
    "powers/p.yaml": """\
code: CF-1
name: 对店外经营的处罚
type: 行政处罚
domain: 市容环卫
subject: 测试区城管执法局
office: squad
basis:
  - {law: 《城市市容和环境卫生管理条例》, article: 第三十六条}
discretion:
  - {circumstance: 一般, range: 警告}
flowchart: general
""",
    "complaints.yaml": """\
categories:
  - {id: other, name: 其他}
routing:
  - match: {}
    handler: supervision
""",
    "personnel.csv": "姓名,执法证号,所属机构,执法区域,状态\n张三,T001,东湖中队,东湖街道,有效\n",
    "points.csv": "id,location,street,lat,lng,violations,since,status\nP1,东湖路口,东湖街道,30.1,120.1,占道经营,2024-01-01,启用\n",
    "notices/n.md": "Title: 通知\nDate: 2025-01-02 09:00\n\n正文\n",
    "pages/about.md": "Title: 关于我们\nSlug: about\n\n正文\n",
}


def write_content(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


@pytest.fixture
def minimal(tmp_path: Path) -> Path:
    """``tmp_path/content``: a small valid content directory."""
    return write_content(tmp_path / "content", MINIMAL)
