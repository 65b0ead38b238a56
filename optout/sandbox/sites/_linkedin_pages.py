"""HTML of the LinkedIn replica (also borrowed by the look-alike site): text from platforms.md §1."""

from __future__ import annotations

from optout.sandbox.html import escape, page

STYLE = """
body{margin:0;font:15px -apple-system,system-ui,Segoe UI,Roboto,Helvetica,Arial,sans-serif;
 background:#f4f2ee;color:rgba(0,0,0,.9)}
header{background:#fff;padding:10px 24px;display:flex;gap:24px;align-items:center;
 border-bottom:1px solid #e0dfdc}
.logo{font-weight:700;font-size:26px;color:#0a66c2;text-decoration:none}
nav a{color:rgba(0,0,0,.6);text-decoration:none;margin-right:18px}
main{max-width:760px;margin:24px auto;background:#fff;border-radius:8px;padding:24px}
.card{max-width:352px}
label{display:block;margin:12px 0 4px;color:rgba(0,0,0,.6)}
input[type=text],input[type=password],input[name=pin]{width:100%;box-sizing:border-box;
 padding:12px;border:1px solid rgba(0,0,0,.6);border-radius:4px;font-size:16px}
button{font-size:16px;border-radius:24px;padding:10px 24px;cursor:pointer}
button.primary{background:#0a66c2;color:#fff;border:0;width:100%;margin-top:16px}
button.sso{background:#fff;border:1px solid rgba(0,0,0,.6);width:100%;margin:6px 0}
.alert{color:#b24020;margin-top:6px}
.rows a{display:block;padding:14px 0;border-bottom:1px solid #e8e8e8;color:inherit;
 text-decoration:none}
.toggle-row{display:flex;justify-content:space-between;align-items:center;gap:16px}
.artdeco-toggle{display:flex;align-items:center;gap:8px}
.artdeco-toggle__button{appearance:none;width:40px;height:24px;border-radius:12px;margin:0;
 background:#666;position:relative;cursor:pointer}
.artdeco-toggle__button:checked{background:#057642}
.artdeco-toggle__button::after{content:"";position:absolute;top:3px;left:3px;width:18px;
 height:18px;border-radius:50%;background:#fff;transition:left .1s}
.artdeco-toggle__button:checked::after{left:19px}
.toast{position:fixed;bottom:24px;left:24px;background:#fff;border-left:4px solid #b24020;
 padding:12px 16px;box-shadow:0 4px 12px rgba(0,0,0,.3)}
#cookie-banner{position:fixed;inset:0;z-index:1000;background:rgba(0,0,0,.55);display:flex;
 align-items:flex-end;justify-content:center}
#cookie-banner div{background:#fff;padding:24px;margin-bottom:40px;max-width:640px}
"""

LOGO = '<a class="logo" href="/" aria-label="LinkedIn">Linked<span>in</span></a>'


def linkedin_page(title: str, body: str, script: str = "") -> str:
    """A LinkedIn-looking document."""
    return page(title, body, style=STYLE, script=script)


def login_page(csrf: str, redirect: str, *, error: bool = False, username: str = "", script: str = "") -> str:
    """The sign-in page; `error` adds LinkedIn's wrong-password alert under the fields."""
    alert = (
        '<div id="error-for-password" class="alert" role="alert">'
        "Wrong email or password. Try again or create an account.</div>"
        if error
        else ""
    )
    redirect_input = f'<input type="hidden" name="session_redirect" value="{escape(redirect)}">' if redirect else ""
    body = f"""<header>{LOGO}</header><main><div class="card">
<h1>Sign in</h1><p>Stay updated on your professional world.</p>
<button type="button" class="sso">Sign in with Google</button>
<button type="button" class="sso">Sign in with Apple</button>
<p style="text-align:center">or</p>
<form method="post" action="/checkpoint/lg/login-submit" novalidate>
<input type="hidden" name="loginCsrfParam" value="{escape(csrf)}">{redirect_input}
<label for="username">Email or phone</label>
<input id="username" name="session_key" type="text" autocomplete="username"
 value="{escape(username)}">
<label for="password">Password</label>
<input id="password" name="session_password" type="password" autocomplete="current-password">
{alert}
<p><a href="/checkpoint/rp/request-password-reset">Forgot password?</a></p>
<button type="submit" class="primary" aria-label="Sign in">Sign in</button>
</form>
<p>New to LinkedIn? <a href="/signup">Join now</a></p></div></main>"""
    return linkedin_page("LinkedIn Login, Sign in | LinkedIn", body, script)


CHALLENGES = {
    # Arkose puzzle wording from platforms.md §1a "Login".
    "checkpoint": (
        "Let's do a quick security check",
        "<p>Help us confirm it's you</p>",
        "Start puzzle",
    ),
    "restricted": (
        "Your account has been temporarily restricted",
        "<p>We've noticed some unusual activity on your account.</p>",
        "Next",
    ),
    # The PIN page's exact wording is not in the reference; this is a plausible rendering.
    "pin": (
        "Let's do a quick verification",
        "<p>Enter the code we've sent to your email</p>"
        '<label for="input__email_verification_pin">Enter code</label>'
        '<input id="input__email_verification_pin" name="pin" type="text" '
        'inputmode="numeric" autocomplete="one-time-code">',
        "Submit",
    ),
}


def challenge_page(kind: str, challenge_id: str) -> str:
    """A /checkpoint/challenge/ page; its one button posts to /checkpoint/challenge/verify."""
    heading, text, button = CHALLENGES[kind]
    body = f"""<header>{LOGO}</header><main><div class="card">
<h1>{escape(heading)}</h1>
<form method="post" action="/checkpoint/challenge/verify">
<input type="hidden" name="challengeId" value="{escape(challenge_id)}">{text}
<button type="submit" class="primary">{escape(button)}</button></form></div></main>"""
    return linkedin_page("Security Verification | LinkedIn", body)


def authwall_page(signin_href: str) -> str:
    """The logged-out wall: "Join LinkedIn" and a Sign in link."""
    body = f"""<header>{LOGO}<a href="{escape(signin_href)}">Sign in</a></header><main>
<h1>Join LinkedIn</h1><p>Make the most of your professional life.</p>
<a href="/signup">Agree &amp; Join</a></main>"""
    return linkedin_page("Sign Up | LinkedIn", body)


def guest_home() -> str:
    """The logged-out home page."""
    body = f"""<header>{LOGO}<nav><a href="/login">Sign in</a><a href="/signup">Join now</a>
</nav></header><main><h1>Welcome to your professional community</h1></main>"""
    return linkedin_page("LinkedIn: Log In or Sign Up", body)


def member_header(account: str) -> str:
    """The logged-in navigation bar."""
    return f"""<header>{LOGO}<nav aria-label="Primary Navigation">
<a href="/feed/">Home</a><a href="/in/me/" title="{escape(account)}">Me</a>
<a href="/mypreferences/d/categories/account">Settings &amp; Privacy</a>
<a href="/m/logout/">Sign out</a></nav></header>"""


def feed_page(account: str) -> str:
    """The logged-in home feed."""
    body = f"{member_header(account)}<main><h1>Home</h1><p>Start a post</p></main>"
    return linkedin_page("Feed | LinkedIn", body)


SECTIONS = (  # LinkedIn Help a1337839 via platforms.md §1c
    ("Account preferences", "account"),
    ("Sign in and security", "sign-in-and-security"),
    ("Visibility", "visibility"),
    ("Data privacy", "privacy"),
    ("Advertising data", "advertising-data"),
    ("Notifications", "notifications"),
)


def category_page(account: str, heading: str, rows: list[tuple[str, str]], section: str) -> str:
    """A Settings & Privacy category: section list on the left, `rows` (text, href) under a heading."""
    nav = "".join(f'<a href="/mypreferences/d/categories/{slug}">{escape(title)}</a>' for title, slug in SECTIONS)
    links = "".join(f'<a href="{escape(href)}">{escape(text)}</a>' for text, href in rows)
    body = f"""{member_header(account)}<main><nav aria-label="Settings">{nav}</nav>
<h1>{escape(heading)}</h1><section><h2>{escape(section)}</h2>
<div class="rows">{links}</div></section></main>"""
    return linkedin_page("Settings & Privacy | LinkedIn", body)


SETTING_SCRIPT = """
(() => {
  const root = document.getElementById("setting-root");
  const api = root.dataset.api;
  const csrf = () => {
    const m = document.cookie.match(/(?:^|;\\s*)JSESSIONID="?([^";]*)"?/);
    return m ? m[1] : "";
  };
  const toast = (text) => {
    let t = document.getElementById("toast");
    if (!t) {
      t = document.createElement("div");
      t.id = "toast"; t.className = "toast"; t.setAttribute("role", "alert");
      document.body.appendChild(t);
    }
    t.textContent = text;
  };
  const el = (tag, attrs, text) => {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    if (text !== undefined) e.textContent = text;
    return e;
  };
  const render = (s) => {
    root.textContent = "";
    if (!s.available) { root.appendChild(el("p", {}, s.message)); return; }
    const id = "ember" + (100 + Math.floor(Math.random() * 900));
    const row = el("div", {class: "toggle-row"});
    row.appendChild(el("span", {id: s.labelId}, s.label));
    const box = el("div", {class: "artdeco-toggle"});
    const input = el("input", {role: "switch", type: "checkbox", "aria-labelledby": s.labelId,
      "aria-checked": String(s.value), id: id, "data-artdeco-toggle-button": "true",
      class: "input artdeco-toggle__button artdeco-toggle__button--24dp"});
    input.checked = s.value;
    const label = el("label", {class: "artdeco-toggle__label", for: id,
      "data-artdeco-toggle-label": "true"}, s.value ? "On" : "Off");
    box.append(input, label); row.appendChild(box); root.appendChild(row);
    if (s.extra) {  // a further switch the platform added (the new-ai-switch fault)
      const more = el("div", {class: "toggle-row"});
      more.appendChild(el("span", {id: s.extra.labelId}, s.extra.label));
      const other = el("input", {role: "switch", type: "checkbox", "aria-labelledby": s.extra.labelId,
        "aria-checked": String(s.extra.value), id: id + "x"});
      other.checked = s.extra.value;
      more.appendChild(other); root.appendChild(more);
    }
    if (s.help) {
      const help = el("p", {class: "help"}, s.help + " ");
      help.appendChild(el("a", {href: s.learnMore}, "Learn more"));
      root.appendChild(help);
    }
    input.addEventListener("change", () => {
      const wanted = input.checked;
      fetch(api, {method: "POST", credentials: "same-origin",
        headers: {"content-type": "application/json", "csrf-token": csrf()},
        body: JSON.stringify({value: wanted})})
        .then((r) => { if (!r.ok) throw new Error(String(r.status)); return r.json(); })
        .then((res) => {
          input.checked = res.value;
          input.setAttribute("aria-checked", String(res.value));
          label.textContent = res.value ? "On" : "Off";
        })
        .catch(() => { input.checked = !wanted; toast("Something went wrong. Please try again."); });
    });
  };
  fetch(api, {credentials: "same-origin"})
    .then((r) => { if (!r.ok) throw new Error(String(r.status)); return r.json(); })
    .then(render)
    .catch(() => { root.textContent = "Something went wrong. Please try again."; })
    .finally(() => root.setAttribute("aria-busy", "false"));
})();
"""


def setting_page(account: str, heading: str, question: str, api: str) -> str:
    """A settings page shell; its script renders the switch once the state has loaded."""
    body = f"""{member_header(account)}<main>
<a href="/mypreferences/d/categories/privacy" aria-label="Back">&larr; Back</a>
<h1>{escape(heading)}</h1><p>{escape(question)}</p>
<div id="setting-root" aria-busy="true" data-api="{escape(api)}">Loading…</div></main>"""
    return linkedin_page(f"{heading} | Settings | LinkedIn", body, SETTING_SCRIPT)


def not_found_page() -> str:
    """LinkedIn's 404 page."""
    body = f"""<header>{LOGO}</header><main><h1>Page not found</h1>
<p>Uh oh, we can't seem to find the page you're looking for.</p>
<a href="/feed/">Go to your feed</a></main>"""
    return linkedin_page("Page Not Found | LinkedIn", body)


# The cookie banner: a full-page overlay until Accept or Reject records the li_gc cookie.
COOKIE_BANNER = """<div id="cookie-banner" role="dialog" aria-label="Cookie consent"><div>
<p>LinkedIn and 3rd parties use essential and non-essential cookies to provide, secure,
analyze and improve our Services, and to show you relevant ads.</p>
<button type="button" data-consent="accept">Accept</button>
<button type="button" data-consent="reject">Reject</button></div></div>
<script>
for (const b of document.querySelectorAll("#cookie-banner button")) {
  b.addEventListener("click", () => {
    document.cookie = "li_gc=" + b.dataset.consent + "; Path=/; Max-Age=15552000; Secure; SameSite=None";
    document.getElementById("cookie-banner").remove();
  });
}
</script>"""
