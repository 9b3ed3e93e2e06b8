"""JSON Patch (RFC 6902) over JSON Pointers (RFC 6901), on plain JSON data.

A patch is a sequence of operations, each a mapping with ``op`` (``add``, ``remove``,
``replace``, ``move``, ``copy`` or ``test``), ``path`` and, as the operation needs,
``value`` or ``from``. ``apply_patch`` returns a new document and leaves its argument as it
was; it applies all operations or none (``PatchError`` names the first that fails). Stdlib
only: the whole standard is a few dozen lines, and the core takes no dependency for it.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

__all__ = ["Operation", "Patch", "PatchError", "apply_patch", "pointer", "tokens"]

Operation = Mapping[str, Any]
Patch = Sequence[Operation]

_INDEX = re.compile(r"0|[1-9][0-9]*")
_MISSING = object()


class PatchError(ValueError):
    """An operation that cannot be applied: a bad pointer, a missing target, a failed test."""


def pointer(*parts: str | int) -> str:
    """The JSON Pointer to ``parts`` (keys and list indices), escaped.

    >>> pointer("cabinets", 0, "options", "a/b~c")
    '/cabinets/0/options/a~1b~0c'
    >>> pointer()
    ''
    """
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in parts)


def tokens(path: str) -> list[str]:
    """The reference tokens of a JSON Pointer, unescaped.

    >>> tokens("/a~1b/m~0n/0"), tokens("")
    (['a/b', 'm~n', '0'], [])
    """
    if path == "":
        return []
    if not path.startswith("/"):
        raise PatchError(f"a JSON Pointer starts with '/': {path!r}")
    return [t.replace("~1", "/").replace("~0", "~") for t in path[1:].split("/")]


def apply_patch(document: Any, patch: Iterable[Operation]) -> Any:
    """``document`` with every operation of ``patch`` applied in turn, as a new value.

    Examples
    --------
    >>> apply_patch({"a": [1, 2]}, [{"op": "add", "path": "/a/-", "value": 3},
    ...                             {"op": "replace", "path": "/a/0", "value": 0}])
    {'a': [0, 2, 3]}
    """
    doc = copy.deepcopy(document)
    for op in patch:
        doc = _apply(doc, op)
    return doc


def _apply(doc: Any, op: object) -> Any:
    if not isinstance(op, Mapping) or not isinstance(op.get("path"), str):
        raise PatchError(f"an operation is an object with a string path: {op!r}")
    kind, path = op.get("op"), op["path"]
    if kind in ("add", "replace", "test") and "value" not in op:
        raise PatchError(f"{kind} at {path!r} needs a value")
    if kind in ("move", "copy") and not isinstance(op.get("from"), str):
        raise PatchError(f"{kind} to {path!r} needs a string 'from'")
    action = _ACTIONS.get(kind) if isinstance(kind, str) else None
    if action is None:
        raise PatchError(f"unknown operation {kind!r}")
    return action(doc, path, op)


def _move(doc: Any, path: str, op: Operation) -> Any:
    source = op["from"]
    if source != path and path.startswith(source + "/"):
        raise PatchError(f"cannot move {source!r} into its own child {path!r}")
    doc, value = _remove(doc, source)
    return _add(doc, path, value)


def _test(doc: Any, path: str, op: Operation) -> Any:
    if not _equal(_get(doc, path), op["value"]):
        raise PatchError(f"test at {path!r} failed")
    return doc


_ACTIONS: dict[str, Callable[[Any, str, Operation], Any]] = {
    "add": lambda doc, path, op: _add(doc, path, copy.deepcopy(op["value"])),
    "remove": lambda doc, path, op: _remove(doc, path)[0],
    "replace": lambda doc, path, op: _add(_remove(doc, path)[0], path, copy.deepcopy(op["value"])),
    "move": _move,
    "copy": lambda doc, path, op: _add(doc, path, copy.deepcopy(_get(doc, op["from"]))),
    "test": _test,
}


def _index(container: list[Any], token: str, *, appending: bool) -> int:
    if appending and token == "-":  # noqa: S105 - RFC 6901's past-the-end index
        return len(container)
    if not _INDEX.fullmatch(token):
        raise PatchError(f"{token!r} is not an array index")
    i = int(token)
    if i > len(container) or (i == len(container) and not appending):
        raise PatchError(f"index {i} is past the end of an array of {len(container)}")
    return i


def _parent(doc: Any, path: str) -> tuple[Any, str]:
    parts = tokens(path)
    if not parts:
        raise PatchError("the root has no parent")
    return _walk(doc, parts[:-1], path), parts[-1]


def _walk(doc: Any, parts: list[str], path: str) -> Any:
    here = doc
    for token in parts:
        if isinstance(here, dict):
            if token not in here:
                raise PatchError(f"{path!r}: no member {token!r}")
            here = here[token]
        elif isinstance(here, list):
            here = here[_index(here, token, appending=False)]
        else:
            raise PatchError(f"{path!r}: {token!r} is inside a value that is not a container")
    return here


def _get(doc: Any, path: str) -> Any:
    return _walk(doc, tokens(path), path)


def _add(doc: Any, path: str, value: Any) -> Any:
    if path == "":
        return value
    parent, token = _parent(doc, path)
    if isinstance(parent, dict):
        parent[token] = value
    elif isinstance(parent, list):
        parent.insert(_index(parent, token, appending=True), value)
    else:
        raise PatchError(f"{path!r}: the parent is not a container")
    return doc


def _remove(doc: Any, path: str) -> tuple[Any, Any]:
    if path == "":
        return None, doc
    parent, token = _parent(doc, path)
    if isinstance(parent, dict):
        value = parent.pop(token, _MISSING)
        if value is _MISSING:
            raise PatchError(f"{path!r}: no member {token!r}")
        return doc, value
    if isinstance(parent, list):
        return doc, parent.pop(_index(parent, token, appending=False))
    raise PatchError(f"{path!r}: the parent is not a container")


def _equal(a: Any, b: Any) -> bool:
    """JSON equality: numbers by value (1 == 1.0), but a boolean is not a number."""
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_equal(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_equal(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, int | float) and isinstance(b, int | float):
        return a == b
    return type(a) is type(b) and a == b
