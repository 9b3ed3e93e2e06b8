"""Errors of the pricing package."""

from __future__ import annotations

__all__ = ["MissingRate", "PricingError"]


class PricingError(Exception):
    """Base class for every error raised by the pricing package."""


class MissingRate(PricingError):
    """The price list has no rate for something the design uses."""

    def __init__(self, what: str, code: str, version: str) -> None:
        super().__init__(f"price list {version} has no {what} rate for {code!r}")
        self.what, self.code, self.version = what, code, version
