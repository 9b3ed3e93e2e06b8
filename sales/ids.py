"""Identifiers of the sales side: stores, designers, appointments, leads, districts."""

from __future__ import annotations

from typing import NewType

__all__ = ["AppointmentId", "DesignerId", "DistrictCode", "LeadId", "StoreId"]

StoreId = NewType("StoreId", str)
DesignerId = NewType("DesignerId", str)
AppointmentId = NewType("AppointmentId", str)
LeadId = NewType("LeadId", str)
DistrictCode = NewType("DistrictCode", str)
"""An administrative-division code (e.g. ``310115``, Shanghai Pudong): in China a surer
territory key than a radius."""
