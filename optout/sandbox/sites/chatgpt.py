"""ChatGPT replica: chatgpt.com's Data controls and modal, and the sign-in on auth.openai.com (platforms.md section 3).

Reference facts used: the path route /settings/data-controls and the older hash route
/#settings/DataControls; the pane's rows (Improve the model for everyone, Location, Remote
browser data, Shared links, Archived chats, Archive all, Delete all, Export data, Marketing
privacy); the row `button[data-testid="improve-model-open-modal-button"]` named "Improve the
model for everyone On|Off" opening a modal with `button[data-testid="improve-model-toggle"]`
(role=switch, aria-checked) and "Done" (Escape closes too); the modal text (medium); the test
ids accounts-profile-button and data-controls-tab; default on; the sign-in on auth.openai.com
(email, Continue, password, Continue, then back to chatgpt.com); optional TOTP; Cloudflare's
"Just a moment..." page. Guessed: every auth.openai.com path and wording, the session cookie
name, and the backend API (GET /backend-api/settings/user, PATCH .../account_user_setting).
The pane is drawn by the page's script after its state loads; the switch saves on click.

Faults (Sandbox.set_fault; per account or site-wide with account=None; those acting before
sign-in only site-wide):
  no-persist, save-500, slow   the common ones (slow: every chatgpt.com page and API call)
  cloudflare       every page of both hosts is the "Just a moment..." interstitial (403); its
                   checkbox posts a counted challenge click and is never solved
  mfa              a correct password leads to "Check your authenticator app" (TOTP)
  sso-account      after the email step, auth.openai.com sends the browser to Google's
                   sign-in (an account that signs in with Google); no password step
  expired-session  every existing session of the account stops working (new sign-ins work)
  old-route        /settings/data-controls answers 404; only /#settings/DataControls works
  no-testids       no data-testid anywhere (the flow must fall back to roles and names)
  reorder          the pane's rows in reverse order, another wrapper, and the modal's
                   "Include your audio recordings" switch drawn first
  password-button  a string: the password step's submit reads that ("Sign in", "Log in")
  mfa-tip          the signed-in app shows a banner suggesting an authenticator app (no
                   challenge: a run must go on)
  guest-settings   site-wide: a visitor who is not signed in gets the settings routes too, with
                   the guest's own "Improve the model for everyone" (platforms.md §3, logged-out
                   users) kept for all guests as account GUEST, and Log in / Sign up links
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from typing import ClassVar
from urllib.parse import urlencode

from optout.sandbox.messages import Request, Response
from optout.sandbox.site import CHALLENGE_CLICKS, COMMON_FAULTS, PASSWORD_SUBMISSIONS, Site
from optout.sandbox.sites import _chatgpt_pages as pages
from optout.sandbox.state import NO_ACCOUNT, SESSION

HOST = "chatgpt.com"
AUTH_HOST = "auth.openai.com"
SESSION_COOKIE = "__Secure-next-auth.session-token"
LOGIN_COOKIE = "oai-login-session"  # auth.openai.com's state between the two steps (guessed)
LOGIN, CODE, MFA = "login", "code", "mfa"
GUEST = "guest"  # the state every signed-out visitor shares under the guest-settings fault
GOOGLE_SIGN_IN = "https://accounts.google.com/o/oauth2/v2/auth"  # not served by this replica
TABS = ("general", "notifications", "personalization", "connectors", "data-controls", "security", "account")
FEATURES = ("training_allowed", "remote_browser_data", "location", "audio_recordings", "memory")


class ChatGPTSite(Site):
    """chatgpt.com and auth.openai.com."""

    name = "chatgpt"
    hosts = (HOST, AUTH_HOST)
    default_settings: ClassVar[Mapping[str, object]] = {
        "training_allowed": True,
        "remote_browser_data": True,
        "location": False,
        "audio_recordings": True,
        "memory": True,
    }
    faults = COMMON_FAULTS | {
        "cloudflare",
        "mfa",
        "sso-account",
        "expired-session",
        "old-route",
        "no-testids",
        "reorder",
        "password-button",
        "mfa-tip",
        "guest-settings",
    }
    session_cookie = SESSION_COOKIE

    def handle(self, request: Request) -> Response:
        """Cloudflare first (when on), then the host's routes."""
        account = self.account_of(request)
        path = request.path.rstrip("/") or "/"
        if path == "/cdn-cgi/challenge-platform/h/b/flow" and request.method == "POST":
            self.state.count(account or NO_ACCOUNT, CHALLENGE_CLICKS)
            back = request.form.get("back", "/")
            return Response.redirect(back if back.startswith("/") and not back.startswith("//") else "/")
        if self.state.fault("cloudflare", account) and not path.startswith("/backend-api/"):
            return Response.html(pages.cloudflare_page(request.host, request.path), 403)
        if request.host == AUTH_HOST:
            return self._auth(request, path)
        return self._app(request, path, account)

    # -- auth.openai.com ---------------------------------------------------------------------

    def _auth(self, request: Request, path: str) -> Response:
        """The two-step sign-in, the TOTP page, and the way back to chatgpt.com."""
        post = request.method == "POST"
        if path == "/log-in" and not post:
            return Response.html(pages.email_step())
        if path == "/log-in" and post:
            email = request.form.get("email", "").strip()
            if not email:
                return Response.html(pages.email_step("Email is required."))
            if self.state.fault("sso-account", email):
                return Response.redirect(f"{GOOGLE_SIGN_IN}?{urlencode({'login_hint': email})}", 302)
            response = Response.redirect("/log-in/password")
            token = self.state.issue(LOGIN, email)
            response.set_cookies.append(f"{LOGIN_COOKIE}={token}; Secure; HttpOnly; Path=/; SameSite=Lax")
            return response
        if path == "/log-in/password":
            pending = self.state.lookup(LOGIN, request.cookies.get(LOGIN_COOKIE))
            if pending is None:
                return Response.redirect("/log-in")
            email = pending["account"]
            if not post:
                return Response.html(pages.password_step(email, button=self._button()))
            return self._password(request, email)
        if path.startswith("/mfa-challenge/"):
            challenge = self.state.lookup(MFA, path.removeprefix("/mfa-challenge/"))
            if challenge is None:
                return Response.redirect("/log-in")
            if post:
                self.state.count(challenge["account"], CHALLENGE_CLICKS)
            return Response.html(pages.mfa_page(path.removeprefix("/mfa-challenge/")))
        return Response.html(pages.not_found(), 404)

    def _password(self, request: Request, email: str) -> Response:
        """The password's POST: error, TOTP, or a code for chatgpt.com's callback."""
        self.state.count(email, PASSWORD_SUBMISSIONS)
        if not self.state.password_matches(email, request.form.get("password", "")):
            return Response.html(pages.password_step(email, error=True, button=self._button()))
        if self.state.fault("mfa", email):
            return Response.redirect(f"/mfa-challenge/{self.state.issue(MFA, email)}")
        code = self.state.issue(CODE, email)
        query = urlencode({"code": code, "state": secrets.token_urlsafe(12)})
        return Response.redirect(f"https://{HOST}/api/auth/callback/openai?{query}", 302)

    # -- chatgpt.com -------------------------------------------------------------------------

    def _app(self, request: Request, path: str, account: str | None) -> Response:
        """The chat app, its settings routes, the sign-in landing and the backend API."""
        guest = account is None and bool(self.state.fault("guest-settings")) and path != "/"
        if guest:
            if not self.state.has_account(GUEST):
                self.state.add_account(GUEST, secrets.token_hex(16))
            account = GUEST
        if path == "/api/auth/callback/openai":
            return self._callback(request)
        if path == "/auth/login":
            return Response.redirect("/") if account else Response.html(pages.landing_login())
        if path.startswith("/backend-api/"):
            if account is None:
                return Response.json({"detail": "Unauthorized"}, 401)
            self.delay(account)
            return self._api(request, path, account)
        if path == "/" or path.startswith("/settings"):
            if account is None:
                if path == "/":
                    return Response.html(pages.guest_home())
                return Response.redirect("/auth/login?" + urlencode({"next": path}))
            self.delay(account)
            tab = None
            if path.startswith("/settings"):
                tab = path.removeprefix("/settings").strip("/") or "general"
                if tab not in TABS or (tab == "data-controls" and self._old(account)):
                    return Response.html(pages.not_found(), 404)
            testids = not self.state.fault("no-testids", account)
            reorder = bool(self.state.fault("reorder", account))
            tip = bool(self.state.fault("mfa-tip", account))
            shell = pages.app_shell(account, tab, testids=testids, reorder=reorder, tip=tip, guest=guest)
            return Response.html(shell)
        return Response.html(pages.not_found(), 404)

    def _button(self) -> str:
        """The password step's submit wording."""
        wording = self.state.fault("password-button")
        return wording if isinstance(wording, str) else "Continue"

    def _old(self, account: str) -> bool:
        """Whether only the older hash route serves the Data controls pane."""
        return bool(self.state.fault("old-route", account))

    def _callback(self, request: Request) -> Response:
        """Trade auth.openai.com's one-time code for a chatgpt.com session."""
        code = request.query.get("code", "")
        granted = self.state.lookup(CODE, code)
        if granted is None:
            return Response.redirect("/auth/login")
        self.state.drop_tokens(CODE, granted["account"])
        response = Response.redirect("/")
        token = self.state.issue(SESSION, granted["account"])
        response.set_cookies.append(f"{SESSION_COOKIE}={token}; Secure; HttpOnly; Path=/; SameSite=Lax")
        return response

    def _api(self, request: Request, path: str, account: str) -> Response:
        """GET the user's settings; PATCH one feature (?feature=...&value=true|false)."""
        if path == "/backend-api/settings/user" and request.method == "GET":
            return Response.json({f: bool(self.state.get_setting(account, f)) for f in FEATURES})
        if path == "/backend-api/settings/account_user_setting" and request.method == "PATCH":
            feature, value = request.query.get("feature", ""), request.query.get("value", "")
            if feature not in FEATURES or value not in ("true", "false"):
                return Response.json({"detail": "bad feature or value"}, 400)
            if not self.save(account, feature, value == "true"):
                return Response.json({"detail": "Internal Server Error"}, 500)
            return Response.json({"feature": feature, "value": value == "true"})
        return Response.json({"detail": "Not Found"}, 404)


SITE = ChatGPTSite
