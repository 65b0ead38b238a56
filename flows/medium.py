"""Medium (https://medium.com/): "Third-party AI and your stories" set to "Minimize third-party training".

Facts relied on (shared/reference/platforms.md §19, platforms.json "Medium", platforms-addendum.md §5):
- Settings > Account > "Third-party AI and your stories"; "Select to open your preferences, and
  make changes", so a row that opens a panel or dialog (official help article; high).
- The choice: "Prioritize maximum reach (Default)" (the default) or "Minimize third-party
  training", the one wanted here (official help; high). Announced 2026-03-19; per account.
- The settings base is https://medium.com/me/settings; the Account page is probably
  /me/settings/account (inferred, low), so both are tried, Account first.
- No password login: social sign-in or an emailed link (Medium blog 2015; high). So
  `password_login = False`: people sign in once with `optout login medium --headed`, and a run
  whose session has expired stops with needs-you. Sign-in page: /m/signin (addendum §5.1).
Guesses (no markup is known):
- The row is a button or link whose accessible name contains the section's title or, when
  the title is only text, the one "Edit"/"Change"/"Manage"/"Open" button or link in the
  smallest element showing it.
- The choice is a pair of radios (native or ARIA); their container is the smallest element
  holding both, whatever its role. The engine matches radios by leading words, so the first
  option is named without "(Default)" and matches with or without it.
- Save or autosave is unknown: the preferences are closed with the "Save"/"Update"/"Apply"
  button in the smallest element holding the wanted radio and that button (a dialog or panel,
  never the whole page with the row), else with "Done", else "Close"/"Dismiss" there (never
  Cancel, never Close while a Save is shown), else, for a panel that saves by itself, by
  clicking the row again. If a choice needed something else to stick, the read-back after a
  fresh load shows it and the run says not-off, never done.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from optout.flow import Flow, LoginForm, Modal, RadioGroup, Setting

if TYPE_CHECKING:
    from playwright.async_api import Locator, Page

SETTINGS = "https://medium.com/me/settings"
# Radios are matched by their leading words, so "(Default)" (or its absence) does not matter.
MAXIMUM_REACH = "Prioritize maximum reach"
MINIMIZE = "Minimize third-party training"
ROW = re.compile(r"third-party AI and your stories", re.I)
EDIT = re.compile(r"^\s*(edit|change|manage|open)\b", re.I)
SAVE = re.compile(r"^\s*(save|update|apply)\b", re.I)
DONE = re.compile(r"^\s*done\s*$", re.I)
CLOSE = re.compile(r"^\s*(close|dismiss)\b", re.I)


def innermost(page: Page, *inside: Locator) -> Locator:
    """The smallest elements that hold all of `inside` (inner locators are relative to the outer element)."""
    holders = page.locator("*")
    for locator in inside:
        holders = holders.filter(has=locator)
    inner = page.locator("*")
    for locator in inside:
        inner = inner.filter(has=locator)
    return holders.filter(has_not=inner)


def radio(page: Page, option: str) -> Locator:
    """One option's radio button, wherever it is (leading words, as the engine matches them)."""
    return page.get_by_role("radio", name=re.compile(r"^\s*" + re.escape(option) + r"(?!\w)", re.I))


def open_row(page: Page) -> Locator:
    """The row that opens the preferences: a button or link named with the title or, when the
    title is a heading beside its own "Edit" button, that button (only one in the smallest
    element showing the title, so a neighbour's is never taken)."""
    named = page.get_by_role("button", name=ROW).or_(page.get_by_role("link", name=ROW))
    edit = page.get_by_role("button", name=EDIT).or_(page.get_by_role("link", name=EDIT))
    rows = innermost(page, page.get_by_text(ROW), edit)
    unnamed = page.locator("body").filter(has_not=named).locator("*").and_(rows)
    return named.or_(unnamed.get_by_role("button", name=EDIT)).or_(unnamed.get_by_role("link", name=EDIT))


def choice(page: Page) -> Locator:
    """The smallest element holding both options' radios, whatever it is (radiogroup, fieldset, div)."""
    return innermost(page, radio(page, MAXIMUM_REACH), radio(page, MINIMIZE))


def beside_options(page: Page, name: re.Pattern[str]) -> Locator:
    """Buttons named `name` in the smallest element holding the wanted radio and such a button
    (the dialog or panel), never one that also holds the row (the whole page)."""
    button = page.get_by_role("button", name=name)
    row = page.get_by_role("button", name=ROW).or_(page.get_by_role("link", name=ROW))
    edit = page.get_by_role("button", name=EDIT).or_(page.get_by_role("link", name=EDIT))
    # (`has_not` is relative to the box, so the row is told by its button's name alone.)
    box = innermost(page, radio(page, MINIMIZE), button).filter(has_not=row).filter(has_not=edit)
    return box.get_by_role("button", name=name)


def close_dialog(page: Page) -> Locator:
    """Beside the options: Save if there is one, else Done, else Close (never Cancel); with none
    of them (a panel that saves by itself) the row again."""
    body = page.locator("body")
    save, done, close = (beside_options(page, name) for name in (SAVE, DONE, CLOSE))
    return (
        save.or_(body.filter(has_not=save).locator("*").and_(done))
        .or_(body.filter(has_not=save).filter(has_not=done).locator("*").and_(close))
        .or_(body.filter(has_not=save).filter(has_not=done).filter(has_not=close).locator("*").and_(open_row(page)))
    )


class Medium(Flow):
    """Ask all AI companies not to train on your Medium stories."""

    id = "medium"
    title = "Medium"
    home = SETTINGS  # members only: a signed-out browser is sent to sign in
    domains = ("medium.com",)
    # No password is ever typed (password_login = False); the form is named only so that
    # `login --headed` opens the sign-in page and sign-in pages are recognised.
    login = LoginForm(
        url="https://medium.com/m/signin",
        origins=frozenset({"https://medium.com"}),
        identifier=lambda page: page.locator('input[type="email"]'),
        submit=lambda page: page.locator('form:has(input[type="email"]) button[type="submit"]'),
        signed_out=re.compile(r"^/m/signin\b"),
    )
    password_login = False
    settings = (
        Setting(
            key="third-party-ai",
            label="Third-party AI and your stories",
            urls=(f"{SETTINGS}/account", SETTINGS),
            control=RadioGroup(choice, options=(MAXIMUM_REACH, MINIMIZE)),
            wanted=MINIMIZE,
            modal=Modal(open=open_row, close=close_dialog),
            note='Settings > Account > "Third-party AI and your stories" > "Minimize third-party training"',
        ),
    )
    confidence = (
        "replica only: written from public sources, never run against the live site; "
        "the Account page URL is inferred and no markup is known"
    )
    sources = (
        "https://help.medium.com/hc/en-us/articles/39084471091991-Managing-Your-Third-Party-AI-Settings",
        "https://thehuman2ai.com/writing/best-practices/medium-writers-ai-training-control",
        "https://blog.medium.com/signing-in-to-medium-by-email-aacc21134fcd (no password login)",
    )


FLOW = Medium
