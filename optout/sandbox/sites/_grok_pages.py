"""HTML and scripts of the grok.com / accounts.x.ai replica (platforms-addendum.md §13)."""

from __future__ import annotations

from optout.sandbox.html import escape, page

STYLE = """
body{margin:0;font:14px ui-sans-serif,system-ui,sans-serif;background:#141414;color:#fcfcfc}
main{max-width:420px;margin:48px auto}
.sidebar{position:fixed;left:0;top:0;bottom:0;width:220px;border-right:1px solid #2a2a2a;padding:12px}
.chat{margin-left:240px;padding:24px}
textarea{width:100%;min-height:80px;background:#1f1f1f;color:inherit;border-radius:24px;padding:16px}
input[type=email],input[type=password]{width:100%;box-sizing:border-box;padding:12px;margin:4px 0 12px;
 background:#1f1f1f;color:inherit;border:1px solid #333;border-radius:12px}
button{cursor:pointer;border-radius:9999px;padding:8px 16px;border:1px solid #333;background:#fcfcfc;
 color:#141414;margin:4px 0}
.w-full{width:100%}
[role=dialog]{position:fixed;inset:48px 15%;background:#1f1f1f;border-radius:24px;display:flex;gap:16px;
 padding:16px}
[role=tablist]{display:flex;flex-direction:column;min-width:160px}
[role=tab]{text-align:left;background:transparent;color:inherit;border:0}
[role=tab][aria-selected=true]{background:#2a2a2a}
.setting{display:flex;justify-content:space-between;align-items:center;gap:16px;padding:12px 0;
 border-bottom:1px solid #2a2a2a}
.text-secondary{color:#9a9a9a;font-size:13px}
[role=switch],[aria-pressed]{width:36px;height:20px;border-radius:10px;padding:0;background:#444}
[role=switch][aria-checked=true],[aria-pressed=true]{background:#fcfcfc}
.alert{color:#ff6b6b}
"""


def grok_page(title: str, body: str, script: str = "") -> str:
    """A grok.com or accounts.x.ai document."""
    return page(title, body, style=STYLE, script=script)


STEP_SCRIPT = """
(() => {
  const next = document.getElementById("next");
  next.addEventListener("click", () => {
    next.replaceWith(document.getElementById("password-step").content.cloneNode(true));
  });
})();
"""


def sign_in_page(
    redirect: str, *, error: str = "", email: str = "", button: str = "Login", typed: bool = True, next_step: str = ""
) -> str:
    """accounts.x.ai/sign-in: X/Google/Apple buttons, then the email form; `error` under the fields.

    `typed=False` leaves the submit a <button> without a type; `next_step` (a button's wording)
    asks for the email alone first and shows the password field only once that button is pressed.
    """
    alert = f'<p class="alert" role="alert">{escape(error)}</p>' if error else ""
    kind = ' type="submit"' if typed else ""
    password = f"""<label for="password">Password</label>
<input id="password" type="password" name="password" autocomplete="current-password">
{alert}
<p><a href="/reset-password">Forgot password?</a></p>
<button{kind} class="w-full">{escape(button)}</button>"""
    stepwise = bool(next_step) and not error
    if stepwise:
        step = f"""<button type="button" id="next" class="w-full">{escape(next_step)}</button>
<template id="password-step">{password}</template>"""
    else:
        step = password
    body = f"""<main><h1>Sign in</h1>
<button type="button" class="w-full">Login with X</button>
<button type="button" class="w-full">Login with Google</button>
<button type="button" class="w-full">Login with Apple</button>
<p>or</p>
<form method="post" action="/sign-in">
<input type="hidden" name="redirect" value="{escape(redirect)}">
<label for="email">Email</label>
<input id="email" type="email" name="email" autocomplete="email" value="{escape(email)}">
{step}
</form>
<p>Don't have an account? <a href="/sign-up">Sign up</a></p></main>"""
    return grok_page("Sign in - xAI", body, STEP_SCRIPT if stepwise else "")


def cloudflare_page(ray: str) -> str:
    """Cloudflare's managed challenge (Turnstile); its button posts to the challenge platform."""
    body = f"""<main><h1>accounts.x.ai</h1>
<h2>Verify you are human by completing the action below.</h2>
<iframe title="Widget containing a Cloudflare security challenge" width="300" height="65"
 src="https://challenges.cloudflare.com/cdn-cgi/challenge-platform/h/g/turnstile/if/ov2/av0/rcv/{escape(ray)}">
</iframe>
<form method="post" action="/cdn-cgi/challenge-platform/h/g/flow/ov1">
<input type="hidden" name="ray" value="{escape(ray)}"><button type="submit">Verify</button></form>
<p>accounts.x.ai needs to review the security of your connection before proceeding.</p>
<p class="text-secondary">Ray ID: {escape(ray)} &middot; Performance &amp; security by Cloudflare</p></main>"""
    return grok_page("Just a moment...", body)


APP_SCRIPT = """
(() => {
  const API = "/rest/user-settings";
  const root = document.getElementById("settings-root");
  const make = (tag, attrs, text) => {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
    if (text !== undefined) e.textContent = text;
    return e;
  };
  const toast = (text) => document.body.appendChild(make("div", {role: "status"}, text));
  const save = (key, value) => fetch(API, {method: "PATCH", credentials: "same-origin",
      headers: {"content-type": "application/json"}, body: JSON.stringify({[key]: value})})
    .then((r) => { if (!r.ok) throw new Error(String(r.status)); return r.json(); })
    .then((res) => res[key]);
  const control = (s, row, n) => {
    const titleId = "radix-:r" + (n * 7 + 3) + ":";
    const descId = "radix-:r" + (n * 7 + 4) + ":";
    const texts = make("div");
    const desc = make("p", {id: descId, "class": "text-secondary"}, row.description);
    let el;
    if (s.markup === "checkbox") {
      const label = make("label", {});
      el = make("input", {type: "checkbox", role: "switch"});
      el.checked = row.value;
      label.append(make("span", {}, row.label), el);
      texts.append(label, desc);
      el.addEventListener("change", () => {
        const want = el.checked;
        save(row.key, want).then((v) => { el.checked = v; }, () => { el.checked = !want; toast("Failed to save"); });
      });
      return [texts, null];
    }
    if (s.markup === "pressed") {
      texts.append(make("span", {}, row.label), desc);
      el = make("button", {type: "button", "aria-label": row.label, "aria-pressed": String(row.value)});
      el.addEventListener("click", () => {
        const want = el.getAttribute("aria-pressed") !== "true";
        save(row.key, want).then((v) => el.setAttribute("aria-pressed", String(v)), () => toast("Failed to save"));
      });
      return [texts, el];
    }
    el = make("button", {type: "button", role: "switch", "aria-checked": String(row.value),
      "data-state": row.value ? "checked" : "unchecked", id: "switch-" + row.key});
    if (s.markup === "unnamed") {
      texts.append(make("span", {}, row.label), desc);
    } else if (s.markup === "labelledby") {
      texts.append(make("div", {id: titleId}, row.label), desc);
      el.setAttribute("aria-labelledby", titleId + " " + descId);
    } else {
      texts.append(make("label", {for: "switch-" + row.key}, row.label), desc);
    }
    el.appendChild(make("span", {"data-state": row.value ? "checked" : "unchecked"}));
    el.addEventListener("click", () => {
      const want = el.getAttribute("aria-checked") !== "true";
      save(row.key, want).then((v) => {
        el.setAttribute("aria-checked", String(v)); el.dataset.state = v ? "checked" : "unchecked";
      }, () => toast("Failed to save"));
    });
    return [texts, el];
  };
  const renderData = (panel, s) => {
    panel.textContent = "";
    panel.appendChild(make("h2", {}, s.tab));
    const rows = s.order.map((i) => s.rows[i]);
    rows.forEach((row, n) => {
      const line = make("div", {"class": "setting"});
      const [texts, el] = control(s, row, n);
      line.appendChild(texts);
      if (el) line.appendChild(el);
      panel.appendChild(line);
    });
    panel.appendChild(make("p", {"class": "text-secondary"}, s.privateChat));
    const del = make("button", {type: "button"}, "Delete All Conversations");
    panel.appendChild(del);
  };
  const TABS = ["Account", "Appearance", "Behavior", "Customize"];
  const open = (which) => {
    root.textContent = "";
    const dialog = make("div", {role: "dialog", "aria-modal": "true", "aria-label": "Settings"});
    const list = make("div", {role: "tablist", "aria-orientation": "vertical"});
    const panel = make("div", {role: "tabpanel"});
    const close = make("button", {type: "button", "aria-label": "Close"}, "\\u00d7");
    close.addEventListener("click", () => { root.textContent = ""; history.replaceState(null, "", "/"); });
    fetch(API, {credentials: "same-origin"})
      .then((r) => { if (!r.ok) throw new Error(String(r.status)); return r.json(); })
      .then((s) => {
        for (const name of [...TABS, s.tab]) {
          const tab = make("button", {role: "tab", type: "button",
            "aria-selected": String(name === s.tab && which === "data")}, name);
          tab.addEventListener("click", () => {
            for (const t of list.children) t.setAttribute("aria-selected", String(t === tab));
            if (name === s.tab) renderData(panel, s); else panel.textContent = name;
          });
          list.appendChild(tab);
        }
        if (which === "data") renderData(panel, s); else panel.textContent = TABS[0];
      })
      .catch(() => { panel.textContent = "Something went wrong"; });
    dialog.append(list, panel, close);
    root.appendChild(dialog);
  };
  document.getElementById("open-settings").addEventListener("click", () => open("account"));
  const wanted = new URLSearchParams(location.search).get("_s") || root.dataset.open;
  if (wanted) open(wanted);
})();
"""


def app_page(account: str, open_tab: str = "") -> str:
    """grok.com for a signed-in user: chat, a sidebar, and the Settings dialog (opened by `?_s=`)."""
    body = f"""<div class="sidebar"><a href="/">Grok</a><a href="/imagine">Imagine</a>
<p>History</p><button type="button" id="open-settings">Settings</button>
<p class="text-secondary">{escape(account)}</p></div>
<div class="chat"><h1>Good evening.</h1><label for="q">Ask anything</label><textarea id="q"></textarea>
<button type="button" aria-label="Private">Private</button></div>
<div id="settings-root" data-open="{escape(open_tab)}"></div>"""
    return grok_page("Grok", body, APP_SCRIPT)


def not_found_page() -> str:
    """grok.com's 404."""
    return grok_page("Grok", "<main><h1>404</h1><p>This page could not be found.</p></main>")
