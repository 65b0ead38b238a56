"""Safety checks before a password is typed: origin allowlist, the password field, challenges."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from playwright.async_api import Locator, Page

from optout.errors import NeedsYou, Refused, SiteChanged
from optout.flow import Challenge

# Markers of challenge pages shared by many sites; a flow adds its own (Flow.challenge).
GENERIC_CHALLENGE = Challenge(
    texts=(
        re.compile(r"quick security check|verify (it'?s|that it'?s) you|are you a (human|robot)", re.I),
        re.compile(r"two-factor authentication|enter the (verification )?code", re.I),
        re.compile(r"account (has been|is) (temporarily )?(restricted|locked|suspended)", re.I),
        re.compile(r"^just a moment\.*$", re.I),
    ),
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


async def password_field(page: Page, allowed: frozenset[str], platform: str) -> Locator:
    """The one visible, enabled, editable password input in the top frame; else refuse.

    Hidden decoys are ignored; two visible fields, a disabled or read-only one, or a field
    only inside a frame all refuse, so the password can go nowhere but the one field.
    """
    require_origin(page.url, allowed, platform)
    fields = page.main_frame.locator('input[type="password"]')
    usable = [f for f in await fields.all() if await _is_really_visible(f)]
    if not usable:
        for frame in page.frames[1:]:
            if await frame.locator('input[type="password"]').count():
                raise Refused(
                    f"{platform}: the password field is inside a frame from "
                    f"{normalize_origin(frame.url) or 'an unknown origin'}; nothing was typed",
                    hint=f"run: optout login {platform} --headed",
                )
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
    if action and not origin_allowed(action, allowed):
        raise Refused(
            f"{platform}: the login form would send the password to "
            f"{normalize_origin(action) or 'an unreadable address'}; nothing was typed",
            hint=f"run: optout login {platform} --headed",
        )
    return field


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
    return found


async def check_challenge(page: Page, challenge: Challenge, platform: str) -> None:
    """Stop with needs-you (exit 8) if the page is a challenge; nothing is clicked."""
    if any(p.search(page.url) for p in challenge.urls) or await challenge_locator(page, challenge).count():
        raise NeedsYou(
            f"{platform} wants to check it is you (a security check, code or CAPTCHA); "
            "optout stopped and clicked nothing",
            hint=f"run: optout login {platform} --headed, and finish the check in the browser",
        )
