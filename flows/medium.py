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
- The row is a button or link whose accessible name contains the section's title.
- The choice is a radio group: the nearest radiogroup, else fieldset (role group), else the
  dialog itself, that holds the "Minimize third-party training" radio; the engine matches option
  names exactly, so "(Default)" must be part of the first option's accessible name.
- Save or autosave is unknown: the dialog is closed with "Save" when it has one, else with
  "Done", else with "Close". A panel that expands in place (no dialog) is closed with the
  Save inside the container of the options, or, with none, by clicking the row again. If a
  choice needed something else to stick, the read-back after a fresh load shows it and the
  run says not-off, never done.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from optout.flow import Flow, LoginForm, Modal, RadioGroup, Setting

if TYPE_CHECKING:
    from playwright.async_api import Locator, Page

SETTINGS = "https://medium.com/me/settings"
MAXIMUM_REACH = "Prioritize maximum reach (Default)"
MINIMIZE = "Minimize third-party training"
ROW = re.compile(r"third-party AI and your stories", re.I)
SAVE = re.compile(r"^\s*save(\s+changes)?\s*$", re.I)
DONE = re.compile(r"^\s*done\s*$", re.I)
CLOSE = re.compile(r"^\s*close\s*$", re.I)
# What may hold the options when they expand in place instead of in a dialog.
PANELS = "section, form, fieldset, [role=region], [role=group], [role=radiogroup], [role=form]"


def open_row(page: Page) -> Locator:
    """The "Third-party AI and your stories" row that opens the preferences."""
    return page.get_by_role("button", name=ROW).or_(page.get_by_role("link", name=ROW))


def minimize_radio(page: Page) -> Locator:
    """The wanted option's radio button, wherever it is."""
    return page.get_by_role("radio", name=re.compile(re.escape(MINIMIZE), re.I))


def choice(page: Page) -> Locator:
    """The innermost container of the two options: a radiogroup, a fieldset, or the dialog."""
    minimize = minimize_radio(page)
    radiogroup = page.get_by_role("radiogroup")
    group = page.get_by_role("group")
    return (
        radiogroup.filter(has=minimize)
        .or_(group.filter(has=minimize).filter(has_not=radiogroup))
        .or_(page.get_by_role("dialog").filter(has=minimize).filter(has_not=radiogroup).filter(has_not=group))
    )


def close_dialog(page: Page) -> Locator:
    """In a dialog: Save if it has one, else Done, else Close (never Cancel). In a panel that
    expands in place: its Save, or with none (a panel that saves by itself) the row again."""
    dialog = page.get_by_role("dialog")
    save, done = page.get_by_role("button", name=SAVE), page.get_by_role("button", name=DONE)
    # Inner locators of `has`/`has_not` are relative to the outer element, so none starts at body.
    panel_save = page.locator(PANELS).filter(has=minimize_radio(page)).get_by_role("button", name=SAVE)
    no_dialog = page.locator("body").filter(has_not=dialog)
    return (
        dialog.get_by_role("button", name=SAVE)
        .or_(dialog.filter(has_not=save).get_by_role("button", name=DONE))
        .or_(dialog.filter(has_not=save).filter(has_not=done).get_by_role("button", name=CLOSE))
        .or_(no_dialog.locator(PANELS).filter(has=minimize_radio(page)).get_by_role("button", name=SAVE))
        .or_(no_dialog.filter(has_not=panel_save).get_by_role("button", name=ROW))
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
