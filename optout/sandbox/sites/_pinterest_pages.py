"""HTML of the Pinterest replica: wording from platforms.md §12 and platforms-addendum.md §6.

Known (reference): the sign-in fields `#email` / `#password` and the "Log in" button, the
"Privacy and data" page with its ads checkboxes and "Done", the GenAI section's label and
description. Everything else here (layout, the resource paths, error and 2FA wording) is a
plausible rendering, not a fact.
"""

from __future__ import annotations

import json

from optout.sandbox.html import escape, page

STYLE = """
body{margin:0;font:16px -apple-system,system-ui,Segoe UI,Roboto,Helvetica,Arial,sans-serif;color:#111}
header{display:flex;gap:16px;align-items:center;padding:12px 16px}
.logo{color:#e60023;font-weight:700;font-size:22px;text-decoration:none}
main{max-width:720px;margin:16px auto;padding:0 16px}
.card{max-width:360px;margin:40px auto;text-align:center}
.card input{display:block;width:100%;box-sizing:border-box;margin:6px 0 12px;padding:12px;
 border:2px solid #cdcdcd;border-radius:16px;font-size:16px}
button{border-radius:24px;border:0;padding:10px 16px;font-size:16px;cursor:pointer;background:#e9e9e9}
button.red{background:#e60023;color:#fff;width:100%}
.layout{display:flex;gap:32px}
.layout nav a{display:block;padding:8px 0;color:#111;text-decoration:none}
section{margin:24px 0}
.row{display:flex;justify-content:space-between;align-items:flex-start;gap:16px;padding:8px 0}
.row p{margin:2px 0;color:#5f5f5f;font-size:14px}
.track{position:relative;display:inline-block;width:48px;height:28px}
.track input{position:absolute;inset:0;margin:0;opacity:0;cursor:pointer;width:100%;height:100%}
.track span{display:block;width:48px;height:28px;border-radius:14px;background:#cdcdcd}
.track input:checked+span{background:#111}
.footer{position:sticky;bottom:0;background:#fff;padding:12px 0;text-align:right}
.error{color:#cc0000}
.toast{position:fixed;top:72px;left:50%;background:#111;color:#fff;padding:12px 16px;border-radius:16px}
"""

LOGO = '<a class="logo" href="/" aria-label="Pinterest">Pinterest</a>'


def pinterest_page(title: str, body: str, script: str = "") -> str:
    """A Pinterest-looking document."""
    return page(title, body, style=STYLE, script=script)


LOGIN_SCRIPT = """
const form = document.getElementById("login-form");
form.addEventListener("submit", (event) => {
  event.preventDefault();
  const error = document.getElementById("login-error");
  error.textContent = "";
  fetch("/resource/UserSessionResource/create/", {method: "POST", credentials: "same-origin",
    headers: {"content-type": "application/x-www-form-urlencoded"},
    body: new URLSearchParams(new FormData(form)).toString()})
    .then((r) => r.json())
    .then((res) => {
      if (res.status === "success" || res.status === "challenge") { location.assign(res.next); return; }
      if (res.status === "captcha") {
        // Drawn only when the site asks for it, like a real reCAPTCHA widget.
        document.getElementById("captcha").innerHTML = '<p>Please complete the security check.</p>'
          + '<iframe title="reCAPTCHA" width="304" height="78" '
          + 'src="https://www.google.com/recaptcha/api2/anchor?k=pinterest-replica"></iframe>';
        return;
      }
      error.textContent = res.message;
    })
    .catch(() => { error.textContent = "Something went wrong. Please try again."; });
});
"""


def login_page(next_path: str) -> str:
    """/login/: email and password, "Log in", and the single sign-on buttons."""
    body = f"""<header>{LOGO}</header><main><div class="card">
<h1>Welcome to Pinterest</h1>
<form id="login-form" novalidate>
<input type="hidden" name="next" value="{escape(next_path)}">
<label for="email">Email</label>
<input id="email" name="id" type="email" autocomplete="username" placeholder="Email">
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" placeholder="Password">
<div id="login-error" class="error" role="alert"></div>
<p><a href="/password/reset/">Forgot your password?</a></p>
<div id="captcha"></div>
<button type="submit" class="red">Log in</button>
</form>
<p>OR</p>
<button type="button" onclick="location.assign('https://accounts.google.com/o/oauth2/auth')">
Continue with Google</button>
<p><a href="/signup/">Not on Pinterest yet? Sign up</a></p></div></main>"""
    return pinterest_page("Log in | Pinterest", body, LOGIN_SCRIPT)


def two_factor_page(token: str) -> str:
    """The code page after a correct password when two-factor authentication is on (wording guessed)."""
    body = f"""<header>{LOGO}</header><main><div class="card">
<h1>Two-factor authentication</h1>
<p>Enter the 6-digit code we sent to your phone.</p>
<form method="post" action="/login/two_factor/verify/">
<input type="hidden" name="token" value="{escape(token)}">
<input name="code" inputmode="numeric" autocomplete="one-time-code" aria-label="Code">
<button type="submit" class="red">Verify</button></form></div></main>"""
    return pinterest_page("Two-factor authentication | Pinterest", body)


def guest_home() -> str:
    """The signed-out home page."""
    body = f"""<header>{LOGO}<a href="/login/">Log in</a><a href="/signup/">Sign up</a></header>
<main><h1>Get your next idea</h1></main>"""
    return pinterest_page("Pinterest", body)


def member_header(account: str) -> str:
    """The signed-in top bar."""
    return f"""<header>{LOGO}<a href="/">Home</a><a href="/ideas/">Explore</a>
<a href="/settings/" title="{escape(account)}">Settings</a><a href="/logout/">Log out</a></header>"""


def home_feed(account: str) -> str:
    """The signed-in home feed."""
    return pinterest_page("Pinterest", f"{member_header(account)}<main><h1>Home feed</h1></main>")


SETTINGS_NAV = (
    ("Edit profile", "/settings/edit-profile/"),
    ("Account management", "/settings/account-settings/"),
    ("Profile visibility", "/settings/profile-visibility/"),
    ("Social permissions", "/settings/social-permissions/"),
    ("Notifications", "/settings/notifications/"),
    ("Privacy and data", "{privacy}"),
    ("Security and logins", "/settings/security/"),
)

PRIVACY_SCRIPT = """
const root = document.getElementById("privacy-root");
const config = JSON.parse(root.dataset.config);
const csrf = () => (document.cookie.match(/(?:^|;\\s*)csrftoken=([^;]*)/) || ["", ""])[1];
const pending = {};
const toast = (text) => {
  let t = document.getElementById("toast");
  if (!t) { t = document.createElement("div"); t.id = "toast"; t.className = "toast";
    t.setAttribute("role", "status"); document.body.appendChild(t); }
  t.textContent = text;
};
const send = (changes) => fetch("/resource/UserSettingsResource/update/", {method: "POST",
  credentials: "same-origin", headers: {"content-type": "application/json", "X-CSRFToken": csrf()},
  body: JSON.stringify({changes})}).then((r) => { if (!r.ok) throw new Error(String(r.status)); return r.json(); });
const el = (html) => {
  const t = document.createElement("template"); t.innerHTML = html.trim(); return t.content.firstChild;
};
const esc = (s) => s.replace(/[&<>"]/g, (c) => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}[c]));
const row = (item, value, kind) => {
  const id = "s-" + item.key + "-" + Math.random().toString(36).slice(2, 7);
  const desc = item.desc ? `<p id="${id}-d">${esc(item.desc)}</p>` : "";
  const more = item.more ? ` <a href="${item.more}">Learn more</a>` : "";
  const input = kind === "switch"
    ? `<span class="track"><input type="checkbox" role="switch" id="${id}" aria-describedby="${id}-d">`
      + `<span></span></span>`
    : `<input type="checkbox" id="${id}" aria-describedby="${id}-d">`;
  // An unnamed row shows its label as plain text, not tied to the control.
  const label = item.unnamed ? `<span>${esc(item.label)}</span>` : `<label for="${id}">${esc(item.label)}</label>`;
  const node = kind === "switch"
    ? el(`<div class="row"><div>${label}${desc}${more}</div>${input}</div>`)
    : el(`<div class="row">${input}<div><label for="${id}">${esc(item.label)}</label>${desc}${more}</div></div>`);
  const box = node.querySelector("input");
  // An inverted row ("Don't use ...") shows the opposite of the stored value.
  const flip = (v) => (item.inverted ? !v : v);
  const show = (v) => { box.checked = flip(v); };
  show(value);
  box.addEventListener("change", () => {
    const wanted = flip(box.checked);
    if (!item.autosave) { pending[item.key] = wanted; return; }
    send({[item.key]: wanted}).then((res) => show(res[item.key]),
      () => { show(!wanted); toast("Something went wrong. Please try again."); });
  });
  return node;
};
const doneButton = () => {
  const footer = el(`<div class="footer"><button type="button">${esc(config.doneLabel)}</button></div>`);
  const button = footer.querySelector("button");
  if (config.doneDisabled) button.disabled = true;
  button.addEventListener("click", () => {
    const changes = Object.assign({}, pending);
    if (!Object.keys(changes).length) { toast("Your settings are up to date"); return; }
    send(changes).then(() => { for (const k of Object.keys(changes)) delete pending[k]; toast("Settings saved"); },
      () => toast("Something went wrong. Please try again."));
  });
  return footer;
};
fetch("/resource/UserSettingsResource/get/", {credentials: "same-origin"})
  .then((r) => { if (!r.ok) throw new Error(String(r.status)); return r.json(); })
  .then((values) => {
    root.textContent = "";
    for (const section of config.sections) {
      const s = el(`<section aria-labelledby="h-${section.id}">`
        + `<h2 id="h-${section.id}">${esc(section.title)}</h2></section>`);
      if (section.intro) s.appendChild(el(`<p>${esc(section.intro)}</p>`));
      for (const item of section.items) s.appendChild(row(item, values[item.key], item.kind));
      if (config.donePerSection) s.appendChild(doneButton());
      root.appendChild(s);
    }
    if (!config.donePerSection) root.appendChild(doneButton());
  })
  .catch(() => { root.textContent = "Something went wrong. Please try again."; })
  .finally(() => root.setAttribute("aria-busy", "false"));
"""


def privacy_page(account: str, privacy_path: str, sections: list[dict[str, object]], **done: object) -> str:
    """Settings > Privacy and data: the page shell; its script renders the sections from the state.

    `done` holds doneLabel, doneDisabled, donePerSection and intro (the page's lead text)."""
    nav = "".join(
        f'<a href="{escape(href.replace("{privacy}", privacy_path))}">{escape(text)}</a>' for text, href in SETTINGS_NAV
    )
    config = escape(json.dumps({"sections": sections, **done}))
    intro = escape(str(done.get("intro") or "Make changes to your personalization, ads preferences and data."))
    body = f"""{member_header(account)}<main class="layout"><nav aria-label="Settings">{nav}</nav>
<div><h1>Privacy and data</h1>
<p>{intro}</p>
<div id="privacy-root" aria-busy="true" data-config="{config}">Loading…</div></div></main>"""
    return pinterest_page("Privacy and data | Pinterest", body, PRIVACY_SCRIPT)


def not_found() -> str:
    """Pinterest's 404 page."""
    body = f"""<header>{LOGO}</header><main><h1>Sorry! We couldn't find that page.</h1></main>"""
    return pinterest_page("Pinterest", body)
