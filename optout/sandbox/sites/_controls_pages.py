"""Markup and scripts of the control-kind pages (controls.sandbox.test), one entry per page.

Each page's control lives in a <template>; the shared runtime fetches the state, stamps the
template into #control-root and calls the page's script, like a single-page app would.
Wording is borrowed from platforms.md and platforms-addendum.md (X, ChatGPT, GitHub, Medium,
WordPress.com) so that flows' locators can be tried against each control kind.
"""

from __future__ import annotations

from dataclasses import dataclass

from optout.sandbox.html import escape, page

STYLE = """
body{font:15px system-ui,sans-serif;margin:0;background:#fafafa}
main{max-width:720px;margin:32px auto;background:#fff;padding:24px;border:1px solid #ddd}
.row{display:flex;justify-content:space-between;align-items:center;gap:16px;padding:10px 0}
[role=switch]:not(input){width:42px;height:24px;border-radius:12px;border:0;background:#999}
[role=switch][aria-checked=true]:not(input){background:#10a37f}
#training-menu-overlay{position:absolute;background:#fff;border:1px solid #ccc;padding:4px}
[role=menuitemradio]{list-style:none;padding:6px 12px;cursor:pointer}
[role=menuitemradio][aria-checked=true]{font-weight:bold}
#improve-dialog:not([hidden]){position:fixed;inset:0;background:rgba(0,0,0,.5);display:flex;
 align-items:center;justify-content:center}
#improve-dialog>div{background:#fff;padding:24px;max-width:480px}
.toast{position:fixed;bottom:16px;left:16px;background:#fee;padding:12px;border:1px solid #c00}
.notice{background:#efe;padding:8px}
.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);margin:-1px}
.toggle{display:inline-flex;align-items:center;gap:8px;cursor:pointer}
.slider{display:inline-block;width:36px;height:20px;border-radius:10px;background:#999}
"""

RUNTIME = """
const root = document.getElementById("control-root");
const api = (key) => "/api/state/" + key;
const unwrap = (r) => { if (!r.ok) throw new Error(String(r.status)); return r.json(); };
const load = (key) => fetch(api(key)).then(unwrap).then((d) => d.value);
const save = (key, value) => fetch(api(key), {method: "POST",
  headers: {"content-type": "application/json"}, body: JSON.stringify({value})})
  .then(unwrap).then((d) => d.value);
const toast = () => {
  let t = document.getElementById("toast");
  if (!t) {
    t = document.createElement("div");
    t.id = "toast"; t.className = "toast"; t.setAttribute("role", "alert");
    document.body.appendChild(t);
  }
  t.textContent = "Something went wrong. Please try again.";
};
const byId = (id) => document.getElementById(id);
const start = (keys, render) => Promise.all(keys.map(load))
  .then((values) => {
    root.replaceChildren(byId("control").content.cloneNode(true));
    render(...values);
  })
  .catch(() => { root.textContent = "Something went wrong. Please try again."; })
  .finally(() => root.setAttribute("aria-busy", "false"));
const checkbox = (key, input, value) => {
  const show = (v) => { input.checked = v; input.setAttribute("aria-checked", String(v)); };
  show(value);
  input.addEventListener("change", () => {
    const wanted = input.checked;
    save(key, wanted).then(show, () => { show(!wanted); toast(); });
  });
};
"""


@dataclass(frozen=True)
class ControlPage:
    """One page: its title, the control's markup, and the script that loads and wires it."""

    title: str
    template: str
    script: str


def _described(number: int, text: str) -> str:
    """An X-style checkbox whose only text is the span it is described by."""
    label = f"CHECKBOX_{number}_LABEL"
    return (
        f'<div class="row"><span id="{label}">{escape(text)}</span>'
        f'<input type="checkbox" id="checkbox-{number}" aria-describedby="{label}"></div>'
    )


CARET = '<svg aria-hidden="true" width="16" height="16"><path d="M4 6l4 4 4-4"/></svg>'
MEDIUM_HELP = (  # platforms-addendum.md §5.2, verbatim but shortened
    "Ask AI companies not to train on your stories, unless doing so would also stop them from "
    "directly crediting your work and sending readers to it.",
    "Ask all AI companies not to train on your stories, even if it means they may no longer "
    "directly credit your work and send readers to it.",
)

PAGES: dict[str, ControlPage] = {
    "native-switch": ControlPage(
        "Native switch",
        '<div class="row"><span id="training-label">Use my data for training</span>'
        '<input type="checkbox" role="switch" id="training-switch" '
        'aria-labelledby="training-label"></div>',
        'start(["native-switch"], (v) => checkbox("native-switch", byId("training-switch"), v));',
    ),
    "aria-switch": ControlPage(
        "ARIA switch",
        '<div class="row"><span>Improve the model for everyone</span>'
        '<button type="button" role="switch" id="improve-switch" aria-checked="false" '
        'aria-label="Improve the model for everyone"></button></div>',
        """start(["aria-switch"], (value) => {
  const sw = byId("improve-switch");
  const show = (v) => sw.setAttribute("aria-checked", String(v));
  show(value);
  sw.addEventListener("click", () => {
    save("aria-switch", sw.getAttribute("aria-checked") !== "true").then(show, toast);
  });
});""",
    ),
    "described-checkbox": ControlPage(
        "Grok & Third-party Collaborators",
        "<h2>Data Sharing</h2>"
        + _described(
            1,
            "Allow your public data as well as your interactions, inputs, and results with "
            "Grok and xAI to be used for training and fine-tuning",
        )
        + _described(2, "Allow X to personalize your experience with Grok")
        + _described(3, "Allow Grok to remember your conversation history"),
        """const keys = ["described-checkbox", "described-checkbox-2", "described-checkbox-3"];
start(keys, (...values) => values.forEach((v, i) => checkbox(keys[i], byId("checkbox-" + (i + 1)), v)));""",
    ),
    "native-select": ControlPage(
        "Copilot features",
        '<div class="row"><label for="training-select">Allow GitHub to use my data for AI model '
        'training</label><select id="training-select" name="training">'
        '<option value="Enabled">Enabled</option><option value="Disabled">Disabled</option>'
        "</select></div>",
        """start(["native-select"], (value) => {
  const select = byId("training-select");
  let stored = value;
  select.value = value;
  select.addEventListener("change", () => save("native-select", select.value).then(
    (v) => { stored = v; select.value = v; }, () => { select.value = stored; toast(); }));
});""",
    ),
    "menu": ControlPage(
        "Copilot features (menu)",
        '<div class="row"><span id="training-row-label">Allow GitHub to use my data for AI model '
        'training</span><action-menu data-select-variant="single" data-dynamic-label>'
        '<button type="button" id="training-menu-button" aria-haspopup="true" '
        'aria-expanded="false" aria-controls="training-menu-list">'
        f'<span id="training-menu-value"></span>{CARET}</button>'
        '<div id="training-menu-overlay" hidden><ul id="training-menu-list" role="menu" '
        'aria-labelledby="training-menu-button">'
        '<li role="menuitemradio" tabindex="-1" aria-checked="false" data-value="Enabled">'
        "Enabled</li>"
        '<li role="menuitemradio" tabindex="-1" aria-checked="false" data-value="Disabled">'
        "Disabled</li></ul></div></action-menu></div>",
        """start(["menu"], (value) => {
  const button = byId("training-menu-button"), overlay = byId("training-menu-overlay");
  const items = [...overlay.querySelectorAll("[role=menuitemradio]")];
  const show = (v) => {
    byId("training-menu-value").textContent = v;
    for (const i of items) i.setAttribute("aria-checked", String(i.dataset.value === v));
  };
  const open = (o) => { overlay.hidden = !o; button.setAttribute("aria-expanded", String(o)); };
  show(value);
  button.addEventListener("click", () => open(overlay.hidden));
  for (const item of items) {
    item.addEventListener("click", () => { open(false); save("menu", item.dataset.value).then(show, toast); });
  }
  document.addEventListener("keydown", (e) => { if (e.key === "Escape") open(false); });
});""",
    ),
    "radio": ControlPage(
        "Account",
        '<div role="radiogroup" aria-labelledby="radio-legend">'
        '<h2 id="radio-legend">Third-party AI and your stories</h2>'
        '<label><input type="radio" name="third-party-ai" value="Prioritize maximum reach">'
        f"Prioritize maximum reach</label><p>{escape(MEDIUM_HELP[0])}</p>"
        '<label><input type="radio" name="third-party-ai" value="Minimize third-party training">'
        f"Minimize third-party training</label><p>{escape(MEDIUM_HELP[1])}</p></div>",
        """start(["radio"], (value) => {
  const radios = [...document.querySelectorAll("input[name=third-party-ai]")];
  const show = (v) => { for (const r of radios) r.checked = r.value === v; };
  let stored = value;
  show(value);
  for (const r of radios) {
    r.addEventListener("change", () => save("radio", r.value).then(
      (v) => { stored = v; show(v); }, () => { show(stored); toast(); }));
  }
});""",
    ),
    "modal": ControlPage(
        "Data controls",
        '<h2>Data controls</h2><div class="row"><button type="button" id="improve-row" '
        'data-testid="improve-model-open-modal-button">Improve the model for everyone '
        '<span id="improve-row-state"></span></button></div>'
        '<div id="improve-dialog" role="dialog" aria-modal="true" '
        'aria-labelledby="improve-dialog-title" hidden><div>'
        '<h2 id="improve-dialog-title">Improve the model for everyone</h2>'
        '<div class="row"><span>Improve the model for everyone</span>'
        '<button type="button" role="switch" aria-checked="false" '
        'aria-label="Improve the model for everyone" data-testid="improve-model-toggle">'
        "</button></div><p>Allow your content to be used to train our models, which makes "
        "ChatGPT better for you and everyone who uses it. We take steps to protect your "
        'privacy.</p><button type="button" id="improve-done">Done</button></div></div>',
        """start(["modal"], (value) => {
  const row = byId("improve-row"), dialog = byId("improve-dialog");
  const sw = dialog.querySelector("[role=switch]");
  let stored = value, pending = value;
  const showRow = (v) => { stored = v; byId("improve-row-state").textContent = v ? "On" : "Off"; };
  const showSwitch = () => sw.setAttribute("aria-checked", String(pending));
  const close = () => { dialog.hidden = true; row.focus(); };
  showRow(value);
  row.addEventListener("click", () => { pending = stored; showSwitch(); dialog.hidden = false; sw.focus(); });
  sw.addEventListener("click", () => { pending = !pending; showSwitch(); });
  // Only Done saves (an engine that forgets Done leaves the setting as it was).
  byId("improve-done").addEventListener("click", () => {
    if (pending === stored) { close(); return; }
    save("modal", pending).then(showRow, toast).finally(close);
  });
  document.addEventListener("keydown", (e) => { if (e.key === "Escape" && !dialog.hidden) close(); });
});""",
    ),
    "save-form": ControlPage(
        "General Settings",
        '<form method="post" action="/save-form"><h2>Privacy</h2>'
        '<label for="wpcom_site_visibility_data_sharing_opt_out">'
        '<input id="wpcom_site_visibility_data_sharing_opt_out" '
        'name="wpcom_data_sharing_opt_out" type="checkbox" value="true"> '
        "Prevent third-party sharing for My Site</label>"
        '<p class="description">This option will prevent this site&rsquo;s content from being shared '
        "with our licensed network of content and research partners, including those that "
        'train AI models. <a href="#learn-more">Learn more</a></p>'
        '<button type="submit">Save settings</button></form>',
        """start(["save-form"], (value) => {
  byId("wpcom_site_visibility_data_sharing_opt_out").checked = value;
});""",
    ),
    "unnamed-switch": ControlPage(
        "Data controls",
        '<div class="row"><span>Help improve the model for search</span>'
        '<button type="button" role="switch" id="bystander-switch"></button></div>'
        '<div class="row"><span>Improve the Model</span>'
        '<button type="button" role="switch" id="unnamed-switch"></button></div>'
        '<div class="row"><span>Emails</span><button type="button" role="switch" id="mail-switch" '
        'aria-label="Marketing emails" aria-checked="false"></button></div>',
        """start(["unnamed-switch", "unnamed-switch-2"], (value, other) => {
  const rows = [["unnamed-switch", "unnamed-switch", value], ["unnamed-switch-2", "bystander-switch", other]];
  for (const [key, id, v] of rows) {
    const sw = byId(id);
    const show = (x) => sw.setAttribute("aria-checked", String(x));
    show(v);
    sw.addEventListener("click", () => { save(key, sw.getAttribute("aria-checked") !== "true").then(show, toast); });
  }
});""",
    ),
    "wrapped-checkbox": ControlPage(
        "Partners",
        '<label class="toggle"><input type="checkbox" class="sr-only" id="partners-box">'
        '<span class="slider" aria-hidden="true"></span> Share my data with partners</label>',
        'start(["wrapped-checkbox"], (v) => checkbox("wrapped-checkbox", document.querySelector(".sr-only"), v));',
    ),
    "hidden-checkbox": ControlPage(
        "Content",
        '<label class="toggle"><input type="checkbox" style="display:none">'
        '<span class="slider" aria-hidden="true"></span> Allow training on my content</label>',
        'start(["hidden-checkbox"], (v) => checkbox("hidden-checkbox", document.querySelector(".toggle input"), v));',
    ),
    "late-state": ControlPage(
        "Late state",
        "",
        # Drawn at once, as off, before its state arrives (the state answer is slow on purpose).
        """root.innerHTML = '<div class="row"><span id="late-label">Use my data for training</span>' +
  '<input type="checkbox" role="switch" id="late-switch" aria-labelledby="late-label"></div>';
root.setAttribute("aria-busy", "false");
load("late-state").then((v) => checkbox("late-state", byId("late-switch"), v), toast);""",
    ),
    "stale-aria": ControlPage(
        "Stale ARIA",
        '<div class="row"><span id="stale-label">Use my data for training</span>'
        '<input type="checkbox" role="switch" id="stale-switch" aria-checked="false" '
        'aria-labelledby="stale-label"></div>',
        # The box is checked but its aria-checked, never kept up to date, says otherwise.
        'start(["stale-aria"], (v) => { byId("stale-switch").checked = v; });',
    ),
    "guest": ControlPage(
        "Guest",
        '<div class="row"><span id="guest-label">Improve the model for everyone</span>'
        '<input type="checkbox" role="switch" id="guest-switch" aria-labelledby="guest-label"></div>',
        # What a site shows a visitor who is not signed in: the same switch (kept per browser),
        # and, once the page's data has arrived, a "Log in" button.
        """start(["guest"], (v) => {
  checkbox("guest", byId("guest-switch"), v);
  const button = document.createElement("button");
  button.textContent = "Log in";
  document.querySelector("main").prepend(button);
});""",
    ),
}

ABSENT_TEXT = "This setting isn't available for your account."


def control_page(key: str, notice: str = "") -> str:
    """The shell of a control page: heading, optional notice, loading root and scripts."""
    spec = PAGES[key]
    shown = f'<p class="notice" role="status">{escape(notice)}</p>' if notice else ""
    body = (
        f'<main><a href="/">All controls</a><h1>{escape(spec.title)}</h1>{shown}'
        f'<template id="control">{spec.template}</template>'
        '<div id="control-root" aria-busy="true">Loading…</div></main>'
    )
    return page(f"{spec.title} | controls", body, style=STYLE, script=RUNTIME + spec.script)


def absent_page() -> str:
    """A settings page that offers no control at all."""
    body = f"<main><h1>AI settings</h1><p>{escape(ABSENT_TEXT)}</p></main>"
    return page("AI settings | controls", body, style=STYLE)


def index_page() -> str:
    """Links to every control page."""
    links = "".join(f'<li><a href="/{k}">{escape(k)}</a></li>' for k in [*PAGES, "absent"])
    return page("controls", f"<main><h1>Control kinds</h1><ul>{links}</ul></main>", style=STYLE)
