// Amounts from the server written with separators, never computed (web/static/js/format.js).
import { test } from "node:test";
import assert from "node:assert/strict";
import { fill, money } from "../../web/static/js/format.js";

test("money groups thousands and keeps the server's digits", () => {
  assert.equal(money("3758.66"), "¥3,758.66");
  assert.equal(money("1234567.5"), "¥1,234,567.50");
  assert.equal(money("0"), "¥0.00");
  assert.equal(money("-99.31"), "-¥99.31");
  assert.equal(money("100000000000000000001.01"), "¥100,000,000,000,000,000,001.01"); // no float
});

test("fill replaces known placeholders and leaves the others", () => {
  assert.equal(fill("Wall {n} · {length} mm", { n: 1, length: 3600 }), "Wall 1 · 3600 mm");
  assert.equal(fill("{missing}", {}), "{missing}");
});
