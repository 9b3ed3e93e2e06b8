"""Telephone numbers in one form (E.164), so one customer is one lead however they typed it.

Mainland numbers are read as people write them: ``+86 138-0013-8000``, ``0086 13800138000``,
``13800138000``, full-width digits from a Chinese keyboard, a landline with its trunk ``0``
(``021-6234 5678``). Other countries' numbers must start with ``+`` or ``00``.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["normalise_phone"]

_SEPARATORS = re.compile(r"[\s\-().·/]")
_CN_MOBILE = re.compile(r"1[3-9]\d{9}")
_CN_LANDLINE = re.compile(r"[2-9]\d{8,10}")  # area code without its 0, then the number
_INTERNATIONAL = re.compile(r"[1-9]\d{7,14}")  # country code and number, E.164's 15 digits


def normalise_phone(text: str) -> str | None:
    """The number in E.164 (``+8613800138000``), or ``None`` if it is not one.

    Examples
    --------
    >>> [normalise_phone(t) for t in ("+86 138-0013-8000", "13800138000", "0086 138 0013 8000")]
    ['+8613800138000', '+8613800138000', '+8613800138000']
    >>> normalise_phone("(021) 6234-5678")
    '+862162345678'
    >>> normalise_phone("+49 30 1234567"), normalise_phone("12345"), normalise_phone("138abc")
    ('+49301234567', None, None)
    """
    compact = _SEPARATORS.sub("", unicodedata.normalize("NFKC", text))
    if compact.startswith("+"):
        international = compact[1:]
    elif compact.startswith("00"):
        international = compact[2:]
    elif _CN_MOBILE.fullmatch(compact) or compact.startswith("0"):
        international = "86" + compact.removeprefix("0")
    elif compact.startswith("86"):
        international = compact
    else:
        return None
    if not international.isascii() or not international.isdigit():
        return None
    if international.startswith("86"):
        national = international[2:].removeprefix("0")
        if _CN_MOBILE.fullmatch(national) or _CN_LANDLINE.fullmatch(national):
            return "+86" + national
        return None
    return "+" + international if _INTERNATIONAL.fullmatch(international) else None
