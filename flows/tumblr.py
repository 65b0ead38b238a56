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
Unknown, so guessed and kept loose: the toggle's markup (`flow.toggle`: a switch, checkbox or
aria-pressed button whose name starts "Prevent third-party sharing", or the unnamed one in the row
whose text does); its save behaviour (no guide mentions a Save: a "Save"/"Save changes" button is
pressed only when the page shows one, and the read-back after a fresh load decides); that a
browser session may load the API listing (else the switcher is read, on /settings,
/settings/dashboard or /settings/account: links to /settings/blog/<name> on tumblr.com or
www.tumblr.com, or a <select> named for blogs whose options are names or such links);
`admin: false` marking blogs the user cannot manage (inferred from the API docs; such blogs are
left out); the wrong-password text; the 2FA and captcha wording (only words asking for a code or
a human now count, since settings show a "Two-factor authentication" section and log-in pages
may say "protected by reCAPTCHA"); the "Log in" button being in the password's form. The
identifier step is "clicked" on the email field itself when there is no "Next" button, so both
log-in forms work (the contract always clicks `next`).
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from optout.flow import Challenge, Flow, LoginForm, Setting, SiteList, Switch, toggle

if TYPE_CHECKING:
    from playwright.async_api import Locator, Page

# Anchored: a neighbour whose help text mentions third-party sharing is not this toggle.
LABEL = re.compile(r"^\s*prevent third.party sharing", re.I)
BLOG_LINK = re.compile(r"^/settings/blog/([A-Za-z0-9-]+)/?$")
BLOG_NAME = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,30}[A-Za-z0-9])?$")
PAGE_TEXT = "() => (document.querySelector('pre') || document.body || {innerText: ''}).innerText"
# Switcher links, and the options of a <select> switcher (only one that names itself a blog picker).
LINKS = """() => [...document.querySelectorAll('a[href]')].map(a => ['link', a.href]).concat(
  [...document.querySelectorAll('select')].filter(s => /blog/i.test([s.name, s.id,
    s.getAttribute('aria-label'), ...[...(s.labels || [])].map(l => l.innerText)].join(' ')))
  .flatMap(s => [...s.options].map(o => ['option', new URL(o.value, location.href).href, o.value])))"""


# A switch, checkbox or aria-pressed button named so; or the unnamed one in the row showing it.
sharing_toggle = toggle(LABEL)


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
    found: list[str] = []
    for kind, href, *value in await page.evaluate(LINKS):
        parts = urlsplit(href)
        match = BLOG_LINK.match(parts.path)
        if parts.hostname in ("www.tumblr.com", "tumblr.com") and match:
            name = unquote(match.group(1))
        elif kind == "option" and value and BLOG_NAME.match(value[0]):
            name = value[0]  # a bare blog name as the option's value
        else:
            continue
        if name not in found:
            found.append(name)
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
        # In the password's own form: a header "Log in" button is not it.
        submit=lambda page: page.locator('form:has(input[type="password"])').get_by_role(
            "button", name=re.compile(r"^\s*log ?in\s*$", re.I)
        ),
        rejected=lambda page: page.get_by_text(
            re.compile(r"(email|password).{0,40}(incorrect|wrong|invalid)|(incorrect|wrong) (email|password)", re.I)
        ),
        signed_out=re.compile(r"^/(login|register)\b"),
        sso_origins=frozenset({"https://accounts.google.com", "https://appleid.apple.com"}),
    )
    # Only words of a page that asks for a code or a human now: settings may well show a
    # "Two-factor authentication" section, and log-in pages a "protected by reCAPTCHA" note.
    challenge = Challenge(
        texts=(
            re.compile(r"authentication code|enter the (\w+ )?code|code we sent", re.I),
            re.compile(r"not a robot|verify (that )?you('re| are) (a )?human", re.I),
        ),
    )
    sites = SiteList(
        urls=(
            "https://api.tumblr.com/v2/user/info",
            "https://www.tumblr.com/settings",
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
            # Pressed only when the page shows one (guess: no guide mentions a Save).
            save=lambda page: page.get_by_role("button", name=re.compile(r"^\s*save( changes)?\s*$", re.I)),
            note="Blog settings > Visibility: ON means opted out; saves on change (inferred), else Save",
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
