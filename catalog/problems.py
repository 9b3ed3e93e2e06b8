"""Codes of the problems found in catalog and price-list data, and of a design that names
something the catalog does not have."""

from __future__ import annotations

from kernel.problems import ProblemCode

__all__ = ["CatalogProblem"]


class CatalogProblem(ProblemCode):
    """A reference to something the catalog does not have, or a rate it lacks."""

    UNKNOWN_TEMPLATE = "unknown_template"
    UNKNOWN_MATERIAL = "unknown_material"
    UNKNOWN_EDGE_BAND = "unknown_edge_band"
    UNKNOWN_HARDWARE = "unknown_hardware"
    UNKNOWN_FRONT_STYLE = "unknown_front_style"
    MISSING_RATE = "missing_rate"
