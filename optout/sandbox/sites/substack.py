"""Substack replica: sign-in, the publication list, and each publication's "AI training" toggle.

Written from platforms.md §11, platforms.json (Substack) and platforms-addendum.md §4: the hosts
substack.com and <subdomain>.substack.com, https://substack.com/sign-in (email, then a magic
link by default, or for accounts that have one a password, via the link "Sign in with password";
success lands on /home), POST /api/v1/login with {captcha_response, email, for_pub, password,
redirect}, captcha on login, the session cookies substack.sid / substack.lli,
/sign-in?redirect=...&for_pub=<subdomain>, GET /api/v1/user/profile/self with publicationUsers[]
(publication: subdomain, custom_domain, custom_domain_optional), and /publish/settings with the
2026 toggle "Opt out of AI training" (privacy section) or the 2023 one "Block AI training"
("Publication details"); ON means opted out; default off. Save behaviour is unknown: the replica
saves on each toggle (a PUT), and `needs-save` models the other possibility.

Accounts (settings given to Sandbox.add_account): `publications` (the subdomains the account
runs; default fieldnotes and quietmargins), `has_password` (default True; False = the account
only signs in by magic link), and `block_ai_training:<subdomain>` (default: fieldnotes off,
quietmargins on - already opted out -, lanternpost off). fieldnotes has the custom domain
letters.fieldnotes.example (not optional).

Faults (Sandbox.set_fault; per account, or site-wide with account=None; those acting on the
signed-out sign-in page - email-first, password-link-after-email - only site-wide):
  no-persist, save-500, slow   the common ones (slow: dashboard pages and APIs wait `value` s)
  captcha          a correct password meets "Please complete the captcha to continue" (+ Verify,
                   counted as a challenge click, never solved); value "human": the screen says
                   "Verify you are human" with a Continue button instead
  expired-session  every existing session of the account stops working
  email-first      the sign-in page has no "Sign in with password" link: Continue posts the
                   email, then a password field appears (accounts with a password) or "Check
                   your email" (magic link only)
  password-link-after-email  no "Sign in with password" on the first step: Continue mails a link
                   and only then offers "Sign in with password" (a second step optout cannot take)
  wording-2023     the toggle is "Block AI training" in "Publication details" (native checkbox
                   role=switch) instead of the 2026 "Opt out of AI training" (button role=switch)
  needs-save       toggles change only on the page until "Save changes" is pressed
  custom-domain-redirect  a publication with a custom domain (value: its subdomain, or True for
                   all) sends /publish/settings to https://<custom domain>/publish/settings
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import ClassVar
from urllib.parse import quote, urlencode

from optout.sandbox.messages import Request, Response
from optout.sandbox.site import CHALLENGE_CLICKS, COMMON_FAULTS, PASSWORD_SUBMISSIONS, WRITES, Site
from optout.sandbox.sites import _substack_pages as pages
from optout.sandbox.state import SESSION

HOST = "substack.com"
SESSION_COOKIE = "substack.sid"
AI_KEY = "block_ai_training"


class Publication:
    """A replica publication: its subdomain, name and optional custom domain."""

    def __init__(self, pub_id: int, subdomain: str, name: str, custom_domain: str | None = None) -> None:
        self.id = pub_id
        self.subdomain = subdomain
        self.name = name
        self.custom_domain = custom_domain

    def as_json(self) -> dict[str, object]:
        """The `publication` object of /api/v1/user/profile/self."""
        return {
            "id": self.id,
            "name": self.name,
            "subdomain": self.subdomain,
            "custom_domain": self.custom_domain,
            "custom_domain_optional": False,
            "hero_text": f"Notes from {self.name}",
            "author_id": 4000 + self.id,
        }


PUBLICATIONS = {
    p.subdomain: p
    for p in (
        Publication(101, "fieldnotes", "Field Notes", "letters.fieldnotes.example"),
        Publication(102, "quietmargins", "Quiet Margins"),
        Publication(103, "lanternpost", "The Lantern Post"),
    )
}
CUSTOM_HOSTS = {p.custom_domain: p for p in PUBLICATIONS.values() if p.custom_domain}
# Publications the account only reads; listed under `subscriptions`, never to be touched.
SUBSCRIPTIONS = ({"subdomain": "dailyfern", "name": "Daily Fern"}, {"subdomain": "quietmargins-fans", "name": "Fans"})
BYSTANDERS = ("enable_ai_voiceover", "opt_out_recommendations", "block_search_indexing", "enable_comments")


def safe_path(target: str) -> str:
    """Keep a redirect only when it is a path on the same host."""
    if target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return "/home"


class SubstackSite(Site):
    """substack.com, three publications' subdomains, and one custom domain."""

    name = "substack"
    hosts = (HOST, "www.substack.com", *(f"{s}.substack.com" for s in PUBLICATIONS), *CUSTOM_HOSTS)
    default_settings: ClassVar[Mapping[str, object]] = {
        "publications": ["fieldnotes", "quietmargins"],
        "has_password": True,
        f"{AI_KEY}:fieldnotes": False,
        f"{AI_KEY}:quietmargins": True,
        f"{AI_KEY}:lanternpost": False,
    }
    faults = COMMON_FAULTS | {
        "captcha",
        "expired-session",
        "email-first",
        "wording-2023",
        "needs-save",
        "custom-domain-redirect",
        "password-link-after-email",
    }
    session_cookie = SESSION_COOKIE

    def setup(self) -> None:
        """The bystander toggles' values live only in memory: (account, subdomain, key) -> value."""
        self.extras: dict[tuple[str, str, str], bool] = {}

    def handle(self, request: Request) -> Response:
        """Route by host: substack.com, a publication's subdomain, or a custom domain."""
        if request.host == "www.substack.com":
            return Response.redirect(f"https://{HOST}{request.path}", 301)
        if request.host in CUSTOM_HOSTS:
            pub = CUSTOM_HOSTS[request.host]
            return Response.html(pages.message_page(pub.name, f"{pub.name} on its own domain.", pub.name))
        account = self.account_of(request)
        if request.host == HOST:
            return self._main(request, account)
        return self._publication(request, account, request.host.removesuffix(".substack.com"))

    def publications_of(self, account: str) -> list[str]:
        """The subdomains an account runs."""
        value = self.state.get_setting(account, "publications")
        return [str(p) for p in value] if isinstance(value, list) else []

    # -- substack.com ------------------------------------------------------------------------

    def _main(self, request: Request, account: str | None) -> Response:
        """Sign-in, its APIs, the home page and the profile API."""
        path = request.path.rstrip("/") or "/"
        post = request.method == "POST"
        if path == "/sign-in":
            return self._sign_in_page(request, account)
        if path == "/api/v1/email-login" and post:
            return self._email_login(request)
        if path == "/api/v1/login" and post:
            return self._login(request)
        if path == "/api/v1/captcha" and post:
            return self._captcha(request)
        if path == "/api/v1/user/profile/self":
            if account is None:
                return Response.json({"error": "Not authorized"}, 401)
            return Response.json(self._profile(account))
        if path in ("/", "/home"):
            if account is None:
                return Response.redirect(f"/sign-in?{urlencode({'redirect': '/home'})}")
            return Response.html(pages.home_page(account, self.publications_of(account)))
        return Response.html(pages.message_page("Not found", "This page does not exist."), 404)

    def _sign_in_page(self, request: Request, account: str | None) -> Response:
        """The sign-in form; a signed-in browser is sent on (to a publication with for_pub)."""
        if account is not None:
            target = safe_path(request.query.get("redirect", "/home"))
            pub = request.query.get("for_pub", "")
            if pub in PUBLICATIONS:
                return Response.redirect(f"https://{pub}.substack.com{target}")
            return Response.redirect(target)
        hidden = self.state.fault("email-first") or self.state.fault("password-link-after-email")
        return Response.html(pages.sign_in_page(password_link=not hidden))

    def _email_login(self, request: Request) -> Response:
        """Continue with an email: a password step for accounts with one (email-first), else a link."""
        body = request.json if isinstance(request.json, dict) else {}
        email = str(body.get("email", "")).strip()
        known = self.state.has_account(email)
        if self.state.fault("email-first") and known and self.state.get_setting(email, "has_password"):
            return Response.json({"has_password": True})
        return Response.json({"sent": True, "offer_password": bool(self.state.fault("password-link-after-email"))})

    def _login(self, request: Request) -> Response:
        """POST /api/v1/login: the password, checked; then captcha, magic link or a session."""
        body = request.json if isinstance(request.json, dict) else {}
        email = str(body.get("email", "")).strip()
        password = str(body.get("password", ""))
        if email:
            self.state.count(email, PASSWORD_SUBMISSIONS)
        if self.state.has_account(email) and not self.state.get_setting(email, "has_password"):
            return Response.json({"error": "magic_link", "message": "We emailed you a link."}, 400)
        if not self.state.password_matches(email, password):
            return Response.json({"error": "invalid", "message": "Invalid email or password"}, 401)
        if self.state.fault("captcha", email):
            human = self.state.fault("captcha", email) == "human"
            return Response.json({"error": "captcha", "message": "Please complete the captcha", "human": human}, 400)
        token = self.state.issue(SESSION, email)
        target = safe_path(str(body.get("redirect", "/home")))
        pub = str(body.get("for_pub", ""))
        destination = f"https://{pub}.substack.com{target}" if pub in PUBLICATIONS else target
        response = Response.json({"redirect": "/home" if destination == "/" else destination})
        response.set_cookies += [
            f"{SESSION_COOKIE}={token}; Domain=substack.com; Secure; HttpOnly; Path=/; SameSite=Lax",
            "substack.lli=1; Domain=substack.com; Secure; Path=/; SameSite=Lax",
        ]
        return response

    def _captcha(self, request: Request) -> Response:
        """The captcha's Verify button: counted, never solved."""
        body = request.json if isinstance(request.json, dict) else {}
        email = str(body.get("email", "")).strip()
        if email:
            self.state.count(email, CHALLENGE_CLICKS)
        return Response.json({"error": "captcha"}, 400)

    def _profile(self, account: str) -> dict[str, object]:
        """GET /api/v1/user/profile/self (python-substack's fields)."""
        users = [
            {
                "id": 9000 + PUBLICATIONS[s].id,
                "publication_id": PUBLICATIONS[s].id,
                "role": "admin",
                "is_primary": index == 0,
                "publication": PUBLICATIONS[s].as_json(),
            }
            for index, s in enumerate(self.publications_of(account))
            if s in PUBLICATIONS
        ]
        return {
            "id": 4242,
            "name": account.split("@")[0],
            "handle": re.sub(r"[^a-z0-9]", "", account.split("@")[0].lower()),
            "publicationUsers": users,
            "subscriptions": [{"publication": dict(p)} for p in SUBSCRIPTIONS],
        }

    # -- <subdomain>.substack.com ------------------------------------------------------------

    def _publication(self, request: Request, account: str | None, subdomain: str) -> Response:
        """A publication's dashboard settings page and its API."""
        pub = PUBLICATIONS[subdomain]
        path = request.path.rstrip("/") or "/"
        api = path == "/api/v1/publication"
        if account is None:
            if api:
                return Response.json({"error": "Not authorized"}, 401)
            query = urlencode({"redirect": path, "for_pub": subdomain}, quote_via=quote)
            return Response.redirect(f"https://{HOST}/sign-in?{query}")
        self.delay(account)
        if subdomain not in self.publications_of(account):
            if api:
                return Response.json({"error": "Forbidden"}, 403)
            return Response.html(pages.message_page("No access", "You are not an admin of this publication."), 403)
        if api:
            return self._publication_api(request, account, pub)
        if path == "/publish/settings":
            redirect = self.state.fault("custom-domain-redirect", account)
            if pub.custom_domain and redirect in (True, subdomain):
                return Response.redirect(f"https://{pub.custom_domain}/publish/settings", 302)
            layout = "2023" if self.state.fault("wording-2023", account) else "2026"
            needs_save = bool(self.state.fault("needs-save", account))
            return Response.html(pages.dashboard_settings_page(pub.name, layout=layout, needs_save=needs_save))
        if path in ("/", "/publish", "/publish/home"):
            return Response.html(pages.message_page(pub.name, "Your dashboard.", pub.name))
        return Response.html(pages.message_page("Not found", "This page does not exist."), 404)

    def _publication_api(self, request: Request, account: str, pub: Publication) -> Response:
        """GET the publication's settings; PUT {key: bool, ...} saves them."""
        if request.method == "GET":
            layout_2023 = bool(self.state.fault("wording-2023", account))
            data: dict[str, object] = {
                "name": pub.name,
                "subdomain": pub.subdomain,
                "hero_text": f"Notes from {pub.name}",
                AI_KEY: bool(self.state.get_setting(account, f"{AI_KEY}:{pub.subdomain}")),
                "ai_help": pages.HELP_2023 if layout_2023 else pages.HELP_2026,
            }
            for key in BYSTANDERS:
                data[key] = self.extras.get((account, pub.subdomain, key), key == "enable_comments")
            return Response.json(data)
        if request.method != "PUT":
            return Response.json({"error": "Method not allowed"}, 405)
        body = request.json
        if not isinstance(body, dict) or not body or not all(isinstance(v, bool) for v in body.values()):
            return Response.json({"error": "Bad request"}, 400)
        if set(body) - {AI_KEY, *BYSTANDERS}:
            return Response.json({"error": "Unknown setting"}, 400)
        answer: dict[str, object] = {}
        for key, value in body.items():
            if key == AI_KEY:
                if not self.save(account, f"{AI_KEY}:{pub.subdomain}", value):
                    return Response.json({"error": "Internal Server Error"}, 500)
            else:
                self.state.count(account, WRITES)  # a stray click shows up in the write count
                self.extras[(account, pub.subdomain, key)] = value
            answer[key] = value
        return Response.json(answer)


SITE = SubstackSite
