"""Twins: cabinets of one design that differ only in their id and where they stand (a
kitchen's run of equal base cabinets, ``twin_key``). They build into the same parts and
hardware but for the id in the labels, so one build is made once and re-labelled for each
twin: re-labelling a cabinet costs a small fraction of building it.
"""

from __future__ import annotations

from dataclasses import replace

from configurator.build.cabinet import BuiltCabinet
from configurator.build.parts import HardwareLine, Part
from configurator.model.design import Cabinet
from kernel.ids import CabinetId, PartId

__all__ = ["relabelled", "relabelled_id"]


def relabelled(built: BuiltCabinet, spec: Cabinet) -> BuiltCabinet:
    """``built`` (a twin's) as ``spec``'s cabinet: its id in every part and hardware line."""
    old, new = built.spec.id, spec.id
    return replace(
        built,
        spec=spec,
        parts=tuple(_part(p, old, new) for p in built.parts),
        hardware=tuple(_hardware(h, new) for h in built.hardware),
    )


def relabelled_id(label: str, old: CabinetId, new: CabinetId) -> str:
    """``label`` (a part id ``C01-SIDE-L``, a quote line key ``C01/hw/…``), which starts with
    the cabinet id ``old``, with ``new`` in its place.

    >>> relabelled_id("C01-SIDE-L", CabinetId("C01"), CabinetId("K7"))
    'K7-SIDE-L'
    """
    if not label.startswith(old):
        raise ValueError(f"{label!r} does not start with cabinet id {old!r}")
    return new + label[len(old) :]


# A twin's parts and hardware lines are built from their fields in order, the id first (a
# design re-labels hundreds: ``_replace`` costs three times as much).
_new = tuple.__new__


def _part(part: Part, old: CabinetId, new: CabinetId) -> Part:
    return _new(Part, (PartId(relabelled_id(part.part_id, old, new)), new, *part[2:]))


def _hardware(line: HardwareLine, new: CabinetId) -> HardwareLine:
    return _new(HardwareLine, (new, *line[1:]))
