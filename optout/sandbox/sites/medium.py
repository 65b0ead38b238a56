"""Medium replica: passwordless sign-in, Settings > Account, and "Third-party AI and your stories".

Written from platforms.md §19, platforms.json (Medium) and platforms-addendum.md §5: no password
login (social buttons, or an emailed sign-in link), https://medium.com/m/signin, the settings
base /me/settings with the Account page at /me/settings/account (inferred), and the row "Third-
party AI and your stories" that opens a dialog ("Select to open your preferences, and make
changes") with the choice "Prioritize maximum reach (Default)" / "Minimize third-party training"
and their help texts. The markup, and whether the dialog saves on its own, are unknown: by
default the replica's dialog has native radios and Save / Cancel; `autosave` gives ARIA radios
that save on click and a Done button. State key `third_party_ai`: "maximize_reach" (default) or
"minimize_training".

Faults (Sandbox.set_fault; per account, or site-wide with account=None):
  no-persist, save-500, slow   the common ones (slow: settings pages and APIs wait `value` s)
  person-signs-in  site-wide, value = an account id: the sign-in page behaves as if that person
                   opened the emailed link in this window (a link page sets the session, then
                   the home page); this is how tests play the person during `login --headed`
  expired-session  every existing session of the account stops working
  autosave         the dialog saves each choice at once (ARIA radios) and closes with "Done"
  inline-panel     the row expands a section under itself instead of opening a dialog (with
                   autosave it has no button at all: the row folds it away again)
  label-changed    the options are renamed (a wording optout does not know)
  plain-markup     no roles to lean on: the row is a heading with its own "Edit" button, the
                   dialog a plain <div>, the radios bare (no fieldset), the first option named
                   "Prioritize maximum reach" without "(Default)", and the dialog's buttons
                   "Cancel" / "Update"
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar
from urllib.parse import urlencode, urlsplit

from optout.sandbox.messages import Request, Response
from optout.sandbox.site import COMMON_FAULTS, WRITES, Site
from optout.sandbox.sites import _medium_pages as pages
from optout.sandbox.state import SESSION

HOST = "medium.com"
ORIGIN = f"https://{HOST}"
SESSION_COOKIE = "sid"
MAGIC = "magic-link"
KEY = "third_party_ai"
VALUES = ("maximize_reach", "minimize_training")
OPTIONS = ("Prioritize maximum reach (Default)", "Minimize third-party training")
PLAIN = ("Prioritize maximum reach", "Minimize third-party training")  # plain-markup
RENAMED = ("Allow AI training with credit (Default)", "Ask AI companies not to train")  # label-changed
HELPS = (  # platforms-addendum.md §5.2, verbatim but shortened
    "Ask AI companies not to train on your stories, unless doing so would also stop them from directly "
    "crediting your work and sending readers to it. Your stories still appear in traditional search and "
    "AI-assisted search features.",
    "Ask all AI companies not to train on your stories, even if it means they may no longer directly "
    "credit your work and send readers to it.",
)


def safe_redirect(target: str) -> str:
    """Keep a redirect only when it stays on medium.com."""
    if target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    parts = urlsplit(target)
    if parts.scheme == "https" and parts.hostname == HOST:
        return parts.path + (f"?{parts.query}" if parts.query else "")
    return "/"


class MediumSite(Site):
    """medium.com (www.medium.com redirects there)."""

    name = "medium"
    hosts = (HOST, "www.medium.com")
    default_settings: ClassVar[Mapping[str, object]] = {KEY: "maximize_reach"}
    faults = COMMON_FAULTS | {
        "person-signs-in",
        "expired-session",
        "autosave",
        "inline-panel",
        "label-changed",
        "plain-markup",
    }
    session_cookie = SESSION_COOKIE

    def setup(self) -> None:
        """Bystander values (the digest frequency) live only in memory."""
        self.digests: dict[str, str] = {}

    def handle(self, request: Request) -> Response:
        """Redirect www, then route by path."""
        if request.host != HOST:
            return Response.redirect(f"{ORIGIN}{request.path}", 301)
        account = self.account_of(request)
        path = request.path.rstrip("/") or "/"
        if path == "/m/signin":
            return self._sign_in(request, account)
        if path == "/m/signin/email" and request.method == "POST":
            return Response.html(pages.inbox_page(request.form.get("email", "")))
        if path == "/m/callback/email":
            return self._magic_link(request)
        if path == "/":
            return Response.html(pages.home_page(account) if account else pages.landing_page())
        if path.startswith("/_/api/"):
            if account is None:
                return Response.json({"error": "unauthorized"}, 401)
            self.delay(account)
            return self._api(request, path.removeprefix("/_/api/"), account)
        if path == "/me/settings" or path.startswith("/me/settings/"):
            if account is None:
                query = urlencode({"redirect": f"{ORIGIN}{request.path}"})
                return Response.redirect(f"/m/signin?{query}", 302)
            self.delay(account)
            return self._settings(path, account)
        return Response.html(pages.message_page("Page not found", "Out of nothing, something."), 404)

    def _sign_in(self, request: Request, account: str | None) -> Response:
        """The sign-in page; with `person-signs-in`, it follows that person's emailed link."""
        if account is not None:
            return Response.redirect(safe_redirect(request.query.get("redirect", "/")))
        person = self.state.fault("person-signs-in")
        link = None
        if isinstance(person, str) and self.state.has_account(person):
            token = self.state.issue(MAGIC, person)
            link = f"/m/callback/email?{urlencode({'token': token})}"
        return Response.html(pages.sign_in_page(link))

    def _magic_link(self, request: Request) -> Response:
        """The emailed link: works once, sets the session, goes on to the home page."""
        found = self.state.lookup(MAGIC, request.query.get("token"))
        if found is None:
            return Response.html(pages.message_page("This link has expired", "Sign in again to get a new link."), 410)
        self.state.drop_tokens(MAGIC, found["account"])
        session = self.state.issue(SESSION, found["account"])
        response = Response.redirect("/")
        response.set_cookies += [
            f"{SESSION_COOKIE}={session}; Domain=medium.com; Secure; HttpOnly; Path=/; SameSite=Lax",
            "uid=lo_replica; Domain=medium.com; Secure; Path=/; SameSite=Lax",
        ]
        return response

    def _settings(self, path: str, account: str) -> Response:
        """/me/settings (the Account tab) and its other tabs."""
        tab = "account" if path == "/me/settings" else path.removeprefix("/me/settings/")
        if tab not in {slug for _, slug in pages.TABS}:
            return Response.html(pages.message_page("Page not found", "Out of nothing, something."), 404)
        renamed = bool(self.state.fault("label-changed", account))
        plain = bool(self.state.fault("plain-markup", account))
        options = RENAMED if renamed else (PLAIN if plain else OPTIONS)
        html = pages.settings_page(
            account,
            tab,
            options=options,
            helps=HELPS,
            autosave=bool(self.state.fault("autosave", account)),
            inline=bool(self.state.fault("inline-panel", account)),
            plain=plain,
        )
        return Response.html(html)

    def _api(self, request: Request, route: str, account: str) -> Response:
        """GET me/settings; PUT me/settings/third-party-ai or me/settings/digest with {"value": ...}."""
        if route == "me/settings" and request.method == "GET":
            return Response.json(
                {
                    "email": account,
                    "username": account.split("@")[0],
                    "digest": self.digests.get(account, "daily"),
                    "thirdPartyAi": self.state.get_setting(account, KEY),
                }
            )
        body = request.json
        value = body.get("value") if isinstance(body, dict) else None
        if route == "me/settings/third-party-ai" and request.method == "PUT":
            if value not in VALUES:
                return Response.json({"error": "bad value"}, 400)
            if not self.save(account, KEY, value):
                return Response.json({"error": "Internal Server Error"}, 500)
            return Response.json({"value": value})
        if route == "me/settings/digest" and request.method == "PUT":
            self.state.count(account, WRITES)  # a stray click shows up in the write count
            self.digests[account] = str(value)
            return Response.json({"value": value})
        return Response.json({"error": "not found"}, 404)


SITE = MediumSite
