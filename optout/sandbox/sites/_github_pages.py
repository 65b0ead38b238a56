"""HTML of the GitHub replica: sign-in, 2FA / device checks, sudo, and the Copilot Features page."""

from __future__ import annotations

from optout.sandbox.html import escape, page

STYLE = """
body{margin:0;font:14px -apple-system,BlinkMacSystemFont,"Segoe UI","Noto Sans",Helvetica,Arial,sans-serif;
 color:#1f2328;background:#fff}
header{background:#f6f8fa;border-bottom:1px solid #d1d9e0;padding:12px 24px;display:flex;gap:16px}
header a{color:#1f2328;text-decoration:none;font-weight:600}
main{max-width:900px;margin:24px auto;padding:0 16px;display:flex;gap:24px}
.auth{max-width:340px;margin:40px auto;display:block}
.auth-form-body{border:1px solid #d1d9e0;border-radius:6px;padding:16px;background:#f6f8fa}
.auth label{display:block;font-weight:600;margin:8px 0 4px}
.auth input.form-control{width:100%;box-sizing:border-box;padding:5px 12px;font-size:14px}
.btn-primary{width:100%;margin-top:16px;background:#1f883d;color:#fff;border:0;border-radius:6px;padding:6px}
.flash-error{background:#ffebe9;border:1px solid #ff818266;padding:12px;border-radius:6px;margin-bottom:12px}
nav.menu a{display:block;padding:6px 8px;color:#1f2328;text-decoration:none}
.settings{flex:1}
.Box{border:1px solid #d1d9e0;border-radius:6px;margin-bottom:16px}
.Box-row{display:flex;justify-content:space-between;align-items:center;gap:16px;padding:12px 16px;
 border-top:1px solid #d1d9e0}
.note{color:#59636e;font-size:12px;margin:4px 0 0}
action-menu{position:relative;display:inline-block}
.Overlay{position:absolute;right:0;z-index:10;background:#fff;border:1px solid #d1d9e0;border-radius:12px;
 box-shadow:0 8px 24px rgba(0,0,0,.2);min-width:160px}
.ActionListWrap{list-style:none;margin:0;padding:8px}
.ActionListContent{display:block;width:100%;text-align:left;background:none;border:0;padding:6px 8px;cursor:pointer}
.ActionListContent[aria-checked=true]{font-weight:600}
.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0,0,0,0)}
.flash{position:fixed;top:12px;left:50%;padding:10px 16px;border-radius:6px;background:#dafbe1}
.flash.error{background:#ffebe9}
"""

LOGO = '<a href="/" aria-label="Homepage">GitHub</a>'


def github_page(title: str, body: str, script: str = "") -> str:
    """A GitHub-looking document."""
    return page(title, body, style=STYLE, script=script)


def login_page(token: str, return_to: str, *, error: str = "", login: str = "") -> str:
    """The server-rendered sign-in form (addendum §1.1), with the error flash after a bad password."""
    flash = f'<div class="flash flash-error" role="alert">{escape(error)}</div>' if error else ""
    body = f"""<div class="auth" id="login"><div class="auth-form-header"><h1>Sign in to GitHub</h1></div>
{flash}<div class="auth-form-body"><form action="/session" accept-charset="UTF-8" method="post">
<input type="hidden" name="authenticity_token" value="{escape(token)}">
<input type="hidden" name="return_to" value="{escape(return_to)}">
<label for="login_field">Username or email address</label>
<input type="text" name="login" id="login_field" class="form-control" autocapitalize="off"
 autocomplete="username" value="{escape(login)}" autofocus>
<div><label for="password">Password</label>
<a href="/password_reset" id="forgot-password">Forgot password?</a></div>
<input type="password" name="password" id="password" class="form-control" autocomplete="current-password">
<input type="submit" name="commit" value="Sign in" class="btn btn-primary btn-block">
</form>
<p>or</p><button type="button" class="btn btn-block">Sign in with a passkey</button></div>
<p>New to GitHub? <a href="/signup">Create an account</a></p></div>"""
    return github_page("Sign in to GitHub · GitHub", body)


# Pages after the password (addendum §1.1): heading, explanation, form action and field.
CHALLENGES = {
    "app": (
        "Two-factor authentication",
        "Open your two-factor authenticator (TOTP) app or browser extension to view your authentication code.",
        "/sessions/two-factor",
        '<label id="session-otp-input-label" class="sr-only" for="app_totp">Enter the verification code</label>'
        '<input type="text" name="app_otp" id="app_totp" autocomplete="one-time-code" inputmode="numeric" '
        'pattern="([0-9]{6})|([0-9a-fA-F]{5}-?[0-9a-fA-F]{5})" placeholder="XXXXXX" '
        'class="form-control js-verification-code-input-auto-submit">',
        "Verify",
    ),
    "mobile": (
        "Two-factor authentication",
        "We sent you a sign-in request on your GitHub Mobile app. Approve the request to verify your identity.",
        "/sessions/two-factor/mobile",
        "",
        "Retry",
    ),
    "verified-device": (
        "Verify your device",
        "We just sent your authentication code via email. Enter the code to sign in.",
        "/sessions/verified-device",
        '<label for="otp">Device Verification Code</label>'
        '<input type="text" name="otp" id="otp" class="form-control" autocomplete="one-time-code">',
        "Verify",
    ),
    "captcha": (
        "Verify your device",
        "Please solve this puzzle so we know you are a real person.",
        "/sessions/verified-device/captcha",
        '<iframe title="captcha" src="about:blank" data-src="https://octocaptcha.com/"></iframe>',
        "Verify",
    ),
}


def challenge_page(kind: str, token: str) -> str:
    """A page that wants the person (a code, a phone, a puzzle); its button is only counted."""
    heading, text, action, field, button = CHALLENGES[kind]
    body = f"""<div class="auth"><h1>{escape(heading)}</h1><div class="auth-form-body">
<form action="{escape(action)}" method="post"><input type="hidden" name="authenticity_token" value="{escape(token)}">
{field}<p>{escape(text)}</p><button type="submit" class="btn btn-primary">{escape(button)}</button></form>
<form action="/sessions/two-factor/sms" method="post"><input type="hidden" name="authenticity_token"
 value="{escape(token)}"><button type="submit" class="btn">Send a code via SMS</button></form></div></div>"""
    return github_page(f"{heading} · GitHub", body)


def sudo_page(account: str, token: str, heading: str = "Confirm access") -> str:
    """Sudo mode: the password asked again before a sensitive settings page (addendum §1.1 item 3)."""
    body = f"""<header>{LOGO}</header><div class="auth"><h1>{escape(heading)}</h1>
<p>Signed in as <strong>@{escape(account.split("@")[0])}</strong></p><div class="auth-form-body">
<form action="/sessions/sudo" method="post"><input type="hidden" name="authenticity_token" value="{escape(token)}">
<label for="sudo_password">Password</label>
<input type="password" name="sudo_password" id="sudo_password" class="form-control" autocomplete="current-password">
<button type="submit" class="btn btn-primary">Confirm</button></form></div></div>"""
    return github_page("Confirm password · GitHub", body)


SIDEBAR = (
    ("Public profile", "/settings/profile"),
    ("Account", "/settings/admin"),
    ("Appearance", "/settings/appearance"),
    ("Password and authentication", "/settings/security"),
    ("Copilot", "/settings/copilot/features"),
    ("Repositories", "/settings/repositories"),
)


def member_header(account: str) -> str:
    """The signed-in header with the avatar menu."""
    user = escape(account.split("@")[0])
    return f"""<header>{LOGO}<a href="/settings/profile">Settings</a>
<details><summary><img alt="@{user}" width="20" height="20" src="data:,"></summary>
<a href="/logout">Sign out</a></details><meta name="user-login" content="{user}"></header>"""


def settings_shell(account: str, title: str, content: str, script: str = "") -> str:
    """A settings page: the sidebar, and `content`."""
    links = "".join(f'<a href="{href}">{escape(text)}</a>' for text, href in SIDEBAR)
    body = f"""{member_header(account)}<main><nav class="menu" aria-label="User settings">{links}</nav>
<div class="settings">{content}</div></main>"""
    return github_page(f"{title} · GitHub", body, script)


def profile_page(account: str) -> str:
    """/settings/profile: a members-only page (the flow's home)."""
    return settings_shell(account, "Your profile", "<h1>Public profile</h1><label>Name <input name=name></label>")


def dashboard_page(account: str) -> str:
    """The signed-in home."""
    return github_page("GitHub", f"{member_header(account)}<main><h1>Home</h1></main>")


def features_page(account: str, state_url: str, save_url: str, token: str) -> str:
    """The Copilot Features page shell; its script renders the rows once the state has loaded."""
    content = f"""<h1>Features</h1><p>Manage the Copilot features available to you.</p>
<input type="hidden" name="authenticity_token" value="{escape(token)}">
<div id="copilot-settings" data-src="{escape(state_url)}" data-save="{escape(save_url)}"
 aria-busy="true">Loading…</div>"""
    return settings_shell(account, "Copilot features", content, FEATURES_SCRIPT)


def guest_page() -> str:
    """The signed-out home page."""
    body = f"""<header>{LOGO}<a href="/login">Sign in</a><a href="/signup">Sign up</a></header>
<main><h1>Build and ship software</h1></main>"""
    return github_page("GitHub · Build and ship software", body)


def not_found_page() -> str:
    """GitHub's 404."""
    return github_page(
        "Page not found · GitHub", "<main><h1>404</h1><p>This is not the web page you are looking for.</p></main>"
    )


FEATURES_SCRIPT = r"""
(() => {
  const root = document.getElementById("copilot-settings");
  const token = () => document.querySelector("input[name=authenticity_token]").value;
  const el = (tag, attrs = {}, text) => {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    if (text !== undefined) e.textContent = text;
    return e;
  };
  const uid = () => Math.random().toString(36).slice(2, 10);
  const flash = (text, error) => {
    let f = document.getElementById("js-flash");
    if (!f) { f = el("div", {id: "js-flash", role: error ? "alert" : "status"}); document.body.append(f); }
    f.className = "flash" + (error ? " error" : ""); f.textContent = text;
  };
  const pending = new Map();  // save-button: choices wait for the form's Save
  let data = {};
  const save = (row, value) => data.saveButton ? (pending.set(row, value), Promise.resolve()) : post(row, value);
  const post = (row, value) => fetch(root.dataset.save, {method: "POST", credentials: "same-origin",
      headers: {"content-type": "application/x-www-form-urlencoded", "x-requested-with": "XMLHttpRequest"},
      body: new URLSearchParams({authenticity_token: token(), policy: row.key, value})})
    .then((r) => { if (!r.ok) throw new Error(String(r.status)); return r.json(); });
  const closeAll = () => {
    for (const m of document.querySelectorAll("action-menu")) {
      m.querySelector("[data-target='action-menu.overlay']").hidden = true;
      m.querySelector("button[aria-haspopup]").setAttribute("aria-expanded", "false");
    }
  };
  // Primer::Alpha::ActionMenu, single select, dynamic label (addendum §1.2 a).
  const menu = (row) => {
    const id = "action-menu-" + uid();
    const am = el("action-menu", {"data-select-variant": "single", "data-dynamic-label": ""});
    const button = el("button", {id: id + "-button", type: "button", "aria-haspopup": "true",
      "aria-expanded": "false", "aria-controls": id + "-list", class: "Button Button--secondary"});
    const label = el("span", {class: "Button-label"}, row.value);
    button.append(label);
    const overlay = el("anchored-position", {id: id + "-overlay", "data-target": "action-menu.overlay",
      class: "Overlay", hidden: ""});
    overlay.append(el("h2", {class: "sr-only"}, "Menu"));
    const list = el("ul", {id: id + "-list", role: "menu", "aria-labelledby": id + "-button",
      class: "ActionListWrap"});
    const items = row.options.map((option) => {
      const li = el("li", {role: "none", class: "ActionListItem"});
      const item = el("button", {type: "button", role: "menuitemradio", tabindex: "-1",
        class: "ActionListContent", "aria-checked": String(option === row.value)});
      item.append(el("span", {class: "ActionListItem-label"}, option));
      li.append(item); list.append(li);
      return [option, item];
    });
    overlay.append(list); am.append(button, overlay);
    const show = (value) => {
      label.textContent = value;
      for (const [option, item] of items) item.setAttribute("aria-checked", String(option === value));
    };
    button.addEventListener("click", () => {
      const open = overlay.hidden;
      closeAll();
      overlay.hidden = !open; button.setAttribute("aria-expanded", String(open));
    });
    for (const [option, item] of items) {
      item.addEventListener("click", () => {
        closeAll();
        if (option === label.textContent) return;
        const before = label.textContent;
        show(option);
        save(row, option).then(() => data.saveButton || flash("Copilot settings saved."),
          () => { show(before); flash("Something went wrong. Please try again.", true); });
      });
    }
    return am;
  };
  const select = (row, labelId) => {
    const s = el("select", {id: "policy-" + uid(), "aria-labelledby": labelId, class: "form-select"});
    for (const option of row.options) {
      const o = el("option", {value: option}, option); o.selected = option === row.value; s.append(o);
    }
    let before = row.value;
    s.addEventListener("change", () => {
      const value = s.value;
      save(row, value).then(() => { before = value; flash("Copilot settings saved."); },
        () => { s.value = before; flash("Something went wrong. Please try again.", true); });
    });
    return s;
  };
  const render = (loaded) => {
    data = loaded;
    root.textContent = "";
    if (data.notice) root.append(el("div", {class: "flash"}, data.notice));
    for (const section of data.sections) {
      const box = el("div", {class: "Box"});
      box.append(el("div", {class: "Box-header"}, ""));
      box.firstChild.append(el("h2", {class: "Box-title"}, section.heading));
      if (section.intro) box.firstChild.append(el("p", {class: "note"}, section.intro));
      const form = section.privacy && data.saveButton ? el("form", {action: "#"}) : box;
      if (form !== box) box.append(form);
      for (const row of section.rows) {
        const labelId = "policy-label-" + uid();
        const r = el("div", {class: "Box-row"});
        const text = el("div", {class: "flex-auto"});
        // Rows differ a little, as real pages do: some titles are headings, some are strong text.
        text.append(el(row.heading ? "h3" : "strong", {id: labelId}, row.label));
        if (row.help) text.append(el("p", {class: "note"}, row.help));
        const control = row.locked ? el("span", {class: "color-fg-muted"}, row.value)
          : data.control === "select" && section.privacy ? select(row, labelId) : menu(row);
        r.append(text, section.privacy ? el("div", {class: "ml-3"}) : control);
        if (section.privacy) r.lastChild.append(control);
        form.append(r);
      }
      if (form !== box) {
        const button = el("button", {type: "submit", class: "btn btn-primary"}, "Save");
        form.append(button);
        form.addEventListener("submit", (e) => {
          e.preventDefault();
          const writes = [...pending].map(([row, value]) => post(row, value));
          pending.clear();
          Promise.all(writes).then(() => flash("Copilot settings saved."),
            () => flash("Something went wrong. Please try again.", true));
        });
      }
      root.append(box);

    }
    document.addEventListener("click", (e) => { if (!e.target.closest("action-menu")) closeAll(); });
  };
  fetch(root.dataset.src, {credentials: "same-origin", headers: {accept: "application/json"}})
    .then((r) => { if (!r.ok) throw new Error(String(r.status)); return r.json(); })
    .then(render)
    .catch(() => { root.textContent = "Something went wrong. Please reload the page."; })
    .finally(() => root.setAttribute("aria-busy", "false"));
})();
"""
