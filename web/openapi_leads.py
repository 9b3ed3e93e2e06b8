"""The OpenAPI shapes of the leads API (``web.api_leads``): registered as components by
``web.openapi.describe_api`` with the others."""

from __future__ import annotations

from typing import Any, Final

from web.openapi_shapes import SHAPES

__all__ = ["LEAD_SHAPES"]

_TIME: Final = {"type": "string", "format": "date-time"}
_MAYBE_TIME: Final = {"type": ["string", "null"], "format": "date-time"}
_MAYBE_TEXT: Final = {"type": ["string", "null"]}
_STATES: Final = {"enum": ["pooled", "assigned", "accepted", "won", "lost"]}
_SOURCES: Final = {"enum": ["booking", "quote_request", "phone"]}

LEAD_SHAPES: Final[dict[str, dict[str, Any]]] = {
    "LeadRequest": {
        "type": "object",
        "required": ["phone"],
        "additionalProperties": False,
        "properties": {
            "phone": {"type": "string", "maxLength": 40, "description": "normalised to E.164"},
            "name": {"type": ["string", "null"], "maxLength": 100},
            "design_id": {
                "type": ["string", "null"],
                "pattern": "^[A-Za-z0-9_-]{1,32}$",
                "description": "the caller's design",
            },
            "district": {"type": ["string", "null"], "pattern": "^[0-9]{6}$"},
            "location": SHAPES["BookingRequest"]["properties"]["location"],
            "skill": {"enum": ["wardrobes", "kitchens", None]},
            "store_id": {"type": ["string", "null"], "pattern": "^[A-Za-z0-9_-]{1,32}$"},
            "source": {"enum": ["phone", "quote_request", None]},
        },
    },
    "LeadAssign": {
        "type": "object",
        "required": ["designer_id"],
        "additionalProperties": False,
        "properties": {
            "designer_id": {
                "type": "string",
                "pattern": "^[A-Za-z0-9_-]{1,32}$",
                "description": "a designer of the lead's store",
            },
        },
    },
    "LeadReceived": {
        "type": "object",
        "required": ["received"],
        "properties": {"received": {"const": True}},
    },
    "Lead": {
        "type": "object",
        "required": ["id", "source", "state", "phone", "created_at", "reasons"],
        "properties": {
            "id": {"type": "string"},
            "source": _SOURCES,
            "state": _STATES,
            "name": {"type": "string"},
            "phone": {"type": "string"},
            "store_id": _MAYBE_TEXT,
            "designer_id": _MAYBE_TEXT,
            "design_id": _MAYBE_TEXT,
            "design_url": _MAYBE_TEXT,
            "appointment_id": _MAYBE_TEXT,
            "created_at": _TIME,
            "assigned_at": _MAYBE_TIME,
            "accepted_at": _MAYBE_TIME,
            "sla_due": _MAYBE_TIME,
            "lapsed": {"type": "array", "items": {"type": "string"}},
            "reasons": {
                "type": "array",
                "description": "every routing decision, oldest first, with its reason",
                "items": {
                    "type": "object",
                    "required": ["at", "step", "code", "params"],
                    "properties": {
                        "at": _TIME,
                        "step": {"enum": ["duplicate", "store", "designer", "sla", "accepted"]},
                        "code": {"type": "string"},
                        "params": {"type": "object"},
                        "store_id": _MAYBE_TEXT,
                        "designer_id": _MAYBE_TEXT,
                    },
                },
            },
        },
    },
    "LeadList": {
        "type": "object",
        "required": ["leads", "next_cursor"],
        "properties": {
            "leads": {"type": "array", "items": {"$ref": "#/components/schemas/Lead"}},
            "next_cursor": _MAYBE_TEXT,
        },
    },
    "LeadSummary": {
        "type": "object",
        "required": ["counts", "by_source", "by_store"],
        "properties": {
            "counts": {"type": "array", "items": {"type": "object"}},
            "by_source": {"type": "array", "items": {"type": "object"}},
            "by_store": {"type": "array", "items": {"type": "object"}},
        },
    },
    "Agenda": {
        "type": "object",
        "required": ["appointments"],
        "properties": {"appointments": {"type": "array", "items": {"type": "object"}}},
    },
}
