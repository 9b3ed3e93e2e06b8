// The editor (/designs/{id}) and the shared view (/s/{token}). Every edit makes a new
// document: it is drawn at once (list, properties, plan), then, debounced, sent to the server
// to evaluate (price, problems), to build the 3D model, and to save as a revision. Answers to
// older documents are dropped. The server owns every number.
import { api, ApiError, data, el, lang, named, remember, t } from "./page.js";
import { editable, History } from "./history.js";
import { applyPatch } from "./patch.js";
import { collides, cornerEnd, firstFree, freeFrom, heightBand, newId, resizeWall, shelfHeights, taken, walls } from "./placement.js";
import { money } from "./format.js";
import { groupProblems } from "./problems.js";
import { KINDS, moveObstacle, newObstacle, placeOf } from "./obstacles.js";
import { interiorView } from "./interior_view.js";
import { Plan } from "./plan.js";
import { templatePicture } from "./pictures.js";
import { Latest, debounce } from "./timing.js";

const $ = (id) => document.getElementById(id);
const readOnly = Boolean(data.token);
const state = {
  doc: null, selected: null, pick: null, revision: 0, flagged: new Set(), templates: new Map(), materials: new Map(),
  overriding: false, people: null, // in store on a customer's design; who the design names (id -> {name, role})
};
let history = null;
let plan = null;
let viewer = null;
const timings = (window.millwork = { edits: [], lastEdit: 0 });

async function main() {
  document.body.classList.toggle("read-only", readOnly);
  for (const node of document.querySelectorAll(".read-only-only")) node.hidden = !readOnly;
  setStatus(t("loading"));
  let design;
  try {
    const [catalog, loaded] = await Promise.all([
      api("GET", "/api/v1/catalog"),
      api("GET", readOnly ? `/api/v1/shared/${data.token}` : `/api/v1/designs/${data.design_id}`),
    ]);
    catalog.templates.forEach((x) => state.templates.set(x.code, x));
    catalog.materials.forEach((x) => state.materials.set(x.code, x));
    design = loaded;
  } catch (error) {
    setStatus(t("not_found"));
    $("editor").replaceChildren(el("p", { class: "notice big" }, t("not_found"), " ", el("a", { href: "/" }, t("make_my_own"))));
    return;
  }
  state.doc = design.document;
  state.revision = design.revision;
  history = new History(state.doc);
  if (!readOnly) remember(design.id, design.document.name);
  plan = new Plan($("plan"), {
    onSelect: select, onMove: moveAlongWall, readOnly, templates: state.templates,
    onResize: (id, offset, width) => updateCabinet(id, (c) => { c.offset_mm = offset; c.width_mm = width; }),
    onObstacle: (id, place) => {
      const doc = editable(state.doc);
      doc.room.obstacles = doc.room.obstacles.map((o) => (o.id === id ? moveObstacle(doc.room.outline_mm, o, place) : o));
      commit(doc);
    },
    onRoom: (outline) => {
      const doc = editable(state.doc);
      doc.room.outline_mm = outline;
      commit(doc);
    },
  });
  $("design-name").readOnly = readOnly;
  wireControls();
  if (!readOnly) inStore(design);
  // read-only: the banner above the editor says so, the status line stays empty (once, not twice)
  if (readOnly) setStatus("", "read-only");
  else setStatus(t("saved"));
  renderAll();
  evaluate.now();
  // three.js is loaded only now: the plan, list and price do not wait for it
  const { Viewer } = await import("./viewer3d.js");
  viewer = new Viewer($("viewer"), { onSelect: select });
  timings.viewer = viewer; // for the browser tests: where a cabinet is on screen
  viewer.highlight(state.selected, state.flagged);
  if (pendingModel) viewer.load(pendingModel);
}

// --- edits ------------------------------------------------------------------------------------

/** Make `doc` the current document: one undo step, then redraw, evaluate, rebuild, save. */
function commit(doc) {
  if (readOnly || !history.push(doc)) return;
  changed();
}

function changed() {
  state.doc = history.present;
  if (state.selected && !state.doc.cabinets.some((c) => c.id === state.selected)) state.selected = null;
  timings.lastEdit = performance.now();
  renderAll();
  evaluate(); // the model is asked for when the price is in: one at a time is faster for both
  save.later();
}

function undo() {
  if (history.undo()) changed();
}

function redo() {
  if (history.redo()) changed();
}

function updateCabinet(id, change) {
  const doc = editable(state.doc);
  const cabinet = doc.cabinets.find((c) => c.id === id);
  change(cabinet, doc);
  commit(doc);
}

function select(id) {
  if (id !== state.selected) state.pick = null;
  const wallBefore = state.doc.cabinets.find((c) => c.id === state.selected)?.wall;
  state.selected = id;
  renderAll();
  if (state.doc.cabinets.find((c) => c.id === id)?.wall !== wallBefore) elevation();
  viewer?.highlight(state.selected, state.flagged);
}

function moveAlongWall(id, offset) {
  updateCabinet(id, (c) => { c.offset_mm = offset; });
}

// --- drawing ----------------------------------------------------------------------------------

function renderAll() {
  $("undo").disabled = !history.canUndo;
  $("redo").disabled = !history.canRedo;
  if (document.activeElement !== $("design-name")) $("design-name").value = state.doc.name || t("new_design_name");
  renderList();
  renderRoom();
  renderProperties();
  plan.render(state.doc, { selected: state.selected, flagged: state.flagged, colors: frontColors() });
}

function frontColors() {
  const colors = {};
  for (const c of state.doc.cabinets) colors[c.id] = state.materials.get(c.front_material || c.carcass_material)?.color;
  return colors;
}

function renderList() {
  const items = state.doc.cabinets.map((c) => {
    const template = state.templates.get(c.template);
    const color = state.materials.get(c.front_material || c.carcass_material)?.color ?? "#ccc";
    return el("li", {},
      el("button", {
        type: "button", class: "cabinet-entry", "data-testid": `cabinet-${c.id}`,
        "aria-pressed": String(c.id === state.selected), onclick: () => select(c.id),
      },
      el("svg", { class: "chip", viewBox: "0 0 14 22", width: 14, height: 22, "aria-hidden": "true" },
        el("rect", { x: 0.5, y: 0.5, width: 13, height: 21, rx: 1.5, fill: color, stroke: "#6d665c" }),
        el("line", { x1: 10.5, y1: 8, x2: 10.5, y2: 13, stroke: "#3b3b3b", "stroke-width": 1.2 })),
      el("span", { class: "entry-name" }, `${c.id} · ${template ? named(template) : c.template}`),
      el("span", { class: "entry-size" }, `${c.width_mm} × ${c.height_mm} × ${c.depth_mm}`),
      state.flagged.has(c.id) ? el("span", { class: "flag", "aria-label": t("error") }, "!") : null));
  });
  $("cabinet-list").replaceChildren(...(items.length ? items : [el("li", { class: "muted" }, t("no_cabinets"))]));
}

function numberField(label, key, value, range, onChange, testid) {
  const input = el("input", {
    type: "number", id: `field-${key}`, value, min: range?.min, max: range?.max, step: 1,
    inputmode: "numeric", "data-testid": testid, disabled: readOnly,
  });
  input.addEventListener("change", () => {
    const v = Math.round(Number(input.value));
    state.fieldNote = null;
    if (!Number.isFinite(v) || String(input.value).trim() === "") return void (input.value = value);
    if (range && (v < range.min || v > range.max)) {
      // an impossible size is refused where it was typed, with what is possible, never snapped
      input.value = value;
      return fieldNote(key, t("out_of_range", { value: v, min: range.min, max: range.max }));
    }
    input.value = v;
    if (v !== value) onChange(v);
  });
  return el("label", { class: "field", for: `field-${key}` },
    el("span", {}, label), input, el("small", {}, range ? `${range.min}–${range.max}` : ""));
}

// The boxes for fieldNote, under a row of fields (a note inside a narrow field would push it).
function fieldNotes(...keys) {
  return keys.map((key) => {
    const note = state.fieldNote?.key === key && state.fieldNote.cabinet === state.selected ? state.fieldNote.text : "";
    return el("p", { class: "field-note", role: "alert", "data-testid": `note-${key}`, hidden: !note }, note);
  });
}

// A message under one field of the selected cabinet, kept until the next change there.
function fieldNote(key, text) {
  state.fieldNote = { key, text, cabinet: state.selected };
  let box = document.querySelector(`[data-testid=note-${key}]`);
  const field = document.getElementById(`field-${key}`)?.closest("label");
  if (!box && field) { // a field outside the cabinet's rows (room, openings): its note after it
    box = el("p", { class: "field-note", role: "alert", "data-testid": `note-${key}` });
    field.after(box);
  }
  if (box) {
    box.textContent = text;
    box.hidden = false;
  }
}

function swatches(label, codes, current, onPick) {
  return el("fieldset", { class: "swatches" }, el("legend", {}, label),
    ...codes.map((code) => {
      const m = state.materials.get(code);
      return el("button", {
        type: "button", class: "swatch", "aria-pressed": String(code === current), title: m ? named(m) : code,
        "aria-label": m ? named(m) : code, "data-testid": `swatch-${label === t("carcass_material") ? "carcass" : "front"}-${code}`,
        disabled: readOnly, onclick: () => onPick(code),
      }, el("svg", { viewBox: "0 0 24 24", width: 24, height: 24, "aria-hidden": "true" }, el("circle", { cx: 12, cy: 12, r: 11, fill: m?.color ?? "#ccc" })));
    }),
    el("span", { class: "swatch-name" }, state.materials.get(current) ? named(state.materials.get(current)) : current ?? ""));
}

function renderProperties() {
  const focused = document.activeElement?.closest?.("#properties [data-testid]")?.dataset.testid;
  drawProperties();
  if (focused) document.querySelector(`#properties [data-testid="${focused}"]`)?.focus();
}

function drawProperties() {
  const box = $("properties");
  const c = state.doc.cabinets.find((x) => x.id === state.selected);
  if (!c) return box.replaceChildren(el("p", { class: "muted" }, t("nothing_selected")));
  const template = state.templates.get(c.template) ?? {};
  const all = walls(state.doc.room.outline_mm);
  const set = (key) => (v) => updateCabinet(c.id, (x) => { x[key] = v; });
  const wallSelect = el("select", { id: "field-wall", disabled: readOnly, "data-testid": "cabinet-wall" },
    ...all.map((w) => el("option", { value: w.index, selected: w.index === c.wall }, t("wall_n", { n: w.index + 1, length: w.length }))));
  wallSelect.addEventListener("change", () => moveToWall(c, Number(wallSelect.value)));
  box.replaceChildren(
    el("p", { class: "prop-title" }, el("strong", {}, template.name ? named(template) : c.template), ` · ${c.id}`),
    el("div", { class: "grid3" },
      numberField(t("width"), "width", c.width_mm, template.width_mm, (v) => resize(c, v), "cabinet-width"),
      numberField(t("height"), "height", c.height_mm, template.height_mm, set("height_mm"), "cabinet-height"),
      numberField(t("depth"), "depth", c.depth_mm, template.depth_mm, set("depth_mm"), "cabinet-depth")),
    ...fieldNotes("width", "height", "depth"),
    el("div", { class: "grid2" },
      el("label", { class: "field", for: "field-wall" }, el("span", {}, t("wall")), wallSelect),
      numberField(t("offset"), "offset", c.offset_mm ?? 0, { min: 0, max: all[c.wall]?.length ?? 0 }, (v) => moveAlongWall(c.id, v), "cabinet-offset")),
    ...fieldNotes("offset"),
    swatches(t("carcass_material"), template.carcass_materials ?? [], c.carcass_material, set("carcass_material")),
    template.fronts === "none" ? null : swatches(t("front_material"), template.front_materials ?? [], c.front_material, set("front_material")),
    interiorEditor(c),
    readOnly ? null : el("p", { class: "row" },
      el("button", { type: "button", "data-testid": "duplicate", onclick: () => duplicate(c) }, t("duplicate")),
      el("button", { type: "button", class: "danger", "data-testid": "delete", onclick: () => remove(c) }, t("delete"))),
    el("p", { class: "notice", id: "prop-notice", role: "alert" }),
  );
}

function notice(text) {
  const box = $("prop-notice") ?? $("gallery-notice");
  if (box) box.textContent = text;
}

// What else is taken on wall `index` at the heights `c` fills (its band; `c` not counted).
function takenFor(c, index) {
  return taken(state.doc, index, { except: c.id, reach: c.depth_mm, band: heightBand(c, state.templates), templates: state.templates });
}

function resize(c, width) {
  const wall = walls(state.doc.room.outline_mm)[c.wall];
  const others = takenFor(c, c.wall);
  if (wall && collides(others, wall.length, c.offset_mm ?? 0, width)) {
    renderProperties();
    return fieldNote("width", t("too_wide_here", { width, free: freeFrom(others, wall.length, c.offset_mm ?? 0) }));
  }
  updateCabinet(c.id, (x) => { x.width_mm = width; });
}

function moveToWall(c, index) {
  const wall = walls(state.doc.room.outline_mm)[index];
  const offset = firstFree(takenFor(c, index), wall.length, c.width_mm);
  if (offset === null) {
    renderProperties();
    return notice(t("no_room_on_wall", { width: c.width_mm }));
  }
  updateCabinet(c.id, (x) => { x.wall = index; x.offset_mm = offset; });
}

function duplicate(c) {
  const wall = walls(state.doc.room.outline_mm)[c.wall];
  const offset = firstFree(takenFor({ ...c, id: null }, c.wall), wall.length, c.width_mm);
  if (offset === null) return notice(t("no_room_on_wall", { width: c.width_mm }));
  const doc = editable(state.doc);
  const copy = { ...editable(c), id: newId(doc, c.template), offset_mm: offset };
  doc.cabinets.push(copy);
  state.selected = copy.id;
  commit(doc);
}

function remove(c) {
  const doc = editable(state.doc);
  doc.cabinets = doc.cabinets.filter((x) => x.id !== c.id);
  state.selected = null;
  commit(doc);
}

// The room: ceiling, wall lengths (typed), doors and windows on the walls.
function renderRoom() {
  const room = state.doc.room;
  const all = walls(room.outline_mm);
  const editRoom = (change) => {
    const doc = editable(state.doc);
    if (change(doc.room) === false) return;
    commit(doc);
  };
  const wallOptions = (current) => all.map((w) => el("option", { value: w.index, selected: w.index === current }, t("wall_n", { n: w.index + 1, length: w.length })));
  const openings = (room.openings || []).map((o, i) => {
    const wall = el("select", { id: `opening-wall-${i}`, disabled: readOnly }, ...wallOptions(o.wall));
    wall.addEventListener("change", () => editRoom((r) => { r.openings[i].wall = Number(wall.value); r.openings[i].offset_mm = 0; }));
    return el("div", { class: "opening-row" },
      el("p", { class: "opening-title" }, el("strong", {}, t(o.kind)), ` ${o.id}`,
        readOnly ? null : el("button", { type: "button", class: "small", onclick: () => editRoom((r) => { r.openings.splice(i, 1); }) }, t("remove"))),
      el("div", { class: "grid3" },
        el("label", { class: "field wide", for: `opening-wall-${i}` }, el("span", {}, t("wall")), wall),
        numberField(t("offset"), `opening-offset-${i}`, o.offset_mm, { min: 0, max: all[o.wall]?.length ?? 0 }, (v) => editRoom((r) => { r.openings[i].offset_mm = v; })),
        numberField(t("width"), `opening-width-${i}`, o.width_mm, { min: 300, max: all[o.wall]?.length ?? 3000 }, (v) => editRoom((r) => { r.openings[i].width_mm = v; })),
        numberField(t("opening_height"), `opening-height-${i}`, o.height_mm, { min: 300, max: room.ceiling_mm }, (v) => editRoom((r) => { r.openings[i].height_mm = v; })),
        o.kind === "door" ? null : numberField(t("sill"), `opening-sill-${i}`, o.sill_mm ?? 0, { min: 0, max: room.ceiling_mm - 300 }, (v) => editRoom((r) => { r.openings[i].sill_mm = v; }))));
  });
  const addOpening = (kind) => editRoom((r) => {
    const index = Number($("room-wall")?.value ?? 0);
    const width = kind === "door" ? 900 : 1200;
    const used = new Set((r.openings || []).map((o) => o.id));
    let n = 1;
    while (used.has(`${kind[0]}${n}`)) n += 1;
    r.openings = [...(r.openings || []), {
      id: `${kind[0]}${n}`, kind, wall: index, offset_mm: Math.max(0, Math.round((all[index].length - width) / 2)),
      width_mm: width, height_mm: kind === "door" ? 2100 : 1400, sill_mm: kind === "door" ? 0 : 900,
    }];
  });
  $("room").replaceChildren(
    el("div", { class: "grid2" },
      numberField(t("ceiling"), "ceiling", room.ceiling_mm, { min: 2000, max: 4500 }, (v) => editRoom((r) => { r.ceiling_mm = v; }), "room-ceiling"),
      ...all.map((w) => numberField(t("wall_length", { n: w.index + 1 }), `wall-${w.index}`, w.length, { min: 300, max: 30000 }, (v) => editRoom((r) => {
        const outline = resizeWall(r.outline_mm, w.index, v);
        if (!outline) return renderRoomNotice(t("cannot_resize"));
        r.outline_mm = outline;
      }), `wall-length-${w.index + 1}`))),
    el("h3", { class: "sub" }, t("openings")),
    ...openings,
    el("h3", { class: "sub" }, t("obstacles")),
    ...(room.obstacles || []).map((o, i) => obstacleRow(o, i, all, wallOptions, editRoom)),
    readOnly ? null : el("div", { class: "row add-on-wall" },
      el("label", { class: "inline", for: "room-wall" }, t("on_wall"), el("select", { id: "room-wall" }, ...wallOptions(Number($("room-wall")?.value ?? 0)))),
      el("button", { type: "button", class: "small", "data-testid": "add-door", onclick: () => addOpening("door") }, t("add_door")),
      el("button", { type: "button", class: "small", "data-testid": "add-window", onclick: () => addOpening("window") }, t("add_window")),
      ...Object.keys(KINDS).map((kind) => el("button", {
        type: "button", class: "small", "data-testid": `add-${kind.replace("_", "-")}`,
        onclick: () => editRoom((r) => { r.obstacles = [...(r.obstacles || []), addedObstacle(r, kind, Number($("room-wall")?.value ?? 0))]; }),
      }, t(`add_${kind}`)))),
    el("p", { class: "notice", id: "room-notice", role: "alert" }));
}

// What a new obstacle on wall `index` keeps clear of: the cabinets and columns at its heights
// (a beam: the top 300 mm) and the doors and windows there (their symbols in the plan).
function busyFor(room, kind, index) {
  const band = kind === "beam" ? [room.ceiling_mm - KINDS.beam.drop, room.ceiling_mm] : [0, room.ceiling_mm];
  const openings = (room.openings || []).filter((o) => o.wall === index).map((o) => [o.offset_mm, o.offset_mm + o.width_mm]);
  return [...taken({ ...state.doc, room }, index, { band, templates: state.templates }), ...openings];
}

// A new obstacle clear of what is on its wall; a beam on a wall with no free span left sits
// on the tallest cabinet under it rather than through it.
function addedObstacle(room, kind, index) {
  const obstacle = newObstacle(room, kind, index, busyFor(room, kind, index));
  const place = placeOf(room.outline_mm, obstacle);
  if (kind !== "beam" || !place) return obstacle;
  const tops = state.doc.cabinets
    .filter((c) => c.wall === index && (c.offset_mm ?? 0) < place.offset + place.width && (c.offset_mm ?? 0) + c.width_mm > place.offset)
    .map((c) => heightBand(c, state.templates)[1]);
  const top = Math.max(0, ...tops);
  if (top > obstacle.bottom_mm && top < room.ceiling_mm) obstacle.bottom_mm = top;
  return obstacle;
}

// One beam, column or pipe box: against a wall, its place and size typed; else only removable.
function obstacleRow(o, i, all, wallOptions, editRoom) {
  const place = placeOf(state.doc.room.outline_mm, o);
  const key = `obstacle-${i}`;
  const move = (change) => editRoom((r) => { r.obstacles[i] = moveObstacle(r.outline_mm, r.obstacles[i], { ...place, ...change }); });
  const title = el("p", { class: "opening-title" }, el("strong", {}, t(o.kind)), ` ${o.id}`,
    readOnly ? null : el("button", { type: "button", class: "small", "data-testid": `remove-${o.id}`, onclick: () => editRoom((r) => { r.obstacles.splice(i, 1); }) }, t("remove")));
  if (!place) return el("div", { class: "opening-row", "data-testid": `obstacle-${o.id}` }, title, el("p", { class: "muted small" }, t("free_shape")));
  const wall = el("select", { id: `${key}-wall`, disabled: readOnly, "data-testid": `${key}-wall` }, ...wallOptions(place.wall));
  wall.addEventListener("change", () => move({ wall: Number(wall.value), offset: 0 }));
  const length = all[place.wall].length;
  const heights = o.kind === "beam"
    ? numberField(t("beam_bottom"), `${key}-bottom`, o.bottom_mm ?? 0, { min: 0, max: state.doc.room.ceiling_mm }, (v) => editRoom((r) => { r.obstacles[i].bottom_mm = v; }), `${key}-bottom`)
    : null;
  return el("div", { class: "opening-row", "data-testid": `obstacle-${o.id}` }, title,
    el("div", { class: "grid2" },
      el("label", { class: "field", for: `${key}-wall` }, el("span", {}, t("wall")), wall),
      numberField(t("offset"), `${key}-offset`, place.offset, { min: 0, max: length - place.width }, (v) => move({ offset: v }), `${key}-offset`),
      numberField(t("width"), `${key}-width`, place.width, { min: 10, max: length }, (v) => move({ width: v }), `${key}-width`),
      numberField(t("obstacle_depth"), `${key}-depth`, place.depth, { min: 10, max: 2000 }, (v) => move({ depth: v }), `${key}-depth`),
      heights));
}

function renderRoomNotice(text) {
  renderRoom();
  $("room-notice").textContent = text;
  return false;
}

// The interior: the template's standard one, or sections with their widths and shelves.
function interiorEditor(c) {
  const box = el("fieldset", { class: "interior" }, el("legend", {}, t("interior")));
  const sections = c.interior?.sections;
  if (!sections) {
    box.append(el("p", { class: "muted small" }, t("interior_default")));
    if (!readOnly) box.append(el("button", { type: "button", class: "small", "data-testid": "customise-interior", onclick: () => customise(c) }, t("customise_interior")));
    return box;
  }
  const shelvesOf = (s) => (s.items || []).filter((i) => i.kind === "shelf").length;
  const setSections = (change) => updateCabinet(c.id, (x) => { change(x.interior.sections); });
  box.append(numberField(t("sections"), "sections", sections.length, { min: 1, max: 8 }, (n) => setSections((list) => {
    while (list.length < n) list.push(editable(list[list.length - 1]));
    list.length = n;
  }), "interior-sections"));
  box.append(interiorView(c, {
    pick: state.pick, readOnly,
    onPick: (pick) => { state.pick = pick; renderProperties(); },
    onChange: (interior, pick) => { state.pick = pick; updateCabinet(c.id, (x) => { x.interior = interior; }); },
  }));
  sections.forEach((s, i) => {
    const width = el("input", { type: "number", id: `section-width-${i}`, value: s.width_mm ?? "", placeholder: t("section_auto"), min: 100, max: c.width_mm, step: 1, disabled: readOnly, "data-testid": `section-width-${i + 1}` });
    width.addEventListener("change", () => setSections((list) => { list[i].width_mm = width.value === "" ? null : Math.round(Number(width.value)); }));
    box.append(el("div", { class: "grid2 section-row" },
      el("label", { class: "field", for: `section-width-${i}` }, el("span", {}, t("section_width", { n: i + 1 })), width),
      numberField(t("shelves"), `shelves-${i}`, shelvesOf(s), { min: 0, max: 12 }, (n) => setSections((list) => {
        const keep = (list[i].items || []).filter((item) => item.kind !== "shelf");
        list[i].items = [...keep, ...shelfHeights(n, c.height_mm - 400).map((at) => ({ kind: "shelf", at_mm: at }))];
      }), `section-shelves-${i + 1}`)));
  });
  if (!readOnly) box.append(el("button", { type: "button", class: "small", onclick: () => updateCabinet(c.id, (x) => { x.interior = null; }) }, t("standard_interior")));
  return box;
}

function customise(c) {
  const count = Math.max(1, Math.round(c.width_mm / 600));
  const items = shelfHeights(3, c.height_mm - 400).map((at) => ({ kind: "shelf", at_mm: at }));
  updateCabinet(c.id, (x) => { x.interior = { sections: Array.from({ length: count }, () => ({ width_mm: null, items: editable(items) })) }; });
}

// --- the gallery --------------------------------------------------------------------------------

function openGallery() {
  const all = walls(state.doc.room.outline_mm);
  const current = state.doc.cabinets.find((c) => c.id === state.selected)?.wall ?? 0;
  $("gallery-wall").replaceChildren(...all.map((w) => el("option", { value: w.index, selected: w.index === current }, t("wall_n", { n: w.index + 1, length: w.length }))));
  $("gallery-notice").textContent = "";
  $("fill-proposals").replaceChildren();
  $("templates").replaceChildren(...[...state.templates.values()].map((x) => el("li", { class: "template-card" },
    el("button", { type: "button", class: "template", "data-testid": `template-${x.code}`, onclick: () => place(x) },
      templatePicture(x, state.materials),
      el("span", { class: "template-name" }, named(x)),
      el("span", { class: "template-size" }, `${x.width_mm.min}–${x.width_mm.max} × ${x.height_mm.default} mm`)),
    el("button", { type: "button", class: "small fill", "data-testid": `fill-${x.code}`, "aria-label": `${t("fill_wall")}: ${named(x)}`, onclick: () => proposeFill(x) }, t("fill_wall")))));
  $("gallery").showModal();
}

// "Fill this wall": the server's checked proposals for the free spans, each a JSON Patch.
async function proposeFill(template) {
  const wall = Number($("gallery-wall").value);
  const box = $("fill-proposals");
  box.replaceChildren(el("li", { class: "muted" }, t("checking")));
  try {
    const answer = await api("POST", `/api/v1/preview/fill?wall=${wall}&template=${encodeURIComponent(template.code)}&lang=${lang}`, { body: state.doc });
    const offers = answer.spans.filter((s) => s.proposal);
    box.replaceChildren(...(offers.length ? offers.map((s) => el("li", {},
      el("button", { type: "button", class: "fix", "data-testid": "fill-proposal", onclick: () => {
        commit(applyPatch(state.doc, s.proposal.patch));
        $("gallery").close();
      } }, s.proposal.message))) : [el("li", { class: "muted" }, t("fill_none"))]));
  } catch (error) {
    box.replaceChildren(el("li", { class: "notice" }, error.message));
  }
}

function place(template) {
  const index = Number($("gallery-wall").value);
  const wall = walls(state.doc.room.outline_mm)[index];
  const depth = template.depth_mm.default;
  const height = Math.min(template.height_mm.default, state.doc.room.ceiling_mm - 100);
  const bottom = template.elevation_mm ?? 0;
  const intervals = taken(state.doc, index, { reach: depth, band: [bottom, bottom + height], templates: state.templates });
  const widths = [template.width_mm.default, ...template.standard_widths_mm.slice().sort((a, b) => b - a), template.width_mm.min];
  for (const width of widths) {
    const offset = template.corner === "l"
      ? cornerEnd(intervals, wall.length, width)
      : firstFree(intervals, wall.length, width);
    if (offset === null) continue;
    const doc = editable(state.doc);
    const id = newId(doc, template.code);
    doc.cabinets.push({
      id, template: template.code, wall: index, offset_mm: offset, width_mm: width,
      height_mm: height,
      depth_mm: depth, carcass_material: template.carcass_materials[0],
      front_material: template.front_materials[0], options: {}, interior: null,
    });
    state.selected = id;
    commit(doc);
    $("gallery").close();
    return;
  }
  $("gallery-notice").textContent = t("no_room_on_wall", { width: template.width_mm.min });
}

// --- evaluation, model, saving ------------------------------------------------------------------

const latestEvaluation = new Latest();
let buildable = true; // as the last evaluation found the design
const evaluate = debounce(async () => {
  const { signal, isLatest } = latestEvaluation.next();
  const sent = state.doc;
  const editAt = timings.lastEdit;
  $("price-total").classList.add("stale");
  try {
    const answer = await api("POST", `/api/v1/evaluate?lang=${lang}`, { body: sent, signal });
    if (!isLatest()) return;
    renderEvaluation(answer);
    // a cabinet the server could not build: its 3D model would be refused, the last one stays
    buildable = (answer.parts_summary?.cabinets ?? 0) === sent.cabinets.length;
    if (editAt) timings.edits.push({ kind: "price", ms: performance.now() - editAt });
  } catch (error) {
    if (error.name === "AbortError" || !isLatest()) return;
    buildable = false;
    renderProblems(error instanceof ApiError && error.body?.error?.problems ? error.body.error.problems : [], error.message);
  } finally {
    if (isLatest()) {
      $("price-total").classList.remove("stale");
      if (buildable) model.now(sent); // the design evaluated, not an edit made since
      else $("model-note").hidden = false;
      elevation();
    }
  }
}, 25);

// The elevation of the selected cabinet's wall, drawn by the server, instead of the plan.
const latestElevation = new Latest();
async function elevation() {
  if ($("elevation").hidden) return;
  const wall = state.doc.cabinets.find((c) => c.id === state.selected)?.wall ?? 0;
  const { signal, isLatest } = latestElevation.next();
  try {
    const response = await api("POST", `/api/v1/preview/elevation/${wall}.svg`, { body: state.doc, signal, raw: true });
    const svg = await response.text();
    if (isLatest()) $("elevation").src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  } catch { /* the plan stays the way back */ }
}

const latestModel = new Latest();
let pendingModel = null;
const model = debounce(async (doc = state.doc) => {
  const { signal, isLatest } = latestModel.next();
  const editAt = timings.lastEdit;
  try {
    const response = await api("POST", "/api/v1/preview/model.glb", { body: doc, signal, raw: true });
    const buffer = await response.arrayBuffer();
    if (!isLatest()) return;
    $("model-note").hidden = true;
    if (!viewer) return void (pendingModel = buffer);
    await viewer.load(buffer);
    if (editAt) timings.edits.push({ kind: "model", ms: performance.now() - editAt });
  } catch (error) {
    if (error.name === "AbortError" || !isLatest()) return;
    $("model-note").hidden = false;
  }
}, 0);

function renderEvaluation(answer) {
  const price = answer.price;
  $("price-total").textContent = money(price.total);
  $("price-tax").textContent = `${t("tax_included")} ${money(price.tax_included)} · ${t("deposit")} ${money(price.deposit)}`;
  const promos = [
    ...price.promotions.applied.map((p) => el("li", { class: "applied" }, el("span", {}, named(p)), el("span", { class: "amount" }, `−${money(p.discount)}`))),
    ...price.promotions.not_applied.filter((p) => p.reason.startsWith("spend_more")).map((p) => el("li", { class: "upsell", "data-testid": "upsell" }, p.message)),
  ];
  $("promotions").replaceChildren(...promos);
  $("totals").replaceChildren(...[["subtotal", price.subtotal], ["discount", `-${price.discount}`], ["total", price.total], ["deposit", price.deposit], ["balance", price.balance]]
    .flatMap(([key, amount]) => [el("dt", {}, t(key)), el("dd", {}, money(amount))]));
  const byCabinet = new Map();
  for (const line of price.lines) {
    const key = line.cabinet || "";
    if (!byCabinet.has(key)) byCabinet.set(key, []);
    byCabinet.get(key).push(line);
  }
  $("lines").replaceChildren(...[...byCabinet].map(([cabinet, lines]) => el("details", { class: "cabinet-lines" },
    el("summary", {}, cabinet || t("item")),
    el("table", {}, el("tbody", {}, ...lines.map((line) => el("tr", {},
      el("td", {}, lang === "zh-CN" ? line.description_zh : line.description),
      el("td", { class: "num" }, money(line.amount)))))))));
  renderProblems(answer.problems);
}

function cabinetOf(problem) {
  const p = problem.params || {};
  if (typeof p.cabinet === "string") return p.cabinet;
  const index = /^\/cabinets\/(\d+)/.exec(problem.path || "");
  if (index) return state.doc.cabinets[Number(index[1])]?.id ?? null;
  const part = p.part_id || p.part;
  if (typeof part === "string") {
    const owner = state.doc.cabinets.map((c) => c.id).filter((id) => part.startsWith(`${id}-`)).sort((a, b) => b.length - a.length)[0];
    if (owner) return owner;
  }
  return null;
}

function renderProblems(problems, failure = "") {
  state.flagged = new Set(problems.filter((p) => p.severity === "error").map(cabinetOf).filter(Boolean));
  const items = groupProblems(problems).map(({ problem: p, count, others, fixes: offered }) => {
    const cabinet = cabinetOf(p);
    const fixes = readOnly ? [] : offered.map(({ fix, first }) => el("button", {
      type: "button", class: first ? "fix small" : "fix small same", "data-testid": `fix-${p.code}`,
      onclick: () => applyFix(fix),
    }, first ? fix.message : t("same_fix")));
    return el("li", {
      class: `problem ${p.severity}`, "data-code": p.code, "data-cabinet": cabinet ?? "", "data-count": count,
      onmouseenter: () => cabinet && highlightOnly(cabinet), onmouseleave: () => highlightOnly(state.selected),
    },
    el("button", { type: "button", class: "problem-text", onclick: () => cabinet && select(cabinet) },
      el("span", { class: "severity" }, t(p.severity === "error" ? "error" : "warning")), " ", p.message,
      count > 1 ? el("span", { class: "count", "data-testid": "problem-count" }, ` ×${count}`) : null,
      others.length ? el("span", { class: "also muted small" }, t("also_for"), others.join(", ")) : null),
    fixes.length ? el("div", { class: "fixes" }, el("span", { class: "muted small" }, t("apply_fix")), ...fixes) : p.fix ? el("p", { class: "muted small" }, p.fix) : null);
  });
  if (failure && !items.length) items.push(el("li", { class: "problem error" }, failure));
  $("problem-list").replaceChildren(...(items.length ? items : [el("li", { class: "ok" }, t("no_problems"))]));
  renderList();
  plan.render(state.doc, { selected: state.selected, flagged: state.flagged, colors: frontColors() });
  viewer?.highlight(state.selected, state.flagged);
}

function highlightOnly(id) {
  plan.render(state.doc, { selected: id, flagged: state.flagged, colors: frontColors() });
  viewer?.highlight(id, state.flagged);
}

function applyFix(fix) {
  try {
    commit(applyPatch(state.doc, fix.patch));
  } catch (error) {
    evaluate.now(); // the document moved on since the fix was made: ask again
  }
}

const save = (() => {
  let timer = null;
  let running = null;
  let dirty = false;
  let conflict = false;
  const later = () => {
    dirty = true;
    setStatus(t("unsaved"), "unsaved");
    askWhy();
    clearTimeout(timer);
    timer = setTimeout(run, 700);
  };
  async function run() {
    clearTimeout(timer);
    if (running || conflict || !dirty) return running;
    dirty = false;
    const doc = state.doc;
    setStatus(t("saving"), "saving");
    const note = $("store-bar").hidden ? "" : $("change-note").value.trim();
    running = api("PUT", `/api/v1/designs/${data.design_id}`, { body: note ? { document: doc, note } : { document: doc }, headers: { "If-Match": `"${state.revision}"` } })
      .then((saved) => {
        state.revision = saved.revision;
        remember(saved.id, doc.name);
        if (!dirty) setStatus(t("saved"), "saved");
      })
      .catch((error) => {
        if (error.status === 412) {
          conflict = true;
          setStatus(t("conflict"), "conflict");
          $("conflict").showModal();
        } else {
          dirty = true;
          setStatus(t("save_failed", { reason: error.message }), "failed");
        }
      })
      .finally(() => { running = null; if (dirty && !conflict) later(); });
    return running;
  }
  async function resolve(keepMine) {
    const current = await api("GET", `/api/v1/designs/${data.design_id}`);
    state.revision = current.revision;
    conflict = false;
    $("conflict").close();
    if (keepMine) {
      dirty = true;
      return run();
    }
    history.reset(current.document);
    state.doc = history.present;
    renderAll();
    evaluate.now();
    setStatus(t("saved"), "saved");
  }
  /** Leaving the page: send what is not saved yet, even as the page goes away. */
  function flush() {
    if (!dirty || conflict || readOnly) return;
    const token = document.cookie.split("; ").find((c) => c.startsWith("millwork_csrf="))?.slice(14) ?? "";
    fetch(`/api/v1/designs/${data.design_id}`, {
      method: "PUT", keepalive: true, credentials: "same-origin",
      headers: { "Content-Type": "application/json", "If-Match": `"${state.revision}"`, "X-CSRF-Token": decodeURIComponent(token) },
      body: JSON.stringify({ document: state.doc }),
    });
    dirty = false;
  }
  return { later, run, resolve, flush, get dirty() { return dirty; } };
})();

function setStatus(text, kind = "") {
  const box = $("save-status");
  box.textContent = text;
  box.dataset.state = kind;
}

// --- in-store mode -------------------------------------------------------------------------------

/** A designer or store manager signed in works on a customer's design: shown as such, with
 * the customer's name, and each save carries their note of why (the revision records who
 * saved it: the history shows both). */
async function inStore(design) {
  let me = null;
  try { ({ account: me } = await api("GET", "/api/v1/me")); } catch { return; }
  if (!me || !["designer", "store_manager"].includes(me.role)) return;
  document.body.classList.add("in-store");
  $("store-bar").hidden = false;
  $("store-badge").textContent = t("in_store", { login: me.login });
  if (design.owner === me.id) return;
  state.overriding = true;
  try {
    await loadPeople();
    const owner = state.people.get(design.owner);
    $("customer-name").hidden = false;
    $("customer-name").textContent = t("customer_is", { name: owner?.name || t("customer_visitor") });
  } catch { /* the badge says enough */ }
}

/** The names and roles of the design's owner and authors (GET …/people). */
async function loadPeople() {
  const { people } = await api("GET", `/api/v1/designs/${data.design_id}/people`);
  state.people = new Map(people.map((p) => [p.id, p]));
}

/** In store, on a customer's design: an edit waits for its why only in that the field asks
 * for it (autosave never loses the edit); the revision is saved with what is there. */
function askWhy() {
  const note = $("change-note");
  const missing = Boolean(state.overriding) && !note.value.trim();
  note.classList.toggle("needs-note", missing);
  note.setAttribute("aria-invalid", String(missing));
  note.title = missing ? t("note_needed") : "";
  note.placeholder = missing ? t("note_needed") : "";
  if (missing) setStatus(t("note_needed"), "unsaved");
}

// --- history -----------------------------------------------------------------------------------

/** The last revisions, newest first, each with its price and parts change from the one before. */
async function openHistory() {
  await save.run();
  const list = $("revisions");
  list.replaceChildren(el("li", { class: "muted" }, t("loading")));
  $("history-dialog").showModal();
  const [{ revisions }] = await Promise.all([
    api("GET", `/api/v1/designs/${data.design_id}/revisions`),
    loadPeople().catch(() => {}),
  ]);
  const ownerId = state.people ? [...state.people.keys()][0] : null;
  const who = (id) => {
    const p = state.people?.get(id);
    return p ? `${p.name || t("customer_visitor")} (${t(`role_${p.role}`)})` : String(id);
  };
  const shown = revisions.slice(-10).reverse();
  list.replaceChildren(...shown.map((r) => {
    const change = el("span", { class: "muted small" });
    if (r.number > 1) {
      api("GET", `/api/v1/designs/${data.design_id}/diff?from=${r.number - 1}&to=${r.number}`).then((d) => {
        const sign = d.price.change.startsWith("-") ? "-" : "+";
        change.textContent = t("revision_change", {
          change: `${sign}${money(d.price.change.replace(/^[+-]/, ""))}`,
          added: d.parts.added.length, removed: d.parts.removed.length, changed: d.parts.changed.length,
        });
      }).catch(() => {});
    }
    const override = ownerId !== null && r.author !== ownerId && ["designer", "store_manager"].includes(state.people?.get(r.author)?.role);
    return el("li", { class: `revision${override ? " override" : ""}`, "data-testid": `revision-${r.number}` },
      el("strong", {}, t("revision_n", { n: r.number })),
      el("span", { class: "muted small revision-who" },
        override ? el("span", { class: "override-tag" }, t("override")) : null,
        new Date(r.created_at).toLocaleString(lang), ` · ${t("by_author", { author: who(r.author) })}`, r.note ? `: ${r.note}` : ""),
      change,
      r.number === state.revision ? null : el("button", { type: "button", class: "small", onclick: () => restore(r.number) }, t("restore")));
  }));
}

async function restore(number) {
  const revision = await api("GET", `/api/v1/designs/${data.design_id}/revisions/${number}`);
  $("history-dialog").close();
  commit(revision.document); // one more edit: undo goes back to where you were
}

// --- sharing and quotes -------------------------------------------------------------------------

async function share() {
  await save.run();
  const link = await api("POST", `/api/v1/designs/${data.design_id}/share`);
  const url = `${location.origin}${link.url}`;
  const box = $("share-link");
  box.hidden = false;
  box.replaceChildren(t("share_copied"), " ", el("a", { href: link.url, "data-testid": "share-url" }, url));
  navigator.clipboard?.writeText(url).catch(() => {});
}

async function requestQuote() {
  await save.run();
  const me = await api("GET", "/api/v1/me");
  if (!me.account || me.account.role === "anonymous") return $("sign-in").showModal(); // a quote names a person
  try {
    const quote = await api("POST", `/api/v1/designs/${data.design_id}/quotes?lang=${lang}`);
    location.assign(`/quotes/${encodeURIComponent(quote.number)}?from=${encodeURIComponent(data.design_id)}`);
  } catch (error) {
    if (error.status === 401 || error.status === 403) return $("sign-in").showModal();
    if (error.body?.error?.problems) renderProblems(error.body.error.problems);
    setStatus(error.message, "failed");
  }
}

async function signIn(url) {
  const form = $("sign-in-form");
  if (!form.reportValidity()) return;
  try {
    await api("POST", url, { body: { login: $("login").value, password: $("password").value } });
    $("sign-in").close();
    requestQuote();
  } catch (error) {
    $("sign-in-notice").textContent = error.message;
  }
}

// --- controls -----------------------------------------------------------------------------------

function wireControls() {
  // usable once the design and the catalogue are in (the page's buttons start disabled)
  for (const id of ["history", "share", "request-quote", "add-cabinet", "elevation-toggle", "doors"]) $(id).disabled = false;
  document.body.dataset.ready = "true";
  $("undo").addEventListener("click", undo);
  $("redo").addEventListener("click", redo);
  $("add-cabinet").addEventListener("click", openGallery);
  $("gallery-close").addEventListener("click", () => $("gallery").close());
  $("share").addEventListener("click", share);
  $("history").addEventListener("click", openHistory);
  $("history-close").addEventListener("click", () => $("history-dialog").close());
  $("request-quote").addEventListener("click", requestQuote);
  $("load-theirs").addEventListener("click", () => save.resolve(false));
  $("keep-mine").addEventListener("click", () => save.resolve(true));
  $("sign-in-cancel").addEventListener("click", () => $("sign-in").close());
  $("sign-in-form").addEventListener("submit", (e) => { e.preventDefault(); signIn("/api/v1/session"); });
  $("sign-up").addEventListener("click", () => signIn("/api/v1/accounts"));
  $("change-note").addEventListener("input", () => { if (state.overriding) askWhy(); });
  $("design-name").addEventListener("change", () => {
    const doc = editable(state.doc);
    doc.name = $("design-name").value.trim() || doc.name || t("new_design_name");
    commit(doc);
  });
  $("elevation-toggle").addEventListener("click", () => {
    const on = $("elevation-toggle").getAttribute("aria-pressed") !== "true";
    $("elevation-toggle").setAttribute("aria-pressed", String(on));
    $("elevation").hidden = !on;
    $("plan").classList.toggle("hidden-view", on);
    $("plan-caption").textContent = t(on ? "elevation" : "plan");
    $("elevation-toggle").textContent = t(on ? "plan" : "elevation");
    elevation();
  });
  $("doors").addEventListener("click", () => {
    const open = $("doors").getAttribute("aria-pressed") !== "true";
    $("doors").setAttribute("aria-pressed", String(open));
    $("doors").textContent = t(open ? "doors_close" : "doors_open");
    viewer?.setDoors(open);
  });
  document.addEventListener("keydown", (e) => {
    if (readOnly || !(e.ctrlKey || e.metaKey)) return;
    const key = e.key.toLowerCase();
    if (e.target instanceof HTMLInputElement && e.target.type === "text") return; // its own undo
    if (key === "z" && !e.shiftKey) { e.preventDefault(); undo(); }
    else if ((key === "z" && e.shiftKey) || key === "y") { e.preventDefault(); redo(); }
    else if (key === "s") { e.preventDefault(); save.run(); }
  });
  addEventListener("pagehide", () => save.flush());
  document.addEventListener("visibilitychange", () => { if (document.visibilityState === "hidden") save.flush(); });
}

main();
