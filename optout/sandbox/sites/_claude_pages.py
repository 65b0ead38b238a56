"""HTML of the Claude replica (claude.ai): text from platforms.md section 4 and the addendum's section 2."""

from __future__ import annotations

import json

from optout.sandbox.html import escape, page

STYLE = """
body{margin:0;font:15px ui-sans-serif,system-ui,sans-serif;background:#faf9f5;color:#141413}
.login{max-width:380px;margin:72px auto;display:flex;flex-direction:column;gap:12px}
.login input{padding:12px;border:1px solid #ccc;border-radius:8px;font-size:16px}
button{font:inherit;cursor:pointer;border-radius:8px;border:1px solid #ccc;background:#fff;padding:8px 14px}
.primary{background:#141413;color:#fff;border:0}
.app{display:flex;min-height:100vh}
.app nav{width:200px;padding:16px;display:flex;flex-direction:column;gap:6px;border-right:1px solid #e5e4df}
.app nav a[aria-current=page]{font-weight:600}
.content{flex:1;max-width:720px;padding:24px}
.item{display:flex;justify-content:space-between;align-items:center;gap:16px;padding:14px 0;
 border-bottom:1px solid #e5e4df}
.desc{color:#5e5d59;font-size:13px}
[role=switch]{width:36px;height:20px;border-radius:10px;border:0;background:#c2c0b6;padding:0}
[role=switch][data-state=checked]{background:#2c84db}
.toast{position:fixed;bottom:16px;right:16px;background:#fee;border:1px solid #c00;padding:10px}
.cf{max-width:560px;margin:80px auto}
"""

# The email step and, once sent, the code step; with the sandbox's person-signs-in fault the
# script plays the person: it types the email, and follows the link the "email" brings.
LOGIN_SCRIPT = """
(() => {
  const cfg = JSON.parse(document.getElementById("cfg").textContent);
  const form = document.getElementById("email-form");
  const email = document.getElementById("email");
  const post = (url, body) => fetch(url, {method: "POST", credentials: "same-origin",
    headers: {"content-type": "application/json", "anthropic-client-platform": "web_claude_ai"},
    body: JSON.stringify(body)}).then((r) => r.json().then((j) => ({ok: r.ok, body: j})));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    post("/api/auth/send_magic_link", {email_address: email.value, utc_offset: 0, locale: "en-US",
      login_intent: null, oauth_client_id: null, source: "claude"}).then((res) => {
      if (!res.ok) return;
      document.getElementById("code-step").hidden = false;
      form.hidden = true;
      if (res.body.sandbox_link) setTimeout(() => location.assign(res.body.sandbox_link), 300);
    });
  });
  document.getElementById("code-form").addEventListener("submit", (e) => {
    e.preventDefault();
    post("/api/auth/verify_magic_link", {credentials: {method: "code", email_address: email.value,
      code: document.getElementById("code").value}, locale: "en-US", oauth_client_id: null,
      source: "claude"}).then((res) => {
      if (res.ok) location.assign("/new");
      else document.getElementById("code-error").hidden = false;
    });
  });
  if (cfg.person) {
    email.value = cfg.person;
    form.requestSubmit();
  }
})();
"""

MAGIC_SCRIPT = """
(() => {
  const token = location.hash.slice(1);
  fetch("/api/auth/verify_magic_link", {method: "POST", credentials: "same-origin",
    headers: {"content-type": "application/json"},
    body: JSON.stringify({credentials: {method: "nonce", nonce: token}, source: "claude"})})
    .then((r) => {
      if (r.ok) location.replace("/new");
      else document.getElementById("status").textContent = "This link has expired or was already used.";
    });
})();
"""

# claude.ai polls forever: a page that waits for network idle never gets there.
POLL_SCRIPT = """
setInterval(() => { fetch("/api/organizations/current/chat_conversations?limit=1",
  {credentials: "same-origin"}).catch(() => {}); }, 400);
"""

SETTINGS_SCRIPT = """
(() => {
  const cfg = JSON.parse(document.getElementById("cfg").textContent);
  const root = document.getElementById("privacy-root");
  const el = (tag, attrs, ...kids) => {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
    for (const k of kids) e.append(k);
    return e;
  };
  const show = (b, v) => { b.setAttribute("aria-checked", String(v));
    b.setAttribute("data-state", v ? "checked" : "unchecked"); };
  const toggle = (key, value, attrs) => {
    const b = el("button", {type: "button", role: cfg.role, value: "on", ...attrs});
    show(b, value);
    b.addEventListener("click", () => {
      const wanted = b.getAttribute("aria-checked") !== "true";
      show(b, wanted);
      fetch("/api/oauth/account/settings", {method: "PATCH", credentials: "same-origin",
        headers: {"content-type": "application/json"}, body: JSON.stringify({[key]: wanted})})
        .then((r) => { if (!r.ok) throw new Error(String(r.status)); return r.json(); })
        .then((s) => show(b, s[key]))
        .catch(() => { show(b, !wanted);
          document.body.append(el("div", {class: "toast", role: "alert"}, "Failed to update setting")); });
    });
    return b;
  };
  const item = (id, title, desc, control) => el("div", {class: "item"},
    el("div", {}, el("h3", {id}, title), el("p", {class: "desc"}, desc)), control);
  const manage = (title, desc, button) => el("div", {class: "item"},
    el("div", {}, el("h3", {}, title), el("p", {class: "desc"}, desc)), el("button", {type: "button"}, button));
  fetch("/api/oauth/account/settings", {credentials: "same-origin"})
    .then((r) => { if (!r.ok) throw new Error(String(r.status)); return r.json(); })
    .then((s) => {
      root.textContent = "";
      const location = item("location-title", "Location metadata",
        "Allow Claude to use coarse location metadata (city/region) to improve product experiences.",
        toggle("location_metadata", s.location_metadata, {"aria-labelledby": "location-title"}));
      const blocks = [
        el("section", {}, el("h2", {}, "Privacy settings"),
          manage("Export data", "Download a copy of your conversations and account data.", "Export data"),
          manage("Shared chats", "Manage the chats you have shared with others.", "Manage"),
          manage("Memory preferences", "Choose what Claude remembers between chats.", "Manage")),
        el("section", {}, el("h2", {}, "Preferences"), location),
      ];
      if (s.grove_available) {
        const attrs = cfg.variant ? {} : {"aria-labelledby": "grove-title"};
        const title = cfg.variant ? "Help Improve Claude" : "Help improve Claude";
        const improve = item("grove-title", title, "Allow the use of your chats and coding sessions " +
          "to train and improve Anthropic AI models.", toggle("grove_enabled", s.grove_enabled === true, attrs));
        blocks[1].append(improve);
        if (cfg.variant) blocks[1].append(blocks[1].removeChild(location));
      }
      blocks.push(el("details", {}, el("summary", {}, "How we protect your data"),
        el("p", {}, "We use safeguards to help protect your data.")));
      blocks.push(el("details", {}, el("summary", {}, "How we use your data"),
        el("p", {}, "Learn how your chats may be used to help improve Claude for everyone.")));
      root.append(...blocks);
    })
    .catch(() => { root.textContent = "Something went wrong loading your settings."; });
})();
"""

NAV = (
    ("General", "general"),
    ("Account", "account"),
    ("Privacy", "data-privacy-controls"),
    ("Billing", "billing"),
    ("Capabilities", "capabilities"),
    ("Connectors", "connectors"),
    ("Claude Code", "claude-code"),
)


def claude_page(title: str, body: str, script: str = "") -> str:
    """A claude.ai-looking document."""
    return page(title, body, style=STYLE, script=script)


def config(value: dict[str, object]) -> str:
    """A JSON island the page's script reads."""
    text = json.dumps(value).replace("<", "\\u003c")
    return f'<script type="application/json" id="cfg">{text}</script>'


def login_page(person: str) -> str:
    """claude.ai/login: Google, or an email that gets a code or a magic link (the clone's copy)."""
    body = f"""<div class="login"><h1>Your ideas, amplified</h1>
<button type="button" onclick="location.href='https://accounts.google.com/o/oauth2/v2/auth'">
Continue with Google</button><p>OR</p>
<form id="email-form"><input id="email" type="email" name="email" autocomplete="email"
 placeholder="Enter your personal or work email" aria-label="Email">
<button type="submit" class="primary">Continue with email</button></form>
<div id="code-step" hidden><p>Check your email. Enter the verification code we sent you, or use the link.</p>
<form id="code-form"><input id="code" name="code" inputmode="numeric" autocomplete="one-time-code"
 aria-label="Verification code"><button type="submit" class="primary">Verify Email Address</button></form>
<p id="code-error" role="alert" hidden>Invalid code. Please try again.</p></div>
<p>By continuing, you agree to Anthropic's Consumer Terms and Privacy Policy.</p></div>{config({"person": person})}"""
    return claude_page("Claude", body, LOGIN_SCRIPT)


def magic_link_page() -> str:
    """claude.ai/magic-link#<token>: the token is exchanged by the script, then /new."""
    body = '<div class="login"><h1>Signing you in…</h1><p id="status" role="status">One moment.</p></div>'
    return claude_page("Claude", body, MAGIC_SCRIPT)


def app_page(account: str) -> str:
    """claude.ai/new: the signed-in app, which polls."""
    body = f"""<div class="app"><nav><a href="/new">New chat</a><a href="/recents">Chats</a>
<a href="/settings/general">Settings</a><span>{escape(account)}</span></nav>
<div class="content"><h1>How can I help you today?</h1>
<textarea aria-label="Write your prompt to Claude"></textarea></div></div>"""
    return claude_page("Claude", body, POLL_SCRIPT)


def settings_page(account: str, tab: str, *, variant: bool, role: str = "switch", mention: bool = False) -> str:
    """claude.ai/settings/<tab>; the Privacy tab is drawn by its script once the settings load.

    `role` is the toggles' ARIA role; `mention` adds a line that names the 2025 terms pop-up."""
    links = "".join(
        f'<a href="/settings/{slug}"{" aria-current=page" if slug == tab else ""}>{escape(name)}</a>'
        for name, slug in NAV
    )
    title = dict((slug, name) for name, slug in NAV)[tab]
    inner = '<div id="privacy-root" aria-busy="true">Loading…</div>' if tab == "data-privacy-controls" else ""
    if mention:
        inner = f"<p>You accepted the updates to consumer terms and policies on 2025-09-02.</p>{inner}"
    body = f"""<div class="app"><nav aria-label="Settings"><a href="/new">Back to chats</a>{links}
<span>{escape(account)}</span></nav><div class="content"><h1>Settings</h1><h2>{escape(title)}</h2>{inner}</div>
</div>{config({"variant": variant, "role": role})}"""
    script = POLL_SCRIPT + (SETTINGS_SCRIPT if tab == "data-privacy-controls" else "")
    return claude_page("Settings - Claude", body, script)


# The 2025 consumer-terms pop-up (platforms.md section 4): its toggle is pre-set on, and only
# "Accept" records the choice. Its wording beyond the title is not in the reference.
TERMS_POPUP = """<div role="dialog" aria-modal="true" aria-labelledby="terms-title" class="terms"
 style="position:fixed;inset:0;background:rgba(0,0,0,.5);display:flex;align-items:center;justify-content:center">
<form method="post" action="/api/account/accept_consumer_terms" style="background:#fff;padding:24px;max-width:480px">
<h2 id="terms-title">Updates to Consumer Terms and Policies</h2>
<p>We're updating our Consumer Terms and Privacy Policy. Please review and accept by September 28, 2025.</p>
<div class="item"><span id="terms-grove">You can help improve Claude</span>
<button type="button" role="switch" aria-checked="true" data-state="checked" aria-labelledby="terms-grove"
 onclick="const v = this.getAttribute('aria-checked') !== 'true'; this.setAttribute('aria-checked', String(v));
 this.setAttribute('data-state', v ? 'checked' : 'unchecked')"></button></div>
<p>Allow the use of your chats and coding sessions to train and improve Anthropic AI models.</p>
<button type="submit" class="primary">Accept</button></form></div>"""


def cloudflare_page() -> str:
    """Cloudflare's interstitial on claude.ai; its checkbox posts (counted) and never passes."""
    body = """<div class="cf"><h1>claude.ai</h1><p>Verify you are human by completing the action below.</p>
<form method="post" action="/cdn-cgi/challenge-platform/h/g/flow">
<label><input type="checkbox" name="cf" onchange="this.form.submit()"> Verify you are human</label></form>
<p>claude.ai needs to review the security of your connection before proceeding.</p></div>"""
    return claude_page("Just a moment...", body)


def not_found() -> str:
    """The 404 page."""
    return claude_page("Claude", "<h1>Page not found</h1><p><a href='/new'>Go home</a></p>")
