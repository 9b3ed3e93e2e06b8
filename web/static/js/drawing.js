// A room drawn corner by corner on the start page: each corner snaps to the grid and to the
// square of the one before (walls run along x or y), the outline closes square too, and it is
// kept counter-clockwise from the origin as the design document wants (DESIGN.md §4). Pure.

/** The next corner for a click at `p`: on the grid, in line with the last corner along the
 * axis the click is nearer to. */
export function nextCorner(points, p, grid = 100) {
  const q = p.map((v) => Math.round(v / grid) * grid);
  if (!points.length) return q;
  const last = points[points.length - 1];
  return Math.abs(q[0] - last[0]) >= Math.abs(q[1] - last[1]) ? [q[0], last[1]] : [last[0], q[1]];
}

/** The corners closed into a room: a corner is added where the last and the first are not in
 * line, corners in the middle of a straight wall are dropped; then counter-clockwise, moved
 * so its lowest x and y are 0. Null when it is no room (under 4 corners, crossing walls). */
export function closeRoom(points) {
  let ps = points.filter((p, i) => i === 0 || p[0] !== points[i - 1][0] || p[1] !== points[i - 1][1]);
  if (ps.length > 1 && same(ps[0], ps[ps.length - 1])) ps = ps.slice(0, -1);
  if (ps.length < 3) return null;
  const [first, last] = [ps[0], ps[ps.length - 1]];
  if (first[0] !== last[0] && first[1] !== last[1]) ps = [...ps, [first[0], last[1]]];
  ps = ps.filter((p, i) => {
    const a = ps[(i - 1 + ps.length) % ps.length];
    const b = ps[(i + 1) % ps.length];
    return !((a[0] === p[0] && p[0] === b[0]) || (a[1] === p[1] && p[1] === b[1]));
  });
  if (ps.length < 4 || crosses(ps)) return null;
  if (area2(ps) < 0) ps = ps.reverse();
  const [x0, y0] = [Math.min(...ps.map((p) => p[0])), Math.min(...ps.map((p) => p[1]))];
  return ps.map(([x, y]) => [x - x0, y - y0]);
}

/** "x,y x,y …" to corners, or null. */
export function parseCorners(text) {
  const pairs = text.trim().split(/\s+/).filter(Boolean).map((pair) => pair.split(",").map(Number));
  return pairs.length && pairs.every((p) => p.length === 2 && p.every(Number.isFinite)) ? pairs : null;
}

/** Corners as "x,y x,y …" (what the typed field shows). */
export function formatCorners(points) {
  return points.map((p) => p.join(",")).join(" ");
}

const same = (p, q) => p[0] === q[0] && p[1] === q[1];
const area2 = (ps) => ps.reduce((sum, p, i) => { const q = ps[(i + 1) % ps.length]; return sum + p[0] * q[1] - q[0] * p[1]; }, 0);

// whether two walls that do not share a corner meet (walls run along x or y)
function crosses(ps) {
  const walls = ps.map((p, i) => [p, ps[(i + 1) % ps.length]]);
  const n = walls.length;
  for (let i = 0; i < n; i += 1) {
    for (let j = i + 2; j < n; j += 1) {
      if (i === 0 && j === n - 1) continue; // neighbours through the first corner
      if (meet(walls[i], walls[j])) return true;
    }
  }
  return false;
}

function meet([a, b], [c, d]) {
  const box = (p, q) => [Math.min(p[0], q[0]), Math.max(p[0], q[0]), Math.min(p[1], q[1]), Math.max(p[1], q[1])];
  const [x0, x1, y0, y1] = box(a, b);
  const [u0, u1, v0, v1] = box(c, d);
  return x0 <= u1 && u0 <= x1 && y0 <= v1 && v0 <= y1;
}
