"""GitHub replica: sign-in, 2FA and device checks, sudo mode, and Settings > Copilot > Features.

Reference facts used (platforms.md §24, platforms-addendum.md §1): the server-rendered sign-in form
(`#login_field`, `#password`, submit "Sign in" posting to /session with `authenticity_token`), the
pages after the password (`/sessions/two-factor/app`, `/sessions/two-factor/mobile`,
`/sessions/verified-device` "Verify your device" and its `/captcha` variant), sudo mode
("Confirm access", `#sudo_password`), the Features page at `/settings/copilot/features` (older
`/settings/copilot`) with many Primer action menus ("Suggestions matching public code",
"Copilot in github.com", ..., model rows) and, under "Privacy", the rows "Allow GitHub to use my
data for product improvements" and "Allow GitHub to use my data for AI model training"
(Enabled/Disabled). The page's script renders the rows after fetching their state, and saves
on selection with a form-encoded POST carrying the authenticity token (inferred: no Save step).
Guessed, as the reference does not say: the wrong-password flash "Incorrect username or
password.", the Business-seat notice, the JSON endpoints, and all other wording.

Faults (Sandbox.set_fault; per account, or site-wide with account=None):
  no-persist        the save answers 200 and the menu shows the choice, but nothing is stored
  save-500          the save answers 500; the menu reverts and an error flash appears
  slow              every /settings/ page and endpoint waits `value` seconds (True = 2)
  two-factor        a correct password leads to /sessions/two-factor/app (TOTP code)
  two-factor-mobile ... to /sessions/two-factor/mobile (approve in GitHub Mobile)
  verified-device   ... to /sessions/verified-device ("Verify your device", emailed code)
  device-captcha    ... to /sessions/verified-device/captcha (a puzzle)
  sudo              the Features page asks "Confirm access" (sudo mode, `#sudo_password`); a
                    string value is the heading instead ("Confirm your password"); "redirect"
                    sends the page to /sessions/sudo, headed "Sudo mode" (no known wording)
  login-error       value: the wrong-password flash instead of "Incorrect username or password."
  save-button       the Privacy rows sit in a form with a Save button; a choice saves only on Save
  mixed-box         the AI row shows its value as plain text and shares its box with "Copilot in
                    github.com" (an Enabled/Disabled menu); the product row has its own box
  expired-session   every existing session of the account stops working (new sign-ins work)
  old-page          the Features page is only at /settings/copilot (/features answers 404)
  native-select     the Privacy rows are native <select>s labelled by their row title
  heading           value: the Privacy section's heading ("Data handling", "Model training and
                    improvements", as other sources call it)
  label-changed     the AI row reads "Allow GitHub to use my data to train AI models" (unknown)
  business-seat     the Privacy rows are not displayed (Copilot Business seat); a notice names
                    the organization but does not say the setting is not offered
  locked-row        the AI row shows its value as plain text, with no menu (its neighbour, the
                    product-improvements row, keeps its menu)
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from typing import ClassVar
from urllib.parse import urlencode

from optout.sandbox.messages import Request, Response
from optout.sandbox.site import CHALLENGE_CLICKS, COMMON_FAULTS, PASSWORD_SUBMISSIONS, Site
from optout.sandbox.sites import _github_pages as pages
from optout.sandbox.state import SESSION

HOST = "github.com"
SESSION_COOKIE = "user_session"
PENDING_COOKIE = "_gh_pending"
PENDING = "pending-sign-in"
FORM = "authenticity-token"
FEATURES = "/settings/copilot/features"
OLD_FEATURES = "/settings/copilot"
STATE_PATH = "/settings/copilot/features/policies"
SAVE_PATH = "/settings/copilot/features/policy"
AI_KEY = "ai_model_training"
PRODUCT_KEY = "product_improvements"
ON_OFF = ("Enabled", "Disabled")
# key: (label, help, options); the first section is "Copilot features", then Privacy, then models.
FEATURE_ROWS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "public_code": (
        "Suggestions matching public code (duplication detection filter)",
        "Copilot can allow or block suggestions matching public code.",
        ("Allowed", "Blocked"),
    ),
    "github_com": ("Copilot in github.com", "Use Copilot Chat in github.com.", ON_OFF),
    "ide": ("Copilot in the IDE", "Use Copilot code completions in your editor.", ON_OFF),
    "chat_ide": ("Copilot Chat in the IDE", "Use Copilot Chat in your editor.", ON_OFF),
    "mobile": ("Copilot in GitHub Mobile", "Use Copilot Chat in GitHub Mobile.", ON_OFF),
    "cli": ("Copilot in the CLI", "Use Copilot in the terminal.", ON_OFF),
    "code_review": ("Copilot code review", "Request reviews from Copilot on pull requests.", ON_OFF),
    "mcp": ("MCP servers in Copilot", "Connect MCP servers to Copilot.", ON_OFF),
}
MODEL_ROWS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "claude": ("Anthropic Claude in Copilot", "Use Anthropic's Claude models in Copilot.", ON_OFF),
    "gemini": ("Google Gemini in Copilot", "Use Google's Gemini models in Copilot.", ON_OFF),
}
PRIVACY_ROWS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    PRODUCT_KEY: (
        "Allow GitHub to use my data for product improvements",
        "Allow GitHub, its affiliates and third parties to use my data, including Prompts, Suggestions, "
        "and Code Snippets, for product improvements.",
        ON_OFF,
    ),
    AI_KEY: (
        "Allow GitHub to use my data for AI model training",
        "Allow GitHub to use my interaction data, including inputs, outputs and code snippets, to train "
        "the models that power Copilot.",
        ON_OFF,
    ),
}
RENAMED_AI = "Allow GitHub to use my data to train AI models"  # label-changed: wording unknown
# Words meant to catch a loose locator: this intro mentions both settings, but is no row.
PRIVACY_INTRO = "Choose whether GitHub may use your data for AI model training and for product improvements."
BUSINESS_NOTICE = "You are assigned a seat as part of a Copilot Business subscription managed by Acme Corp."
CHALLENGE_FAULTS = {
    "two-factor": ("app", "/sessions/two-factor/app"),
    "two-factor-mobile": ("mobile", "/sessions/two-factor/mobile"),
    "verified-device": ("verified-device", "/sessions/verified-device"),
    "device-captcha": ("captcha", "/sessions/verified-device/captcha"),
}
CHALLENGE_PAGES = {path: kind for kind, path in CHALLENGE_FAULTS.values()} | {"/sessions/two-factor": "app"}
CHALLENGE_POSTS = {
    "/sessions/two-factor",
    "/sessions/two-factor/sms",
    "/sessions/two-factor/mobile",
    "/sessions/verified-device",
    "/sessions/verified-device/captcha",
}


def safe_return(target: str) -> str:
    """Keep `return_to` only when it is a path on this site."""
    if target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return ""


def all_rows() -> dict[str, tuple[str, str, tuple[str, ...]]]:
    """Every row of the Features page, by state key."""
    return {**FEATURE_ROWS, **PRIVACY_ROWS, **MODEL_ROWS}


class GitHubSite(Site):
    """github.com (www.github.com redirects there)."""

    name = "github"
    hosts = (HOST, "www.github.com")
    default_settings: ClassVar[Mapping[str, object]] = {
        **{key: options[0] for key, (_, _, options) in all_rows().items()},
        "public_code": "Blocked",
        "gemini": "Disabled",
    }
    faults = COMMON_FAULTS | {
        *CHALLENGE_FAULTS,
        "sudo",
        "expired-session",
        "old-page",
        "native-select",
        "heading",
        "label-changed",
        "business-seat",
        "locked-row",
        "login-error",
        "save-button",
        "mixed-box",
    }
    session_cookie = SESSION_COOKIE

    def handle(self, request: Request) -> Response:
        """Redirect www, then route on the path."""
        if request.host != HOST:
            query = f"?{urlencode(request.query)}" if request.query else ""
            return Response.redirect(f"https://{HOST}{request.path}{query}", 301)
        account = self.account_of(request)
        path = request.path.rstrip("/") or "/"
        post = request.method == "POST"
        if path == "/":
            return Response.html(pages.dashboard_page(account) if account else pages.guest_page())
        if path == "/login":
            return self._login_page(request, account)
        if path == "/session":
            return self._login_submit(request) if post else Response.redirect("/login")
        if post and (path in CHALLENGE_POSTS or path == "/sessions/sudo"):
            return self._challenge_click(request, path, account)
        if path == "/sessions/sudo" and account is not None:
            session = self.state.lookup(SESSION, request.cookies.get(SESSION_COOKIE)) or {}
            return Response.html(pages.sudo_page(account, session.get("csrf", ""), "Sudo mode"))
        if path in CHALLENGE_PAGES:
            return self._challenge_page(request, CHALLENGE_PAGES[path])
        if path == "/logout":
            response = Response.redirect("/")
            response.set_cookies.append(f"{SESSION_COOKIE}=; Max-Age=0; Secure; Path=/")
            return response
        if path.startswith("/settings"):
            if account is None:
                if path in (STATE_PATH, SAVE_PATH):
                    return Response.json({"message": "Requires authentication"}, 401)
                return Response.redirect(f"/login?{urlencode({'return_to': path})}", 302)
            self.delay(account)
            return self._settings(request, path, account)
        return Response.html(pages.not_found_page(), 404)

    # -- signing in --------------------------------------------------------------------------

    def _login_page(self, request: Request, account: str | None) -> Response:
        """GET /login: the form, or where the signed-in user was going."""
        return_to = safe_return(request.query.get("return_to", ""))
        if account is not None:
            return Response.redirect(return_to or "/", 302)
        return Response.html(pages.login_page(self.state.issue(FORM, "-"), return_to))

    def _login_submit(self, request: Request) -> Response:
        """POST /session: the error page, a check that wants the person, or a session."""
        form = request.form
        login = form.get("login", "").strip()
        return_to = safe_return(form.get("return_to", ""))
        if self.state.lookup(FORM, form.get("authenticity_token")) is None:
            return Response.html("<h1>422</h1><p>Invalid authenticity token.</p>", 422)
        if login:
            self.state.count(login, PASSWORD_SUBMISSIONS)
        if not self.state.password_matches(login, form.get("password", "")):
            wording = self.state.fault("login-error", login)
            error = wording if isinstance(wording, str) else "Incorrect username or password."
            return Response.html(pages.login_page(self.state.issue(FORM, "-"), return_to, error=error, login=login))
        for fault, (kind, path) in CHALLENGE_FAULTS.items():
            if self.state.fault(fault, login):
                token = self.state.issue(PENDING, login, page=kind)
                response = Response.redirect(path, 302)
                response.set_cookies.append(f"{PENDING_COOKIE}={token}; Secure; HttpOnly; Path=/; SameSite=Lax")
                return response
        csrf = secrets.token_urlsafe(24)
        token = self.state.issue(SESSION, login, csrf=csrf)
        response = Response.redirect(return_to or "/", 302)
        response.set_cookies += [
            f"{SESSION_COOKIE}={token}; Secure; HttpOnly; Path=/; SameSite=Lax",
            "logged_in=yes; Secure; HttpOnly; Path=/; SameSite=Lax",
            f"dotcom_user={login.split('@')[0]}; Secure; HttpOnly; Path=/; SameSite=Lax",
        ]
        return response

    def _challenge_page(self, request: Request, kind: str) -> Response:
        """A page after the password; without a pending sign-in it sends you to /login."""
        pending = self.state.lookup(PENDING, request.cookies.get(PENDING_COOKIE))
        if pending is None:
            return Response.redirect("/login", 302)
        return Response.html(pages.challenge_page(kind, self.state.issue(FORM, pending["account"])))

    def _challenge_click(self, request: Request, path: str, account: str | None) -> Response:
        """Any submit on a challenge or sudo page: counted, and nothing is solved."""
        pending = self.state.lookup(PENDING, request.cookies.get(PENDING_COOKIE))
        who = pending["account"] if pending else account
        if who is None:
            return Response.redirect("/login", 302)
        self.state.count(who, CHALLENGE_CLICKS)
        if path == "/sessions/sudo":
            self.state.count(who, PASSWORD_SUBMISSIONS)
            return Response.redirect(FEATURES, 302)
        return Response.redirect(path if path in CHALLENGE_PAGES else "/sessions/two-factor/app", 302)

    # -- settings ----------------------------------------------------------------------------

    def _settings(self, request: Request, path: str, account: str) -> Response:
        """Profile, the Features page (at its current or older address) and its endpoints."""
        session = self.state.lookup(SESSION, request.cookies.get(SESSION_COOKIE)) or {}
        csrf = session.get("csrf", "")
        old = bool(self.state.fault("old-page", account))
        if path == "/settings/profile":
            return Response.html(pages.profile_page(account))
        if path == STATE_PATH:
            return Response.json(self._describe(account))
        if path == SAVE_PATH and request.method == "POST":
            return self._save(request, account, csrf)
        if path in (FEATURES, OLD_FEATURES):
            if path == FEATURES and old:
                return Response.html(pages.not_found_page(), 404)
            if path == OLD_FEATURES and not old:
                return Response.redirect(FEATURES, 302)
            sudo = self.state.fault("sudo", account)
            if sudo == "redirect":
                return Response.redirect(f"/sessions/sudo?{urlencode({'return_to': path})}", 302)
            if sudo:
                heading = sudo if isinstance(sudo, str) else "Confirm access"
                return Response.html(pages.sudo_page(account, csrf, heading))
            return Response.html(pages.features_page(account, STATE_PATH, SAVE_PATH, csrf))
        return Response.html(pages.not_found_page(), 404)

    def _visible(self, account: str) -> dict[str, tuple[str, str, tuple[str, ...]]]:
        """The rows this account's page shows (no Privacy rows for a Business seat)."""
        rows = all_rows()
        if self.state.fault("business-seat", account):
            rows = {k: v for k, v in rows.items() if k not in PRIVACY_ROWS}
        return rows

    def _describe(self, account: str) -> dict[str, object]:
        """The JSON the page renders from: sections of rows, each with its current value."""
        mixed = bool(self.state.fault("mixed-box", account))

        def row(key: str, spec: tuple[str, str, tuple[str, ...]], heading: bool = False) -> dict[str, object]:
            label, help_text, options = spec
            if key == AI_KEY and self.state.fault("label-changed", account):
                label = RENAMED_AI
            value = self.state.get_setting(account, key)
            locked = key == AI_KEY and bool(self.state.fault("locked-row", account) or mixed)
            return {
                "key": key,
                "label": label,
                "help": help_text,
                "options": options,
                "value": value,
                "heading": heading,
                "locked": locked,
            }

        features = {k: v for k, v in FEATURE_ROWS.items() if not (mixed and k == "github_com")}
        sections: list[dict[str, object]] = [
            {"heading": "Copilot features", "rows": [row(k, v) for k, v in features.items()]}
        ]
        business = bool(self.state.fault("business-seat", account))
        if mixed:
            sections += [
                {"heading": "Product improvements", "rows": [row(PRODUCT_KEY, PRIVACY_ROWS[PRODUCT_KEY])]},
                {
                    "heading": "Privacy",
                    "rows": [row(AI_KEY, PRIVACY_ROWS[AI_KEY]), row("github_com", FEATURE_ROWS["github_com"])],
                },
            ]
        elif not business:
            heading = self.state.fault("heading", account)
            privacy = [row(k, v, heading=k == AI_KEY) for k, v in PRIVACY_ROWS.items()]
            sections.append(
                {
                    "heading": heading if isinstance(heading, str) else "Privacy",
                    "intro": PRIVACY_INTRO,
                    "privacy": True,
                    "rows": privacy,
                }
            )
        sections.append({"heading": "Models", "rows": [row(k, v) for k, v in MODEL_ROWS.items()]})
        return {
            "sections": sections,
            "control": "select" if self.state.fault("native-select", account) else "menu",
            "notice": BUSINESS_NOTICE if business else "",
            "saveButton": bool(self.state.fault("save-button", account)),
        }

    def _save(self, request: Request, account: str, csrf: str) -> Response:
        """POST policy=KEY&value=OPTION with the session's authenticity token."""
        form = request.form
        if not csrf or not secrets.compare_digest(form.get("authenticity_token", ""), csrf):
            return Response.json({"message": "Invalid authenticity token"}, 422)
        key, value = form.get("policy", ""), form.get("value", "")
        spec = self._visible(account).get(key)
        locked = key == AI_KEY and (self.state.fault("locked-row", account) or self.state.fault("mixed-box", account))

        if spec is None or value not in spec[2] or locked:
            return Response.json({"message": "Unprocessable Entity"}, 422)
        if not self.save(account, key, value):
            return Response.json({"message": "Internal Server Error"}, 500)
        return Response.json({"policy": key, "value": value})


SITE = GitHubSite
