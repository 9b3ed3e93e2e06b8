// The sales view: leads by source, by store and by state, with conversion; the recent leads.
import { api, el, t } from "./page.js";
import { leadEntry, staffAccount, tick } from "./staff.js";

const $ = (id) => document.getElementById(id);
const STATES = ["pooled", "assigned", "accepted", "won", "lost"];
const percent = (x) => `${(x * 100).toFixed(1)} %`;

function row(label, g, testid) {
  return el("tr", { "data-testid": testid },
    el("th", { scope: "row" }, label),
    el("td", { class: "num" }, g.leads), el("td", { class: "num" }, g.accepted),
    el("td", { class: "num" }, g.won), el("td", { class: "num" }, percent(g.conversion)));
}

async function load() {
  const [summary, leads] = await Promise.all([api("GET", "/api/v1/leads/summary"), api("GET", "/api/v1/leads?limit=20")]);
  $("by-source").replaceChildren(...summary.by_source.map((g) => row(t(`source_${g.source}`), g, `source-row-${g.source}`)));
  $("by-store").replaceChildren(...summary.by_store.map((g) => row(g.store_id ?? t("pool"), g, `store-row-${g.store_id ?? "pool"}`)));
  $("state-head").append(...STATES.map((s) => el("th", { scope: "col", class: "num" }, t(`state_${s}`))));
  const cells = new Map();
  for (const c of summary.counts) {
    const key = `${c.source}|${c.store_id ?? ""}`;
    if (!cells.has(key)) cells.set(key, { source: c.source, store: c.store_id, n: {} });
    cells.get(key).n[c.state] = c.count;
  }
  $("by-state").replaceChildren(...[...cells.values()].map((c) => el("tr", { "data-testid": `count-row-${c.source}-${c.store ?? "pool"}` },
    el("th", { scope: "row" }, t(`source_${c.source}`)), el("td", {}, c.store ?? t("pool")),
    STATES.map((s) => el("td", { class: "num" }, c.n[s] ?? 0)))));
  $("lead-list").replaceChildren(...leads.leads.map((lead) => leadEntry(lead, null)));
  tick();
}

if (await staffAccount(["sales", "store_manager"])) {
  await load().catch((error) => { $("workspace-notice").textContent = error.message; });
  setInterval(tick, 1000);
}
