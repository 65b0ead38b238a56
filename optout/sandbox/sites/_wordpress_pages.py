"""HTML and scripts of the WordPress.com replica: Calypso's log-in form, sites list and General settings.

Wording from platforms.md §10 and platforms-addendum.md §14 (log-in labels, button texts, the
2FA field, the checkbox markup); anything else (headings, notices, the Blackbox and passwordless
screens, the layout) is a plausible rendering, not a fact.
"""

from __future__ import annotations

import json

from optout.sandbox.html import escape, page

API = "https://public-api.wordpress.com"

STYLE = """
body{margin:0;font:14px -apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,sans-serif;
 background:#f6f7f7;color:#101517}
header{background:#1d2327;color:#fff;padding:10px 24px;display:flex;gap:20px;align-items:center}
header a{color:#fff;text-decoration:none}
main{max-width:720px;margin:24px auto;padding:0 16px}
.card{background:#fff;border:1px solid #dcdcde;border-radius:4px;padding:16px 24px;margin:16px 0}
.section-header{display:flex;justify-content:space-between;align-items:center}
.is-hidden{display:none}
label{display:block;margin:10px 0 4px}
input[type=text],input[type=password],input[type=email]{width:100%;box-sizing:border-box;
 padding:8px;border:1px solid #8c8f94;border-radius:2px;font-size:16px}
button{font-size:14px;padding:8px 16px;border-radius:2px;cursor:pointer}
button.is-primary{background:#3858e9;color:#fff;border:0}
.form-input-validation{color:#d63638;margin:6px 0}
.notice{background:#fff;border-left:4px solid #00a32a;padding:8px 12px;margin:12px 0}
.notice.is-error{border-color:#d63638}
table{width:100%;border-collapse:collapse;background:#fff}
td,th{text-align:left;padding:10px;border-bottom:1px solid #dcdcde}
.description{color:#646970;font-size:13px}
.components-form-toggle__input{width:36px;height:18px;margin:0 8px 0 0;vertical-align:middle}
"""


def wp_page(title: str, body: str, script: str = "") -> str:
    """A WordPress.com-looking document."""
    return page(title, body, style=STYLE, script=script)


def masterbar(account: str | None) -> str:
    """The top bar: signed in or not."""
    if account is None:
        return '<header><a href="/">WordPress.com</a><a href="/log-in">Log In</a></header>'
    return (
        '<header><a href="/sites">My Sites</a><a href="/read">Reader</a>'
        f'<a href="/me" title="{escape(account)}">Me</a></header>'
    )


LOGIN_SCRIPT = """
(() => {
  const form = document.querySelector("form.login__form");
  const user = form.querySelector('input[name="usernameOrEmail"]');
  const box = form.querySelector(".login__form-password");
  const password = document.getElementById("password");
  const button = form.querySelector('button[type="submit"]');
  const error = document.getElementById("login-error");
  const body = document.getElementById("login-body");
  const settings = JSON.parse(document.getElementById("login-settings").textContent);
  let step = "identifier";
  let blackbox = false;
  const fail = (text) => { error.textContent = text; error.classList.remove("is-hidden"); };
  const replace = (html) => { body.innerHTML = html; };
  const el = (tag) => document.createElement(tag);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    error.classList.add("is-hidden");
    if (step === "identifier") {
      if (!user.value.trim()) { fail("Please enter a username or email address."); return; }
      const r = await fetch(settings.api + "/rest/v1.1/users/" + encodeURIComponent(user.value.trim())
        + "/auth-options");
      const data = await r.json();
      if (!r.ok) { fail(data.message || "User does not exist."); return; }
      if (data.passwordless) {
        replace('<h1>Check your email</h1><p>We just emailed a link to <strong></strong>. '
          + "Please check your inbox and click the link to log in.</p>");
        body.querySelector("strong").textContent = user.value.trim();
        return;
      }
      blackbox = Boolean(data.blackbox);
      step = "password";
      box.classList.remove("is-hidden");
      button.textContent = "Log In";
      password.focus();
      return;
    }
    if (blackbox) {
      // Blackbox decided this attempt needs a human check: nothing is submitted.
      replace('<h1>Verify that you are human</h1><p>We need to make sure you are not a robot '
        + "before you log in.</p><form method=\\"post\\" action=\\"/log-in/blackbox\\">"
        + '<button type="submit" class="is-primary">Verify</button></form>');
      const who = el("input");
      who.type = "hidden"; who.name = "usernameOrEmail"; who.value = user.value.trim();
      body.querySelector("form").append(who);
      return;
    }
    button.disabled = true;
    const r = await fetch("/wp-login.php?action=login-endpoint", {method: "POST",
      credentials: "same-origin",
      body: new URLSearchParams({username: user.value.trim(), password: password.value,
        remember_me: "true", redirect_to: settings.redirect})});
    const data = await r.json().catch(() => ({success: false, data: {errors: [{message: "Error"}]}}));
    button.disabled = false;
    if (data.success) { location.assign(data.data.redirect_to); return; }
    fail(data.data.errors[0].message);
  });
})();
"""


def login_page(redirect: str) -> str:
    """GET /log-in: the identifier-first form (the password box is revealed by the script)."""
    settings = json.dumps({"api": API, "redirect": redirect}).replace("</", "<\\/")
    body = f"""{masterbar(None)}<main><div class="card" id="login-body">
<h1>Log in to your account</h1>
<form method="post" class="login__form" novalidate>
<label for="usernameOrEmail"><span aria-hidden="true">Email address or username</span></label>
<input id="usernameOrEmail" name="usernameOrEmail" type="text" autocomplete="username"
 aria-label="Email address or username" autocapitalize="off">
<div class="login__form-password is-hidden">
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password"></div>
<div id="login-error" class="form-input-validation is-error is-hidden" role="alert"></div>
<button type="submit" class="is-primary">Continue</button>
</form>
<p><a href="/log-in/link">Email me a login link</a> · <a href="/wp-login.php?action=lostpassword">Lost your
 password?</a></p>
<button type="button">Continue with Google</button> <button type="button">Continue with Apple</button>
<p><a href="/start">Create a new account</a></p></div></main>
<script type="application/json" id="login-settings">{settings}</script>"""
    return wp_page("Log In — WordPress.com", body, LOGIN_SCRIPT)


def two_step_page(*, invalid: bool = False) -> str:
    """The authenticator-code step after a correct password (addendum §14.1 2FA texts)."""
    alert = (
        '<div class="form-input-validation is-error" role="alert">Hmm, that\'s not a valid verification '
        "code. Please double-check your app and try again.</div>"
        if invalid
        else ""
    )
    body = f"""{masterbar(None)}<main><div class="card">
<h1>Two-Step Authentication</h1>
<p>Please enter the verification code generated by your authenticator app.</p>
<form method="post" action="/log-in/authenticator">
<label for="twoStepCode">Verification code</label>
<input id="twoStepCode" name="twoStepCode" type="text" inputmode="numeric" autocomplete="one-time-code">
{alert}<button type="submit" class="is-primary">Continue</button></form>
<p><a href="/log-in/backup">Continue with a backup code</a></p></div></main>"""
    return wp_page("Log In — WordPress.com", body)


def blackbox_page() -> str:
    """What a Blackbox check shows after its Verify button (it never solves anything)."""
    body = f"""{masterbar(None)}<main><div class="card"><h1>Verify that you are human</h1>
<p>We need to make sure you are not a robot before you log in.</p>
<form method="post" action="/log-in/blackbox"><button type="submit" class="is-primary">Verify</button>
</form></div></main>"""
    return wp_page("Log In — WordPress.com", body)


def sites_page(account: str, rows: list[tuple[str, str, str, str]], *, status_column: bool) -> str:
    """GET /sites: a table of the account's sites (name, slug, plan, visibility)."""
    head = "<th>Site</th><th>Plan</th>" + ("<th>Status</th>" if status_column else "") + "<th></th>"
    cells = "".join(
        f'<tr><td><a href="/home/{escape(slug)}">{escape(name)}</a><div>{escape(slug)}</div></td>'
        f"<td>{escape(plan)}</td>" + (f"<td>{escape(status)}</td>" if status_column else "") + "<td>"
        f'<button type="button" aria-label="Site actions for {escape(name)}">⋯</button></td></tr>'
        for name, slug, plan, status in rows
    )
    body = f"""{masterbar(account)}<main><h1>Sites</h1><table><thead><tr>{head}</tr></thead>
<tbody>{cells}</tbody></table><p><a href="/start">Add new site</a></p></main>"""
    return wp_page("Sites — WordPress.com", body)


SETTINGS_SCRIPT = """
(() => {
  const root = document.getElementById("settings-root");
  const api = root.dataset.api;
  const el = (tag, attrs = {}, text) => {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) {
      if (v === true) e.setAttribute(k, ""); else if (v !== false) e.setAttribute(k, v);
    }
    if (text !== undefined) e.textContent = text;
    return e;
  };
  const notice = (text, error) => {
    let n = document.getElementById("notice");
    if (!n) { n = el("div", {id: "notice", role: "status"}); document.querySelector("main").prepend(n); }
    n.className = error ? "notice is-error" : "notice";
    n.textContent = text;
  };
  const card = (title, fields, save) => {
    const form = el("form", {class: "card"});
    const header = el("div", {class: "section-header"});
    header.append(el("h2", {}, title));
    const button = el("button", {type: "submit", class: "is-primary", disabled: true}, save);
    header.append(button);
    form.append(header, ...fields);
    form.addEventListener("change", () => { button.disabled = false; });
    return [form, button];
  };
  const post = (form, values) => fetch(api, {method: "POST", credentials: "include",
      body: new URLSearchParams(values)})
    .then((r) => { if (!r.ok) throw new Error(String(r.status)); return r.json(); })
    .then(() => notice("Settings saved successfully!"))
    .catch(() => notice("There was a problem saving your changes. Please try again.", true));
  const radio = (value, text, checked) => {
    const id = "blog_public-" + value;
    const wrap = el("div");
    wrap.append(el("input", {type: "radio", id, name: "blog_public", value, checked}),
      el("label", {for: id, style: "display:inline"}, text));
    return wrap;
  };
  const render = (s) => {
    root.textContent = "";
    const profile = [el("label", {for: "blogname"}, "Site title"),
      el("input", {type: "text", id: "blogname", name: "blogname", value: s.blogname}),
      el("label", {for: "blogdescription"}, "Site tagline"),
      el("input", {type: "text", id: "blogdescription", name: "blogdescription", value: s.tagline})];
    const [profileForm] = card("Site profile", profile, "Save settings");
    profileForm.addEventListener("submit", (e) => { e.preventDefault();
      post(profileForm, {blogname: profileForm.blogname.value}); });
    if (s.dashboard === "new") { renderNew(s, profileForm); return; }
    const fields = [];
    const visibility = el("fieldset");
    visibility.append(el("legend", {}, "Privacy"));
    if (!s.jetpack) visibility.append(radio("coming-soon", "Coming Soon", s.visibility === "coming-soon"));
    visibility.append(radio("public", "Public", s.visibility === "public" || s.visibility === "discourage"));
    const discourage = el("input", {type: "checkbox", id: "blog_public", name: "blog_public_discourage",
      checked: s.visibility === "discourage"});
    const discourageLabel = el("label", {for: "blog_public"});
    discourageLabel.append(discourage, " Discourage search engines from indexing this site");
    visibility.append(discourageLabel);
    visibility.append(radio("private", "Private", s.visibility === "private"));
    fields.push(visibility);
    if (!s.jetpack) {
      // Calypso: hidden for Private and Coming Soon sites; checked and disabled when search
      // engines are discouraged (platforms.md section 10).
      const hidden = s.visibility === "private" || s.visibility === "coming-soon";
      const wrap = el("div", {hidden});
      const label = el("label", {for: "wpcom_site_visibility_data_sharing_opt_out"});
      const box = el("input", {id: "wpcom_site_visibility_data_sharing_opt_out",
        name: "wpcom_data_sharing_opt_out", type: "checkbox", value: "true",
        disabled: s.visibility === "discourage"});
      box.checked = s.opt_out || s.visibility === "discourage";
      label.append(box, " Prevent third-party sharing for " + s.slug);
      const help = el("p", {class: "description"}, "This option will prevent this site\u2019s content from "
        + "being shared with our licensed network of content and research partners, including those "
        + "that train AI models. ");
      help.append(el("a", {href: "https://wordpress.com/support/privacy-settings/make-your-website-public/"
        + "#prevent-third-party-sharing"}, "Learn more"));
      wrap.append(label, help);
      fields.push(wrap);
    }
    const [privacy] = card("Privacy", fields, s.save_label || "Save settings");
    privacy.addEventListener("submit", (e) => {
      e.preventDefault();
      const box = document.getElementById("wpcom_site_visibility_data_sharing_opt_out");
      const chosen = privacy.querySelector('input[name="blog_public"]:checked');
      const values = {blog_public: chosen ? chosen.value : "public"};
      if (privacy.blog_public_discourage.checked && values.blog_public === "public") values.blog_public = "discourage";
      if (box && !box.disabled) values.wpcom_data_sharing_opt_out = box.checked ? "true" : "false";
      post(privacy, values);
    });
    const cards = s.privacy_first ? [privacy, profileForm] : [profileForm, privacy];
    root.append(...cards);
  };
  const renderNew = (s, profileForm) => {
    // The newer dashboard (DataForm): a toggle named "... for this site" and one Save button.
    const form = el("form", {class: "card"});
    form.append(el("h2", {}, "Privacy"));
    const legacy = el("input", {type: "checkbox", name: "wpcom_data_sharing_opt_out", hidden: true});
    legacy.checked = s.opt_out;
    const row = el("div", {class: "components-toggle-control"});
    const id = "inspector-toggle-control-" + (1 + Math.floor(Math.random() * 9));
    const on = s.opt_out || s.visibility === "discourage";
    let read;
    if (s.pressed) {
      // A toggle button: its name is its label, its state aria-pressed.
      const button = el("button", {type: "button", "aria-pressed": String(on),
        class: "components-button is-toggle"}, "Prevent third-party sharing for this site");
      button.disabled = s.visibility === "discourage";
      button.addEventListener("click", () =>
        button.setAttribute("aria-pressed", String(button.getAttribute("aria-pressed") !== "true")));
      row.append(button);
      read = () => button.getAttribute("aria-pressed") === "true";
    } else {
      const toggle = el("input", {type: "checkbox", id, class: "components-form-toggle__input"});
      toggle.checked = on;
      toggle.disabled = s.visibility === "discourage";
      row.append(toggle, el("label", {for: id, style: "display:inline"},
        "Prevent third-party sharing for this site"));
      read = () => toggle.checked;
    }
    form.append(legacy, row, el("button", {type: "submit", class: "is-primary"}, "Save"));
    form.addEventListener("submit", (e) => { e.preventDefault();
      post(form, {wpcom_prevent_third_party_sharing: read() ? "true" : "false"}); });
    root.append(profileForm, form);
  };
  fetch(api, {credentials: "include"})
    .then((r) => { if (!r.ok) throw new Error(String(r.status)); return r.json(); })
    .then((s) => {
      // Calypso's CSP reports keep the network busy: a page that waits for it to go idle hangs.
      if (s.cspreport) setInterval(() => fetch("/cspreport", {method: "POST", body: "{}"}), 300);
      return s;
    })
    .then(render)
    .catch(() => { root.textContent = "Something went wrong while loading your settings."; })
    .finally(() => root.setAttribute("aria-busy", "false"));
})();
"""


def settings_page(account: str, slug: str, site_id: int) -> str:
    """GET /settings/general/<site>: a shell; the script renders the cards once settings load."""
    body = f"""{masterbar(account)}<main><h1>General Settings</h1><p>{escape(slug)}</p>
<div id="settings-root" aria-busy="true" data-api="{API}/rest/v1.4/sites/{site_id}/settings">Loading…</div>
</main>"""
    return wp_page("General Settings | Site Settings — WordPress.com", body, SETTINGS_SCRIPT)


def home_page(account: str) -> str:
    """A signed-in landing page."""
    return wp_page("My Home — WordPress.com", f"{masterbar(account)}<main><h1>My Home</h1></main>")


def not_found_page() -> str:
    """Calypso's not-found page."""
    body = f"{masterbar(None)}<main><h1>Uh oh. Page not found.</h1><p>Sorry, the page you were looking for "
    return wp_page("Page not found — WordPress.com", body + "doesn't exist or has been moved.</p></main>")
