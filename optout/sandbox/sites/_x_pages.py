"""HTML and scripts of the X replica: the step-by-step login and the Grok settings page (platforms.md §2)."""

from __future__ import annotations

from optout.sandbox.html import escape, page

STYLE = """
body{margin:0;font:15px -apple-system,system-ui,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;
 background:#000;color:#e7e9ea}
#react-root{display:flex;min-height:100vh}
.css-175oi2r{display:flex;flex-direction:column}
nav{width:260px;padding:16px;border-right:1px solid #2f3336}
nav a{display:block;color:#e7e9ea;text-decoration:none;padding:10px 0}
main{flex:1;max-width:600px;padding:16px;border-right:1px solid #2f3336}
.r-row{display:flex;flex-direction:row;justify-content:space-between;align-items:center;gap:12px;
 padding:12px 0}
.r-muted{color:#71767b;font-size:13px}
.r-box{position:relative;width:20px;height:20px}
.r-box input{position:absolute;inset:0;margin:0;width:20px;height:20px;opacity:.01;cursor:pointer}
.r-box .r-face{width:18px;height:18px;border:2px solid #536471;border-radius:4px}
[role=checkbox]{width:18px;height:18px;border:2px solid #536471;border-radius:4px;cursor:pointer}
[role=checkbox][aria-checked=true]{background:#1d9bf0}
[role=button],button{cursor:pointer;border-radius:9999px;padding:8px 16px;font-weight:700;
 background:#eff3f4;color:#0f1419;border:0;display:inline-block;margin:6px 0}
.r-danger{color:#f4212e;background:transparent;padding:12px 0}
[role=dialog]{max-width:440px;margin:40px auto;padding:24px;background:#000;border:1px solid #2f3336;
 border-radius:16px}
[role=dialog] input{width:100%;box-sizing:border-box;padding:14px;background:#000;color:#e7e9ea;
 border:1px solid #333639;border-radius:4px;font-size:17px}
[role=alert]{position:fixed;bottom:24px;left:50%;transform:translateX(-50%);background:#1d9bf0;
 color:#fff;padding:12px 16px;border-radius:4px}
"""


def x_page(title: str, body: str, script: str = "", lang: str = "en") -> str:
    """An X-looking document: everything inside #react-root, as react-native-web renders it."""
    return page(title, f'<div id="react-root">{body}</div>', style=STYLE, script=script, lang=lang)


def landing_page() -> str:
    """The signed-out home page."""
    body = """<main><h1>Happening now</h1><h2>Join today.</h2>
<a href="/i/flow/signup" role="link">Create account</a>
<p>Already have an account?</p><a href="/i/flow/login" role="link">Sign in</a></main>"""
    return x_page("X. It's what's happening / X", body)


def home_page(account: str) -> str:
    """The signed-in timeline."""
    body = f"""{nav()}<main><h1>Home</h1><div aria-label="Timeline: Your Home Timeline">
<p>What is happening?!</p><p class="r-muted">{escape(account)}</p></div></main>"""
    return x_page("Home / X", body)


def nav() -> str:
    """The settings list on the left."""
    items = (
        ("Your account", "/settings/account"),
        ("Security and account access", "/settings/security_and_account_access"),
        ("Privacy and safety", "/settings/privacy_and_safety"),
        ("Notifications", "/settings/notifications"),
        ("Accessibility, display, and languages", "/settings/accessibility_display_and_languages"),
    )
    links = "".join(f'<a href="{href}" role="tab">{escape(text)}</a>' for text, href in items)
    return f'<nav aria-label="Settings" class="css-175oi2r"><a href="/home">Home</a><h2>Settings</h2>{links}</nav>'


def not_found_page() -> str:
    """X's missing-page text."""
    body = "<main><p>Hmm...this page doesn't exist. Try searching for something else.</p></main>"
    return x_page("Page not found / X", body)


LOGIN_SCRIPT = """
(() => {
  const API = "https://api.x.com/1.1/onboarding/task.json";
  const root = document.getElementById("layers");
  let token = "";
  let user = "";
  const el = (html) => { const t = document.createElement("template"); t.innerHTML = html.trim(); return t.content; };
  const toast = (text) => {
    for (const old of document.querySelectorAll("[data-testid=toast]")) old.remove();
    const t = document.createElement("div");
    t.setAttribute("role", "alert"); t.dataset.testid = "toast"; t.textContent = text;
    document.body.appendChild(t);
  };
  const call = (body) => fetch(API, {method: "POST", credentials: "include",
      headers: {"content-type": "application/json", "x-twitter-active-user": "yes"},
      body: JSON.stringify(Object.assign({flow_token: token}, body))})
    .then((r) => r.json())
    .then((res) => {
      if (res.errors) { toast(res.errors[0].message); return; }
      token = res.flow_token || token;
      show(res.next);
    })
    .catch(() => toast("Something went wrong. Try reloading."));
  const button = (label, testid) =>
    `<div role="button" tabindex="0" data-testid="${testid}"><span><span>${label}</span></span></div>`;
  const onPress = (testid, fn) => {
    const b = root.querySelector(`[data-testid="${testid}"]`);
    b.addEventListener("click", fn);
    b.addEventListener("keydown", (e) => { if (e.key === "Enter") fn(); });
  };
  const dialog = (heading, inner) => {
    root.textContent = "";
    root.appendChild(el(`<div role="dialog" aria-modal="true" aria-labelledby="modal-header">
      <h1 id="modal-header"><span>${heading}</span></h1>${inner}</div>`));
  };
  const CHALLENGES = {
    "verify-identity": ["Enter your phone number or username",
      "There was unusual login activity on your account. To help keep your account safe, please " +
      "enter your phone number or username to verify it\\u2019s you."],
    "2fa": ["Enter your verification code",
      "Use your code generation app to generate a code and enter it below."],
    "email-code": ["Check your email",
      "You\\u2019ll receive a code to verify here so you can sign in."],
    "login-verification": ["Verify your identity", "We sent you a code. Type it below to continue."],
  };
  const show = (step) => {
    if (step === "done") {
      const next = new URLSearchParams(location.search).get("redirect_after_login") || "";
      location.assign(next.startsWith("/") && !next.startsWith("//") ? next : "/home");
      return;
    }
    if (step === "identifier") {
      dialog("Sign in to X", `
        ${button("Sign in with Google", "google_sign_in_button")}
        ${button("Sign in with Apple", "apple_sign_in_button")}
        <div><span>or</span></div>
        <label><div><span>Phone, email, or username</span></div>
          <input autocomplete="username" autocapitalize="sentences" name="text" type="text" dir="auto"></label>
        ${button("Next", "ocfNext")}
        ${button("Forgot password?", "forgot")}
        <div><span>Don't have an account? </span><a href="/i/flow/signup">Sign up</a></div>`);
      onPress("ocfNext", () => {
        user = root.querySelector("input[name=text]").value;
        call({subtask: "identifier", text: user});
      });
      return;
    }
    if (step === "password") {
      dialog("Enter your password", `
        <label><div><span>Username</span></div>
          <input name="username" type="text" value="" disabled></label>
        <label><div><span>Password</span></div>
          <input autocomplete="current-password" name="password" type="password" dir="auto"></label>
        ${button("Forgot password?", "forgot")}
        ${button("Log in", "LoginForm_Login_Button")}
        <div><span>Don't have an account? </span><a href="/i/flow/signup">Sign up</a></div>`);
      root.querySelector("input[name=username]").value = user;
      onPress("LoginForm_Login_Button", () => {
        call({subtask: "password", password: root.querySelector("input[name=password]").value});
      });
      return;
    }
    if (step === "arkose") {
      dialog("Authenticate your account", `<p>Solve this puzzle to protect your account.</p>
        <iframe title="Verification challenge" width="300" height="160"
          src="https://client-api.arkoselabs.com/fc/api/?onload=loadChallenge"></iframe>
        ${button("Authenticate", "ocfChallenge")}`);
      onPress("ocfChallenge", () => call({subtask: "challenge"}));
      return;
    }
    const [heading, text] = CHALLENGES[step];
    dialog(heading, `<p>${text}</p>
      <label><div><span>Code, phone or username</span></div>
        <input data-testid="ocfEnterTextTextInput" name="text" type="text"></label>
      ${button("Next", "ocfEnterTextNextButton")}`);
    onPress("ocfEnterTextNextButton", () => call({subtask: "challenge"}));
  };
  show("identifier");
})();
"""


def login_page(button: str = "") -> str:
    """x.com/i/flow/login; `button` renames the password step's submit (and drops its test id)."""
    script = LOGIN_SCRIPT
    if button:
        script = script.replace('button("Log in", "LoginForm_Login_Button")', f'button("{button}", "ocfLogin")')
        script = script.replace('onPress("LoginForm_Login_Button"', 'onPress("ocfLogin"')
    return x_page("Log in to X / X", '<div id="layers" class="css-175oi2r"></div>', script)


SETTINGS_SCRIPT = """
(() => {
  const root = document.getElementById("grok-settings");
  const API = root.dataset.api;
  const csrf = () => (document.cookie.match(/(?:^|;\\s*)ct0=([^;]*)/) || [, ""])[1];
  const toast = (text) => {
    const t = document.createElement("div");
    t.setAttribute("role", "alert"); t.textContent = text; document.body.appendChild(t);
  };
  const save = (key, value) => fetch(API, {method: "POST", credentials: "same-origin",
      headers: {"content-type": "application/json", "x-csrf-token": csrf()},
      body: JSON.stringify({key, value})})
    .then((r) => { if (!r.ok) throw new Error(String(r.status)); return r.json(); })
    .then((res) => res.value);
  const make = (tag, attrs, text) => {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
    if (text !== undefined) e.textContent = text;
    return e;
  };
  const nativeBox = (row, input) => {
    input.checked = row.value;
    input.addEventListener("change", () => {
      const wanted = input.checked;
      save(row.key, wanted).then((v) => { input.checked = v; },
        () => { input.checked = !wanted; toast("Something went wrong, but don\\u2019t fret."); });
    });
  };
  const render = (s) => {
    root.textContent = "";
    root.appendChild(make("p", {"class": "r-muted"}, s.intro));
    const rows = s.order.map((i) => s.rows[i]);
    for (const row of rows) {
      if (row.heading) root.appendChild(make("h2", {}, row.heading));
      const wrap = make("div", {"class": "css-175oi2r"});
      const line = make("div", {"class": "r-row"});
      const texts = make("div", {"class": "css-175oi2r"});
      const n = row.n;
      if (s.variant === "labelled") {
        const label = make("label", {"class": "r-row"});
        const span = make("span", {}, row.label);
        const input = make("input", {type: "checkbox"});
        label.append(span, input); line.appendChild(label);
        wrap.append(line, make("div", {"class": "r-muted"}, row.description));
        nativeBox(row, input);
      } else if (s.variant === "aria") {
        texts.append(make("span", {id: "grok-opt-" + n}, row.label),
          make("span", {"class": "r-muted"}, row.description));
        const box = make("div", {role: "checkbox", tabindex: "0", "aria-labelledby": "grok-opt-" + n,
          "aria-checked": String(row.value)});
        box.addEventListener("click", () => {
          const wanted = box.getAttribute("aria-checked") !== "true";
          save(row.key, wanted).then((v) => box.setAttribute("aria-checked", String(v)),
            () => toast("Something went wrong."));
        });
        line.append(texts, box); wrap.appendChild(line);
      } else if (s.variant === "described-description") {
        const descId = "id__" + (7 + n * 13) + "dsc";
        texts.append(make("span", {}, row.label), make("span", {id: descId, "class": "r-muted"}, row.description));
        const box = make("div", {"class": "r-box"});
        const input = make("input", {type: "checkbox", "aria-describedby": descId});
        box.append(input, make("div", {"class": "r-face"}));
        line.append(texts, box); wrap.appendChild(line);
        nativeBox(row, input);
      } else {
        const both = s.variant === "described-both";
        const labelId = both ? "id__" + (7 + n * 13) + "lbl" : "CHECKBOX_" + n + "_LABEL";
        const descId = "id__" + (7 + n * 13) + "dsc";
        texts.append(make("span", {id: labelId}, row.label),
          make("span", both ? {id: descId, "class": "r-muted"} : {"class": "r-muted"}, row.description));
        const box = make("div", {"class": "r-box"});
        const input = make("input", {type: "checkbox", "aria-describedby": both ? labelId + " " + descId : labelId});
        box.append(input, make("div", {"class": "r-face"}));
        line.append(texts, box); wrap.appendChild(line);
        nativeBox(row, input);
      }
      root.appendChild(wrap);
      if (row.after) {
        const del = make("div", {role: "button", tabindex: "0", "class": "r-danger"}, row.after);
        del.addEventListener("click", () => fetch(API.replace("grok_settings", "grok_history"),
          {method: "DELETE", credentials: "same-origin", headers: {"x-csrf-token": csrf()}}));
        root.appendChild(del);
      }
    }
  };
  fetch(API, {credentials: "same-origin"})
    .then((r) => { if (!r.ok) throw new Error(String(r.status)); return r.json(); })
    .then(render)
    .catch(() => { root.textContent = "Something went wrong. Try reloading."; });
})();
"""


def settings_page(account: str, api: str, heading: str, subheading: str, lang: str) -> str:
    """The Grok settings page shell; its script renders the checkboxes once their state loads."""
    body = f"""{nav()}<main class="css-175oi2r" data-user="{escape(account)}">
<div class="r-row"><a href="/settings/privacy_and_safety" aria-label="Back" role="link">&larr;</a>
<h1>{escape(heading)}</h1></div><h2>{escape(subheading)}</h2>
<div id="grok-settings" class="css-175oi2r" data-api="{escape(api)}">
<div role="progressbar" aria-label="Loading"></div></div></main>"""
    return x_page(f"{heading} / X", body, SETTINGS_SCRIPT, lang)
