"""What changed between two revisions of a design: parts added, removed and changed (size,
material, thickness, edge bands, grain), and the price before and after, both at today's
price list, so the difference is the design's and not the price list's."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from configurator.build.parts import Part
from services.backend import Backend
from services.designs import read_revision
from services.evaluation import PriceRequest, evaluate_design
from services.identity import Actor

__all__ = ["DesignDiff", "PartChange", "diff_parts", "diff_revisions"]

# what the factory cuts: a part whose facts are equal is the same part
_FACTS = ("material", "thickness_mm", "length_mm", "width_mm", "grained", "edges")


@dataclass(frozen=True, slots=True)
class PartChange:
    """One part in both revisions whose facts differ: field -> (before, after)."""

    part: Part
    changes: dict[str, tuple[object, object]]


@dataclass(frozen=True, slots=True, kw_only=True)
class DesignDiff:
    """Revision ``before`` to revision ``after``."""

    before: int
    after: int
    added: tuple[Part, ...]
    removed: tuple[Part, ...]
    changed: tuple[PartChange, ...]
    total_before: Decimal
    total_after: Decimal
    currency: str

    @property
    def total_change(self) -> Decimal:
        return self.total_after - self.total_before


def diff_revisions(
    design_id: str,
    before: int,
    after: int,
    *,
    actor: Actor,
    backend: Backend,
    request: PriceRequest | None = None,
) -> DesignDiff:
    """The parts and price change from revision ``before`` to ``after`` of a design."""
    old = read_revision(design_id, before, actor=actor, backend=backend)
    new = read_revision(design_id, after, actor=actor, backend=backend)
    old_report = evaluate_design(
        old.document, catalogs=backend.catalogs, clock=backend.clock, request=request
    )
    new_report = evaluate_design(
        new.document, catalogs=backend.catalogs, clock=backend.clock, request=request
    )
    added, removed, changed = diff_parts(
        old_report.evaluation.build.parts, new_report.evaluation.build.parts
    )
    return DesignDiff(
        before=before,
        after=after,
        added=added,
        removed=removed,
        changed=changed,
        total_before=old_report.price.total,
        total_after=new_report.price.total,
        currency=new_report.price.currency.value,
    )


def diff_parts(
    old: tuple[Part, ...], new: tuple[Part, ...]
) -> tuple[tuple[Part, ...], tuple[Part, ...], tuple[PartChange, ...]]:
    """Parts only in ``new``, only in ``old``, and in both with other facts (by part id)."""
    before = {p.part_id: p for p in old}
    after = {p.part_id: p for p in new}
    added = tuple(p for p in new if p.part_id not in before)
    removed = tuple(p for p in old if p.part_id not in after)
    changed = []
    for part in new:
        was = before.get(part.part_id)
        if was is None:
            continue
        changes = {
            name: (getattr(was, name), getattr(part, name))
            for name in _FACTS
            if getattr(was, name) != getattr(part, name)
        }
        if changes:
            changed.append(PartChange(part, changes))
    return added, removed, tuple(changed)
