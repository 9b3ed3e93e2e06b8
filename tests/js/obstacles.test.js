// Obstacles on walls: placed from a wall, an offset, a width and a depth, and read back.
import { test } from "node:test";
import assert from "node:assert/strict";
import { freePlace, gaps, moveObstacle, newObstacle, outlineOnWall, placeOf } from "../../web/static/js/obstacles.js";
import { firstFree, lShape, rectangle, taken, walls } from "../../web/static/js/placement.js";

const room = (outline, obstacles = []) => ({ outline_mm: outline, ceiling_mm: 2600, openings: [], obstacles });

test("an obstacle placed on any wall of an L room reads back as the same place", () => {
  const outline = lShape(5000, 4000);
  for (const w of walls(outline)) {
    const place = { wall: w.index, offset: 100, width: Math.min(400, w.length - 100), depth: 250 };
    const obstacle = { id: "c1", kind: "column", outline_mm: outlineOnWall(w, place.offset, place.width, place.depth) };
    assert.deepEqual(placeOf(outline, obstacle), place);
  }
});

test("an outline that is not a rectangle on a wall face has no place (it stays as it is)", () => {
  const outline = rectangle(3600, 3000);
  assert.equal(placeOf(outline, { outline_mm: [[1000, 1000], [1400, 1000], [1400, 1400], [1000, 1400]] }), null);
  assert.equal(placeOf(outline, { outline_mm: [[0, 0], [400, 0], [200, 300]] }), null);
});

test("a new beam is a 600 mm stub at the wall's end under the ceiling; a column stands mid-wall; ids do not repeat", () => {
  const r = room(rectangle(3600, 3000));
  const beam = newObstacle(r, "beam", 1);
  assert.equal(beam.bottom_mm, 2300);
  assert.deepEqual(placeOf(r.outline_mm, beam), { wall: 1, offset: 2400, width: 600, depth: 300 });
  const column = newObstacle(room(r.outline_mm, [{ id: "c1" }]), "column", 0);
  assert.equal(column.id, "c2");
  assert.equal(column.bottom_mm, undefined); // from the floor
  assert.deepEqual(placeOf(r.outline_mm, column), { wall: 0, offset: 1600, width: 400, depth: 400 });
});

test("moving an obstacle keeps it on its wall", () => {
  const outline = rectangle(3600, 3000);
  const column = newObstacle(room(outline), "column", 0);
  const moved = moveObstacle(outline, column, { wall: 0, offset: 3500, width: 400, depth: 400 });
  assert.deepEqual(placeOf(outline, moved), { wall: 0, offset: 3200, width: 400, depth: 400 });
  const other = moveObstacle(outline, column, { wall: 3, offset: 0, width: 5000, depth: 200 });
  assert.deepEqual(placeOf(outline, other), { wall: 3, offset: 0, width: 3000, depth: 200 });
});

test("a column takes its place along its wall for cabinets at its heights; a beam does not", () => {
  const outline = rectangle(3600, 3000);
  const r = room(outline);
  const column = { ...newObstacle(r, "column", 0), bottom_mm: 0 };
  const beam = newObstacle(r, "beam", 0);
  const high = { id: "h1", kind: "pipe_box", outline_mm: outlineOnWall(walls(outline)[0], 0, 300, 250), bottom_mm: 2000 };
  const doc = { room: room(outline, [column, beam, high]), cabinets: [] };
  assert.deepEqual(taken(doc, 0, { band: [0, 2400] }), [[0, 300], [1600, 2000]]);
  assert.deepEqual(taken(doc, 0, { band: [0, 800] }), [[1600, 2000]]); // under the high box
  assert.deepEqual(taken(doc, 0, {}), []); // the dimension chain counts cabinets only
  assert.deepEqual(taken(doc, 1, { band: [0, 2400] }), []);
  assert.equal(firstFree(taken(doc, 0, { band: [0, 2400] }), 3600, 1200), 300);
});

test("a new beam keeps clear of what is on its wall: at the free end of the last span it fits", () => {
  const r = room(rectangle(3600, 3000));
  const beam = newObstacle(r, "beam", 0, [[0, 1600], [1600, 3000], [3300, 3600]]); // 300 mm left
  assert.deepEqual(placeOf(r.outline_mm, beam), { wall: 0, offset: 3000, width: 300, depth: 300 });
  const other = newObstacle(r, "beam", 0, [[0, 1600], [2800, 3600]]);
  assert.deepEqual(placeOf(r.outline_mm, other), { wall: 0, offset: 2200, width: 600, depth: 300 });
});

test("a column goes mid-wall when free, else beside what is there", () => {
  assert.deepEqual(freePlace([], 3600, 400, true), { offset: 1600, width: 400 });
  assert.deepEqual(freePlace([[1000, 2600]], 3600, 400, true), { offset: 3200, width: 400 });
  assert.deepEqual(freePlace([[0, 3600]], 3600, 400, true), { offset: 3200, width: 400 }); // no room at all
});

test("gaps are the free spans between busy intervals, overlapping or not", () => {
  assert.deepEqual(gaps([], 3000), [[0, 3000]]);
  assert.deepEqual(gaps([[500, 1000], [800, 1200], [2000, 3000]], 3000), [[0, 500], [1200, 2000]]);
});
