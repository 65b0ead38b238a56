"""Grammarly replica: sign-in, two-step verification, and the "Product Improvement and Training" toggle.

Reference facts used (platforms.md §16, platforms-addendum.md §9): the toggle's label (and the
Business wording "Product Improvement & Training"), its pages `/security/privacy` (Free,
Premium) and `/admin/data_settings` (single-user Pro) on account.grammarly.com, default on,
the green checkmark of the Business UI, "admins only" for multi-user Pro, password sign-in and
a 6-digit code "in the following screen" for two-step verification. Not in the reference, so
invented here: the sign-in page (www.grammarly.com/signin, email and password on one form, "Log
in"), every wording not quoted above, the settings API, and the markup. Each load renders the
rows in a random order, some in an extra wrapper, beside a "Product updates and offers" toggle.

An account's plan is chosen with the `plan` fault (per account):
  (unset)   Free/Premium: /security/privacy, a role=switch button; /admin/data_settings is 404
  pro       single-user Pro: /security/privacy is 404; /admin/data_settings, a native checkbox
  business  /admin/data_settings, "Product Improvement & Training", a green checkmark on a
            role=switch with aria-checked; /security/privacy is 404
  member    multi-user Pro, not an admin: /security/privacy says only admins can change it

Faults (Sandbox.set_fault; per account, or site-wide with account=None; `identifier-first` acts
before the account is known, so only site-wide):
  no-persist, save-500, slow   the common ones (slow: every account.grammarly.com answer)
  two-step         a correct password leads to the 6-digit code page (its "Verify" is counted)
  expired-session  every existing session of the account stops working
  tick-only        the Business checkmark is a plain button: no role=switch, no aria state
  label-changed    the toggle is called "Use my writing to improve Grammarly's AI" instead
  identifier-first (site-wide only) sign-in asks for the email ("Continue"), then the password
  plain-signin     (site-wide only) identifier first, with an unlabelled `input[type=text]
                   name=email placeholder="Email address"`, "Continue with email", "Continue"
  unnamed          the toggles carry no name (the label is text beside them, not linked)
  admin-note       the settings page also shows the "only admins can change" note under toggles
  managed-wording  a member's page says "These settings are managed by your organization's
                   administrator." instead
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar
from urllib.parse import urlencode, urlsplit

from optout.sandbox.messages import Request, Response
from optout.sandbox.site import CHALLENGE_CLICKS, COMMON_FAULTS, PASSWORD_SUBMISSIONS, Site
from optout.sandbox.sites import _grammarly_pages as pages
from optout.sandbox.state import SESSION

WWW = "www.grammarly.com"
ACCOUNT_HOST = "account.grammarly.com"
ACCOUNT = f"https://{ACCOUNT_HOST}"
SESSION_COOKIE = "grauth"
TWO_STEP = "two-step"
IDENTIFIER_FIRST = "identifier-first"
TRAINING = "product_improvement_training"
UPDATES = "product_updates"
LABEL = "Product Improvement and Training"
LABEL_BUSINESS = "Product Improvement & Training"
LABEL_CHANGED = "Use my writing to improve Grammarly's AI"
HELP = (
    "Allow Grammarly to use your content to train and validate its AI and machine learning "
    "models and to inform feature development."
)
MANAGED = "Only your organization's admins can change data settings. Contact your admin to make changes."
MANAGED_OTHER = "These settings are managed by your organization's administrator."
PLAIN_SIGNIN = "plain-signin"
PRIVACY = "/security/privacy"
DATA_SETTINGS = "/admin/data_settings"


def local_target(target: str) -> str:
    """Keep a return address only when it is on account.grammarly.com."""
    parts = urlsplit(target)
    if parts.scheme == "https" and parts.hostname == ACCOUNT_HOST and "@" not in parts.netloc:
        return target
    return f"{ACCOUNT}/profile"


class GrammarlySite(Site):
    """www.grammarly.com (sign-in) and account.grammarly.com (settings)."""

    name = "grammarly"
    hosts = (WWW, "grammarly.com", ACCOUNT_HOST)
    default_settings: ClassVar[Mapping[str, object]] = {TRAINING: True, UPDATES: True}
    faults = COMMON_FAULTS | {
        "plan",
        TWO_STEP,
        IDENTIFIER_FIRST,
        "expired-session",
        "tick-only",
        "label-changed",
        "unnamed",
        "admin-note",
        "managed-wording",
        PLAIN_SIGNIN,
    }
    session_cookie = SESSION_COOKIE

    def handle(self, request: Request) -> Response:
        """Route by host, then by path."""
        if request.host == "grammarly.com":
            return Response.redirect(f"https://{WWW}{request.path}", 301)
        if request.host == WWW:
            return self._www(request)
        account = self.account_of(request)
        if account is None:
            if request.path.startswith("/api/"):
                return Response.json({"error": "unauthorized"}, 401)
            back = f"{ACCOUNT}{request.path}"
            return Response.redirect(f"https://{WWW}/signin?{urlencode({'next': back})}", 302)
        self.delay(account)
        return self._account(request, account)

    # -- www.grammarly.com: signing in --------------------------------------------------------

    def _www(self, request: Request) -> Response:
        """The sign-in form, its POST, the two-step page and its POST."""
        path = request.path.rstrip("/") or "/"
        post = request.method == "POST"
        if path == "/signin" and post:
            return self._signin(request)
        if path == "/signin":
            if self.account_of(request) is not None:
                return Response.redirect(local_target(request.query.get("next", "")))
            plain = bool(self.state.fault(PLAIN_SIGNIN))
            step = "email" if self.state.fault(IDENTIFIER_FIRST) or plain else "one-page"
            target = local_target(request.query.get("next", ""))
            return Response.html(pages.signin_page(target, step=step, plain=plain))
        if path == "/signin/email" and post:
            email = request.form.get("email", "").strip()
            target = local_target(request.form.get("next", ""))
            plain = bool(self.state.fault(PLAIN_SIGNIN))
            return Response.html(pages.signin_page(target, email=email, step="password", plain=plain))
        if path == "/signin/2sv" and not post:
            if self.state.lookup(TWO_STEP, request.query.get("token")) is None:
                return Response.redirect("/signin")
            return Response.html(pages.two_step_page(request.query.get("token", "")))
        if path == "/signin/2sv" and post:
            found = self.state.lookup(TWO_STEP, request.form.get("token"))
            if found is not None:
                self.state.count(found["account"], CHALLENGE_CLICKS)
                return Response.html(pages.two_step_page(request.form.get("token", "")))
            return Response.redirect("/signin")
        if path == "/" and self.account_of(request) is not None:
            return Response.redirect(f"{ACCOUNT}/profile")
        return Response.html(pages.not_found_page(), 404)

    def _signin(self, request: Request) -> Response:
        """POST /signin: the form again with an error, the 2SV page, or the session cookie."""
        form = request.form
        email = form.get("email", "").strip()
        target = local_target(form.get("next", ""))
        if email:
            self.state.count(email, PASSWORD_SUBMISSIONS)
        if not self.state.password_matches(email, form.get("password", "")):
            plain = bool(self.state.fault(PLAIN_SIGNIN))
            step = "password" if self.state.fault(IDENTIFIER_FIRST) or plain else "one-page"
            return Response.html(pages.signin_page(target, error=True, email=email, step=step, plain=plain))
        if self.state.fault(TWO_STEP, email):
            token = self.state.issue(TWO_STEP, email)
            return Response.redirect(f"/signin/2sv?{urlencode({'token': token})}")
        response = Response.redirect(target)
        session = self.state.issue(SESSION, email)
        response.set_cookies.append(f"{SESSION_COOKIE}={session}; Domain=grammarly.com; Path=/; Secure; HttpOnly")
        return response

    # -- account.grammarly.com --------------------------------------------------------------

    def _plan(self, account: str) -> str:
        """free, pro, business or member (the `plan` fault)."""
        value = self.state.fault("plan", account)
        return str(value) if value else "free"

    def _page_for(self, account: str) -> str:
        """The one path the account's toggle lives on."""
        return PRIVACY if self._plan(account) in ("free", "member") else DATA_SETTINGS

    def _account(self, request: Request, account: str) -> Response:
        """Account pages and the settings API."""
        path = request.path.rstrip("/") or "/"
        if path in ("/", "/profile"):
            return Response.html(pages.home_page(account))
        if path == "/api/data-settings":
            return self._api(request, account)
        if path in (PRIVACY, DATA_SETTINGS) and path == self._page_for(account):
            heading, intro = (
                ("Privacy", "Choose how Grammarly may use your data.")
                if path == PRIVACY
                else ("Data settings", "Manage how Grammarly uses the content you write.")
            )
            return Response.html(pages.prefs_page(account, heading, intro, "/api/data-settings"))
        return Response.html(pages.not_found_page(), 404)

    def _describe(self, account: str) -> dict[str, object]:
        """What the settings page renders: a control style and its rows, or the admins-only note."""
        plan = self._plan(account)
        if plan == "member":
            return {"managed": MANAGED_OTHER if self.state.fault("managed-wording", account) else MANAGED}
        style = {"free": "aria", "pro": "native", "business": "tick"}.get(plan, "aria")
        label = LABEL_BUSINESS if plan == "business" else LABEL
        if plan == "business" and self.state.fault("tick-only", account):
            style = "tick-only"
        if self.state.fault("label-changed", account):
            label = LABEL_CHANGED
        get = self.state.get_setting
        return {
            "style": style,
            "unnamed": bool(self.state.fault("unnamed", account)),
            "note": MANAGED if self.state.fault("admin-note", account) else "",
            "rows": [
                {"key": TRAINING, "label": label, "help": HELP, "value": bool(get(account, TRAINING))},
                {
                    "key": UPDATES,
                    "label": "Product updates and offers",
                    "help": "Get emails about new features and special offers.",
                    "value": bool(get(account, UPDATES)),
                },
            ],
        }

    def _api(self, request: Request, account: str) -> Response:
        """GET the page's state; PATCH {"key", "value"} changes one toggle."""
        if request.method == "GET":
            return Response.json(self._describe(account))
        if request.method != "PATCH" or self._plan(account) == "member":
            return Response.json({"error": "not allowed"}, 405 if request.method != "PATCH" else 403)
        body = request.json
        key = body.get("key") if isinstance(body, dict) else None
        value = body.get("value") if isinstance(body, dict) else None
        if key not in self.default_settings or not isinstance(value, bool):
            return Response.json({"error": "bad request"}, 400)
        if not self.save(account, str(key), value):
            return Response.json({"error": "Internal Server Error"}, 500)
        return Response.json({"key": key, "value": value})


SITE = GrammarlySite
