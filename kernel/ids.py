"""Identifiers and codes shared by every package."""

from __future__ import annotations

from typing import NewType

__all__ = ["CabinetId", "EdgeBandCode", "HardwareCode", "MaterialCode", "PartId", "TemplateCode"]

MaterialCode = NewType("MaterialCode", str)
EdgeBandCode = NewType("EdgeBandCode", str)
HardwareCode = NewType("HardwareCode", str)
TemplateCode = NewType("TemplateCode", str)
CabinetId = NewType("CabinetId", str)
PartId = NewType("PartId", str)
