"""The factory's use case: the production package of a batch of designs."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from configurator.build.design_build import DesignBuild
from configurator.model.document import parse_design
from configurator.rules.evaluate import evaluate
from kernel.problems import Problem, Severity
from production_export.label_layout import LabelLayout
from production_export.nest_groups import Saw
from production_export.package import ExportPackage, production_package
from services.errors import DesignHasErrors
from services.ports import CatalogSource, Clock

__all__ = ["Order", "build_production_package"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Order:
    """One design of a batch: a short name for files and labels, and its document."""

    name: str
    document: object


def build_production_package(
    orders: Sequence[Order],
    *,
    catalogs: CatalogSource,
    clock: Clock,
    saw: Saw,
    labels: LabelLayout = LabelLayout.ROLL,
) -> ExportPackage:
    """The package of ``orders``, nested together per material. Every design is read and
    validated first: one that cannot be made (``DesignHasErrors``, with the order's name in
    each problem's path) stops the batch before anything is cut."""
    catalog = catalogs.catalog()
    builds: list[tuple[str, DesignBuild]] = []
    errors: list[Problem] = []
    for order in orders:
        evaluation = evaluate(parse_design(order.document), catalog)
        errors += [
            Problem.of(p.code, f"{order.name}: {p.path}", p.severity, **p.params)
            for p in evaluation.problems
            if p.severity is Severity.ERROR
        ]
        builds.append((order.name, evaluation.build))
    if errors:
        raise DesignHasErrors(errors)
    created = clock.now().replace(microsecond=0)
    return production_package(builds, catalog, saw=saw, created=created, labels=labels)
