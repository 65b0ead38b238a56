"""Safety checks before a password is typed: origin allowlist, the password field, challenges."""

from __future__ import annotations

import re
from urllib.parse import quote, quote_plus, urlsplit

from playwright.async_api import ElementHandle, Locator, Page, Request, Route

from optout.errors import ChallengeSeen, Refused, SiteChanged
from optout.flow import Challenge

# Markers of challenge pages shared by many sites; a flow adds its own (Flow.challenge).
GENERIC_CHALLENGE = Challenge(
    texts=(
        re.compile(r"quick security check|verify (it'?s|that it'?s) you|are you a (human|robot)", re.I),
        re.compile(r"enter the (verification )?code", re.I),
        re.compile(r"account (has been|is) (temporarily )?(restricted|locked|suspended)", re.I),
        re.compile(r"^just a moment(\.*|…)$", re.I),
    ),
)
# A "Two-factor authentication" heading is a challenge only beside a field for the code: the
# same heading names a section of many account settings pages.
TWO_FACTOR = re.compile(r"^\s*two-factor authentication\s*$", re.I)
CODE_FIELD = (
    'input[autocomplete="one-time-code"], input[inputmode="numeric"], input[name*="code" i], '
    'input[name*="otp" i], input[id*="otp" i], input[id*="code" i]'
)
CAPTCHA_FRAMES = (
    'iframe[src*="recaptcha"]',
    'iframe[src*="hcaptcha"]',
    'iframe[src*="challenges.cloudflare.com"]',
    'iframe[src*="arkoselabs"]',
    'iframe[src*="funcaptcha"]',
)


def normalize_origin(url: str) -> str | None:
    """The origin of a URL as "scheme://host[:port]", canonical, or None if malformed.

    Host names are lower-cased, IDNA-encoded and stripped of a trailing dot; the default port
    is dropped; a URL carrying user information is rejected, since `https://a.com@b.com/`
    is a trick that shows one host and goes to another.
    """
    try:
        parts = urlsplit(url.strip())
        host = parts.hostname
        port = parts.port
    except ValueError:
        return None
    if not parts.scheme or not host or "@" in parts.netloc:
        return None
    scheme = parts.scheme.lower()
    try:
        host = host.rstrip(".").encode("idna").decode("ascii").lower()
    except UnicodeError:
        return None
    default = {"https": 443, "http": 80}.get(scheme)
    if port is None or port == default:
        return f"{scheme}://{host}"
    return f"{scheme}://{host}:{port}"


def origin_allowed(url: str, allowed: frozenset[str]) -> bool:
    """True only for an https URL whose exact origin is in the allowlist."""
    origin = normalize_origin(url)
    return origin is not None and origin.startswith("https://") and origin in {normalize_origin(a) for a in allowed}


def require_origin(url: str, allowed: frozenset[str], platform: str) -> None:
    """Refuse (exit 64) unless the page is on an allowed https origin."""
    if not origin_allowed(url, allowed):
        shown = normalize_origin(url) or "an unreadable address"
        expected = ", ".join(sorted(allowed))
        raise Refused(
            f"{platform}: the login page is at {shown}, not at {expected}; nothing was typed",
            hint=f"check your network, then run: optout login {platform} --headed",
        )


async def password_field(page: Page, allowed: frozenset[str], platform: str) -> ElementHandle:
    """The one visible, enabled, editable password input in the top frame; else refuse.

    Hidden decoys are ignored; two visible fields, a disabled or read-only one, or a field
    only inside a frame all refuse, so the password can go nowhere but the one field. The
    element itself is returned, so a field the page inserts later cannot take its place.
    """
    require_origin(page.url, allowed, platform)
    fields = page.main_frame.locator('input[type="password"]')
    usable = [f for f in await fields.all() if await _is_really_visible(f)]
    if not usable:
        await refuse_framed_password_field(page, platform)
        raise SiteChanged(
            f"{platform}: no usable password field on the login page",
            hint=f"run: optout login {platform} --headed, and report the change",
        )
    if len(usable) > 1:
        raise Refused(
            f"{platform}: {len(usable)} visible password fields on the login page; nothing was typed",
            hint=f"run: optout login {platform} --headed",
        )
    field = usable[0]
    if not (await field.is_enabled() and await field.is_editable()):
        raise Refused(
            f"{platform}: the password field is disabled or read-only; nothing was typed",
            hint=f"run: optout login {platform} --headed",
        )
    action = await field.evaluate("el => el.form ? el.form.action : ''")
    _refuse_foreign_target(action, allowed, platform, "the login form would send the password to")
    handle = await field.element_handle()
    if handle is None:
        raise SiteChanged(f"{platform}: the password field went away", hint=f"run: optout login {platform} --headed")
    return handle


async def refuse_framed_password_field(page: Page, platform: str) -> None:
    """Refuse (exit 64) when the only password field is inside a frame: never filled there."""
    for frame in page.frames[1:]:
        if await frame.locator('input[type="password"]').count():
            raise Refused(
                f"{platform}: the password field is inside a frame from "
                f"{normalize_origin(frame.url) or 'an unknown origin'}; nothing was typed",
                hint=f"run: optout login {platform} --headed",
            )


async def _is_really_visible(field: Locator) -> bool:
    """Visible to a person: rendered, not transparent, not zero-sized, on the page."""
    if not await field.is_visible():
        return False
    return bool(
        await field.evaluate(
            """el => {
                const r = el.getBoundingClientRect();
                const s = getComputedStyle(el);
                return r.width > 2 && r.height > 2 && parseFloat(s.opacity) > 0.1
                    && r.right > 0 && r.bottom > 0 && s.visibility !== 'hidden';
            }"""
        )
    )


def challenge_locator(page: Page, challenge: Challenge) -> Locator:
    """One locator matching any sign of a challenge page (the flow's and the generic ones)."""
    found = page.locator(", ".join(CAPTCHA_FRAMES))
    for pattern in (*challenge.texts, *GENERIC_CHALLENGE.texts):
        found = found.or_(page.get_by_text(pattern))
    code_field = page.locator(CODE_FIELD).locator("visible=true")
    found = found.or_(page.locator("body").filter(has=page.get_by_text(TWO_FACTOR)).filter(has=code_field))
    # A hidden template holding such words is not a challenge the person would see.
    return found.locator("visible=true")


async def check_challenge(page: Page, challenge: Challenge, platform: str) -> None:
    """Stop with needs-you (exit 8) if the page is a challenge; nothing is clicked."""
    if any(p.search(page.url) for p in challenge.urls) or await challenge_locator(page, challenge).count():
        raise ChallengeSeen(
            f"{platform} wants to check it is you (a security check, code or CAPTCHA); "
            "optout stopped and clicked nothing",
            hint=f"run: optout login {platform} --headed, and finish the check in the browser",
        )


async def submit_target_allowed(submit: Locator, allowed: frozenset[str], platform: str) -> None:
    """Refuse if the button's own `formaction` (or its form) would post to another origin."""
    target = await submit.evaluate("el => el.formAction || (el.form ? el.form.action : '') || ''")
    _refuse_foreign_target(target, allowed, platform, "the sign-in button would send the form to")


def _refuse_foreign_target(target: str, allowed: frozenset[str], platform: str, what: str) -> None:
    """Refuse (exit 64) when a form would post to an origin outside the allowlist."""
    if target and not origin_allowed(target, allowed):
        raise Refused(
            f"{platform}: {what} {normalize_origin(target) or 'an unreadable address'}; nothing was sent",
            hint=f"run: optout login {platform} --headed",
        )


class SubmissionGuard:
    """While a password is on the page, abort any write, or any request carrying it, to another origin."""

    WRITE_METHODS_SAFE = frozenset({"GET", "HEAD", "OPTIONS"})

    def __init__(self, page: Page, allowed: frozenset[str], password: str) -> None:
        self.page = page
        self.allowed = allowed
        self.blocked: list[str] = []
        # The forms a password takes in a URL or a form body; kept only for this comparison.
        self._forms = {password, quote(password, safe=""), quote_plus(password)} if password else set()

    def _carries_password(self, request: Request) -> bool:
        body = request.post_data or ""
        return any(form in request.url or form in body for form in self._forms)

    async def _route(self, route: Route) -> None:
        request = route.request
        foreign = not origin_allowed(request.url, self.allowed)
        if foreign and (request.method not in self.WRITE_METHODS_SAFE or self._carries_password(request)):
            self.blocked.append(normalize_origin(request.url) or "an unreadable address")
            await route.abort("blockedbyclient")
        else:
            await route.fallback()

    async def __aenter__(self) -> SubmissionGuard:
        await self.page.context.route("**/*", self._route)
        return self

    async def __aexit__(self, *exc: object) -> None:
        if not self.page.is_closed():
            await self.page.context.unroute("**/*", self._route)
