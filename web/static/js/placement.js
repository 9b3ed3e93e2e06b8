// Where cabinets go along the room's walls (DESIGN.md §4): the room is a counter-clockwise
// polygon, wall i runs from vertex i to i+1 with the room on its left; a cabinet's back is
// on the wall, `offset_mm` from the wall's start. Pure geometry for the page's own drawing and
// placement: the server still checks every design (overlaps, clearances, the price).

/** The walls of an outline: start, end, length, unit direction and inward normal. */
export function walls(outline) {
  return outline.map((a, i) => {
    const b = outline[(i + 1) % outline.length];
    const length = Math.hypot(b[0] - a[0], b[1] - a[1]);
    const dir = [(b[0] - a[0]) / length, (b[1] - a[1]) / length];
    return { index: i, a, b, length: Math.round(length), dir, normal: [-dir[1], dir[0]] };
  });
}

/** The four corners of a cabinet standing on wall `w` (back-start, back-end, front-end, front-start). */
export function footprint(w, offset, width, depth) {
  const at = (along, out) => [
    w.a[0] + w.dir[0] * along + w.normal[0] * out,
    w.a[1] + w.dir[1] * along + w.normal[1] * out,
  ];
  return [at(offset, 0), at(offset + width, 0), at(offset + width, depth), at(offset, depth)];
}

/**
 * The heights a cabinet fills, [underside, top] in mm: its own `elevation_mm`, else its
 * template's default from the catalog (`templates`: code -> {elevation_mm}), else the floor.
 */
export function heightBand(c, templates = new Map()) {
  const bottom = c.elevation_mm ?? templates.get(c.template)?.elevation_mm ?? 0;
  return [bottom, bottom + (c.height_mm ?? 0)];
}

/**
 * What is taken along wall `index`, as sorted [start, end] intervals in mm: the cabinets
 * standing on it and, at its two ends, the depth of cabinets on the neighbouring walls that
 * reach into the corner (`reach`: how deep the new cabinet is, so corners are kept clear).
 * With `band` ([bottom, top] mm) only cabinets whose heights overlap it count, so a wall
 * cabinet or a top box can go over a base cabinet or a wardrobe (`templates` as heightBand's),
 * and the columns and pipe boxes against the wall at those heights count too.
 */
export function taken(doc, index, { except = null, reach = 0, band = null, templates = new Map() } = {}) {
  const all = walls(doc.room.outline_mm);
  const n = all.length;
  const wall = all[index];
  const before = (index - 1 + n) % n;
  const after = (index + 1) % n;
  const out = [];
  for (const c of doc.cabinets) {
    if (c.id === except || c.wall === undefined || c.position) continue;
    if (band) {
      const [bottom, top] = heightBand(c, templates);
      if (bottom >= band[1] || top <= band[0]) continue; // one over the other: both fit
    }
    if (c.wall === index) out.push([c.offset_mm ?? 0, (c.offset_mm ?? 0) + c.width_mm]);
    else if (c.wall === before && (c.offset_mm ?? 0) + c.width_mm > all[before].length - reach) {
      out.push([0, c.depth_mm]);
    } else if (c.wall === after && (c.offset_mm ?? 0) < reach) {
      out.push([wall.length - c.depth_mm, wall.length]);
    }
  }
  if (band) out.push(...standing(doc, index, band));
  return out.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
}

/** The columns and pipe boxes against wall `index` at the heights of `band`, as intervals.
 * Beams are left to the server, whose checked fix lowers a cabinet under them. */
function standing(doc, index, band) {
  return (doc.room.obstacles || []).flatMap((o) => {
    if (o.kind === "beam") return [];
    const place = placeOf(doc.room.outline_mm, o);
    const [bottom, top] = [o.bottom_mm ?? 0, o.top_mm ?? doc.room.ceiling_mm];
    if (!place || place.wall !== index || bottom >= band[1] || top <= band[0]) return [];
    return [[place.offset, place.offset + place.width]];
  });
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

/** The first offset where `width` fits between the taken intervals, or null. */
export function firstFree(intervals, wallLength, width) {
  let from = 0;
  for (const [start, end] of [...intervals].sort((p, q) => p[0] - q[0])) {
    if (start - from >= width) return from;
    from = Math.max(from, end);
  }
  return wallLength - from >= width ? from : null;
}

/** Where an L corner unit goes on a wall: its left side in the corner at the wall's end (its
 * second arm runs along the next wall), or null if that place is taken. */
export function cornerEnd(intervals, wallLength, width) {
  const offset = wallLength - width;
  return offset >= 0 && !collides(intervals, wallLength, offset, width) ? offset : null;
}

/** Whether [offset, offset + width] overlaps a taken interval (touching is fine) or leaves the wall. */
export function collides(intervals, wallLength, offset, width) {
  if (offset < 0 || offset + width > wallLength) return true;
  return intervals.some(([start, end]) => offset < end && offset + width > start);
}

/** How wide a cabinet starting at `offset` can be before it meets a taken interval or the
 * wall's end: what to tell someone who typed a width that does not fit. */
export function freeFrom(intervals, wallLength, offset) {
  let end = wallLength;
  for (const [start, stop] of intervals) {
    if (start <= offset && stop > offset) return 0;
    if (start >= offset) end = Math.min(end, start);
  }
  return Math.max(0, end - offset);
}

/**
 * Snap an offset being dragged: to the wall's ends and to the neighbours' sides when within
 * `tolerance` mm, whole millimetres otherwise.
 */
export function snap(offset, width, intervals, wallLength, tolerance = 40) {
  const targets = [0, wallLength - width];
  for (const [start, end] of intervals) targets.push(end, start - width);
  let best = Math.round(offset);
  let distance = tolerance + 1;
  for (const t of targets) {
    const d = Math.abs(t - offset);
    if (d <= tolerance && d < distance) {
      best = Math.round(t);
      distance = d;
    }
  }
  return best;
}

/**
 * The dimension chain along a wall: gaps and cabinets in order, each {from, to, length, kind},
 * covering the wall from 0 to its length (overlapping intervals are merged).
 */
export function dimensionChain(intervals, wallLength) {
  const chain = [];
  let from = 0;
  for (const [start, end] of [...intervals].sort((p, q) => p[0] - q[0])) {
    const s = Math.max(start, from);
    if (s > from) chain.push({ from, to: s, length: s - from, kind: "gap" });
    if (end > s) chain.push({ from: s, to: end, length: end - s, kind: "cabinet" });
    from = Math.max(from, end);
  }
  if (wallLength > from) chain.push({ from, to: wallLength, length: wallLength - from, kind: "gap" });
  return chain;
}

/** A cabinet id not used yet in `doc`: the template's letter and the next free number. */
export function newId(doc, template) {
  const prefix = (template[0] || "C").toUpperCase();
  const used = new Set(doc.cabinets.map((c) => c.id));
  for (let n = 1; ; n += 1) if (!used.has(`${prefix}${n}`)) return `${prefix}${n}`;
}

/** Project a plan point onto wall `w`: the distance along it from its start. */
export function along(w, point) {
  return (point[0] - w.a[0]) * w.dir[0] + (point[1] - w.a[1]) * w.dir[1];
}

/** A rectangular room, counter-clockwise from the origin. */
export function rectangle(width, depth) {
  return [[0, 0], [width, 0], [width, depth], [0, depth]];
}

/** Shelf heights for `count` shelves spread over a section `height` mm high, on the 32 mm grid. */
export function shelfHeights(count, height, grid = 32) {
  const out = [];
  for (let k = 1; k <= count; k += 1) {
    const at = Math.round((height * k) / (count + 1) / grid) * grid;
    if (!out.includes(at) && at > 0 && at < height) out.push(at);
  }
  return out;
}

/**
 * The outline with wall `index` made `length` mm long: its end corner moves along the wall,
 * and so do the corners after it up to the next wall running back the other way, which takes
 * up the difference (a rectangle keeps its right angles, an L its legs). Null when no such
 * wall follows, or the change would fold a wall back on itself.
 */
export function resizeWall(outline, index, length) {
  const all = walls(outline);
  const wall = all[index];
  const delta = length - Math.hypot(wall.b[0] - wall.a[0], wall.b[1] - wall.a[1]);
  const moved = outline.map((p) => [...p]);
  const n = outline.length;
  for (let step = 1; step < n; step += 1) {
    const corner = (index + step) % n;
    moved[corner] = [outline[corner][0] + wall.dir[0] * delta, outline[corner][1] + wall.dir[1] * delta];
    const next = all[corner];
    if (next.dir[0] * wall.dir[0] + next.dir[1] * wall.dir[1] < -0.999) {
      const after = walls(moved);
      if (after.some((w, i) => w.length <= 0 || (i === corner && after[i].dir[0] * wall.dir[0] + after[i].dir[1] * wall.dir[1] > -0.999))) return null;
      return moved.map((p) => p.map((v) => Math.round(v)));
    }
  }
  return null;
}

/** An L-shaped room: the rectangle with its back-right quarter cut away (the cut-out's sides
 * half the room's width and depth, rounded to 10 mm). Counter-clockwise from the origin. */
export function lShape(width, depth) {
  const [w, d] = [Math.round(width / 20) * 10, Math.round(depth / 20) * 10];
  return [[0, 0], [width, 0], [width, d], [w, d], [w, depth], [0, depth]];
}

/** A U-shaped room: the rectangle with the middle third of its back cut away, half deep. */
export function uShape(width, depth) {
  const third = Math.round(width / 30) * 10;
  const d = Math.round(depth / 20) * 10;
  return [[0, 0], [width, 0], [width, depth], [width - third, depth], [width - third, d], [third, d], [third, depth], [0, depth]];
}

/** The outline with wall `index` pushed `distance` mm along its inward normal (negative: out),
 * to whole `grid` mm; the walls either side stretch or shrink with it. */
export function moveWall(outline, index, distance, grid = 10) {
  const wall = walls(outline)[index];
  const d = Math.round(distance / grid) * grid;
  const moved = outline.map((p) => [...p]);
  for (const corner of [index, (index + 1) % outline.length]) {
    moved[corner] = [Math.round(outline[corner][0] + wall.normal[0] * d), Math.round(outline[corner][1] + wall.normal[1] * d)];
  }
  return walls(moved).every((w) => w.length > 0) ? moved : null;
}

/** The outline with corner `index` moved to `point` (to whole `grid` mm); its neighbours on
 * square walls follow along the shared axis so every wall keeps its direction. */
export function moveCorner(outline, index, point, grid = 10) {
  const n = outline.length;
  const [x, y] = point.map((v) => Math.round(v / grid) * grid);
  const moved = outline.map((p) => [...p]);
  const old = outline[index];
  moved[index] = [x, y];
  for (const other of [(index - 1 + n) % n, (index + 1) % n]) {
    if (outline[other][1] === old[1]) moved[other][1] = y; // a horizontal wall stays horizontal
    else if (outline[other][0] === old[0]) moved[other][0] = x; // a vertical one vertical
  }
  const after = walls(moved);
  const same = walls(outline).every((w, i) => after[i].length > 0 && w.dir[0] * after[i].dir[0] + w.dir[1] * after[i].dir[1] > 0.999);
  return same ? moved : null;
}

/** The corners of a counter-clockwise outline that point into the room (an L's inner corner,
 * a U's two): there the walls turn right. */
export function reflexCorners(outline) {
  const n = outline.length;
  const out = new Set();
  outline.forEach((p, i) => {
    const a = outline[(i - 1 + n) % n];
    const b = outline[(i + 1) % n];
    const turn = (p[0] - a[0]) * (b[1] - p[1]) - (p[1] - a[1]) * (b[0] - p[0]);
    if (turn < 0) out.add(i);
  });
  return out;
}

/** Where each wall's dimension line goes: "outside" the room, but "inside" for a wall that
 * meets an inner corner, whose line outside would cross its neighbour's in the notch. */
export function dimensionSides(outline) {
  const reflex = reflexCorners(outline);
  return outline.map((_, i) => (reflex.has(i) || reflex.has((i + 1) % outline.length) ? "inside" : "outside"));
}

/**
 * A cabinet's side dragged to `at` mm along its wall: `side` "end" moves its right end (the
 * offset stays), "start" its left (the other end stays). The moving side snaps within
 * `tolerance` mm to the wall's ends, the neighbours' sides and the template's standard widths,
 * else to whole mm; the width stays within `range` ({min, max}). `blocked`: it would overlap
 * or leave the wall (then the drag is refused where it ends).
 */
export function resizeAlong(side, at, { offset, width }, intervals, wallLength, range, standard = [], tolerance = 40) {
  const end = offset + width;
  const targets = side === "end"
    ? [wallLength, ...intervals.map(([start]) => start).filter((s) => s > offset), ...standard.map((w) => offset + w)]
    : [0, ...intervals.map(([, stop]) => stop).filter((s) => s < end), ...standard.map((w) => end - w)];
  let edge = Math.round(at);
  let distance = tolerance + 1;
  for (const target of targets) {
    const d = Math.abs(target - at);
    if (d <= tolerance && d < distance) [edge, distance] = [Math.round(target), d];
  }
  const raw = side === "end" ? edge - offset : end - edge;
  const size = Math.min(range.max, Math.max(range.min, raw));
  const from = side === "end" ? offset : end - size;
  return { offset: from, width: size, blocked: collides(intervals, wallLength, from, size) };
}
