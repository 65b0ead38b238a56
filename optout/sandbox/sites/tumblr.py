"""Tumblr replica: log-in, 2FA and captcha checks, the blog switcher, per-blog Visibility toggles (platforms.md §9).

Reference facts modelled (platforms.md §9, platforms-addendum.md §3): the log-in at
`https://www.tumblr.com/login` with `input[name="email"]`, `input[name="password"]` and a submit
button (2024), or the older email -> "Next" -> password steps; a code after the password (2FA)
and a captcha; `api.tumblr.com/v2/user/info` listing `response.user.blogs[]` (name, url,
title, primary, type, admin); the settings blog switcher linking to `/settings/blog/<blog>`; and
per blog the "Visibility" section's toggle "Prevent third-party sharing for <blog>", ON = opted
out, with Tumblr's help text. The toggle's markup and save behaviour are unknown: the replica
renders a `role=switch` button that saves at once (or, with faults, a checkbox, or a Save).
A blog that discouraged searching had the toggle switched on at launch: the side blog here.

Every account has two blogs, BLOGS: the primary (sharing allowed) and a side blog (searching
discouraged, so already opted out). State per blog: `<blog>:<key>` for each TOGGLES key.

Faults (per account unless said):
  no-persist, save-500, slow   the common ones, on the blog settings API (and pages, for slow)
  two-step-login   site-wide: the log-in asks for the email, "Next", then the password
  two-factor       a correct password leads to "Two-factor authentication" (Authentication code)
  captcha          a correct password leads to "Please confirm you're not a robot"
  expired-session  every existing session of the account stops working (new log-ins work)
  checkbox-toggle  the toggles are native checkboxes inside their labels
  needs-save       toggles change only on the page until a "Save" button is pressed
  api-401          api.tumblr.com/v2/user/info answers 401 even with a session
  busy-pages       site-wide: the log-in page has a header "Log in" button and a "protected by
                   reCAPTCHA" note; account settings show a "Two-factor authentication" section
  unnamed-switch   the switches have no accessible name; the label is text beside them
  select-switcher  the settings blog switcher is a <select> of blog names, not links
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar
from urllib.parse import quote

from optout.sandbox.messages import Request, Response
from optout.sandbox.site import CHALLENGE_CLICKS, COMMON_FAULTS, PASSWORD_SUBMISSIONS, Site
from optout.sandbox.sites import _tumblr_pages as pages
from optout.sandbox.state import SESSION

HOST = "www.tumblr.com"
API_HOST = "api.tumblr.com"
ORIGIN = f"https://{HOST}"
SESSION_COOKIE = "sid"
CHECK_COOKIE = "logged_out_check"
CHECK = "check"
PRIMARY, SIDE = "driftwood-notes", "moth-archive"
BLOGS = (PRIMARY, SIDE)
TITLES = {PRIMARY: "Driftwood Notes", SIDE: "Moth Archive"}
TOGGLES = ("hide_from_logged_out", "discourage_search", "prevent_third_party_sharing", "share_to_apps")
DEFAULTS: dict[str, object] = {
    **{f"{b}:{k}": False for b in BLOGS for k in TOGGLES},
    f"{SIDE}:discourage_search": True,
    f"{SIDE}:prevent_third_party_sharing": True,
    f"{PRIMARY}:share_to_apps": True,
}
UNAUTHORIZED = {
    "meta": {"status": 401, "msg": "Unauthorized"},
    "response": [],
    "errors": [{"title": "Unauthorized", "code": 1016, "detail": "Unable to authorize"}],
}


def safe_redirect(target: str) -> str:
    """Keep `redirect_to` only when it is a path on this site."""
    if target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return ""


class TumblrSite(Site):
    """www.tumblr.com (tumblr.com redirects there) and api.tumblr.com."""

    name = "tumblr"
    hosts = (HOST, "tumblr.com", API_HOST)
    default_settings: ClassVar[Mapping[str, object]] = DEFAULTS
    faults = COMMON_FAULTS | {
        "two-step-login",
        "two-factor",
        "captcha",
        "expired-session",
        "checkbox-toggle",
        "needs-save",
        "api-401",
        "busy-pages",
        "unnamed-switch",
        "select-switcher",
    }
    session_cookie = SESSION_COOKIE

    def handle(self, request: Request) -> Response:
        """Dispatch on host, then path."""
        account = self.account_of(request)
        if request.host == API_HOST:
            return self._user_info(request, account)
        if request.host != HOST:
            return Response.redirect(ORIGIN + request.path, 301)
        path = request.path.rstrip("/") or "/"
        if path == "/login":
            return self._login(request, account)
        if path in ("/login/two-factor", "/login/captcha"):
            return self._check(request, path.removeprefix("/login/"))
        if account is None:
            if path in ("/dashboard", "/settings") or path.startswith(("/settings/", "/api/")):
                if path.startswith("/api/"):
                    return Response.json(UNAUTHORIZED, 401)
                return Response.redirect("/login?redirect_to=" + quote(request.path, safe="/"))
            return Response.html(pages.not_found_page(), 404)
        self.delay(account)
        if path == "/" or path == "/dashboard":
            return Response.html(pages.dashboard_page(account))
        if path == "/settings":
            return Response.redirect("/settings/account")
        if path.startswith("/settings/blog/"):
            blog = path.removeprefix("/settings/blog/")
            if blog not in BLOGS:
                return Response.html(pages.not_found_page(), 404)
            return Response.html(pages.blog_settings_page(account, list(BLOGS), blog))
        if path in ("/settings/account", "/settings/dashboard", "/settings/notifications"):
            heading = path.removeprefix("/settings/").capitalize()
            content = f"<p>Email: {account}</p>" if heading == "Account" else "<p>Nothing to change here.</p>"
            if self.state.fault("busy-pages"):
                content += (
                    "<section><h2>Security</h2><p>Two-factor authentication is off. Require an authentication "
                    "app or a code by SMS when you log in.</p>"
                    '<button type="button">Enable</button></section>'
                )
            select = bool(self.state.fault("select-switcher", account))
            return Response.html(pages.settings_page(account, list(BLOGS), heading, content, select=select))
        if path.startswith("/api/v2/blog/") and path.endswith("/settings"):
            return self._blog_api(request, path.removeprefix("/api/v2/blog/").removesuffix("/settings"), account)
        return Response.html(pages.not_found_page(), 404)

    # -- logging in ---------------------------------------------------------------------------

    def _login(self, request: Request, account: str | None) -> Response:
        """GET shows the form (or moves on when signed in); POST checks the password."""
        two_step = bool(self.state.fault("two-step-login"))
        busy = bool(self.state.fault("busy-pages"))
        if request.method != "POST":
            redirect = safe_redirect(request.query.get("redirect_to", ""))
            if account is not None:
                return Response.redirect(redirect or "/dashboard")
            return Response.html(pages.login_page(redirect, two_step=two_step, busy=busy))
        form = request.form
        user = form.get("email", "").strip()
        redirect = safe_redirect(form.get("redirect_to", ""))
        if user:
            self.state.count(user, PASSWORD_SUBMISSIONS)
        if not self.state.password_matches(user, form.get("password", "")):
            return Response.html(pages.login_page(redirect, two_step=two_step, error=True, email=user, busy=busy))
        for kind in ("two-factor", "captcha"):
            if self.state.fault(kind, user):
                token = self.state.issue(CHECK, user, check=kind)
                response = Response.redirect(f"/login/{kind}")
                response.set_cookies.append(f"{CHECK_COOKIE}={token}; Secure; HttpOnly; Path=/login; SameSite=Lax")
                return response
        response = Response.redirect(redirect or "/dashboard")
        token = self.state.issue(SESSION, user)
        response.set_cookies.append(f"{SESSION_COOKIE}={token}; Domain=tumblr.com; Secure; HttpOnly; Path=/")
        return response

    def _check(self, request: Request, kind: str) -> Response:
        """The 2FA or captcha page; what is submitted there is counted and never accepted."""
        pending = self.state.lookup(CHECK, request.cookies.get(CHECK_COOKIE))
        if pending is None or pending["check"] != kind:
            return Response.redirect("/login")
        if request.method == "POST":
            self.state.count(pending["account"], CHALLENGE_CLICKS)
            return Response.html(pages.check_page(kind, retried=True))
        return Response.html(pages.check_page(kind))

    # -- APIs ------------------------------------------------------------------------------

    def _user_info(self, request: Request, account: str | None) -> Response:
        """api.tumblr.com/v2/user/info: the account's blogs."""
        if request.path.rstrip("/") != "/v2/user/info":
            return Response.json({"meta": {"status": 404, "msg": "Not Found"}, "response": []}, 404)
        if account is None or self.state.fault("api-401", account):
            return Response.json(UNAUTHORIZED, 401)
        blogs = [
            {
                "name": blog,
                "title": TITLES[blog],
                "url": f"https://{blog}.tumblr.com/",
                "primary": blog == PRIMARY,
                "type": "public",
                "admin": True,
                "followers": 3,
            }
            for blog in BLOGS
        ]
        user = {"name": PRIMARY, "likes": 0, "following": 2, "default_post_format": "html", "blogs": blogs}
        return Response.json({"meta": {"status": 200, "msg": "OK"}, "response": {"user": user}})

    def _blog_api(self, request: Request, blog: str, account: str) -> Response:
        """GET a blog's toggles; POST {"key": bool, ...} changes them."""
        if blog not in BLOGS:
            return Response.json({"meta": {"status": 404, "msg": "Not Found"}}, 404)
        if request.method == "GET":
            return Response.json(
                {
                    "name": blog,
                    "values": {k: bool(self.state.get_setting(account, f"{blog}:{k}")) for k in TOGGLES},
                    "checkbox": bool(self.state.fault("checkbox-toggle", account)),
                    "needs_save": bool(self.state.fault("needs-save", account)),
                    "reversed": blog == SIDE,
                    "unnamed": bool(self.state.fault("unnamed-switch", account)),
                }
            )
        if request.method != "POST":
            return Response.json({"meta": {"status": 405, "msg": "Method Not Allowed"}}, 405)
        body = request.json
        valid = isinstance(body, dict) and body and all(k in TOGGLES and isinstance(v, bool) for k, v in body.items())
        if not valid or not isinstance(body, dict):
            return Response.json({"meta": {"status": 400, "msg": "Bad Request"}}, 400)
        for key, value in body.items():
            if not self.save(account, f"{blog}:{key}", value):
                return Response.json({"meta": {"status": 500, "msg": "Server Error"}}, 500)
        return Response.json({"meta": {"status": 200, "msg": "OK"}, "response": body})


SITE = TumblrSite
