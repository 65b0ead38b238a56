"""Adobe replica: account.adobe.com's privacy page, the IMS hop and the auth.services.adobe.com sign-in.

Reference facts used (platforms.md §15, platforms-addendum.md §10): the page
`https://account.adobe.com/privacy` ("Privacy and personal data"), the toggles "Content analysis"
(its policy text quoted) and "Desktop app usage", autosave ("Your changes are automatically
saved"), default on, personal accounts only; sign-in by redirect to auth.services.adobe.com with
`#EmailPage-EmailField`, `button[data-id="EmailPage-ContinueButton"]` ("Continue"),
`#PasswordPage-PasswordField`, `button[data-id="PasswordPage-ContinueButton"]` (inferred),
`label[data-id="PasswordPage-PasswordField-Error"]` ("Incorrect password. Try again.", inferred),
and the "Verify your identity" email-code page; Continue with Google, Facebook or Apple.
Invented: the IMS host ims-na1.adobelogin.com and its paths (a redirect hop holding the Adobe ID
session, as Adobe's IMS does), the cookies, the APIs, and the React Spectrum-like toggle markup
(a native checkbox with role=switch, named by its section heading). The two sections are
rendered in a random order on each load.

Faults (Sandbox.set_fault; per account, or site-wide with account=None):
  no-persist, save-500, slow   the common ones (slow: every account.adobe.com answer)
  verify-identity  a correct password leads to "Verify your identity" (its Continue is counted)
  expired-session  every existing session (account site and IMS) of the account stops working
  label-2024       the 2024 wording: "Data and privacy settings", "Content analysis for product
                   improvement"
  absent           a business account: "Content analysis isn't available for business accounts."
                   (value "personal-only": "Content analysis is only available for personal accounts.")
  state-named      each switch is named only by its "On"/"Off" text, not by its section heading
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar
from urllib.parse import urlencode, urlsplit

from optout.sandbox.messages import Request, Response
from optout.sandbox.site import CHALLENGE_CLICKS, COMMON_FAULTS, PASSWORD_SUBMISSIONS, Site
from optout.sandbox.sites import _adobe_pages as pages
from optout.sandbox.state import SESSION

ACCOUNT_HOST = "account.adobe.com"
AUTH_HOST = "auth.services.adobe.com"
IMS_HOST = "ims-na1.adobelogin.com"
ACCOUNT_COOKIE = "aac_sid"
IMS_COOKIE = "ims_sid"
CODE = "code"  # one-time code from IMS to the account site
TICKET = "ticket"  # sign-in ticket from the auth app to IMS
CHALLENGE = "challenge"
CONTENT = "content_analysis"
USAGE = "desktop_app_usage"
CONTENT_TEXT = (
    "Adobe may analyze your content using techniques such as machine learning (e.g., for pattern "
    "recognition) to develop and improve our products and services. If you prefer that Adobe not "
    "analyze your files to develop and improve our products and services, you can opt out of content "
    "analysis at any time. This setting does not apply in certain limited circumstances."
)
USAGE_TEXT = (
    "Adobe desktop apps may send information about how you use them, such as the features you use "
    "and how they perform, to help us improve them."
)
ABSENT_TEXT = "Content analysis isn't available for business accounts. Your organization manages how content is used."
ABSENT_PERSONAL = "Content analysis is only available for personal accounts."


def account_return(target: str) -> str:
    """Keep a return address only when it is an https URL on account.adobe.com."""
    parts = urlsplit(target)
    if parts.scheme == "https" and parts.hostname == ACCOUNT_HOST and "@" not in parts.netloc:
        return target
    return f"https://{ACCOUNT_HOST}/"


class AdobeSite(Site):
    """account.adobe.com, ims-na1.adobelogin.com and auth.services.adobe.com."""

    name = "adobe"
    hosts = (ACCOUNT_HOST, AUTH_HOST, IMS_HOST)
    default_settings: ClassVar[Mapping[str, object]] = {CONTENT: True, USAGE: True}
    faults = COMMON_FAULTS | {"verify-identity", "expired-session", "label-2024", "absent", "state-named"}

    def account_of(self, request: Request) -> str | None:
        """The account of the session cookie that the request's host uses."""
        cookie = IMS_COOKIE if request.host == IMS_HOST else ACCOUNT_COOKIE
        session = self.state.lookup(SESSION, request.cookies.get(cookie))
        return session["account"] if session else None

    def handle(self, request: Request) -> Response:
        """Route by host."""
        if request.host == AUTH_HOST:
            return self._auth(request)
        if request.host == IMS_HOST:
            return self._ims(request)
        return self._account(request)

    # -- IMS: the Adobe ID session, shared by Adobe's sites ------------------------------------

    def _ims(self, request: Request) -> Response:
        """/ims/authorize/v2 hands a code back (or sends to sign-in); /ims/adobeid/complete starts
        the session from an auth ticket."""
        path = request.path
        if path == "/ims/authorize/v2":
            back = account_return(request.query.get("redirect_uri", ""))
            account = self.account_of(request)
            if account is None:
                here = f"https://{IMS_HOST}/ims/authorize/v2?{urlencode({'redirect_uri': back})}"
                query = urlencode({"callback": here, "client_id": "AdobeID_v2", "locale": "en_US"})
                return Response.redirect(f"https://{AUTH_HOST}/en_US/index.html?{query}#/", 302)
            code = self.state.issue(CODE, account)
            return Response.redirect(
                f"https://{ACCOUNT_HOST}/ims-callback?{urlencode({'code': code, 'to': back})}", 302
            )
        if path == "/ims/adobeid/complete":
            ticket = self.state.lookup(TICKET, request.query.get("ticket"))
            if ticket is None:
                return Response.text("invalid ticket", 400)
            self.state.drop_tokens(TICKET, ticket["account"])
            response = Response.redirect(ticket["callback"], 302)
            session = self.state.issue(SESSION, ticket["account"])
            response.set_cookies.append(f"{IMS_COOKIE}={session}; Path=/; Secure; HttpOnly; SameSite=None")
            return response
        return Response.text("not found", 404)

    # -- auth.services.adobe.com: the sign-in app ---------------------------------------------

    def _auth(self, request: Request) -> Response:
        """The app page and its three JSON endpoints."""
        path = request.path
        if path in ("/en_US/index.html", "/en_US/deeplink.html") and request.method == "GET":
            callback = request.query.get("callback", "")
            if urlsplit(callback).hostname != IMS_HOST:
                callback = f"https://{IMS_HOST}/ims/authorize/v2?{urlencode({'redirect_uri': account_return('')})}"
            return Response.html(pages.auth_page(callback))
        if request.method != "POST" or not isinstance(request.json, dict):
            return Response.json({"error": "not found"}, 404)
        body: dict[str, object] = request.json
        username = str(body.get("username", "")).strip()
        if path == "/signin/v2/users/accounts":
            return Response.json({"exists": self.state.has_account(username)})
        if path == "/signin/v2/tokens":
            return self._password(username, str(body.get("password", "")), str(body.get("callback", "")))
        if path == "/signin/v2/challenges":
            found = self.state.lookup(CHALLENGE, str(body.get("ticket", "")))
            if found is not None:
                self.state.count(found["account"], CHALLENGE_CLICKS)
            return Response.json({"error": "invalid code"}, 400)
        return Response.json({"error": "not found"}, 404)

    def _password(self, username: str, password: str, callback: str) -> Response:
        """The password step: 401, a challenge, or the IMS address that completes the sign-in."""
        if username:
            self.state.count(username, PASSWORD_SUBMISSIONS)
        if not self.state.password_matches(username, password):
            return Response.json({"error": "incorrect_password"}, 401)
        if self.state.fault("verify-identity", username):
            return Response.json({"challenge": self.state.issue(CHALLENGE, username)})
        if urlsplit(callback).hostname != IMS_HOST:
            callback = f"https://{IMS_HOST}/ims/authorize/v2?{urlencode({'redirect_uri': account_return('')})}"
        ticket = self.state.issue(TICKET, username, callback=callback)
        return Response.json({"redirect": f"https://{IMS_HOST}/ims/adobeid/complete?{urlencode({'ticket': ticket})}"})

    # -- account.adobe.com ---------------------------------------------------------------------

    def _account(self, request: Request) -> Response:
        """Pages and the privacy API; without a session, off to IMS."""
        path = request.path.rstrip("/") or "/"
        if path == "/ims-callback":
            code = self.state.lookup(CODE, request.query.get("code"))
            if code is None:
                return Response.redirect("/", 302)
            self.state.drop_tokens(CODE, code["account"])
            response = Response.redirect(account_return(request.query.get("to", "")), 302)
            session = self.state.issue(SESSION, code["account"])
            response.set_cookies.append(f"{ACCOUNT_COOKIE}={session}; Path=/; Secure; HttpOnly; SameSite=Lax")
            return response
        account = self.account_of(request)
        if account is None:
            if path.startswith("/api/"):
                return Response.json({"error": "unauthorized"}, 401)
            back = f"https://{ACCOUNT_HOST}{request.path}"
            return Response.redirect(f"https://{IMS_HOST}/ims/authorize/v2?{urlencode({'redirect_uri': back})}", 302)
        self.delay(account)
        if path == "/":
            return Response.html(pages.overview_page(account))
        if path == "/privacy":
            heading = (
                "Data and privacy settings" if self.state.fault("label-2024", account) else "Privacy and personal data"
            )
            state_named = bool(self.state.fault("state-named", account))
            return Response.html(pages.privacy_page(account, heading, state_named=state_named))
        if path.startswith("/api/privacy"):
            return self._api(request, path.removeprefix("/api/privacy").strip("/"), account)
        return Response.html(pages.not_found_page(), 404)

    def _api(self, request: Request, key: str, account: str) -> Response:
        """GET /api/privacy lists the toggles; PATCH /api/privacy/<key> {"enabled": bool} autosaves one."""
        business = bool(self.state.fault("absent", account))
        if request.method == "GET" and not key:
            return Response.json(self._describe(account, business))
        if request.method != "PATCH" or key not in self.default_settings or (business and key == CONTENT):
            return Response.json({"error": "not allowed"}, 405)
        body = request.json
        enabled = body.get("enabled") if isinstance(body, dict) else None
        if not isinstance(enabled, bool):
            return Response.json({"error": "enabled must be true or false"}, 400)
        if not self.save(account, key, enabled):
            return Response.json({"error": "Internal Server Error"}, 500)
        return Response.json({"key": key, "enabled": enabled})

    def _describe(self, account: str, business: bool) -> dict[str, object]:
        """The toggles the privacy page renders (and, for a business account, its notice)."""
        title = (
            "Content analysis for product improvement"
            if self.state.fault("label-2024", account)
            else "Content analysis"
        )
        get = self.state.get_setting
        items: list[dict[str, object]] = [
            {"key": USAGE, "title": "Desktop app usage", "description": USAGE_TEXT, "value": bool(get(account, USAGE))}
        ]
        if not business:
            content = {
                "key": CONTENT,
                "title": title,
                "description": CONTENT_TEXT,
                "value": bool(get(account, CONTENT)),
            }
            items.insert(0, content)
        wording = ABSENT_PERSONAL if self.state.fault("absent", account) == "personal-only" else ABSENT_TEXT
        return {"items": items, "notice": wording if business else ""}


SITE = AdobeSite
