// What the staff pages share: who is signed in (else the sign-in form), signing out, and a
// lead as a list entry with its routing reasons and the time left to accept it.
import { api, el, lang, t } from "./page.js";
import { slaState } from "./countdown.js";

const $ = (id) => document.getElementById(id);

/** The signed-in staff account of one of `roles`, or null (the sign-in form is shown). */
export async function staffAccount(roles) {
  const me = await api("GET", "/api/v1/me").catch(() => ({ account: null }));
  const account = me.account;
  if (account && roles.includes(account.role)) {
    $("who").textContent = t("signed_in_as", { name: account.name || account.login, role: t(`role_${account.role}`) });
    $("sign-out").hidden = false;
    $("sign-out").addEventListener("click", async () => {
      await api("DELETE", "/api/v1/session");
      location.reload();
    });
    $("workspace-body").hidden = false;
    return account;
  }
  if (account && account.role !== "anonymous") $("workspace-notice").textContent = t("not_staff");
  $("staff-sign-in").hidden = false;
  $("staff-sign-in-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    try {
      await api("POST", "/api/v1/session", { body: { login: $("staff-login").value, password: $("staff-password").value } });
      location.reload();
    } catch (error) {
      $("staff-sign-in-notice").textContent = error.message;
    }
  });
  return null;
}

/** A moment as this browser's clock shows it, in the page's language. */
export function shown(iso) {
  return new Date(iso).toLocaleString(lang, { month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" });
}

/** A routing reason in words, its figures filled in. */
export function reasonText(reason) {
  return t(`reason_${reason.code}`, { ...reason.params, designer: reason.params.designer ?? reason.designer_id ?? "" });
}

/** The line that says how long is left to accept `lead` (kept up to date by `tick`). */
function slaLine(lead) {
  const line = el("span", { class: "sla", "data-testid": `sla-${lead.id}`, "data-due": lead.sla_due ?? "" });
  if (lead.state === "accepted" && lead.accepted_at) line.textContent = t("accepted_at", { time: shown(lead.accepted_at) });
  return line;
}

/** Refresh every SLA countdown on the page. */
export function tick() {
  const now = Date.now();
  for (const line of document.querySelectorAll(".sla[data-due]")) {
    const state = slaState(line.dataset.due, now);
    if (!state) continue;
    line.textContent = t(state.overdue ? "sla_over" : "sla_left", { time: state.text });
    line.classList.toggle("overdue", state.overdue);
  }
}

/** A store manager's choice of a designer for a lead waiting in the store's pool, and the
 * button that hands it over (`assign(lead, designerId)`). */
function assignControls(lead, designers, assign) {
  const choice = el("select", { "data-testid": `assign-designer-${lead.id}`, "aria-label": t("assign_to") },
    designers.map((d) => el("option", { value: d.id }, d.name || d.id)));
  return el("span", { class: "assign" }, choice,
    el("button", { type: "button", class: "primary", "data-testid": `assign-${lead.id}`, onclick: () => assign(lead, choice.value) }, t("assign")));
}

/** A lead as a list entry; `accept` (a function of the lead) adds the button when given;
 * `hand` ({designers, assign}: a store manager's) the hand-over of a lead in the store's pool. */
export function leadEntry(lead, accept, hand = null) {
  const who = [lead.name, lead.phone].filter(Boolean).join(" · ");
  const design = lead.design_url
    ? el("a", { class: "button", href: lead.design_url, "data-testid": `open-design-${lead.id}` }, t("open_design"))
    : el("span", { class: "muted small" }, t("no_design"));
  const button = accept && lead.state === "assigned"
    ? el("button", { type: "button", class: "primary", "data-testid": `accept-${lead.id}`, onclick: () => accept(lead) }, t("accept"))
    : null;
  const handOver = hand && lead.state === "pooled" && lead.store_id && hand.designers.length
    ? assignControls(lead, hand.designers, hand.assign)
    : null;
  return el("li", { class: `lead-item state-${lead.state}`, "data-testid": `lead-${lead.id}`, "data-state": lead.state },
    el("div", { class: "lead-head" },
      el("strong", {}, who),
      el("span", { class: `badge ${lead.state}`, "data-testid": `lead-state-${lead.id}` }, t(`state_${lead.state}`)),
      el("span", { class: "muted small" }, `${t(`source_${lead.source}`)} · ${shown(lead.created_at)}`)),
    el("div", { class: "lead-meta small" },
      el("span", {}, `${t("store_label")}: ${lead.store_id ?? t("pool")}`),
      el("span", {}, `${t("designer_label")}: ${lead.designer_id ?? "—"}`),
      slaLine(lead)),
    el("details", { class: "reasons" }, el("summary", {}, t("why")),
      el("ol", {}, lead.reasons.map((r) => el("li", { "data-code": r.code }, reasonText(r))))),
    el("div", { class: "lead-actions" }, design, button, handOver));
}
