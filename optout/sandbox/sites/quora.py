"""Quora replica: the sign-in on the home page, login-code and CAPTCHA stops, and Settings > Privacy.

Reference facts used (platforms.md §8, platforms-addendum.md §7, platforms.json Quora): the
login on https://www.quora.com/ with `#email`, `#password` and a `button[type=button]`
"Login" (so no form is submitted: the page's script posts the fields); Google and Facebook
sign-in; https://www.quora.com/settings/privacy holding "Allow large language models to be
trained on your content" (wording rebuilt from Hindi), allowed by default. Guessed: that
signed-out members' pages send you to /?redirect_url=<page> and that the login then returns
there; the "Login" button being disabled until both fields are filled; the control (a
`role=switch` button, or a labelled checkbox with the `checkbox` fault); the wording of errors
and of the login-code step; the graphql paths and `quora-formkey` header; the bystander rows
("large language models" without "trained", and a search-engine row) that catch a loose flow.

Faults (Sandbox.set_fault; per account, or site-wide with account=None):
  no-persist, save-500, slow   the common ones (slow: settings pages and their requests wait)
  login-code       a correct password leads to "Confirm it's you": a code sent by email
  captcha          a correct password makes the login panel show a reCAPTCHA frame
  expired-session  every existing session of the account stops working (new sign-ins work)
  label-variant    the row reads "Allow your content to be used to train large language models"
  checkbox         the rows are labelled native checkboxes instead of switches
  unnamed          the rows are `<span>label</span><button role=switch>`: no accessible name
  pressed          the rows are toggle buttons named by the label, state in `aria-pressed`
  llm-label        the row reads "Allow LLMs to be trained on your content"
  inverted         the row reads "Don't allow large language models to be trained on your
                   content" and shows the opposite state (on = training not allowed)
  save-button      a change is kept only when "Save changes" below the rows is pressed
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from typing import ClassVar
from urllib.parse import quote, urlencode

from optout.sandbox.messages import Request, Response
from optout.sandbox.site import CHALLENGE_CLICKS, COMMON_FAULTS, PASSWORD_SUBMISSIONS, Site
from optout.sandbox.sites import _quora_pages as pages
from optout.sandbox.state import SESSION

HOST = "www.quora.com"
ORIGIN = f"https://{HOST}"
SESSION_COOKIE = "m-b"
LOGIN_CODE = "login-code"
GRAPHQL = "/graphql/gql_para_POST"
LLM = "allow_llm_training"
LLM_LABEL = "Allow large language models to be trained on your content"
LLM_VARIANT = "Allow your content to be used to train large language models"
LLM_SHORT = "Allow LLMs to be trained on your content"
LLM_INVERTED = "Don't allow large language models to be trained on your content"
ROWS = {  # order as drawn; only LLM is from the reference, the others are bystanders
    "allow_search_indexing": "Allow search engines to index your name",
    LLM: LLM_LABEL,
    "show_llm_answers": "Show answers from large language models in your feed",
}


def safe_redirect(target: str) -> str:
    """Keep a redirect only when it is a path on this site."""
    if target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return ""


class QuoraSite(Site):
    """www.quora.com (quora.com redirects there)."""

    name = "quora"
    hosts = (HOST, "quora.com")
    default_settings: ClassVar[Mapping[str, object]] = dict.fromkeys(ROWS, True)
    faults = COMMON_FAULTS | {
        "login-code",
        "captcha",
        "expired-session",
        "label-variant",
        "checkbox",
        "llm-label",
        "inverted",
        "unnamed",
        "pressed",
        "save-button",
    }
    session_cookie = SESSION_COOKIE

    def handle(self, request: Request) -> Response:
        """Redirect the bare domain, then route on the path."""
        if request.host != HOST:
            query = f"?{urlencode(request.query)}" if request.query else ""
            return Response.redirect(f"{ORIGIN}{request.path}{query}", 301)
        account = self.account_of(request)
        path = request.path.rstrip("/") or "/"
        query = request.query.get("q", "")
        if path == "/":
            if account is None:
                return Response.html(pages.landing(safe_redirect(request.query.get("redirect_url", ""))))
            return Response.html(pages.feed(account))
        if path == GRAPHQL and request.method == "POST" and query == "UserLoginMutation":
            return self._login(request)
        if path == "/login/verify_code" and request.method == "POST":
            return self._code_click(request)
        if path.startswith("/settings") or path == GRAPHQL:
            if account is None:
                if path == GRAPHQL:
                    return Response.json({"error": "not logged in"}, 401)
                return Response.redirect(f"/?redirect_url={quote(request.path, safe='/')}", 302)
            self.delay(account)
            return self._settings(request, path, account)
        return Response.html(pages.not_found(), 404)

    def _login(self, request: Request) -> Response:
        """The Login button's request: a JSON verdict the page acts on."""
        body = request.json
        fields = body.get("variables") if isinstance(body, dict) else None
        fields = fields if isinstance(fields, dict) else {}
        user, password = str(fields.get("email", "")).strip(), str(fields.get("password", ""))
        if user:
            self.state.count(user, PASSWORD_SUBMISSIONS)
        if not self.state.password_matches(user, password):
            return Response.json({"status": "failure", "message": "Incorrect password. Please try again."})
        if self.state.fault("captcha", user):
            return Response.json({"status": "captcha"})
        if self.state.fault("login-code", user):
            return Response.json({"status": "code", "token": self.state.issue(LOGIN_CODE, user)})
        token = self.state.issue(SESSION, user, formkey=secrets.token_hex(16))
        response = Response.json({"status": "success"})
        response.set_cookies.append(f"{SESSION_COOKIE}={token}; Secure; HttpOnly; Path=/; SameSite=Lax")
        return response

    def _code_click(self, request: Request) -> Response:
        """The login-code step's Submit: counted, and back to the sign-in (no code is right here)."""
        pending = self.state.lookup(LOGIN_CODE, request.form.get("token", ""))
        if pending is not None:
            self.state.count(pending["account"], CHALLENGE_CLICKS)
        return Response.redirect("/")

    def _settings(self, request: Request, path: str, account: str) -> Response:
        """The settings tabs and their graphql requests."""
        session = self.state.lookup(SESSION, request.cookies.get(SESSION_COOKIE)) or {}
        if path == GRAPHQL:
            if request.header("quora-formkey") != session.get("formkey"):
                return Response.json({"error": "bad formkey"}, 403)
            query = request.query.get("q", "")
            if query == "UserSettingsQuery":
                return Response.json({k: bool(self.state.get_setting(account, k)) for k in ROWS})
            if query == "UpdateUserSettingMutation" and request.method == "POST":
                return self._update(request, account)
            return Response.json({"error": "unknown query"}, 400)
        if path == "/settings/privacy":
            fault = self.state.fault
            kinds = ("checkbox", "unnamed", "pressed")
            kind = next((k for k in kinds if fault(k, account)), "switch")
            rows = dict(ROWS)
            if fault("label-variant", account):
                rows[LLM] = LLM_VARIANT
            if fault("llm-label", account):
                rows[LLM] = LLM_SHORT
            if fault("inverted", account):
                rows[LLM] = LLM_INVERTED
            items: list[dict[str, object]] = [
                {"key": k, "label": v, "kind": kind, "inverted": k == LLM and bool(fault("inverted", account))}
                for k, v in rows.items()
            ]
            save = bool(fault("save-button", account))
            return Response.html(pages.privacy_page(account, session.get("formkey", ""), items, save))
        titles = {"/settings": "Account", "/settings/display": "Display"}
        if path in titles:
            return Response.html(pages.plain(account, titles[path]))
        return Response.html(pages.not_found(), 404)

    def _update(self, request: Request, account: str) -> Response:
        """Set one row: {"variables": {"setting": key, "value": bool}}."""
        body = request.json
        fields = body.get("variables") if isinstance(body, dict) else None
        key = fields.get("setting") if isinstance(fields, dict) else None
        value = fields.get("value") if isinstance(fields, dict) else None
        if key not in ROWS or not isinstance(value, bool):
            return Response.json({"error": "bad setting"}, 400)
        if not self.save(account, str(key), value):
            return Response.json({"error": "Internal Server Error"}, 500)
        return Response.json({"value": value})


SITE = QuoraSite
