"""JSON Patch: the examples of RFC 6902 Appendix A, RFC 6901's pointers, and round trips."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kernel.json_patch import PatchError, apply_patch, pointer, tokens

# RFC 6902 Appendix A: (document, patch, result), or result None where the patch must fail.
RFC_6902: list[tuple[Any, list[dict[str, Any]], Any]] = [
    # A.1 adding an object member
    ({"foo": "bar"}, [{"op": "add", "path": "/baz", "value": "qux"}], {"baz": "qux", "foo": "bar"}),
    # A.2 adding an array element
    (
        {"foo": ["bar", "baz"]},
        [{"op": "add", "path": "/foo/1", "value": "qux"}],
        {"foo": ["bar", "qux", "baz"]},
    ),
    # A.3 removing an object member
    ({"baz": "qux", "foo": "bar"}, [{"op": "remove", "path": "/baz"}], {"foo": "bar"}),
    # A.4 removing an array element
    ({"foo": ["bar", "qux", "baz"]}, [{"op": "remove", "path": "/foo/1"}], {"foo": ["bar", "baz"]}),
    # A.5 replacing a value
    (
        {"baz": "qux", "foo": "bar"},
        [{"op": "replace", "path": "/baz", "value": "boo"}],
        {"baz": "boo", "foo": "bar"},
    ),
    # A.6 moving a value
    (
        {"foo": {"bar": "baz", "waldo": "fred"}, "qux": {"corge": "grault"}},
        [{"op": "move", "from": "/foo/waldo", "path": "/qux/thud"}],
        {"foo": {"bar": "baz"}, "qux": {"corge": "grault", "thud": "fred"}},
    ),
    # A.7 moving an array element
    (
        {"foo": ["all", "grass", "cows", "eat"]},
        [{"op": "move", "from": "/foo/1", "path": "/foo/3"}],
        {"foo": ["all", "cows", "eat", "grass"]},
    ),
    # A.8 testing a value: success
    (
        {"baz": "qux", "foo": ["a", 2, "c"]},
        [
            {"op": "test", "path": "/baz", "value": "qux"},
            {"op": "test", "path": "/foo/1", "value": 2},
        ],
        {"baz": "qux", "foo": ["a", 2, "c"]},
    ),
    # A.9 testing a value: error
    ({"baz": "qux"}, [{"op": "test", "path": "/baz", "value": "bar"}], None),
    # A.10 adding a nested member object
    (
        {"foo": "bar"},
        [{"op": "add", "path": "/child", "value": {"grandchild": {}}}],
        {"foo": "bar", "child": {"grandchild": {}}},
    ),
    # A.11 ignoring unrecognised elements
    (
        {"foo": "bar"},
        [{"op": "add", "path": "/baz", "value": "qux", "xyz": 123}],
        {"foo": "bar", "baz": "qux"},
    ),
    # A.12 adding to a nonexistent target
    ({"foo": "bar"}, [{"op": "add", "path": "/baz/bat", "value": "qux"}], None),
    # A.14 ~ escape ordering
    (
        {"/": 9, "~1": 10},
        [{"op": "test", "path": "/~01", "value": 10}],
        {"/": 9, "~1": 10},
    ),
    # A.15 comparing strings and numbers
    ({"/": 9, "~1": 10}, [{"op": "test", "path": "/~01", "value": "10"}], None),
    # A.16 adding an array value
    (
        {"foo": ["bar"]},
        [{"op": "add", "path": "/foo/-", "value": ["abc", "def"]}],
        {"foo": ["bar", ["abc", "def"]]},
    ),
]


@pytest.mark.parametrize(("document", "patch", "result"), RFC_6902)
def test_the_examples_of_rfc_6902(document: Any, patch: list[dict[str, Any]], result: Any) -> None:
    before = copy.deepcopy(document)
    if result is None:
        with pytest.raises(PatchError):
            apply_patch(document, patch)
    else:
        assert apply_patch(document, patch) == result
    assert document == before  # never changed in place


# RFC 6901 section 5: every pointer into its example document.
RFC_6901_DOC = {
    "foo": ["bar", "baz"],
    "": 0,
    "a/b": 1,
    "c%d": 2,
    "e^f": 3,
    "g|h": 4,
    "i\\j": 5,
    'k"l': 6,
    " ": 7,
    "m~n": 8,
}


@pytest.mark.parametrize(
    ("path", "value"),
    [
        ("", RFC_6901_DOC),
        ("/foo", ["bar", "baz"]),
        ("/foo/0", "bar"),
        ("/", 0),
        ("/a~1b", 1),
        ("/c%d", 2),
        ("/e^f", 3),
        ("/g|h", 4),
        ("/i\\j", 5),
        ('/k"l', 6),
        ("/ ", 7),
        ("/m~0n", 8),
    ],
)
def test_the_pointers_of_rfc_6901(path: str, value: Any) -> None:
    assert apply_patch(RFC_6901_DOC, [{"op": "test", "path": path, "value": value}])


@pytest.mark.parametrize(
    "patch",
    [
        [{"op": "remove", "path": "/foo/2"}],
        [{"op": "remove", "path": "/foo/-"}],
        [{"op": "add", "path": "/foo/01", "value": 1}],
        [{"op": "add", "path": "/foo/3", "value": 1}],
        [{"op": "replace", "path": "/nope", "value": 1}],
        [{"op": "replace", "path": "/foo/0"}],
        [{"op": "move", "from": "/foo", "path": "/foo/0"}],
        [{"op": "copy", "path": "/x"}],
        [{"op": "remove", "path": "foo"}],
        [{"op": "frobnicate", "path": "/foo"}],
        [{"op": "add", "path": "/foo/0/x", "value": 1}],
        ["not an operation"],
        # all or nothing: the first operation is not kept when the second fails
        [{"op": "add", "path": "/new", "value": 1}, {"op": "remove", "path": "/missing"}],
    ],
)
def test_bad_operations_are_refused_and_change_nothing(patch: list[Any]) -> None:
    document = {"foo": ["bar", "baz"]}
    with pytest.raises(PatchError):
        apply_patch(document, patch)
    assert document == {"foo": ["bar", "baz"]}


def test_whole_document_copy_and_test_semantics() -> None:
    assert apply_patch({"a": 1}, [{"op": "replace", "path": "", "value": [1]}]) == [1]
    assert apply_patch({"a": 1}, [{"op": "remove", "path": ""}]) is None
    assert apply_patch({"a": {"b": 1}}, [{"op": "copy", "from": "/a", "path": "/c"}]) == {
        "a": {"b": 1},
        "c": {"b": 1},
    }
    assert apply_patch({"a": 1.0}, [{"op": "test", "path": "/a", "value": 1}])  # numbers by value
    with pytest.raises(PatchError):
        apply_patch({"a": 1}, [{"op": "test", "path": "/a", "value": True}])
    with pytest.raises(PatchError):
        apply_patch({"a": [1]}, [{"op": "test", "path": "/a", "value": [1, 2]}])


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=5),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=4), inner, max_size=4)
    ),
    max_leaves=20,
)


def _paths(value: Any, prefix: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    """Every location in ``value``, as its parts."""
    found = [prefix]
    if isinstance(value, dict):
        for k, v in value.items():
            found += _paths(v, (*prefix, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            found += _paths(v, (*prefix, i))
    return found


def _at(value: Any, parts: tuple[str | int, ...]) -> Any:
    for p in parts:
        value = value[p]
    return value


@given(json_values, st.data())
def test_replacing_a_value_and_replacing_it_back_is_the_identity(
    doc: Any, data: st.DataObject
) -> None:
    parts = data.draw(st.sampled_from(_paths(doc)))
    new = data.draw(json_values)
    path = pointer(*parts)
    changed = apply_patch(doc, [{"op": "replace", "path": path, "value": new}])
    assert _at(changed, parts) == new
    old = _at(doc, parts)
    assert apply_patch(changed, [{"op": "replace", "path": path, "value": old}]) == doc


@given(json_values, st.data())
def test_removing_a_value_and_adding_it_back_is_the_identity(doc: Any, data: st.DataObject) -> None:
    inner = [p for p in _paths(doc) if p]
    if not inner:
        return
    parts = data.draw(st.sampled_from(inner))
    path = pointer(*parts)
    removed = apply_patch(doc, [{"op": "remove", "path": path}])
    restored = apply_patch(removed, [{"op": "add", "path": path, "value": _at(doc, parts)}])
    assert restored == doc
    # and the two in one patch, with a test of the value between them
    both = [
        {"op": "test", "path": path, "value": _at(doc, parts)},
        {"op": "remove", "path": path},
        {"op": "add", "path": path, "value": _at(doc, parts)},
    ]
    assert apply_patch(doc, both) == doc


@given(st.lists(st.one_of(st.text(max_size=6), st.integers(0, 99)), max_size=5))
def test_pointer_and_tokens_are_inverse(parts: list[str | int]) -> None:
    assert tokens(pointer(*parts)) == [str(p) for p in parts]
