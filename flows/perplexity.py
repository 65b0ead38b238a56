"""Perplexity (https://www.perplexity.ai/): "AI data retention" in Settings > Preferences.

Facts relied on (shared/reference/platforms.md §18, platforms-addendum.md §8, platforms.json):
- Profile > All settings > Preferences > "AI data retention" (older name "AI Data Usage", both
  accepted), a toggle, on by default for Free, Pro and Max; off keeps future searches out of
  training (label and default high, path medium confidence).
- Account settings are at /account/details (help-center copy, medium). The Preferences URL is
  unknown: /settings/preferences is the catalog's "likely" URL, /account/preferences a guess the
  reference warns about. Both are tried, in that order; a page that is not there answers 404.
- Sign-in is passwordless: an email, "Continue with email", then a code sent by email ("Enter
  Code"), or Google/Apple (medium; no password field in any known script). So there is no
  password login: `optout login perplexity --headed`, and the person signs in in the window.
- A cookie banner with "Accept All Cookies" may appear; no reject button is known, so none is
  named (optout never accepts).
Guessed, not in the reference: the control's markup (a switch or a checkbox, found by its
accessible name); that a signed-out settings page sends you to a sign-in page under /auth/ (or
/login, /signin); and, for a sign-in prompt shown in place, that its "Continue with email" button
means the session is gone: it is declared as a challenge so the run stops with needs-you and
clicks nothing.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from optout.flow import Challenge, Flow, LoginForm, Setting, Switch

if TYPE_CHECKING:
    from playwright.async_api import Locator, Page

ORIGIN = "https://www.perplexity.ai"
RETENTION = re.compile(r"\bAI data (retention|usage)\b", re.I)


def retention_switch(page: Page) -> Locator:
    """The "AI data retention" toggle (or a checkbox), by its accessible name."""
    return page.get_by_role("switch", name=RETENTION).or_(page.get_by_role("checkbox", name=RETENTION))


class Perplexity(Flow):
    """Keep Perplexity from using your searches to improve its AI models."""

    id = "perplexity"
    title = "Perplexity"
    home = f"{ORIGIN}/account/details"
    domains = ("perplexity.ai",)
    password_login = False
    # No password is ever typed (password_login is False); the form is named so that
    # `login --headed` can tell the sign-in pages from the members' pages.
    login = LoginForm(
        url=f"{ORIGIN}/",
        origins=frozenset({ORIGIN}),
        identifier=lambda page: page.locator('input[type="email"]'),
        submit=lambda page: page.get_by_role("button", name=re.compile(r"^\s*continue with email\s*$", re.I)),
        signed_out=re.compile(r"^/(auth/|login\b|signin\b|sign-in\b)"),
        sso_origins=frozenset({"https://accounts.google.com", "https://appleid.apple.com"}),
    )
    challenge = Challenge(
        texts=(
            re.compile(r"^\s*continue with email\s*$", re.I),
            re.compile(r"^\s*check your email\s*$", re.I),
        ),
    )
    settings = (
        Setting(
            key="ai-data-retention",
            label="AI data retention",
            urls=(f"{ORIGIN}/settings/preferences", f"{ORIGIN}/account/preferences"),
            control=Switch(retention_switch),
            wanted=False,
            note='Profile > All settings > Preferences > "AI data retention" (formerly "AI Data Usage")',
        ),
    )
    confidence = (
        "replica only: written from public sources, never run against the live site; "
        "the Preferences URL is a guess (two are tried) and the sign-in needs you (email code)"
    )
    sources = (
        "perplexity.ai/hub/faq/what-data-does-perplexity-collect-about-me",
        "perplexity help center 'Account settings' (mirror): /account/details, Preferences",
        "joindeleteme.com/?p=22227 (2026 guide: All settings > Preferences)",
        "TGRRRR/perplexport src/login.ts (email, 'Continue with email', 'Enter Code')",
    )


FLOW = Perplexity
