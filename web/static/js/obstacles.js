// Beams, columns and pipe boxes against a wall (DESIGN.md §4: the room's `obstacles`, each a
// plan outline with the heights it fills). The room editor edits them as a wall, an offset
// along it, a width and a depth out from it; the document keeps only the outline.
import { footprint, walls } from "./placement.js";

/** What each kind is when placed: beams hang under the ceiling across the whole wall,
 * columns and pipe boxes stand from the floor to the ceiling. */
export const KINDS = {
  beam: { width: null, depth: 300, drop: 250 },
  column: { width: 400, depth: 400, drop: null },
  pipe_box: { width: 300, depth: 250, drop: null },
};

/** The outline of an obstacle on wall `w` (counter-clockwise, whole mm). */
export function outlineOnWall(w, offset, width, depth) {
  return footprint(w, offset, width, depth).map((p) => p.map((v) => Math.round(v)));
}

/** An obstacle's place against a wall of the room, {wall, offset, width, depth}, read back
 * from its outline: a rectangle with one side on a wall face (in a corner, on two: the one
 * it stands out from least, as a beam along its wall). Null for any other shape. */
export function placeOf(outline, obstacle, tolerance = 1) {
  const points = obstacle.outline_mm;
  if (points.length !== 4) return null;
  let best = null;
  for (const w of walls(outline)) {
    const local = points.map((p) => [
      (p[0] - w.a[0]) * w.dir[0] + (p[1] - w.a[1]) * w.dir[1],
      (p[0] - w.a[0]) * w.normal[0] + (p[1] - w.a[1]) * w.normal[1],
    ]);
    const outs = local.map((p) => p[1]);
    const depth = Math.max(...outs);
    const onFace = outs.filter((v) => Math.abs(v) <= tolerance).length;
    const atDepth = outs.filter((v) => Math.abs(v - depth) <= tolerance).length;
    if (onFace !== 2 || atDepth !== 2 || depth <= tolerance) continue;
    const alongs = local.map((p) => p[0]);
    const [from, to] = [Math.min(...alongs), Math.max(...alongs)];
    const square = local.every((p) => Math.abs(p[0] - from) <= tolerance || Math.abs(p[0] - to) <= tolerance);
    if (!square || from < -tolerance || to > w.length + tolerance) continue;
    const place = { wall: w.index, offset: Math.round(from), width: Math.round(to - from), depth: Math.round(depth) };
    if (!best || place.depth < best.depth) best = place;
  }
  return best;
}

/** A new obstacle of `kind` on wall `index` of `room`: a beam along the whole wall under the
 * ceiling, a column or pipe box in the middle of the wall from floor to ceiling. */
export function newObstacle(room, kind, index) {
  const w = walls(room.outline_mm)[index];
  const spec = KINDS[kind];
  const width = spec.width === null ? w.length : Math.min(spec.width, w.length);
  const offset = Math.round((w.length - width) / 2);
  const used = new Set((room.obstacles || []).map((o) => o.id));
  const prefix = { beam: "b", column: "c", pipe_box: "p" }[kind];
  let n = 1;
  while (used.has(`${prefix}${n}`)) n += 1;
  const obstacle = { id: `${prefix}${n}`, kind, outline_mm: outlineOnWall(w, offset, width, spec.depth) };
  if (spec.drop !== null) obstacle.bottom_mm = room.ceiling_mm - spec.drop;
  return obstacle;
}

/** The obstacle moved to `place` ({wall, offset, width, depth}) in the room `outline`, kept
 * on the wall (offset and width clamped to its length). */
export function moveObstacle(outline, obstacle, place) {
  const w = walls(outline)[place.wall];
  const width = Math.max(10, Math.min(place.width, w.length));
  const offset = Math.max(0, Math.min(place.offset, w.length - width));
  return { ...obstacle, outline_mm: outlineOnWall(w, offset, width, Math.max(10, place.depth)) };
}
