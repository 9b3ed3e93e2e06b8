// The store workspace: my appointments today and this week, my leads with the time left to
// accept each, accept, and open the customer's design in the editor; a store manager also
// hands a lead waiting in the store's pool to one of the store's designers.
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

let hand = null; // a store manager's: the store's designers and the hand-over

async function load() {
  const [agenda, leads] = await Promise.all([api("GET", "/api/v1/agenda"), api("GET", "/api/v1/leads?limit=100")]);
  const now = Date.now();
  const today = agenda.appointments.filter((a) => storeClock(a.start).date === localDate(now, a.timezone));
  fillList($("today-list"), today, appointmentEntry, "no_appointments");
  fillList($("week-list"), agenda.appointments, appointmentEntry, "no_appointments");
  fillList($("lead-list"), leads.leads, (lead) => leadEntry(lead, accept, hand), "no_leads");
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

async function assign(lead, designerId) {
  $("workspace-notice").textContent = "";
  try {
    await api("POST", `/api/v1/leads/${encodeURIComponent(lead.id)}/assign`, { body: { designer_id: designerId } });
  } catch (error) {
    $("workspace-notice").textContent = error.message; // assigned or accepted meanwhile
  }
  await load();
}

const account = await staffAccount(["designer", "store_manager", "sales"]);
if (account?.role === "store_manager" && account.store_id) {
  const schedule = await api("GET", `/api/v1/stores/${encodeURIComponent(account.store_id)}/schedule`).catch(() => null);
  if (schedule) hand = { designers: schedule.designers, assign };
}
if (account) {
  await load().catch((error) => { $("workspace-notice").textContent = error.message; });
  setInterval(tick, 1000);
}
