// Money and numbers as the page shows them. Amounts come from the server as decimal strings;
// they are only written with separators, never turned into floats or computed with.

/** "3758.66" → "¥3,758.66" (zh-CN and en alike: the currency is CNY). */
export function money(amount, symbol = "¥") {
  const text = String(amount);
  const negative = text.startsWith("-");
  const [whole, fraction = "00"] = text.replace(/^-/, "").split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${negative ? "-" : ""}${symbol}${grouped}.${fraction.padEnd(2, "0")}`;
}

/** Fill "{name}" placeholders. */
export function fill(text, params = {}) {
  return text.replace(/\{(\w+)\}/g, (all, key) => (key in params ? String(params[key]) : all));
}
