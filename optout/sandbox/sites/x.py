"""X replica: the step-by-step login (x.com/i/flow/login) and Grok & Third-party Collaborators (platforms.md §2).

Reference facts used: the settings URL `/settings/grok_settings`, its heading and "Data Sharing"
sub-heading, the three checkboxes (2026 and 2024 training labels, personalization, memory), all
default on, applying at once (no Save), the "Delete conversation history" button, Brave's
`input[type=checkbox][aria-describedby="CHECKBOX_n_LABEL"]` markup, react-native-web's generated
classes and #react-root, the `twid` cookie, and the login steps: identifier, password, then
sometimes a "verify phone/username" step, a code, 2FA or Arkose, or "Could not log you in now.
Please try again later.". The login's requests go to api.x.com (known outside the reference, as
is the wording of each verification step, "Wrong password!", the `auth_token`/`ct0` cookies and
the csrf header); the descriptions and the French wording are invented for the replica.

Faults (Sandbox.set_fault; per account, or site-wide with account=None):
  no-persist, save-500, slow   the common ones (slow: settings page and its API wait)
  unusual-activity  after the identifier: "Enter your phone number or username" (before the password)
  2fa               after a correct password: "Enter your verification code"
  email-code        ... "Check your email" (a confirmation code)
  arkose            ... "Authenticate your account" with an Arkose iframe
  login-verification ... "Verify your identity" / "We sent you a code" (no other known wording)
  refused           "Could not log you in now. Please try again later." after the identifier
                    (True or "identifier") or after the password ("password"); nothing is signed in
  expired-session   every existing session of the account stops working
  markup            how the boxes are built: "described" (default: aria-describedby CHECKBOX_n_LABEL,
                    no name), "described-both" (described by label and description, other ids; the
                    personalization description mentions training), "labelled" (a <label> around
                    text and box, rows in another order), "aria" (div role=checkbox aria-labelledby),
                    "described-description" (no name; aria-describedby names only the description,
                    whose words differ from the label's)
  password-button   a string: the password step's submit reads that, without Log in's test id
  error-wording     a string: the wrong-password message instead of "Wrong password!"
  label-2024        the training box carries the 2024 wording
  french            the page in French (wording invented: the reference only says a French UI exists)
  label-changed     the training box is renamed to wording no flow should guess at
The page's own script renders the boxes after their state loads; saves are POSTs with the ct0
csrf header; "Delete conversation history" is counted as `history_deletions` (it must never be hit).
"""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Mapping
from typing import ClassVar
from urllib.parse import quote, urlencode

from optout.sandbox.messages import Request, Response
from optout.sandbox.site import CHALLENGE_CLICKS, COMMON_FAULTS, PASSWORD_SUBMISSIONS, Site
from optout.sandbox.sites import _x_pages as pages
from optout.sandbox.state import SESSION

HOST = "x.com"
API_HOST = "api.x.com"
ORIGIN = f"https://{HOST}"
SESSION_COOKIE = "auth_token"
FLOW = "login-flow"
SETTINGS_PATH = "/settings/grok_settings"
SETTINGS_API = "/i/api/1.1/account/grok_settings.json"
HISTORY_API = "/i/api/1.1/account/grok_history.json"
HISTORY_DELETIONS = "history_deletions"
TRAINING, PERSONALIZATION, MEMORY = "allow_grok_training", "allow_grok_personalization", "allow_grok_memory"
CHALLENGE_FAULTS = ("2fa", "email-code", "arkose", "login-verification")  # after the password; the first one set wins
REFUSED = "Could not log you in now. Please try again later."

TEXTS = {
    "en": {
        "heading": "Grok & Third-party Collaborators",
        "subheading": "Data Sharing",
        "intro": "Decide how your X data and your interactions with Grok may be used for training and "
        "personalization by xAI and other collaborators.",
        TRAINING: (
            "Allow your public data as well as your interactions, inputs, and results with Grok and xAI "
            "to be used for training and fine-tuning",
            "X may share with xAI your X public data as well as your user interactions, inputs and results "
            "with Grok on X to train and fine-tune Grok and other AI models developed by xAI.",
            "",
        ),
        PERSONALIZATION: (
            "Allow X to personalize your experience with Grok",
            "X shares your profile, posts and engagement with xAI to personalize Grok, even when you do not "
            "allow training.",
            "Grok Personalization",
        ),
        MEMORY: (
            "Allow Grok to remember your conversation history",
            "Grok can recall earlier conversations to personalize its answers.",
            "Conversation history",
        ),
        "delete": "Delete conversation history",
    },
    "fr": {
        "heading": "Grok et collaborateurs tiers",
        "subheading": "Partage de données",
        "intro": "Choisissez comment vos données X et vos interactions avec Grok peuvent servir à "
        "l'entraînement et à la personnalisation.",
        TRAINING: (
            "Autoriser l'utilisation de vos données publiques ainsi que de vos interactions, entrées et "
            "résultats avec Grok et xAI à des fins d'entraînement et d'ajustement",
            "X peut partager avec xAI vos données publiques et vos interactions avec Grok sur X.",
            "",
        ),
        PERSONALIZATION: (
            "Autoriser X à personnaliser votre expérience avec Grok",
            "X partage votre profil et vos posts avec xAI, même sans autoriser l'entraînement.",
            "Personnalisation de Grok",
        ),
        MEMORY: (
            "Autoriser Grok à se souvenir de l'historique de vos conversations",
            "Grok peut se servir des conversations précédentes.",
            "Historique des conversations",
        ),
        "delete": "Supprimer l'historique des conversations",
    },
}
LABEL_2024 = (
    "Allow your posts as well as your interactions, inputs, and results with Grok to be used for training "
    "and fine-tuning"
)
DESCRIPTION_2024 = (
    "To continuously improve your experience, we may utilize your X posts as well as your user interactions, "
    "inputs and results with Grok for training and fine-tuning purposes."
)
RENAMED = ("Allow your data to help improve Grok and other xAI models", "Used by xAI to improve its models.")
ORDERS = {"labelled": [2, 0, 1]}  # the labelled layout lists memory first
VARIANTS = ("described", "described-both", "described-description", "labelled", "aria")


def safe_path(target: str) -> str:
    """Keep a redirect target only when it is a path on this site."""
    if target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return ""


class XSite(Site):
    """x.com (twitter.com redirects there) and api.x.com, where the login steps are posted."""

    name = "x"
    hosts = (HOST, "twitter.com", "www.x.com", API_HOST)
    default_settings: ClassVar[Mapping[str, object]] = {TRAINING: True, PERSONALIZATION: True, MEMORY: True}
    faults = COMMON_FAULTS | {
        "unusual-activity",
        *CHALLENGE_FAULTS,
        "refused",
        "expired-session",
        "markup",
        "label-2024",
        "french",
        "label-changed",
        "password-button",
        "error-wording",
    }
    session_cookie = SESSION_COOKIE

    def handle(self, request: Request) -> Response:
        """Redirect the old hosts, answer the login API, route x.com."""
        if request.host == API_HOST:
            return self._api_host(request)
        if request.host != HOST:
            query = f"?{urlencode(request.query)}" if request.query else ""
            return Response.redirect(f"{ORIGIN}{request.path}{query}", 301)
        account = self.account_of(request)
        path = request.path.rstrip("/") or "/"
        if path == "/":
            return Response.redirect("/home", 302) if account else Response.html(pages.landing_page())
        if path in ("/i/flow/login", "/login"):
            if account is not None:
                return Response.redirect(safe_path(request.query.get("redirect_after_login", "")) or "/home", 302)
            wording = self.state.fault("password-button")
            return Response.html(pages.login_page(wording if isinstance(wording, str) else ""))
        if path == "/home" or path.startswith(("/settings", "/i/api/")):
            if account is None and path.startswith("/i/api/"):
                return Response.json({"errors": [{"code": 32, "message": "Could not authenticate you."}]}, 401)
            if account is None:
                return Response.redirect(f"/i/flow/login?redirect_after_login={quote(path, safe='')}", 302)
            if path == "/home":
                return Response.html(pages.home_page(account))
            return self._settings(request, path, account)
        return Response.html(pages.not_found_page(), 404)

    # -- logging in (the steps post to api.x.com) --------------------------------------------

    def _api_host(self, request: Request) -> Response:
        """api.x.com: the onboarding task endpoint, with CORS for https://x.com."""
        cors = {
            "Access-Control-Allow-Origin": ORIGIN,
            "Access-Control-Allow-Credentials": "true",
            "Access-Control-Allow-Headers": "content-type, x-twitter-active-user",
            "Access-Control-Allow-Methods": "POST",
        }
        if request.method == "OPTIONS":
            return Response(204, cors)
        if request.path != "/1.1/onboarding/task.json" or request.method != "POST":
            response = Response.json({"errors": [{"code": 34, "message": "Sorry, that page does not exist."}]}, 404)
        else:
            response = self._task(request)
        response.headers.update(cors)
        return response

    def _task(self, request: Request) -> Response:
        """One login step: identifier, password, or a click in a verification step."""
        body = request.json if isinstance(request.json, dict) else {}
        subtask = body.get("subtask")
        if subtask == "identifier":
            user = str(body.get("text", "")).strip()
            if self.state.fault("refused", user) in (True, "identifier"):
                return self._error(REFUSED, 399)
            if not self.state.has_account(user):
                return self._error("Sorry, we could not find your account.", 404)
            token = self.state.issue(FLOW, user)
            step = "verify-identity" if self.state.fault("unusual-activity", user) else "password"
            return Response.json({"flow_token": token, "next": step})
        flow = self.state.lookup(FLOW, str(body.get("flow_token", "")))
        if flow is None:
            return self._error("Something went wrong. Try reloading.", 400)
        user = flow["account"]
        if subtask == "challenge":
            self.state.count(user, CHALLENGE_CLICKS)
            return Response.json({"flow_token": body["flow_token"], "next": flow.get("step", "verify-identity")})
        if subtask != "password":
            return self._error("Something went wrong. Try reloading.", 400)
        self.state.count(user, PASSWORD_SUBMISSIONS)
        if self.state.fault("refused", user) == "password":
            return self._error(REFUSED, 399)
        if not self.state.password_matches(user, str(body.get("password", ""))):
            wording = self.state.fault("error-wording")
            return self._error(wording if isinstance(wording, str) else "Wrong password!", 400)
        for kind in CHALLENGE_FAULTS:
            if self.state.fault(kind, user):
                return Response.json({"flow_token": self.state.issue(FLOW, user, step=kind), "next": kind})
        csrf = secrets.token_hex(16)
        session = self.state.issue(SESSION, user, csrf=csrf)
        response = Response.json({"flow_token": "", "next": "done"})
        response.set_cookies += [
            f"{SESSION_COOKIE}={session}; Domain=x.com; Path=/; Secure; HttpOnly; SameSite=None",
            f"ct0={csrf}; Domain=x.com; Path=/; Secure; SameSite=Lax",
            f"twid=u%3D{secrets.randbelow(10**18)}; Domain=x.com; Path=/; Secure; SameSite=None",
        ]
        return response

    @staticmethod
    def _error(message: str, code: int) -> Response:
        """X's error document, shown by the page as a toast."""
        return Response.json({"errors": [{"code": code, "message": message}]}, 400)

    # -- Grok & Third-party Collaborators ----------------------------------------------------

    def _lang(self, account: str) -> str:
        """The page's language (the `french` fault)."""
        return "fr" if self.state.fault("french", account) else "en"

    def _settings(self, request: Request, path: str, account: str) -> Response:
        """The Grok settings page and its API; other settings pages are not replicated."""
        self.delay(account)
        if path == SETTINGS_PATH:
            texts = TEXTS[self._lang(account)]
            html = pages.settings_page(
                account, SETTINGS_API, str(texts["heading"]), str(texts["subheading"]), self._lang(account)
            )
            return Response.html(html)
        if path == SETTINGS_API:
            return self._settings_api(request, account)
        if path == HISTORY_API and request.method == "DELETE":
            if self._csrf_ok(request):
                self.state.count(account, HISTORY_DELETIONS)
                return Response.json({"deleted": True})
            return Response.json({"errors": [{"code": 353, "message": "csrf"}]}, 403)
        return Response.html(pages.not_found_page(), 404)

    def _csrf_ok(self, request: Request) -> bool:
        """The x-csrf-token header must equal the session's ct0."""
        session = self.state.lookup(SESSION, request.cookies.get(SESSION_COOKIE)) or {}
        return hmac.compare_digest(request.header("x-csrf-token").encode(), session.get("csrf", "-").encode())

    def _settings_api(self, request: Request, account: str) -> Response:
        """GET the three boxes as the page renders them; POST {"key", "value"} sets one."""
        if request.method == "GET":
            return Response.json(self._document(account))
        if request.method != "POST":
            return Response.json({"errors": [{"code": 405}]}, 405)
        if not self._csrf_ok(request):
            return Response.json({"errors": [{"code": 353, "message": "This request requires a matching csrf"}]}, 403)
        body = request.json if isinstance(request.json, dict) else {}
        key, value = body.get("key"), body.get("value")
        if key not in self.default_settings or not isinstance(value, bool):
            return Response.json({"errors": [{"code": 214, "message": "Bad request"}]}, 400)
        if not self.save(account, str(key), value):
            return Response.json({"errors": [{"code": 131, "message": "Internal error"}]}, 500)
        return Response.json({"key": key, "value": value})

    def _document(self, account: str) -> dict[str, object]:
        """The rows, their wording, their layout and their state."""
        lang = self._lang(account)
        texts = TEXTS[lang]
        variant = str(self.state.fault("markup", account) or "described")
        if variant not in VARIANTS:
            variant = "described"
        rows = []
        for n, key in enumerate((TRAINING, PERSONALIZATION, MEMORY), start=1):
            label, description, heading = texts[key]
            if key == TRAINING and self.state.fault("label-changed", account):
                label, description = RENAMED
            elif key == TRAINING and self.state.fault("label-2024", account) and lang == "en":
                label, description = LABEL_2024, DESCRIPTION_2024
            rows.append(
                {
                    "n": n,
                    "key": key,
                    "label": label,
                    "description": description,
                    "heading": heading,
                    "after": texts["delete"] if key == MEMORY else "",
                    "value": bool(self.state.get_setting(account, key)),
                }
            )
        return {"variant": variant, "intro": texts["intro"], "rows": rows, "order": ORDERS.get(variant, [0, 1, 2])}


SITE = XSite
