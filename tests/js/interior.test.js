// The elevation editor's interior edits: the 32 mm grid, section widths, drawer stacks.
import { test } from "node:test";
import assert from "node:assert/strict";
import { addItem, drawerStack, freeHeight, moveItem, onGrid, removeItem, sectionWidths } from "../../web/static/js/interior.js";

const interior = (items) => ({ sections: [{ width_mm: null, items }] });

test("heights snap to the 32 mm grid and stay inside the section", () => {
  assert.equal(onGrid(100, 2000), 96);
  assert.equal(onGrid(112, 2000), 128); // half-way rounds up
  assert.equal(onGrid(-50, 2000), 0);
  assert.equal(onGrid(2100, 2000), 1984);
  for (let at = -100; at < 2200; at += 7) assert.equal(onGrid(at, 2000) % 32, 0);
});

test("sections without a width share what the others leave", () => {
  assert.deepEqual(sectionWidths([{ width_mm: 600 }, { width_mm: null }, { width_mm: null }], 1600), [600, 500, 500]);
  assert.deepEqual(sectionWidths([{ width_mm: null }], 900), [900]);
});

test("drawers stack from the bottom, each its height or the default", () => {
  const section = { items: [{ kind: "shelf", at_mm: 800 }, { kind: "drawer" }, { kind: "drawer", height_mm: 150 }] };
  assert.deepEqual(drawerStack(section), [{ index: 1, bottom: 0, top: 200 }, { index: 2, bottom: 200, top: 350 }]);
});

test("a new shelf goes into the tallest free span, above the drawers, on the grid", () => {
  assert.equal(freeHeight({ items: [] }, 2000), 992);
  assert.equal(freeHeight({ items: [{ kind: "shelf", at_mm: 992 }] }, 2000), 1504);
  const withDrawers = { items: [{ kind: "drawer" }, { kind: "drawer" }] };
  assert.equal(freeHeight(withDrawers, 1000), 704);
});

test("add, move and remove change only their section and keep the document's shape", () => {
  const start = { sections: [{ width_mm: null, items: [] }, { width_mm: 500, items: [{ kind: "rail", at_mm: 1600 }] }] };
  const added = addItem(start, 0, "shelf", 2000);
  assert.deepEqual(added.sections[0].items, [{ kind: "shelf", at_mm: 992 }]);
  assert.equal(added.sections[1], start.sections[1]);
  assert.deepEqual(addItem(start, 1, "drawer", 2000).sections[1].items[1], { kind: "drawer" });
  assert.deepEqual(moveItem(added, 0, 0, 1001, 2000).sections[0].items[0], { kind: "shelf", at_mm: 992 });
  assert.deepEqual(moveItem(added, 0, 0, 1010, 2000).sections[0].items[0], { kind: "shelf", at_mm: 1024 });
  assert.deepEqual(removeItem(start, 1, 0).sections[1].items, []);
  assert.deepEqual(start.sections[0].items, []); // the old document is not touched
});
