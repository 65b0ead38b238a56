"""Pinterest replica: /login/, two-factor and CAPTCHA stops, and Settings > Privacy and data.

Reference facts used (platforms.md §12, platforms-addendum.md §6, platforms.json Pinterest):
the sign-in page https://www.pinterest.com/login/ with `#email`, `#password` and "Log in", and
Google sign-in; Settings > "Privacy and data" at /settings/privacy (one catalog: /settings/
privacy-and-data); its ads rows (checkboxes, saved only by "Done"); the "GenAI" section with
"Use your data to train Pinterest Canvas" and "Allow your data to be used to help train
Pinterest Canvas." (default on). Guessed: the toggle markup (an invisible native
`input[role=switch]` over a styled track, as Pinterest's Gestalt library draws it), the
resource paths, the csrftoken/X-CSRFToken pair, the error and two-factor wording, and the
"Search privacy" and second GenAI row, which are bystanders so that a loose flow is caught.
The page renders its rows only after the state has loaded, like the real single-page app.

Faults (Sandbox.set_fault; per account, or site-wide with account=None):
  no-persist, save-500, slow   the common ones (slow: every settings page and API answer waits)
  two-factor       a correct password leads to "Two-factor authentication" (code page, "Verify")
  captcha          a correct password makes the login page show a reCAPTCHA frame instead
  expired-session  every existing session of the account stops working (new sign-ins work)
  needs-done       the GenAI toggle only changes the page; "Done" saves it (like the ads rows)
  genai-checkbox   the GenAI control is a plain checkbox, like the ads rows, not a switch
  label-changed    the GenAI row reads "Use your data to improve Pinterest's AI features"
  absent           the GenAI section is missing (availability is uneven across regions)
  privacy-path     "privacy-and-data" moves the page to /settings/privacy-and-data, "both" serves
                   both paths
  done-label       the value names the Done button instead ("Save changes", "Save settings")
  done-disabled    the Done button is disabled (rows that save themselves need none)
  done-per-section each section has its own Done (saving everything pending) instead of one
  unnamed          the GenAI rows' labels are plain text, not tied to their switches (no name)
  inverted         the row reads "Don't use your data to train Pinterest Canvas" and shows the
                   opposite state (on = no training)
  mentions-2fa     the page's lead text mentions two-factor authentication and a security code
"""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Mapping
from typing import ClassVar
from urllib.parse import quote, urlencode

from optout.sandbox.messages import Request, Response
from optout.sandbox.site import CHALLENGE_CLICKS, COMMON_FAULTS, PASSWORD_SUBMISSIONS, Site
from optout.sandbox.sites import _pinterest_pages as pages
from optout.sandbox.state import SESSION

HOST = "www.pinterest.com"
ORIGIN = f"https://{HOST}"
SESSION_COOKIE = "_pinterest_sess"
CSRF_COOKIE = "csrftoken"
TWO_FACTOR = "two-factor"
GENAI = "genai_canvas_training"
GENAI_LABEL = "Use your data to train Pinterest Canvas"
GENAI_DESC = "Allow your data to be used to help train Pinterest Canvas."
MENTIONS_2FA = "Protect your account with two-factor authentication: we never ask for your security code here."
HELP = "https://help.pinterest.com/en/article/manage-genai-settings"
ADS = {  # platforms.json Pinterest "dom_facts": the neighbouring rows on Privacy and data
    "ads_sites_visited": "Use info from sites you visit",
    "ads_partner_info": "Use of partner info",
    "ads_about_pinterest": "Ads about Pinterest",
    "ads_activity_reporting": "Activity for ads reporting",
    "ads_sharing_partners": "Sharing info with partners",
}
SEARCH_PRIVACY = "search_privacy"
GENAI_RESULTS = "genai_canvas_results"  # a bystander row with similar words (invented)
PATHS = {"privacy": "/settings/privacy", "privacy-and-data": "/settings/privacy-and-data"}


def safe_next(target: str) -> str:
    """Keep `next` only when it is a path on this site."""
    if target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return "/"


class PinterestSite(Site):
    """www.pinterest.com (pinterest.com redirects there)."""

    name = "pinterest"
    hosts = (HOST, "pinterest.com")
    default_settings: ClassVar[Mapping[str, object]] = {
        GENAI: True,
        GENAI_RESULTS: True,
        SEARCH_PRIVACY: False,
        **dict.fromkeys(ADS, True),
    }
    faults = COMMON_FAULTS | {
        "two-factor",
        "captcha",
        "expired-session",
        "needs-done",
        "genai-checkbox",
        "label-changed",
        "absent",
        "privacy-path",
        "done-label",
        "done-disabled",
        "done-per-section",
        "unnamed",
        "inverted",
        "mentions-2fa",
    }
    session_cookie = SESSION_COOKIE

    def handle(self, request: Request) -> Response:
        """Redirect the bare domain, then route on the path."""
        if request.host != HOST:
            query = f"?{urlencode(request.query)}" if request.query else ""
            return Response.redirect(f"{ORIGIN}{request.path}{query}", 301)
        account = self.account_of(request)
        path = request.path.rstrip("/") or "/"
        post = request.method == "POST"
        if path == "/":
            return Response.html(pages.home_feed(account) if account else pages.guest_home())
        if path == "/login":
            if account:
                return Response.redirect(safe_next(request.query.get("next", "/")))
            return Response.html(pages.login_page(safe_next(request.query.get("next", "/"))))
        if path == "/resource/UserSessionResource/create" and post:
            return self._login(request)
        if path == "/login/two_factor":
            return self._two_factor_page(request)
        if path == "/login/two_factor/verify" and post:
            return self._two_factor_click(request)
        if path.startswith("/settings") or path.startswith("/resource/UserSettingsResource"):
            if account is None:
                if path.startswith("/resource/"):
                    return Response.json({"status": "failure", "message": "Unauthorized"}, 401)
                return Response.redirect(f"/login/?next={quote(request.path, safe='/')}", 302)
            self.delay(account)
            return self._settings(request, path, account)
        return Response.html(pages.not_found(), 404)

    # -- signing in --------------------------------------------------------------------------

    def _login(self, request: Request) -> Response:
        """The login form's XHR: a JSON verdict the page acts on."""
        form = request.form
        user = form.get("id", "").strip()
        next_path = safe_next(form.get("next", "/"))
        if user:
            self.state.count(user, PASSWORD_SUBMISSIONS)
        if not self.state.password_matches(user, form.get("password", "")):
            message = "The password you entered is incorrect. Try again or reset your password."
            return Response.json({"status": "failure", "message": message})
        if self.state.fault("captcha", user):
            return Response.json({"status": "captcha"})
        if self.state.fault("two-factor", user):
            token = self.state.issue(TWO_FACTOR, user)
            return Response.json({"status": "challenge", "next": f"/login/two_factor/?token={token}"})
        token = self.state.issue(SESSION, user)
        response = Response.json({"status": "success", "next": next_path})
        response.set_cookies += [
            f"{SESSION_COOKIE}={token}; Secure; HttpOnly; Path=/; SameSite=Lax",
            f"{CSRF_COOKIE}={secrets.token_hex(16)}; Secure; Path=/; SameSite=Lax",
        ]
        return response

    def _two_factor_page(self, request: Request) -> Response:
        """The code page of a pending two-factor sign-in."""
        token = request.query.get("token", "")
        if self.state.lookup(TWO_FACTOR, token) is None:
            return Response.redirect("/login/")
        return Response.html(pages.two_factor_page(token))

    def _two_factor_click(self, request: Request) -> Response:
        """ "Verify": counted, and the same page again (no code is ever right here)."""
        token = request.form.get("token", "")
        pending = self.state.lookup(TWO_FACTOR, token)
        if pending is None:
            return Response.redirect("/login/")
        self.state.count(pending["account"], CHALLENGE_CLICKS)
        return Response.redirect(f"/login/two_factor/?token={token}")

    # -- Settings > Privacy and data ---------------------------------------------------------

    def _privacy_paths(self, account: str) -> list[str]:
        """The path(s) the Privacy and data page is served at."""
        value = self.state.fault("privacy-path", account)
        if value == "both":
            return list(PATHS.values())
        return [PATHS.get(str(value), PATHS["privacy"]) if value else PATHS["privacy"]]

    def _sections(self, account: str) -> list[dict[str, object]]:
        """What the page shows, in order; the GenAI section follows the faults."""
        done_only = bool(self.state.fault("needs-done", account))
        label = GENAI_LABEL
        if self.state.fault("label-changed", account):
            label = "Use your data to improve Pinterest's AI features"
        inverted = bool(self.state.fault("inverted", account))
        if inverted:
            label = "Don't use your data to train Pinterest Canvas"
        unnamed = bool(self.state.fault("unnamed", account))
        kind = "checkbox" if self.state.fault("genai-checkbox", account) else "switch"
        sections: list[dict[str, object]] = [
            {
                "id": "search",
                "title": "Search privacy",
                "items": [
                    {
                        "key": SEARCH_PRIVACY,
                        "label": "Hide your profile from search engines",
                        "kind": "switch",
                        "autosave": True,
                    }
                ],
            },
            {
                "id": "ads",
                "title": "Ads personalization",
                "intro": "Tick or untick the boxes next to each setting, then click Done.",
                "items": [{"key": k, "label": v, "kind": "checkbox", "autosave": False} for k, v in ADS.items()],
            },
        ]
        if not self.state.fault("absent", account):
            genai = {
                "key": GENAI,
                "label": label,
                "desc": GENAI_DESC,
                "more": HELP,
                "kind": kind,
                "inverted": inverted,
                "unnamed": unnamed,
            }
            results = {
                "key": GENAI_RESULTS,
                "label": "Use your data to personalize your Pinterest Canvas results",
                "kind": "switch",
                "unnamed": unnamed,
            }
            sections.append(
                {
                    "id": "genai",
                    "title": "GenAI",
                    "items": [{**item, "autosave": not done_only} for item in (results, genai)],
                }
            )
        return sections

    def _settings(self, request: Request, path: str, account: str) -> Response:
        """The settings pages and the settings resource."""
        if path == "/resource/UserSettingsResource/get":
            keys = (GENAI, GENAI_RESULTS, SEARCH_PRIVACY, *ADS)
            return Response.json({k: bool(self.state.get_setting(account, k)) for k in keys})
        if path == "/resource/UserSettingsResource/update" and request.method == "POST":
            return self._update(request, account)
        if path in self._privacy_paths(account):
            fault = self.state.fault
            return Response.html(
                pages.privacy_page(
                    account,
                    path + "/",
                    self._sections(account),
                    doneLabel=str(fault("done-label", account) or "Done"),
                    doneDisabled=bool(fault("done-disabled", account)),
                    donePerSection=bool(fault("done-per-section", account)),
                    intro=MENTIONS_2FA if fault("mentions-2fa", account) else "",
                )
            )
        if path == "/settings":
            return Response.redirect("/settings/edit-profile/")
        if path in ("/settings/edit-profile", "/settings/account-settings", "/settings/security"):
            html = pages.pinterest_page("Settings | Pinterest", pages.member_header(account) + "<main>Settings</main>")
            return Response.html(html)
        return Response.html(pages.not_found(), 404)

    def _update(self, request: Request, account: str) -> Response:
        """POST {"changes": {key: bool}} with X-CSRFToken = the csrftoken cookie."""
        given = request.header("x-csrftoken").encode()
        if not given or not hmac.compare_digest(given, request.cookies.get(CSRF_COOKIE, "").encode()):
            return Response.json({"status": "failure", "message": "CSRF"}, 403)
        body = request.json
        changes = body.get("changes") if isinstance(body, dict) else None
        if not isinstance(changes, dict) or not changes:
            return Response.json({"status": "failure"}, 400)
        allowed = set(self.default_settings)
        if self.state.fault("absent", account):
            allowed -= {GENAI, GENAI_RESULTS}
        if not all(k in allowed and isinstance(v, bool) for k, v in changes.items()):
            return Response.json({"status": "failure"}, 400)
        for key, value in changes.items():
            if not self.save(account, key, value):
                return Response.json({"status": "failure", "message": "Internal Server Error"}, 500)
        # The page shows what it asked for (a no-persist save looks fine until a reload).
        return Response.json(changes)


SITE = PinterestSite
