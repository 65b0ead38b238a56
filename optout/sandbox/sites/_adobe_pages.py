"""HTML and scripts of the Adobe replica: the auth single-page app and the account privacy page."""

from __future__ import annotations

from optout.sandbox.html import escape, page

STYLE = """
body{margin:0;font:14px adobe-clean,"Source Sans Pro",system-ui,sans-serif;background:#f5f5f5;color:#2c2c2c}
header{background:#fff;padding:12px 24px;border-bottom:1px solid #e1e1e1;display:flex;gap:24px}
.logo{font-weight:700;color:#eb1000;text-decoration:none}
.card{max-width:400px;margin:48px auto;background:#fff;padding:40px;border-radius:4px}
label{display:block;margin:12px 0 4px}
input[type=email],input[type=password],input[type=text]{width:100%;box-sizing:border-box;padding:8px;
 border:2px solid #b3b3b3;border-radius:4px}
.spectrum-Button{margin-top:16px;padding:8px 18px;border-radius:16px;border:0;background:#1473e6;color:#fff}
.social{display:block;width:100%;margin:6px 0;padding:8px;border:2px solid #b3b3b3;border-radius:16px;background:#fff}
.error{color:#c9252d}
.layout{display:flex;max-width:1000px;margin:24px auto;gap:24px}
nav.side a{display:block;padding:8px 0;color:#4b4b4b;text-decoration:none}
main{flex:1;background:#fff;border-radius:4px;padding:24px}
.setting{border-bottom:1px solid #e1e1e1;padding:16px 0}
.spectrum-ToggleSwitch{position:relative;display:inline-flex;align-items:center;gap:8px}
.spectrum-ToggleSwitch-input{position:absolute;left:0;top:0;width:26px;height:14px;margin:0;opacity:0;
 cursor:pointer;z-index:1}
.spectrum-ToggleSwitch-switch{display:inline-block;width:26px;height:14px;border-radius:7px;background:#b3b3b3}
.spectrum-ToggleSwitch-input:checked+.spectrum-ToggleSwitch-switch{background:#1473e6}
.toast{position:fixed;bottom:16px;left:16px;background:#c9252d;color:#fff;padding:12px}
"""

LOGO = '<a class="logo" href="https://account.adobe.com/" aria-label="Adobe">Adobe</a>'


def adobe_page(title: str, body: str, script: str = "") -> str:
    """An Adobe-looking document."""
    return page(title, body, style=STYLE, script=script)


AUTH_SCRIPT = """
(() => {
  const root = document.getElementById("app");
  const callback = root.dataset.callback;
  let username = "";
  const el = (tag, attrs, text) => {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
    if (text !== undefined) e.textContent = text;
    return e;
  };
  const post = (url, body) => fetch(url, {method: "POST", credentials: "include",
    headers: {"content-type": "application/json"}, body: JSON.stringify(body)})
    .then((r) => r.json().then((data) => ({status: r.status, data})));
  const emailStep = () => {
    root.textContent = "";
    const form = el("form", {novalidate: ""});
    const input = el("input", {id: "EmailPage-EmailField", name: "username", type: "email",
      autocomplete: "username", "data-id": "EmailPage-EmailField"});
    const error = el("label", {"data-id": "EmailPage-EmailField-Error", for: "EmailPage-EmailField",
      class: "error"});
    const button = el("button", {type: "submit", class: "spectrum-Button",
      "data-id": "EmailPage-ContinueButton"}, "Continue");
    form.append(el("h1", {}, "Sign in"), el("label", {for: "EmailPage-EmailField"}, "Email address"),
      input, error, button);
    root.append(form, el("p", {}, "Or"));
    for (const p of ["Google", "Facebook", "Apple"]) {
      root.append(el("button", {type: "button", class: "social", "data-id": "social-" + p.toLowerCase()},
        "Continue with " + p));
    }
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      post("/signin/v2/users/accounts", {username: input.value}).then(({data}) => {
        if (!data.exists) { error.textContent = "We couldn't find an account with that email address."; return; }
        username = input.value;
        history.pushState({}, "", location.pathname + location.search + "#/password");
        passwordStep();
      });
    });
  };
  const passwordStep = () => {
    root.textContent = "";
    const form = el("form", {novalidate: ""});
    const input = el("input", {id: "PasswordPage-PasswordField", name: "password", type: "password",
      autocomplete: "current-password"});
    const error = el("label", {"data-id": "PasswordPage-PasswordField-Error", for: "PasswordPage-PasswordField",
      class: "error"});
    form.append(el("h1", {}, "Enter your password"), el("p", {}, username),
      el("label", {for: "PasswordPage-PasswordField"}, "Password"), input, error,
      el("a", {href: "#/reset"}, "Reset your password"),
      el("button", {type: "submit", class: "spectrum-Button", "data-id": "PasswordPage-ContinueButton"},
        "Continue"));
    root.appendChild(form);
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      post("/signin/v2/tokens", {username, password: input.value, callback}).then(({status, data}) => {
        if (data.challenge) { challengeStep(data.challenge); return; }
        if (status !== 200) { error.textContent = "Incorrect password. Try again."; return; }
        location.assign(data.redirect);
      });
    });
  };
  const challengeStep = (ticket) => {
    history.pushState({}, "", location.pathname + location.search + "#/challenge/email");
    root.textContent = "";
    const form = el("form", {novalidate: ""});
    form.append(el("h1", {}, "Verify your identity"),
      el("p", {}, "We sent a verification code to your email address. Enter it below to continue."),
      el("label", {for: "ChallengeCodeInput"}, "Code"),
      el("input", {id: "ChallengeCodeInput", type: "text", inputmode: "numeric", autocomplete: "one-time-code"}),
      el("button", {type: "submit", class: "spectrum-Button", "data-id": "ChallengeCodePage-ContinueButton"},
        "Continue"));
    root.appendChild(form);
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      post("/signin/v2/challenges", {ticket});
    });
  };
  emailStep();
})();
"""


def auth_page(callback: str) -> str:
    """auth.services.adobe.com/en_US/index.html: the identifier-first sign-in app."""
    body = f"""<header>{LOGO}</header><div class="card">
<div id="app" data-callback="{escape(callback)}">Loading…</div></div>"""
    return adobe_page("Adobe ID", body, AUTH_SCRIPT)


def account_nav() -> str:
    """The account site's side navigation."""
    links = (
        ("/", "Overview"),
        ("/plans", "Plans"),
        ("/profile", "Account and security"),
        ("/privacy", "Privacy and personal data"),
        ("/security", "Sign-in and security"),
    )
    items = "".join(f'<a href="{href}">{escape(text)}</a>' for href, text in links)
    return f'<nav class="side" aria-label="Account">{items}</nav>'


def account_page(account: str, heading: str, inner: str, script: str = "") -> str:
    """A page of account.adobe.com."""
    body = f"""<header>{LOGO}<span title="{escape(account)}">Adobe Account</span></header>
<div class="layout">{account_nav()}<main><h1>{escape(heading)}</h1>{inner}</main></div>"""
    return adobe_page(f"{heading} | Adobe Account", body, script)


def overview_page(account: str) -> str:
    """account.adobe.com/."""
    return account_page(account, "Overview", "<p>Your plans, apps and services.</p>")


PRIVACY_SCRIPT = """
(() => {
  const root = document.getElementById("privacy-root");
  const el = (tag, attrs, text) => {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
    if (text !== undefined) e.textContent = text;
    return e;
  };
  const toast = (text) => {
    const t = el("div", {class: "toast", role: "alert"}, text);
    document.body.appendChild(t);
  };
  const render = (s) => {
    root.textContent = "";
    if (s.notice) { root.appendChild(el("p", {class: "notice"}, s.notice)); }
    const items = s.items.slice();
    if (Math.random() < 0.5) items.reverse();
    for (const item of items) {
      const id = "react-aria-" + Math.random().toString(36).slice(2, 8);
      const section = el("section", {class: "setting"});
      const heading = el("h2", {id: id + "-title"}, item.title);
      const desc = el("p", {id: id + "-desc"}, item.description);
      const input = el("input", {type: "checkbox", role: "switch", class: "spectrum-ToggleSwitch-input",
        id: id, "aria-labelledby": id + "-title", "aria-describedby": id + "-desc"});
      input.checked = item.value;
      const state = el("span", {class: "spectrum-ToggleSwitch-label", "aria-hidden": "true"},
        item.value ? "On" : "Off");
      if (root.dataset.stateNamed === "true") {
        // Named only by its own "On"/"Off" text, as "change the toggle from On to Off" allows.
        input.removeAttribute("aria-labelledby");
        state.removeAttribute("aria-hidden");
      }
      const sw = el("label", {class: "spectrum-ToggleSwitch", for: id});
      sw.append(input, el("span", {class: "spectrum-ToggleSwitch-switch"}), state);
      section.append(heading, desc, sw);
      root.appendChild(section);
      input.addEventListener("change", () => {
        const wanted = input.checked;
        state.textContent = wanted ? "On" : "Off";
        fetch("/api/privacy/" + item.key, {method: "PATCH", credentials: "same-origin",
          headers: {"content-type": "application/json"}, body: JSON.stringify({enabled: wanted})})
          .then((r) => { if (!r.ok) throw new Error(String(r.status)); return r.json(); })
          .then((res) => { input.checked = res.enabled; state.textContent = res.enabled ? "On" : "Off"; })
          .catch(() => {
            input.checked = !wanted; state.textContent = !wanted ? "On" : "Off";
            toast("We couldn't save your change. Try again later.");
          });
      });
    }
    root.appendChild(el("p", {}, "Your changes are automatically saved."));
  };
  fetch("/api/privacy", {credentials: "same-origin"})
    .then((r) => { if (!r.ok) throw new Error(String(r.status)); return r.json(); })
    .then(render)
    .catch(() => { root.textContent = "Something went wrong. Refresh the page to try again."; })
    .finally(() => root.setAttribute("aria-busy", "false"));
})();
"""


def privacy_page(account: str, heading: str, *, state_named: bool = False) -> str:
    """account.adobe.com/privacy: a shell whose script renders the toggles once loaded."""
    named = "true" if state_named else "false"
    inner = f'<div id="privacy-root" aria-busy="true" data-state-named="{named}">Loading…</div>'
    return account_page(account, heading, inner, PRIVACY_SCRIPT)


def not_found_page() -> str:
    """Adobe's 404."""
    return adobe_page("Page not found", f"<header>{LOGO}</header><div class='card'><h1>Page not found</h1></div>")
