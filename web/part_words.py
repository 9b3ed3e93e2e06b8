"""A part in words: ``W1-S1-SHELF1`` -> "shelf 1 of section 1 in W1" / "W1 第1格第1块层板".

Problems carry part ids (the factory's labels); customers read the messages, so the message
catalogue says which part it is, from the id's pattern. An id of another pattern is shown as
it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Final

__all__ = ["SIDES", "part_words"]

# left/right as the messages say them (``hinge_side``, ``side`` params).
SIDES: Final[Mapping[str, Mapping[str, str]]] = {
    "left": {"en": "left", "zh-CN": "左"},
    "right": {"en": "right", "zh-CN": "右"},
}

_Words = Callable[[re.Match[str], str], str]

# The drawer box's parts, by the end of their id.
_DRAWER_PARTS: Final[Mapping[str, tuple[str, str]]] = {
    "FRONT": ("front", "抽面"),
    "SIDE-L": ("left side", "左侧板"),
    "SIDE-R": ("right side", "右侧板"),
    "END-F": ("front end", "前挡板"),
    "END-B": ("back end", "后挡板"),
    "BOTTOM": ("bottom", "底板"),
}

# Whole-cabinet parts: en (after "the ... of"), zh (after the cabinet).
_CARCASS: Final[Mapping[str, tuple[str, str]]] = {
    "SIDE-L": ("left side", "左侧板"),
    "SIDE-R": ("right side", "右侧板"),
    "TOP": ("top", "顶板"),
    "BOTTOM": ("bottom", "底板"),
    "BACK": ("back panel", "背板"),
    "PLINTH": ("plinth", "踢脚板"),
    "FILLER": ("filler strip", "收口条"),
    "BLIND": ("blind panel", "盲板"),
}

# Numbered parts: en noun, zh noun and measure word.
_NUMBERED: Final[Mapping[str, tuple[str, str, str]]] = {
    "DOOR": ("door", "门", "扇"),
    "BACK": ("back panel", "背板", "块"),
    "DIV": ("divider", "中竖板", "块"),
}


def _shelf(m: re.Match[str], language: str) -> str:
    cab, section, kind, n = m.group("cab", "section", "kind", "n")
    if language == "zh-CN":
        return f"{cab} 第{section}格第{n}块{'固定层板' if kind == 'FIXED' else '层板'}"
    return f"{'fixed shelf' if kind == 'FIXED' else 'shelf'} {n} of section {section} in {cab}"


def _drawer(m: re.Match[str], language: str) -> str:
    cab, section, n, rest = m.group("cab", "section", "n", "rest")
    en, zh = _DRAWER_PARTS[rest]
    if language == "zh-CN":
        return f"{cab} 第{section}格第{n}个抽屉的{zh}"
    return f"the {en} of drawer {n} in section {section} of {cab}"


def _numbered(m: re.Match[str], language: str) -> str:
    cab, kind, n = m.group("cab", "kind", "n")
    en, zh, measure = _NUMBERED[kind]
    return f"{cab} 的第{n}{measure}{zh}" if language == "zh-CN" else f"{en} {n} of {cab}"


def _carcass(m: re.Match[str], language: str) -> str:
    cab, kind = m.group("cab", "kind")
    en, zh = _CARCASS[kind]
    return f"{cab} {zh}" if language == "zh-CN" else f"the {en} of {cab}"


_PATTERNS: Final[tuple[tuple[re.Pattern[str], _Words], ...]] = (
    (re.compile(r"(?P<cab>.+)-S(?P<section>\d+)-(?P<kind>SHELF|FIXED)(?P<n>\d+)"), _shelf),
    (
        re.compile(
            r"(?P<cab>.+)-S(?P<section>\d+)-DRW(?P<n>\d+)-(?P<rest>" + "|".join(_DRAWER_PARTS) + ")"
        ),
        _drawer,
    ),
    (re.compile(r"(?P<cab>.+)-(?P<kind>DOOR|BACK|DIV)(?P<n>\d+)"), _numbered),
    (re.compile(r"(?P<cab>.+)-(?P<kind>" + "|".join(_CARCASS) + ")"), _carcass),
)


def part_words(part_id: object, language: str = "en") -> str:
    """The part ``part_id`` in words, in ``language``; an id of no known pattern as it is.

    Examples
    --------
    >>> part_words("W1-S2-SHELF1"), part_words("W1-DOOR4", "zh-CN")
    ('shelf 1 of section 2 in W1', 'W1 的第4扇门')
    >>> part_words("W1-HINGE-STRIP")
    'W1-HINGE-STRIP'
    """
    text = str(part_id)
    for pattern, words in _PATTERNS:
        m = pattern.fullmatch(text)
        if m is not None:
            return words(m, language)
    return text
