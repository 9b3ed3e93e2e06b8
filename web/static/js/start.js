// The start page: a rectangular room of typed sizes, a demo room, or a design saved before.
import { api, el, recent, remember, t } from "./page.js";
import { lShape, rectangle, uShape } from "./placement.js";
import { closeRoom, formatCorners, nextCorner, parseCorners } from "./drawing.js";

const notice = document.getElementById("start-notice");

async function create(doc) {
  try {
    const saved = await api("POST", "/api/v1/designs", { body: { document: doc, note: "start" } });
    remember(saved.id, saved.name);
    location.assign(`/designs/${encodeURIComponent(saved.id)}`);
  } catch (error) {
    notice.textContent = error.message;
  }
}

const form = document.getElementById("new-room-form");
const corners = document.getElementById("room-corners");

form.addEventListener("submit", (event) => {
  event.preventDefault();
  const number = (id) => Math.round(Number(document.getElementById(id).value));
  const kind = new FormData(event.target).get("shape");
  let outline;
  if (kind === "draw") {
    outline = closeRoom(parseCorners(corners.value) ?? []);
    if (!outline) return void (notice.textContent = t("draw_invalid"));
  } else {
    const shape = { rectangle, l: lShape, u: uShape }[kind] ?? rectangle;
    outline = shape(number("room-width"), number("room-depth"));
  }
  create({
    schema: "millwork/design@1",
    name: t("new_design_name"),
    room: { outline_mm: outline, ceiling_mm: number("room-ceiling"), openings: [], obstacles: [] },
    cabinets: [],
  });
});

// "draw it": click corners on a 10 × 8 m pad with a 1 m grid; the typed field says the same
const pad = document.getElementById("draw-pad");
const [PAD_W, PAD_H] = [10000, 8000];
pad.setAttribute("viewBox", `-200 -200 ${PAD_W + 400} ${PAD_H + 400}`);
const drawn = () => parseCorners(corners.value) ?? [];

function drawPad() {
  const points = drawn();
  const grid = [];
  for (let x = 0; x <= PAD_W; x += 1000) grid.push(el("line", { x1: x, y1: 0, x2: x, y2: PAD_H, class: "grid" }));
  for (let y = 0; y <= PAD_H; y += 1000) grid.push(el("line", { x1: 0, y1: y, x2: PAD_W, y2: y, class: "grid" }));
  const closed = closeRoom(points);
  const flip = (ps) => ps.map(([x, y]) => `${x},${PAD_H - y}`).join(" ");
  pad.replaceChildren(...grid,
    points.length > 1 ? el("polyline", { points: flip(points), class: "drawn" }) : null,
    ...points.map(([x, y]) => el("circle", { cx: x, cy: PAD_H - y, r: 90, class: "corner" })),
    closed && points.length >= 3 ? el("text", { x: 150, y: 450, class: "pad-note", "data-testid": "draw-ok" }, `✓ ${t("draw_ok", { n: closed.length })}`) : null);
}

pad.addEventListener("pointerdown", (event) => {
  const p = new DOMPoint(event.clientX, event.clientY).matrixTransform(pad.getScreenCTM().inverse());
  const at = [Math.min(PAD_W, Math.max(0, p.x)), PAD_H - Math.min(PAD_H, Math.max(0, p.y))];
  const points = drawn();
  points.push(nextCorner(points, at));
  corners.value = formatCorners(points);
  drawPad();
});
corners.addEventListener("input", drawPad);
document.getElementById("draw-undo").addEventListener("click", () => { corners.value = formatCorners(drawn().slice(0, -1)); drawPad(); });
document.getElementById("draw-clear").addEventListener("click", () => { corners.value = ""; drawPad(); });

function showShape() {
  const drawing = form.elements.shape.value === "draw";
  document.getElementById("draw-room").hidden = !drawing;
  for (const label of form.querySelectorAll(".sized")) {
    label.hidden = drawing;
    label.querySelector("input").required = !drawing;
  }
  if (drawing) drawPad();
}
for (const radio of form.elements.shape) radio.addEventListener("change", showShape);
showShape();

for (const button of document.querySelectorAll("button.demo")) {
  button.addEventListener("click", async () => {
    const doc = await api("GET", `/demos/${button.dataset.demo}.json`);
    create({ ...doc, name: button.querySelector(".demo-name").textContent });
  });
}

// designs this browser opened, and those of the account signed in (newest first, once each)
async function saved() {
  const mine = recent();
  try {
    const me = await api("GET", "/api/v1/me");
    if (me.account) {
      const page = await api("GET", "/api/v1/designs?mine=true&limit=20");
      for (const d of page.designs) {
        if (!mine.some((m) => m.id === d.id)) mine.push({ id: d.id, name: d.name, at: d.updated_at });
      }
    }
  } catch { /* the browser's own list is enough */ }
  mine.sort((a, b) => (a.at < b.at ? 1 : -1));
  if (!mine.length) return;
  document.getElementById("saved-list").replaceChildren(...mine.slice(0, 12).map((d) => el("li", {},
    el("a", { href: `/designs/${encodeURIComponent(d.id)}`, "data-testid": `saved-${d.id}` }, d.name || d.id),
    el("span", { class: "muted small" }, ` · ${new Date(d.at).toLocaleString()}`))));
}
saved();
