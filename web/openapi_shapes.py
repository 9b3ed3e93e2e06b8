"""The OpenAPI shapes of the account and design API: request bodies and answers, registered as
components by ``web.openapi.describe_api`` and referred to by the routes."""

from __future__ import annotations

from typing import Any, Final

from web.schedule_shapes import SCHEDULE_SHAPES

__all__ = ["SHAPES", "body", "ok"]

_TIME: Final = {"type": "string", "format": "date-time"}
_ID: Final = {"type": "integer", "description": "an account id"}

_KINDS: Final = {"enum": ["store_visit", "measurement"]}
_BOOKING_SHAPES: Final[dict[str, dict[str, Any]]] = {
    "BookingRequest": {
        "type": "object",
        "required": ["store_id", "kind", "start", "name", "phone"],
        "additionalProperties": False,
        "properties": {
            "store_id": {"type": "string", "pattern": "^[A-Za-z0-9_-]{1,32}$"},
            "kind": _KINDS,
            "start": {
                "type": "string",
                "format": "date-time",
                "description": "a start the slots list offers, with its offset",
            },
            "name": {"type": "string", "minLength": 1, "maxLength": 100, "pattern": "\\S"},
            "phone": {"type": "string", "maxLength": 40, "description": "normalised to E.164"},
            "email": {"type": "string", "maxLength": 254, "pattern": "^$|^[^@]+@[^@]+$"},
            "address": {
                "type": "string",
                "maxLength": 300,
                "description": "the home's address: required for a measurement",
            },
            "location": {
                "type": ["object", "null"],
                "required": ["lat", "lon"],
                "additionalProperties": False,
                "properties": {
                    "lat": {"type": "number", "minimum": -90, "maximum": 90},
                    "lon": {"type": "number", "minimum": -180, "maximum": 180},
                },
            },
            "design_id": {"type": ["string", "null"], "pattern": "^[A-Za-z0-9_-]{1,32}$"},
            "skill": {"enum": ["wardrobes", "kitchens"]},
        },
        "example": {
            "store_id": "sh-xuhui",
            "kind": "store_visit",
            "start": "2026-12-03T14:00:00+08:00",
            "name": "李伟",
            "phone": "138 0013 8000",
        },
    },
    "Reschedule": {
        "type": "object",
        "required": ["start"],
        "additionalProperties": False,
        "properties": {"start": {"type": "string", "format": "date-time"}},
    },
    "Booking": {
        "type": "object",
        "required": ["id", "store_id", "kind", "state", "start", "end", "manage_url", "ics_url"],
        "properties": {
            "id": {"type": "string"},
            "store_id": {"type": "string"},
            "store_name": {"type": "string"},
            "kind": _KINDS,
            "state": {"enum": ["booked", "cancelled"]},
            "start": _TIME,
            "end": _TIME,
            "timezone": {"type": "string"},
            "designer": {"type": "object"},
            "name": {"type": "string"},
            "phone": {"type": "string"},
            "email": {"type": "string"},
            "address": {"type": "string"},
            "design_id": {"type": ["string", "null"]},
            "design_revision": {"type": ["integer", "null"]},
            "manage_url": {"type": "string", "description": "read, PATCH {start}, DELETE"},
            "ics_url": {"type": "string"},
            "lead_id": {"type": ["string", "null"]},
        },
    },
    "SlotList": {
        "type": "object",
        "required": ["store_id", "timezone", "kind", "slots"],
        "properties": {
            "store_id": {"type": "string"},
            "timezone": {"type": "string"},
            "kind": _KINDS,
            "slots": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["start", "end", "designers"],
                    "properties": {
                        "start": _TIME,
                        "end": _TIME,
                        "designers": {"type": "integer", "minimum": 1},
                    },
                },
            },
        },
    },
}

SHAPES: Final[dict[str, dict[str, Any]]] = {
    "LogIn": {
        "type": "object",
        "required": ["login", "password"],
        "additionalProperties": False,
        "properties": {
            "login": {"type": "string", "maxLength": 64},
            "password": {"type": "string", "maxLength": 256},
        },
        "example": {"login": "consumer", "password": "the password millwork demo printed"},
    },
    "SignUp": {
        "type": "object",
        "required": ["login", "password"],
        "additionalProperties": False,
        "properties": {
            "login": {
                "type": "string",
                "maxLength": 64,
                "description": "3–64 letters, digits and . _ @ + -; compared without case",
            },
            "password": {"type": "string", "minLength": 10, "maxLength": 256},
            "name": {"type": "string", "maxLength": 100},
        },
        "example": {"login": "li.wei", "password": "a long passphrase", "name": "李伟"},
    },
    "AccountAnswer": {
        "type": "object",
        "required": ["account"],
        "properties": {
            "account": {
                "description": "null for a visitor who has not saved anything yet",
                "oneOf": [{"type": "null"}, {"$ref": "#/components/schemas/Account"}],
            }
        },
    },
    "Account": {
        "type": "object",
        "required": ["id", "login", "role", "store_id", "name"],
        "properties": {
            "id": _ID,
            "login": {"type": ["string", "null"], "description": "null: an anonymous visitor"},
            "role": {
                "enum": [
                    "anonymous",
                    "consumer",
                    "designer",
                    "store_manager",
                    "sales",
                    "factory",
                    "admin",
                ]
            },
            "store_id": {"type": ["string", "null"]},
            "name": {"type": "string"},
        },
    },
    "SaveDesign": {
        "type": "object",
        "required": ["document"],
        "additionalProperties": False,
        "properties": {
            "document": {"$ref": "#/components/schemas/Design"},
            "note": {
                "type": "string",
                "maxLength": 500,
                "description": "why this revision (an in-store designer's override, say)",
            },
        },
    },
    "SavedDesign": {
        "type": "object",
        "required": ["id", "revision", "name", "store_id", "created_at", "updated_at"],
        "properties": {
            "id": {"type": "string"},
            "revision": {"type": "integer", "minimum": 1, "description": "the ETag's number"},
            "name": {"type": "string"},
            "owner": _ID,
            "store_id": {"type": ["string", "null"], "description": "the store looking after it"},
            "created_at": _TIME,
            "updated_at": _TIME,
            "document": {"$ref": "#/components/schemas/Design"},
        },
    },
    "DesignList": {
        "type": "object",
        "required": ["designs", "next_cursor"],
        "properties": {
            "designs": {
                "type": "array",
                "items": {"$ref": "#/components/schemas/SavedDesign"},
                "description": "without their documents, most recently saved first",
            },
            "next_cursor": {"type": ["string", "null"], "description": "null on the last page"},
        },
    },
    "Revision": {
        "type": "object",
        "required": ["number", "name", "author", "note", "created_at"],
        "properties": {
            "number": {"type": "integer", "minimum": 1},
            "name": {"type": "string"},
            "author": _ID,
            "note": {"type": "string"},
            "created_at": _TIME,
            "document": {"$ref": "#/components/schemas/Design"},
        },
    },
    "People": {
        "type": "object",
        "required": ["people"],
        "properties": {
            "people": {
                "type": "array",
                "description": "the owner first, then the other authors of revisions",
                "items": {
                    "type": "object",
                    "required": ["id", "name", "role"],
                    "properties": {
                        "id": _ID,
                        "name": {"type": "string", "description": "empty for a visitor"},
                        "role": {"type": "string"},
                    },
                },
            }
        },
    },
    "RevisionList": {
        "type": "object",
        "required": ["revisions"],
        "properties": {
            "revisions": {"type": "array", "items": {"$ref": "#/components/schemas/Revision"}}
        },
    },
    "DesignDiff": {
        "type": "object",
        "required": ["from", "to", "parts", "price"],
        "properties": {
            "from": {"type": "integer"},
            "to": {"type": "integer"},
            "parts": {
                "type": "object",
                "description": "added, removed and changed parts (by part id); a changed part "
                "lists each changed fact as [before, after]",
                "properties": {
                    key: {"type": "array", "items": {"type": "object"}}
                    for key in ("added", "removed", "changed")
                },
            },
            "price": {
                "type": "object",
                "description": "totals of both revisions at today's price list, as decimal text",
                "properties": {
                    key: {"type": "string"} for key in ("currency", "from", "to", "change")
                },
            },
        },
    },
    "ShareLink": {
        "type": "object",
        "required": ["token", "url", "api_url"],
        "properties": {
            "token": {"type": "string", "description": "shown only now"},
            "url": {"type": "string", "description": "the read-only page"},
            "api_url": {"type": "string"},
        },
    },
    "StoreList": {
        "type": "object",
        "required": ["stores"],
        "properties": {
            "stores": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["id", "name", "city", "timezone"],
                    "properties": {
                        "id": {"type": "string"},
                        "name": {"type": "string"},
                        "city": {"type": "string"},
                        "timezone": {"type": "string", "description": "IANA, e.g. Asia/Shanghai"},
                        "address": {"type": "string"},
                        "location": {
                            "type": "object",
                            "description": "WGS-84 degrees",
                            "properties": {"lat": {"type": "number"}, "lon": {"type": "number"}},
                        },
                        "districts": {"type": "array", "items": {"type": "string"}},
                    },
                },
            }
        },
    },
    "Revoked": {
        "type": "object",
        "required": ["revoked"],
        "properties": {"revoked": {"type": "integer", "description": "links revoked"}},
    },
    **_BOOKING_SHAPES,
    **SCHEDULE_SHAPES,
}


def body(shape: str) -> dict[str, Any]:
    """``openapi_extra=`` for a route whose JSON body has ``shape``."""
    return {
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{shape}"}}},
        }
    }


def ok(status: int, description: str, shape: str, **headers: str) -> dict[int | str, Any]:
    """``responses=`` entry for a success answer of ``shape``, with the headers it sets."""
    answer: dict[str, Any] = {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{shape}"}}},
    }
    if headers:
        answer["headers"] = {
            name: {"description": words, "schema": {"type": "string"}}
            for name, words in headers.items()
        }
    return {status: answer}
