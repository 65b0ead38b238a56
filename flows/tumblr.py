"""Tumblr (https://www.tumblr.com/): "Prevent third-party sharing for <blog>" on every blog of the account.

Facts relied on (shared/reference/platforms.md §9, platforms-addendum.md §3, platforms.json):
- Per blog, blog settings > "Visibility" > toggle "Prevent third-party sharing for <blog>";
  switching it ON opts the blog out (high: Tumblr's staff post, redact.dev, The Verge).
- Blog settings live at `https://www.tumblr.com/settings/blog/<blogname>` (medium: a pattern).
- `https://api.tumblr.com/v2/user/info` lists `response.user.blogs[]` with `name` (high, API
  docs); settings has a blog switcher linking to each blog's settings page (medium).
- Log-in at `https://www.tumblr.com/login`: `input[name="email"]`, `input[name="password"]`, a
  submit button (2024, medium); older: email, "Next", then the password (low); a code after the
  password (2FA) and a captcha can follow (medium, markup unknown).
Unknown, so guessed and kept loose: the toggle's markup (a switch, a checkbox or a toggle button
are all accepted, by accessible name); its save behaviour (no Save button is declared, since no
guide mentions one: if one is needed the read-back after a fresh load says so, never "done");
that a browser session may load the API listing (else the switcher is read, on
/settings/dashboard or /settings/account); `admin: false` marking blogs the user cannot manage
(inferred from the API docs); the wrong-password text; the 2FA and captcha wording. The
identifier step is "clicked" on the email field itself when there is no "Next" button, so both
log-in forms work (the contract always clicks `next`).
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from optout.flow import Challenge, Flow, LoginForm, Setting, SiteList, Switch

if TYPE_CHECKING:
    from playwright.async_api import Locator, Page

LABEL = re.compile(r"prevent third.party sharing", re.I)
BLOG_LINK = re.compile(r"^/settings/blog/([A-Za-z0-9-]+)/?$")
PAGE_TEXT = "() => (document.querySelector('pre') || document.body || {innerText: ''}).innerText"
LINKS = "() => [...document.querySelectorAll('a[href]')].map(a => a.href)"


def sharing_toggle(page: Page) -> Locator:
    """The toggle by its accessible name, however it is built."""
    return (
        page.get_by_role("switch", name=LABEL)
        .or_(page.get_by_role("checkbox", name=LABEL))
        .or_(page.get_by_role("button", name=LABEL))
    )


def email_field(page: Page) -> Locator:
    """The log-in form's email field."""
    return page.locator('input[name="email"], input[type="email"]').locator("visible=true")


def next_step(page: Page) -> Locator:
    """ "Next" on the older two-step form; on the one-page form, the email field (a harmless click)."""
    next_button = page.get_by_role("button", name=re.compile(r"^\s*next\s*$", re.I)).locator("visible=true")
    # The button follows the field in the form, so the last match is the button when there is one.
    return email_field(page).or_(next_button).last


async def blogs(page: Page) -> list[str] | None:
    """The account's blogs: from the API listing, else from the settings blog switcher."""
    if urlsplit(page.url).hostname == "api.tumblr.com":
        try:
            document = json.loads(await page.evaluate(PAGE_TEXT))
        except ValueError:
            return None
        user = ((document.get("response") or {}) if isinstance(document, dict) else {}).get("user")
        if not isinstance(user, dict) or not isinstance(user.get("blogs"), list):
            return None  # 401 and the like: the switcher is tried next
        return [
            str(blog["name"])
            for blog in user["blogs"]
            if isinstance(blog, dict) and blog.get("name") and blog.get("admin", True) is not False
        ]
    found = []
    for href in await page.evaluate(LINKS):
        parts = urlsplit(href)
        match = BLOG_LINK.match(parts.path)
        if parts.hostname == "www.tumblr.com" and match:
            found.append(unquote(match.group(1)))
    return found or None


class Tumblr(Flow):
    """Keep Tumblr from sharing your blogs' posts with AI-training partners."""

    id = "tumblr"
    title = "Tumblr"
    home = "https://www.tumblr.com/dashboard"
    domains = ("tumblr.com",)
    login = LoginForm(
        url="https://www.tumblr.com/login",
        origins=frozenset({"https://www.tumblr.com"}),
        identifier=email_field,
        next=next_step,
        submit=lambda page: page.get_by_role("button", name=re.compile(r"^\s*log ?in\s*$", re.I)).or_(
            page.locator('form:has(input[type="password"]) button[type="submit"]')
        ),
        rejected=lambda page: page.get_by_text(
            re.compile(r"(email|password).{0,40}(incorrect|wrong|invalid)|(incorrect|wrong) (email|password)", re.I)
        ),
        signed_out=re.compile(r"^/(login|register)\b"),
        sso_origins=frozenset({"https://accounts.google.com", "https://appleid.apple.com"}),
    )
    challenge = Challenge(
        texts=(
            re.compile(r"two.factor|authenticat(ion|or) (code|app)|verification code|security code|backup code", re.I),
            re.compile(r"enter the (\w+ )?code|code we sent", re.I),
            re.compile(r"not a robot|captcha|are you (a )?human", re.I),
        ),
    )
    sites = SiteList(
        urls=(
            "https://api.tumblr.com/v2/user/info",
            "https://www.tumblr.com/settings/dashboard",
            "https://www.tumblr.com/settings/account",
        ),
        read=blogs,
    )
    settings = (
        Setting(
            key="third-party-sharing",
            label="Prevent third-party sharing for {site}",
            urls=("https://www.tumblr.com/settings/blog/{site}",),
            control=Switch(sharing_toggle),
            wanted=True,
            note="Blog settings > Visibility: ON means opted out; saves on change (inferred)",
        ),
    )
    confidence = (
        "replica only: written from public sources, never run against the live site; the toggle's "
        "markup and save behaviour are unknown"
    )
    sources = (
        "Tumblr staff post on third-party sharing (2024-02-28), copy at https://ailurinae.blog/",
        "https://redact.dev/ai-optout-instructions/tumblr",
        "https://www.theverge.com/tumblr",
        "Tumblr API docs, User Methods (/v2/user/info)",
        "https://tumblr.zendesk.com/hc/en-us/articles/226270148 (2FA)",
    )


FLOW = Tumblr
