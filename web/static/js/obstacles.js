// Beams, columns and pipe boxes against a wall (DESIGN.md §4: the room's `obstacles`, each a
// plan outline with the heights it fills). The room editor edits them as a wall, an offset
// along it, a width and a depth out from it; the document keeps only the outline.
import { footprint, placeOf, walls } from "./placement.js";

export { placeOf };

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
