"""JSON Schemas (OpenAPI 3.0 dialect) of the service's result dataclasses, read off their type hints,
so the OpenAPI document describes exactly what ``sunlight.api.serialize.plain`` writes."""

from __future__ import annotations

import dataclasses
import datetime as dt
import types
import typing
from typing import Any


def schema_of(tp: Any, components: dict[str, Any]) -> dict[str, Any]:
    """The schema of a type; dataclasses go into ``components`` and are referenced."""
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin in (typing.Union, types.UnionType):
        real = [a for a in args if a is not type(None)]
        inner = schema_of(real[0], components) if len(real) == 1 else {}
        if type(None) in args:
            inner = {"allOf": [inner], "nullable": True} if "$ref" in inner else {**inner, "nullable": True}
        return inner
    if dataclasses.is_dataclass(tp):
        name = tp.__name__
        if name not in components:
            components[name] = {}  # placeholder against recursion
            hints = typing.get_type_hints(tp)
            fields = [f.name for f in dataclasses.fields(tp)]
            components[name] = {
                "type": "object",
                "properties": {f: schema_of(hints[f], components) for f in fields},
                "required": fields,
            }
        return {"$ref": f"#/components/schemas/{name}"}
    if origin in (tuple, list, set, frozenset):
        item = args[0] if args else Any
        return {"type": "array", "items": schema_of(item, components) if item is not Any else {}}
    if origin is dict or tp is dict:
        return {"type": "object"}
    if tp is bool:
        return {"type": "boolean"}
    if tp is int:
        return {"type": "integer"}
    if tp is float:
        return {"type": "number"}
    if tp is str:
        return {"type": "string"}
    if tp is dt.datetime:
        return {"type": "string", "format": "date-time"}
    if tp is dt.date:
        return {"type": "string", "format": "date"}
    return {}
