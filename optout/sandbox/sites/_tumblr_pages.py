"""HTML and scripts of the Tumblr replica: log-in (one or two steps), checks, settings with a blog switcher.

Wording from platforms.md §9 and platforms-addendum.md §3 (the Visibility section, the toggle's
label and help text, the 2024 log-in field names); everything else (headings, the other
toggles, notices, the 2FA and captcha screens, the layout) is a plausible rendering.
"""

from __future__ import annotations

from optout.sandbox.html import escape, page

STYLE = """
body{margin:0;font:15px "Favorit",Helvetica,Arial,sans-serif;background:#001935;color:#fff}
header{padding:10px 24px;display:flex;gap:20px;align-items:center;border-bottom:1px solid #1b3352}
header a{color:#fff;text-decoration:none}
.layout{display:flex;gap:24px;max-width:980px;margin:24px auto}
nav.settings{width:240px}
nav.settings a{display:block;color:#fff;padding:8px 0;text-decoration:none}
main{flex:1;background:#fff;color:#000;border-radius:3px;padding:20px 28px}
.card{max-width:380px;margin:40px auto;background:#fff;color:#000;border-radius:3px;padding:24px}
label{display:block;margin:10px 0 4px}
input[type=email],input[type=password],input[type=text]{width:100%;box-sizing:border-box;
 padding:10px;border:1px solid #ccc;border-radius:3px;font-size:16px}
button{font-size:15px;padding:8px 16px;border-radius:18px;cursor:pointer}
button.primary{background:#00b8ff;color:#000;border:0;width:100%;margin-top:14px}
.error{color:#ff4930;margin-top:8px}
.row{display:flex;justify-content:space-between;align-items:center;gap:16px;padding:10px 0;
 border-bottom:1px solid #eee}
.help{color:#555;font-size:13px}
[role=switch]{width:44px;height:24px;border-radius:12px;border:0;background:#999}
[role=switch][aria-checked=true]{background:#00cf35}
.toggle input{width:44px;height:24px;opacity:0;position:absolute}
.toggle{position:relative;display:flex;gap:8px;align-items:center}
.is-hidden{display:none}
"""


def tumblr_page(title: str, body: str, script: str = "") -> str:
    """A Tumblr-looking document."""
    return page(title, body, style=STYLE, script=script)


def top(account: str | None) -> str:
    """The header, signed in or not."""
    if account is None:
        return '<header><a href="/">tumblr</a><a href="/login">Log in</a><a href="/register">Sign up</a></header>'
    return (
        f'<header><a href="/dashboard">tumblr</a><a href="/dashboard">Home</a>'
        f'<a href="/settings/account" title="{escape(account)}">Account</a></header>'
    )


TWO_STEP_SCRIPT = """
(() => {
  const form = document.getElementById("signup_forms");
  const next = document.getElementById("signup_determine");
  const rest = document.getElementById("password_step");
  let step = "email";
  form.addEventListener("submit", (event) => {
    if (step !== "email") return;
    event.preventDefault();
    if (!form.email.value.trim()) return;
    step = "password";
    next.classList.add("is-hidden");
    rest.classList.remove("is-hidden");
    form.password.focus();
  });
})();
"""


def login_page(redirect: str, *, two_step: bool, error: bool = False, email: str = "", busy: bool = False) -> str:
    """GET /login: email and password on one page (2024), or email, "Next", then password.

    `busy`: a header "Log in" button and a "protected by reCAPTCHA" note, as real pages carry."""
    alert = '<div class="error" role="alert">Your email or password were incorrect.</div>' if error else ""
    hidden = " is-hidden" if two_step and not error else ""
    next_button = (
        '<button type="submit" id="signup_determine" class="primary signup_determine_btn">Next</button>'
        if two_step and not error
        else ""
    )
    header = top(None).replace('<a href="/login">Log in</a>', '<button type="button">Log in</button>')
    note = "<p>This site is protected by reCAPTCHA and the Google Privacy Policy applies.</p>" if busy else ""
    body = f"""{header if busy else top(None)}<div class="card"><h1>Log in</h1>
<button type="button">Continue with Google</button> <button type="button">Continue with Apple</button>
<p>or</p>
<form method="post" action="/login" id="signup_forms" novalidate>
<input type="hidden" name="redirect_to" value="{escape(redirect)}">
<label for="email">Email</label>
<input id="email" name="email" type="email" autocomplete="username" value="{escape(email)}">
{next_button}<div id="password_step" class="{hidden.strip()}">
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password">
{alert}<button type="submit" class="primary">Log in</button></div>
</form><p><a href="/forgot_password">Forgot your password?</a></p>{note}</div>"""
    return tumblr_page("Log in | Tumblr", body, TWO_STEP_SCRIPT if two_step and not error else "")


def check_page(kind: str, *, retried: bool = False) -> str:
    """A check after the password: the 2FA code, or a captcha. Its button never gets through."""
    if kind == "two-factor":
        inner = """<h1>Two-factor authentication</h1>
<p>Enter the code from your authenticator app or the one we sent you by SMS.</p>
<label for="tfa_response_field">Authentication code</label>
<input id="tfa_response_field" name="tfa_response_field" type="text" inputmode="numeric"
 autocomplete="one-time-code">"""
    else:
        inner = """<h1>One more step</h1><p>Please confirm you're not a robot.</p>
<label><input type="checkbox" name="captcha"> I'm not a robot</label>"""
    again = '<div class="error" role="alert">That didn\'t work. Try again.</div>' if retried else ""
    body = f"""{top(None)}<div class="card"><form method="post" action="/login/{kind}">{inner}{again}
<button type="submit" class="primary">Log in</button></form></div>"""
    return tumblr_page("Log in | Tumblr", body)


def sidebar(blogs: list[str], select: bool = False) -> str:
    """The settings navigation, with the blog switcher (each blog's settings link, or a <select>)."""
    account = "".join(
        f'<a href="/settings/{slug}">{escape(title)}</a>'
        for title, slug in (("Account", "account"), ("Dashboard", "dashboard"), ("Notifications", "notifications"))
    )
    switcher = "".join(f'<a href="/settings/blog/{escape(b)}">{escape(b)}</a>' for b in blogs)
    if select:
        options = "".join(f'<option value="{escape(b)}">{escape(b)}</option>' for b in blogs)
        switcher = (
            '<select aria-label="Choose a blog" onchange="location.href=\'/settings/blog/\' + this.value">'
            f'<option value="" selected disabled>Blogs</option>{options}</select>'
        )
    return f'<nav class="settings" aria-label="Settings">{account}<h3>Blogs</h3>{switcher}</nav>'


def settings_page(account: str, blogs: list[str], heading: str, content: str, *, select: bool = False) -> str:
    """An account-level settings page with the sidebar."""
    body = f"""{top(account)}<div class="layout">{sidebar(blogs, select)}<main><h1>{escape(heading)}</h1>
{content}</main></div>"""
    return tumblr_page(f"{heading} | Tumblr", body)


BLOG_SCRIPT = """
(() => {
  const root = document.getElementById("blog-settings");
  const api = root.dataset.api;
  const el = (tag, attrs = {}, text) => {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    if (text !== undefined) e.textContent = text;
    return e;
  };
  const send = (values) => fetch(api, {method: "POST", credentials: "same-origin",
      headers: {"content-type": "application/json"}, body: JSON.stringify(values)})
    .then((r) => { if (!r.ok) throw new Error(String(r.status)); return r.json(); });
  const render = (s) => {
    root.textContent = "";
    const pending = {};
    let saveButton = null;
    const toggle = (key, label, help) => {
      const row = el("div", {class: "row"});
      const id = "toggle-" + key + "-" + Math.floor(Math.random() * 1000);
      const text = el("div");
      text.append(el("span", {id}, label));
      if (help) text.append(el("p", {class: "help"}, help));
      let control, read, write;
      if (s.checkbox) {
        const wrap = el("label", {class: "toggle"});
        control = el("input", {type: "checkbox"});
        control.checked = s.values[key];
        wrap.append(control, el("span", {}, label));
        text.firstChild.remove();
        row.append(wrap, text);
        read = () => control.checked; write = (v) => { control.checked = v; };
        control.addEventListener("change", () => changed(key, read(), write));
      } else {
        control = el("button", {type: "button", role: "switch", "aria-checked": String(s.values[key])});
        if (!s.unnamed) control.setAttribute("aria-labelledby", id);
        row.append(text, control);
        read = () => control.getAttribute("aria-checked") === "true";
        write = (v) => control.setAttribute("aria-checked", String(v));
        control.addEventListener("click", () => { write(!read()); changed(key, read(), write); });
      }
      return row;
    };
    const changed = (key, value, write) => {
      if (s.needs_save) {
        pending[key] = value;
        saveButton.classList.remove("is-hidden");
        return;
      }
      send({[key]: value}).catch(() => { write(!value);
        const note = el("div", {role: "alert", class: "error"}, "Something went wrong. Please try again.");
        root.prepend(note); });
    };
    const section = (title, rows) => {
      const box = el("section");
      box.append(el("h2", {}, title), ...rows);
      return box;
    };
    const blog = s.name;
    const visibility = [
      toggle("hide_from_logged_out", "Hide " + blog + " from people without an account"),
      toggle("discourage_search", "Discourage searching of " + blog),
      toggle("prevent_third_party_sharing", "Prevent third-party sharing for " + blog,
        "The following content will not be shared with our licensed network of content and research "
        + "partners, including those involved in AI model training: posts from blogs with this setting "
        + "on, private posts, drafts, messages, and explicit posts."),
    ];
    if (s.reversed) visibility.reverse();
    const sharing = [toggle("share_to_apps", "Let people share " + blog + "'s posts to third-party apps")];
    root.append(section("Username", [el("p", {}, blog)]), section("Visibility", visibility),
      section("Sharing", sharing));
    saveButton = el("button", {type: "button", class: "primary is-hidden"}, "Save");
    saveButton.addEventListener("click", () => send(pending).then(() => saveButton.classList.add("is-hidden")));
    root.append(saveButton);
  };
  fetch(api, {credentials: "same-origin"})
    .then((r) => { if (!r.ok) throw new Error(String(r.status)); return r.json(); })
    .then(render)
    .catch(() => { root.textContent = "Something went wrong."; })
    .finally(() => root.setAttribute("aria-busy", "false"));
})();
"""


def blog_settings_page(account: str, blogs: list[str], blog: str) -> str:
    """GET /settings/blog/<blog>: a shell; the script renders the sections once the state loads."""
    api = f"/api/v2/blog/{blog}/settings"
    body = f"""{top(account)}<div class="layout">{sidebar(blogs)}<main>
<div id="blog-settings" aria-busy="true" data-api="{escape(api)}">Loading…</div></main></div>"""
    return tumblr_page(f"Settings for {blog} | Tumblr", body, BLOG_SCRIPT)


def dashboard_page(account: str) -> str:
    """The signed-in dashboard."""
    return tumblr_page("Dashboard | Tumblr", f"{top(account)}<main><h1>Dashboard</h1><p>Following</p></main>")


def not_found_page() -> str:
    """Tumblr's 404."""
    return tumblr_page("Not found | Tumblr", f"{top(None)}<main><h1>There's nothing here.</h1></main>")
