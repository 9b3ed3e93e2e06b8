// The undo stack of the editor (web/static/js/history.js).
import { test } from "node:test";
import assert from "node:assert/strict";
import { History, editable } from "../../web/static/js/history.js";

const doc = (width) => ({ cabinets: [{ id: "W1", width_mm: width }] });

test("undo and redo walk back and forth through the edits", () => {
  const h = new History(doc(1200));
  assert.equal(h.canUndo, false);
  h.push(doc(1400));
  h.push(doc(1600));
  assert.deepEqual(h.undo(), doc(1400));
  assert.deepEqual(h.undo(), doc(1200));
  assert.equal(h.undo(), null);
  assert.deepEqual(h.redo(), doc(1400));
  assert.deepEqual(h.redo(), doc(1600));
  assert.equal(h.redo(), null);
});

test("an edit after an undo drops what could be redone", () => {
  const h = new History(doc(1200));
  h.push(doc(1400));
  h.undo();
  h.push(doc(900));
  assert.equal(h.canRedo, false);
  assert.deepEqual(h.present, doc(900));
  assert.deepEqual(h.undo(), doc(1200));
});

test("a document equal to the present is not a step", () => {
  const h = new History(doc(1200));
  assert.equal(h.push(doc(1200)), false);
  assert.equal(h.canUndo, false);
});

test("the stack keeps at most its limit, dropping the oldest", () => {
  const h = new History(doc(0), 3);
  for (let w = 1; w <= 5; w += 1) h.push(doc(w));
  const back = [];
  while (h.canUndo) back.push(h.undo().cabinets[0].width_mm);
  assert.deepEqual(back, [4, 3, 2]);
});

test("snapshots are frozen copies: editing the pushed object changes nothing recorded", () => {
  const mine = doc(1200);
  const h = new History(mine);
  mine.cabinets[0].width_mm = 5;
  assert.equal(h.present.cabinets[0].width_mm, 1200);
  assert.throws(() => { h.present.cabinets[0].width_mm = 7; }, TypeError);
  const copy = editable(h.present);
  copy.cabinets[0].width_mm = 7;
  assert.equal(h.push(copy), true);
});
