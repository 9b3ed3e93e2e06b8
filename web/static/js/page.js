// What every page shares: its wording and data (JSON blocks the server rendered), and calls
// to the API with the session's CSRF token (DESIGN.md §5: double submit).
import { fill } from "./format.js";

const messages = JSON.parse(document.getElementById("page-messages").textContent);
export const data = JSON.parse(document.getElementById("page-data").textContent);
export const lang = data.lang;

/** The page's wording for `key`, placeholders filled. */
export function t(key, params) {
  return fill(messages[key] ?? key, params);
}

export class ApiError extends Error {
  constructor(status, body) {
    super(body?.error?.message ?? `HTTP ${status}`);
    this.status = status;
    this.body = body;
  }
}

function csrf() {
  const found = document.cookie.split("; ").find((c) => c.startsWith("millwork_csrf="));
  return found ? decodeURIComponent(found.slice("millwork_csrf=".length)) : "";
}

/** Call the API: JSON in and out; throws ApiError with the error body on 4xx/5xx. */
export async function api(method, url, { body, headers = {}, signal, raw = false } = {}) {
  const init = { method, headers: { ...headers }, signal, credentials: "same-origin" };
  if (body !== undefined) {
    init.headers["Content-Type"] = "application/json";
    init.body = typeof body === "string" ? body : JSON.stringify(body);
  }
  if (!["GET", "HEAD"].includes(method)) {
    const token = csrf();
    if (token) init.headers["X-CSRF-Token"] = token;
  }
  const response = await fetch(url, init);
  if (!response.ok) {
    let error = null;
    try { error = await response.json(); } catch { /* not JSON */ }
    throw new ApiError(response.status, error);
  }
  if (raw) return response;
  return response.status === 204 ? null : response.json();
}

/** Element helper: el("li", {class: "x", onclick}, child, "text"). */
export function el(tag, attrs = {}, ...children) {
  const svg = ["svg", "g", "rect", "line", "path", "polygon", "polyline", "text", "circle", "title"].includes(tag);
  const node = svg
    ? document.createElementNS("http://www.w3.org/2000/svg", tag)
    : document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else if (key === "text") node.textContent = value;
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** Names in the page's language: catalogue entries carry `name` and `name_zh`. */
export function named(entry) {
  return lang === "zh-CN" && entry.name_zh ? entry.name_zh : entry.name;
}

/** Remember the designs this browser opened (the start page lists them). */
export function remember(id, name) {
  const list = recent().filter((d) => d.id !== id);
  list.unshift({ id, name, at: new Date().toISOString() });
  localStorage.setItem("millwork_recent", JSON.stringify(list.slice(0, 12)));
}

export function recent() {
  try { return JSON.parse(localStorage.getItem("millwork_recent") || "[]"); } catch { return []; }
}
