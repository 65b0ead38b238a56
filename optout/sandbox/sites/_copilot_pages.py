"""HTML and scripts of the Copilot replica: login.live.com (newer and older UI) and Copilot's Privacy pane."""

from __future__ import annotations

from optout.sandbox.html import escape, page

LIVE_STYLE = """
body{margin:0;font:15px "Segoe UI",system-ui,sans-serif;background:#f2f2f2;color:#1b1b1b}
.card{max-width:440px;margin:60px auto;background:#fff;padding:44px;box-shadow:0 2px 6px rgba(0,0,0,.2)}
.logo{font-weight:600;color:#737373}
input[type=email],input[type=password],input[type=text]{width:100%;box-sizing:border-box;padding:6px 0;
 border:0;border-bottom:1px solid #666;font-size:15px}
.buttons{display:flex;justify-content:flex-end;gap:8px;margin-top:24px}
.primary,#idSIButton9{background:#0067b8;color:#fff;border:0;padding:8px 24px;min-width:108px}
.secondary,#idBtn_Back{background:#ccc;border:0;padding:8px 24px;min-width:108px}
.error{color:#e81123}
"""

COPILOT_STYLE = """
body{margin:0;font:15px "Segoe UI Variable","Segoe UI",system-ui,sans-serif;background:#f7f3ef;color:#1f1f1f}
header{display:flex;justify-content:space-between;padding:12px 24px}
.shell{display:flex;max-width:980px;margin:16px auto;background:#fff;border-radius:16px;min-height:480px}
nav.settings{width:200px;padding:16px;border-right:1px solid #eee}
nav.settings a{display:block;padding:8px;color:#444;text-decoration:none;border-radius:8px}
nav.settings a[aria-current=page]{background:#f0ebe6}
.pane{flex:1;padding:24px}
.row{display:flex;justify-content:space-between;align-items:center;gap:16px;padding:14px 0;
 border-bottom:1px solid #f0f0f0}
.row p{margin:4px 0 0;color:#666;font-size:13px}
[role=switch]:not(input){width:40px;height:20px;border-radius:10px;border:1px solid #616161;background:#fff}
[role=switch][aria-checked=true]:not(input){background:#0f6cbd;border-color:#0f6cbd}
.toast{position:fixed;bottom:16px;right:16px;background:#c50f1f;color:#fff;padding:12px}
"""


def live_page(title: str, inner: str, script: str = "") -> str:
    """A login.live.com document."""
    body = f'<div class="card"><div class="logo" aria-label="Microsoft">Microsoft</div>{inner}</div>'
    return page(title, body, style=LIVE_STYLE, script=script)


NEW_UI_SCRIPT = """
(() => {
  const app = document.getElementById("app");
  const form = document.getElementById("signin");
  const el = (tag, attrs, text) => {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
    if (text !== undefined) e.textContent = text;
    return e;
  };
  const passwordStep = (username, error) => {
    app.textContent = "";
    form.elements.login.value = username;
    app.append(el("div", {}, username), el("h1", {"data-testid": "title"}, "Enter your password"));
    const input = el("input", {id: "passwordEntry", name: "passwd", type: "password", placeholder: "Password",
      "aria-label": "Enter the password", autocomplete: "current-password", form: "signin"});
    app.appendChild(input);
    if (error) app.appendChild(el("div", {id: "field-error", class: "error", role: "alert"}, error));
    app.append(el("a", {href: "/ResetPassword.srf"}, "Forgot your password?"));
    const buttons = el("div", {class: "buttons"});
    buttons.appendChild(el("button", {type: "submit", form: "signin", class: "primary",
      "data-testid": "primaryButton"}, "Sign in"));
    app.appendChild(buttons);
  };
  const emailStep = () => {
    app.textContent = "";
    app.appendChild(el("h1", {"data-testid": "title"}, "Sign in"));
    const input = el("input", {id: "usernameEntry", name: "loginfmt", type: "email",
      "aria-label": "Enter your email, phone, or Skype.", autocomplete: "username"});
    const error = el("div", {class: "error", role: "alert"});
    const next = el("button", {type: "button", class: "primary", "data-testid": "primaryButton"}, "Next");
    const buttons = el("div", {class: "buttons"});
    buttons.appendChild(next);
    app.append(input, error, el("p", {}, "No account? Create one!"), buttons);
    next.addEventListener("click", () => {
      fetch("/GetCredentialType.srf", {method: "POST", headers: {"content-type": "application/json"},
        body: JSON.stringify({username: input.value})})
        .then((r) => r.json())
        .then((d) => {
          if (d.IfExistsResult !== 0) {
            error.textContent = "That Microsoft account doesn't exist. Enter a different account or get a new one.";
            return;
          }
          passwordStep(input.value, "");
        });
    });
  };
  if (app.dataset.error) passwordStep(app.dataset.username, app.dataset.error); else emailStep();
})();
"""


def signin_page(target: str, *, username: str = "", error: str = "") -> str:
    """The newer sign-in UI: one page whose script shows the email step, then the password step."""
    inner = f"""<form id="signin" method="post" action="/ppsecure/post.srf">
<input type="hidden" name="login" value=""><input type="hidden" name="wreply" value="{escape(target)}"></form>
<div id="app" data-username="{escape(username)}" data-error="{escape(error)}">Loading…</div>"""
    return live_page("Sign in to your Microsoft account", inner, NEW_UI_SCRIPT)


def old_email_page(target: str, *, error: str = "") -> str:
    """The older UI's email page (`loginfmt`, `#idSIButton9`), a real form."""
    alert = f'<div id="usernameError" class="error" role="alert">{escape(error)}</div>' if error else ""
    inner = f"""<div role="heading" aria-level="1">Sign in</div>
<form method="post" action="/login.srf?step=password">
<input type="hidden" name="wreply" value="{escape(target)}">
<input type="email" name="loginfmt" id="i0116" aria-label="Enter your email, phone, or Skype." autocomplete="username">
{alert}<div class="buttons"><input type="submit" id="idSIButton9" value="Next"></div></form>"""
    return live_page("Sign in to your Microsoft account", inner)


def old_password_page(target: str, username: str, *, error: str = "") -> str:
    """The older UI's password page (`passwd`, `#idSIButton9` "Sign in")."""
    alert = f'<div id="passwordError" class="error" role="alert">{escape(error)}</div>' if error else ""
    inner = f"""<div>{escape(username)}</div><div role="heading" aria-level="1">Enter password</div>
<form method="post" action="/ppsecure/post.srf">
<input type="hidden" name="login" value="{escape(username)}">
<input type="hidden" name="wreply" value="{escape(target)}">
<input type="password" name="passwd" id="i0118" aria-label="Enter the password for {escape(username)}"
 placeholder="Password">{alert}
<a href="/ResetPassword.srf">Forgot password?</a>
<div class="buttons"><input type="button" id="idBtn_Back" value="Back" onclick="history.back()">
<input type="submit" id="idSIButton9" value="Sign in"></div></form>"""
    return live_page("Sign in to your Microsoft account", inner)


def kmsi_page(ticket: str, *, old: bool) -> str:
    """ "Stay signed in?": older UI `#idSIButton9` Yes / `#idBtn_Back` No; newer UI test ids."""
    if old:
        buttons = """<div class="buttons"><button type="submit" name="kmsi" value="false" id="idBtn_Back">No</button>
<button type="submit" name="kmsi" value="true" id="idSIButton9">Yes</button></div>"""
        check = '<label><input type="checkbox" name="DontShowAgain"> Don\'t show this again</label>'
    else:
        buttons = """<div class="buttons" data-testid="textButtonContainer">
<button type="submit" name="kmsi" value="false" class="secondary" data-testid="secondaryButton">No</button>
<button type="submit" name="kmsi" value="true" class="primary" data-testid="primaryButton">Yes</button></div>"""
        check = (
            '<label data-testid="checkboxField"><input type="checkbox" name="DontShowAgain"> '
            "Don't show this again</label>"
        )
    inner = f"""<h1>Stay signed in?</h1><p>Stay signed in so you don't have to sign in again next time.</p>
<form method="post" action="/kmsi.srf"><input type="hidden" name="ticket" value="{escape(ticket)}">
{check}{buttons}</form>"""
    return live_page("Sign in to your Microsoft account", inner)


CODE_WORDS = {  # the `code` fault's value: the emailed code (default), or (guessed) other wordings
    "check-email": ("Check your email", "We sent a verification code to {who}. It may take a minute to arrive."),
    "authenticator": ("Approve sign in request", "Open your Authenticator app and approve the request for {who}."),
}


def code_page(ticket: str, username: str, kind: object = True) -> str:
    """The page Microsoft shows when it challenges a sign-in: an emailed code by default."""
    default = ("Enter code", "We emailed a code to {who}. Please enter the code to sign in.")
    heading, text = CODE_WORDS.get(str(kind), default)
    who = escape(username[:2]) + "*****"
    inner = f"""<div>{escape(username)}</div><h1>{heading}</h1>
<p>{text.format(who=who)}</p>
<form method="post" action="/ppsecure/otc.srf"><input type="hidden" name="ticket" value="{escape(ticket)}">
<input type="text" name="otc" inputmode="numeric" aria-label="Code" autocomplete="one-time-code">
<div class="buttons"><button type="submit" class="primary">Sign in</button></div></form>"""
    return live_page("Verify your identity", inner)


def account_home() -> str:
    """account.microsoft.com, where a sign-in without a return address lands."""
    body = "<h1>Microsoft account</h1><p>Manage your Microsoft account.</p>"
    return page("Microsoft account | Home", body, style=LIVE_STYLE)


def copilot_header(account: str | None) -> str:
    """Copilot's top bar."""
    who = (
        f'<button type="button" aria-label="Profile" title="{escape(account)}">Profile</button>'
        if account
        else '<a href="/signin">Sign in</a>'
    )
    return f'<header><a href="/" aria-label="Copilot home">Copilot</a>{who}</header>'


def copilot_home(account: str | None) -> str:
    """copilot.microsoft.com/ (usable without an account, as the real one is)."""
    body = f"{copilot_header(account)}<main><h1>Hi, how can I help?</h1><textarea aria-label='Message Copilot'>\
</textarea></main>"
    return page("Microsoft Copilot: Your AI companion", body, style=COPILOT_STYLE)


PRIVACY_SCRIPT = """
(() => {
  const root = document.getElementById("privacy-root");
  const unnamed = root.dataset.unnamed === "true";
  const asks = root.dataset.confirm === "true";
  const el = (tag, attrs, text) => {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
    if (text !== undefined) e.textContent = text;
    return e;
  };
  const toast = () => document.body.appendChild(el("div", {class: "toast", role: "alert"},
    "Something went wrong. Try again later."));
  const uid = () => "fui-r" + Math.random().toString(36).slice(2, 7);
  const build = (item) => {
    const id = uid();
    const label = el("label", {for: id, id: id + "-label"}, item.label);
    const text = el("div");
    text.append(label, el("p", {id: id + "-hint"}, item.hint));
    if (unnamed) label.removeAttribute("for");  // unnamed-toggles: the label is only text in the row
    if (item.kind === "native") {
      const input = el("input", {type: "checkbox", role: "switch", id, "aria-describedby": id + "-hint"});
      input.checked = item.value;
      return [text, input, () => input.checked, (v) => { input.checked = v; }, "change"];
    }
    label.removeAttribute("for");
    const b = el("button", {type: "button", role: "switch", id, "aria-labelledby": id + "-label",
      "aria-describedby": id + "-hint"});
    if (unnamed) b.removeAttribute("aria-labelledby");
    let value = item.value;
    const show = (v) => { value = v; b.setAttribute("aria-checked", String(v)); };
    show(value);
    b.addEventListener("click", () => b.dispatchEvent(new Event("flip")));
    return [text, b, () => !value, show, "flip"];
  };
  const render = (s) => {
    root.textContent = "";
    if (s.notice) root.appendChild(el("p", {role: "note"}, s.notice));
    const items = s.items.slice().sort(() => Math.random() - 0.5);
    for (const item of items) {
      const row = el("div", {class: "row"});
      const [text, control, next, show, event] = build(item);
      row.append(text, control);
      root.appendChild(row);
      const send = (wanted) => {
        fetch("/api/user/settings", {method: "PATCH", credentials: "same-origin",
          headers: {"content-type": "application/json"}, body: JSON.stringify({[item.key]: wanted})})
          .then((r) => { if (!r.ok) throw new Error(String(r.status)); return r.json(); })
          .then((res) => show(res[item.key]))
          .catch(() => { show(!wanted); toast(); });
      };
      control.addEventListener(event, () => {
        const wanted = next();
        show(wanted);
        if (wanted || !asks || !item.key.startsWith("modelTraining")) { send(wanted); return; }
        // confirm-off: a dialog asks first; nothing is sent until "Turn off".
        const d = el("div", {role: "dialog", "aria-modal": "true", "aria-labelledby": "confirm-title"});
        const no = el("button", {type: "button"}, "Cancel");
        const yes = el("button", {type: "button"}, "Turn off");
        d.append(el("h2", {id: "confirm-title"}, "Turn off " + item.label.toLowerCase() + "?"), no, yes);
        no.addEventListener("click", () => { d.remove(); show(!wanted); });
        yes.addEventListener("click", () => { d.remove(); send(wanted); });
        document.body.appendChild(d);
      });
    }
    root.appendChild(el("a", {href: "/settings/privacy/history"}, "Export or delete history"));
  };
  fetch("/api/user/settings", {credentials: "same-origin"})
    .then((r) => { if (!r.ok) throw new Error(String(r.status)); return r.json(); })
    .then(render)
    .catch(() => { root.textContent = "Something went wrong. Refresh to try again."; })
    .finally(() => root.setAttribute("aria-busy", "false"));
})();
"""


def privacy_page(account: str, *, unnamed: bool = False, confirm: bool = False) -> str:
    """Copilot's settings with the Privacy pane open; its script renders the toggles once loaded."""
    flags = f'data-unnamed="{str(unnamed).lower()}" data-confirm="{str(confirm).lower()}"'
    links = (("account", "Account"), ("privacy", "Privacy"), ("voice", "Voice"), ("appearance", "Appearance"))
    nav = "".join(
        f'<a href="/settings/{slug}"{" aria-current=page" if slug == "privacy" else ""}>{text}</a>'
        for slug, text in links
    )
    body = f"""{copilot_header(account)}<div class="shell" role="region" aria-label="Settings">
<nav class="settings" aria-label="Settings">{nav}</nav><section class="pane"><h1>Privacy</h1>
<div id="privacy-root" aria-busy="true" {flags}>Loading…</div></section></div>"""
    return page("Settings | Microsoft Copilot", body, style=COPILOT_STYLE, script=PRIVACY_SCRIPT)


def not_found(title: str) -> str:
    """A 404 page."""
    return page(title, "<h1>Page not found</h1>", style=COPILOT_STYLE)
