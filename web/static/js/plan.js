// The plan (top view) as SVG, drawn from the design document in millimetres (y flipped: the
// document's y runs up, SVG's down). Click a cabinet to select it; drag it along its wall
// (snapping to the wall's ends and its neighbours, refusing overlaps).
import { el } from "./page.js";
import { along, collides, dimensionChain, dimensionSides, footprint, heightBand, moveCorner, moveWall, placeOf, resizeAlong, snap, taken, walls } from "./placement.js";

const WALL = 240; // drawn wall thickness (mm): half of it is hidden under the floor
const CUT = 1200; // the plan's cut plane (mm): cabinets hung higher are drawn see-through
const pt = (p) => `${Math.round(p[0])},${Math.round(-p[1])}`;
const points = (ps) => ps.map(pt).join(" ");

/** Put a resize handle (a bar across the wall) at `at` mm along wall `w`, `out` mm from it. */
function placeHandle(handle, w, at, out, size) {
  const [, , , p] = footprint(w, at, 0, out);
  const [x, y] = [Math.round(p[0]), Math.round(-p[1])];
  handle.setAttribute("x", x - size / 2);
  handle.setAttribute("y", y - size);
  handle.setAttribute("transform", `rotate(${((Math.atan2(-w.dir[1], w.dir[0]) * 180) / Math.PI).toFixed(1)} ${x} ${y})`);
}

export class Plan {
  constructor(svg, { onSelect, onMove, onResize, onRoom, onObstacle, readOnly = false, templates = new Map() }) {
    this.svg = svg;
    this.templates = templates; // code -> catalog template: default elevations
    this.onSelect = onSelect;
    this.onMove = onMove;
    this.onResize = onResize;
    this.onObstacle = onObstacle;
    this.onRoom = onRoom;
    this.readOnly = readOnly;
    this.drag = null;
    svg.addEventListener("pointermove", (e) => this.dragMove(e));
    svg.addEventListener("pointerup", (e) => this.dragEnd(e));
    svg.addEventListener("pointercancel", () => { this.drag = null; });
    // text and margins follow the drawing's size on screen
    new ResizeObserver(() => this.doc && this.render(this.doc, this.lastOptions)).observe(svg);
  }

  /** Draw `doc`; `selected` is a cabinet id, `flagged` the ids that have problems. */
  render(doc, { selected = null, flagged = new Set(), colors = {} } = {}) {
    this.doc = doc;
    this.lastOptions = { selected, flagged, colors };
    const outline = doc.room.outline_mm;
    const xs = outline.map((p) => p[0]);
    const ys = outline.map((p) => -p[1]);
    const spanX = Math.max(...xs) - Math.min(...xs);
    const spanY = Math.max(...ys) - Math.min(...ys);
    // mm per screen pixel (the drawing is fitted whole): text of about 13 px at any size, and
    // a margin wide enough for the dimension lines outside the walls
    const box = this.svg.getBoundingClientRect();
    let margin = 600;
    let scale = 0;
    for (let pass = 0; pass < 2; pass += 1) {
      const perPixel = box.width && box.height ? Math.max((spanX + 2 * margin) / box.width, (spanY + 2 * margin) / box.height) : (Math.max(spanX, spanY) + 2 * margin) / 400;
      scale = 15 * perPixel;
      margin = Math.max(400, 4.2 * scale);
    }
    const minX = Math.min(...xs) - margin;
    const minY = Math.min(...ys) - margin;
    const w = spanX + 2 * margin;
    const h = spanY + 2 * margin;
    this.svg.setAttribute("viewBox", `${minX} ${minY} ${w} ${h}`);
    this.svg.setAttribute("preserveAspectRatio", "xMidYMid meet");
    const all = walls(outline);
    const sides = dimensionSides(outline);
    const layers = [
      el("polygon", { points: points(outline), class: "wall", "stroke-width": WALL }),
      el("polygon", { points: points(outline), class: "floor" }),
      ...(doc.room.obstacles || []).map((o) => this.obstacle(o, scale)),
      ...(doc.room.openings || []).map((o) => this.opening(all[o.wall], o)),
      ...all.filter((wall) => sides[wall.index] === "outside").map((wall) => this.wallDimension(wall, scale, "outside")),
    ];
    // lowest first: a wall cabinet or top box is drawn over the unit under it, see-through
    const bottom = (c) => heightBand(c, this.templates)[0];
    const cabinets = doc.cabinets.filter((c) => !c.position && all[c.wall]).sort((p, q) => bottom(p) - bottom(q));
    const drawn = new Map(); // id -> its polygon and label, for the resize handles
    for (const c of cabinets) {
      const corners = footprint(all[c.wall], c.offset_mm ?? 0, c.width_mm, c.depth_mm);
      const above = bottom(c) >= CUT;
      const classes = ["cabinet", above ? "above" : "", c.id === selected ? "selected" : "", flagged.has(c.id) ? "flagged" : ""].join(" ");
      const shape = el("polygon", {
        points: points(corners), class: classes, fill: colors[c.id] || "#d9c6a5",
        "data-cabinet": c.id, tabindex: this.readOnly ? null : -1,
      });
      shape.addEventListener("pointerdown", (e) => this.dragStart(e, c, all[c.wall], shape));
      // the id of a cabinet above the cut plane goes by the wall, the id of one under such a
      // cabinet a line further out, so both stay readable
      const under = !above && cabinets.some((o) => o.wall === c.wall && bottom(o) >= CUT
        && (o.offset_mm ?? 0) < (c.offset_mm ?? 0) + c.width_mm && (o.offset_mm ?? 0) + o.width_mm > (c.offset_mm ?? 0));
      const out = above ? Math.min(c.depth_mm / 2, scale * 0.6) : under ? Math.max(c.depth_mm / 2, scale * 1.7) : null;
      const centre = out !== null
        ? footprint(all[c.wall], (c.offset_mm ?? 0) + c.width_mm / 2, 0, out)[2]
        : corners.reduce((s, p) => [s[0] + p[0] / 4, s[1] + p[1] / 4], [0, 0]);
      const label = el("text", { x: Math.round(centre[0]), y: Math.round(-centre[1]), class: "cabinet-label", "font-size": Math.round(scale * 0.9) }, c.id);
      drawn.set(c.id, { shape, label });
      layers.push(el("g", { class: "cabinet-group" }, shape, label));
    }
    // an inner corner's walls are measured inside the room, over the cabinets
    layers.push(...all.filter((wall) => sides[wall.index] === "inside").map((wall) => this.wallDimension(wall, scale, "inside")));
    const chosen = cabinets.find((c) => c.id === selected);
    if (chosen) layers.push(this.chain(all[chosen.wall], chosen, scale));
    if (chosen && !this.readOnly) layers.push(this.resizeHandles(all[chosen.wall], chosen, scale, drawn.get(chosen.id)));
    if (!this.readOnly) {
      const [wallHandles, cornerHandles] = this.handles(all, scale);
      layers.splice(2, 0, wallHandles); // under the cabinets: a click near a wall still picks them
      layers.push(cornerHandles);
    }
    this.svg.replaceChildren(...layers);
  }

  /** The selected cabinet's two side handles: drag one to make it narrower or wider. */
  resizeHandles(wall, c, scale, { shape, label }) {
    const size = Math.round(scale * 0.9);
    return el("g", { class: "resize-handles" }, ...["start", "end"].map((side) => {
      const handle = el("rect", { width: size, height: size * 2, rx: Math.round(size / 3), class: "resize-handle", "data-testid": `resize-${side}`, "data-side": side });
      const at = side === "start" ? (c.offset_mm ?? 0) : (c.offset_mm ?? 0) + c.width_mm;
      placeHandle(handle, wall, at, c.depth_mm / 2, size);
      handle.addEventListener("pointerdown", (e) => this.resizeStart(e, c, wall, side, { shape, label, handle, size }));
      return handle;
    }));
  }

  resizeStart(event, c, wall, side, drawn) {
    event.preventDefault();
    event.stopPropagation();
    this.svg.setPointerCapture(event.pointerId);
    const template = this.templates.get(c.template) ?? {};
    const intervals = taken(this.doc, wall.index, { except: c.id, reach: c.depth_mm, band: heightBand(c, this.templates), templates: this.templates });
    this.drag = {
      resize: side, cabinet: c, wall, ...drawn, intervals, moved: false,
      range: template.width_mm ?? { min: 100, max: wall.length }, standard: template.standard_widths_mm ?? [],
    };
  }

  resizeMove(d, event) {
    const c = d.cabinet;
    const next = resizeAlong(d.resize, along(d.wall, this.toPlan(event)), { offset: c.offset_mm ?? 0, width: c.width_mm }, d.intervals, d.wall.length, d.range, d.standard);
    d.moved = d.moved || next.width !== c.width_mm;
    d.next = next;
    d.shape?.setAttribute("points", points(footprint(d.wall, next.offset, next.width, c.depth_mm)));
    d.shape?.classList.toggle("blocked", next.blocked);
    if (d.label) d.label.textContent = `${c.id} · ${next.width}`;
    placeHandle(d.handle, d.wall, d.resize === "start" ? next.offset : next.offset + next.width, c.depth_mm / 2, d.size);
  }

  /** Walls and corners to drag: the room's shape changes, its walls keep their directions. */
  handles(all, scale) {
    const grab = (event, kind, index) => {
      event.preventDefault();
      event.stopPropagation();
      this.svg.setPointerCapture(event.pointerId);
      this.drag = { kind, index, from: this.toPlan(event), doc: this.doc, moved: false };
    };
    return [el("g", { class: "room-handles" },
      ...all.map((w) => {
        const [, , b, a] = footprint(w, 0, w.length, -WALL / 2); // on the wall's thickness, outside the floor
        const line = el("line", { x1: a[0], y1: -a[1], x2: b[0], y2: -b[1], class: "wall-handle", "stroke-width": WALL, "data-wall": w.index });
        line.addEventListener("pointerdown", (e) => grab(e, "wall", w.index));
        return line;
      })), el("g", { class: "room-handles" },
      ...all.map((w) => {
        const dot = el("circle", { cx: w.a[0], cy: -w.a[1], r: Math.round(scale * 0.45), class: "corner-handle", "data-corner": w.index });
        dot.addEventListener("pointerdown", (e) => grab(e, "corner", w.index));
        return dot;
      }))];
  }

  /** The room as it would be with the wall or corner being dragged at `point`. */
  reshaped(d, point) {
    const outline = d.doc.room.outline_mm;
    if (d.kind === "corner") return moveCorner(outline, d.index, point);
    const wall = walls(outline)[d.index];
    const distance = (point[0] - d.from[0]) * wall.normal[0] + (point[1] - d.from[1]) * wall.normal[1];
    return moveWall(outline, d.index, distance);
  }

  /** A beam, column or pipe box: its outline see-through, its id in the middle. */
  obstacle(o, scale) {
    const n = o.outline_mm.length;
    const [x, y] = o.outline_mm.reduce((s, p) => [s[0] + p[0] / n, s[1] + p[1] / n], [0, 0]);
    const shape = el("polygon", { points: points(o.outline_mm), class: `obstacle ${o.kind}` }, el("title", { text: `${o.kind} ${o.id}` }));
    const place = this.readOnly ? null : placeOf(this.doc.room.outline_mm, o);
    if (place) {
      shape.classList.add("movable");
      shape.addEventListener("pointerdown", (e) => {
        e.preventDefault();
        e.stopPropagation();
        this.svg.setPointerCapture(e.pointerId);
        const wall = walls(this.doc.room.outline_mm)[place.wall];
        this.drag = { obstacle: o, place, wall, shape, grab: along(wall, this.toPlan(e)) - place.offset, moved: false };
      });
    }
    return el("g", { class: "obstacle-group", "data-obstacle": o.id }, shape,
      el("text", { x: Math.round(x), y: Math.round(-y), class: "obstacle-label", "font-size": Math.round(scale * 0.7) }, o.id));
  }

  /** An obstacle dragged along its wall: to whole centimetres, snapping to the wall's ends. */
  obstacleMove(d, event) {
    const { wall, place } = d;
    const offset = snap(along(wall, this.toPlan(event)) - d.grab, place.width, [], wall.length, 40);
    d.offset = Math.max(0, Math.min(wall.length - place.width, Math.round(offset / 10) * 10));
    d.moved = d.moved || d.offset !== place.offset;
    d.shape.setAttribute("points", points(footprint(wall, d.offset, place.width, place.depth)));
  }

  opening(wall, o) {
    if (!wall) return null;
    const a = footprint(wall, o.offset_mm, o.width_mm, 0);
    const line = el("line", { x1: a[0][0], y1: -a[0][1], x2: a[1][0], y2: -a[1][1], class: `opening ${o.kind}`, "stroke-width": WALL });
    const group = el("g", {}, line, el("title", { text: `${o.kind} ${o.width_mm}` }));
    if (o.kind === "door") {
      const r = o.width_mm;
      const tip = footprint(wall, o.offset_mm, 0, r)[3];
      group.append(
        el("line", { x1: a[0][0], y1: -a[0][1], x2: tip[0], y2: -tip[1], class: "swing" }),
        el("path", { d: `M${pt(tip)} A${r},${r} 0 0 1 ${pt(a[1])}`, class: "swing arc" }),
      );
    } else if (o.kind === "window") {
      group.append(el("line", { x1: a[0][0], y1: -a[0][1], x2: a[1][0], y2: -a[1][1], class: "glass" }));
    }
    return group;
  }

  /** A dimension line with the wall's length, outside the wall or just inside the room. */
  wallDimension(wall, scale, side) {
    const out = side === "inside" ? scale * 1.1 : -(WALL / 2 + scale * 2.2);
    return this.dimension(wall, 0, wall.length, out, String(wall.length), scale, `dim wall-dim ${side}`);
  }

  /** Gaps and cabinets along the selected cabinet's wall, just in front of the deepest cabinet
   * on it (its label stands on the room's side of the line): read along the wall it measures. */
  chain(wall, chosen, scale) {
    const intervals = taken(this.doc, wall.index, {});
    const depth = Math.max(...this.doc.cabinets.filter((c) => c.wall === wall.index).map((c) => c.depth_mm), 0);
    const out = depth + scale * 0.4;
    return el("g", { class: "chain" }, ...dimensionChain(intervals, wall.length)
      .filter((s) => s.length > 0)
      .map((s) => this.dimension(wall, s.from, s.to, out, String(Math.round(s.length)), scale, `dim ${s.kind}${s.from === chosen.offset_mm ? " chosen" : ""}`)));
  }

  dimension(wall, from, to, out, label, scale, cls) {
    const [p, q] = footprint(wall, from, to - from, out).slice(2).reverse();
    const tick = scale * 0.5;
    const [ta, tb] = [footprint(wall, from, 0, out - tick), footprint(wall, from, 0, out + tick)];
    const [ua, ub] = [footprint(wall, to, 0, out - tick), footprint(wall, to, 0, out + tick)];
    const mid = [(p[0] + q[0]) / 2, (p[1] + q[1]) / 2];
    let angle = (Math.atan2(-wall.dir[1], wall.dir[0]) * 180) / Math.PI;
    if (angle > 90) angle -= 180;
    if (angle <= -90) angle += 180;
    const lift = [mid[0] + wall.normal[0] * scale * 0.35 * Math.sign(out || 1), mid[1] + wall.normal[1] * scale * 0.35 * Math.sign(out || 1)];
    return el("g", { class: cls },
      el("line", { x1: p[0], y1: -p[1], x2: q[0], y2: -q[1] }),
      el("line", { x1: ta[0][0], y1: -ta[0][1], x2: tb[0][0], y2: -tb[0][1] }),
      el("line", { x1: ua[0][0], y1: -ua[0][1], x2: ub[0][0], y2: -ub[0][1] }),
      el("text", { x: Math.round(lift[0]), y: Math.round(-lift[1]), "font-size": Math.round(scale * 0.8), transform: `rotate(${angle.toFixed(1)} ${Math.round(lift[0])} ${Math.round(-lift[1])})` }, label));
  }

  toPlan(event) {
    const m = this.svg.getScreenCTM().inverse();
    const p = new DOMPoint(event.clientX, event.clientY).matrixTransform(m);
    return [p.x, -p.y];
  }

  dragStart(event, cabinet, wall, shape) {
    this.onSelect(cabinet.id);
    if (this.readOnly) return;
    event.preventDefault();
    this.svg.setPointerCapture(event.pointerId);
    const grab = along(wall, this.toPlan(event)) - (cabinet.offset_mm ?? 0);
    const band = heightBand(cabinet, this.templates);
    const intervals = taken(this.doc, wall.index, { except: cabinet.id, reach: cabinet.depth_mm, band, templates: this.templates });
    this.drag = { cabinet, wall, shape, grab, intervals, offset: cabinet.offset_mm ?? 0, moved: false };
  }

  dragMove(event) {
    const d = this.drag;
    if (!d) return;
    if (d.resize) return this.resizeMove(d, event);
    if (d.obstacle) return this.obstacleMove(d, event);
    if (d.kind) {
      const outline = this.reshaped(d, this.toPlan(event));
      if (!outline) return;
      d.moved = true;
      d.outline = outline;
      const doc = d.doc;
      const drag = this.drag;
      this.render({ ...doc, room: { ...doc.room, outline_mm: outline } }, this.lastOptions);
      this.drag = drag; // drawing again keeps the drag going
      return;
    }
    const raw = along(d.wall, this.toPlan(event)) - d.grab;
    const offset = snap(raw, d.cabinet.width_mm, d.intervals, d.wall.length);
    if (Math.abs(offset - (d.cabinet.offset_mm ?? 0)) < 2 && !d.moved) return;
    d.moved = true;
    d.offset = offset;
    d.blocked = collides(d.intervals, d.wall.length, offset, d.cabinet.width_mm);
    d.shape.setAttribute("points", points(footprint(d.wall, offset, d.cabinet.width_mm, d.cabinet.depth_mm)));
    d.shape.classList.toggle("blocked", d.blocked);
  }

  dragEnd() {
    const d = this.drag;
    this.drag = null;
    if (!d || !d.moved) return;
    if (d.obstacle) return this.onObstacle(d.obstacle.id, { ...d.place, offset: d.offset });
    if (d.resize) {
      if (d.next.blocked) return this.render(this.doc, this.lastOptions);
      return this.onResize(d.cabinet.id, d.next.offset, d.next.width);
    }
    if (d.kind) return this.onRoom(d.outline);
    if (d.blocked) this.render(this.doc, this.lastOptions);
    else this.onMove(d.cabinet.id, d.offset);
  }
}
