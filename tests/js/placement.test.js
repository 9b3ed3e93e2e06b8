// Placement along walls, snapping and dimension chains (web/static/js/placement.js).
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  along, collides, cornerEnd, dimensionChain, dimensionSides, firstFree, freeFrom, footprint, heightBand, lShape, moveCorner, moveWall, newId, rectangle, reflexCorners, resizeAlong, resizeWall, shelfHeights, snap, taken, uShape, walls,
} from "../../web/static/js/placement.js";

const room = (cabinets) => ({ room: { outline_mm: rectangle(3600, 3000), ceiling_mm: 2600 }, cabinets });
const cab = (id, wall, offset, width, depth = 600) => ({ id, wall, offset_mm: offset, width_mm: width, depth_mm: depth });

test("walls run counter-clockwise with the room on their left", () => {
  const [w0, w1, w2, w3] = walls(rectangle(3600, 3000));
  assert.deepEqual([w0.length, w1.length, w2.length, w3.length], [3600, 3000, 3600, 3000]);
  assert.deepEqual(w0.normal, [-0, 1]);
  assert.deepEqual(w1.normal, [-1, 0]);
  assert.deepEqual(footprint(w0, 100, 1200, 600), [[100, 0], [1300, 0], [1300, 600], [100, 600]]);
  assert.deepEqual(footprint(w1, 0, 1000, 500).map((p) => p.map(Math.round)), [[3600, 0], [3600, 1000], [3100, 1000], [3100, 0]]);
  assert.equal(along(w2, [3000, 3000]), 600);
});

test("the first free place is the first gap the width fits in", () => {
  assert.equal(firstFree([], 3600, 1200), 0);
  assert.equal(firstFree([[0, 1200]], 3600, 1200), 1200);
  assert.equal(firstFree([[0, 1000], [1500, 3600]], 3600, 500), 1000);
  assert.equal(firstFree([[0, 1000], [1500, 3600]], 3600, 501), null);
  assert.equal(firstFree([[1500, 3600], [0, 1000]], 3600, 400), 1000); // unsorted input
  assert.equal(firstFree([[0, 3000]], 3600, 600), 3000); // exactly to the end
});

test("an L corner unit goes to the corner at the wall's end, or nowhere", () => {
  assert.equal(cornerEnd([], 3600, 1200), 2400);
  assert.equal(cornerEnd([[0, 2400]], 3600, 1200), 2400); // touching its neighbour is fine
  assert.equal(cornerEnd([[3000, 3600]], 3600, 1200), null); // the corner is taken
  assert.equal(cornerEnd([], 1000, 1200), null); // the wall is too short
});

test("overlap is refused, touching is fine, leaving the wall is refused", () => {
  const taken_ = [[1000, 2000]];
  assert.equal(collides(taken_, 3600, 0, 1000), false);
  assert.equal(collides(taken_, 3600, 2000, 1600), false);
  assert.equal(collides(taken_, 3600, 999, 2), true);
  assert.equal(collides(taken_, 3600, 2500, 1200), true);
  assert.equal(collides(taken_, 3600, -1, 10), true);
});

test("what is taken includes cabinets reaching into the corners from neighbouring walls", () => {
  const doc = room([cab("A", 0, 0, 1200), cab("B", 3, 2600, 400, 580), cab("C", 1, 0, 800, 550), cab("D", 2, 100, 900)]);
  assert.deepEqual(taken(doc, 0), [[0, 1200]]);
  assert.deepEqual(taken(doc, 0, { reach: 600 }), [[0, 580], [0, 1200], [3050, 3600]]);
  assert.deepEqual(taken(doc, 0, { except: "A", reach: 600 }), [[0, 580], [3050, 3600]]);
  assert.deepEqual(taken(doc, 2), [[100, 1000]]);
});

test("dragging snaps to the wall's ends and to neighbours within the tolerance", () => {
  const others = [[1000, 2000]];
  assert.equal(snap(25, 600, others, 3600), 0);
  assert.equal(snap(2030, 600, others, 3600), 2000);
  assert.equal(snap(380, 600, others, 3600), 400); // its right side against the neighbour
  assert.equal(snap(2990, 600, others, 3600), 3000); // against the wall's end
  assert.equal(snap(1500.4, 600, others, 3600), 1500); // nothing near: whole millimetres
});

test("the dimension chain covers the wall: gaps and cabinets in order", () => {
  const chain = dimensionChain([[1200, 2400], [0, 600]], 3600);
  assert.deepEqual(chain.map((s) => [s.kind, s.length]), [["cabinet", 600], ["gap", 600], ["cabinet", 1200], ["gap", 1200]]);
  assert.equal(chain.reduce((sum, s) => sum + s.length, 0), 3600);
  const merged = dimensionChain([[0, 1000], [500, 1500]], 1500);
  assert.deepEqual(merged.map((s) => [s.kind, s.from, s.to]), [["cabinet", 0, 1000], ["cabinet", 1000, 1500]]);
  assert.deepEqual(dimensionChain([], 3000), [{ from: 0, to: 3000, length: 3000, kind: "gap" }]);
});

test("new ids take the template's letter and the next free number", () => {
  const doc = room([cab("W1", 0, 0, 100), cab("W2", 0, 100, 100), cab("D1", 0, 200, 100)]);
  assert.equal(newId(doc, "wardrobe_hinged"), "W3");
  assert.equal(newId(doc, "drawer_unit"), "D2");
  assert.equal(newId(doc, "shelving_open"), "S1");
});

test("shelves are spread evenly on the 32 mm grid", () => {
  assert.deepEqual(shelfHeights(3, 2000), [512, 992, 1504]);
  assert.deepEqual(shelfHeights(0, 2000), []);
  for (const at of shelfHeights(7, 2280)) assert.equal(at % 32, 0);
});

test("a wall typed longer moves the corners after it up to the wall running back", () => {
  assert.deepEqual(resizeWall(rectangle(3600, 3000), 0, 4000), [[0, 0], [4000, 0], [4000, 3000], [0, 3000]]);
  assert.deepEqual(resizeWall(rectangle(3600, 3000), 1, 2500), [[0, 0], [3600, 0], [3600, 2500], [0, 2500]]);
  // the last wall wraps round to the first corner
  assert.deepEqual(resizeWall(rectangle(3600, 3000), 3, 2000), [[0, 1000], [3600, 1000], [3600, 3000], [0, 3000]]);
  const l = [[0, 0], [5000, 0], [5000, 2500], [2500, 2500], [2500, 4000], [0, 4000]];
  assert.deepEqual(resizeWall(l, 0, 5500), [[0, 0], [5500, 0], [5500, 2500], [2500, 2500], [2500, 4000], [0, 4000]]);
  // the L's inner wall: the leg beyond it moves, the first wall running back takes it up
  assert.deepEqual(resizeWall(l, 2, 100), [[2400, 0], [5000, 0], [5000, 2500], [4900, 2500], [4900, 4000], [2400, 4000]]);
  assert.equal(resizeWall(rectangle(3600, 3000), 1, 0), null); // no wall of nothing
  assert.equal(resizeWall(rectangle(3600, 3000), 1, -5), null);
  for (const [i, length] of [[0, 2000], [1, 4100], [2, 5000], [3, 3500]]) {
    const out = resizeWall(rectangle(3600, 3000), i, length);
    assert.equal(walls(out)[i].length, length);
    for (const w of walls(out)) assert.ok(Math.abs(w.dir[0]) === 1 || Math.abs(w.dir[1]) === 1, "still square");
  }
});

/** Twice the signed area: positive when counter-clockwise. */
const area2 = (ps) => ps.reduce((sum, p, i) => { const q = ps[(i + 1) % ps.length]; return sum + p[0] * q[1] - q[0] * p[1]; }, 0);

test("the L and U rooms are counter-clockwise, square, with the typed outside sizes", () => {
  for (const [shape, cut] of [[lShape, 0.25], [uShape, 1 / 6]]) {
    const outline = shape(3600, 3000);
    assert.ok(area2(outline) > 0, "counter-clockwise");
    assert.equal(Math.max(...outline.map((p) => p[0])), 3600);
    assert.equal(Math.max(...outline.map((p) => p[1])), 3000);
    for (const w of walls(outline)) assert.ok(Math.abs(w.dir[0]) === 1 || Math.abs(w.dir[1]) === 1);
    assert.equal(area2(outline) / 2, 3600 * 3000 * (1 - cut));
  }
});

test("dragging a wall moves it square, to whole centimetres; its neighbours follow", () => {
  assert.deepEqual(moveWall(rectangle(3600, 3000), 1, 304), [[0, 0], [3300, 0], [3300, 3000], [0, 3000]]);
  assert.deepEqual(moveWall(rectangle(3600, 3000), 0, -500), [[0, -500], [3600, -500], [3600, 3000], [0, 3000]]);
  assert.equal(moveWall(rectangle(3600, 3000), 1, 3600), null); // folded onto the opposite wall
});

test("dragging a corner keeps every wall's direction, or refuses", () => {
  assert.deepEqual(moveCorner(rectangle(3600, 3000), 2, [4003, 3496]), [[0, 0], [4000, 0], [4000, 3500], [0, 3500]]);
  const l = lShape(5000, 4000);
  const out = moveCorner(l, 3, [2000, 1500]);
  assert.deepEqual(out, [[0, 0], [5000, 0], [5000, 1500], [2000, 1500], [2000, 4000], [0, 4000]]);
  assert.equal(moveCorner(rectangle(3600, 3000), 2, [-10, 3000]), null); // a wall would turn round
});

test("a cabinet fills the heights from its elevation (its own, else its template's) up", () => {
  const templates = new Map([["wall", { elevation_mm: 1400 }], ["base", { elevation_mm: 0 }]]);
  assert.deepEqual(heightBand({ template: "wall", height_mm: 720 }, templates), [1400, 2120]);
  assert.deepEqual(heightBand({ template: "wall", height_mm: 720, elevation_mm: 1500 }, templates), [1500, 2220]);
  assert.deepEqual(heightBand({ template: "unknown", height_mm: 800 }, templates), [0, 800]);
});

test("only cabinets at overlapping heights are taken: a wall cabinet goes over a base cabinet", () => {
  const templates = new Map([["wall", { elevation_mm: 1400 }], ["base", { elevation_mm: 0 }], ["top", { elevation_mm: 2100 }]]);
  const base = { ...cab("B1", 0, 0, 1200), template: "base", height_mm: 720 };
  const wardrobe = { ...cab("W1", 0, 1200, 1000), template: "base", height_mm: 2100 };
  const upper = { ...cab("U1", 0, 2400, 800, 350), template: "wall", height_mm: 720 };
  const doc = room([base, wardrobe, upper]);
  const over = (band) => taken(doc, 0, { band, templates });
  assert.deepEqual(over([1400, 2120]), [[1200, 2200], [2400, 3200]]); // wall height: not the base
  assert.deepEqual(over([2100, 2500]), [[2400, 3200]]); // a top box: over the wardrobe, touching it
  assert.deepEqual(over([0, 720]), [[0, 1200], [1200, 2200]]); // floor: not the wall cabinet
  assert.deepEqual(over([720, 1400]), [[1200, 2200]]); // between base and wall cabinet: the wardrobe
  assert.deepEqual(taken(doc, 0, {}).length, 3); // no band: everything, as before
  assert.equal(collides(over([1400, 2120]), 3600, 0, 1200), false);
  assert.equal(collides(over([0, 720]), 3600, 2400, 800), false);
  // corners: a wall cabinet on the next wall does not keep a base cabinet out of the corner
  const corner = room([{ ...cab("U2", 1, 0, 800, 350), template: "wall", height_mm: 720 }]);
  assert.deepEqual(taken(corner, 0, { reach: 600, band: [0, 720], templates }), []);
  assert.deepEqual(taken(corner, 0, { reach: 600, band: [1400, 2120], templates }), [[3250, 3600]]);
});

test("an L has one inner corner, a U two, a rectangle none; their walls are measured inside", () => {
  assert.deepEqual([...reflexCorners(rectangle(3600, 3000))], []);
  assert.deepEqual([...reflexCorners(lShape(5000, 4000))], [3]);
  assert.deepEqual([...reflexCorners(uShape(3600, 3000))], [4, 5]);
  assert.deepEqual(dimensionSides(rectangle(3600, 3000)), Array(4).fill("outside"));
  assert.deepEqual(dimensionSides(lShape(5000, 4000)), ["outside", "outside", "inside", "inside", "outside", "outside"]);
  assert.deepEqual(dimensionSides(uShape(3600, 3000)), ["outside", "outside", "outside", "inside", "inside", "inside", "outside", "outside"]);
  // the same outline turned round keeps its inner corner
  const turned = lShape(5000, 4000).map(([x, y]) => [-y, x]);
  assert.deepEqual([...reflexCorners(turned)], [3]);
});

test("a resize handle snaps to the neighbour, the wall's end and standard widths, within the range", () => {
  const range = { min: 400, max: 2400 };
  const cabinet = { offset: 200, width: 1000 };
  const others = [[2000, 2600]];
  // free drag: whole mm, offset kept
  assert.deepEqual(resizeAlong("end", 1433.6, cabinet, others, 3600, range), { offset: 200, width: 1234, blocked: false });
  // near the neighbour's side: snaps onto it
  assert.deepEqual(resizeAlong("end", 1975, cabinet, others, 3600, range), { offset: 200, width: 1800, blocked: false });
  // near a standard width
  assert.deepEqual(resizeAlong("end", 1390, cabinet, others, 3600, range, [1200]), { offset: 200, width: 1200, blocked: false });
  // past the neighbour: blocked
  assert.equal(resizeAlong("end", 2300, cabinet, others, 3600, range).blocked, true);
  // never under the template's minimum, nor over its maximum
  assert.equal(resizeAlong("end", 300, cabinet, [], 3600, range).width, 400);
  assert.equal(resizeAlong("end", 3000, cabinet, [], 3600, range).width, 2400);
  // the left handle keeps the right end, snaps to the wall's start
  assert.deepEqual(resizeAlong("start", 25, cabinet, others, 3600, range), { offset: 0, width: 1200, blocked: false });
  assert.deepEqual(resizeAlong("start", 900, cabinet, [], 3600, range), { offset: 800, width: 400, blocked: false });
});

test("freeFrom is the room up to the next neighbour or the wall's end", () => {
  assert.equal(freeFrom([], 3600, 0), 3600);
  assert.equal(freeFrom([[1600, 3400]], 3600, 0), 1600);
  assert.equal(freeFrom([[0, 1600]], 3600, 1600), 2000); // a neighbour ending here does not count
  assert.equal(freeFrom([[0, 1600]], 3600, 1000), 0);
  assert.equal(freeFrom([[2000, 2600], [1800, 1900]], 3600, 0), 1800);
  assert.equal(freeFrom([], 3600, 4000), 0);
});
