"""Check a cabinet against its catalog: template, materials, dimensions and options.

These problems stop a cabinet from being built; the codes are the ones the validation
engine and integrators rely on.
"""

from __future__ import annotations

from catalog.catalog import Catalog
from catalog.problems import CatalogProblem
from catalog.templates import CornerKind, IntRange
from configurator.build.problems import BuildProblem
from configurator.model.design import Cabinet
from kernel.problems import Problem

__all__ = ["check_cabinet"]


def check_cabinet(cabinet: Cabinet, catalog: Catalog, *, path: str) -> list[Problem]:
    """Every way ``cabinet`` does not fit the catalog, or nothing."""
    template = catalog.templates.get(cabinet.template)
    if template is None:
        return [
            Problem.of(
                CatalogProblem.UNKNOWN_TEMPLATE,
                f"{path}.template",
                value=cabinet.template,
                allowed=", ".join(sorted(catalog.templates)),
            )
        ]
    problems: list[Problem] = []
    for key, code, allowed in (
        ("carcass_material", cabinet.carcass_material, template.carcass_materials),
        ("front_material", cabinet.front_material, template.front_materials),
    ):
        if code not in catalog.materials:
            problems.append(
                Problem.of(
                    CatalogProblem.UNKNOWN_MATERIAL,
                    f"{path}.{key}",
                    value=code,
                    allowed=", ".join(allowed),
                )
            )
        elif code not in allowed:
            problems.append(
                Problem.of(
                    BuildProblem.MATERIAL_NOT_ALLOWED,
                    f"{path}.{key}",
                    value=code,
                    template=template.code,
                    allowed=", ".join(allowed),
                )
            )
    for key, value, span in (
        ("width_mm", cabinet.width_mm, template.width),
        ("height_mm", cabinet.height_mm, template.height),
        ("depth_mm", cabinet.depth_mm, template.depth),
    ):
        problems += _in_range(value, span, f"{path}.{key}", template.code)
    if template.corner is not CornerKind.NONE and cabinet.interior is not None:
        # the corner's sections follow its arms and blind part (configurator.build.corner)
        problems.append(
            Problem.of(BuildProblem.CORNER_INTERIOR, f"{path}.interior", template=template.code)
        )
    for name, setting in cabinet.options.items():
        spec = template.options.get(name)
        if spec is None:
            problems.append(
                Problem.of(
                    BuildProblem.UNKNOWN_OPTION,
                    f"{path}.options.{name}",
                    template=template.code,
                    allowed=", ".join(sorted(template.options)) or "none",
                )
            )
        elif not spec.accepts(setting):
            choices = (
                f"{spec.range.min}-{spec.range.max}" if spec.range else ", ".join(spec.choices)
            )
            problems.append(
                Problem.of(
                    BuildProblem.INVALID_OPTION,
                    f"{path}.options.{name}",
                    value=str(setting),
                    allowed=choices,
                )
            )
    return problems


def _in_range(value: float, span: IntRange, path: str, template: str) -> list[Problem]:
    if span.contains(value):
        return []
    return [
        Problem.of(
            BuildProblem.DIMENSION_OUT_OF_RANGE,
            path,
            value=value,
            min=span.min,
            max=span.max,
            template=template,
        )
    ]
