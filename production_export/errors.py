"""Errors of the production_export package."""

from __future__ import annotations

__all__ = ["ExportError", "NoSheetSize", "PartTooLarge"]


class ExportError(Exception):
    """Base class for every error raised by the production_export package."""


class NoSheetSize(ExportError):
    """Parts of a material whose sheet size nobody gave (not in the catalog, no ``--sheet``)."""

    def __init__(self, material: str) -> None:
        super().__init__(f"no sheet size for material {material!r}")
        self.material = material


class PartTooLarge(ExportError):
    """A part of ``material`` does not fit on its sheet even alone; ``reason`` says which."""

    def __init__(self, material: str, reason: str) -> None:
        super().__init__(f"{material}: {reason}")
        self.material, self.reason = material, reason
