// A room drawn corner by corner: square walls, closed square, counter-clockwise from 0,0.
import { test } from "node:test";
import assert from "node:assert/strict";
import { closeRoom, formatCorners, nextCorner, parseCorners } from "../../web/static/js/drawing.js";

const area2 = (ps) => ps.reduce((sum, p, i) => { const q = ps[(i + 1) % ps.length]; return sum + p[0] * q[1] - q[0] * p[1]; }, 0);

test("each corner snaps to the grid and in line with the one before", () => {
  assert.deepEqual(nextCorner([], [1234, 567]), [1200, 600]);
  assert.deepEqual(nextCorner([[0, 0]], [3980, 140]), [4000, 0]);
  assert.deepEqual(nextCorner([[4000, 0]], [4100, 2960]), [4000, 3000]);
});

test("a room drawn clockwise is closed square, counter-clockwise, from the origin", () => {
  // an L drawn clockwise starting away from the origin, its last wall left open
  const room = closeRoom([[1000, 1000], [1000, 5000], [3000, 5000], [3000, 3000], [6000, 3000], [6000, 1000]]);
  assert.ok(area2(room) > 0);
  assert.equal(room.length, 6);
  assert.deepEqual(Math.min(...room.map((p) => p[0])), 0);
  assert.deepEqual(Math.min(...room.map((p) => p[1])), 0);
  for (let i = 0; i < room.length; i += 1) {
    const [a, b] = [room[i], room[(i + 1) % room.length]];
    assert.ok(a[0] === b[0] || a[1] === b[1], "square walls");
  }
  // the last corner left out: closed by a corner in line with both ends
  assert.equal(closeRoom([[0, 0], [4000, 0], [4000, 3000]]).length, 4);
});

test("no room from too few corners or walls that cross; straight runs lose their middle corner", () => {
  assert.equal(closeRoom([[0, 0], [4000, 0]]), null);
  // a bow tie: walls cross
  assert.equal(closeRoom([[0, 0], [2000, 0], [2000, 2000], [1000, 2000], [1000, -1000], [0, -1000]]), null);
  assert.deepEqual(closeRoom([[0, 0], [2000, 0], [4000, 0], [4000, 3000], [0, 3000]]), [[0, 0], [4000, 0], [4000, 3000], [0, 3000]]);
});

test("corners typed as x,y pairs read back as they are written", () => {
  assert.deepEqual(parseCorners(" 0,0  4000,0 4000,3000 "), [[0, 0], [4000, 0], [4000, 3000]]);
  assert.equal(parseCorners("0,0 4000"), null);
  assert.equal(formatCorners([[0, 0], [4000, 0]]), "0,0 4000,0");
});
