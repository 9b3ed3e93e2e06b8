// A booking's own page (its manage link): the appointment, moving it to another free time
// of the same store and kind, cancelling it. The link's token is the only key to it.
import { api, ApiError, data, el, lang, t } from "./page.js";
import { addDays, localDate, offsetOf, timeOf } from "./visits.js";
import { dayLabel, slotPicker, takenOffer } from "./slot_picker.js";

const DAYS = 14;
const $ = (id) => document.getElementById(id);
const url = `/api/v1/appointments/manage/${encodeURIComponent(data.token)}`;
let visit = null;
let slots = [];
const picker = slotPicker($("days"), $("slots"), (slot) => {
  $("taken").replaceChildren();
  $("move").disabled = false;
  $("move").textContent = t("move_here", { day: dayLabel(slot.start.slice(0, 10)), time: timeOf(slot.start) });
});

function show(answer) {
  visit = answer;
  const booked = answer.state === "booked";
  $("visit-kind").textContent = t(`kind_short_${answer.kind}`);
  $("visit-state").textContent = t(`state_${answer.state}`);
  const facts = [
    ["store", answer.store_name],
    ["when", `${dayLabel(answer.start.slice(0, 10))} ${timeOf(answer.start)}–${timeOf(answer.end)} (${answer.timezone}, UTC${offsetOf(answer.start)})`],
    ["designer", answer.designer.name || answer.designer.id],
    ["your_name", answer.name],
    ["your_phone", answer.phone],
  ];
  if (answer.address) facts.push(["address", answer.address]);
  $("visit-facts").replaceChildren(...facts.flatMap(([key, value]) => [el("dt", {}, t(key)), el("dd", { "data-testid": `fact-${key}` }, value)]));
  $("ics-link").href = answer.ics_url;
  $("visit-card").hidden = false;
  $("move-card").hidden = !booked;
  $("cancel-card").hidden = !booked;
  $("book-again").hidden = booked;
  $("manage-notice").textContent = "";
  $("manage-status").textContent = booked ? "" : t("cancelled_text");
}

async function loadSlots() {
  const first = localDate(new Date(), visit.timezone);
  const last = addDays(first, DAYS - 1);
  const query = new URLSearchParams({ kind: visit.kind, from: first, to: last, lang });
  const answer = await api("GET", `/api/v1/stores/${encodeURIComponent(visit.store_id)}/slots?${query}`);
  slots = answer.slots.filter((s) => s.start !== visit.start);
  picker.show(slots, first, last);
  $("move").disabled = true;
  $("move").textContent = t("reschedule");
  $("zone-note").textContent = t("times_in_zone", { zone: answer.timezone, offset: offsetOf(visit.start) });
}

async function move() {
  const start = picker.chosen;
  if (!start) return;
  $("move").disabled = true;
  try {
    show(await api("PATCH", `${url}?lang=${lang}`, { body: { start } }));
    $("manage-status").textContent = t("moved");
    await loadSlots();
  } catch (error) {
    if (error instanceof ApiError && error.body?.error?.code === "slot_taken") {
      await loadSlots();
      $("taken").replaceChildren(...takenOffer(start, slots, (slot) => picker.pick(slot)));
    } else {
      $("manage-notice").textContent = error.message;
      $("move").disabled = false;
    }
  }
}

async function cancel() {
  try {
    show(await api("DELETE", `${url}?lang=${lang}`));
    $("cancel-confirm").hidden = true;
  } catch (error) {
    $("manage-notice").textContent = error.message;
  }
}

$("move").addEventListener("click", move);
$("cancel").addEventListener("click", () => { $("cancel-confirm").hidden = false; $("keep").focus(); });
$("keep").addEventListener("click", () => { $("cancel-confirm").hidden = true; $("cancel").focus(); });
$("cancel-sure").addEventListener("click", cancel);

api("GET", url).then(async (answer) => {
  show(answer);
  if (answer.state === "booked") await loadSlots();
}).catch((error) => {
  $("manage-notice").textContent = error instanceof ApiError && error.status === 404 ? t("manage_missing") : error.message;
});
