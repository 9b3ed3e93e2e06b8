// JSON Patch (RFC 6902) as the editor applies the server's fixes (web/static/js/patch.js).
import { test } from "node:test";
import assert from "node:assert/strict";
import { applyPatch, parsePointer } from "../../web/static/js/patch.js";

const doc = () => ({ cabinets: [{ id: "W1", width_mm: 1600, interior: null }], room: { "a/b": 1, "m~n": 2 } });

test("add sets a key whether it is there or not, and inserts into arrays", () => {
  const sections = { sections: [{ width_mm: 491 }] };
  const out = applyPatch(doc(), [
    { op: "add", path: "/cabinets/0/interior", value: sections },
    { op: "add", path: "/cabinets/0/options", value: {} },
    { op: "add", path: "/cabinets/-", value: { id: "D1" } },
    { op: "add", path: "/cabinets/0", value: { id: "S1" } },
  ]);
  assert.deepEqual(out.cabinets.map((c) => c.id), ["S1", "W1", "D1"]);
  assert.deepEqual(out.cabinets[1].interior, sections);
  assert.deepEqual(out.cabinets[1].options, {});
});

test("the document given is left alone, and values are copied in", () => {
  const original = doc();
  const value = { sections: [] };
  const out = applyPatch(original, [{ op: "replace", path: "/cabinets/0/interior", value }]);
  value.sections.push(1);
  assert.equal(original.cabinets[0].interior, null);
  assert.deepEqual(out.cabinets[0].interior, { sections: [] });
});

test("replace, remove, move, copy and test", () => {
  const out = applyPatch(doc(), [
    { op: "test", path: "/cabinets/0/width_mm", value: 1600 },
    { op: "replace", path: "/cabinets/0/width_mm", value: 1200 },
    { op: "copy", from: "/cabinets/0", path: "/cabinets/1" },
    { op: "replace", path: "/cabinets/1/id", value: "W2" },
    { op: "move", from: "/room/a~1b", path: "/room/c" },
    { op: "remove", path: "/room/m~0n" },
  ]);
  assert.deepEqual(out.cabinets.map((c) => [c.id, c.width_mm]), [["W1", 1200], ["W2", 1200]]);
  assert.deepEqual(out.room, { c: 1 });
});

test("a patch that does not fit the document throws, never half-applies", () => {
  const original = doc();
  assert.throws(() => applyPatch(original, [{ op: "replace", path: "/cabinets/3/width_mm", value: 1 }]));
  assert.throws(() => applyPatch(original, [{ op: "remove", path: "/nothing" }]));
  assert.throws(() => applyPatch(original, [{ op: "test", path: "/cabinets/0/width_mm", value: 1 }]));
  assert.throws(() => applyPatch(original, [{ op: "add", path: "/cabinets/01", value: 1 }]));
  assert.throws(() => applyPatch(original, [{ op: "frobnicate", path: "" }]));
  assert.deepEqual(original, doc());
});

test("JSON pointers unescape ~1 and ~0", () => {
  assert.deepEqual(parsePointer(""), []);
  assert.deepEqual(parsePointer("/a~1b/m~0n/0"), ["a/b", "m~n", "0"]);
  assert.throws(() => parsePointer("a"));
});
