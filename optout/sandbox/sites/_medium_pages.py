"""HTML and scripts of the Medium replica: wording from platforms.md §19 and platforms-addendum.md §5.

Invented here (the reference has no markup): the layout, ids, the /_/api/ endpoints, the
sign-in page's text, the dialog's buttons, and the bystander rows (a digest-frequency radio
group, other account rows).
"""

from __future__ import annotations

import json

from optout.sandbox.html import escape, page

STYLE = """
body{margin:0;font:16px sohne,Helvetica Neue,Helvetica,Arial,sans-serif;color:#242424}
header{display:flex;gap:24px;align-items:center;padding:12px 24px;border-bottom:1px solid #f2f2f2}
.logo{font:700 26px Georgia,serif;color:#000;text-decoration:none}
main{max-width:680px;margin:32px auto;padding:0 16px}
.tabs a{margin-right:20px;color:#6b6b6b;text-decoration:none}
.tabs a[aria-current]{color:#242424;border-bottom:1px solid #242424}
.rows>*{display:flex;justify-content:space-between;width:100%;padding:14px 0;border:0;
 background:none;font:inherit;text-align:left;cursor:pointer}
.value{color:#6b6b6b}
fieldset{border:0;padding:0;margin:14px 0}
[role=dialog],.modal{position:fixed;inset:0;background:rgba(255,255,255,.95);display:flex;
 align-items:center;justify-content:center}
[role=dialog]>div,.modal>div{background:#fff;box-shadow:0 2px 10px rgba(0,0,0,.15);padding:32px;max-width:520px}
.option{margin:12px 0}
.help{color:#6b6b6b;font-size:14px;margin:4px 0 0 24px}
[role=radio]{cursor:pointer}
[role=radio] .dot{display:inline-block;width:10px;height:10px;border:1px solid #242424;
 border-radius:50%;margin-right:6px}
[role=radio][aria-checked=true] .dot{background:#242424}
button.primary{background:#1a8917;color:#fff;border:0;border-radius:99em;padding:8px 16px}
.alert{color:#c94a4a}
"""

LOGO = '<a class="logo" href="https://medium.com/" aria-label="Medium">Medium</a>'


def medium_page(title: str, body: str, script: str = "") -> str:
    """A Medium-looking document."""
    return page(title, body, style=STYLE, script=script)


def sign_in_page(magic_link: str | None) -> str:
    """/m/signin: social buttons and "Sign in with email"; no password field anywhere.

    `magic_link`, when given, is followed once the page has loaded: the person opened the
    emailed link in this window (the `person-signs-in` fault).
    """
    script = """
document.getElementById("with-email").addEventListener("click", () => {
  document.getElementById("email-step").hidden = false;
});
"""
    if magic_link is not None:
        script += f"""
window.addEventListener("load", () => setTimeout(() => {{ location.href = {json.dumps(magic_link)}; }}, 300));
"""
    body = f"""<header>{LOGO}</header><main>
<h1>Welcome back.</h1>
<p><button type="button">Sign in with Google</button></p>
<p><button type="button">Sign in with Facebook</button></p>
<p><button type="button">Sign in with Apple</button></p>
<p><button type="button">Sign in with X</button></p>
<p><button type="button" id="with-email">Sign in with email</button></p>
<form id="email-step" method="post" action="/m/signin/email" hidden>
<p>Enter the email address associated with your account, and we'll send a magic link to your inbox.</p>
<label for="email">Your email</label> <input id="email" type="email" name="email">
<button type="submit" class="primary">Continue</button></form>
</main>"""
    return medium_page("Sign in - Medium", body, script)


def inbox_page(email: str) -> str:
    """After "Continue": the link is on its way."""
    body = f"""<header>{LOGO}</header><main><h1>Check your inbox.</h1>
<p>Click the link we sent to {escape(email)} to sign in.</p></main>"""
    return medium_page("Check your inbox - Medium", body)


def landing_page() -> str:
    """The signed-out home page."""
    body = f"""<header>{LOGO}<a href="/m/signin">Sign in</a></header>
<main><h1>Human stories &amp; ideas</h1><p>A place to read, write, and deepen your understanding.</p></main>"""
    return medium_page("Medium - Where good ideas find you.", body)


def home_page(account: str) -> str:
    """The signed-in home page."""
    body = f"""<header>{LOGO}<nav><a href="/me/settings" title="{escape(account)}">Settings</a></nav></header>
<main><h1>For you</h1><p>Stories from writers you follow.</p></main>"""
    return medium_page("Medium", body)


TABS = (
    ("Account", "account"),
    ("Publishing", "publishing"),
    ("Notifications", "notifications"),
    ("Membership and payment", "membership"),
    ("Security and apps", "security"),
)

ACCOUNT_SCRIPT = """
(() => {
  const root = document.getElementById("account-root");
  const autosave = root.dataset.autosave === "true";
  const inline = root.dataset.inline === "true";
  const plain = root.dataset.plain === "true";  // plain-markup: no roles, a heading and "Edit"
  const names = JSON.parse(root.dataset.options);
  const values = ["maximize_reach", "minimize_training"];
  const helps = JSON.parse(root.dataset.helps);
  const el = (tag, attrs, text) => {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
    if (text !== undefined) e.textContent = text;
    return e;
  };
  const put = (path, value) => fetch("/_/api/me/settings/" + path, {method: "PUT",
    credentials: "same-origin", headers: {"content-type": "application/json"},
    body: JSON.stringify({value})})
    .then((r) => { if (!r.ok) throw new Error(String(r.status)); return r.json(); });
  const failed = () => {
    let a = document.getElementById("save-alert");
    if (!a) { a = el("p", {id: "save-alert", role: "alert", class: "alert"}); document.body.append(a); }
    a.textContent = "Something went wrong. Please try again.";
  };
  const row = (title, value) => {
    const b = el("button", {type: "button"});
    b.append(el("span", {}, title), el("span", {class: "value"}, value || ""));
    return b;
  };
  const digest = (current) => {
    const f = el("fieldset", {role: "radiogroup", "aria-labelledby": "digest-title"});
    f.append(el("span", {id: "digest-title"}, "Your Medium Digest frequency"));
    for (const [value, text] of [["daily", "Daily"], ["weekly", "Weekly"], ["off", "Off"]]) {
      const id = "digest-" + value;
      const input = el("input", {type: "radio", name: "digest", id, value});
      input.checked = value === current;
      input.addEventListener("change", () => put("digest", value).catch(failed));
      const w = el("div", {class: "option"});
      w.append(input, el("label", {for: id}, " " + text));
      f.append(w);
    }
    return f;
  };
  const dialog = (state, rowButton) => {
    // A modal dialog, or (inline-panel) a section that expands under the row.
    const d = inline ? el("section", {id: "tpai-panel", "aria-labelledby": "tpai-title"})
      : plain ? el("div", {class: "modal"})
      : el("div", {role: "dialog", "aria-modal": "true", "aria-labelledby": "tpai-title"});
    const box = el("div");
    const close = el("button", {type: "button", "aria-label": "Close"}, "\u00d7");
    if (!inline) box.append(close);
    box.append(el("h2", {id: "tpai-title"}, "Third-party AI and your stories"),
      el("p", {}, "Choose what Medium asks AI companies to do with your stories."));
    let chosen = state.value;
    const shown = () => rowButton.querySelector(".value").textContent = names[values.indexOf(state.value)];
    const shut = () => { d.remove(); rowButton.setAttribute("aria-expanded", "false"); rowButton.focus(); };
    close.addEventListener("click", shut);
    if (autosave) {
      // ARIA radios in a radiogroup; each choice is saved at once; "Done" only closes.
      const group = el("div", {role: "radiogroup", "aria-labelledby": "tpai-title"});
      const radios = values.map((value, i) => {
        const r = el("div", {role: "radio", tabindex: "0", "aria-checked": String(value === chosen),
          "aria-describedby": "tpai-help-" + i});
        r.append(el("span", {class: "dot", "aria-hidden": "true"}), el("span", {}, names[i]));
        const w = el("div", {class: "option"});
        w.append(r, el("p", {class: "help", id: "tpai-help-" + i}, helps[i]));
        group.append(w);
        return r;
      });
      const show = (v) => radios.forEach((r, i) => r.setAttribute("aria-checked", String(values[i] === v)));
      radios.forEach((r, i) => r.addEventListener("click", () => {
        const before = state.value;
        show(values[i]);
        put("third-party-ai", values[i]).then((res) => { state.value = res.value; show(res.value); shown(); },
          () => { show(before); failed(); });
      }));
      const done = el("button", {type: "button", class: "primary"}, "Done");
      done.addEventListener("click", shut);
      box.append(group);
      if (!inline) box.append(done);  // inline, the row itself folds the panel away
    } else {
      // Native radios in a fieldset; nothing is sent until "Save".
      const f = el(plain ? "div" : "fieldset");
      if (!plain) f.append(el("legend", {}, "Your preference"));
      values.forEach((value, i) => {
        const id = "tpai-" + value;
        const input = el("input", {type: "radio", name: "tpai", id, value, "aria-describedby": id + "-help"});
        input.checked = value === chosen;
        input.addEventListener("change", () => { chosen = value; });
        const w = el("div", {class: "option"});
        w.append(input, el("label", {for: id}, names[i]), el("p", {class: "help", id: id + "-help"}, helps[i]));
        f.append(w);
      });
      const cancel = el("button", {type: "button"}, "Cancel");
      cancel.addEventListener("click", shut);
      const save = el("button", {type: "button", class: "primary"}, plain ? "Update" : "Save");
      save.addEventListener("click", () => {
        put("third-party-ai", chosen).then((res) => { state.value = res.value; shown(); shut(); },
          () => { failed(); shut(); });
      });
      box.append(f, cancel, save);
    }
    d.append(box);
    if (inline) { rowButton.after(d); rowButton.setAttribute("aria-expanded", "true"); }
    else document.body.append(d);
  };
  const render = (s) => {
    root.textContent = "";
    const rows = el("div", {class: "rows"});
    const ai = plain ? el("div") : row("Third-party AI and your stories", names[values.indexOf(s.thirdPartyAi)]);
    const opener = plain ? el("button", {type: "button"}, "Edit") : ai;
    if (plain) {
      ai.append(el("h3", {}, "Third-party AI and your stories"),
        el("span", {class: "value"}, names[values.indexOf(s.thirdPartyAi)]), opener);
    }
    const state = {value: s.thirdPartyAi};
    opener.addEventListener("click", () => {
      const open = document.getElementById("tpai-panel");
      if (open) { open.remove(); ai.setAttribute("aria-expanded", "false"); } else dialog(state, ai);
    });
    rows.append(
      row("Email address", s.email),
      row("Username and subdomain", "@" + s.username),
      row("Profile information", "Edit your photo, name, pronouns, short bio, etc."),
      row("Profile design", "Customize the appearance of your profile."),
      row("Custom domain", "None"),
      row("Partner Program", "You are not enrolled in the Partner Program."),
      digest(s.digest),
      row("Refine recommendations", "Adjust recommendations by updating what you're following and more."),
      row("Muted writers and publications"),
      row("Blocked users"),
      ai,
      row("Deactivate account", "Deactivating will suspend your account until you sign back in."),
      row("Delete account", "Permanently delete your account and all of your content."),
    );
    root.append(rows);
  };
  fetch("/_/api/me/settings", {credentials: "same-origin"})
    .then((r) => { if (!r.ok) throw new Error(String(r.status)); return r.json(); })
    .then(render)
    .catch(() => { root.textContent = "Something went wrong. Please try again."; })
    .finally(() => root.setAttribute("aria-busy", "false"));
})();
"""


def settings_page(
    account: str,
    tab: str,
    *,
    options: tuple[str, str],
    helps: tuple[str, str],
    autosave: bool,
    inline: bool,
    plain: bool = False,
) -> str:
    """/me/settings/<tab>: the tab bar; on Account, rows the script renders once loaded."""
    tabs = "".join(
        f'<a href="/me/settings/{slug}"{" aria-current=page" if slug == tab else ""}>{escape(title)}</a>'
        for title, slug in TABS
    )
    if tab == "account":
        content = (
            f'<div id="account-root" aria-busy="true" data-autosave="{json.dumps(autosave)}" '
            f'data-inline="{json.dumps(inline)}" data-plain="{json.dumps(plain)}" '
            f"data-options='{escape(json.dumps(options))}' data-helps='{escape(json.dumps(helps))}'>Loading…</div>"
        )
        script = ACCOUNT_SCRIPT
    else:
        content, script = "<p>Nothing to see here in the replica.</p>", ""
    body = f"""<header>{LOGO}<nav><a href="/" title="{escape(account)}">Home</a></nav></header>
<main><h1>Settings</h1><nav class="tabs" aria-label="Settings">{tabs}</nav>{content}</main>"""
    return medium_page("Settings - Medium", body, script)


def message_page(title: str, text: str) -> str:
    """A heading and a paragraph (not found, expired link)."""
    body = f"<header>{LOGO}</header><main><h1>{escape(title)}</h1><p>{escape(text)}</p></main>"
    return medium_page(f"{title} - Medium", body)
