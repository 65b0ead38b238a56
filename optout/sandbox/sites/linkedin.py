"""LinkedIn replica: sign-in, checkpoints, feed, and the Data privacy switches (platforms.md §1a-1c).

Reference facts used: the settings URLs under /mypreferences/d/settings/, the row label "Data for
Generative AI Improvement", its question, switch label and help text (§1a, medium confidence),
Brave PSST's `input[role="switch"][aria-labelledby=...]` ids (§1a-1c), the artdeco toggle markup,
the cookies li_at / liap=true / JSESSIONID, and the /checkpoint/challenge/ pages (§1a "Login").
Settings are saved by the page's script with a csrf-token header equal to JSESSIONID (the real
site's convention); the replica renders the switch only after its state has loaded, like an SPA.

Faults (Sandbox.set_fault; per account, or site-wide with account=None; the ones acting before
sign-in - authwall, lookalike-login, and cookie-banner on signed-out pages - only site-wide):
  no-persist       the save answers 200 and the page updates, but the old value is kept
  save-500         the save answers 500 (page reverts the switch, shows an alert); nothing stored
  slow             every /mypreferences/ page and API answer waits `value` seconds (True = 2)
  checkpoint       a correct password leads to "Let's do a quick security check" / "Start puzzle"
  restricted       ... to "Your account has been temporarily restricted" / "Next"
  pin              ... to "Enter the code we've sent to your email" / input name=pin / "Submit"
  expired-session  every existing session of the account stops working (new sign-ins work)
  authwall         signed-out member pages go to /authwall ("Join LinkedIn") instead of /login
  lookalike-login  GET /login answers 302 to https://www.linkedln.com/login (sites/lookalike.py)
  absent           the AI page shows "This setting isn't available for your account." (wording unknown)
  label-changed    the AI switch is labelled "Use my data to improve AI features" (allowDataForAIFeatures)
  cookie-banner    a full-page "Cookie consent" dialog until Accept/Reject sets the li_gc cookie
  new-ai-switch    the AI page shows a second, unknown switch "Use my profile to personalize AI-written
                   suggestions", on (a setting the platform added; it is only displayed)
  ai-slug          value "data-for-generative-ai-improvement" (or True) moves the AI page there,
                   "both" serves both slugs, any other string serves the page at that slug
"""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from typing import ClassVar
from urllib.parse import urlencode

from optout.sandbox.html import inject_before_body_end
from optout.sandbox.messages import Request, Response
from optout.sandbox.site import CHALLENGE_CLICKS, COMMON_FAULTS, PASSWORD_SUBMISSIONS, Site
from optout.sandbox.sites import _linkedin_pages as pages
from optout.sandbox.state import SESSION

HOST = "www.linkedin.com"
ORIGIN = f"https://{HOST}"
LOOKALIKE_LOGIN = "https://www.linkedln.com/login"  # served by sites/lookalike.py
SESSION_COOKIE = "li_at"
CONSENT_COOKIE = "li_gc"
CHALLENGE = "challenge"
SETTINGS_PATH = "/mypreferences/d/settings/"
API_PATH = "/mypreferences/d/api/settings/"
AI_SLUG = "data-for-ai-improvement"
AI_SLUG_ALT = "data-for-generative-ai-improvement"  # the other slug seen in the wild
ABSENT_TEXT = "This setting isn't available for your account."  # real wording unknown


@dataclass(frozen=True)
class Setting:
    """One switch page: its state key (also the label's id), heading, question and label."""

    key: str
    heading: str
    question: str
    label: str
    help: str = ""
    learn_more: str = ""


AI = Setting(
    "allowDataForGenerativeAI",
    "Data for Generative AI Improvement",
    "Can LinkedIn use your personal data and content you create on LinkedIn to train "
    "generative AI models that create content?",
    "Use my data for training content creation AI models",
    "When this setting is on, LinkedIn can use your data and content to train "
    "content-generating AI models that are used in product features. The data we use for "
    "this purpose does not include your private messages.",
    "/help/linkedin/answer/a6278444",
)
# label-changed fault: the switch is relabelled (the engine must notice, not guess).
AI_RENAMED = ("allowDataForAIFeatures", "Use my data to improve AI features")
NEW_AI_SWITCH = ("allowProfileForAiSuggestions", "Use my profile to personalize AI-written suggestions")
OTHERS = {
    # The row label is reported (§1b); the question and switch label are our guesses.
    "policy-and-academic-research": Setting(
        "allowAnonymizedDataResearch",
        "Social, economic and workplace research",
        "Can LinkedIn make your data available to trusted third parties for social, economic and workplace research?",
        "Make my data available for social, economic and workplace research",
    ),
    # Only the slug and the aria-labelledby id are known (§1c); all wording is our guess.
    "share-data-with-select-partners": Setting(
        "shareDataWithTrustedPartners",
        "Data sharing with affiliates and select partners",
        "Can LinkedIn share your data with its affiliates and select partners?",
        "Share my data with LinkedIn's affiliates and select partners",
    ),
}
CHALLENGE_FAULTS = ("restricted", "checkpoint", "pin")  # first one set wins


def safe_redirect(target: str) -> str:
    """Keep `session_redirect` only when it is a path on this site (never another origin)."""
    if target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return ""


class LinkedInSite(Site):
    """www.linkedin.com (linkedin.com redirects there)."""

    name = "linkedin"
    hosts = (HOST, "linkedin.com")
    default_settings: ClassVar[Mapping[str, object]] = {AI.key: True, **{s.key: True for s in OTHERS.values()}}
    faults = COMMON_FAULTS | {
        *CHALLENGE_FAULTS,
        "expired-session",
        "authwall",
        "lookalike-login",
        "absent",
        "label-changed",
        "new-ai-switch",
        "cookie-banner",
        "ai-slug",
    }
    session_cookie = SESSION_COOKIE

    def handle(self, request: Request) -> Response:
        """Redirect the bare domain, route, and add the cookie banner when that fault is on."""
        if request.host != HOST:
            query = f"?{urlencode(request.query)}" if request.query else ""
            return Response.redirect(f"{ORIGIN}{request.path}{query}", 301)
        account = self.account_of(request)
        response = self._route(request, account)
        if response.is_html and self.state.fault("cookie-banner", account) and CONSENT_COOKIE not in request.cookies:
            document = inject_before_body_end(response.body.decode(), pages.COOKIE_BANNER)
            response.body = document.encode()
        return response

    def _route(self, request: Request, account: str | None) -> Response:
        """Dispatch on the path."""
        path = request.path.rstrip("/") or "/"
        post = request.method == "POST"
        if path == "/":
            return Response.redirect("/feed/") if account else Response.html(pages.guest_home())
        if path == "/login":
            return self._login_page(request, account)
        if path == "/checkpoint/lg/login-submit" and post:
            return self._login_submit(request)
        if path == "/checkpoint/challenge/verify" and post:
            return self._challenge_click(request)
        if path.startswith("/checkpoint/challenge/AgF"):
            return self._challenge_page(path.removeprefix("/checkpoint/challenge/"))
        if path == "/authwall":
            return self._authwall(request)
        if path == "/feed" or path.startswith("/mypreferences/"):
            if account is None and path.startswith(API_PATH):
                return Response.json({"status": 401, "message": "Unauthorized"}, 401)
            if account is None:
                return self._wall(request)
            if path == "/feed":
                return Response.html(pages.feed_page(account))
            self.delay(account)
            return self._preferences(request, path, account)
        return Response.html(pages.not_found_page(), 404)

    # -- signing in --------------------------------------------------------------------------

    def _login_page(self, request: Request, account: str | None) -> Response:
        """GET /login: the form, or the feed when signed in, or the look-alike redirect."""
        redirect = safe_redirect(request.query.get("session_redirect", ""))
        if self.state.fault("lookalike-login"):
            query = f"?{urlencode({'session_redirect': redirect})}" if redirect else ""
            return Response.redirect(LOOKALIKE_LOGIN + query, 302)
        if account is not None:
            return Response.redirect(redirect or "/feed/")
        return Response.html(pages.login_page(secrets.token_urlsafe(16), redirect))

    def _login_submit(self, request: Request) -> Response:
        """POST of the sign-in form: error page, challenge redirect, or session cookies."""
        form = request.form
        user = form.get("session_key", "").strip()
        redirect = safe_redirect(form.get("session_redirect", ""))
        if user:
            self.state.count(user, PASSWORD_SUBMISSIONS)
        if not self.state.password_matches(user, form.get("session_password", "")):
            csrf = secrets.token_urlsafe(16)
            return Response.html(pages.login_page(csrf, redirect, error=True, username=user))
        for kind in CHALLENGE_FAULTS:
            if self.state.fault(kind, user):
                token = self.state.issue(CHALLENGE, user, variant=kind)
                ut = secrets.token_urlsafe(12)
                return Response.redirect(f"/checkpoint/challenge/AgF{token}?ut={ut}")
        csrf = f"ajax:{secrets.randbelow(10**19):019d}"
        token = self.state.issue(SESSION, user, csrf=csrf)
        response = Response.redirect(redirect or "/feed/")
        response.set_cookies += [
            f"{SESSION_COOKIE}={token}; Secure; HttpOnly; Path=/; SameSite=None",
            "liap=true; Secure; Path=/; SameSite=None",
            f'JSESSIONID="{csrf}"; Secure; Path=/; SameSite=None',
        ]
        return response

    def _challenge_page(self, challenge_id: str) -> Response:
        """GET of a challenge: the page for the fault that raised it."""
        challenge = self.state.lookup(CHALLENGE, challenge_id.removeprefix("AgF"))
        if challenge is None:
            return Response.html(pages.not_found_page(), 404)
        return Response.html(pages.challenge_page(challenge["variant"], challenge_id))

    def _challenge_click(self, request: Request) -> Response:
        """A challenge's button: counted, then the same challenge again (nothing is solved)."""
        challenge_id = request.form.get("challengeId", "")
        challenge = self.state.lookup(CHALLENGE, challenge_id.removeprefix("AgF"))
        if challenge is None:
            return Response.redirect("/login")
        self.state.count(challenge["account"], CHALLENGE_CLICKS)
        return Response.redirect(f"/checkpoint/challenge/{challenge_id}")

    def _wall(self, request: Request) -> Response:
        """Where a signed-out request for a member page is sent: /login or the authwall."""
        if self.state.fault("authwall"):
            query = urlencode({"trk": "guest_homepage", "sessionRedirect": ORIGIN + request.path})
            return Response.redirect(f"/authwall?{query}")
        return Response.redirect(f"/login?{urlencode({'session_redirect': request.path})}")

    def _authwall(self, request: Request) -> Response:
        """The "Join LinkedIn" wall, whose Sign in link carries the page asked for."""
        target = request.query.get("sessionRedirect", "")
        path = safe_redirect(target.removeprefix(ORIGIN)) if target.startswith(ORIGIN) else ""
        href = f"/login?{urlencode({'session_redirect': path})}" if path else "/login"
        return Response.html(pages.authwall_page(href))

    # -- Settings & Privacy ------------------------------------------------------------------

    def _ai_slugs(self, account: str) -> list[str]:
        """The slug(s) the AI page is served at; the `ai-slug` fault moves or doubles it."""
        value = self.state.fault("ai-slug", account)
        if value is None:
            return [AI_SLUG]
        if value == "both":
            return [AI_SLUG, AI_SLUG_ALT]
        return [AI_SLUG_ALT if value is True else str(value)]

    def _setting(self, slug: str, account: str) -> Setting | None:
        """The switch page served at `slug` for this account, if any."""
        return AI if slug in self._ai_slugs(account) else OTHERS.get(slug)

    def _preferences(self, request: Request, path: str, account: str) -> Response:
        """/mypreferences/...: categories, switch pages and the settings API."""
        if path.startswith(API_PATH):
            return self._api(request, path.removeprefix(API_PATH), account)
        if path == "/mypreferences/d/categories/privacy":
            rows = [(AI.heading, SETTINGS_PATH + self._ai_slugs(account)[0])]
            rows += [(s.heading, SETTINGS_PATH + slug) for slug, s in OTHERS.items()]
            html = pages.category_page(account, "Data privacy", rows, "How LinkedIn uses your data")
            return Response.html(html)
        if path.startswith("/mypreferences/d/categories/"):
            section = dict((slug, title) for title, slug in pages.SECTIONS)
            title = section.get(path.rsplit("/", 1)[1])
            if title is not None:
                return Response.html(pages.category_page(account, title, [], title))
        if path.startswith(SETTINGS_PATH):
            slug = path.removeprefix(SETTINGS_PATH)
            setting = self._setting(slug, account)
            if setting is not None:
                html = pages.setting_page(account, setting.heading, setting.question, API_PATH + slug)
                return Response.html(html)
        return Response.html(pages.not_found_page(), 404)

    def _api(self, request: Request, slug: str, account: str) -> Response:
        """GET reads a switch's state; POST {"value": bool} with the csrf-token header sets it."""
        setting = self._setting(slug, account)
        if setting is None or (setting is AI and self.state.fault("absent", account)):
            if request.method == "GET" and setting is AI:
                return Response.json({"available": False, "message": ABSENT_TEXT})
            return Response.json({"status": 404, "message": "Not found"}, 404)
        if request.method == "GET":
            return Response.json(self._describe(setting, account))
        if request.method != "POST":
            return Response.json({"status": 405}, 405)
        session = self.state.lookup(SESSION, request.cookies.get(SESSION_COOKIE)) or {}
        given = request.header("csrf-token").encode()
        if not hmac.compare_digest(given, session.get("csrf", "-").encode()):
            return Response.json({"status": 403, "message": "CSRF check failed"}, 403)
        body = request.json
        value = body.get("value") if isinstance(body, dict) else None
        if not isinstance(value, bool):
            return Response.json({"status": 400, "message": "value must be true or false"}, 400)
        if not self.save(account, setting.key, value):
            return Response.json({"status": 500, "message": "Internal Server Error"}, 500)
        return Response.json({"value": value})

    def _describe(self, setting: Setting, account: str) -> dict[str, object]:
        """The JSON a switch page renders from."""
        label_id, label = setting.key, setting.label
        if setting is AI and self.state.fault("label-changed", account):
            label_id, label = AI_RENAMED
        extra = None
        if setting is AI and self.state.fault("new-ai-switch", account):
            extra = {"labelId": NEW_AI_SWITCH[0], "label": NEW_AI_SWITCH[1], "value": True}
        return {
            "available": True,
            "extra": extra,
            "labelId": label_id,
            "label": label,
            "value": bool(self.state.get_setting(account, setting.key)),
            "help": setting.help,
            "learnMore": setting.learn_more,
        }


SITE = LinkedInSite
