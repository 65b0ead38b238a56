"""GitHub (https://github.com/): Copilot's "Allow GitHub to use my data for AI model training".

Facts relied on (shared/reference/platforms.md §24; platforms-addendum.md §1; platforms.json):
- The page is `/settings/copilot/features` (several 2026 guides, high); older guides use
  `/settings/copilot`, tried next (medium).
- The row "Allow GitHub to use my data for AI model training" is a dropdown Enabled/Disabled;
  GitHub's docs say to open it and click "Disabled" (high). No Save step in the current docs, so
  it saves on selection (inferred, medium-low). "Allow GitHub to use my data for product
  improvements" is the related row, shown as an Enabled/Disabled select by one third-party
  replica only (low); older guides call it a box to uncheck, which this flow does not handle.
- Primer renders such dropdowns as an action menu: a trigger `button[aria-haspopup]` whose text
  shows the choice, opening `menuitemradio` items with `aria-checked` (Primer source, medium).
- The row is not displayed for Copilot Business/Enterprise seats (docs, high). No wording is
  known that says so on the page, so a missing row is reported as site-changed, never absent.
- Sign-in at `/login`: `#login_field` "Username or email address", `#password`, submit "Sign in"
  posting to `/session` (high for ids, medium for the button). After the password:
  `/sessions/two-factor/app` (also `/sessions/two-factor`, `/sessions/two-factor/mobile`) and
  `/sessions/verified-device` (with `/captcha`), "Verify your device": all need the user (high).
- Sudo mode, "Confirm password" / `#sudo_password` / `…/password_confirm`, may guard settings
  (whether it guards this page is unknown): treated as a challenge, so no second password is
  ever typed outside the sign-in form.
Guesses, not in the reference: the wrong-password flash ("Incorrect username or password." or
similar, in a flash/alert); the "Confirm access"/"Confirm your password" heading and the
`/sessions/sudo` URL of the sudo page; how the label and the trigger share a row (the smallest
element holding both, holding no other known row's label, whose trigger shows Enabled/Disabled);
a native `<select>`, combobox or details/summary as alternative controls; a Save button in the
row's form (pressed only when shown, as the older page had one).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from optout.flow import Challenge, Dropdown, Find, Flow, LoginForm, Setting

if TYPE_CHECKING:
    from playwright.async_api import Locator, Page

FEATURES = "https://github.com/settings/copilot/features"
OLD_PAGE = "https://github.com/settings/copilot"
AI_ROW = r"use my data for AI model training"
PRODUCT_ROW = r"use my data for product improvements"
# The other rows of the Features page (addendum §1.2, from one third-party replica): a holder
# showing one of these is wider than our row, so its dropdown may be that row's.
OTHER_ROWS = (
    r"suggestions matching public code",
    r"copilot in github\.com",
    r"copilot (chat )?in the (ide|cli)",
    r"copilot in github mobile",
    r"copilot code review",
    r"mcp servers in copilot",
    r"\b(claude|gemini|gpt|grok)\b[\w .-]{0,30} in copilot",
)
# Primer's action-menu trigger, the older details-menu summary, a combobox, or a native select
# (guesses beyond Primer). Only one that shows a value counts: a row's "..." menu never does.
TRIGGER = (
    "button[aria-haspopup]:not([aria-haspopup=false]), button[aria-expanded], summary[aria-haspopup], "
    "details > summary, [role=combobox], select"
)
VALUE = re.compile(r"(?<!\w)(enabled|disabled)(?!\w)", re.I)
SAVE = re.compile(r"^\s*save\b", re.I)
REJECTED = re.compile(r"(incorrect|invalid|wrong) (username|login|password)|username or password is", re.I)


def row_dropdown(label: str, neighbour: str) -> Dropdown:
    """The one dropdown showing a value in the smallest element that holds both `label` and one.

    That element must not hold the `neighbour` row's label, nor any other row's known label:
    were this row's own dropdown missing (or of a kind not recognised), the smallest element
    holding a dropdown would be a wider one, and it must not lend us another row's.
    """
    name = re.compile(label, re.I)
    others = re.compile("|".join((neighbour, *OTHER_ROWS)), re.I)

    def find(page: Page) -> Locator:
        trigger = page.locator(TRIGGER).filter(has_text=VALUE)
        holders = page.locator("*").filter(has_text=name).filter(has=trigger).filter(has_not_text=others)
        rows = holders.filter(has_not=page.locator("*").filter(has_text=name).filter(has=trigger))
        labelled = page.get_by_role("combobox", name=name).or_(
            page.get_by_role("button", name=name).and_(page.locator("[aria-haspopup]"))
        )
        return rows.locator(TRIGGER).filter(has_text=VALUE).or_(labelled)

    return Dropdown(find, options=("Enabled", "Disabled"))


def row_save(label: str, neighbour: str) -> Find:
    """The Save button of the form holding this row's dropdown (the older page had one)."""
    dropdown = row_dropdown(label, neighbour).find

    def find(page: Page) -> Locator:
        form = page.locator("form").filter(has=dropdown(page))
        return form.get_by_role("button", name=SAVE)

    return find


class GitHub(Flow):
    """Keep GitHub from training AI models on your Copilot data (and, when asked, from using it)."""

    id = "github"
    title = "GitHub"
    home = "https://github.com/settings/profile"
    domains = ("github.com",)
    login = LoginForm(
        url="https://github.com/login",
        origins=frozenset({"https://github.com"}),
        identifier=lambda page: page.locator('#login_field, input[name="login"]').or_(
            page.get_by_label("Username or email address")
        ),
        submit=lambda page: page.locator('form[action="/session"] [type="submit"][name="commit"]').or_(
            page.get_by_role("button", name=re.compile(r"^\s*sign in\s*$", re.I))
        ),
        rejected=lambda page: page.locator(".flash-error, .flash, [role=alert]").filter(has_text=REJECTED),
        signed_out=re.compile(r"^/(login|session)(/|$)"),
    )
    challenge = Challenge(
        urls=(
            re.compile(r"github\.com/sessions/(two-factor|verified-device)"),
            re.compile(r"github\.com/[^?#]*password_confirm"),
            re.compile(r"github\.com/sessions/sudo"),
        ),
        texts=(
            re.compile(r"^\s*two-factor authentication\s*$", re.I),
            re.compile(r"^\s*verify your device\s*$", re.I),
            re.compile(r"^\s*confirm (your )?(access|password)\b", re.I),
        ),
    )
    settings = (
        Setting(
            key="ai-model-training",
            label="Allow GitHub to use my data for AI model training",
            urls=(FEATURES, OLD_PAGE),
            control=row_dropdown(AI_ROW, PRODUCT_ROW),
            save=row_save(AI_ROW, PRODUCT_ROW),
            wanted="Disabled",
            note='Settings > Copilot > Features > Privacy > "Allow GitHub to use my data for AI model training"',
        ),
        Setting(
            key="product-improvements",
            label="Allow GitHub to use my data for product improvements",
            urls=(FEATURES, OLD_PAGE),
            control=row_dropdown(PRODUCT_ROW, AI_ROW),
            save=row_save(PRODUCT_ROW, AI_ROW),
            wanted="Disabled",
            category="data-sharing",
            note='Settings > Copilot > Features > Privacy > "Allow GitHub to use my data for product improvements"',
        ),
    )
    confidence = (
        "replica only: written from public sources, never run against the live site; the page's "
        "markup is unknown (modelled on Primer's action menu); GitHub usually asks for 2FA, so "
        "expect to run: optout login github --headed"
    )
    sources = (
        "github/docs content/copilot/how-tos/manage-your-account/manage-policies.md (Model training and improvements)",
        "github.blog: updates to GitHub Copilot interaction data usage policy (2026-03-25)",
        "primer/view_components action_menu.rb, action_menu/list.rb; primer/react ActionList/Item.tsx",
        "public Playwright, Puppeteer and WebdriverIO login scripts (names not recorded), via platforms-addendum.md §1",
    )


FLOW = GitHub
