"""WordPress.com replica: Calypso log-in, the sites list, per-site General settings (platforms.md §10, addendum §14).

Reference facts modelled: the identifier-first form at /log-in (`input[name="usernameOrEmail"]`,
"Continue", then `#password` revealed in `.login__form-password` and the button saying "Log In");
passwordless accounts whose password never appears; the 2FA step (`twoStepCode`, "Verification
code", "Continue"); a Blackbox check that stops the submission; the REST listing
`public-api.wordpress.com/rest/v1.1|v1.2/me/sites` (ID, name, URL, is_private, is_coming_soon,
jetpack, is_wpcom_atomic, capabilities.manage_options); the dashboard at /sites; and per site
`/settings/general/<site>` with the exact checkbox `#wpcom_site_visibility_data_sharing_opt_out`
"Prevent third-party sharing for <slug>", checked and disabled when search engines are
discouraged, not shown for Private or Coming Soon sites, saved with the Privacy card's "Save
settings". The page renders after its settings load from the REST API (CORS, with cookies).

Every account has the same seven sites (SITES); per-site state is `<slug>:visibility`
("public", "discourage", "private", "coming-soon") and `<slug>:opt_out` (bool); `sites`
(comma-separated slugs, empty = all) limits the account's memberships.

Faults (per account unless said):
  no-persist, save-500, slow   the common ones, on the settings API (and pages, for slow)
  two-step         a correct password leads to /log-in/authenticator (Verification code)
  passwordless     the account has no password: after Continue, "Check your email"
  blackbox         after Continue + password, "Verify that you are human"; nothing is submitted
  expired-session  every existing session of the account stops working (new log-ins work)
  new-dashboard    the newer toggle "Prevent third-party sharing for this site" and one "Save"
                   (plus a hidden legacy input with the old field name)
  api-refused      /me/sites answers 403 authorization_required even with a session
  bare-sites-list  the /sites table has no Status column
  atomic-in-options  the listing gives `is_wpcom_atomic` only under `options` (as the real API
                   does), not at the top level
  save-wording     the Privacy card's button says "Save privacy settings"
  pressed-toggle   with new-dashboard: the toggle is a `button[aria-pressed]` named by its text
  cspreport        settings pages POST to /cspreport every 300 ms, so the network never idles
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import ClassVar
from urllib.parse import quote, urlsplit

from optout.sandbox.messages import Request, Response
from optout.sandbox.site import CHALLENGE_CLICKS, COMMON_FAULTS, PASSWORD_SUBMISSIONS, Site
from optout.sandbox.sites import _wordpress_pages as pages
from optout.sandbox.state import SESSION

HOST = "wordpress.com"
API_HOST = "public-api.wordpress.com"
ORIGIN = f"https://{HOST}"
SESSION_COOKIE = "wordpress_logged_in"
TWO_STEP_COOKIE = "wpcom_two_step"
TWO_STEP = "two-step"
WRONG_PASSWORD = "Oops, looks like that's not the right password. Please try again!"  # Calypso's string
UNAUTHORIZED = {
    "error": "authorization_required",
    "message": "An active access token must be used to query information about the current user.",
}


@dataclass(frozen=True)
class WpSite:
    """One site every replica account belongs to."""

    id: int
    slug: str
    name: str
    visibility: str
    opt_out: bool = False
    plan: str = "Free"
    jetpack: bool = False
    atomic: bool = False
    manage: bool = True

    @property
    def url(self) -> str:
        """The site's address, as the REST API gives it."""
        return f"https://{self.slug}"


# Listed in this order, so the first is not the one to change.
SITES = (
    WpSite(1102, "mydiary.wordpress.com", "My Diary", "private"),
    WpSite(1101, "hushnotes.wordpress.com", "Hush Notes", "discourage"),
    WpSite(1103, "quietmornings.wordpress.com", "Quiet Mornings", "public", plan="Personal"),
    WpSite(1104, "soonbakery.com", "Soon Bakery", "coming-soon", plan="Premium"),
    WpSite(1105, "shop.example-atomic.com", "Atomic Shop", "public", True, "Business", jetpack=True, atomic=True),
    WpSite(1106, "selfhosted.example.org", "Self-hosted", "public", plan="Jetpack Free", jetpack=True),
    WpSite(1107, "teamblog.wordpress.com", "Team Blog", "public", manage=False),
)
BY_ID = {s.id: s for s in SITES}
BY_SLUG = {s.slug: s for s in SITES}
STATUS = {"public": "Public", "discourage": "Public", "private": "Private", "coming-soon": "Coming soon"}


def defaults() -> dict[str, object]:
    """Every account's starting state."""
    values: dict[str, object] = {"sites": ""}
    for s in SITES:
        values[f"{s.slug}:visibility"] = s.visibility
        values[f"{s.slug}:opt_out"] = s.opt_out
    return values


def safe_redirect(target: str) -> str:
    """Keep `redirect_to` only when it stays on wordpress.com."""
    parts = urlsplit(target)
    if target.startswith("/") and not target.startswith("//"):
        return target
    if parts.scheme == "https" and parts.hostname == HOST:
        return target
    return ""


def cors(response: Response) -> Response:
    """Let the Calypso pages on https://wordpress.com read an API answer, with cookies."""
    response.headers["Access-Control-Allow-Origin"] = ORIGIN
    response.headers["Access-Control-Allow-Credentials"] = "true"
    return response


class WordPressSite(Site):
    """wordpress.com and public-api.wordpress.com."""

    name = "wordpress"
    hosts = (HOST, API_HOST)
    default_settings: ClassVar[Mapping[str, object]] = defaults()
    faults = COMMON_FAULTS | {
        "two-step",
        "passwordless",
        "blackbox",
        "expired-session",
        "new-dashboard",
        "api-refused",
        "bare-sites-list",
        "cspreport",
        "atomic-in-options",
        "save-wording",
        "pressed-toggle",
    }
    session_cookie = SESSION_COOKIE

    def handle(self, request: Request) -> Response:
        """Dispatch on host, then path."""
        account = self.account_of(request)
        if request.host == API_HOST:
            return self._api(request, account)
        path = request.path.rstrip("/") or "/"
        if path == "/":
            return Response.redirect("/sites" if account else "/log-in")
        if path == "/log-in":
            return self._login_page(request, account)
        if path == "/wp-login.php" and request.method == "POST":
            return self._login_endpoint(request)
        if path == "/log-in/authenticator":
            return self._two_step(request)
        if path == "/cspreport" and request.method == "POST":
            return Response(204)
        if path == "/log-in/blackbox" and request.method == "POST":
            who = request.form.get("usernameOrEmail", "")
            if who:
                self.state.count(who, CHALLENGE_CLICKS)
            return Response.html(pages.blackbox_page())
        if account is None:
            if path in ("/sites", "/me") or path.startswith(("/settings/", "/home/")):
                return Response.redirect("/log-in?redirect_to=" + quote(ORIGIN + request.path, safe=""))
            return Response.html(pages.not_found_page(), 404)
        self.delay(account)
        if path == "/sites":
            return self._sites_page(account)
        if path.startswith("/home/") or path == "/me":
            return Response.html(pages.home_page(account))
        if path.startswith("/settings/general/"):
            site = BY_SLUG.get(path.removeprefix("/settings/general/"))
            if site is None or site not in self._memberships(account):
                return Response.html(pages.not_found_page(), 404)
            return Response.html(pages.settings_page(account, site.slug, site.id))
        return Response.html(pages.not_found_page(), 404)

    def _memberships(self, account: str) -> list[WpSite]:
        """The sites this account belongs to."""
        chosen = str(self.state.get_setting(account, "sites"))
        if not chosen:
            return list(SITES)
        wanted = {s.strip() for s in chosen.split(",")}
        return [s for s in SITES if s.slug in wanted]

    # -- logging in ---------------------------------------------------------------------------

    def _login_page(self, request: Request, account: str | None) -> Response:
        """GET /log-in: the form, or onwards when already logged in."""
        redirect = safe_redirect(request.query.get("redirect_to", ""))
        if account is not None:
            return Response.redirect(redirect or "/sites")
        return Response.html(pages.login_page(redirect))

    def _login_endpoint(self, request: Request) -> Response:
        """POST /wp-login.php?action=login-endpoint (XHR): the password check."""
        if request.query.get("action") != "login-endpoint":
            return Response.html(pages.not_found_page(), 404)
        form = request.form
        user = form.get("username", "").strip()
        if user:
            self.state.count(user, PASSWORD_SUBMISSIONS)
        if self.state.fault("passwordless", user) or not self.state.password_matches(user, form.get("password", "")):
            error = {"code": "incorrect_password", "message": WRONG_PASSWORD}
            return Response.json({"success": False, "data": {"errors": [error]}}, 400)
        if self.state.fault("two-step", user):
            token = self.state.issue(TWO_STEP, user)
            response = Response.json({"success": True, "data": {"redirect_to": "/log-in/authenticator"}})
            response.set_cookies.append(f"{TWO_STEP_COOKIE}={token}; Secure; HttpOnly; Path=/; SameSite=Lax")
            return response
        token = self.state.issue(SESSION, user)
        target = safe_redirect(form.get("redirect_to", "")) or f"{ORIGIN}/sites"
        response = Response.json({"success": True, "data": {"redirect_to": target}})
        response.set_cookies.append(
            f"{SESSION_COOKIE}={token}; Domain=wordpress.com; Secure; HttpOnly; Path=/; SameSite=None"
        )
        return response

    def _two_step(self, request: Request) -> Response:
        """The verification-code step: a submitted code is counted and never accepted."""
        pending = self.state.lookup(TWO_STEP, request.cookies.get(TWO_STEP_COOKIE))
        if pending is None:
            return Response.redirect("/log-in")
        if request.method == "POST":
            self.state.count(pending["account"], CHALLENGE_CLICKS)
            return Response.html(pages.two_step_page(invalid=True))
        return Response.html(pages.two_step_page())

    # -- the REST API --------------------------------------------------------------------------

    def _api(self, request: Request, account: str | None) -> Response:
        """public-api.wordpress.com: auth options, the sites listing and per-site settings."""
        path = request.path.rstrip("/")
        if path.startswith("/rest/v1.1/users/") and path.endswith("/auth-options"):
            user = path.removeprefix("/rest/v1.1/users/").removesuffix("/auth-options")
            if not self.state.has_account(user):
                return cors(Response.json({"error": "unknown_user", "message": "User does not exist."}, 404))
            options = {
                "passwordless": bool(self.state.fault("passwordless", user)),
                "email_verified": True,
                "blackbox": bool(self.state.fault("blackbox", user)),
            }
            return cors(Response.json(options))
        if path in ("/rest/v1.1/me/sites", "/rest/v1.2/me/sites"):
            if account is None or self.state.fault("api-refused", account):
                return Response.json(UNAUTHORIZED, 403)
            return Response.json({"sites": [self._describe(s, account) for s in self._memberships(account)]})
        if path.startswith("/rest/v1.4/sites/") and path.endswith("/settings"):
            return cors(self._settings(request, path, account))
        return Response.json({"error": "unknown_endpoint", "message": "Unknown endpoint"}, 404)

    def _describe(self, site: WpSite, account: str) -> dict[str, object]:
        """One site as /me/sites lists it."""
        visibility = self.state.get_setting(account, f"{site.slug}:visibility")
        described = {
            "ID": site.id,
            "name": site.name,
            "description": "",
            "URL": site.url,
            "slug": site.slug,
            "jetpack": site.jetpack,
            "is_wpcom_atomic": site.atomic,
            "is_private": visibility == "private",
            "is_coming_soon": visibility == "coming-soon",
            "visible": True,
            "plan": {"product_name_short": site.plan},
            "capabilities": {"manage_options": site.manage, "edit_posts": True, "publish_posts": True},
        }
        if self.state.fault("atomic-in-options", account):
            atomic = described.pop("is_wpcom_atomic")
            described["options"] = {"is_wpcom_atomic": atomic, "is_automated_transfer": atomic}
        return described

    def _settings(self, request: Request, path: str, account: str | None) -> Response:
        """GET the settings a page renders from; POST (form-encoded) the Privacy card."""
        if account is None:
            return Response.json({"error": "authorization_required", "message": "Log in first."}, 403)
        self.delay(account)
        try:
            site = BY_ID[int(path.removeprefix("/rest/v1.4/sites/").removesuffix("/settings"))]
        except (KeyError, ValueError):
            return Response.json({"error": "unknown_blog", "message": "Unknown blog"}, 404)
        if site not in self._memberships(account) or not site.manage:
            return Response.json({"error": "unauthorized", "message": "User cannot manage options"}, 403)
        vis_key, opt_key = f"{site.slug}:visibility", f"{site.slug}:opt_out"
        if request.method == "POST":
            form = request.form
            if form.get("blog_public") in STATUS and form["blog_public"] != self.state.get_setting(account, vis_key):
                self.state.set_setting(account, vis_key, form["blog_public"])
            for field in ("wpcom_data_sharing_opt_out", "wpcom_prevent_third_party_sharing"):
                if field in form and not self.save(account, opt_key, form[field] == "true"):
                    return Response.json({"error": "internal", "message": "Internal Server Error"}, 500)
            return Response.json({"updated": dict(form)})
        return Response.json(
            {
                "slug": site.slug,
                "blogname": site.name,
                "tagline": "Just another WordPress.com site",
                "visibility": self.state.get_setting(account, vis_key),
                "opt_out": bool(self.state.get_setting(account, opt_key)),
                "jetpack": site.jetpack and not site.atomic,
                "dashboard": "new" if self.state.fault("new-dashboard", account) else "classic",
                "privacy_first": site.id % 2 == 1,
                "cspreport": bool(self.state.fault("cspreport", account)),
                "save_label": "Save privacy settings" if self.state.fault("save-wording", account) else "",
                "pressed": bool(self.state.fault("pressed-toggle", account)),
            }
        )

    def _sites_page(self, account: str) -> Response:
        """GET /sites: the dashboard table."""
        rows = [
            (s.name, s.slug, s.plan, STATUS[str(self.state.get_setting(account, f"{s.slug}:visibility"))])
            for s in self._memberships(account)
        ]
        bare = bool(self.state.fault("bare-sites-list", account))
        return Response.html(pages.sites_page(account, rows, status_column=not bare))


SITE = WordPressSite
