"""A booking request's JSON body read into ``BookingInput``, every mistake reported at once;
and the ``Idempotency-Key`` header and the body's hash it is kept with."""

from __future__ import annotations

import hashlib
import json
import re
from datetime import UTC, datetime
from typing import Final

from kernel.fields import MISSING, FieldProblem, Reader
from kernel.problems import Problem
from sales.appointments import AppointmentKind
from sales.geo import GeoPoint
from sales.problems import SalesProblem
from sales.stores import Skill
from services.booking import BookingInput
from services.designs import DESIGN_ID
from services.errors import InvalidInput

__all__ = [
    "KEY_PATTERN",
    "STORE_ID",
    "body_hash",
    "checked_key",
    "read_booking",
    "read_location",
    "read_start",
]

STORE_ID: Final = r"^[A-Za-z0-9_-]{1,32}$"
KEY_PATTERN: Final = "^[\x21-\x7e]{1,255}$"  # visible ASCII, as Stripe's and the draft's
_KEY: Final = re.compile(KEY_PATTERN)
_EMAIL: Final = r"|[^@]+@[^@]+"  # none, or something that can be an address
_REQUIRED: Final = ("store_id", "kind", "start", "name", "phone")
_OPTIONAL: Final = ("email", "address", "location", "design_id", "skill")
# the moments a booking can be about: anything else is refused before the time zones see it
_EARLIEST: Final = datetime(2000, 1, 1, tzinfo=UTC)
_LATEST: Final = datetime(2200, 1, 1, tzinfo=UTC)


def read_booking(body: object) -> BookingInput:
    """The request ``{store_id, kind, start, name, phone, email?, address?, location?,
    design_id?, skill?}`` (``InvalidInput`` with every mistake)."""
    reader = Reader()
    reader.plain_text(body)
    fields = reader.mapping(body, "", required=_REQUIRED, optional=_OPTIONAL)
    store_id = reader.text(fields.get("store_id", MISSING), "store_id", pattern=STORE_ID[1:-1])
    kind = reader.text(fields.get("kind", MISSING), "kind", choices=list(AppointmentKind))
    start = _start(reader, fields.get("start", MISSING), "start")
    name = reader.text(fields.get("name", MISSING), "name", max_length=100)
    if not name.strip() and "name" in fields:
        reader.fail(FieldProblem.INVALID_VALUE, "name", value=name, pattern="a name")
    phone = reader.text(fields.get("phone", MISSING), "phone", max_length=40)
    email = reader.text(fields.get("email", MISSING), "email", pattern=_EMAIL, max_length=254)
    address = reader.text(fields.get("address", MISSING), "address", max_length=300)
    design = fields.get("design_id", MISSING)
    design = MISSING if design is None else design
    design_id = reader.text(design, "design_id", pattern=DESIGN_ID.pattern)
    skill = reader.text(fields.get("skill", MISSING), "skill", choices=list(Skill))
    location = read_location(reader, fields.get("location", MISSING))
    if reader.problems:
        raise InvalidInput(reader.problems)
    return BookingInput(
        store_id=store_id,
        kind=AppointmentKind(kind),
        start=start,
        name=name.strip(),
        phone=phone,
        email=email,
        address=address.strip(),
        location=location,
        design_id=design_id if design is not MISSING else None,
        skill=Skill(skill) if skill else None,
    )


def read_start(body: object) -> datetime:
    """``{start}`` of a reschedule."""
    reader = Reader()
    reader.plain_text(body)
    fields = reader.mapping(body, "", required=("start",))
    start = _start(reader, fields.get("start", MISSING), "start")
    if reader.problems:
        raise InvalidInput(reader.problems)
    return start


def _start(reader: Reader, value: object, path: str) -> datetime:
    """An ISO 8601 date and time with its offset (a naive time means nothing across
    zones); one before 2000 or after 2200 is refused here, before the time zones see it."""
    text = reader.text(value, path, max_length=40)
    if value is MISSING or not isinstance(value, str):
        return _EARLIEST
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        moment = None
    if moment is None or moment.tzinfo is None or moment.utcoffset() is None:
        reader.fail(
            FieldProblem.WRONG_TYPE,
            path,
            expected="a date-time with its offset (ISO 8601)",
            got=text[:40],
        )
        return _EARLIEST
    if not _EARLIEST <= moment < _LATEST:  # far outside any booking window
        reader.fail(SalesProblem.BEYOND_WINDOW, path, start=text, kind="")
        return _EARLIEST
    return moment


def read_location(reader: Reader, value: object) -> GeoPoint | None:
    """``{lat, lon}`` of the home to measure, if given."""
    if value is MISSING or value is None:
        return None
    fields = reader.mapping(value, "location", required=("lat", "lon"))
    lat = reader.number(fields.get("lat", MISSING), "location.lat", minimum=-90, maximum=90)
    lon = reader.number(fields.get("lon", MISSING), "location.lon", minimum=-180, maximum=180)
    return GeoPoint(lat, lon)


def checked_key(key: str | None) -> str | None:
    """The ``Idempotency-Key`` if it is one (1–255 visible ASCII characters)."""
    if key is None or _KEY.fullmatch(key):
        return key
    problem = Problem.of(
        FieldProblem.INVALID_VALUE, "Idempotency-Key", value=key[:64], pattern=_KEY.pattern
    )
    raise InvalidInput([problem])


def body_hash(body: object) -> str:
    """The hash of a JSON body as read (key order and spacing do not matter)."""
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8", "surrogatepass")).hexdigest()
