"""WordPress.com (https://wordpress.com/): "Prevent third-party sharing" on every site the user manages.

Facts relied on (shared/reference/platforms.md §10, platforms-addendum.md §14, platforms.json):
- Per site, Settings > General > Privacy at `https://wordpress.com/settings/general/<site>` holds
  `<input id="wpcom_site_visibility_data_sharing_opt_out" name="wpcom_data_sharing_opt_out"
  type="checkbox">` labelled "Prevent third-party sharing for <siteSlug>" (Calypso source, high);
  the newer dashboard says "Prevent third-party sharing for this site", field
  `wpcom_prevent_third_party_sharing` (high). Checked means opted out; the form needs Save (high).
- It is checked and disabled when "Discourage search engines" is on (already as wanted), and not
  shown for Private or Coming Soon sites (high).
- Sites: `https://public-api.wordpress.com/rest/v1.1/me/sites` -> {"sites": [{ID, name, URL,
  is_private, jetpack, capabilities.manage_options, ...}]} (high); the dashboard is
  `https://wordpress.com/sites` (high).
- Log-in at `https://wordpress.com/log-in`: `input[name="usernameOrEmail"]`, "Continue", then
  `#password` and "Log In" in the same `form[method="post"]`; 2FA `input[name="twoStepCode"]`
  "Verification code"; passwordless accounts never show the password; a Blackbox check can stop
  the submission; never wait for networkidle (`/cspreport`) (Calypso source, high).
Inferred or guessed, and kept loose: that a browser session authenticates a direct load of the
REST listing (Calypso goes through a proxy; a refusal falls back to the dashboard, v1.1 and v1.2
are both tried); skipping only sites the listing plainly excludes: `capabilities.manage_options`
false (a missing key keeps the site), private / `is_coming_soon` (field seen in Calypso code,
medium), and `jetpack: true` without `is_wpcom_atomic` at the top level or under `options` (the
real API's place for it) -- any other site is kept, and its page reports what it shows;
the dashboard's rows showing "Private"/"Coming soon" and linking to /home|/overview|/settings/general
/<slug>; the Save button's words (any button starting "Save", but only the one in the checkbox's own
card); the newer toggle possibly being an aria-pressed button (`flow.toggle`); the
"Private"/"Coming Soon" radio names (used only to report a hidden
checkbox as absent, never as done); the wrong-password text ("Oops, looks like that's not the
right password", Calypso strings, medium); the 2FA URL `/log-in/<method>`; the Blackbox and
passwordless screens' wording ("verify that you are human", "check your email").
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from optout.flow import Challenge, Flow, LoginForm, Setting, SiteList, Switch, toggle

if TYPE_CHECKING:
    from playwright.async_api import Locator, Page

# Anchored: a neighbour whose name or help text merely mentions third-party sharing is not it.
LABEL = re.compile(r"^\s*prevent third.party sharing", re.I)
SAVE = re.compile(r"^\s*save\b", re.I)  # "Save", "Save settings", "Save privacy settings": in the card only
SAVE_WORD = "contains(translate(concat(normalize-space(.), @value), 'SAVE', 'save'), 'save')"
# Site slugs are domains (with "::" for a sub-folder), which keeps other links out.
SITE_LINK = re.compile(r"^/(?:home|overview|sites/overview|settings/general)/([^/?#]+\.[^/?#]+)/?$")
HIDDEN_STATUS = re.compile(r"\b(private|coming soon)\b", re.I)
V1_1 = "https://public-api.wordpress.com/rest/v1.1/me/sites"
V1_2 = "https://public-api.wordpress.com/rest/v1.2/me/sites"
PAGE_TEXT = "() => (document.querySelector('pre') || document.body || {innerText: ''}).innerText"
LINKS = """() => [...document.querySelectorAll('a[href]')].map(a => [a.href,
    (a.closest('tr, li, [role="row"], article') || a.parentElement || a).innerText])"""


def opt_out(page: Page) -> Locator:
    """The visible checkbox (or toggle), by its Calypso id or field names, or by its name."""
    by_field = page.locator(
        "#wpcom_site_visibility_data_sharing_opt_out, input[name='wpcom_data_sharing_opt_out'], "
        "input[name='wpcom_prevent_third_party_sharing']"
    )
    by_name = toggle(LABEL)(page)  # a checkbox, switch or aria-pressed button
    # A hidden copy (Private sites, a legacy field) must never be read as the setting.
    return by_field.or_(by_name).locator("visible=true")


def save(page: Page) -> Locator:
    """The Save button of the card that holds the checkbox (each Calypso card has its own)."""
    card = opt_out(page).locator(f"xpath=ancestor::*[.//*[self::button or @type='submit'][{SAVE_WORD}]][1]")
    return card.get_by_role("button", name=SAVE)


def hidden_for_visibility(page: Page) -> Locator:
    """A Private or Coming Soon site, where WordPress.com does not show the checkbox."""
    return page.get_by_role("radio", name=re.compile(r"^\s*(private|coming soon)\b", re.I), checked=True)


def slug(url: str) -> str:
    """Calypso's site slug: the host, with "::" for a site in a sub-folder."""
    parts = urlsplit(url)
    return (parts.hostname or "") + parts.path.rstrip("/").replace("/", "::")


def shows_checkbox(site: dict[str, object]) -> bool:
    """Not plainly without the checkbox: not refused management, not Private / Coming Soon, not
    a self-hosted Jetpack site. Anything the listing leaves unsaid is kept (its page decides)."""
    capabilities = site.get("capabilities")
    if isinstance(capabilities, dict) and capabilities.get("manage_options") is False:
        return False
    options = site.get("options")
    if not isinstance(options, dict):
        options = {}
    if any(site.get(k) or options.get(k) for k in ("is_private", "is_coming_soon")):
        return False
    atomic = site.get("is_wpcom_atomic") or options.get("is_wpcom_atomic") or options.get("is_automated_transfer")
    return site.get("jetpack") is not True or bool(atomic)


async def managed_sites(page: Page) -> list[str] | None:
    """Sites whose checkbox WordPress.com shows: from the REST listing, else from the dashboard."""
    if urlsplit(page.url).hostname == "public-api.wordpress.com":
        try:
            document = json.loads(await page.evaluate(PAGE_TEXT))
        except ValueError:
            return None
        if not isinstance(document, dict) or not isinstance(document.get("sites"), list):
            return None  # e.g. "authorization_required": the dashboard is tried next
        return [
            slug(str(site["URL"])) if site.get("URL") else str(site["slug"])
            for site in document["sites"]
            if isinstance(site, dict) and (site.get("URL") or site.get("slug")) and shows_checkbox(site)
        ]
    found: list[str] = []
    for href, row in await page.evaluate(LINKS):
        parts = urlsplit(href)
        match = SITE_LINK.match(parts.path)
        if parts.hostname == "wordpress.com" and match and not HIDDEN_STATUS.search(row):
            found.append(unquote(match.group(1)))
    return found or None


class WordPress(Flow):
    """Keep WordPress.com from sharing your sites' content with AI-training partners."""

    id = "wordpress"
    title = "WordPress.com"
    home = "https://wordpress.com/sites"
    domains = ("wordpress.com",)
    login = LoginForm(
        url="https://wordpress.com/log-in",
        origins=frozenset({"https://wordpress.com"}),
        identifier=lambda page: page.locator('input[name="usernameOrEmail"]').or_(
            page.get_by_role("textbox", name=re.compile(r"username", re.I))
        ),
        next=lambda page: page.locator('form[method="post"] button[type="submit"]'),
        submit=lambda page: page.locator('form[method="post"] button[type="submit"]').or_(
            page.get_by_role("button", name=re.compile(r"^\s*log in\s*$", re.I))
        ),
        rejected=lambda page: page.get_by_text(
            re.compile(
                r"not the right password|(incorrect|wrong|invalid) password|"
                r"password.{0,30}(incorrect|wrong|invalid)",
                re.I,
            )
        ),
        signed_out=re.compile(r"^/(log-in|wp-login\.php)\b"),
        sso_origins=frozenset({"https://accounts.google.com", "https://appleid.apple.com"}),
    )
    challenge = Challenge(
        urls=(re.compile(r"^https://wordpress\.com/log-in/(authenticator|sms|push|backup|webauthn|security-key)\b"),),
        texts=(
            re.compile(r"\bverification code\b", re.I),
            re.compile(r"two.step authentication", re.I),
            re.compile(r"verify (that )?you.?re? (a )?human|not a robot|security (check|challenge)", re.I),
            re.compile(r"check your (email|inbox)|(sent|emailed) (you )?an? (login |magic )?(link|code)", re.I),
        ),
    )
    sites = SiteList(
        # The dashboard between the two tries also signs a signed-out browser in.
        urls=(V1_1, V1_2, "https://wordpress.com/sites", V1_1, V1_2),
        read=managed_sites,
    )
    settings = (
        Setting(
            key="third-party-sharing",
            label="Prevent third-party sharing for {site}",
            urls=("https://wordpress.com/settings/general/{site}",),
            control=Switch(opt_out),
            wanted=True,
            save=save,
            absent=hidden_for_visibility,
            note="Settings > General > Privacy: checked means opted out; then Save settings",
        ),
    )
    confidence = (
        "replica only: written from public sources, never run against the live site; the checkbox "
        "markup is from Automattic's source, the listing's cookie access is a guess"
    )
    sources = (
        "Automattic/wp-calypso site-settings (checkbox markup, Privacy section), client/blocks/login tests",
        "Automattic/jetpack-mu-wpcom (wpcom_data_sharing_opt_out)",
        "https://automattic.com/2024/02/27/protecting-user-choice/",
        "WordPress.com support: privacy-settings/make-your-website-public/#prevent-third-party-sharing",
    )


FLOW = WordPress
