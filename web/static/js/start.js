// The start page: a rectangular room of typed sizes, a demo room, or a design saved before.
import { api, el, recent, remember, t } from "./page.js";
import { lShape, rectangle, uShape } from "./placement.js";

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

document.getElementById("new-room-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const number = (id) => Math.round(Number(document.getElementById(id).value));
  const shape = { rectangle, l: lShape, u: uShape }[new FormData(event.target).get("shape")] ?? rectangle;
  create({
    schema: "millwork/design@1",
    name: t("new_design_name"),
    room: { outline_mm: shape(number("room-width"), number("room-depth")), ceiling_mm: number("room-ceiling"), openings: [], obstacles: [] },
    cabinets: [],
  });
});

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
