// A store manager's schedule: weekly opening hours (up to two spans a day, for a lunch
// break), special hours of some dates, closures, the daily caps, and each designer's hours,
// days off and skills. The whole schedule is saved at once with the ETag it was read with
// (If-Match): the server checks every rule and answers each mistake with the path of the
// field, which is marked here; 412 when someone else saved meanwhile.
import { api, ApiError, data, el, t } from "./page.js";

const $ = (id) => document.getElementById(id);
const DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
const KINDS = ["store_visit", "measurement"];
const SKILLS = ["wardrobes", "kitchens"];
const url = `/api/v1/stores/${encodeURIComponent(data.store_id)}/schedule`;
let etag = null;
let schedule = null;

function input(path, label, attrs = {}) {
  return el("label", { class: attrs.wide ? "field" : "cell" },
    el("span", { class: attrs.shown ? "" : "visually-hidden" }, label),
    el("input", { "data-path": path, ...attrs, wide: null, shown: null }));
}

// times as typed text, HH:MM on a 24-hour clock whatever the browser's locale (a time input
// shows 12-hour AM/PM in some, and is too wide for a week in a row)
const TIME = { type: "text", inputmode: "numeric", maxlength: 5, placeholder: "--:--", autocomplete: "off", class: "time" };

function timeInput(path, label, value, attrs = {}) {
  return input(path, label, { ...TIME, value: value ?? "", ...attrs });
}

function dayRow(path, dayName, spans) {
  const open = spans.length > 0;
  const [a, b] = [spans[0] ?? ["", ""], spans[1] ?? ["", ""]];
  const row = el("tr", { "data-day": path },
    el("th", { scope: "row" }, t(dayName)),
    el("td", {}, input(`${path}.open`, `${t(dayName)} ${t("open_day")}`, { type: "checkbox", checked: open, class: "check", onchange: (e) => row.classList.toggle("closed", !e.target.checked) })),
    el("td", {}, timeInput(`${path}[0][0]`, `${t(dayName)} ${t("opens")}`, a[0])),
    el("td", {}, timeInput(`${path}[0][1]`, `${t(dayName)} ${t("closes")}`, a[1])),
    el("td", {}, timeInput(`${path}[1][0]`, `${t(dayName)} ${t("opens_2")}`, b[0])),
    el("td", {}, timeInput(`${path}[1][1]`, `${t(dayName)} ${t("closes_2")}`, b[1])));
  row.classList.toggle("closed", !open);
  return row;
}

function readDay(path) {
  const value = (p) => document.querySelector(`[data-path="${p}"]`).value;
  if (!document.querySelector(`[data-path="${path}.open"]`).checked) return [];
  return [0, 1].map((i) => [value(`${path}[${i}][0]`), value(`${path}[${i}][1]`)])
    .filter(([a, b], i) => i === 0 || a || b);
}

function removeButton(label, onclick) {
  return el("button", { type: "button", class: "small danger", onclick }, label);
}

function closureRow(c) {
  const li = el("li", { class: "row-item" },
    input(null, t("first_day"), { type: "date", value: c.first, shown: true, "data-role": "first" }),
    input(null, t("last_day"), { type: "date", value: c.last, shown: true, "data-role": "last" }),
    input(null, t("closure_name"), { type: "text", value: c.name ?? "", maxlength: 50, shown: true, "data-role": "name" }),
    removeButton(t("remove"), () => { li.remove(); renumber(); changed(); }));
  return li;
}

function specialRow(s) {
  const span = s.spans[0] ?? ["", ""];
  const li = el("li", { class: "row-item" },
    input(null, t("date"), { type: "date", value: s.date, shown: true, "data-role": "date" }),
    timeInput(null, t("opens"), span[0], { shown: true, "data-role": "opens" }),
    timeInput(null, t("closes"), span[1], { shown: true, "data-role": "closes" }),
    removeButton(t("remove"), () => { li.remove(); renumber(); changed(); }));
  return li;
}

function designerCard(d) {
  const off = el("ul", { class: "chips", "data-role": "days-off" }, ...d.days_off.map(dayOffChip));
  const newOff = el("input", { type: "date", "data-role": "new-off", id: `new-off-${d.id}` });
  const card = el("fieldset", { class: "designer", "data-id": d.id, "data-testid": `designer-${d.id}` },
    el("legend", {}, d.name || d.id),
    el("div", { class: "designer-head" },
      input(null, t("designer_name"), { type: "text", value: d.name, maxlength: 100, shown: true, wide: true, "data-role": "name", required: true }),
      el("fieldset", { class: "skills", "data-role": "skills" }, el("legend", {}, t("skills")),
        ...SKILLS.map((s) => el("label", { class: "inline" }, el("input", { type: "checkbox", value: s, checked: d.skills.includes(s), "data-role": "skill" }), t(`skill_${s}`)))),
      removeButton(t("remove_designer"), () => { card.remove(); renumber(); changed(); })),
    el("p", { class: "sub" }, t("working_hours")),
    el("div", { class: "week" }, ...DAYS.map((day, i) => {
      const span = d.hours[i][0] ?? ["", ""];
      return el("div", { class: "week-day" }, el("span", { class: "week-name" }, t(day)),
        timeInput(null, `${d.name} ${t(day)} ${t("opens")}`, span[0], { "data-role": `h${i}0` }),
        timeInput(null, `${d.name} ${t(day)} ${t("closes")}`, span[1], { "data-role": `h${i}1` }));
    })),
    el("div", { class: "days-off" }, el("span", { class: "sub" }, t("days_off")), off,
      el("label", { class: "visually-hidden", for: `new-off-${d.id}` }, `${d.name} ${t("new_day_off")}`), newOff,
      el("button", { type: "button", class: "small", onclick: () => {
        if (newOff.value && ![...off.children].some((c) => c.dataset.day === newOff.value)) off.append(dayOffChip(newOff.value));
        newOff.value = "";
        changed();
      } }, t("add_day_off"))));
  return card;
}

function dayOffChip(day) {
  const chip = el("li", { class: "chip-item", "data-day": day }, day,
    el("button", { type: "button", class: "chip-x", "aria-label": `${t("remove")} ${day}`, onclick: () => { chip.remove(); changed(); } }, "×"));
  return chip;
}

function renumber() {
  // paths follow the order on the page, as the server reports them
  [...$("closures").children].forEach((li, i) => {
    for (const role of ["first", "last", "name"]) li.querySelector(`[data-role=${role}]`).dataset.path = role === "name" ? `closures[${i}].name` : `closures[${i}].${role}`;
    li.dataset.path = `closures[${i}]`;
  });
  [...$("special").children].forEach((li, i) => {
    li.querySelector("[data-role=date]").dataset.path = `special_hours[${i}].date`;
    li.querySelector("[data-role=opens]").dataset.path = `special_hours[${i}].spans[0][0]`;
    li.querySelector("[data-role=closes]").dataset.path = `special_hours[${i}].spans[0][1]`;
    li.dataset.path = `special_hours[${i}].spans[0]`;
  });
  [...$("designers").children].forEach((card, k) => {
    const path = `designers[${k}]`;
    card.querySelector("[data-role=name]").dataset.path = `${path}.name`;
    card.querySelector("[data-role=skills]").dataset.path = `${path}.skills`;
    DAYS.forEach((_, i) => [0, 1].forEach((j) => {
      card.querySelector(`[data-role=h${i}${j}]`).dataset.path = `${path}.hours[${i}][0][${j}]`;
    }));
  });
}

function drawStranded(list) {
  const box = $("stranded");
  box.hidden = list.length === 0;
  const name = (id) => schedule.designers.find((d) => d.id === id)?.name ?? id;
  box.replaceChildren(el("p", {}, t("stranded")), el("ul", {}, ...list.map((a) => el("li", {},
    `${a.start.slice(0, 10)} ${a.start.slice(11, 16)}–${a.end.slice(11, 16)} · ${t(`kind_short_${a.kind}`)} · ${name(a.designer)}`))));
}

function draw(view) {
  schedule = view;
  $("hours").replaceChildren(...DAYS.map((day, i) => dayRow(`hours[${i}]`, day, view.hours[i])));
  $("capacity").replaceChildren(
    ...[...KINDS, "leads"].map((k) => input(`capacity.${k}`, t(`cap_${k}`), {
      type: "number", min: 0, max: k === "leads" ? 10000 : 200, step: 1, value: view.capacity[k] ?? "", shown: true, wide: true, "data-testid": `cap-${k}`,
    })));
  $("closures").replaceChildren(...view.closures.map(closureRow));
  $("special").replaceChildren(...view.special_hours.map(specialRow));
  $("designers").replaceChildren(...view.designers.map(designerCard));
  renumber();
  drawStranded(view.stranded ?? []);
  $("save").disabled = true;
}

function collect() {
  const cap = (k) => {
    const value = document.querySelector(`[data-path="capacity.${k}"]`).value.trim();
    return value === "" ? null : Number(value);
  };
  const designers = [...$("designers").children].map((card) => ({
    id: card.dataset.id,
    name: card.querySelector("[data-role=name]").value.trim(),
    hours: DAYS.map((_, i) => {
      const value = (j) => card.querySelector(`[data-role=h${i}${j}]`).value;
      return value(0) || value(1) ? [[value(0), value(1)]] : [];
    }),
    days_off: [...card.querySelectorAll("[data-day]")].map((c) => c.dataset.day).sort(),
    skills: [...card.querySelectorAll("[data-role=skill]:checked")].map((c) => c.value),
  }));
  return {
    hours: DAYS.map((_, i) => readDay(`hours[${i}]`)),
    special_hours: [...$("special").children].map((li) => {
      const value = (role) => li.querySelector(`[data-role=${role}]`).value;
      return { date: value("date"), spans: value("opens") || value("closes") ? [[value("opens"), value("closes")]] : [] };
    }),
    closures: [...$("closures").children].map((li) => {
      const value = (role) => li.querySelector(`[data-role=${role}]`).value;
      return { first: value("first"), last: value("last"), name: value("name") };
    }),
    capacity: Object.fromEntries([...KINDS, "leads"].map((k) => [k, cap(k)])),
    designers,
  };
}

function changed() {
  $("save").disabled = false;
  $("save-status").textContent = "";
}

/** Where on the page a problem's path is, in words: "Monday", "Closures 2", "王芳". */
function placeOf(path) {
  const found = path.match(/^(hours|closures|special_hours|designers)\[(\d+)\]|^capacity\.(\w+)/);
  if (!found) return "";
  const [, list, index, cap] = found;
  if (cap) return t(`cap_${cap}`);
  const n = Number(index);
  const field = { first: "first_day", last: "last_day", date: "date", skills: "skills", days_off: "days_off" }[path.match(/\]\.(\w+)/)?.[1]];
  const where = list === "hours" ? t(DAYS[n])
    : list === "designers" ? $("designers").children[n]?.querySelector("[data-role=name]").value || `${t("designers")} ${n + 1}`
    : `${t(list)} ${n + 1}`;
  return field ? `${where} · ${t(field)}` : where;
}

function markProblems(problems) {
  for (const node of document.querySelectorAll("[aria-invalid]")) node.removeAttribute("aria-invalid");
  const box = $("schedule-problems");
  box.hidden = problems.length === 0;
  box.replaceChildren(el("p", {}, t("schedule_problems")), el("ul", {}, ...problems.map((p) => {
    const place = p.path ? placeOf(p.path) : "";
    return el("li", {}, place ? `${place}${data.lang === "zh-CN" ? "：" : ": "}${p.message}` : p.message);
  })));
  for (const p of problems.filter((found) => found.path)) {
    // the field itself, else the row or group the path names
    const field = document.querySelector(`input[data-path="${p.path}"]`)
      ?? document.querySelector(`[data-path="${p.path}"] input, [data-path="${p.path}[0]"]`)
      ?? document.querySelector(`input[data-path^="${p.path}"]`);
    field?.setAttribute("aria-invalid", "true");
  }
}

async function save() {
  $("save").disabled = true;
  try {
    const response = await api("PUT", `${url}?lang=${data.lang}`, { body: collect(), headers: { "If-Match": etag }, raw: true });
    etag = response.headers.get("ETag");
    draw(await response.json());
    markProblems([]);
    $("save-status").textContent = t("schedule_saved");
    $("save-status").dataset.state = "saved";
  } catch (error) {
    $("save").disabled = false;
    $("save-status").dataset.state = "failed";
    if (error instanceof ApiError && error.status === 412) {
      const box = $("schedule-problems");
      box.hidden = false;
      box.replaceChildren(el("p", {}, t("schedule_stale"), " ", el("button", { type: "button", class: "small", onclick: load }, t("reload"))));
    } else if (error instanceof ApiError && error.body?.error?.problems?.length) {
      markProblems(error.body.error.problems);
    } else {
      markProblems([{ path: "", message: error.message }]);
    }
  }
}

async function load() {
  const response = await api("GET", url, { raw: true });
  etag = response.headers.get("ETag");
  draw(await response.json());
  markProblems([]);
  $("save-status").textContent = "";
}

async function signIn(event) {
  event.preventDefault();
  try {
    await api("POST", "/api/v1/session", { body: { login: $("login").value, password: $("password").value } });
    location.reload();
  } catch (error) {
    $("sign-in-notice").textContent = error.message;
  }
}

if (data.access === "sign_in") {
  $("manager-sign-in").addEventListener("submit", signIn);
} else {
  $("schedule").addEventListener("input", changed);
  $("schedule").addEventListener("change", changed);
  $("save").addEventListener("click", save);
  $("add-closure").addEventListener("click", () => { $("closures").append(closureRow({ first: "", last: "", name: "" })); renumber(); changed(); });
  $("add-special").addEventListener("click", () => { $("special").append(specialRow({ date: "", spans: [] })); renumber(); changed(); });
  $("add-designer").addEventListener("click", () => {
    const id = `d-${crypto.randomUUID().slice(0, 8)}`;
    const hours = schedule.hours.map((spans) => (spans.length ? [[spans[0][0], spans[spans.length - 1][1]]] : []));
    $("designers").append(designerCard({ id, name: "", hours, days_off: [], skills: [...SKILLS] }));
    renumber();
    changed();
    $("designers").lastElementChild.querySelector("[data-role=name]").focus();
  });
  load().catch((error) => markProblems([{ path: "", message: error.message }]));
}
