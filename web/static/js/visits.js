// The pure logic of the store-visit pages (no DOM): distances, the map's projection, slots
// grouped by the store's days, the next free times after a taken one, and the
// Idempotency-Key of a booking attempt. Times come from the API with the store's offset
// ("2026-11-25T10:00:00+08:00"), so their first ten characters are the store's date.

const EARTH_RADIUS_KM = 6371.0088; // as sales/geo.py

/** Great-circle distance in km between {lat, lon} points (haversine, as the server's). */
export function distanceKm(a, b) {
  const rad = (d) => (d * Math.PI) / 180;
  const dp = rad(b.lat - a.lat);
  const dl = rad(b.lon - a.lon);
  const h = Math.sin(dp / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dl / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Stores with `distance` (km, or null without `from`), nearest first, then by name. */
export function byDistance(stores, from) {
  return stores
    .map((s) => ({ ...s, distance: from && s.location ? distanceKm(from, s.location) : null }))
    .sort((a, b) => (a.distance ?? Infinity) - (b.distance ?? Infinity) || a.name.localeCompare(b.name));
}

/** "3.24" → "3.2"; under 10 km one decimal, else whole km. */
export function kmText(km) {
  return km < 10 ? km.toFixed(1) : String(Math.round(km));
}

/** The district a customer typed: exact name or code first, then a name that contains the
 * text or is contained in it ("浦东" → 浦东新区; "上海市徐汇区漕溪路" → 徐汇区); null if none. */
export function findDistrict(districts, typed) {
  const text = typed.trim().toLowerCase();
  if (!text) return null;
  const names = (d) => [d.name, d.name_en, d.code].map((n) => n.toLowerCase());
  return districts.find((d) => names(d).includes(text))
    ?? districts.find((d) => names(d).some((n) => n.includes(text) || text.includes(n.replace(/区$/, ""))))
    ?? null;
}

/** A function from {lat, lon} to SVG {x, y} that fits `points` into width x height with
 * `pad` around: equirectangular with the longitude scaled by cos(latitude), north up. */
export function projection(points, width, height, pad = 24) {
  const lats = points.map((p) => p.lat);
  const lons = points.map((p) => p.lon);
  const mid = (Math.min(...lats) + Math.max(...lats)) / 2;
  const k = Math.cos((mid * Math.PI) / 180);
  const west = Math.min(...lons), east = Math.max(...lons);
  const south = Math.min(...lats), north = Math.max(...lats);
  const spanX = Math.max((east - west) * k, 0.01);
  const spanY = Math.max(north - south, 0.01);
  const scale = Math.min((width - 2 * pad) / spanX, (height - 2 * pad) / spanY);
  const cx = (west + east) / 2, cy = (south + north) / 2; // drawn at the centre
  return (p) => ({ x: width / 2 + (p.lon - cx) * k * scale, y: height / 2 - (p.lat - cy) * scale });
}

/** The store's date of an API time: "2026-11-25T10:00:00+08:00" → "2026-11-25". */
export function dayOf(iso) {
  return iso.slice(0, 10);
}

/** The store's wall-clock time of an API time: → "10:00". */
export function timeOf(iso) {
  return iso.slice(11, 16);
}

/** The store's UTC offset of an API time: → "+08:00" ("Z" → "+00:00"). */
export function offsetOf(iso) {
  const found = iso.match(/([+-]\d\d:\d\d|Z)$/);
  return !found || found[1] === "Z" ? "+00:00" : found[1];
}

/** Today's date on the store's calendar: `now` (a Date) in the IANA `zone`. */
export function localDate(now, zone) {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" })
    .formatToParts(now);
  const part = (type) => parts.find((p) => p.type === type).value;
  return `${part("year")}-${part("month")}-${part("day")}`;
}

/** "2026-11-30" plus `n` calendar days (dates, never instants: no DST hour in them). */
export function addDays(day, n) {
  const [y, m, d] = day.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** Every date from `first` to `last`, each with its slots (in time order; a date without
 * free time has none): [{day, slots}]. */
export function groupByDay(slots, first, last) {
  const groups = new Map();
  for (let day = first; day <= last; day = addDays(day, 1)) groups.set(day, []);
  for (const slot of slots) {
    const day = dayOf(slot.start);
    if (!groups.has(day)) groups.set(day, []);
    groups.get(day).push(slot);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([day, list]) => ({ day, slots: [...list].sort((a, b) => Date.parse(a.start) - Date.parse(b.start)) }));
}

/** Up to `n` free slots starting after `taken` (an API time), soonest first; the slot
 * `taken` itself is never offered again. */
export function nextFree(slots, taken, n = 3) {
  const after = Date.parse(taken);
  return slots
    .filter((s) => Date.parse(s.start) > after)
    .sort((a, b) => Date.parse(a.start) - Date.parse(b.start))
    .slice(0, n);
}

/** The attempt a booking request goes out as: the same request again after no answer (a
 * retry) keeps its Idempotency-Key, so the server books it once; anything else — a
 * changed request, or a new one after an answer — is a new attempt with a new key. */
export function attemptFor(previous, body, newKey) {
  const text = JSON.stringify(body);
  if (previous && !previous.answered && previous.body === text) return previous;
  return { key: newKey(), body: text, answered: false };
}
