"""``points.csv``: camera points of off-site enforcement (非现场执法点位)."""

from __future__ import annotations

from pathlib import Path

from sunlight.content.model import Point
from sunlight.content.registers import enum_alias, register_rows
from sunlight.domain.problems import Problems

ALIASES = {
    "点位编号": "id",
    "编号": "id",
    "点位位置": "location",
    "位置": "location",
    "所属街道": "street",
    "街道": "street",
    "纬度": "lat",
    "经度": "lng",
    "监测违法行为": "violations",
    "启用日期": "since",
    "状态": "status",
}
STATUS = {"active": "active", "retired": "retired", "启用": "active", "在用": "active", "停用": "retired"}
# Mainland China's bounding box: a swapped or mistyped coordinate falls outside it.
LAT_RANGE = (3.0, 54.0)
LNG_RANGE = (73.0, 136.0)


def load_points(root: Path, problems: Problems) -> list[Point]:
    points: list[Point] = []
    for f in register_rows(root, "points", ALIASES, ("id", "location", "street", "violations"), problems):
        point = Point(source=f.file, line=f.line)
        point.id = f.text("id", required=True)
        f.record_id = point.id
        point.location = f.text("location", required=True)
        point.street = f.text("street", required=True)
        point.lat = f.number("lat")
        point.lng = f.number("lng")
        for key, value, (low, high) in (("lat", point.lat, LAT_RANGE), ("lng", point.lng, LNG_RANGE)):
            if value is not None and not low <= value <= high:
                f.error(key, f"坐标超出范围({low}–{high})", f"coordinate out of range ({low}-{high})", value)
        point.violations = f.text("violations", required=True)
        point.since = f.date("since")
        point.status = enum_alias(f, "status", STATUS, "active")
        points.append(point)
    return points
