"""HTML of the Perplexity replica: wording from platforms.md §18 and platforms-addendum.md §8.

Known (reference): the cookie banner's "Accept All Cookies"; the sign-in on the home page with
an `input[type=email]` and "Continue with email", then a page whose input's placeholder is
"Enter Code", then the app with `#ask-input`; Google and Apple sign-in; the settings menu
(Account, Preferences, Personalization, Assistant, Notifications, Usage and credits,
Connectors); "AI data retention" (older "AI Data Usage") on Preferences with its help text.
Everything else (layout, paths under /api and /rest, the control's markup) is a rendering.
"""

from __future__ import annotations

import json

from optout.sandbox.html import escape, page

STYLE = """
body{margin:0;font:15px system-ui,-apple-system,Segoe UI,Roboto,sans-serif;background:#fcfcf9;color:#13343b}
main{max-width:760px;margin:32px auto;padding:0 16px}
.logo{font-weight:600;font-size:22px;color:#13343b;text-decoration:none}
[role=dialog]{max-width:400px;margin:48px auto;background:#fff;border:1px solid #e5e5e0;border-radius:12px;padding:24px}
input[type=email],input[name=code]{width:100%;box-sizing:border-box;padding:10px;border:1px solid #d0d0c8;
 border-radius:8px;margin:8px 0}
button{border-radius:8px;border:1px solid #d0d0c8;background:#fff;padding:8px 14px;cursor:pointer}
button.wide{width:100%;margin:4px 0}
.layout{display:flex;gap:32px}
.layout nav a{display:block;padding:6px 0;color:#13343b;text-decoration:none}
.row{display:flex;justify-content:space-between;align-items:center;gap:16px;padding:14px 0;border-bottom:1px solid #eee}
.row p{margin:2px 0;color:#64645e;font-size:13px}
[role=switch]{width:36px;height:20px;border-radius:10px;border:0;background:#d0d0c8;padding:0}
[role=switch][aria-checked=true]{background:#20808d}
#cookie-banner{position:fixed;left:0;right:0;bottom:0;background:#13343b;color:#fff;padding:12px 24px;
 display:flex;gap:16px;align-items:center;justify-content:space-between}
.error{color:#b3261e}
"""

LOGO = '<a class="logo" href="/" aria-label="Perplexity">perplexity</a>'


def perplexity_page(title: str, body: str, script: str = "") -> str:
    """A Perplexity-looking document."""
    return page(title, body, style=STYLE, script=script)


SIGN_IN_SCRIPT = """
const form = document.getElementById("email-form");
const post = (path, fields) => fetch(path, {method: "POST", credentials: "same-origin",
  headers: {"content-type": "application/x-www-form-urlencoded"}, body: new URLSearchParams(fields).toString()})
  .then((r) => { if (!r.ok) throw new Error(String(r.status)); return r.json(); });
const failed = () => { document.getElementById("sign-in-error").textContent = "Something went wrong."; };
let email = "";
form.addEventListener("submit", (event) => {
  event.preventDefault();
  const code = form.querySelector("input[name=code]");
  if (code) {  // the in-place variant's second step: the app replaces the dialog, no page load
    post("/api/auth/callback/email", {email, code: code.value.trim(), inPlace: "1"})
      .then(() => { document.querySelector("main").innerHTML = APP_HOME; })
      .catch(failed);
    return;
  }
  email = form.querySelector("input[type=email]").value.trim();
  post("/api/auth/signin/email", {email, callbackUrl: form.dataset.callback})
    .then((res) => (res.url ? location.assign(res.url) : askForCode(res.inbox)))
    .catch(failed);
});
// The in-place variant asks for the code in the same dialog (what a single-page app does).
function askForCode(inbox) {
  form.innerHTML = '<p>Check your email</p><input name="code" placeholder="Enter Code" aria-label="Code">' +
    '<button type="submit" class="wide">Continue</button>';
  if (inbox) document.dispatchEvent(new CustomEvent("mail-arrived", {detail: inbox}));
}
"""


def sign_in(callback: str, script: str = "") -> str:
    """The signed-out home page (and /auth/signin): a sign-in dialog over the search box."""
    body = f"""<main>{LOGO}
<div role="dialog" aria-modal="false" aria-labelledby="sign-in-title">
<h2 id="sign-in-title">Welcome</h2><p>Sign in or sign up to continue</p>
<button type="button" class="wide" onclick="location.assign('https://accounts.google.com/o/oauth2/v2/auth')">
Continue with Google</button>
<button type="button" class="wide" onclick="location.assign('https://appleid.apple.com/auth/authorize')">
Continue with Apple</button>
<form id="email-form" data-callback="{escape(callback)}" novalidate>
<input type="email" name="email" placeholder="Enter your email" autocomplete="email" aria-label="Email">
<button type="submit" class="wide">Continue with email</button></form>
<div id="sign-in-error" class="error" role="alert"></div></div></main>"""
    app = f"const APP_HOME = {json.dumps(APP_HOME)};"
    return perplexity_page("Perplexity", body, app + SIGN_IN_SCRIPT + script)


def verify_request(email: str, callback: str, *, error: bool = False, script: str = "") -> str:
    """The code page after "Continue with email"."""
    alert = '<p class="error" role="alert">That code is not valid. Try again.</p>' if error else ""
    body = f"""<main>{LOGO}<div role="dialog" aria-labelledby="code-title">
<h2 id="code-title">Check your email</h2>
<p>A temporary sign-in code has been sent to {escape(email)}</p>{alert}
<form method="post" action="/api/auth/callback/email">
<input type="hidden" name="email" value="{escape(email)}">
<input type="hidden" name="callbackUrl" value="{escape(callback)}">
<input name="code" placeholder="Enter Code" autocomplete="one-time-code" aria-label="Code">
<button type="submit" class="wide">Continue</button></form></div></main>"""
    return perplexity_page("Perplexity", body, script)


def person_script(email: str, code: str) -> str:
    """A test's stand-in for the person at the window: types the email, then the emailed code
    (on the code page, or in the dialog once "the mail arrives")."""
    return f"""
window.addEventListener("load", () => {{
  const email = {json.dumps(email)}, code = {json.dumps(code)};
  const form = document.getElementById("email-form");
  if (form) {{
    document.addEventListener("mail-arrived", (event) => {{
      form.querySelector("input[name=code]").value = event.detail;
      form.requestSubmit();
    }});
    form.querySelector("input[type=email]").value = email;
    form.requestSubmit();
    return;
  }}
  const input = document.querySelector("input[name=code]");
  if (input && code) {{ input.value = code; input.form.submit(); }}
}});
"""


APP_HOME = (
    LOGO
    + """
<nav aria-label="Profile"><a href="/account/details">All settings</a></nav><h1>Where knowledge begins</h1>
<textarea id="ask-input" placeholder="Ask anything…" aria-label="Ask anything"></textarea>"""
)


def app_home() -> str:
    """The signed-in app: the ask box and the profile menu."""
    return perplexity_page("Perplexity", f"<main>{APP_HOME}</main>")


MENU = (
    ("Account", "/account/details"),
    ("Preferences", "{preferences}"),
    ("Personalization", "/account/personalize"),
    ("Assistant", "/account/assistant"),
    ("Notifications", "/account/notifications"),
    ("Usage and credits", "/account/usage"),
    ("Connectors", "/account/connectors"),
)

PREFERENCES_SCRIPT = """
const root = document.getElementById("preferences-root");
const config = JSON.parse(root.dataset.config);
const esc = (s) => s.replace(/[&<>"]/g, (c) => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}[c]));
fetch("/rest/user/settings", {credentials: "same-origin"})
  .then((r) => { if (!r.ok) throw new Error(String(r.status)); return r.json(); })
  .then((values) => {
    root.textContent = "";
    for (const item of config.items) {
      const id = "radix-" + Math.random().toString(36).slice(2, 8);
      const row = document.createElement("div");
      row.className = "row";
      row.innerHTML = `<div><label for="${id}">${esc(item.label)}</label>`
        + (item.desc ? `<p>${esc(item.desc)}</p>` : "") + `</div>`
        + `<button type="button" role="switch" id="${id}" value="on"></button>`;
      const sw = row.querySelector("button");
      const show = (v) => {
        sw.setAttribute("aria-checked", String(v)); sw.dataset.state = v ? "checked" : "unchecked";
      };
      show(values[item.key]);
      sw.addEventListener("click", () => {
        const wanted = sw.getAttribute("aria-checked") !== "true";
        fetch("/rest/user/settings", {method: "PATCH", credentials: "same-origin",
          headers: {"content-type": "application/json"}, body: JSON.stringify({[item.key]: wanted})})
          .then((r) => { if (!r.ok) throw new Error(String(r.status)); return r.json(); })
          .then((res) => show(res[item.key]))
          .catch(() => { show(!wanted); root.insertAdjacentHTML("beforebegin",
            '<p class="error" role="alert">Failed to update setting</p>'); });
      });
      root.appendChild(row);
    }
  })
  .catch(() => { root.textContent = "Something went wrong."; })
  .finally(() => root.setAttribute("aria-busy", "false"));
"""


def settings_shell(account: str, preferences_path: str, heading: str, inner: str, script: str = "") -> str:
    """The "All settings" layout: the menu on the left, one page on the right."""
    menu = "".join(
        f'<a href="{escape(href.replace("{preferences}", preferences_path))}">{escape(text)}</a>' for text, href in MENU
    )
    body = f"""<main class="layout"><nav aria-label="Settings">{LOGO}{menu}</nav>
<div><h1>{escape(heading)}</h1><p title="{escape(account)}">Signed in</p>{inner}</div></main>"""
    return perplexity_page(f"{heading} | Perplexity", body, script)


def preferences(account: str, preferences_path: str, items: list[dict[str, object]]) -> str:
    """Settings > Preferences; its script draws the rows once their state has loaded."""
    config = escape(json.dumps({"items": items}))
    inner = f'<div id="preferences-root" aria-busy="true" data-config="{config}">Loading…</div>'
    return settings_shell(account, preferences_path, "Preferences", inner, PREFERENCES_SCRIPT)


def not_found() -> str:
    """The 404 page."""
    return perplexity_page("Page not found | Perplexity", f"<main>{LOGO}<h1>404</h1><p>Page not found</p></main>")


COOKIE_BANNER = """<div id="cookie-banner" role="region" aria-label="Cookie banner">
<span>We use cookies to improve your experience.</span>
<button type="button" id="accept-cookies">Accept All Cookies</button></div>
<script>
document.getElementById("accept-cookies").addEventListener("click", () => {
  fetch("/rest/cookie-consent", {method: "POST", credentials: "same-origin"})
    .finally(() => document.getElementById("cookie-banner").remove());
});
</script>"""
