"""A lead's JSON body (``POST /api/v1/leads``) read into a ``Contact``, every mistake
reported at once, the phone normalised (``phone_invalid`` if it is not one)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Final

from kernel.fields import MISSING, Reader
from sales.leads import LeadSource
from sales.phone import normalise_phone
from sales.problems import SalesProblem
from sales.stores import Skill
from services.designs import DESIGN_ID
from services.errors import InvalidInput
from services.lead_records import Contact
from web.booking_input import STORE_ID, read_location

__all__ = ["read_contact", "read_designer"]

_OPTIONAL: Final = ("name", "design_id", "district", "location", "skill", "store_id", "source")
_DISTRICT: Final = r"[0-9]{6}"  # an administrative-division code, e.g. 310115
_SOURCES: Final = (str(LeadSource.PHONE), str(LeadSource.QUOTE_REQUEST))


def read_contact(body: object, at: datetime) -> Contact:
    """``{phone, name?, design_id?, district?, location?, skill?, store_id?, source?}``:
    someone leaving a number (``source`` ``phone``, the default) or asking for a quote."""
    reader = Reader()
    reader.plain_text(body)
    fields = reader.mapping(body, "", required=("phone",), optional=_OPTIONAL)
    text = {key: _optional(fields, key) for key in _OPTIONAL if key != "location"}
    given = fields.get("phone", MISSING)
    phone = reader.text(given, "phone", max_length=40)
    name = reader.text(text["name"], "name", max_length=100)
    design_id = reader.text(text["design_id"], "design_id", pattern=DESIGN_ID.pattern)
    district = reader.text(text["district"], "district", pattern=_DISTRICT)
    skill = reader.text(text["skill"], "skill", choices=list(Skill))
    store_id = reader.text(text["store_id"], "store_id", pattern=STORE_ID[1:-1])
    source = reader.text(text["source"], "source", choices=_SOURCES)
    location = read_location(reader, fields.get("location", MISSING))
    normal = None
    if isinstance(given, str) and len(given) <= 40:  # else the reader said why already
        normal = normalise_phone(phone)
        if normal is None:
            reader.fail(SalesProblem.PHONE_INVALID, "phone", value=phone)
    if reader.problems:
        raise InvalidInput(reader.problems)
    assert normal is not None  # every other case recorded a problem
    return Contact(
        source=LeadSource(source or LeadSource.PHONE),
        phone=normal,
        at=at,
        name=name.strip(),
        design_id=design_id or None,
        district=district or None,
        location=location,
        skill=Skill(skill) if skill else None,
        chosen_store=store_id or None,
    )


def _optional(fields: Mapping[str, object], key: str) -> object:
    """A field that may be absent or null."""
    value = fields.get(key, MISSING)
    return MISSING if value is None else value


def read_designer(body: object) -> str:
    """``{designer_id}`` of a hand-over."""
    reader = Reader()
    reader.plain_text(body)
    fields = reader.mapping(body, "", required=("designer_id",))
    designer_id = reader.text(
        fields.get("designer_id", MISSING), "designer_id", pattern=STORE_ID[1:-1]
    )
    if reader.problems:
        raise InvalidInput(reader.problems)
    return designer_id
