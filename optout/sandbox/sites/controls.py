"""Control-kind test pages (controls.sandbox.test): one page per kind of control the engine handles.

No login; state lives under account "-" with one key per page (see DEFAULTS). Pages load their
state with fetch and save it with a fetch POST to /api/state/<key>, except /save-form, which
saves only through its form's POST (a real navigation, 303 back to the page).
Faults (site-wide): no-persist, save-500, slow (every answer waits `value` seconds, True = 2).

Pages and their accessible names:
  /native-switch       input[type=checkbox][role=switch] "Use my data for training"
  /aria-switch         button[role=switch][aria-checked] "Improve the model for everyone"
  /described-checkbox  three input[type=checkbox][aria-describedby=CHECKBOX_n_LABEL], no name
  /native-select       select labelled "Allow GitHub to use my data for AI model training"
  /menu                button#training-menu-button (text = choice) -> menu of menuitemradio
  /radio               radiogroup "Third-party AI and your stories" (two native radios)
  /modal               button "Improve the model for everyone On|Off" -> dialog with a switch
                       and "Done" (only Done saves)
  /save-form           checkbox "Prevent third-party sharing for My Site" + "Save settings"
  /absent              "This setting isn't available for your account." and no control
  /unnamed-switch      rows of text beside button[role=switch] with no name: "Help improve the
                       model for search", "Improve the Model"; and a named "Marketing emails"
  /wrapped-checkbox    a 1px screen-reader checkbox inside the label "Share my data with partners"
  /hidden-checkbox     a display:none checkbox inside the label "Allow training on my content"
  /late-state          a switch drawn at once as off; its real state arrives 1.5 s later
  /stale-aria          a checked native switch whose aria-checked says "false" (unreadable)
  /guest               a switch as shown to a visitor who is not signed in, and a "Log in" button
"""

from __future__ import annotations

import time

from optout.sandbox.messages import Request, Response
from optout.sandbox.site import Site
from optout.sandbox.sites import _controls_pages as pages
from optout.sandbox.state import NO_ACCOUNT

API_PATH = "/api/state/"
CHOICES: dict[str, tuple[str, ...]] = {
    "native-select": ("Enabled", "Disabled"),
    "menu": ("Enabled", "Disabled"),
    "radio": ("Prioritize maximum reach", "Minimize third-party training"),
}
DEFAULTS: dict[str, object] = {
    "native-switch": True,  # wanted False
    "aria-switch": True,  # wanted False
    "described-checkbox": True,  # wanted False; -2 and -3 are bystanders
    "described-checkbox-2": False,
    "described-checkbox-3": False,
    "native-select": "Enabled",  # wanted "Disabled"
    "menu": "Enabled",  # wanted "Disabled"
    "radio": "Prioritize maximum reach",  # wanted "Minimize third-party training"
    "modal": True,  # wanted False
    "save-form": False,  # wanted True ("Prevent third-party sharing")
    "unnamed-switch": True,  # wanted False; -2 is the bystander row
    "unnamed-switch-2": True,
    "wrapped-checkbox": True,  # wanted False
    "hidden-checkbox": True,  # wanted False
    "late-state": True,  # wanted False; its state answer takes LATE_SECONDS
    "stale-aria": True,  # unreadable on purpose
    "guest": True,  # a signed-out visitor's switch: never to be reported as the account's
}
LATE_SECONDS = 1.5


def valid(key: str, value: object) -> bool:
    """Whether `value` is a value the control behind `key` can hold."""
    if key in CHOICES:
        return value in CHOICES[key]
    return isinstance(value, bool)


class ControlsSite(Site):
    """controls.sandbox.test: native/ARIA switches, checkboxes, selects, menus, radios, modals."""

    name = "controls"
    hosts = ("controls.sandbox.test",)
    default_settings = DEFAULTS

    def setup(self) -> None:
        """Create the one pseudo-account all the pages' state belongs to."""
        self.state.add_account(NO_ACCOUNT, "")

    def handle(self, request: Request) -> Response:
        """Serve the index, a control page, the state API or the form save."""
        self.delay(NO_ACCOUNT)
        path = request.path.rstrip("/") or "/"
        if path == "/":
            return Response.html(pages.index_page())
        if path == "/absent":
            return Response.html(pages.absent_page())
        if path.startswith(API_PATH) and path.removeprefix(API_PATH) in DEFAULTS:
            return self._api(request, path.removeprefix(API_PATH))
        key = path.removeprefix("/")
        if key == "save-form" and request.method == "POST":
            return self._save_form(request)
        if key in pages.PAGES:
            notice = "Settings saved successfully!" if "updated" in request.query else ""
            return Response.html(pages.control_page(key, notice))
        return Response.html("<h1>Not found</h1>", 404)

    def _api(self, request: Request, key: str) -> Response:
        """GET {"value": v}; POST {"value": v} saves it (subject to the save faults)."""
        if request.method == "GET":
            if key == "late-state":
                time.sleep(LATE_SECONDS)
            return Response.json({"value": self.state.get_setting(NO_ACCOUNT, key)})
        if request.method != "POST":
            return Response.json({"error": "use GET or POST"}, 405)
        body = request.json
        value = body.get("value") if isinstance(body, dict) else None
        if not valid(key, value):
            return Response.json({"error": f"bad value for {key}"}, 400)
        if not self.save(NO_ACCOUNT, key, value):
            return Response.json({"error": "Internal Server Error"}, 500)
        return Response.json({"value": value})

    def _save_form(self, request: Request) -> Response:
        """The WordPress-style form POST: checked means the field is present."""
        checked = request.form.get("wpcom_data_sharing_opt_out") == "true"
        if not self.save(NO_ACCOUNT, "save-form", checked):
            return Response.html("<h1>Something went wrong</h1><p>Settings were not saved.</p>", 500)
        return Response.redirect("/save-form?updated=1")


SITE = ControlsSite
