"""grok.com replica, with its sign-in at accounts.x.ai (platforms-addendum.md §13; platforms.md §2).

Reference facts used: sign-in at `https://accounts.x.ai/sign-in` with X, Google or email; the
email path's `input[type=email]`, `input[type=password]` and `button[type=submit]` (text "Login"
here, "Sign in" with the `sign-in-button` fault); the return to grok.com; Cloudflare on
accounts.x.ai; the "Improve the Model" switch under Settings > "Data Controls" (or "Data"), on by
default, separate from X's checkbox; Private Chat never trained on; the deep link `?_s=data`.
Not in the reference, so chosen here and kept incidental: signed-out grok.com pages redirect to the
sign-in page (the real grok.com may instead show its chat to guests); the one-time code handed
from accounts.x.ai to grok.com; the `sso` cookie; `/rest/user-settings` (a PATCH per change, no
Save); the other rows' wording; a Radix-style `button[role=switch]` labelled by a <label for>.

Faults (Sandbox.set_fault; per account, or site-wide with account=None):
  no-persist, save-500, slow  the common ones (slow: grok.com pages and the settings API wait)
  cloudflare        True or "after": Cloudflare's "Verify you are human" after the password;
                    "before": Cloudflare's "Just a moment..." instead of the sign-in form (site-wide)
  expired-session   every existing session of the account stops working
  settings-route    grok.com/settings/data also serves the Settings dialog (by default it is 404
                    and only `/?_s=data` opens it)
  markup            "labelledby" (the switch named by title + description ids), "checkbox" (an
                    input[type=checkbox role=switch] inside a <label>), "pressed" (a toggle
                    button with aria-pressed), "unnamed" (a button[role=switch] with no name at
                    all, beside a plain <span> label); default: button[role=switch] + <label for>
  data-tab          the tab and heading read "Data" instead of "Data Controls"
  label-changed     the switch is renamed "Model training" (no flow should guess at it)
  sign-in-button    the submit button reads "Sign in" instead of "Login"; a string: that wording
  untyped-submit    the submit is a <button> with no type attribute
  sign-in-steps     a string ("Next", "Continue"): the form asks for the email alone, then shows
                    the password field once that button is pressed (a two-step form)
  error-wording     a string: the wrong-password message instead of "Invalid email or password."
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from typing import ClassVar
from urllib.parse import quote, urlencode

from optout.sandbox.messages import Request, Response
from optout.sandbox.site import CHALLENGE_CLICKS, COMMON_FAULTS, PASSWORD_SUBMISSIONS, Site
from optout.sandbox.sites import _grok_pages as pages
from optout.sandbox.state import SESSION

APP_HOST = "grok.com"
ACCOUNTS_HOST = "accounts.x.ai"
SESSION_COOKIE = "sso"
HANDOFF = "handoff"  # one-time code from accounts.x.ai to grok.com
CLOUDFLARE = "cloudflare"
IMPROVE = "improve_the_model"
BYSTANDERS = ("personalize_with_x", "usage_analytics")
SETTINGS_API = "/rest/user-settings"
MARKUPS = ("switch", "labelledby", "checkbox", "pressed", "unnamed")
ROWS = {
    IMPROVE: ("Improve the Model", "Allow your content to be used to train our models and improve our services."),
    # Invented bystanders with close wording: a loose locator would match them too.
    "personalize_with_x": ("Personalize with your X data", "Let Grok use your X posts to improve the model's answers."),
    "usage_analytics": ("Share usage analytics", "Help improve the model behind Grok by sharing crash and usage data."),
}
RENAMED = ("Model training", "Allow xAI to train on your conversations.")
PRIVATE_CHAT = "Private chats are never used to train our models."


def safe_path(target: str) -> str:
    """Keep a return path only when it is a path on grok.com."""
    if target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return "/"


class GrokSite(Site):
    """grok.com (the app) and accounts.x.ai (sign-in)."""

    name = "grok"
    hosts = (APP_HOST, "www.grok.com", ACCOUNTS_HOST)
    default_settings: ClassVar[Mapping[str, object]] = {
        IMPROVE: True,
        "personalize_with_x": True,
        "usage_analytics": True,
    }
    faults = COMMON_FAULTS | {
        "cloudflare",
        "expired-session",
        "settings-route",
        "markup",
        "data-tab",
        "label-changed",
        "sign-in-button",
        "untyped-submit",
        "sign-in-steps",
        "error-wording",
    }
    session_cookie = SESSION_COOKIE

    def handle(self, request: Request) -> Response:
        """Route by host."""
        if request.host == ACCOUNTS_HOST:
            return self._accounts(request)
        if request.host != APP_HOST:
            query = f"?{urlencode(request.query)}" if request.query else ""
            return Response.redirect(f"https://{APP_HOST}{request.path}{query}", 301)
        return self._app(request)

    # -- accounts.x.ai -----------------------------------------------------------------------

    def _accounts(self, request: Request) -> Response:
        """The sign-in page, its POST, and Cloudflare's challenge button."""
        path = request.path.rstrip("/") or "/"
        wording = self.state.fault("sign-in-button")
        button = wording if isinstance(wording, str) else "Sign in" if wording else "Login"
        if path == "/sign-in" and request.method == "GET":
            if self.state.fault(CLOUDFLARE) == "before":
                return Response.html(pages.cloudflare_page(secrets.token_hex(8)), 403)
            steps = self.state.fault("sign-in-steps")
            html = pages.sign_in_page(
                safe_path(request.query.get("return_to", "/")),
                button=button,
                typed=not self.state.fault("untyped-submit"),
                next_step=steps if isinstance(steps, str) else "",
            )
            return Response.html(html)
        if path == "/sign-in" and request.method == "POST":
            return self._sign_in(request, button)
        if path.startswith("/cdn-cgi/challenge-platform/") and request.method == "POST":
            ray = self.state.lookup(CLOUDFLARE, request.form.get("ray"))
            if ray is not None:
                self.state.count(ray["account"], CHALLENGE_CLICKS)
            return Response.html(pages.cloudflare_page(request.form.get("ray", "")), 403)
        if path == "/":
            return Response.redirect("/sign-in")
        return Response.html(pages.not_found_page(), 404)

    def _sign_in(self, request: Request, button: str) -> Response:
        """Check the password; Cloudflare, an error, or a hand-off to grok.com."""
        form = request.form
        email = form.get("email", "").strip()
        redirect = safe_path(form.get("redirect", "/"))
        if email:
            self.state.count(email, PASSWORD_SUBMISSIONS)
        if not self.state.password_matches(email, form.get("password", "")):
            wording = self.state.fault("error-wording")
            error = wording if isinstance(wording, str) else "Invalid email or password."
            typed = not self.state.fault("untyped-submit")
            html = pages.sign_in_page(redirect, error=error, email=email, button=button, typed=typed)
            return Response.html(html, 401)
        if self.state.fault(CLOUDFLARE, email) in (True, "after"):
            return Response.html(pages.cloudflare_page(self.state.issue(CLOUDFLARE, email)), 403)
        session = self.state.issue(SESSION, email)
        code = self.state.issue(HANDOFF, email, session=session)
        response = Response.redirect(f"https://{APP_HOST}/auth/callback?code={code}&return_to={quote(redirect)}")
        response.set_cookies.append(f"{SESSION_COOKIE}={session}; Domain=x.ai; Path=/; Secure; HttpOnly; SameSite=Lax")
        return response

    # -- grok.com ----------------------------------------------------------------------------

    def _app(self, request: Request) -> Response:
        """The hand-off, the app with its Settings dialog, and the settings API."""
        path = request.path.rstrip("/") or "/"
        if path == "/auth/callback":
            handoff = self.state.lookup(HANDOFF, request.query.get("code"))
            if handoff is None:
                return Response.redirect(f"https://{ACCOUNTS_HOST}/sign-in")
            self.state.drop_tokens(HANDOFF, handoff["account"])
            if self.state.lookup(SESSION, handoff["session"]) is None:
                return Response.redirect(f"https://{ACCOUNTS_HOST}/sign-in")
            response = Response.redirect(safe_path(request.query.get("return_to", "/")))
            response.set_cookies.append(
                f"{SESSION_COOKIE}={handoff['session']}; Path=/; Secure; HttpOnly; SameSite=Lax"
            )
            return response
        account = self.account_of(request)
        if account is None:
            if path == SETTINGS_API:
                return Response.json({"error": "unauthenticated"}, 401)
            target = path + (f"?{urlencode(request.query)}" if request.query else "")
            query = urlencode({"redirect": "grok-com", "return_to": target})
            return Response.redirect(f"https://{ACCOUNTS_HOST}/sign-in?{query}", 302)
        self.delay(account)
        if path == SETTINGS_API:
            return self._api(request, account)
        if path == "/":
            return Response.html(pages.app_page(account))
        if path == "/settings/data" and self.state.fault("settings-route", account):
            return Response.html(pages.app_page(account, "data"))
        return Response.html(pages.not_found_page(), 404)

    def _api(self, request: Request, account: str) -> Response:
        """GET the Data Controls rows; PATCH {key: bool} changes one."""
        if request.method == "GET":
            return Response.json(self._document(account))
        if request.method != "PATCH":
            return Response.json({"error": "method not allowed"}, 405)
        body = request.json
        if not (isinstance(body, dict) and len(body) == 1):
            return Response.json({"error": "one setting at a time"}, 400)
        [(key, value)] = body.items()
        if key not in self.default_settings or not isinstance(value, bool):
            return Response.json({"error": "bad setting"}, 400)
        if not self.save(account, key, value):
            return Response.json({"error": "internal"}, 500)
        return Response.json({key: value})

    def _document(self, account: str) -> dict[str, object]:
        """The rows as the dialog renders them."""
        markup = str(self.state.fault("markup", account) or "switch")
        rows = []
        for key, (label, description) in ROWS.items():
            if key == IMPROVE and self.state.fault("label-changed", account):
                label, description = RENAMED
            rows.append(
                {"key": key, "label": label, "description": description, "value": self.state.get_setting(account, key)}
            )
        return {
            "markup": markup if markup in MARKUPS else "switch",
            "tab": "Data" if self.state.fault("data-tab", account) else "Data Controls",
            # The bystander that also mentions improving the model comes first in one layout.
            "order": [1, 0, 2] if markup == "labelledby" else [0, 1, 2],
            "rows": rows,
            "privateChat": PRIVATE_CHAT,
        }


SITE = GrokSite
