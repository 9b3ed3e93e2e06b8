// The store-visit pages' pure logic (web/static/js/visits.js).
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  addDays, attemptFor, byDistance, dayOf, distanceKm, findDistrict, groupByDay, kmText,
  localDate, nextFree, offsetOf, projection, timeOf,
} from "../../web/static/js/visits.js";

const XUHUI = { lat: 31.188, lon: 121.4365 };
const PUDONG = { lat: 31.23, lon: 121.525 };
const URUMQI = { lat: 43.796, lon: 87.623 };

test("distances are the server's haversine", () => {
  // the doctest of sales/geo.py: Shanghai to Urumqi rounds to 3268 km
  assert.equal(Math.round(distanceKm({ lat: 31.2304, lon: 121.4737 }, { lat: 43.8256, lon: 87.6168 })), 3268);
  assert.equal(distanceKm(XUHUI, XUHUI), 0);
  assert.ok(Math.abs(distanceKm(XUHUI, PUDONG) - distanceKm(PUDONG, XUHUI)) < 1e-9);
  assert.ok(distanceKm(XUHUI, PUDONG) > 9 && distanceKm(XUHUI, PUDONG) < 10);
});

test("stores are sorted nearest first; without a place, by name", () => {
  const stores = [
    { id: "u", name: "C", location: URUMQI },
    { id: "p", name: "B", location: PUDONG },
    { id: "x", name: "A", location: XUHUI },
  ];
  const fromPudong = byDistance(stores, { lat: 31.222, lon: 121.545 });
  assert.deepEqual(fromPudong.map((s) => s.id), ["p", "x", "u"]);
  assert.ok(fromPudong[0].distance < 3);
  assert.deepEqual(byDistance(stores, null).map((s) => [s.id, s.distance]), [["x", null], ["p", null], ["u", null]]);
  assert.equal(kmText(2.345), "2.3");
  assert.equal(kmText(3268.4), "3268");
});

test("a typed district is found by name, English name, code or within an address", () => {
  const districts = [
    { code: "310115", name: "浦东新区", name_en: "Pudong" },
    { code: "310104", name: "徐汇区", name_en: "Xuhui" },
  ];
  assert.equal(findDistrict(districts, "浦东新区").code, "310115");
  assert.equal(findDistrict(districts, "pudong").code, "310115");
  assert.equal(findDistrict(districts, "浦东").code, "310115");
  assert.equal(findDistrict(districts, "上海市徐汇区漕溪北路 1 号").code, "310104");
  assert.equal(findDistrict(districts, "310104").code, "310104");
  assert.equal(findDistrict(districts, "Beijing"), null);
  assert.equal(findDistrict(districts, "  "), null);
});

test("the map keeps every point inside the padding, north up and east right", () => {
  const points = [XUHUI, PUDONG, { lat: 31.113, lon: 121.382 }];
  const at = projection(points, 320, 240, 20);
  for (const p of points.map(at)) {
    assert.ok(p.x >= 20 - 1e-9 && p.x <= 300 + 1e-9 && p.y >= 20 - 1e-9 && p.y <= 220 + 1e-9, JSON.stringify(p));
  }
  assert.ok(at(PUDONG).x > at(XUHUI).x); // Pudong is east of Xuhui
  assert.ok(at(PUDONG).y < at(XUHUI).y); // and north of it
  const one = projection([XUHUI], 320, 240)(XUHUI); // a single store: in the middle
  assert.deepEqual([Math.round(one.x), Math.round(one.y)], [160, 120]);
});

test("times are read on the store's clock, whatever the browser's zone", () => {
  const start = "2026-11-25T00:30:00+06:00"; // Urumqi, still the 24th in UTC
  assert.equal(dayOf(start), "2026-11-25");
  assert.equal(timeOf(start), "00:30");
  assert.equal(offsetOf(start), "+06:00");
  assert.equal(offsetOf("2026-11-25T00:30:00Z"), "+00:00");
  const now = new Date("2026-11-30T17:30:00Z");
  assert.equal(localDate(now, "Asia/Shanghai"), "2026-12-01");
  assert.equal(localDate(now, "Asia/Urumqi"), "2026-11-30");
  assert.equal(addDays("2026-12-30", 3), "2027-01-02");
  assert.equal(addDays("2026-03-28", 2), "2026-03-30"); // across Europe's DST night: dates only
});

test("slots are grouped by the store's day, every day of the range shown", () => {
  const slots = [
    { start: "2026-11-26T14:00:00+08:00" },
    { start: "2026-11-25T10:30:00+08:00" },
    { start: "2026-11-25T10:00:00+08:00" },
  ];
  const days = groupByDay(slots, "2026-11-25", "2026-11-27");
  assert.deepEqual(days.map((d) => [d.day, d.slots.map((s) => timeOf(s.start))]), [
    ["2026-11-25", ["10:00", "10:30"]],
    ["2026-11-26", ["14:00"]],
    ["2026-11-27", []],
  ]);
  assert.equal(groupByDay([], "2026-11-25", "2026-11-24").length, 0);
});

test("after a taken slot the next free ones are offered, never the taken one", () => {
  const slots = ["10:00", "10:30", "11:00", "11:30", "12:00"].map((t) => ({ start: `2026-11-25T${t}:00+08:00` }));
  const offered = nextFree(slots, "2026-11-25T10:30:00+08:00", 2);
  assert.deepEqual(offered.map((s) => timeOf(s.start)), ["11:00", "11:30"]);
  assert.deepEqual(nextFree(slots, "2026-11-25T12:00:00+08:00"), []);
  // the same moment written in another offset is the same slot
  assert.deepEqual(nextFree(slots, "2026-11-25T02:30:00Z", 1).map((s) => timeOf(s.start)), ["11:00"]);
});

test("a retry of an unanswered attempt keeps its key; a new request gets a new one", () => {
  let n = 0;
  const key = () => `k${++n}`;
  const body = { store_id: "sh-xuhui", start: "2026-11-25T10:00:00+08:00" };
  const first = attemptFor(null, body, key);
  assert.equal(first.key, "k1");
  assert.equal(attemptFor(first, { ...body }, key).key, "k1"); // no answer yet: a retry
  const changed = attemptFor(first, { ...body, start: "2026-11-25T10:30:00+08:00" }, key);
  assert.equal(changed.key, "k2");
  changed.answered = true; // e.g. 409: the next try is a new booking
  assert.equal(attemptFor(changed, { ...body, start: "2026-11-25T10:30:00+08:00" }, key).key, "k3");
});
