// The elevation editor of a cabinet's interior: its sections seen from the front, with their
// shelves, fixed shelves, rails and drawers. Pick a section and add to it; drag a shelf or
// rail (it snaps to the 32 mm grid) or move it with the arrow keys; type its height. The
// drawing is a sketch in the cabinet's outer size: the server builds the real one and checks it.
import { el, t } from "./page.js";
import { GRID, addItem, drawerStack, moveItem, onGrid, removeItem, sectionWidths } from "./interior.js";

const BOARD = 18; // drawn thickness of a shelf (mm)
const KINDS = ["shelf", "fixed_shelf", "rail", "drawer"];

/**
 * The editor for cabinet `c` (its interior customised). `pick`: {s, i} the section and item
 * picked (i null: the section); `onPick(pick)` and `onChange(interior)` report the user's edits.
 */
export function interiorView(c, { pick, onPick, onChange, readOnly }) {
  const sections = c.interior.sections;
  const [W, H] = [c.width_mm, c.height_mm];
  const widths = sectionWidths(sections, W);
  const chosen = pick && pick.s < sections.length ? pick : { s: 0, i: null };
  const svg = el("svg", {
    class: "interior-view", viewBox: `-20 -20 ${W + 40} ${H + 40}`, role: "group",
    "aria-label": t("interior_view"), "data-testid": "interior-view",
  });
  const y = (at) => H - at;
  const toMm = (event) => {
    const p = new DOMPoint(event.clientX, event.clientY).matrixTransform(svg.getScreenCTM().inverse());
    return H - p.y;
  };
  const layers = [el("rect", { x: 0, y: 0, width: W, height: H, class: "carcass" })];
  let x = 0;
  sections.forEach((section, s) => {
    const w = widths[s];
    const x0 = x;
    x += w;
    layers.push(el("rect", {
      x: x0, y: 0, width: w, height: H, class: `section${s === chosen.s ? " picked" : ""}`,
      "data-testid": `interior-section-${s + 1}`, onpointerdown: () => onPick({ s, i: null }),
    }));
    if (s > 0) layers.push(el("line", { x1: x0, y1: 0, x2: x0, y2: H, class: "divider" }));
    for (const slot of drawerStack(section)) {
      layers.push(itemShape(section.items[slot.index], { s, i: slot.index }, {
        x: x0, w, y: y(slot.top), h: slot.top - slot.bottom, picked: chosen.s === s && chosen.i === slot.index,
      }));
    }
    section.items.forEach((item, i) => {
      if (item.kind === "drawer") return;
      layers.push(itemShape(item, { s, i }, { x: x0, w, y: y(item.at_mm), picked: chosen.s === s && chosen.i === i }));
    });
  });
  svg.replaceChildren(...layers);

  // an item: pick it (click, focus), drag it, keys move it on the grid, Delete removes it
  function itemShape(item, at, { x: x0, w, y: top, h, picked }) {
    const label = t("item_at", { item: t(`item_${item.kind}`), at: item.kind === "drawer" ? "" : item.at_mm });
    const shape = item.kind === "drawer"
      ? el("g", {}, el("rect", { x: x0 + 8, y: top + 4, width: w - 16, height: h - 8, class: "drawer" }),
        el("line", { x1: x0 + w / 2 - 60, y1: top + h / 2, x2: x0 + w / 2 + 60, y2: top + h / 2, class: "pull" }))
      : item.kind === "rail"
        ? el("g", {}, el("line", { x1: x0 + 30, y1: top, x2: x0 + w - 30, y2: top, class: "rail" }),
          el("rect", { x: x0, y: top - 40, width: w, height: 80, class: "hit" }))
        : el("g", {}, el("rect", { x: x0, y: top - BOARD, width: w, height: BOARD, class: item.kind.replace("_", "-") }),
          el("rect", { x: x0, y: top - 40, width: w, height: 80, class: "hit" }));
    const group = el("g", {
      class: `item item-${item.kind}${picked ? " picked" : ""}`, tabindex: readOnly ? null : 0, role: "button",
      "aria-label": label, "aria-pressed": String(picked), "data-testid": `item-${at.s + 1}-${at.i + 1}`,
      "data-kind": item.kind, "data-at": item.at_mm ?? "",
    }, shape, el("title", { text: label }));
    if (picked && item.kind !== "drawer") {
      group.append(el("text", { x: x0 + w - 10, y: top - BOARD - 14, class: "at-label" }, String(item.at_mm)));
    }
    if (readOnly) return group;
    group.addEventListener("focus", () => { if (!picked) onPick(at); });
    group.addEventListener("keydown", (e) => {
      const step = { ArrowUp: GRID, ArrowDown: -GRID }[e.key];
      if (step && item.kind !== "drawer") {
        e.preventDefault();
        onChange(moveItem(c.interior, at.s, at.i, item.at_mm + step, H), at);
      } else if (e.key === "Delete" || e.key === "Backspace") {
        e.preventDefault();
        onChange(removeItem(c.interior, at.s, at.i), { s: at.s, i: null });
      }
    });
    group.addEventListener("pointerdown", (e) => {
      e.stopPropagation();
      if (item.kind === "drawer") return onPick(at);
      e.preventDefault();
      svg.setPointerCapture(e.pointerId);
      let now = item.at_mm;
      const move = (ev) => {
        now = onGrid(toMm(ev), H);
        group.setAttribute("transform", `translate(0 ${item.at_mm - now})`);
      };
      const end = () => {
        svg.removeEventListener("pointermove", move);
        svg.removeEventListener("pointerup", end);
        svg.removeEventListener("pointercancel", end);
        if (now !== item.at_mm) onChange(moveItem(c.interior, at.s, at.i, now, H), at);
        else onPick(at);
      };
      svg.addEventListener("pointermove", move);
      svg.addEventListener("pointerup", end);
      svg.addEventListener("pointercancel", end);
    });
    return group;
  }

  const tools = readOnly ? null : el("div", { class: "interior-tools" },
    el("p", { class: "muted small" }, `${t("section_n", { n: chosen.s + 1 })} · ${t("interior_hint")}`),
    el("div", { class: "row" }, ...KINDS.map((kind) => el("button", {
      type: "button", class: "small", "data-testid": `add-${kind.replace("_", "-")}`,
      onclick: () => onChange(addItem(c.interior, chosen.s, kind, H), { s: chosen.s, i: (sections[chosen.s].items || []).length }),
    }, t("add_item", { item: t(`item_${kind}`) })))),
    pickedItem());
  return el("div", { class: "interior-editor" }, svg, tools);

  // the picked item's height, typed; and a button to remove it
  function pickedItem() {
    const item = chosen.i === null ? null : sections[chosen.s].items?.[chosen.i];
    if (!item) return null;
    const drawer = item.kind === "drawer";
    const input = el("input", {
      type: "number", id: "item-at", step: drawer ? 1 : GRID, min: drawer ? 60 : 0, max: H, inputmode: "numeric",
      value: drawer ? item.height_mm ?? "" : item.at_mm, placeholder: drawer ? t("section_auto") : null, "data-testid": "item-at",
    });
    input.addEventListener("change", () => {
      const v = Math.round(Number(input.value));
      if (drawer) {
        const next = structuredClone(c.interior);
        const it = next.sections[chosen.s].items[chosen.i];
        if (input.value === "" || !Number.isFinite(v)) delete it.height_mm;
        else it.height_mm = Math.max(60, Math.min(H, v));
        return onChange(next, chosen);
      }
      if (Number.isFinite(v)) onChange(moveItem(c.interior, chosen.s, chosen.i, v, H), chosen);
    });
    return el("div", { class: "row picked-item" },
      el("label", { class: "field", for: "item-at" }, el("span", {}, `${t(`item_${item.kind}`)} · ${t(drawer ? "drawer_height" : "item_height")}`), input),
      el("button", { type: "button", class: "small danger", "data-testid": "remove-item", onclick: () => onChange(removeItem(c.interior, chosen.s, chosen.i), { s: chosen.s, i: null }) }, t("remove_item")));
  }
}
