// Grouping of the problem list (web/static/js/problems.js).
import { test } from "node:test";
import assert from "node:assert/strict";
import { groupProblems } from "../../web/static/js/problems.js";

const divider = { message: "add a divider", patch: [{ op: "replace", path: "/cabinets/0/sections", value: 2 }] };
const sag = (part, message = `${part} will sag`) => ({ severity: "error", code: "shelf_sag", message, params: { part_id: part }, fixes: [divider] });

test("identical messages are shown once with a count", () => {
  const rows = groupProblems([sag("A"), sag("B"), sag("C")]);
  assert.equal(rows.length, 1);
  assert.equal(rows[0].count, 3);
  assert.deepEqual(rows[0].others, ["B", "C"]);
});

test("a message identical but for another part's name is the same problem", () => {
  const rows = groupProblems([sag("W1-S1-SHELF1"), sag("W1-S1-SHELF2")]);
  assert.equal(rows.length, 1);
  assert.equal(rows[0].problem.params.part_id, "W1-S1-SHELF1");
});

test("different messages stay apart", () => {
  const rows = groupProblems([sag("A", "A sags 3 mm"), sag("B", "B sags 4 mm")]);
  assert.deepEqual(rows.map((r) => r.count), [1, 1]);
});

test("the same fix is offered once, on the first row that has it", () => {
  const hinge = { severity: "error", code: "door_too_wide", message: "door too wide", fixes: [divider, { message: "narrower", patch: [{ op: "replace", path: "/cabinets/0/width_mm", value: 800 }] }] };
  const rows = groupProblems([hinge, sag("A", "A sags 3 mm"), sag("B", "B sags 4 mm")]);
  assert.deepEqual(rows.map((r) => r.fixes.map((f) => f.first)), [[true, true], [false], [false]]);
});

test("a problem without fixes has none", () => {
  assert.deepEqual(groupProblems([{ severity: "warning", code: "x", message: "m" }])[0].fixes, []);
});
