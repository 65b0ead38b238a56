"""HTML of the Quora replica: wording from platforms.md §8 and platforms-addendum.md §7.

Known (reference): the sign-in on https://www.quora.com/ with `input#email`, `input#password`
and a `button[type=button]` "Login"; Google and Facebook sign-in; the privacy settings page
/settings/privacy with "Allow large language models to be trained on your content" (English
wording rebuilt from the Hindi help article). Everything else is a plausible rendering.
"""

from __future__ import annotations

import json

from optout.sandbox.html import escape, page

STYLE = """
body{margin:0;font:15px -apple-system,system-ui,Segoe UI,Roboto,Helvetica,Arial,sans-serif;
 background:#f1f2f2;color:#282829}
header{background:#fff;display:flex;gap:16px;align-items:center;padding:8px 24px;border-bottom:1px solid #dee0e1}
.logo{color:#b92b27;font:700 28px Georgia,serif;text-decoration:none}
main{max-width:700px;margin:24px auto;background:#fff;padding:24px;border-radius:3px}
.columns{display:flex;gap:24px}
.columns>div{flex:1}
.columns input{display:block;width:100%;box-sizing:border-box;margin:4px 0 12px;padding:10px;
 border:1px solid #dee0e1;border-radius:3px}
button{border-radius:100px;padding:8px 16px;border:1px solid #dee0e1;background:#fff;cursor:pointer}
button.primary{background:#2e69ff;color:#fff;border:0}
button.primary:disabled{opacity:.35;cursor:default}
.setting{display:flex;justify-content:space-between;align-items:center;gap:12px;padding:14px 0;
 border-bottom:1px solid #dee0e1}
[role=switch]{width:40px;height:22px;border-radius:11px;border:0;background:#dee0e1}
[role=switch][aria-checked=true]{background:#2e69ff}
.error{color:#cb4b10;min-height:1em}
"""

LOGO = '<a class="logo" href="/" aria-label="Quora">Quora</a>'


def quora_page(title: str, body: str, script: str = "") -> str:
    """A Quora-looking document."""
    return page(title, body, style=STYLE, script=script)


LOGIN_SCRIPT = """
const email = document.getElementById("email"), password = document.getElementById("password");
const button = document.getElementById("login-button"), panel = document.getElementById("login-panel");
const error = document.getElementById("login-error");
const ready = () => { button.disabled = !(email.value.trim() && password.value); };
email.addEventListener("input", ready); password.addEventListener("input", ready); ready();
button.addEventListener("click", () => {
  error.textContent = "";
  fetch("/graphql/gql_para_POST?q=UserLoginMutation", {method: "POST", credentials: "same-origin",
    headers: {"content-type": "application/json"},
    body: JSON.stringify({variables: {email: email.value, password: password.value}})})
    .then((r) => r.json())
    .then((res) => {
      if (res.status === "success") { location.assign(panel.dataset.redirect || "/"); return; }
      if (res.status === "code") {
        panel.innerHTML = '<h2>Confirm it\\u2019s you</h2><p>We sent a code to your email address. '
          + 'Enter the code below to finish logging in.</p><form method="post" action="/login/verify_code">'
          + '<input type="hidden" name="token" value="' + res.token + '">'
          + '<input name="code" aria-label="Code" autocomplete="one-time-code">'
          + '<button type="submit" class="primary">Submit</button></form>';
        return;
      }
      if (res.status === "captcha") {
        panel.insertAdjacentHTML("beforeend", '<iframe title="reCAPTCHA" width="304" height="78" '
          + 'src="https://www.google.com/recaptcha/api2/anchor?k=quora-replica"></iframe>');
        return;
      }
      error.textContent = res.message;
    })
    .catch(() => { error.textContent = "Something went wrong. Please try again."; });
});
"""


def landing(redirect: str) -> str:
    """The signed-out home page: sign-up choices on the left, the login form on the right."""
    body = f"""<main><div style="text-align:center">{LOGO}
<p>A place to share knowledge and better understand the world</p></div>
<div class="columns"><div>
<p>By continuing you indicate that you agree to Quora's Terms of Service and Privacy Policy.</p>
<button type="button" onclick="location.assign('https://accounts.google.com/o/oauth2/auth')">
Continue with Google</button>
<button type="button" onclick="location.assign('https://www.facebook.com/dialog/oauth')">
Continue with Facebook</button>
<p><a href="/signup">Sign up with email</a></p></div>
<div id="login-panel" data-redirect="{escape(redirect)}"><h2>Login</h2>
<label for="email">Email</label>
<input id="email" name="email" type="email" placeholder="Your email" autocomplete="username">
<label for="password">Password</label>
<input id="password" name="password" type="password" placeholder="Your password" autocomplete="current-password">
<div id="login-error" class="error" role="alert"></div>
<a href="/forgot_password">Forgot password?</a>
<button type="button" id="login-button" class="primary">Login</button></div></div></main>"""
    return quora_page("Quora - A place to share knowledge and better understand the world", body, LOGIN_SCRIPT)


def member_header(account: str) -> str:
    """The signed-in top bar."""
    return f"""<header>{LOGO}<a href="/">Home</a><a href="/following">Following</a>
<a href="/settings" title="{escape(account)}">Settings</a><a href="/logout">Logout</a></header>"""


def feed(account: str) -> str:
    """The signed-in home feed."""
    body = f"{member_header(account)}<main><h1>Home</h1><p>What do you want to ask or share?</p></main>"
    return quora_page("Quora", body)


SETTINGS_SCRIPT = """
const root = document.getElementById("settings-root");
const config = JSON.parse(root.dataset.config);
const pending = {};
const esc = (s) => s.replace(/[&<>"]/g, (c) => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}[c]));
const post = (name, value) => fetch("/graphql/gql_para_POST?q=UpdateUserSettingMutation", {
  method: "POST", credentials: "same-origin",
  headers: {"content-type": "application/json", "quora-formkey": root.dataset.formkey},
  body: JSON.stringify({variables: {setting: name, value}})})
  .then((r) => { if (!r.ok) throw new Error(String(r.status)); return r.json(); });
const fail = () => {
  let e = document.getElementById("settings-error");
  if (!e) { e = document.createElement("div"); e.id = "settings-error"; e.className = "error";
    e.setAttribute("role", "alert"); root.before(e); }
  e.textContent = "Something went wrong. Please try again later.";
};
fetch("/graphql/gql_para_POST?q=UserSettingsQuery", {method: "POST", credentials: "same-origin",
  headers: {"content-type": "application/json", "quora-formkey": root.dataset.formkey}, body: "{}"})
  .then((r) => { if (!r.ok) throw new Error(String(r.status)); return r.json(); })
  .then((values) => {
    root.textContent = "";
    for (const item of config.items) {
      const n = Math.random().toString(36).slice(2, 8);
      const row = document.createElement("div");
      row.className = "setting";
      let control, read, show;
      if (item.kind === "checkbox") {
        row.innerHTML = `<label><input type="checkbox"> ${esc(item.label)}</label>`;
        control = row.querySelector("input");
        read = () => control.checked; show = (v) => { control.checked = v; };
      } else if (item.kind === "unnamed") {
        row.innerHTML = `<span>${esc(item.label)}</span><button type="button" role="switch"></button>`;
        control = row.querySelector("button");
        read = () => control.getAttribute("aria-checked") === "true";
        show = (v) => control.setAttribute("aria-checked", String(v));
      } else if (item.kind === "pressed") {
        row.innerHTML = `<button type="button" class="pressed">${esc(item.label)}</button>`;
        control = row.querySelector("button");
        read = () => control.getAttribute("aria-pressed") === "true";
        show = (v) => control.setAttribute("aria-pressed", String(v));
      } else {
        row.innerHTML = `<div id="label-${n}">${esc(item.label)}</div>`
          + `<button type="button" role="switch" aria-labelledby="label-${n}"></button>`;
        control = row.querySelector("button");
        read = () => control.getAttribute("aria-checked") === "true";
        show = (v) => control.setAttribute("aria-checked", String(v));
      }
      // An inverted row shows the opposite of the stored value ("Don't allow ...").
      const flip = (v) => (item.inverted ? !v : v);
      show(flip(values[item.key]));
      control.addEventListener(item.kind === "checkbox" ? "change" : "click", () => {
        const wanted = item.kind === "checkbox" ? read() : !read();
        show(wanted);
        if (config.save) { pending[item.key] = flip(wanted); return; }
        post(item.key, flip(wanted)).then((res) => show(flip(res.value)), () => { show(!wanted); fail(); });
      });
      root.appendChild(row);
    }
    if (config.save) {
      const save = document.createElement("button");
      save.type = "button"; save.textContent = "Save changes";
      save.addEventListener("click", () => {
        Promise.all(Object.entries(pending).map(([k, v]) => post(k, v))).catch(fail);
      });
      root.appendChild(save);
    }
  })
  .catch(() => { root.textContent = "Something went wrong. Please try again later."; })
  .finally(() => root.setAttribute("aria-busy", "false"));
"""

SETTINGS_TABS = (("Account", "/settings"), ("Privacy", "/settings/privacy"), ("Display", "/settings/display"))


def privacy_page(account: str, formkey: str, items: list[dict[str, object]], save: bool = False) -> str:
    """Settings > Privacy: the shell; its script draws the rows once their state has loaded."""
    tabs = "".join(f'<a href="{href}">{text}</a> ' for text, href in SETTINGS_TABS)
    config = escape(json.dumps({"items": items, "save": save}))
    body = f"""{member_header(account)}<main><nav aria-label="Settings">{tabs}</nav>
<h1>Privacy Settings</h1>
<div id="settings-root" aria-busy="true" data-formkey="{escape(formkey)}" data-config="{config}">Loading…</div>
</main>"""
    return quora_page("Settings - Quora", body, SETTINGS_SCRIPT)


def plain(account: str, title: str) -> str:
    """Another settings tab, with nothing optout needs on it."""
    return quora_page(f"{title} - Quora", f"{member_header(account)}<main><h1>{escape(title)}</h1></main>")


def not_found() -> str:
    """Quora's 404 page."""
    return quora_page("Page Not Found - Quora", f"<header>{LOGO}</header><main><h1>Page Not Found</h1></main>")
