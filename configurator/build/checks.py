"""Check a cabinet against its catalog: template, materials, dimensions and options.

These problems stop a cabinet from being built; the codes are the ones the validation
engine and integrators rely on.
"""

from __future__ import annotations

from enum import StrEnum
from types import MappingProxyType

from catalog.catalog import Catalog
from catalog.templates import IntRange
from configurator.model.design import Cabinet
from kernel.problems import Param, Problem

__all__ = ["SpecProblem", "check_cabinet"]


class SpecProblem(StrEnum):
    """Codes of a cabinet that does not fit its catalog."""

    UNKNOWN_TEMPLATE = "unknown_template"
    UNKNOWN_MATERIAL = "unknown_material"
    MATERIAL_NOT_ALLOWED = "material_not_allowed"
    DIMENSION_OUT_OF_RANGE = "dimension_out_of_range"
    INVALID_OPTION = "invalid_option"
    UNKNOWN_OPTION = "unknown_option"


def _problem(code: SpecProblem, path: str, **params: Param) -> Problem:
    return Problem(code=code, path=path, params=MappingProxyType(params))


def check_cabinet(cabinet: Cabinet, catalog: Catalog, *, path: str) -> list[Problem]:
    """Every way ``cabinet`` does not fit the catalog, or nothing."""
    template = catalog.templates.get(cabinet.template)
    if template is None:
        return [
            _problem(
                SpecProblem.UNKNOWN_TEMPLATE,
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
                _problem(
                    SpecProblem.UNKNOWN_MATERIAL,
                    f"{path}.{key}",
                    value=code,
                    allowed=", ".join(allowed),
                )
            )
        elif code not in allowed:
            problems.append(
                _problem(
                    SpecProblem.MATERIAL_NOT_ALLOWED,
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
    for name, setting in cabinet.options.items():
        spec = template.options.get(name)
        if spec is None:
            problems.append(
                _problem(
                    SpecProblem.UNKNOWN_OPTION,
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
                _problem(
                    SpecProblem.INVALID_OPTION,
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
        _problem(
            SpecProblem.DIMENSION_OUT_OF_RANGE,
            path,
            value=value,
            min=span.min,
            max=span.max,
            template=template,
        )
    ]
