"""HTML of the ChatGPT replica (chatgpt.com and auth.openai.com): text from platforms.md section 3."""

from __future__ import annotations

import json

from optout.sandbox.html import escape, page

STYLE = """
body{margin:0;font:14px ui-sans-serif,system-ui,-apple-system,Segoe UI,Helvetica,Arial,sans-serif;
 color:#0d0d0d;background:#fff}
.shell{display:flex;min-height:100vh}
aside{width:240px;background:#f9f9f9;padding:12px;display:flex;flex-direction:column;gap:8px}
aside .grow{flex:1}
main{flex:1;display:flex;align-items:center;justify-content:center;flex-direction:column}
button{font:inherit;cursor:pointer;border-radius:8px;border:1px solid #ddd;background:#fff;padding:6px 12px}
.auth{max-width:340px;margin:64px auto;display:flex;flex-direction:column;gap:10px}
.auth input{padding:12px;border:1px solid #ccc;border-radius:6px;font-size:16px}
.auth .primary{background:#0d0d0d;color:#fff;border:0;padding:12px;border-radius:24px}
.error{color:#d00}
.overlay{position:fixed;inset:0;background:rgba(0,0,0,.4);display:flex;align-items:center;
 justify-content:center}
.panel{background:#fff;border-radius:16px;width:680px;min-height:420px;display:flex;padding:0}
.panel nav{width:190px;border-right:1px solid #eee;padding:12px;display:flex;flex-direction:column;gap:4px}
.panel nav button{border:0;text-align:left}
.panel nav button[aria-selected=true]{background:#ececec}
.pane{flex:1;padding:16px 20px}
.row{display:flex;justify-content:space-between;align-items:center;gap:12px;padding:12px 0;
 border-bottom:1px solid #f0f0f0}
.row>button.open{flex:1;display:flex;justify-content:space-between;border:0;padding:0;text-align:left}
[role=switch]{width:38px;height:22px;border-radius:11px;border:0;background:#ccc;padding:0}
[role=switch][aria-checked=true]{background:#0d0d0d}
.modal{background:#fff;border-radius:16px;width:440px;padding:20px}
.danger{color:#d00;border-color:#d00}
.toast{position:fixed;bottom:16px;right:16px;background:#fee;border:1px solid #d00;padding:10px}
.cf{max-width:560px;margin:80px auto;font:16px system-ui}
"""

SHELL_SCRIPT = """
(() => {
  const cfg = JSON.parse(document.getElementById("cfg").textContent);
  const tid = (name) => cfg.testids ? {"data-testid": name} : {};
  const el = (tag, attrs, ...kids) => {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
    for (const k of kids) e.append(k);
    return e;
  };
  const toast = (text) => {
    const t = el("div", {class: "toast", role: "alert"}, text);
    document.body.append(t);
  };
  const TABS = [["General", "general"], ["Notifications", "notifications"],
    ["Personalization", "personalization"], ["Connectors", "connectors"],
    ["Data controls", "data-controls"], ["Security", "security"], ["Account", "account"]];
  const HASH = {DataControls: "data-controls", Personalization: "personalization", General: "general",
    Security: "security", Account: "account"};
  const patch = (feature, value) => fetch(
    "/backend-api/settings/account_user_setting?feature=" + feature + "&value=" + value,
    {method: "PATCH", credentials: "same-origin"})
    .then((r) => { if (!r.ok) throw new Error(String(r.status)); return r.json(); });
  const sw = (attrs, value, feature, onSaved) => {
    const b = el("button", {type: "button", role: "switch", "aria-checked": String(value), ...attrs});
    b.addEventListener("click", () => {
      const wanted = b.getAttribute("aria-checked") !== "true";
      b.setAttribute("aria-checked", String(wanted));
      patch(feature, wanted).then((res) => {
        b.setAttribute("aria-checked", String(res.value));
        if (onSaved) onSaved(res.value);
      }, () => { b.setAttribute("aria-checked", String(!wanted)); toast("Something went wrong."); });
    });
    return b;
  };
  let state = null;
  const openModal = (row) => {
    const dlg = el("div", {class: "overlay", id: "improve-overlay"});
    const box = el("div", {class: "modal", role: "dialog", "aria-modal": "true",
      "aria-labelledby": "improve-title"});
    box.append(el("h2", {id: "improve-title"}, "Improve the model for everyone"));
    box.append(el("p", {}, "Allow your content to be used to train our models, which makes " +
      "ChatGPT better for you and everyone who uses it. We take steps to protect your privacy. ",
      el("a", {href: "https://help.openai.com/en/articles/7730893"}, "Learn more")));
    const main = el("div", {class: "row"}, el("span", {id: "improve-label"}, "Improve the model for everyone"),
      sw({...tid("improve-model-toggle"), "aria-labelledby": "improve-label"}, state.training_allowed,
        "training_allowed", (v) => { state.training_allowed = v; }));
    const audio = el("div", {class: "row"}, el("span", {id: "audio-label"}, "Include your audio recordings"),
      sw({"aria-labelledby": "audio-label"}, state.audio_recordings, "audio_recordings"));
    box.append(cfg.reorder ? audio : main, cfg.reorder ? main : audio);
    const close = () => { dlg.remove(); row.refresh(); };
    const done = el("button", {type: "button"}, "Done");
    done.addEventListener("click", close);
    box.append(done);
    dlg.append(box);
    document.addEventListener("keydown", function esc(e) {
      if (e.key === "Escape") { document.removeEventListener("keydown", esc); close(); }
    });
    document.body.append(dlg);
  };
  const dataControls = (pane) => {
    pane.append(el("p", {}, "Loading…"));
    fetch("/backend-api/settings/user", {credentials: "same-origin"})
      .then((r) => { if (!r.ok) throw new Error(String(r.status)); return r.json(); })
      .then((s) => {
        state = s;
        pane.textContent = "";
        const status = el("span", {}, s.training_allowed ? "On" : "Off");
        const opener = el("button", {type: "button", class: "open", ...tid("improve-model-open-modal-button")},
          el("div", {class: "ps-3"}, el("span", {}, "Improve the model for everyone"), " ", status));
        const improve = el("div", {class: "row"}, opener);
        improve.refresh = () => { status.textContent = state.training_allowed ? "On" : "Off"; };
        opener.addEventListener("click", () => openModal(improve));
        const remote = el("div", {class: "row"}, el("span", {id: "remote-label"}, "Remote browser data"),
          sw({"aria-labelledby": "remote-label"}, s.remote_browser_data, "remote_browser_data"));
        const location = el("div", {class: "row"},
          el("div", {}, el("div", {id: "location-label"}, "Location"),
            el("div", {}, "Allow ChatGPT to use your precise location to improve answers for everyone")),
          sw({"aria-labelledby": "location-label"}, s.location, "location"));
        const manage = (label, button, cls) => el("div", {class: "row"}, el("span", {}, label),
          el("button", {type: "button", class: cls || ""}, button));
        const rows = [improve, remote, location, manage("Shared links", "Manage"),
          manage("Archived chats", "Manage"), manage("Archive all chats", "Archive all"),
          manage("Delete all chats", "Delete all", "danger"), manage("Export data", "Export"),
          manage("Marketing privacy", "Manage")];
        if (cfg.reorder) rows.reverse();
        const wrap = cfg.reorder ? el("section", {}, el("div", {}, ...rows)) : el("div", {}, ...rows);
        pane.append(wrap);
      })
      .catch(() => { pane.textContent = "Something went wrong. Please try again later."; });
  };
  const personalization = (pane) => {
    fetch("/backend-api/settings/user", {credentials: "same-origin"}).then((r) => r.json()).then((s) => {
      pane.append(el("div", {class: "row"}, el("span", {id: "memory-label"}, "Reference saved memories"),
        sw({"aria-labelledby": "memory-label"}, s.memory, "memory")));
    });
  };
  const openSettings = (tab) => {
    const overlay = el("div", {class: "overlay", id: "settings-overlay"});
    const panel = el("div", {class: "panel", role: "dialog", "aria-modal": "true", "aria-label": "Settings"});
    const nav = el("nav", {role: "tablist", "aria-orientation": "vertical"});
    const pane = el("div", {class: "pane", role: "tabpanel"});
    for (const [name, slug] of TABS) {
      const extra = slug === "data-controls" ? tid("data-controls-tab") : {};
      const b = el("button", {type: "button", role: "tab", "aria-selected": String(slug === tab), ...extra}, name);
      b.addEventListener("click", () => { overlay.remove(); openSettings(slug); });
      nav.append(b);
    }
    const x = el("button", {type: "button", "aria-label": "Close"}, "\u00d7");
    x.addEventListener("click", () => overlay.remove());
    pane.append(x, el("h2", {}, TABS.find((t) => t[1] === tab)[0]));
    const body = el("div", {});
    pane.append(body);
    if (tab === "data-controls") dataControls(body);
    else if (tab === "personalization") personalization(body);
    panel.append(nav, pane);
    overlay.append(panel);
    document.body.append(overlay);
  };
  const profile = document.getElementById("profile");
  if (cfg.testids) profile.setAttribute("data-testid", "accounts-profile-button");
  profile.addEventListener("click", () => openSettings("general"));
  const m = location.hash.match(/^#settings\\/(\\w+)/);
  if (cfg.tab) openSettings(cfg.tab);
  else if (m && HASH[m[1]]) openSettings(HASH[m[1]]);
})();
"""


TIP = "<p>Protect your account: turn on multi-factor authentication with an authenticator app.</p>"


def chatgpt_page(title: str, body: str, script: str = "") -> str:
    """A ChatGPT-looking document."""
    return page(title, body, style=STYLE, script=script)


GUEST_BAR = '<p><a href="/auth/login">Log in</a> <a href="/auth/login?signup=1">Sign up for free</a></p>'


def app_shell(
    account: str, tab: str | None, *, testids: bool, reorder: bool, tip: bool = False, guest: bool = False
) -> str:
    """The signed-in app; `tab` opens the Settings dialog on that tab (as /settings/<tab> does).

    `tip` shows a banner that mentions an authenticator app without asking for any code; `guest`
    is the app as a visitor who is not signed in sees it, with its Log in and Sign up links."""
    cfg = json.dumps({"tab": tab, "testids": testids, "reorder": reorder}).replace("<", "\\u003c")
    body = f"""<div class="shell"><aside><a href="/">New chat</a><div class="grow"></div>
<button type="button" id="profile" aria-label="Open profile menu">{escape(account)}</button></aside>
<main>{TIP if tip else ""}{GUEST_BAR if guest else ""}
<h1>What can I help with?</h1><textarea aria-label="Ask anything" placeholder="Ask anything"></textarea>
</main></div><script type="application/json" id="cfg">{cfg}</script>"""
    return chatgpt_page("ChatGPT", body, SHELL_SCRIPT)


def guest_home() -> str:
    """The signed-out chat page, with its own Log in and Sign up buttons."""
    body = f"""<div class="shell"><main><h1>What can I help with?</h1>
{GUEST_BAR}
<textarea aria-label="Ask anything"></textarea></main></div>"""
    return chatgpt_page("ChatGPT", body)


def landing_login() -> str:
    """chatgpt.com/auth/login: SSO buttons and an email step; the password is never asked here."""
    body = """<div class="auth"><h1>Log in or sign up</h1>
<p>You'll get smarter responses and can upload files, images, and more.</p>
<button type="button">Continue with Google</button><button type="button">Continue with Apple</button>
<button type="button">Continue with Microsoft</button><p>OR</p>
<form method="post" action="https://auth.openai.com/log-in">
<input type="email" name="email" aria-label="Email address" placeholder="Email address">
<button type="submit" class="primary">Continue</button></form></div>"""
    return chatgpt_page("ChatGPT", body)


def email_step(error: str = "") -> str:
    """auth.openai.com/log-in: the identifier step."""
    alert = f'<p class="error" role="alert">{escape(error)}</p>' if error else ""
    body = f"""<div class="auth"><h1>Welcome back</h1>
<form method="post" action="/log-in"><label for="email-input">Email address</label>
<input id="email-input" type="email" name="email" autocomplete="email">{alert}
<button type="submit" class="primary">Continue</button></form>
<p>Don't have an account? <a href="/create-account">Sign up</a></p><p>OR</p>
<button type="button" onclick="location.href='https://accounts.google.com/o/oauth2/v2/auth'">
Continue with Google</button>
<button type="button">Continue with Microsoft Account</button>
<button type="button">Continue with Apple</button><button type="button">Continue with phone</button></div>"""
    return chatgpt_page("Log in - OpenAI", body)


def password_step(email: str, *, error: bool = False, button: str = "Continue") -> str:
    """auth.openai.com/log-in/password: the password step; `button` is its submit's wording."""
    alert = '<p class="error" role="alert">Incorrect email address or password</p>' if error else ""
    body = f"""<div class="auth"><h1>Enter your password</h1>
<form method="post" action="/log-in/password">
<div><input type="email" value="{escape(email)}" readonly aria-label="Email address">
<a href="/log-in">Edit</a></div>
<label for="pw">Password</label><input id="pw" type="password" name="password" autocomplete="current-password">
{alert}<a href="/reset-password">Forgot password?</a>
<button type="submit" class="primary">{escape(button)}</button></form></div>"""
    return chatgpt_page("Enter your password - OpenAI", body)


def mfa_page(challenge: str) -> str:
    """auth.openai.com/mfa-challenge/...: TOTP, never solved by the replica."""
    body = f"""<div class="auth"><h1>Check your authenticator app</h1>
<p>Enter the 6-digit code from your authenticator app to continue.</p>
<form method="post" action="/mfa-challenge/{escape(challenge)}">
<input name="code" inputmode="numeric" autocomplete="one-time-code" aria-label="Code">
<button type="submit" class="primary">Continue</button></form></div>"""
    return chatgpt_page("Verify your identity - OpenAI", body)


def cloudflare_page(host: str, back: str) -> str:
    """Cloudflare's interstitial; its checkbox posts (counted) and is never solved."""
    body = f"""<div class="cf"><h1>{escape(host)}</h1><h2>Verifying you are human. This may take a few seconds.</h2>
<form method="post" action="/cdn-cgi/challenge-platform/h/b/flow">
<input type="hidden" name="back" value="{escape(back)}">
<label><input type="checkbox" name="cf" onchange="this.form.submit()"> Verify you are human</label></form>
<p>{escape(host)} needs to review the security of your connection before proceeding.</p>
<p>Ray ID: 8c1f0e2a9b7d4f31 · Performance &amp; security by Cloudflare</p></div>"""
    return chatgpt_page("Just a moment...", body)


def not_found() -> str:
    """The 404 page."""
    return chatgpt_page("404 Page not found", "<main><h1>404</h1><p>Page not found</p></main>")
