// Time left to accept a lead, and appointment times as the store's clock shows them: pure
// functions (node --test tests/js/countdown.test.js).

/** Milliseconds as "1 h 05 min" / "4 min 09 s" (the sign dropped). */
export function duration(ms) {
  const total = Math.floor(Math.abs(ms) / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const two = (n) => String(n).padStart(2, "0");
  if (hours >= 24) return `${Math.floor(hours / 24)} d ${hours % 24} h`;
  if (hours > 0) return `${hours} h ${two(minutes)} min`;
  return `${minutes} min ${two(seconds)} s`;
}

/** Where a lead's SLA stands at `now` (ms): {overdue, text-ready duration, ms left}. */
export function slaState(due, now) {
  if (!due) return null;
  const left = Date.parse(due) - now;
  return { overdue: left <= 0, left, text: duration(left) };
}

/** The local date of `moment` (ms) in `zone`, "YYYY-MM-DD". */
export function localDate(moment, zone) {
  return new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" })
    .format(new Date(moment));
}

/** "2026-12-02T10:00:00+08:00" → {date: "2026-12-02", time: "10:00"}: the store's own clock,
 * as the API wrote it with the store's offset (never the browser's zone). */
export function storeClock(iso) {
  return { date: iso.slice(0, 10), time: iso.slice(11, 16) };
}
