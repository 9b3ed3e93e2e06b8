// The quote page: the frozen quote from the API, and its PDF.
import { api, data, el, lang, t } from "./page.js";
import { money } from "./format.js";

const from = new URLSearchParams(location.search).get("from");
if (from) document.getElementById("back-to-design").href = `/designs/${encodeURIComponent(from)}`;

api("GET", `/api/v1/quotes/${encodeURIComponent(data.number)}?lang=${lang}`).then((quote) => {
  const price = quote.price;
  document.getElementById("quote-lines").replaceChildren(...price.lines.map((line) => el("tr", {},
    el("td", {}, line.cabinet ? `${line.cabinet} · ` : "", lang === "zh-CN" ? line.description_zh : line.description),
    el("td", { class: "num" }, `${line.quantity} ${line.unit}`),
    el("td", { class: "num" }, money(line.amount)))));
  document.getElementById("quote-totals").replaceChildren(...[["subtotal", price.subtotal], ["discount", `-${price.discount}`], ["total", price.total], ["deposit", price.deposit], ["balance", price.balance]]
    .flatMap(([key, amount]) => [el("dt", {}, t(key)), el("dd", { "data-testid": key === "total" ? "quote-total" : null }, money(amount))]));
  if (quote.valid_until) document.getElementById("quote-valid").textContent = t("quote_valid", { date: quote.valid_until.slice(0, 10) });
}).catch((error) => {
  document.getElementById("quote-lines").replaceChildren(el("tr", {}, el("td", { colspan: 3 }, error.message)));
});
