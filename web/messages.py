"""The message catalogue: human wording of every problem code, in ``en`` and ``zh-CN``.

Problems stay data in the core; this is the one place that turns them into sentences.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from kernel.problems import Problem

__all__ = ["LANGUAGES", "MESSAGES", "render_problem"]

LANGUAGES: Final = ("en", "zh-CN")

MESSAGES: Final[Mapping[str, Mapping[str, str]]] = {
    "wrong_type": {"en": "must be {expected}, not {got}", "zh-CN": "应为{expected}，实际为{got}"},
    "missing_key": {"en": "is required but missing", "zh-CN": "缺少必填项"},
    "unknown_key": {
        "en": "is not a known key (allowed: {allowed})",
        "zh-CN": "不是可识别的字段（允许：{allowed}）",
    },
    "not_finite": {
        "en": "must be a finite number, not {value}",
        "zh-CN": "必须是有限数值，不能是 {value}",
    },
    "out_of_range": {
        "en": "{value} is outside {min}–{max}",
        "zh-CN": "{value} 超出范围 {min}–{max}",
    },
    "not_whole": {"en": "{value} must be whole millimetres", "zh-CN": "{value} 必须是整毫米"},
    "invalid_value": {
        "en": "{value!r} is not allowed (allowed: {allowed})",
        "zh-CN": "不允许的值 {value!r}（允许：{allowed}）",
    },
    "duplicate_id": {"en": "id {value!r} is used twice", "zh-CN": "编号 {value!r} 重复"},
    "unknown_template": {
        "en": "unknown template {value!r} (available: {allowed})",
        "zh-CN": "未知柜型 {value!r}（可选：{allowed}）",
    },
    "unknown_material": {
        "en": "unknown material {value!r} (available: {allowed})",
        "zh-CN": "未知板材 {value!r}（可选：{allowed}）",
    },
    "material_not_allowed": {
        "en": "material {value} is not offered for {template} (allowed: {allowed})",
        "zh-CN": "{template} 不提供板材 {value}（可选：{allowed}）",
    },
    "dimension_out_of_range": {
        "en": "{value:g} mm is outside {template}'s range {min}–{max} mm",
        "zh-CN": "{value:g} mm 超出 {template} 的尺寸范围 {min}–{max} mm",
    },
    "invalid_option": {
        "en": "{value!r} is not a valid setting (allowed: {allowed})",
        "zh-CN": "无效的选项值 {value!r}（可选：{allowed}）",
    },
    "unknown_option": {
        "en": "{template} has no such option (options: {allowed})",
        "zh-CN": "{template} 没有此选项（可选项：{allowed}）",
    },
    "interior_width_mismatch": {
        "en": "section widths and {sections} section(s) with {divider_mm:g} mm dividers do not "
        "fill the inner width {inner_width_mm:g} mm; give one section width null",
        "zh-CN": "{sections} 个分区的宽度加上 {divider_mm:g} mm 中竖板与内宽 "
        "{inner_width_mm:g} mm 不符；请将一个分区宽度设为 null",
    },
    "section_too_narrow": {
        "en": "section is {value:g} mm wide; it must be at least {min:g} mm",
        "zh-CN": "分区宽 {value:g} mm，至少需要 {min:g} mm",
    },
    "item_out_of_range": {
        "en": "{value:g} mm is outside the usable height {min:g}–{max:g} mm",
        "zh-CN": "{value:g} mm 超出可用高度 {min:g}–{max:g} mm",
    },
    "items_collide": {"en": "collides with {other}", "zh-CN": "与 {other} 位置冲突"},
    "drawer_fit": {"en": "drawer does not fit ({reason})", "zh-CN": "抽屉无法安装（{reason}）"},
    "handle_too_long": {
        "en": "handle {value} ({centres_mm:g} mm centres) is too long for a {front_mm:g} mm "
        "front; choose one with centres up to {max_mm:g} mm",
        "zh-CN": "拉手 {value}（孔距 {centres_mm:g} mm）超出 {front_mm:g} mm 宽的抽面；"
        "请选择孔距不超过 {max_mm:g} mm 的拉手",
    },
    "unknown_wall": {
        "en": "wall {value} does not exist (walls 0–{max})",
        "zh-CN": "墙 {value} 不存在（墙编号 0–{max}）",
    },
    "unknown_edge_band": {"en": "unknown edge band {value!r}", "zh-CN": "未知封边 {value!r}"},
    "unknown_hardware": {
        "en": "unknown or wrong hardware {value!r}",
        "zh-CN": "未知或类型错误的五金 {value!r}",
    },
    "missing_file": {"en": "file is missing", "zh-CN": "文件缺失"},
    "invalid_toml": {"en": "is not valid TOML", "zh-CN": "不是有效的 TOML"},
}


class _Params(dict[str, object]):
    def __missing__(self, key: str) -> str:
        return "?"


def render_problem(problem: Problem, language: str = "en") -> str:
    """``path: message`` for a problem, in ``language`` (falls back to English)."""
    texts = MESSAGES.get(problem.code)
    if texts is None:
        text = f"{problem.code} {dict(problem.params)}"
    else:
        template = texts.get(language, texts["en"])
        try:
            text = template.format_map(_Params(problem.params))
        except (ValueError, TypeError):
            text = f"{problem.code} {dict(problem.params)}"
    return f"{problem.path}: {text}" if problem.path else text
