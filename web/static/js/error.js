// The 404 and 403 pages: a 403 (a quote seen without a session) signs in and loads again.
import { api } from "./page.js";

const form = document.getElementById("sign-in-form");
form?.addEventListener("submit", async (event) => {
  event.preventDefault();
  try {
    await api("POST", "/api/v1/session", { body: { login: form.login.value, password: form.password.value } });
    location.reload();
  } catch (error) {
    document.getElementById("sign-in-notice").textContent = error.message;
  }
});
