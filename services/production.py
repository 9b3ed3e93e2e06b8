"""The factory's use case: the production package of a batch of designs."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from configurator.build.design_build import DesignBuild
from configurator.model.document import parse_design
from configurator.model.errors import InvalidDesign
from configurator.rules.evaluate import evaluate
from kernel.problems import Problem, errors_in
from production_export.label_layout import LabelLayout
from production_export.nest_groups import Saw, check_saw
from production_export.package import ExportPackage, production_package
from services.deadline import NESTING_SAFETY_NET, deadline
from services.errors import DesignHasErrors, InvalidInput
from services.ports import CatalogSource, Clock

__all__ = ["Order", "build_production_package"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Order:
    """One design of a batch: a short name for files and labels, its document, and where it
    came from (a file, say) to name in problems; the name when empty."""

    name: str
    document: object
    source: str = ""


def build_production_package(
    orders: Sequence[Order],
    *,
    catalogs: CatalogSource,
    clock: Clock,
    saw: Saw,
    labels: LabelLayout = LabelLayout.ROLL,
    force: bool = False,
) -> ExportPackage:
    """The package of ``orders``, nested together per material. Every design is read and
    validated first: one that cannot be read or made (``DesignHasErrors``, each problem's
    path led by its order's source) stops the batch before anything is cut;
    so does a bad saw (``InvalidInput``). ``force`` exports designs with errors all the same
    and records those errors in the manifest (``forced_problems``); a document that cannot be
    read, a bad saw or a part no sheet can give still stop it."""
    if problems := check_saw(saw):
        raise InvalidInput(problems)
    catalog = catalogs.catalog()
    builds: list[tuple[str, DesignBuild]] = []
    unreadable: list[Problem] = []
    errors: list[Problem] = []
    for order in orders:
        try:
            evaluation = evaluate(parse_design(order.document), catalog)
        except InvalidDesign as exc:
            unreadable += _sourced(order, exc.problems)
            continue
        errors += _sourced(order, errors_in(evaluation.problems))
        builds.append((order.name, evaluation.build))
    if unreadable or (errors and not force):
        raise DesignHasErrors(unreadable + errors)
    created = clock.now().replace(microsecond=0)
    return production_package(
        builds,
        catalog,
        saw=saw,
        created=created,
        labels=labels,
        should_stop=deadline(clock, NESTING_SAFETY_NET),
        forced=errors,
    )


def _sourced(order: Order, problems: Iterable[Problem]) -> list[Problem]:
    where = order.source or order.name
    return [Problem.of(p.code, f"{where}: {p.path}", p.severity, **p.params) for p in problems]
