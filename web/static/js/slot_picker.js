// The free times of a store by day, as the book and manage pages show them: a row of day
// buttons, then the chosen day's times. Everything is a button (keyboard reachable); the
// chosen one is aria-pressed.
import { el, lang, t } from "./page.js";
import { groupByDay, nextFree, timeOf } from "./visits.js";

/** "2026-11-25" → "Wed 11/25" / "周三 11/25" (the store's date, not the browser's). */
export function dayLabel(day) {
  const [y, m, d] = day.split("-").map(Number);
  const weekday = new Intl.DateTimeFormat(lang, { weekday: "short", timeZone: "UTC" });
  return `${weekday.format(new Date(Date.UTC(y, m - 1, d)))} ${m}/${d}`;
}

/** A picker over the elements `days` and `slots`; `onPick(slot)` when a time is chosen. */
export function slotPicker(daysEl, slotsEl, onPick) {
  let groups = [];
  let day = null;
  let chosen = null;

  function drawDays() {
    daysEl.replaceChildren(...groups.map((g) => el("button", {
      type: "button",
      class: "day",
      "aria-pressed": String(g.day === day),
      disabled: g.slots.length === 0,
      "data-testid": `day-${g.day}`,
      onclick: () => { day = g.day; drawDays(); drawSlots(); },
    }, el("span", { class: "day-name" }, dayLabel(g.day)),
    el("span", { class: "day-count" }, g.slots.length ? t("n_free", { n: g.slots.length }) : t("closed_or_full")))));
  }

  function drawSlots() {
    const group = groups.find((g) => g.day === day);
    if (!group) {
      slotsEl.replaceChildren(el("p", { class: "muted" }, t("no_free_times", { days: groups.length })));
      return;
    }
    if (!group.slots.length) {
      slotsEl.replaceChildren(el("p", { class: "muted" }, t("no_free_day")));
      return;
    }
    slotsEl.replaceChildren(...group.slots.map((slot) => el("button", {
      type: "button",
      class: "slot",
      "aria-pressed": String(chosen === slot.start),
      "data-testid": `slot-${timeOf(slot.start)}`,
      "data-start": slot.start,
      onclick: () => pick(slot),
    }, timeOf(slot.start))));
  }

  function pick(slot) {
    chosen = slot.start;
    day = slot.start.slice(0, 10);
    drawDays();
    drawSlots();
    onPick(slot);
  }

  return {
    /** Show `slots` of the dates `first`–`last`, keeping the chosen day if it has times. */
    show(slots, first, last) {
      groups = groupByDay(slots, first, last);
      if (!groups.some((g) => g.day === day && g.slots.length)) day = groups.find((g) => g.slots.length)?.day ?? null;
      if (!slots.some((s) => s.start === chosen)) chosen = null;
      drawDays();
      drawSlots();
    },
    pick,
    clear() { chosen = null; drawDays(); drawSlots(); },
    get chosen() { return chosen; },
  };
}

/** What to say when `taken` was just taken: the words and the next free times of `slots`
 * as buttons (`onPick(slot)`). */
export function takenOffer(taken, slots, onPick) {
  const label = (iso) => `${dayLabel(iso.slice(0, 10))} ${timeOf(iso)}`;
  return [
    el("p", {}, t("slot_taken_offer", { time: label(taken) })),
    el("p", { class: "offers" }, ...nextFree(slots, taken, 3).map((slot) => el("button", {
      type: "button", class: "slot", "data-testid": `offer-${timeOf(slot.start)}`, onclick: () => onPick(slot),
    }, label(slot.start)))),
  ];
}
