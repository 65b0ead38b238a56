"""Claude (https://claude.ai/): "Help improve Claude", a toggle on the Privacy settings page.

Facts relied on (platforms.md section 4, platforms-addendum.md section 2, platforms.json
"claude.help_improve_claude"):
- The page is `https://claude.ai/settings/data-privacy-controls` (official Claude Code docs,
  high); the label is "Help improve Claude" ("Help Improve Claude" in the official article),
  sub-copy "Allow the use of your chats and coding sessions to train and improve Anthropic AI
  models." (high); a toggle with no Save step (inferred, medium); wanted off. The same page has
  a "Location metadata" toggle, Export data, Shared chats and Memory (medium).
- There is no password: sign-in is by emailed code, magic link or Google (high), so runs use
  the session saved by `optout login claude --headed`. A magic link lands on
  `/magic-link#<token>` and only then on `/new` (medium), so `/magic-link` counts as signed out.
- claude.ai polls forever (medium): nothing here asks the engine to wait for networkidle (no
  `absent`). Cloudflare interstitials stop automated browsers (medium): needs-you. So does the
  2025 pop-up "Updates to Consumer Terms and Policies" (toggle pre-set on, Accept; medium):
  accepting terms is the person's choice, and its toggle must not be taken for the setting.
Guessed, not in the reference: the control's markup (a Radix-style `button[role=switch]
[aria-checked]` is inferred, low), so it is found by its accessible name or, failing that, as
the one toggle (switch, checkbox or toggle button) of its row (its nearest ancestor with
text) when that row carries the label; that the terms pop-up's title stands alone in its
heading (matched anchored, so a sentence mentioning the update is no challenge); the wording
of Cloudflare's page body (the reference detects it by its title, which the Challenge
contract cannot express); the email field's and button's names beyond the clone's placeholder
"Enter your personal or work email" and "Continue with email" (low; only used to tell sign-in
pages apart, never typed into).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from optout.flow import Challenge, Flow, LoginForm, Setting, Switch

if TYPE_CHECKING:
    from playwright.async_api import Locator, Page

HOME = "https://claude.ai"
NAME = re.compile(r"help improve claude|train and improve anthropic", re.I)
UPPER, LOWER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz"
TOGGLE = "(@role='switch' or @role='checkbox' or (self::input and @type='checkbox') or @aria-pressed)"
TEXT = f"translate(normalize-space(.), '{UPPER}', '{LOWER}')"
# The row of a toggle: its nearest ancestor with some text besides an "On"/"Off" of its own.
ROW = f"ancestor::*[not({TEXT} = '' or {TEXT} = 'on' or {TEXT} = 'off')][1]"
# A toggle whose row carries the label and holds no other toggle. (Not "the nearest ancestor
# carrying the label": on a page without the row that can be the page itself, whose one other
# toggle would then match.)
IN_ITS_ROW = f"xpath=//*[{TOGGLE}][{ROW}[contains({TEXT}, 'help improve claude') and count(.//*[{TOGGLE}]) = 1]]"


def improve_switch(page: Page) -> Locator:
    """The "Help improve Claude" toggle: by accessible name, or as the one toggle of its row."""
    named = page.get_by_role("switch", name=NAME).or_(page.get_by_role("checkbox", name=NAME))
    return named.or_(page.locator(IN_ITS_ROW))


class Claude(Flow):
    """Keep Anthropic from training its models on your Claude chats and coding sessions."""

    id = "claude"
    title = "Claude"
    home = f"{HOME}/new"
    domains = ("claude.ai",)
    password_login = False
    # No password is ever typed: the allowlist is empty; the form only tells sign-in pages apart.
    login = LoginForm(
        url=f"{HOME}/login",
        origins=frozenset(),
        identifier=lambda page: page.locator('input[type="email"]').or_(
            page.get_by_role("textbox", name=re.compile(r"email", re.I))
        ),
        submit=lambda page: page.get_by_role("button", name=re.compile(r"^\s*continue with email\s*$", re.I)),
        signed_out=re.compile(r"^/(login|magic-link|logout)\b"),
        sso_origins=frozenset({"https://accounts.google.com", "https://appleid.apple.com"}),
    )
    challenge = Challenge(
        urls=(re.compile(r"/cdn-cgi/challenge-platform/|[?&]__cf_chl_(rt_)?tk="),),
        texts=(
            re.compile(r"^\s*just a moment(\.{3}|…)?\s*$", re.I),
            re.compile(r"verify(ing)? you are (a )?human", re.I),
            re.compile(r"checking (if the site connection is secure|your browser)", re.I),
            re.compile(r"needs to review the security of your connection|security by cloudflare", re.I),
            re.compile(r"verify your phone number", re.I),
            # The 2025 terms pop-up asks the person to choose and accept: never answered here.
            # Anchored: the pop-up's title alone, not a sentence that mentions the update.
            re.compile(r"^\s*updates to consumer terms and policies\s*$", re.I),
        ),
    )
    settings = (
        Setting(
            key="help-improve-claude",
            label="Help improve Claude",
            urls=(f"{HOME}/settings/data-privacy-controls",),
            control=Switch(improve_switch),
            wanted=False,
            note='Settings > Privacy > "Help improve Claude" toggle off (saves at once, inferred)',
        ),
    )
    confidence = (
        "replica only: written from public sources, never run against the live site; "
        "the toggle's markup is unknown (found by name or by its row)"
    )
    sources = (
        "privacy.anthropic.com 12109829 (steps, label)",
        "code.claude.com/docs/en/data-usage (URL)",
        "live Claude settings walkthrough notes (sub-copy, Privacy tab rows)",
        "a public claude.ai Playwright session tool's tests (magic link, polling)",
        "rohith4444/VITA Login.jsx (login page copy, a clone)",
    )


FLOW = Claude
