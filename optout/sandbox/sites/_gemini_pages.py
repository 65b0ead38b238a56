"""HTML of the Google replica: the accounts.google.com sign-in steps and checks, and My Activity."""

from __future__ import annotations

from optout.sandbox.html import escape, page

STYLE = """
body{margin:0;font:14px Roboto,Arial,sans-serif;color:#1f1f1f;background:#fff}
.signin{max-width:420px;margin:48px auto;border:1px solid #dadce0;border-radius:28px;padding:36px}
.signin label{display:block;margin:16px 0 4px;color:#444746}
.signin input[type=email],.signin input[type=password],.signin input[type=text]{width:100%;box-sizing:border-box;
 padding:13px 15px;border:1px solid #747775;border-radius:4px;font-size:16px}
.actions{display:flex;justify-content:space-between;margin-top:32px}
.VfPpkd-LgbsSe{background:#0b57d0;color:#fff;border:0;border-radius:20px;padding:10px 24px;cursor:pointer}
.link{background:none;border:0;color:#0b57d0;cursor:pointer}
.error{color:#b3261e;margin-top:8px}
header{display:flex;gap:16px;align-items:center;padding:8px 24px;border-bottom:1px solid #dadce0}
main{max-width:760px;margin:24px auto;padding:0 16px}
.card{border:1px solid #dadce0;border-radius:8px;padding:16px 24px;margin:16px 0;position:relative}
.status{font-size:22px;margin:4px 0}
.material-icons{font-size:0}
[role=menu]{position:absolute;right:24px;background:#fff;box-shadow:0 2px 6px rgba(0,0,0,.3);padding:8px 0;z-index:5}
[role=menuitem]{padding:8px 16px;cursor:pointer}
.scrim{position:fixed;inset:0;background:rgba(0,0,0,.4);display:flex;align-items:center;justify-content:center;z-index:9}
[role=dialog]{background:#fff;border-radius:28px;padding:24px;max-width:480px}
.snackbar{position:fixed;bottom:24px;left:24px;background:#303030;color:#fff;padding:14px 16px;border-radius:4px}
"""

GOOGLE = '<span aria-label="Google">Google</span>'


def google_page(title: str, body: str, script: str = "") -> str:
    """A Google-looking document."""
    return page(title, body, style=STYLE, script=script)


def identifier_page(token: str, continue_url: str, *, error: str = "", value: str = "") -> str:
    """Sign-in step 1 (addendum §12.1): "Email or phone", #identifierId, "Next"."""
    alert = f'<div class="error" role="alert">{escape(error)}</div>' if error else ""
    body = f"""<div class="signin">{GOOGLE}<h1>Sign in</h1><p>to continue to My Activity</p>
<form method="post" action="/v3/signin/identifier" novalidate>
<input type="hidden" name="TL" value="{escape(token)}">
<input type="hidden" name="continue" value="{escape(continue_url)}">
<label for="identifierId">Email or phone</label>
<input type="email" id="identifierId" name="identifier" autocomplete="username" value="{escape(value)}">
{alert}<p><button type="button" class="link">Forgot email?</button></p>
<div class="actions"><button type="button" class="link">Create account</button>
<button type="submit" class="VfPpkd-LgbsSe" id="identifierNext">Next</button></div></form></div>"""
    return google_page("Sign in - Google Accounts", body)


def password_page(token: str, email: str, *, error: str = "", action: str = "/v3/signin/challenge/pwd") -> str:
    """Sign-in step 2: "Enter your password", "Next"; `error` after a bad one (guessed text)."""
    alert = f'<div class="error" role="alert">{escape(error)}</div>' if error else ""
    body = f"""<div class="signin">{GOOGLE}<h1>Welcome</h1><p>{escape(email)}</p>
<form method="post" action="{escape(action)}" novalidate>
<input type="hidden" name="TL" value="{escape(token)}">
<label for="password">Enter your password</label>
<input type="password" id="password" name="Passwd" autocomplete="current-password" autofocus>
{alert}<p><label><input type="checkbox" id="show"> Show password</label></p>
<div class="actions"><button type="button" class="link">Forgot password?</button>
<button type="submit" class="VfPpkd-LgbsSe" id="passwordNext">Next</button></div></form></div>"""
    return google_page("Sign in - Google Accounts", body)


POLL_SCRIPT = """
(() => {
  const poll = () => fetch("/v3/signin/challenge/dp/poll", {credentials: "same-origin"})
    .then((r) => r.json())
    .then((d) => { if (d.done) { location.assign(d.continue); } else { setTimeout(poll, 300); } })
    .catch(() => setTimeout(poll, 1000));
  poll();
})();
"""

CHECKS = {
    # 2-Step Verification by phone prompt: the person taps Yes on their phone; the page polls.
    "dp": (
        "2-Step Verification",
        "<h2>Check your phone</h2><p>Google sent a notification to your phone. Tap <b>Yes</b> on the "
        "notification to verify it's you.</p>",
        "Resend it",
    ),
    "totp": (
        "2-Step Verification",
        '<p>Enter a code from the Google Authenticator app</p><label for="totpPin">Enter code</label>'
        '<input type="text" id="totpPin" name="totpPin" autocomplete="one-time-code">',
        "Next",
    ),
    "recaptcha": (
        "Verify it's you",
        '<p>Type the text you hear or see</p><iframe title="reCAPTCHA" '
        'src="https://www.google.com/recaptcha/api2/anchor"></iframe>',
        "Next",
    ),
    "rejected": (
        "Couldn't sign you in",
        "<p>This browser or app may not be secure. <a href='#'>Learn more</a></p><p>Try using a different "
        "browser. If you're already using a supported browser, you can try again to sign in.</p>",
        "Try again",
    ),
}


def check_page(kind: str, action: str, token: str) -> str:
    """A page that wants the person; its button is only counted, nothing is solved."""
    heading, text, button = CHECKS[kind]
    body = f"""<div class="signin">{GOOGLE}<h1>{escape(heading)}</h1>
<form method="post" action="{escape(action)}"><input type="hidden" name="TL" value="{escape(token)}">{text}
<div class="actions"><button type="button" class="link">Try another way</button>
<button type="submit" class="VfPpkd-LgbsSe">{escape(button)}</button></div></form></div>"""
    return google_page(f"{heading} - Google Accounts", body, POLL_SCRIPT if kind == "dp" else "")


def activity_page(at: str, state_url: str, heading: str) -> str:
    """myactivity.google.com/product/gemini: a shell whose script renders the cards once loaded."""
    body = f"""<header><a href="/myactivity">{GOOGLE} My Activity</a>
<nav><a href="/activitycontrols">Activity controls</a> <a href="/more-activity">Other activity</a></nav></header>
<main><h1>{escape(heading)}</h1><p>Manage your Gemini Apps activity.</p>
<div id="cards" data-src="{escape(state_url)}" data-at="{escape(at)}" aria-busy="true">Loading…</div></main>"""
    return google_page("Gemini Apps Activity", body, ACTIVITY_SCRIPT)


ACTIVITY_SCRIPT = r"""
(() => {
  const root = document.getElementById("cards");
  const el = (tag, attrs = {}, text) => {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    if (text !== undefined) e.textContent = text;
    return e;
  };
  const snackbar = (text) => {
    let s = document.getElementById("snackbar");
    if (!s) { s = el("div", {id: "snackbar", class: "snackbar", role: "status"}); document.body.append(s); }
    s.textContent = text;
  };
  const closeMenus = () => {
    for (const m of root.querySelectorAll("[role=menu]")) m.hidden = true;
    for (const b of root.querySelectorAll("button[aria-haspopup]")) b.setAttribute("aria-expanded", "false");
  };
  const save = (body) => fetch(root.dataset.src, {method: "POST", credentials: "same-origin",
      headers: {"content-type": "application/json", "x-same-domain": "1", "x-goog-at": root.dataset.at},
      body: JSON.stringify(body)})
    .then((r) => { if (!r.ok) throw new Error(String(r.status)); return r.json(); });
  // The confirmation after the menu (its texts are not known; these are a plausible rendering).
  // menu-dialog: the choice is a dialog of plain buttons; the confirmation says "Continue".
  const choiceDialog = (card) => {
    const scrim = el("div", {class: "scrim"});
    const dialog = el("div", {role: "dialog", "aria-modal": "true", "aria-label": "Turn off " + card.title});
    const plain = el("button", {type: "button"}, "Turn off");
    const erase = el("button", {type: "button"}, "Turn off and delete activity");
    dialog.append(plain, erase); scrim.append(dialog); document.body.append(scrim);
    plain.addEventListener("click", () => { scrim.remove(); confirmDialog(card, false, card.done); });
    erase.addEventListener("click", () => { scrim.remove(); confirmDialog(card, true, card.doneErase); });
  };
  const confirmDialog = (card, erase, done) => {
    const scrim = el("div", {class: "scrim"});
    const id = "dlg-" + Math.random().toString(36).slice(2, 8);
    const dialog = el("div", {role: "dialog", "aria-modal": "true", "aria-labelledby": id});
    dialog.append(el("h2", {id}, "Turn off " + card.title + "?"));
    dialog.append(el("p", {}, "Turning off " + card.title + " stops saving your future activity. " +
      (erase ? "Your past activity will be deleted." : "Your past activity is kept until you delete it.") +
      " Chats are still kept for up to 72 hours."));
    const cancel = el("button", {type: "button"}, "Cancel");
    const word = card.menuDialog ? "Continue" : "Turn off";
    const ok = el("button", {type: "button"}, erase ? "Turn off and delete" : word);
    dialog.append(cancel, ok); scrim.append(dialog); document.body.append(scrim);
    cancel.addEventListener("click", () => scrim.remove());
    ok.addEventListener("click", () => { scrim.remove(); done(); });
  };
  const renderCard = (card, holder) => {
    holder.textContent = "";
    holder.append(el("h2", {}, card.title));
    holder.append(el("div", {class: "status"}, card.on ? "On" : "Off"));
    holder.append(el("p", {}, card.help));
    if (card.switchControl) {
      // auto-delete-switch: the card's own control is a switch; a "Turn on auto-delete" sits by it.
      holder.append(el("div", {role: "switch", "aria-checked": String(card.on), "aria-label": card.title,
        tabindex: "0"}));
      holder.append(el("p", {}, "Auto-delete (Off)"));
      holder.append(el("button", {type: "button"}, "Turn on auto-delete"));
      return;
    }
    if (card.managed) {
      holder.append(el("p", {}, "Your organization's administrator manages this setting. " +
        "Contact your administrator for more info."));
      return;
    }
    const apply = (on, erase) => save({key: card.key, on, delete: erase}).then((res) => {
        card.on = res.on; renderCard(card, holder);
        snackbar(card.title + (res.on ? " turned on" : " turned off"));
      }, () => snackbar("Something went wrong. Try again."));
    if (!card.on) {
      const on = el("button", {type: "button"}, "Turn on");
      on.addEventListener("click", () => apply(true, false));
      holder.append(on);
    } else {
      const button = el("button", {type: "button", "aria-haspopup": "menu", "aria-expanded": "false"}, "Turn off");
      button.append(el("span", {class: "material-icons", "aria-hidden": "true"}, "arrow_drop_down"));
      const menu = el("div", {role: "menu", hidden: ""});
      const plain = el("div", {role: "menuitem", tabindex: "-1"}, "Turn off");
      const erase = el("div", {role: "menuitem", tabindex: "-1"}, "Turn off and delete activity");
      menu.append(plain, erase);
      card.done = () => apply(false, false); card.doneErase = () => apply(false, true);
      button.addEventListener("click", (e) => {
        e.stopPropagation();
        if (card.menuDialog) { choiceDialog(card); return; }

        const open = menu.hidden; closeMenus(); menu.hidden = !open;
        button.setAttribute("aria-expanded", String(open));
      });
      plain.addEventListener("click", () => { closeMenus(); confirmDialog(card, false, () => apply(false, false)); });
      erase.addEventListener("click", () => { closeMenus(); confirmDialog(card, true, () => apply(false, true)); });
      holder.append(button, menu);
    }
    if (card.checkbox) {
      const label = el("label");
      const box = el("input", {type: "checkbox"});
      box.checked = card.checkbox.on;
      box.addEventListener("change", () => save({key: card.checkbox.key, on: box.checked}).catch(() => {
        box.checked = !box.checked; snackbar("Something went wrong. Try again.");
      }));
      label.append(box, document.createTextNode(" " + card.checkbox.label));
      holder.append(label);
    }
  };
  const render = (data) => {
    root.textContent = "";
    for (const section of data.sections) {
      const wrap = el("section");
      if (section.heading) wrap.append(el("h2", {}, section.heading));
      for (const card of section.cards) {
        const holder = el("div", {class: "card"});
        renderCard(card, holder); wrap.append(holder);
      }
      root.append(wrap);
    }
  };
  document.addEventListener("click", closeMenus);
  fetch(root.dataset.src, {credentials: "same-origin"})
    .then((r) => { if (!r.ok) throw new Error(String(r.status)); return r.json(); })
    .then(render)
    .catch(() => { root.textContent = "Something went wrong. Try again later."; })
    .finally(() => root.setAttribute("aria-busy", "false"));
})();
"""
