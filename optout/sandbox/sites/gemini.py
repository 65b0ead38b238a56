"""Google replica: accounts.google.com sign-in (two steps, checks) and My Activity's Gemini page.

Reference facts used (platforms.md §5, platforms-addendum.md §12): the identifier step ("Email or
phone", `#identifierId`, "Next"), the password step ("Enter your password", "Next"), 2-Step
Verification afterwards, the "Couldn't sign you in - This browser or app may not be secure" page;
the page `https://myactivity.google.com/product/gemini` with the "Keep Activity" card (formerly
"Gemini Apps Activity"), on by default, turned off by "Turn off" -> a menu of "Turn off" / "Turn
off and delete activity" -> a confirmation -> a notification; chats kept up to 72 hours; the
related checkbox about audio and Gemini Live recordings (off by default); Web & App Activity as a
separate bucket (shown here as a second card with its own "Turn off", to catch loose locators).
Workspace accounts: on, and only the admin can change it. Guessed, as the reference does not
say: every URL below `/v3/signin/` but the identifier's, the dialog's and notification's texts,
the admin notice, "Wrong password", "Couldn't find your Google Account", and the JSON endpoint.
The cards are rendered by the page's script once their state has loaded; changes are saved by a
POST carrying the page's `at` token.

Faults (Sandbox.set_fault; per account, or site-wide with account=None; `blocked` and `captcha`
act on the identifier step, before any password):
  no-persist       the save answers 200 and the card shows Off, but nothing is stored
  save-500         the save answers 500; the card stays On and a notification says so
  slow             every My Activity page and endpoint waits `value` seconds (True = 2)
  2sv              after a correct password: True or "phone" -> /v3/signin/challenge/dp ("Check
                   your phone", the page polls until the fault is set to "approved", as if the
                   person tapped Yes); "totp" -> /v3/signin/challenge/totp (a code)
  blocked          the identifier step leads to /v3/signin/rejected, "Couldn't sign you in"
  captcha          the identifier step leads to /v3/signin/challenge/recaptcha (a reCAPTCHA frame)
  expired-session  every existing session of the account stops working (new sign-ins work)
  old-wording      the card is titled "Gemini Apps Activity" (the former name)
  workspace        no button on the card: "Your organization's administrator manages this setting"
  auto-delete-switch  the card's control is a switch (not a "Turn off" button) and the card also
                   shows "Auto-delete (Off)" with a "Turn on auto-delete" button
  menu-dialog      "Turn off" opens a dialog of plain buttons ("Turn off" / "Turn off and delete
                   activity") instead of a menu; the confirmation's button says "Continue"
  pwd-path         the password step is at /v3/signin/challenge/password (not .../pwd)
  password-error   value: the wrong-password text instead of "Wrong password. Try again ..."
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from typing import ClassVar
from urllib.parse import urlencode, urlsplit

from optout.sandbox.messages import Request, Response
from optout.sandbox.site import CHALLENGE_CLICKS, COMMON_FAULTS, PASSWORD_SUBMISSIONS, Site
from optout.sandbox.sites import _gemini_pages as pages
from optout.sandbox.state import SESSION

ACCOUNTS = "accounts.google.com"
MYACTIVITY = "myactivity.google.com"
PRODUCT = "/product/gemini"
HOME = f"https://{MYACTIVITY}{PRODUCT}"
STATE_PATH = "/_/myactivity/gemini/settings"
SESSION_COOKIE = "SID"
PENDING_COOKIE = "__Host-GAPS"
PENDING = "pending-sign-in"
FORM = "sign-in-form"
KEEP = "keep_activity"
WEB_APP = "web_app_activity"
AUDIO = "improve_audio"
DELETED = "activity_deleted"
CHECK_PATHS = {
    "/v3/signin/challenge/dp": "dp",
    "/v3/signin/challenge/totp": "totp",
    "/v3/signin/challenge/recaptcha": "recaptcha",
    "/v3/signin/rejected": "rejected",
}
PWD_PATHS = ("/v3/signin/challenge/pwd", "/v3/signin/challenge/password")


def safe_continue(target: str) -> str:
    """Only a My Activity address may be where a sign-in continues to."""
    parts = urlsplit(target)
    return target if parts.scheme == "https" and parts.hostname == MYACTIVITY else HOME


class GeminiSite(Site):
    """accounts.google.com and myactivity.google.com (one Google account, one SID cookie)."""

    name = "gemini"
    hosts = (ACCOUNTS, MYACTIVITY)
    default_settings: ClassVar[Mapping[str, object]] = {KEEP: True, WEB_APP: True, AUDIO: False, DELETED: False}
    faults = COMMON_FAULTS | {
        "2sv",
        "blocked",
        "captcha",
        "expired-session",
        "old-wording",
        "workspace",
        "auto-delete-switch",
        "menu-dialog",
        "pwd-path",
        "password-error",
    }
    session_cookie = SESSION_COOKIE

    def handle(self, request: Request) -> Response:
        """Dispatch on the host."""
        if request.host == ACCOUNTS:
            return self._accounts(request)
        return self._myactivity(request)

    # -- accounts.google.com -----------------------------------------------------------------

    def _accounts(self, request: Request) -> Response:
        """The sign-in steps and the pages that want the person."""
        path = request.path.rstrip("/") or "/"
        post = request.method == "POST"
        cont = safe_continue(request.query.get("continue", "") or request.form.get("continue", ""))
        if path in ("/", "/ServiceLogin", "/signin", "/AccountChooser", "/InteractiveLogin"):
            return Response.redirect(
                f"/v3/signin/identifier?{urlencode({'continue': cont, 'flowName': 'GlifWebSignIn'})}"
            )
        if path == "/v3/signin/identifier":
            if post:
                return self._identifier(request, cont)
            if self.account_of(request) is not None:
                return Response.redirect(cont, 302)
            return Response.html(pages.identifier_page(self.state.issue(FORM, "-", cont=cont), cont))
        pending = self.state.lookup(PENDING, request.cookies.get(PENDING_COOKIE))
        if path == "/v3/signin/challenge/dp/poll":
            return self._poll(pending)
        if pending is None and (path in PWD_PATHS or path in CHECK_PATHS):
            return Response.redirect(f"/v3/signin/identifier?{urlencode({'continue': cont})}")
        if path in PWD_PATHS and pending is not None:
            return self._password(request, pending) if post else self._password_page(pending)
        if path in CHECK_PATHS and pending is not None:
            if post:
                self.state.count(pending["account"], CHALLENGE_CLICKS)
                return Response.redirect(path)
            return Response.html(pages.check_page(CHECK_PATHS[path], path, self.state.issue(FORM, pending["account"])))
        return Response.html(pages.google_page("Error 404 (Not Found)", "<h1>404.</h1><p>That's an error.</p>"), 404)

    def _pending(self, account: str, cont: str, path: str) -> Response:
        """Go on to a later sign-in step, remembering whose sign-in it is."""
        token = self.state.issue(PENDING, account, cont=cont)
        response = Response.redirect(path)
        response.set_cookies.append(f"{PENDING_COOKIE}={token}; Secure; HttpOnly; Path=/; SameSite=Lax")
        return response

    def _identifier(self, request: Request, cont: str) -> Response:
        """POST of step 1: blocked, a captcha, an unknown account, or on to the password."""
        form = request.form
        email = form.get("identifier", "").strip()
        if self.state.lookup(FORM, form.get("TL")) is None:
            return Response.redirect(f"/v3/signin/identifier?{urlencode({'continue': cont})}")
        if self.state.fault("blocked", email):
            return self._pending(email, cont, "/v3/signin/rejected")
        if self.state.fault("captcha", email):
            return self._pending(email, cont, "/v3/signin/challenge/recaptcha")
        if not self.state.has_account(email):
            token = self.state.issue(FORM, "-", cont=cont)
            error = "Couldn't find your Google Account"
            return Response.html(pages.identifier_page(token, cont, error=error, value=email))
        return self._pending(email, cont, PWD_PATHS[1] if self.state.fault("pwd-path", email) else PWD_PATHS[0])

    def _password_page(self, pending: dict[str, str], *, error: bool = False) -> Response:
        """Step 2, for the account named in step 1."""
        account = pending["account"]
        token = self.state.issue(FORM, account)
        action = PWD_PATHS[1] if self.state.fault("pwd-path", account) else PWD_PATHS[0]
        wording = self.state.fault("password-error", account)
        text = (
            wording if isinstance(wording, str) else "Wrong password. Try again or click Forgot password to reset it."
        )
        return Response.html(pages.password_page(token, account, error=text if error else "", action=action))

    def _password(self, request: Request, pending: dict[str, str]) -> Response:
        """POST of step 2: wrong password, 2-Step Verification, or signed in."""
        account = pending["account"]
        self.state.count(account, PASSWORD_SUBMISSIONS)
        if not self.state.password_matches(account, request.form.get("Passwd", "")):
            return self._password_page(pending, error=True)
        second = self.state.fault("2sv", account)
        if second:
            path = "/v3/signin/challenge/totp" if second == "totp" else "/v3/signin/challenge/dp"
            return self._pending(account, pending["cont"], path)
        return self._signed_in(Response.redirect(pending["cont"]), account)

    def _poll(self, pending: dict[str, str] | None) -> Response:
        """The phone prompt's poll: done once the person approved (the `2sv` fault = "approved")."""
        if pending is None:
            return Response.json({"done": False})
        if self.state.fault("2sv", pending["account"]) != "approved":
            return Response.json({"done": False})
        return self._signed_in(Response.json({"done": True, "continue": pending["cont"]}), pending["account"])

    def _signed_in(self, response: Response, account: str) -> Response:
        """Add the Google-wide session cookie."""
        token = self.state.issue(SESSION, account, at=secrets.token_urlsafe(18))
        response.set_cookies += [
            f"{SESSION_COOKIE}={token}; Domain=.google.com; Secure; HttpOnly; Path=/; SameSite=None",
            f"{PENDING_COOKIE}=; Max-Age=0; Secure; Path=/",
        ]
        return response

    # -- myactivity.google.com ---------------------------------------------------------------

    def _myactivity(self, request: Request) -> Response:
        """The Gemini Apps page and its settings endpoint; signed out goes to sign-in."""
        account = self.account_of(request)
        path = request.path.rstrip("/") or "/"
        if account is None:
            if path == STATE_PATH:
                return Response.json({"error": "unauthenticated"}, 401)
            cont = f"https://{MYACTIVITY}{path}"
            return Response.redirect(f"https://{ACCOUNTS}/ServiceLogin?{urlencode({'continue': cont})}", 302)
        self.delay(account)
        session = self.state.lookup(SESSION, request.cookies.get(SESSION_COOKIE)) or {}
        if path == PRODUCT:
            heading = "Gemini Apps Activity"
            return Response.html(pages.activity_page(session.get("at", ""), STATE_PATH, heading))
        if path == STATE_PATH:
            if request.method == "POST":
                return self._save(request, account, session.get("at", ""))
            return Response.json(self._describe(account))
        if path in ("/", "/myactivity"):
            return Response.redirect(PRODUCT, 302)
        return Response.html(pages.google_page("Not Found", "<h1>404.</h1><p>That's an error.</p>"), 404)

    def _describe(self, account: str) -> dict[str, object]:
        """The cards the page renders."""
        title = "Gemini Apps Activity" if self.state.fault("old-wording", account) else "Keep Activity"
        gemini = {
            "key": KEEP,
            "title": title,
            "on": self.state.get_setting(account, KEEP),
            "help": "Google saves your Gemini Apps chats to your Google Account and uses them to provide, "
            "develop and improve its services, including training generative AI models.",
            "managed": bool(self.state.fault("workspace", account)),
            "switchControl": bool(self.state.fault("auto-delete-switch", account)),
            "menuDialog": bool(self.state.fault("menu-dialog", account)),
            "checkbox": {
                "key": AUDIO,
                "on": self.state.get_setting(account, AUDIO),
                "label": "Improve Google services for everyone with your audio and Gemini Live recordings",
            },
        }
        web = {
            "key": WEB_APP,
            "title": "Web & App Activity",
            "on": self.state.get_setting(account, WEB_APP),
            "help": "Saves your activity on Google sites and apps, including Search and AI Mode.",
            "managed": False,
        }
        return {"sections": [{"heading": "", "cards": [gemini]}, {"heading": "Other activity", "cards": [web]}]}

    def _save(self, request: Request, account: str, at: str) -> Response:
        """POST {"key", "on", "delete"} with the page's token; turning off may delete activity."""
        if not at or not secrets.compare_digest(request.header("x-goog-at"), at):
            return Response.json({"error": "bad token"}, 403)
        body = request.json
        if not isinstance(body, dict) or body.get("key") not in (KEEP, WEB_APP, AUDIO):
            return Response.json({"error": "bad request"}, 400)
        key, on = str(body["key"]), body.get("on")
        if not isinstance(on, bool) or (key == KEEP and self.state.fault("workspace", account)):
            return Response.json({"error": "bad request"}, 400)
        if not self.save(account, key, on):
            return Response.json({"error": "Internal error"}, 500)
        if key == KEEP and body.get("delete") is True and not self.state.fault("no-persist", account):
            self.state.set_setting(account, DELETED, True)
        return Response.json({"key": key, "on": on})


SITE = GeminiSite
