"""HTML and scripts of the Grammarly replica (text from platforms-addendum.md §9)."""

from __future__ import annotations

from optout.sandbox.html import escape, page

STYLE = """
body{margin:0;font:15px Inter,-apple-system,system-ui,sans-serif;background:#f7f7fb;color:#0e101a}
header{background:#fff;padding:12px 24px;border-bottom:1px solid #e4e6f2;display:flex;gap:24px}
.logo{font-weight:700;color:#15c39a;text-decoration:none}
.layout{display:flex;max-width:960px;margin:24px auto;gap:24px}
nav.side a{display:block;padding:8px 0;color:#6d758d;text-decoration:none}
main{flex:1;background:#fff;border-radius:8px;padding:24px}
.card{max-width:380px;margin:40px auto;background:#fff;padding:32px;border-radius:8px}
label{display:block;margin:12px 0 4px}
input[type=email],input[type=password],input[type=text]{width:100%;box-sizing:border-box;padding:10px;
 border:1px solid #b4b9d0;border-radius:4px}
button.primary{width:100%;margin-top:16px;padding:12px;background:#15c39a;color:#fff;border:0;border-radius:4px}
.pref{display:flex;justify-content:space-between;align-items:center;gap:16px;padding:16px 0;
 border-bottom:1px solid #eef0f7}
.pref p{color:#6d758d;margin:4px 0 0}
[role=switch]:not(input),button.tick{width:44px;height:24px;border-radius:12px;border:0;background:#b4b9d0}
[role=switch][aria-checked=true]:not(input){background:#15c39a}
button.tick{background:none;border:2px solid #b4b9d0;width:28px;height:28px;border-radius:50%}
button.tick svg{fill:#15c39a}
.error{color:#d2262f}
"""

LOGO = '<a class="logo" href="https://www.grammarly.com/" aria-label="Grammarly home">grammarly</a>'


def grammarly_page(title: str, body: str, script: str = "") -> str:
    """A Grammarly-looking document."""
    return page(title, body, style=STYLE, script=script)


def signin_page(
    next_url: str, *, error: bool = False, email: str = "", step: str = "one-page", plain: bool = False
) -> str:
    """www.grammarly.com/signin (the real layout is unknown): email and password on one form
    ("one-page"), or identifier first: the "email" step, then the "password" step. `plain`: an
    unlabelled text field named email and "Continue with email", then "Continue"."""
    alert = '<p class="error" role="alert">Invalid email or password. Please try again.</p>' if error else ""
    email_field = f"""<label for="email">Email</label>
<input id="email" name="email" type="email" autocomplete="username" value="{escape(email)}">"""
    password_field = """<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password">"""
    if plain:
        email_field = f'<input name="email" type="text" placeholder="Email address" value="{escape(email)}">'
    if step == "email":
        action, fields, button = "/signin/email", email_field, "Continue with email" if plain else "Continue"
    elif step == "password":
        shown = f'<p>{escape(email)}</p><input type="hidden" name="email" value="{escape(email)}">'
        action, fields, button = "/signin", shown + password_field, "Continue" if plain else "Log in"
    else:
        action, fields, button = "/signin", email_field + password_field, "Log in"
    body = f"""<header>{LOGO}</header><div class="card"><h1>Log in</h1>
<button type="button">Continue with Google</button> <button type="button">Continue with Apple</button>
<p>or</p>
<form method="post" action="{action}" novalidate>
<input type="hidden" name="next" value="{escape(next_url)}">
{fields}
{alert}<p><a href="/resetpassword">Forgot password?</a></p>
<button type="submit" class="primary">{button}</button></form>
<p>Don't have an account? <a href="/signup">Sign up</a></p></div>"""
    return grammarly_page("Log in | Grammarly", body)


def two_step_page(token: str) -> str:
    """The second step of sign-in when two-step verification is on (help 360032922091)."""
    body = f"""<header>{LOGO}</header><div class="card"><h1>Two-step verification</h1>
<p>Enter the 6-digit code from your authenticator app or the text message we sent you.</p>
<form method="post" action="/signin/2sv"><input type="hidden" name="token" value="{escape(token)}">
<label for="code">Code</label><input id="code" name="code" type="text" inputmode="numeric"
 autocomplete="one-time-code">
<label><input type="checkbox" name="trust"> Trust this device</label>
<button type="submit" class="primary">Verify</button></form>
<p><a href="/signin/2sv/backup">Use a backup code</a></p></div>"""
    return grammarly_page("Two-step verification | Grammarly", body)


def account_nav() -> str:
    """The account area's side navigation (it names two-step verification, as a real one would)."""
    links = (
        ("/profile", "Account"),
        ("/subscription", "Subscription"),
        ("/security", "Security"),
        ("/security/two-step-verification", "Two-step verification"),
        ("/security/privacy", "Privacy"),
    )
    items = "".join(f'<a href="{href}">{escape(text)}</a>' for href, text in links)
    return f'<nav class="side" aria-label="Account settings">{items}</nav>'


def account_page(account: str, heading: str, inner: str, script: str = "") -> str:
    """A page of account.grammarly.com with the header and side navigation."""
    body = f"""<header>{LOGO}<span title="{escape(account)}">My account</span>
<a href="https://www.grammarly.com/signout">Log out</a></header>
<div class="layout">{account_nav()}<main><h1>{escape(heading)}</h1>{inner}</main></div>"""
    return grammarly_page(f"{heading} | Grammarly", body, script)


def home_page(account: str) -> str:
    """account.grammarly.com/profile."""
    return account_page(account, "Account", "<p>Manage your profile and subscription.</p>")


PREFS_SCRIPT = """
(() => {
  const root = document.getElementById("prefs-root");
  const api = root.dataset.api;
  const el = (tag, attrs, text) => {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
    if (text !== undefined) e.textContent = text;
    return e;
  };
  const uid = () => "g" + Math.random().toString(36).slice(2, 9);
  const tick = () => {
    const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
    svg.setAttribute("viewBox", "0 0 16 16"); svg.setAttribute("aria-hidden", "true");
    const p = document.createElementNS("http://www.w3.org/2000/svg", "path");
    p.setAttribute("d", "M6 11 3 8l-1 1 4 4 8-8-1-1z"); svg.appendChild(p); return svg;
  };
  const alert = (text) => {
    let a = document.getElementById("prefs-alert");
    if (!a) { a = el("div", {id: "prefs-alert", role: "alert", class: "error"}); root.before(a); }
    a.textContent = text;
  };
  const control = (s, row, style, labelId, descId) => {
    if (style === "native") {
      const input = el("input", {type: "checkbox", "aria-describedby": descId});
      if (!s.unnamed) input.setAttribute("aria-labelledby", labelId);
      input.checked = row.value;
      const wrap = el("label", {class: "toggle"}); wrap.append(input, el("span", {"aria-hidden": "true"}));
      return [wrap, input, () => input.checked, (v) => { input.checked = v; }, "change"];
    }
    const attrs = {type: "button", "aria-describedby": descId};
    if (!s.unnamed) attrs["aria-labelledby"] = labelId;
    if (style !== "tick-only") { attrs.role = "switch"; }
    const button = el("button", attrs);
    if (style.startsWith("tick")) button.className = "tick";
    let value = row.value;
    const show = (v) => {
      value = v;
      if (style !== "tick-only") button.setAttribute("aria-checked", String(v));
      button.textContent = "";
      if (style.startsWith("tick") && v) button.appendChild(tick());
    };
    show(value);
    button.addEventListener("click", () => button.dispatchEvent(new Event("flip")));
    return [button, button, () => !value, show, "flip"];
  };
  const render = (s) => {
    root.textContent = "";
    if (s.managed) { root.appendChild(el("p", {}, s.managed)); return; }
    const rows = s.rows.slice().sort(() => Math.random() - 0.5);
    for (const row of rows) {
      const labelId = uid(), descId = uid();
      const item = el("div", {class: "pref"});
      const text = el("div");
      text.append(el("span", {id: labelId, class: "pref-title"}, row.label), el("p", {id: descId}, row.help));
      const [box, target, next, show, event] = control(s, row, s.style, labelId, descId);
      item.append(text, box);
      root.appendChild(Math.random() < 0.5 ? item : (() => { const d = el("div"); d.appendChild(item); return d; })());
      target.addEventListener(event, () => {
        const wanted = next();
        show(wanted);
        fetch(api, {method: "PATCH", credentials: "same-origin",
          headers: {"content-type": "application/json"}, body: JSON.stringify({key: row.key, value: wanted})})
          .then((r) => { if (!r.ok) throw new Error(String(r.status)); return r.json(); })
          .then((res) => show(res.value))
          .catch(() => { show(!wanted); alert("Something went wrong. Your changes were not saved."); });
      });
    }
    if (s.note) root.appendChild(el("p", {}, s.note));
  };
  fetch(api, {credentials: "same-origin"})
    .then((r) => { if (!r.ok) throw new Error(String(r.status)); return r.json(); })
    .then(render)
    .catch(() => { root.textContent = "Something went wrong. Please refresh the page."; })
    .finally(() => root.setAttribute("aria-busy", "false"));
})();
"""


def prefs_page(account: str, heading: str, intro: str, api: str) -> str:
    """A settings page shell; its script renders the toggles once their state has loaded."""
    inner = f"""<p>{escape(intro)}</p>
<div id="prefs-root" aria-busy="true" data-api="{escape(api)}">Loading…</div>"""
    return account_page(account, heading, inner, PREFS_SCRIPT)


def not_found_page() -> str:
    """Grammarly's 404."""
    body = f"<header>{LOGO}</header><div class='card'><h1>Page not found</h1></div>"
    return grammarly_page("Page not found | Grammarly", body)
