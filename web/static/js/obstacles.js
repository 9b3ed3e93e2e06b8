// Beams, columns and pipe boxes against a wall (DESIGN.md §4: the room's `obstacles`, each a
// plan outline with the heights it fills). The room editor edits them as a wall, an offset
// along it, a width and a depth out from it; the document keeps only the outline.
import { footprint, placeOf, walls } from "./placement.js";

export { placeOf };

/** What each kind is when placed: a beam is a 600 mm stub 300 mm under the ceiling (a whole
 * wall's beam at once would clash with any tall cabinet there before it is measured), columns
 * and pipe boxes stand from the floor to the ceiling. */
export const KINDS = {
  beam: { width: 600, depth: 300, drop: 300 },
  column: { width: 400, depth: 400, drop: null },
  pipe_box: { width: 300, depth: 250, drop: null },
};

/** The outline of an obstacle on wall `w` (counter-clockwise, whole mm). */
export function outlineOnWall(w, offset, width, depth) {
  return footprint(w, offset, width, depth).map((p) => p.map((v) => Math.round(v)));
}

/** The free spans [start, end] of a wall of `length` between the `busy` intervals. */
export function gaps(busy, length) {
  const out = [];
  let from = 0;
  for (const [start, end] of [...busy].sort((p, q) => p[0] - q[0])) {
    if (start > from) out.push([from, Math.min(start, length)]);
    from = Math.max(from, end);
  }
  if (length > from) out.push([from, length]);
  return out.filter(([a, b]) => b > a);
}

/** Where a new obstacle `width` wide goes on a wall of `length` kept clear of `busy` (the
 * cabinets at its heights, the doors and windows): mid-wall if free and `middle`, else at the
 * free end of the last span it fits in, else the widest span shrunk to fit. */
export function freePlace(busy, length, width, middle) {
  const spans = gaps(busy, length);
  const clear = (offset, w) => spans.some(([a, b]) => offset >= a && offset + w <= b);
  const mid = Math.round((length - width) / 2);
  if (middle && clear(mid, width)) return { offset: mid, width };
  const fits = spans.filter(([a, b]) => b - a >= width);
  if (fits.length) return { offset: fits[fits.length - 1][1] - width, width };
  const widest = spans.sort((p, q) => q[1] - q[0] - (p[1] - p[0]))[0];
  if (widest && widest[1] - widest[0] >= 300) return { offset: widest[0], width: widest[1] - widest[0] };
  return { offset: Math.max(0, length - width), width: Math.min(width, length) }; // no room: the server says so
}

/** A new obstacle of `kind` on wall `index` of `room`, clear of the `busy` intervals on that
 * wall (see freePlace): a beam at the wall's free end under the ceiling, a column or pipe box
 * mid-wall from floor to ceiling. */
export function newObstacle(room, kind, index, busy = []) {
  const w = walls(room.outline_mm)[index];
  const spec = KINDS[kind];
  const { offset, width } = freePlace(busy, w.length, Math.min(spec.width, w.length), kind !== "beam");
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
