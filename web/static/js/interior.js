// A cabinet's interior as the elevation editor changes it (DESIGN.md §4: `interior.sections`,
// left to right, each with its items): shelves, fixed shelves and rails at a height on the
// 32 mm system-hole grid, drawers stacked from the bottom. Pure: the server still builds and
// checks every interior (sag, fit, clashes) and says what is wrong.

export const GRID = 32;
export const DRAWER_MM = 200; // a drawer without a height, as drawn (the server's default)
const AT_KINDS = ["shelf", "fixed_shelf", "rail"];

/** `at` mm on the grid, within [0, height]. */
export function onGrid(at, height, grid = GRID) {
  const top = Math.floor(height / grid) * grid;
  return Math.min(top, Math.max(0, Math.round(at / grid) * grid));
}

/** Each section's drawn width: its own, or an equal share of what the others leave. */
export function sectionWidths(sections, width) {
  const given = sections.reduce((sum, s) => sum + (s.width_mm ?? 0), 0);
  const shared = sections.filter((s) => s.width_mm == null).length;
  const share = shared ? Math.max(0, width - given) / shared : 0;
  return sections.map((s) => s.width_mm ?? share);
}

/** The drawers of a section stacked from the bottom: [{index, bottom, top}] in mm. */
export function drawerStack(section) {
  let z = 0;
  return (section.items || []).flatMap((item, index) => {
    if (item.kind !== "drawer") return [];
    const height = item.height_mm ?? DRAWER_MM;
    const slot = { index, bottom: z, top: z + height };
    z += height;
    return [slot];
  });
}

/** Where a new shelf, fixed shelf or rail goes in a section `height` mm high: the middle of
 * the tallest free span (above the drawers, between the items there), on the grid. */
export function freeHeight(section, height) {
  const stack = drawerStack(section);
  const floor = stack.length ? stack[stack.length - 1].top : 0;
  const taken = [floor, ...(section.items || []).filter((i) => AT_KINDS.includes(i.kind)).map((i) => i.at_mm), height].sort((a, b) => a - b);
  let best = [taken[0], taken[1]];
  for (let k = 2; k < taken.length; k += 1) {
    if (taken[k] - taken[k - 1] > best[1] - best[0]) best = [taken[k - 1], taken[k]];
  }
  return onGrid((best[0] + best[1]) / 2, height);
}

/** The interior with one more item of `kind` in section `s`. */
export function addItem(interior, s, kind, height) {
  return changeSection(interior, s, (section) => {
    const item = kind === "drawer" ? { kind } : { kind, at_mm: freeHeight(section, height) };
    return { ...section, items: [...(section.items || []), item] };
  });
}

/** The interior with item `i` of section `s` moved to `at` mm (on the grid). */
export function moveItem(interior, s, i, at, height) {
  return changeSection(interior, s, (section) => ({
    ...section, items: section.items.map((item, k) => (k === i ? { ...item, at_mm: onGrid(at, height) } : item)),
  }));
}

/** The interior without item `i` of section `s`. */
export function removeItem(interior, s, i) {
  return changeSection(interior, s, (section) => ({ ...section, items: section.items.filter((_, k) => k !== i) }));
}

function changeSection(interior, s, change) {
  return { ...interior, sections: interior.sections.map((section, k) => (k === s ? change(section) : section)) };
}
