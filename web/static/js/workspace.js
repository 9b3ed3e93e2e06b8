// The store workspace: my appointments today and this week, my leads with the time left to
// accept each, accept, and open the customer's design in the editor.
import { api, el, t } from "./page.js";
import { localDate, storeClock } from "./countdown.js";
import { leadEntry, staffAccount, tick } from "./staff.js";

const $ = (id) => document.getElementById(id);

function appointmentEntry(a) {
  const at = storeClock(a.start);
  return el("li", { class: "appointment", "data-testid": `appointment-${a.id}`, "data-lead": a.lead_id ?? "" },
    el("span", { class: "when" }, `${at.date.slice(5)} ${at.time}–${storeClock(a.end).time}`),
    el("span", {}, el("strong", {}, a.name), ` · ${t(`kind_${a.kind}`)} · ${a.designer_name || a.designer_id}`),
    a.design_url ? el("a", { href: a.design_url, "data-testid": `appointment-design-${a.id}` }, t("open_design")) : null);
}

function fillList(list, items, render, empty) {
  list.replaceChildren(...(items.length ? items.map(render) : [el("li", { class: "muted" }, t(empty))]));
}

async function load() {
  const [agenda, leads] = await Promise.all([api("GET", "/api/v1/agenda"), api("GET", "/api/v1/leads?limit=100")]);
  const now = Date.now();
  const today = agenda.appointments.filter((a) => storeClock(a.start).date === localDate(now, a.timezone));
  fillList($("today-list"), today, appointmentEntry, "no_appointments");
  fillList($("week-list"), agenda.appointments, appointmentEntry, "no_appointments");
  fillList($("lead-list"), leads.leads, (lead) => leadEntry(lead, accept), "no_leads");
  tick();
}

async function accept(lead) {
  $("workspace-notice").textContent = "";
  try {
    await api("POST", `/api/v1/leads/${encodeURIComponent(lead.id)}/accept`);
  } catch (error) {
    $("workspace-notice").textContent = error.message; // accepted or reassigned meanwhile
  }
  await load();
}

if (await staffAccount(["designer", "store_manager", "sales"])) {
  await load().catch((error) => { $("workspace-notice").textContent = error.message; });
  setInterval(tick, 1000);
}
