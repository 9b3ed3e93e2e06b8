"""The OpenAPI shape of a store's schedule (``GET``/``PUT /api/v1/stores/{id}/schedule``),
registered with the others (``web.openapi_shapes``)."""

from __future__ import annotations

from typing import Any, Final

__all__ = ["SCHEDULE_SHAPES"]

_TIME: Final = {"type": "string", "pattern": "^([01][0-9]|2[0-3]):[0-5][0-9]$"}
_DATE: Final = {"type": "string", "format": "date", "description": "YYYY-MM-DD, the store's"}
_SPANS: Final = {
    "type": "array",
    "maxItems": 4,
    "description": "the opening spans of one day, [opens, closes] (none: closed)",
    "items": {"type": "array", "minItems": 2, "maxItems": 2, "items": _TIME},
}
_WEEK: Final = {
    "type": "array",
    "minItems": 7,
    "maxItems": 7,
    "description": "Monday first",
    "items": _SPANS,
}
_CAP: Final = {"type": ["integer", "null"], "minimum": 0, "description": "null: no cap"}

SCHEDULE_SHAPES: Final[dict[str, dict[str, Any]]] = {
    "StoreSchedule": {
        "type": "object",
        "description": "a store's hours, closures, daily caps and designers; the answer also "
        "has store_id, name, timezone and stranded: the booked appointments of the next 62 days "
        "the hours have no room for, [{start, end, kind, designer}]",
        "required": ["hours", "special_hours", "closures", "capacity", "designers"],
        "properties": {
            "hours": _WEEK,
            "special_hours": {
                "type": "array",
                "maxItems": 200,
                "items": {
                    "type": "object",
                    "required": ["date", "spans"],
                    "additionalProperties": False,
                    "properties": {"date": _DATE, "spans": _SPANS},
                },
            },
            "closures": {
                "type": "array",
                "maxItems": 200,
                "description": "closed all day from first to last (both included); no overlaps",
                "items": {
                    "type": "object",
                    "required": ["first", "last"],
                    "additionalProperties": False,
                    "properties": {
                        "first": _DATE,
                        "last": _DATE,
                        "name": {"type": "string", "maxLength": 50},
                    },
                },
            },
            "capacity": {
                "type": "object",
                "additionalProperties": False,
                "properties": {
                    "store_visit": {**_CAP, "maximum": 200},
                    "measurement": {**_CAP, "maximum": 200},
                    "leads": {**_CAP, "maximum": 10000},
                },
            },
            "designers": {
                "type": "array",
                "maxItems": 50,
                "items": {
                    "type": "object",
                    "required": ["id", "name", "hours", "days_off", "skills"],
                    "additionalProperties": False,
                    "properties": {
                        "id": {"type": "string", "pattern": "^[a-z0-9][a-z0-9_-]{0,31}$"},
                        "name": {"type": "string", "minLength": 1, "maxLength": 100},
                        "hours": _WEEK,
                        "days_off": {"type": "array", "maxItems": 200, "items": _DATE},
                        "skills": {
                            "type": "array",
                            "minItems": 1,
                            "maxItems": 2,
                            "items": {"enum": ["kitchens", "wardrobes"]},
                        },
                    },
                },
            },
        },
    },
}
