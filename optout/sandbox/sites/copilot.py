"""Microsoft Copilot replica: copilot.microsoft.com's Privacy pane and the login.live.com sign-in.

Reference facts used (platforms.md §6, platforms-addendum.md §11): the toggles "Model training on
text" and "Model training on voice", on by default, on the Privacy pane beside "Personalization
and memory", "Ad personalization" and "Export or delete history"; EEA accounts excluded; sign-in
on login.live.com, identifier first: newer UI `#usernameEntry` / `#passwordEntry` with
`button[data-testid="primaryButton"]` ("Next", "Sign in"), older UI `input[name="loginfmt"]`
(`#i0116`), `input[name="passwd"]` (`#i0118`), `#idSIButton9`; "Stay signed in?" with
`#idSIButton9` Yes / `#idBtn_Back` No / `DontShowAgain` (newer: test ids `checkboxField`,
`textButtonContainer`); the emailed verification-code page (`input[name="otc"]`).
Invented (the reference has no URL or markup): the pane's URL /settings/privacy, the redirect of
signed-out visits through /oauth20_authorize.srf, every path on login.live.com but login.srf,
the APIs, the cookies, all wordings not quoted above, and the toggles' markup (Fluent-like native
`input role=switch` with a label for text, `button role=switch` for voice, mixed for the rest).
The rows come in a random order on each load. A sign-in without a return address lands on
account.microsoft.com.

Faults (Sandbox.set_fault; per account, or site-wide with account=None; `old-ui` acts before the
account is known, so only site-wide):
  no-persist, save-500, slow   the common ones (slow: every copilot.microsoft.com answer)
  code             a correct password leads to "Enter code" (its "Sign in" is counted); value
                   "check-email" ("Check your email", "We sent a verification code") or
                   "authenticator" ("Approve sign in request") words it otherwise
  expired-session  every existing session (live and Copilot) of the account stops working
  old-ui           the older login.live.com pages (loginfmt, passwd, #idSIButton9, #idBtn_Back)
  pane-at-settings the Privacy pane is served at /settings; /settings/privacy is 404
  absent           an EEA account: "Model training isn't available in your region." and no
                   model-training toggles (value "these-settings": "These settings aren't
                   available in your region.")
  unnamed-toggles  the toggles have no accessible name; their labels are plain text in the row
  confirm-off      turning a model-training toggle off opens a dialog, and nothing is sent
                   until its "Turn off" (Cancel turns it back on)
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar
from urllib.parse import urlencode, urlsplit

from optout.sandbox.messages import Request, Response
from optout.sandbox.site import CHALLENGE_CLICKS, COMMON_FAULTS, PASSWORD_SUBMISSIONS, Site
from optout.sandbox.sites import _copilot_pages as pages
from optout.sandbox.state import SESSION

COPILOT_HOST = "copilot.microsoft.com"
LIVE_HOST = "login.live.com"
ACCOUNT_HOST = "account.microsoft.com"
COPILOT = f"https://{COPILOT_HOST}"
LIVE = f"https://{LIVE_HOST}"
LIVE_COOKIE = "__Host-MSAAUTH"
COPILOT_COOKIE = "__Host-copilot-session"
PENDING = "pending"  # a password accepted, waiting for the "Stay signed in?" answer
CODE = "code"  # an authorization code from login.live.com to Copilot
OTC = "otc"  # a verification-code challenge
TEXT, VOICE, MEMORY, ADS = "modelTrainingText", "modelTrainingVoice", "personalization", "adPersonalization"
ROWS = (
    (
        TEXT,
        "Model training on text",
        "native",
        "Allow Microsoft to use your conversations with Copilot to train its AI.",
    ),
    (VOICE, "Model training on voice", "aria", "Allow Microsoft to use your voice conversations to train its AI."),
    (MEMORY, "Personalization and memory", "aria", "Copilot remembers details to personalize its responses."),
    (ADS, "Ad personalization", "native", "See ads based on your conversations and interests."),
)
ABSENT_TEXT = "Model training isn't available in your region. Your conversations are not used to train our models."
ABSENT_SETTINGS = "These settings aren't available in your region."
WRONG_PASSWORD = "Your account or password is incorrect. If you don't remember your password, reset it now."


def safe_target(target: str) -> str:
    """Keep a return address only on the replica's own https hosts."""
    parts = urlsplit(target)
    if (
        parts.scheme == "https"
        and parts.hostname in (COPILOT_HOST, LIVE_HOST, ACCOUNT_HOST)
        and "@" not in parts.netloc
    ):
        return target
    return f"https://{ACCOUNT_HOST}/"


class CopilotSite(Site):
    """copilot.microsoft.com, login.live.com and (a landing page only) account.microsoft.com."""

    name = "copilot"
    hosts = (COPILOT_HOST, LIVE_HOST, ACCOUNT_HOST)
    default_settings: ClassVar[Mapping[str, object]] = {TEXT: True, VOICE: True, MEMORY: True, ADS: True}
    faults = COMMON_FAULTS | {
        "code",
        "expired-session",
        "old-ui",
        "absent",
        "pane-at-settings",
        "unnamed-toggles",
        "confirm-off",
    }

    def account_of(self, request: Request) -> str | None:
        """The account of the session cookie that the request's host uses."""
        cookie = COPILOT_COOKIE if request.host == COPILOT_HOST else LIVE_COOKIE
        session = self.state.lookup(SESSION, request.cookies.get(cookie))
        return session["account"] if session else None

    def handle(self, request: Request) -> Response:
        """Route by host."""
        if request.host == LIVE_HOST:
            return self._live(request)
        if request.host == ACCOUNT_HOST:
            # Only a landing page: its own sign-in is not modelled (live's cookie is host-only).
            return Response.html(pages.account_home())
        return self._copilot(request)

    # -- login.live.com ------------------------------------------------------------------------

    def _live(self, request: Request) -> Response:
        """Sign-in pages, the credential-type check, the password and "Stay signed in?" posts."""
        path = request.path
        old = bool(self.state.fault("old-ui"))
        if path == "/oauth20_authorize.srf":
            here = f"{LIVE}/oauth20_authorize.srf?{urlencode(request.query)}"
            account = self.account_of(request)
            if account is None:
                return self._signin_page(here, old)
            code = self.state.issue(CODE, account)
            state = request.query.get("state", "/")
            return Response.redirect(f"{COPILOT}/auth/callback?{urlencode({'code': code, 'state': state})}", 302)
        if path == "/login.srf" and request.method == "GET":
            target = safe_target(request.query.get("wreply", ""))
            if self.account_of(request) is not None:
                return Response.redirect(target, 302)
            return self._signin_page(target, old)
        if path == "/login.srf" and request.method == "POST":  # the older UI's email step
            form = request.form
            target = safe_target(form.get("wreply", ""))
            username = form.get("loginfmt", "").strip()
            if not self.state.has_account(username):
                return Response.html(pages.old_email_page(target, error="That Microsoft account doesn't exist."))
            return Response.html(pages.old_password_page(target, username))
        if path == "/GetCredentialType.srf" and request.method == "POST":
            body = request.json
            username = str(body.get("username", "")).strip() if isinstance(body, dict) else ""
            return Response.json({"IfExistsResult": 0 if self.state.has_account(username) else 1})
        if path == "/ppsecure/post.srf" and request.method == "POST":
            return self._password(request, old)
        if path == "/kmsi.srf" and request.method == "POST":
            pending = self.state.lookup(PENDING, request.form.get("ticket"))
            if pending is None:
                return Response.redirect(f"{LIVE}/login.srf", 302)
            self.state.drop_tokens(PENDING, pending["account"])
            response = Response.redirect(safe_target(pending["target"]), 302)
            session = self.state.issue(SESSION, pending["account"])
            lasting = "; Max-Age=7776000" if request.form.get("kmsi") == "true" else ""
            response.set_cookies.append(f"{LIVE_COOKIE}={session}; Path=/; Secure; HttpOnly; SameSite=None{lasting}")
            return response
        if path == "/ppsecure/otc.srf" and request.method == "POST":
            found = self.state.lookup(OTC, request.form.get("ticket"))
            if found is not None:
                self.state.count(found["account"], CHALLENGE_CLICKS)
                return Response.html(pages.code_page(request.form.get("ticket", ""), found["account"]))
            return Response.redirect(f"{LIVE}/login.srf", 302)
        return Response.html(pages.not_found("Microsoft account"), 404)

    def _signin_page(self, target: str, old: bool) -> Response:
        """The first sign-in page, in the newer or the older UI."""
        return Response.html(pages.old_email_page(target) if old else pages.signin_page(target))

    def _password(self, request: Request, old: bool) -> Response:
        """The password post: the form again with an error, the code page, or "Stay signed in?"."""
        form = request.form
        username = form.get("login", "").strip()
        target = safe_target(form.get("wreply", ""))
        if username:
            self.state.count(username, PASSWORD_SUBMISSIONS)
        if not self.state.password_matches(username, form.get("passwd", "")):
            if old:
                return Response.html(pages.old_password_page(target, username, error=WRONG_PASSWORD))
            return Response.html(pages.signin_page(target, username=username, error=WRONG_PASSWORD))
        if self.state.fault("code", username):
            kind = self.state.fault("code", username)
            return Response.html(pages.code_page(self.state.issue(OTC, username), username, kind))
        return Response.html(pages.kmsi_page(self.state.issue(PENDING, username, target=target), old=old))

    # -- copilot.microsoft.com -----------------------------------------------------------------

    def _copilot(self, request: Request) -> Response:
        """Home, the OAuth callback, the settings pages and the settings API."""
        path = request.path.rstrip("/") or "/"
        if path == "/auth/callback":
            code = self.state.lookup(CODE, request.query.get("code"))
            if code is None:
                return Response.redirect("/", 302)
            self.state.drop_tokens(CODE, code["account"])
            state = request.query.get("state", "/")
            response = Response.redirect(state if state.startswith("/") and not state.startswith("//") else "/", 302)
            session = self.state.issue(SESSION, code["account"])
            response.set_cookies.append(f"{COPILOT_COOKIE}={session}; Path=/; Secure; HttpOnly; SameSite=Lax")
            return response
        account = self.account_of(request)
        if path == "/":
            return Response.html(pages.copilot_home(account))
        if account is None:
            if path.startswith("/api/"):
                return Response.json({"error": "unauthorized"}, 401)
            query = urlencode(
                {
                    "client_id": "copilot",
                    "response_type": "code",
                    "redirect_uri": f"{COPILOT}/auth/callback",
                    "state": path,
                }
            )
            return Response.redirect(f"{LIVE}/oauth20_authorize.srf?{query}", 302)
        self.delay(account)
        pane = "/settings" if self.state.fault("pane-at-settings", account) else "/settings/privacy"
        if path == pane:
            unnamed = bool(self.state.fault("unnamed-toggles", account))
            confirm = bool(self.state.fault("confirm-off", account))
            return Response.html(pages.privacy_page(account, unnamed=unnamed, confirm=confirm))
        if path == "/api/user/settings":
            return self._api(request, account)
        return Response.html(pages.not_found("Microsoft Copilot"), 404)

    def _api(self, request: Request, account: str) -> Response:
        """GET the pane's rows; PATCH {key: bool} changes one toggle."""
        eea = bool(self.state.fault("absent", account))
        if request.method == "GET":
            rows = [r for r in ROWS if not (eea and r[0] in (TEXT, VOICE))]
            items = [
                {
                    "key": key,
                    "label": label,
                    "kind": kind,
                    "hint": hint,
                    "value": bool(self.state.get_setting(account, key)),
                }
                for key, label, kind, hint in rows
            ]
            wording = ABSENT_SETTINGS if self.state.fault("absent", account) == "these-settings" else ABSENT_TEXT
            return Response.json({"items": items, "notice": wording if eea else ""})
        body = request.json
        if request.method != "PATCH" or not isinstance(body, dict) or len(body) != 1:
            return Response.json({"error": "bad request"}, 400)
        [(key, value)] = body.items()
        if key not in self.default_settings or not isinstance(value, bool) or (eea and key in (TEXT, VOICE)):
            return Response.json({"error": "bad request"}, 400)
        if not self.save(account, key, value):
            return Response.json({"error": "Internal Server Error"}, 500)
        return Response.json({key: value})


SITE = CopilotSite
