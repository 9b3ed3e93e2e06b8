import { test } from "node:test";
import assert from "node:assert/strict";
import { duration, localDate, slaState, storeClock } from "../../web/static/js/countdown.js";

test("durations read in the largest units that matter", () => {
  assert.equal(duration(4 * 60_000 + 9_000), "4 min 09 s");
  assert.equal(duration(-(65 * 60_000)), "1 h 05 min");
  assert.equal(duration(0), "0 min 00 s");
  assert.equal(duration(50 * 3_600_000), "2 d 2 h");
});

test("an SLA is overdue from its due moment on", () => {
  const due = "2026-12-01T04:00:00+00:00";
  const at = Date.parse(due);
  assert.deepEqual(slaState(due, at - 1000), { overdue: false, left: 1000, text: "0 min 01 s" });
  assert.equal(slaState(due, at).overdue, true);
  assert.equal(slaState(due, at + 61_000).text, "1 min 01 s");
  assert.equal(slaState(null, at), null);
});

test("dates and times are the store's, not the browser's", () => {
  assert.deepEqual(storeClock("2026-12-02T00:30:00+08:00"), { date: "2026-12-02", time: "00:30" });
  const utcEvening = Date.parse("2026-12-01T17:00:00Z");
  assert.equal(localDate(utcEvening, "Asia/Shanghai"), "2026-12-02");
  assert.equal(localDate(utcEvening, "Asia/Urumqi"), "2026-12-01");
});
