// Gallery pictures: a front view of each template at its default size, drawn from the
// catalogue (its fronts, sizes and first materials).
import { el } from "./page.js";

export function templatePicture(template, materials) {
  const w = template.width_mm.default;
  const h = template.height_mm.default;
  const k = 100 / Math.max(w, h, 1000);
  const [W, H] = [w * k, h * k];
  const x = (120 - W) / 2;
  const y = 110 - H;
  const carcass = materials.get(template.carcass_materials[0])?.color ?? "#eee";
  const front = materials.get(template.front_materials[1] ?? template.front_materials[0])?.color ?? "#d9c6a5";
  const parts = [el("rect", { x, y, width: W, height: H, fill: carcass, stroke: "#3b3b3b", "stroke-width": 1 })];
  const line = (x1, y1, x2, y2) => el("line", { x1, y1, x2, y2, stroke: "#3b3b3b", "stroke-width": 0.8 });
  const handle = (hx, hy, vertical = true) => el("rect", { x: hx - (vertical ? 0.8 : 4), y: hy - (vertical ? 5 : 0.8), width: vertical ? 1.6 : 8, height: vertical ? 10 : 1.6, rx: 0.8, fill: "#2f2f2f" });
  if (template.fronts === "hinged") {
    const doors = Math.max(1, Math.round(w / 550));
    for (let i = 0; i < doors; i += 1) {
      const dx = x + (i * W) / doors;
      parts.push(el("rect", { x: dx + 0.8, y: y + 0.8, width: W / doors - 1.6, height: H - 1.6, fill: front, stroke: "#3b3b3b", "stroke-width": 0.6 }));
      parts.push(handle(i % 2 ? dx + 4 : dx + W / doors - 4, y + Math.min(H / 2, 45)));
    }
  } else if (template.fronts === "sliding") {
    parts.push(el("rect", { x: x + 1, y: y + 1, width: W * 0.52, height: H - 2, fill: front, stroke: "#3b3b3b", "stroke-width": 0.6 }));
    parts.push(el("rect", { x: x + W * 0.48, y: y + 1, width: W * 0.52 - 1, height: H - 2, fill: front, stroke: "#3b3b3b", "stroke-width": 0.6, opacity: 0.9 }));
  } else if (template.fronts === "drawers") {
    const drawers = Math.max(2, Math.round(h / 200));
    for (let i = 0; i < drawers; i += 1) {
      const dy = y + (i * H) / drawers;
      parts.push(el("rect", { x: x + 0.8, y: dy + 0.8, width: W - 1.6, height: H / drawers - 1.6, fill: front, stroke: "#3b3b3b", "stroke-width": 0.6 }));
      parts.push(handle(x + W / 2, dy + H / drawers / 2, false));
    }
  } else if (template.fronts === "none") {
    const shelves = Math.max(2, Math.round(h / 380));
    for (let i = 1; i < shelves; i += 1) parts.push(line(x, y + (i * H) / shelves, x + W, y + (i * H) / shelves));
  }
  return el("svg", { class: "picture", viewBox: "0 0 120 114", width: 120, height: 114, "aria-hidden": "true" },
    el("line", { x1: 4, y1: 110.5, x2: 116, y2: 110.5, stroke: "#cfc8bd", "stroke-width": 1 }), ...parts);
}
