"""HTML and scripts of the Substack replica: wording from platforms.md §11 and platforms-addendum.md §4.

Invented here (the reference has no markup): the page layout, the element ids, the JSON the
dashboard loads from /api/v1/publication, the /api/v1/email-login and /api/v1/captcha endpoints,
the wrong-password, captcha and "check your email" wording, and the bystander toggles.
"""

from __future__ import annotations

import json

from optout.sandbox.html import escape, page

STYLE = """
body{margin:0;font:16px -apple-system,system-ui,Segoe UI,Helvetica,Arial,sans-serif;color:#363737}
header{display:flex;gap:20px;align-items:center;padding:12px 24px;border-bottom:1px solid #e6e6e6}
.logo{color:#ff6719;font-weight:700;font-size:22px;text-decoration:none}
main{max-width:640px;margin:32px auto;padding:0 16px}
label{display:block;margin:12px 0 4px}
input[type=email],input[type=password],input[type=text]{width:100%;box-sizing:border-box;
 padding:10px;border:1px solid #ccc;border-radius:6px;font-size:16px}
button{font-size:15px;padding:10px 18px;border-radius:6px;border:0;background:#ff6719;color:#fff}
.alert{color:#c0392b;min-height:1em}
section{border-top:1px solid #eee;padding:12px 0}
.row{display:flex;justify-content:space-between;align-items:center;gap:24px;padding:10px 0}
.help{color:#777;font-size:14px;margin:2px 0 0}
button[role=switch]{width:40px;height:22px;border-radius:11px;background:#bbb;padding:0}
button[role=switch][aria-checked=true]{background:#ff6719}
.pill{appearance:none;width:40px;height:22px;border-radius:11px;background:#bbb;margin:0}
.pill:checked{background:#ff6719}
"""

LOGO = '<a class="logo" href="https://substack.com/home" aria-label="Substack">Substack</a>'


def substack_page(title: str, body: str, script: str = "") -> str:
    """A Substack-looking document."""
    return page(title, body, style=STYLE, script=script)


SIGN_IN_SCRIPT = """
(() => {
  const byId = (id) => document.getElementById(id);
  const form = byId("signin");
  const params = new URLSearchParams(location.search);
  const redirect = params.get("redirect") || "/home";
  const forPub = params.get("for_pub") || "";
  let mode = "email";
  const post = (url, body) => fetch(url, {method: "POST", credentials: "same-origin",
    headers: {"content-type": "application/json"}, body: JSON.stringify(body)});
  const showPassword = () => {
    mode = "password";
    byId("password-step").hidden = false;
    byId("submit").textContent = "Sign in";
    const row = byId("password-link-row");
    if (row) row.remove();
    byId("password").focus();
  };
  const screen = (heading, text, extra) => {
    const main = document.querySelector("main");
    main.textContent = "";
    const h = document.createElement("h1"); h.textContent = heading;
    const p = document.createElement("p"); p.textContent = text;
    main.append(h, p);
    if (extra) main.append(extra);
  };
  const sent = (email, offerPassword) => {
    let extra = null;
    if (offerPassword) {
      extra = document.createElement("a");
      extra.href = "/sign-in?" + new URLSearchParams({password: "1", email, redirect}).toString();
      extra.textContent = "Sign in with password";
    }
    screen("Check your email",
      "We sent a sign-in link to " + email + ". Click the link in the email to finish signing in.", extra);
  };
  const captcha = (email, human) => {
    const box = document.createElement("form");
    box.innerHTML = human ? '<button type="submit">Continue</button>' :
      '<label><input type="checkbox" name="robot"> I am not a robot</label><button type="submit">Verify</button>';
    box.addEventListener("submit", (e) => {
      e.preventDefault();
      post("/api/v1/captcha", {email}).then(() => captcha(email, human));
    });
    if (human) screen("Verify you are human", "Substack needs to check this browser before you go on.", box);
    else screen("Please complete the captcha to continue", "We need to make sure you are a person.", box);
  };
  if (params.get("password") === "1") { byId("email").value = params.get("email") || ""; showPassword(); }
  const link = byId("with-password");
  if (link) link.addEventListener("click", (e) => { e.preventDefault(); showPassword(); });
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const email = byId("email").value.trim();
    byId("error").textContent = "";
    if (mode === "email") {
      const r = await post("/api/v1/email-login", {email, redirect, for_pub: forPub});
      const d = await r.json();
      if (d.has_password) showPassword(); else sent(email, d.offer_password);
      return;
    }
    const r = await post("/api/v1/login", {captcha_response: null, email, for_pub: forPub,
      password: byId("password").value, redirect});
    const d = await r.json();
    if (r.ok) { location.href = d.redirect; return; }
    if (d.error === "captcha") captcha(email, d.human === true);
    else if (d.error === "magic_link") sent(email);
    else byId("error").textContent = d.message || "Something went wrong.";
  });
})();
"""


def sign_in_page(*, password_link: bool) -> str:
    """https://substack.com/sign-in: email, then a magic link or (for accounts with one) a password."""
    link = '<p id="password-link-row"><a href="#" id="with-password">Sign in with password</a></p>'
    if not password_link:
        link = ""
    body = f"""<header>{LOGO}</header><main>
<h1>Sign in to Substack</h1>
<p>Enter your email and we'll email you a link to sign in.</p>
<form id="signin" novalidate>
<label for="email">Email</label>
<input id="email" type="email" name="email" autocomplete="email" placeholder="Email">
<div id="password-step" hidden>
<label for="password">Password</label>
<input id="password" type="password" name="password" autocomplete="current-password">
</div>
<p id="error" class="alert" role="alert"></p>
<button type="submit" id="submit">Continue</button>
</form>
{link}
<p><a href="https://substack.com/tos">Terms of Use</a> · <a href="https://substack.com/privacy">Privacy</a></p>
</main>"""
    return substack_page("Sign in - Substack", body, SIGN_IN_SCRIPT)


def home_page(account: str, publications: list[str]) -> str:
    """https://substack.com/home for a signed-in reader, with links to their dashboards."""
    links = "".join(
        f'<li><a href="https://{escape(p)}.substack.com/publish/home">{escape(p)}</a></li>' for p in publications
    )
    body = f"""<header>{LOGO}<nav><a href="/home">Home</a> <a href="/inbox">Inbox</a>
<a href="/settings" title="{escape(account)}">Settings</a></nav></header>
<main><h1>Home</h1><h2>Your publications</h2><ul>{links}</ul></main>"""
    return substack_page("Home - Substack", body)


DASHBOARD_SCRIPT = """
(() => {
  const root = document.getElementById("settings-root");
  const layout = root.dataset.layout;
  const needsSave = root.dataset.needsSave === "true";
  const put = (body) => fetch("/api/v1/publication", {method: "PUT", credentials: "same-origin",
    headers: {"content-type": "application/json"}, body: JSON.stringify(body)})
    .then((r) => { if (!r.ok) throw new Error(String(r.status)); return r.json(); });
  const el = (tag, attrs, text) => {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
    if (text !== undefined) e.textContent = text;
    return e;
  };
  const pending = {};
  const alertBox = () => {
    let a = document.getElementById("save-alert");
    if (!a) { a = el("p", {id: "save-alert", role: "alert", class: "alert"}); document.body.append(a); }
    a.textContent = "Something went wrong saving your settings.";
  };
  const commit = (key, value, show) => {
    if (needsSave) { pending[key] = value; show(value); return; }
    put({[key]: value}).then((d) => show(d[key]), () => { show(!value); alertBox(); });
  };
  // 2026: a button role=switch named by aria-labelledby; 2023: a native checkbox in a label.
  const buttonSwitch = (key, text, help, value) => {
    const row = el("div", {class: "row"});
    const words = el("div");
    words.append(el("span", {id: key + "-label"}, text));
    if (help) words.append(el("p", {class: "help", id: key + "-help"}, help));
    const sw = el("button", {type: "button", role: "switch", "aria-labelledby": key + "-label"});
    if (help) sw.setAttribute("aria-describedby", key + "-help");
    const show = (v) => sw.setAttribute("aria-checked", String(v));
    show(value);
    sw.addEventListener("click", () => commit(key, sw.getAttribute("aria-checked") !== "true", show));
    row.append(words, sw);
    return row;
  };
  const nativeSwitch = (key, text, help, value) => {
    const row = el("div", {class: "row"});
    const label = el("label", {});
    const input = el("input", {type: "checkbox", role: "switch", class: "pill", name: key});
    if (help) input.setAttribute("aria-describedby", key + "-help");
    const show = (v) => { input.checked = v; };
    show(value);
    input.addEventListener("change", () => commit(key, input.checked, show));
    label.append(input, document.createTextNode(" " + text));
    row.append(label);
    const wrap = el("div");
    wrap.append(row);
    if (help) wrap.append(el("p", {class: "help", id: key + "-help"}, help));
    return wrap;
  };
  const section = (title, rows) => {
    const s = el("section", {});
    s.append(el("h2", {}, title), ...rows);
    if (needsSave) {
      const save = el("button", {type: "button"}, "Save changes");
      save.addEventListener("click", () => put(pending).catch(alertBox));
      s.append(save);
    }
    return s;
  };
  const render = (p) => {
    root.textContent = "";
    const text = (name, label, value) => {
      const w = el("div");
      w.append(el("label", {for: name}, label), el("input", {type: "text", id: name, value: value || ""}));
      return w;
    };
    if (layout === "2023") {
      root.append(section("Publication details", [
        text("pub-name", "Publication name", p.name),
        text("pub-about", "Short description", p.hero_text),
        nativeSwitch("block_search_indexing", "Block search engine indexing", "", p.block_search_indexing),
        nativeSwitch("block_ai_training", "Block AI training", p.ai_help, p.block_ai_training),
        nativeSwitch("enable_ai_voiceover", "Enable AI-generated voiceovers", "", p.enable_ai_voiceover),
      ]));
      root.append(section("Community", [
        nativeSwitch("enable_comments", "Enable comments", "", p.enable_comments),
      ]));
    } else {
      root.append(section("Basics", [
        text("pub-name", "Publication name", p.name),
        buttonSwitch("enable_ai_voiceover", "Enable AI-generated voiceovers",
          "Let readers listen to AI narration of your posts.", p.enable_ai_voiceover),
      ]));
      root.append(section("Privacy", [
        buttonSwitch("opt_out_recommendations", "Opt out of Substack recommendations", "", p.opt_out_recommendations),
        buttonSwitch("block_ai_training", "Opt out of AI training", p.ai_help, p.block_ai_training),
        buttonSwitch("block_search_indexing", "Block search engine indexing", "", p.block_search_indexing),
      ]));
    }
  };
  fetch("/api/v1/publication", {credentials: "same-origin"})
    .then((r) => { if (!r.ok) throw new Error(String(r.status)); return r.json(); })
    .then(render)
    .catch(() => { root.textContent = "Something went wrong loading your settings."; })
    .finally(() => root.setAttribute("aria-busy", "false"));
})();
"""

HELP_2023 = (  # the official help article's text (platforms-addendum.md §4.3)
    "This setting indicates to AI tools like ChatGPT and Google Bard that their models should not be "
    "trained on your published content. This will only apply to AI tools that respect this setting, and "
    "blocking training may limit your publication's discoverability in tools and search engines that "
    "return AI-generated results."
)
HELP_2026 = (  # the 2026 description quoted on r/Substack (platforms-addendum.md §4.3)
    "Tells third-party AI-tools like ChatGPT and Google Gemini that their models should not be trained "
    "on your content. Note this may limit your discoverability on these platforms."
)


def dashboard_settings_page(name: str, *, layout: str, needs_save: bool) -> str:
    """A publication's /publish/settings shell; its script renders the toggles once loaded."""
    body = f"""<header>{LOGO}<strong>{escape(name)}</strong>
<nav aria-label="Dashboard"><a href="/publish/home">Home</a> <a href="/publish/posts">Posts</a>
<a href="/publish/subscribers">Subscribers</a> <a href="/publish/settings" aria-current="page">Settings</a></nav>
</header><main><h1>Settings</h1>
<div id="settings-root" aria-busy="true" data-layout="{escape(layout)}"
 data-needs-save="{json.dumps(needs_save)}">Loading…</div></main>"""
    return substack_page(f"Settings - {name}", body, DASHBOARD_SCRIPT)


def message_page(title: str, text: str, status_heading: str = "") -> str:
    """A plain page with a heading and one paragraph (not found, no access, custom domain)."""
    body = f"<header>{LOGO}</header><main><h1>{escape(status_heading or title)}</h1><p>{escape(text)}</p></main>"
    return substack_page(title, body)
