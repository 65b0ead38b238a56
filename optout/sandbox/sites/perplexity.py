"""Perplexity replica: email-code sign-in (no password), cookie banner, and Settings > Preferences.

Reference facts used (platforms.md §18, platforms-addendum.md §8, platforms.json Perplexity): the
sign-in on https://www.perplexity.ai/ (cookie banner "Accept All Cookies"; `input[type=email]`
and "Continue with email"; a page whose input's placeholder is "Enter Code"; then the app with
`#ask-input`); Google and Apple sign-in; no password field anywhere; account settings at
/account/details with the menu Account, Preferences, Personalization, ...; "AI data retention"
(older name "AI Data Usage") on Preferences, on by default, with the help-center description.
Guessed: the Preferences path (/settings/preferences per the catalog's "likely", or the guess
/account/preferences, see the `preferences-path` fault), the NextAuth-style /api/auth paths and
/auth/signin, /auth/verify-request pages, the session cookie, the Radix-style
`button[role=switch]` named by a `<label for>`, and the bystander rows.

Faults (Sandbox.set_fault; per account, or site-wide with account=None):
  no-persist, save-500, slow   the common ones (slow: settings pages and their requests wait)
  person-signs-in  site-wide, value = an account id: the sign-in pages carry a script that plays
                   the person at the window: it types that email, then the code "they got by
                   email" (the tests' stand-in for an inbox); nothing else can know the code
  expired-session  every existing session of the account stops working
  old-label        the row is labelled "AI Data Usage" (its older name)
  preferences-path "account" serves Preferences at /account/preferences instead, "both" at both
  in-place         site-wide: the code is asked for in the sign-in dialog and the app replaces it,
                   with no page load (as a single-page app does); and the person is slow: the
                   mail with the code arrives only after a signed-out visit to a members' page
                   (optout's first check that the sign-in is done)
  cookie-banner    site-wide: a bottom bar with "Accept All Cookies" until accepted (accepting
                   is a POST, counted as a write: optout must never accept)
"""

from __future__ import annotations

import hmac
import secrets
import threading
from collections.abc import Mapping
from typing import ClassVar
from urllib.parse import quote, urlencode

from optout.sandbox.html import inject_before_body_end
from optout.sandbox.messages import Request, Response
from optout.sandbox.site import COMMON_FAULTS, PASSWORD_SUBMISSIONS, WRITES, Site
from optout.sandbox.sites import _perplexity_pages as pages
from optout.sandbox.state import SESSION

HOST = "www.perplexity.ai"
ORIGIN = f"https://{HOST}"
SESSION_COOKIE = "__Secure-next-auth.session-token"
CONSENT_COOKIE = "pplx_cookie_consent"
EMAIL_CODE = "email-code"
RETENTION = "ai_data_retention"
LABELS = {"current": "AI data retention", "old": "AI Data Usage"}
DESCRIPTION = "Control whether your data is retained."
BYSTANDERS = {"autosuggest": "Autosuggest", "homepage_widgets": "Homepage widgets"}
PREFERENCES = {"settings": "/settings/preferences", "account": "/account/preferences"}
MAIL_DELAY_LIMIT = 30.0  # seconds the in-place mail waits at most for optout's first check
OTHER_PAGES = ("/account/personalize", "/account/assistant", "/account/notifications", "/account/usage")


def safe_callback(target: str) -> str:
    """Keep a callback only when it is a path on this site."""
    if target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return "/"


class PerplexitySite(Site):
    """www.perplexity.ai (perplexity.ai redirects there)."""

    name = "perplexity"
    hosts = (HOST, "perplexity.ai")
    default_settings: ClassVar[Mapping[str, object]] = {RETENTION: True, "autosuggest": True, "homepage_widgets": True}
    faults = COMMON_FAULTS | {
        "person-signs-in",
        "in-place",
        "expired-session",
        "old-label",
        "preferences-path",
        "cookie-banner",
    }
    session_cookie = SESSION_COOKIE

    def handle(self, request: Request) -> Response:
        """Redirect the bare domain, route, and add the cookie banner when that fault is on."""
        if request.host != HOST:
            query = f"?{urlencode(request.query)}" if request.query else ""
            return Response.redirect(f"{ORIGIN}{request.path}{query}", 301)
        account = self.account_of(request)
        response = self._route(request, account)
        if response.is_html and self.state.fault("cookie-banner") and CONSENT_COOKIE not in request.cookies:
            response.body = inject_before_body_end(response.body.decode(), pages.COOKIE_BANNER).encode()
        return response

    def _route(self, request: Request, account: str | None) -> Response:
        """Dispatch on the path."""
        path = request.path.rstrip("/") or "/"
        post = request.method == "POST"
        if path == "/rest/cookie-consent" and post:
            if account:
                self.state.count(account, WRITES)
            response = Response.json({"ok": True})
            response.set_cookies.append(f"{CONSENT_COOKIE}=all; Secure; Path=/; Max-Age=31536000")
            return response
        if path == "/":
            if account:
                return Response.html(pages.app_home())
            self._checked.clear()  # a new window at the sign-in: optout has not checked it yet
            return Response.html(pages.sign_in("/", self._person_script(None)))
        if path == "/auth/signin":
            callback = safe_callback(request.query.get("callbackUrl", "/"))
            return Response.redirect(callback) if account else Response.html(pages.sign_in(callback))
        if path == "/api/auth/signin/email" and post:
            return self._send_code(request)
        if path == "/auth/verify-request":
            email = request.query.get("email", "")
            callback = safe_callback(request.query.get("callbackUrl", "/"))
            return Response.html(pages.verify_request(email, callback, script=self._person_script(email)))
        if path == "/api/auth/callback/email" and post:
            return self._check_code(request)
        if path.startswith("/account") or path.startswith("/settings") or path.startswith("/rest/"):
            if account is None:
                if path.startswith("/rest/"):
                    return Response.json({"detail": "Not authenticated"}, 401)
                self._checked.set()
                return Response.redirect(f"/auth/signin?callbackUrl={quote(request.path, safe='/')}", 302)
            self.delay(account)
            return self._settings(request, path, account)
        return Response.html(pages.not_found(), 404)

    # -- signing in by emailed code --------------------------------------------------------------

    def _person_script(self, email: str | None) -> str:
        """With `person-signs-in`, the script that plays the person for that account."""
        who = self.state.fault("person-signs-in")
        if not isinstance(who, str) or email not in (None, who):
            return ""
        return pages.person_script(who, self._last_code(who))

    def _last_code(self, email: str) -> str:
        """The latest code mailed to the address and not yet used, or ""."""
        sent = [self.state.lookup(EMAIL_CODE, token) for token in self._codes.get(email, [])]
        codes = [pending["code"] for pending in sent if pending]
        return codes[-1] if codes else ""

    def setup(self) -> None:
        """Forget the codes sent (state tokens are cleared by the sandbox's reset)."""
        self._codes: dict[str, list[str]] = {}  # the code tokens sent to each address
        self._checked = threading.Event()  # a members' page was asked for without a session

    def _send_code(self, request: Request) -> Response:
        """ "Continue with email": a new 6-digit code for the address, then the code page."""
        email = request.form.get("email", "").strip()
        callback = safe_callback(request.form.get("callbackUrl", "/"))
        if self.state.has_account(email):
            self.state.count(email, PASSWORD_SUBMISSIONS)  # a sign-in attempt; there is no password
            token = self.state.issue(EMAIL_CODE, email, code=f"{secrets.randbelow(10**6):06d}")
            self._codes.setdefault(email, []).append(token)
        if self.state.fault("in-place"):
            # The person's inbox, for the test's stand-in only: the code goes to the window the
            # person is at. Without the fault, nothing but the code page knows a code.
            person = self.state.fault("person-signs-in") == email
            if person:
                self._checked.wait(timeout=MAIL_DELAY_LIMIT)
            return Response.json({"inbox": self._last_code(email) if person else ""})
        query = urlencode({"email": email, "callbackUrl": callback})
        return Response.json({"url": f"/auth/verify-request?{query}"})

    def _check_code(self, request: Request) -> Response:
        """The code form: the right code signs in; any other shows the page again."""
        form = request.form
        email, callback = form.get("email", ""), safe_callback(form.get("callbackUrl", "/"))
        given = form.get("code", "").strip().encode()
        # Every code sent and not yet used is good, as in the mails the person received.
        sent = [self.state.lookup(EMAIL_CODE, token) for token in self._codes.get(email, [])]
        in_place = form.get("inPlace") == "1"
        if not any(pending and hmac.compare_digest(given, pending["code"].encode()) for pending in sent):
            if in_place:
                return Response.json({"error": "That code is not valid. Try again."}, 400)
            html = pages.verify_request(email, callback, error=True, script=self._person_script(email))
            return Response.html(html, 400)
        self.state.drop_tokens(EMAIL_CODE, email)
        self._codes.pop(email, None)
        token = self.state.issue(SESSION, email)
        response = Response.json({"ok": True}) if in_place else Response.redirect(callback)
        response.set_cookies.append(f"{SESSION_COOKIE}={token}; Secure; HttpOnly; Path=/; SameSite=Lax")
        return response

    # -- All settings ----------------------------------------------------------------------------

    def _preference_paths(self, account: str) -> list[str]:
        """Where Preferences is served for this account."""
        value = self.state.fault("preferences-path", account)
        if value == "both":
            return list(PREFERENCES.values())
        return [PREFERENCES.get(str(value), PREFERENCES["settings"]) if value else PREFERENCES["settings"]]

    def _settings(self, request: Request, path: str, account: str) -> Response:
        """The settings pages and the settings API."""
        menu_path = self._preference_paths(account)[0]
        if path == "/rest/user/settings":
            return self._api(request, account)
        if path in self._preference_paths(account):
            label = LABELS["old"] if self.state.fault("old-label", account) else LABELS["current"]
            items: list[dict[str, object]] = [{"key": k, "label": v} for k, v in BYSTANDERS.items()]
            items.insert(1, {"key": RETENTION, "label": label, "desc": DESCRIPTION})
            return Response.html(pages.preferences(account, menu_path, items))
        if path == "/account/details":
            inner = f"<p>Email</p><p>{account}</p><button type='button'>Sign out</button>"
            return Response.html(pages.settings_shell(account, menu_path, "Account", inner))
        if path in OTHER_PAGES:
            return Response.html(pages.settings_shell(account, menu_path, "Settings", ""))
        return Response.html(pages.not_found(), 404)

    def _api(self, request: Request, account: str) -> Response:
        """GET the preference values; PATCH {key: bool} saves one."""
        if request.method == "GET":
            return Response.json({k: bool(self.state.get_setting(account, k)) for k in self.default_settings})
        if request.method != "PATCH":
            return Response.json({"detail": "Method not allowed"}, 405)
        body = request.json
        if not isinstance(body, dict) or len(body) != 1:
            return Response.json({"detail": "one setting at a time"}, 400)
        [(key, value)] = body.items()
        if key not in self.default_settings or not isinstance(value, bool):
            return Response.json({"detail": "bad setting"}, 400)
        if not self.save(account, key, value):
            return Response.json({"detail": "Internal Server Error"}, 500)
        return Response.json({key: value})


SITE = PerplexitySite
