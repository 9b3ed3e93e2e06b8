// "Book a visit": the stores nearest the customer's district in a list and on a small map
// drawn from their coordinates, the free times by the store's day, the form, and the
// confirmation with the invitation (.ics) and the manage link. A booking goes out with an
// Idempotency-Key per attempt: pressing Book again after no answer resends the same
// request under the same key, so it is booked once (RELIABILITY.md 2.1).
import { api, ApiError, data, el, lang, t } from "./page.js";
import {
  addDays, attemptFor, byDistance, findDistrict, kmText, localDate, offsetOf,
  projection, timeOf,
} from "./visits.js";
import { dayLabel, slotPicker, takenOffer } from "./slot_picker.js";

const DAYS = 14; // the dates shown: two weeks from today in the store's zone
const [MAP_W, MAP_H] = [480, 270]; // the map's viewBox (16:9, as its CSS box)
const $ = (id) => document.getElementById(id);
const state = { stores: [], storeId: null, kind: "store_visit", home: null, slots: [], attempt: null };
const picker = slotPicker($("days"), $("slots"), () => { $("taken").replaceChildren(); showChoice(); });
const districtName = (d) => (lang === "zh-CN" ? d.name : d.name_en);

function store() {
  return state.stores.find((s) => s.id === state.storeId) ?? null;
}

function cities() {
  return [...new Set(state.stores.map((s) => s.city))];
}

function drawCities() {
  $("city").replaceChildren(...cities().map((c) => el("option", { value: c }, c)));
  $("district-list").replaceChildren(...data.districts.map((d) => el("option", { value: districtName(d) }, d.city)));
}

function drawStores() {
  const city = $("city").value;
  const from = state.home && state.home.city === city ? state.home : null;
  const shown = byDistance(state.stores.filter((s) => s.city === city), from);
  if (!shown.some((s) => s.id === state.storeId)) state.storeId = shown[0]?.id ?? null;
  $("store-list").replaceChildren(...(shown.length ? shown.map((s, i) => el("li", {},
    el("label", { class: "store-option" },
      el("span", { class: "store-number", "aria-hidden": "true" }, String(i + 1)),
      el("input", {
        type: "radio", name: "store", value: s.id, checked: s.id === state.storeId,
        "data-testid": `store-${s.id}`, onchange: () => chooseStore(s.id),
      }),
      el("span", { class: "store-name" }, s.name),
      el("span", { class: "store-distance" }, s.distance === null ? "" : t("km_away", { km: kmText(s.distance) })),
      el("span", { class: "store-address" }, s.address)))) : [el("li", { class: "muted" }, t("no_stores"))]));
  drawMap(shown, from);
}

function drawMap(shown, from) {
  const svg = $("store-map");
  const title = el("title", { id: "store-map-title" }, t("stores_map", { city: $("city").value }));
  const points = shown.map((s) => s.location).concat(from ? [from] : []);
  if (!points.length) { svg.replaceChildren(title); return; }
  const at = projection(points, MAP_W, MAP_H, 40);
  const marks = shown.map((s, i) => {
    const p = at(s.location);
    const chosen = s.id === state.storeId;
    return el("g", { class: `map-store${chosen ? " chosen" : ""}`, "data-testid": `map-${s.id}` },
      el("circle", { cx: p.x, cy: p.y, r: chosen ? 12 : 10 }),
      el("text", { x: p.x, y: p.y + 0.5, class: "map-number" }, String(i + 1)),
      el("text", { x: p.x, y: p.y + 30, class: "map-label" }, s.name));
  });
  const home = from ? (() => {
    const p = at(from);
    return el("g", { class: "map-home" },
      el("path", { d: `M${p.x} ${p.y - 10} l9 15 h-18 z` }),
      el("text", { x: p.x, y: p.y - 16, class: "map-label" }, t("you_are_here")));
  })() : null;
  const grid = [1, 2, 3, 4, 5].flatMap((i) => [
    el("line", { x1: (i * MAP_W) / 6, y1: 0, x2: (i * MAP_W) / 6, y2: MAP_H, class: "map-grid" }),
    el("line", { x1: 0, y1: (i * MAP_H) / 6, x2: MAP_W, y2: (i * MAP_H) / 6, class: "map-grid" }),
  ]);
  svg.replaceChildren(title, el("rect", { x: 0, y: 0, width: MAP_W, height: MAP_H, class: "map-ground" }), ...grid, home, ...marks);
}

async function chooseStore(id) {
  state.storeId = id;
  drawStores();
  await loadSlots();
}

async function loadSlots() {
  const chosen = store();
  state.attempt = null;
  if (!chosen) { picker.show([], "", ""); showChoice(); return; }
  const first = localDate(new Date(), chosen.timezone);
  const last = addDays(first, DAYS - 1);
  const query = new URLSearchParams({ kind: state.kind, from: first, to: last, lang });
  $("slots").setAttribute("aria-busy", "true");
  const ticket = (state.ticket = (state.ticket ?? 0) + 1);
  try {
    const answer = await api("GET", `/api/v1/stores/${encodeURIComponent(chosen.id)}/slots?${query}`);
    if (ticket !== state.ticket) return; // a later choice (store, kind) asked since: its answer counts
    state.slots = answer.slots;
    state.range = [first, last];
    picker.show(answer.slots, first, last);
    Object.assign($("slots").dataset, { store: chosen.id, kind: state.kind }); // whose times
    const sample = answer.slots[0]?.start;
    $("zone-note").textContent = t("times_in_zone", { zone: answer.timezone, offset: sample ? offsetOf(sample) : "" });
  } catch (error) {
    $("slots").replaceChildren(el("p", { class: "notice" }, error.message));
  } finally {
    $("slots").removeAttribute("aria-busy");
  }
  showChoice();
}

function showChoice() {
  const chosen = store();
  const start = picker.chosen;
  $("book-button").disabled = !(chosen && start);
  $("choice").textContent = chosen && start
    ? `${chosen.name} · ${t(`kind_short_${state.kind}`)} · ${dayLabel(start.slice(0, 10))} ${timeOf(start)}`
    : t("nothing_chosen");
}

function request() {
  const body = {
    store_id: state.storeId,
    kind: state.kind,
    start: picker.chosen,
    name: $("name").value.trim(),
    phone: $("phone").value.trim(),
  };
  if (data.design_id) body.design_id = data.design_id;
  if (state.kind === "measurement") {
    body.address = $("address").value.trim();
    if (state.home) body.location = { lat: state.home.lat, lon: state.home.lon };
  }
  return body;
}

function markInvalid(problems) {
  for (const input of document.querySelectorAll("#book [aria-invalid]")) input.removeAttribute("aria-invalid");
  for (const p of problems) {
    const field = { name: "name", phone: "phone", address: "address" }[p.path];
    if (field) $(field).setAttribute("aria-invalid", "true");
  }
}

async function book(event) {
  event.preventDefault();
  const body = request();
  state.attempt = attemptFor(state.attempt, body, () => crypto.randomUUID());
  const attempt = state.attempt;
  $("book-button").disabled = true;
  $("book-notice").textContent = t("booking");
  try {
    const answer = await api("POST", `/api/v1/appointments?lang=${lang}`, {
      body: attempt.body, headers: { "Idempotency-Key": attempt.key },
    });
    attempt.answered = true;
    confirmed(answer);
  } catch (error) {
    refused(error, attempt, body);
  } finally {
    $("book-button").disabled = !(store() && picker.chosen);
  }
}

function refused(error, attempt, body) {
  const status = error instanceof ApiError ? error.status : 0;
  if (status === 0 || status >= 500) {
    $("book-notice").textContent = t("try_again"); // same attempt, same key on the next press
    return;
  }
  attempt.answered = true;
  const problems = error.body?.error?.problems ?? [];
  markInvalid(problems);
  if (error.body?.error?.code === "slot_taken") {
    $("book-notice").textContent = "";
    offerNext(body.start);
    return;
  }
  $("book-notice").textContent = problems.length ? problems.map((p) => p.message).join("; ") : error.message;
}

async function offerNext(taken) {
  await loadSlots();
  picker.clear();
  showChoice();
  $("taken").replaceChildren(...takenOffer(taken, state.slots, (slot) => {
    picker.pick(slot);
    $("taken").replaceChildren();
    $("book-button").focus();
  }));
}

function confirmed(answer) {
  $("book-notice").textContent = "";
  const token = answer.manage_url.split("/").pop();
  const page = `/appointments/manage/${token}`;
  $("booked-text").textContent = t("booked_text", {
    kind: t(`kind_short_${answer.kind}`),
    store: answer.store_name,
    day: dayLabel(answer.start.slice(0, 10)),
    time: `${timeOf(answer.start)}–${timeOf(answer.end)}`,
    designer: answer.designer.name || answer.designer.id,
  });
  $("ics-link").href = answer.ics_url;
  $("manage-link").href = page;
  $("manage-url").textContent = new URL(page, location.href).href;
  $("book-steps").hidden = true;
  $("confirmation").hidden = false;
  $("booked-title").focus();
}

function whereFrom() {
  const typed = $("district").value;
  const found = findDistrict(data.districts, typed);
  state.home = found ? { lat: found.lat, lon: found.lon, city: found.city } : null;
  $("district-notice").textContent = typed.trim() && !found ? t("district_unknown") : "";
  if (found && $("city").value !== found.city && cities().includes(found.city)) {
    $("city").value = found.city;
    state.storeId = null;
  }
}

function kindChanged(kind) {
  state.kind = kind;
  $("address-field").hidden = kind !== "measurement";
  loadSlots();
}

async function start() {
  const answer = await api("GET", "/api/v1/stores");
  state.stores = answer.stores.filter((s) => s.location);
  drawCities();
  drawStores();
  await loadSlots();
}

$("city").addEventListener("change", () => { state.storeId = null; drawStores(); loadSlots(); });
$("district").addEventListener("change", () => {
  const before = state.storeId;
  whereFrom();
  state.storeId = null; // the nearest store first
  drawStores();
  if (state.storeId !== before) loadSlots();
});
for (const radio of document.querySelectorAll("input[name=kind]")) {
  radio.addEventListener("change", () => kindChanged(radio.value));
}
$("book-form").addEventListener("submit", book);
start().catch((error) => { $("store-list").replaceChildren(el("li", { class: "notice" }, error.message)); });
