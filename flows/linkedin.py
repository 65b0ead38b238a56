"""LinkedIn (https://www.linkedin.com/): "Data for Generative AI Improvement" and two data-sharing switches.

Facts relied on (shared/reference/platforms.md, section 1; platforms.json, LinkedIn entries):
- The AI page is `/mypreferences/d/settings/data-for-ai-improvement` (Brave PSST, LinkedIn Help
  a548106; high confidence); `data-for-generative-ai-improvement` is the other known slug, tried next.
- Its switch is a native `<input type=checkbox role=switch aria-labelledby="allowDataForGenerativeAI">`
  read through `.checked` (Brave PSST, medium), labelled "Use my data for training content creation
  AI models" (one quoting source, medium). Default on; no Save and no confirmation known.
- Research: `policy-and-academic-research`, `aria-labelledby="allowAnonymizedDataResearch"`;
  partners: `share-data-with-select-partners`, `aria-labelledby="shareDataWithTrustedPartners"`
  (Brave PSST). Their on-page wording is not verified, so the names below match loosely.
- Sign-in is at `/login`; new devices meet `/checkpoint/challenge/...` ("Let's do a quick security
  check", "Start puzzle") or "Your account has been temporarily restricted": needs-you.
Not in the reference, so guessed and kept loose: the sign-in field's label ("Email or phone",
name `session_key`), the wrong-password alert, and the wording shown when the AI setting is
not offered in a region (the reference only says the setting can be absent there), and the
cookie-consent dialog's "Reject" button.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from optout.flow import Challenge, Flow, LoginForm, Setting, Switch

if TYPE_CHECKING:
    from playwright.async_api import Locator, Page

SETTINGS = "https://www.linkedin.com/mypreferences/d/settings"


def switch(labelled_by: str, name: str) -> Switch:
    """A settings switch found by its stable `aria-labelledby` id or, failing that, its name."""

    def find(page: Page) -> Locator:
        by_id = page.locator(
            f'input[aria-labelledby="{labelled_by}"], [role="switch"][aria-labelledby="{labelled_by}"]'
        )
        return by_id.or_(page.get_by_role("switch", name=re.compile(name, re.I)))

    return Switch(find)


def not_offered(page: Page) -> Locator:
    """LinkedIn's word that a setting is not available to this member (wording guessed)."""
    return page.get_by_text(re.compile(r"(isn.t|is not|not) (available|offered) (for|to|in) (your|this)", re.I))


class LinkedIn(Flow):
    """Keep LinkedIn from training generative AI on your data, and from sharing it when asked."""

    id = "linkedin"
    title = "LinkedIn"
    home = "https://www.linkedin.com/feed/"
    domains = ("linkedin.com",)
    login = LoginForm(
        url="https://www.linkedin.com/login",
        origins=frozenset({"https://www.linkedin.com"}),
        identifier=lambda page: page.locator('input[name="session_key"], input[autocomplete="username"]').or_(
            page.get_by_label(re.compile(r"email|phone", re.I))
        ),
        submit=lambda page: page.get_by_role("button", name=re.compile(r"^\s*sign in\s*$", re.I)).or_(
            page.locator('form:has(input[type="password"]) [type="submit"]')
        ),
        rejected=lambda page: (
            page.locator("#error-for-password, #error-for-username")
            .locator("visible=true")
            .or_(page.get_by_text(re.compile(r"wrong (email or )?password|that's not the right password", re.I)))
        ),
        signed_out=re.compile(r"^/(login|uas/login|checkpoint/lg/|checkpoint/rm/sign-in|authwall)"),
        sso_origins=frozenset({"https://accounts.google.com", "https://appleid.apple.com"}),
    )
    challenge = Challenge(
        urls=(re.compile(r"/checkpoint/challenge"),),
        texts=(
            re.compile(r"quick security check", re.I),
            re.compile(r"^\s*start puzzle\s*$", re.I),
            re.compile(r"temporarily restricted", re.I),
        ),
    )
    # Not in the reference: LinkedIn's consent banner, declined only when it covers a control.
    cookie_reject = lambda page: page.get_by_role("dialog", name=re.compile("cookie", re.I)).get_by_role(  # noqa: E731
        "button", name=re.compile(r"^\s*reject", re.I)
    )
    settings = (
        Setting(
            key="genai-training",
            label="Use my data for training content creation AI models",
            urls=(f"{SETTINGS}/data-for-ai-improvement", f"{SETTINGS}/data-for-generative-ai-improvement"),
            control=switch("allowDataForGenerativeAI", r"training content creation AI|generative AI"),
            wanted=False,
            absent=not_offered,
            note='Settings & Privacy > Data privacy > "Data for Generative AI Improvement"',
        ),
        Setting(
            key="research",
            label="Social, economic and workplace research",
            urls=(f"{SETTINGS}/policy-and-academic-research",),
            control=switch("allowAnonymizedDataResearch", r"research"),
            wanted=False,
            category="data-sharing",
            note='Settings & Privacy > Data privacy > "Social, economic and workplace research"',
        ),
        Setting(
            key="partners",
            label="Share data with affiliates and select partners",
            urls=(f"{SETTINGS}/share-data-with-select-partners",),
            control=switch("shareDataWithTrustedPartners", r"affiliates|partners"),
            wanted=False,
            category="data-sharing",
            note="Settings & Privacy > Data privacy > sharing data with affiliates and select partners",
        ),
    )
    confidence = "replica only: written from public sources, never run against the live site"
    sources = (
        "brave/psst-component src/linkedin/user.ts, policy.ts (commit 41cbf8f, 2026-07-30)",
        "LinkedIn Help a6278444 (default on), a548106 (URL)",
        "blog.autiomaa.org 2025-09-18 (switch wording)",
    )


FLOW = LinkedIn
