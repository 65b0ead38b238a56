"""The contract flows are written against: where settings live and how to log in, nothing else.

A flow only describes. It never receives a dry-run flag and never decides whether to click:
the engine does every read and every write (DESIGN.md, "Flows").
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar, Literal

if TYPE_CHECKING:  # `optout platforms` and `optout show` must not load Playwright.
    from playwright.async_api import Locator, Page

# Finds one element on a page; the engine checks that it matches exactly one.
Find = Callable[["Page"], "Locator"]

Category = Literal["ai-training", "data-sharing", "personalization"]
DEFAULT_CATEGORIES: tuple[Category, ...] = ("ai-training",)


TOGGLES = 'input[type="checkbox"], [role="switch"], [role="checkbox"], button[aria-pressed]'
NO_NAME = re.compile(r"^\s*(on|off)?\s*$", re.I)  # unnamed, or named only by its state


def toggle(name: re.Pattern[str], row: re.Pattern[str] | None = None) -> Find:
    """A switch, checkbox or toggle button named `name`; or, when the page gives the control no
    name of its own (or only "On"/"Off"), the one such control in the smallest element whose text
    matches `row` (default: `name`).

    A named control elsewhere in that element is never taken for it: were this row's own control
    missing, a neighbour's must not be read in its place. `row` is searched in the elements' text
    content, where a heading runs into the next line ("Data usageWe use..."): no trailing `\b`.
    """

    def find(page: Page) -> Locator:
        named = (
            page.get_by_role("switch", name=name)
            .or_(page.get_by_role("checkbox", name=name))
            .or_(page.get_by_role("button", name=name).and_(page.locator("[aria-pressed]")))
        )
        holders = page.locator("*").filter(has_text=row or name).filter(has=page.locator(TOGGLES))
        rows = holders.filter(has_not=page.locator("*").filter(has_text=row or name).filter(has=page.locator(TOGGLES)))
        unnamed = (
            rows.get_by_role("switch", name=NO_NAME)
            .or_(rows.get_by_role("checkbox", name=NO_NAME))
            .or_(rows.get_by_role("button", name=NO_NAME).and_(rows.locator("[aria-pressed]")))
        )
        return named.or_(unnamed)

    return find


@dataclass(frozen=True)
class Switch:
    """An on/off control: a native checkbox (`checked`), or a role=switch/checkbox
    (`aria-checked`), or a toggle button (`aria-pressed`)."""

    find: Find

    def describe(self) -> str:
        """A short phrase for `optout show`."""
        return "switch"


@dataclass(frozen=True)
class Dropdown:
    """A choice among named options: a native `<select>`, or a button opening a menu of
    `menuitemradio` items (a Primer-style ActionMenu)."""

    find: Find
    options: tuple[str, ...]

    def describe(self) -> str:
        """A short phrase for `optout show`."""
        return "dropdown (" + " / ".join(self.options) + ")"


@dataclass(frozen=True)
class RadioGroup:
    """A choice among radio buttons; `find` gives the group that holds them."""

    find: Find
    options: tuple[str, ...]

    def describe(self) -> str:
        """A short phrase for `optout show`."""
        return "radio choice (" + " / ".join(self.options) + ")"


@dataclass(frozen=True)
class Stepwise:
    """A state shown as text (a card saying "On"/"Off") and turned off by clicks in order:
    a button, a menu item, a confirmation (Google's "Keep Activity"). Only turning off is
    supported, so `wanted` must be False."""

    find: Find
    on: re.Pattern[str]
    off: re.Pattern[str]
    steps: tuple[Find, ...]

    def describe(self) -> str:
        """A short phrase for `optout show`."""
        return f"status with {len(self.steps)} steps to turn it off"


Control = Switch | Dropdown | RadioGroup | Stepwise


@dataclass(frozen=True)
class Modal:
    """A control that lives in a dialog opened from a row, closed with a button ("Done")."""

    open: Find
    close: Find


@dataclass(frozen=True)
class Setting:
    """One setting on one page, and the state optout wants it in.

    `wanted` is True/False for a switch (False = off, the usual case; True where "on" means
    opted out) and the option's name for a dropdown or radio group. `urls` are tried in
    order until one shows the control, so a renamed page slug still works.
    """

    key: str
    label: str
    urls: tuple[str, ...]
    control: Control
    wanted: bool | str
    category: Category = "ai-training"
    modal: Modal | None = None
    save: Find | None = None  # pressed when the page shows it; the read-back decides if it was needed
    absent: Find | None = None
    ready: Find | None = None
    note: str = ""

    def wanted_text(self) -> str:
        """The wanted state as printed and in JSON ("off", "on" or an option's name)."""
        return state_text(self.wanted) or ""


def state_text(state: bool | str | None) -> str | None:
    """Render a read state: True/False become "on"/"off", options stay as they are."""
    if state is None:
        return None
    if isinstance(state, bool):
        return "on" if state else "off"
    return state


@dataclass(frozen=True)
class LoginForm:
    """Where and how the password form is, and which origins may ever receive the password.

    The flow names the fields; the engine checks the page and types (DESIGN.md, "Safety").
    `next` is the button between an identifier step and a password step, when there is one
    (clicked only when shown, so one flow serves a one-page and a two-step form).
    """

    url: str
    origins: frozenset[str]
    identifier: Find
    submit: Find
    next: Find | None = None
    rejected: Find | None = None
    signed_out: re.Pattern[str] = re.compile(r"/login\b")
    sso_origins: frozenset[str] = frozenset()
    # Something only signed-out visitors see (a "Log in" button in the header), for sites that
    # show guests the same URLs as members: a page that shows it is a signed-out page.
    signed_out_marker: Find | None = None
    # Harmless questions after the password ("Stay signed in?"), answered with the named
    # button when they appear; never a challenge.
    interstitials: tuple[Find, ...] = ()


@dataclass(frozen=True)
class SiteList:
    """Where an account's sites (blogs, publications) are listed, for per-site settings.

    `urls` (pages or JSON endpoints on the platform's own domains) are loaded in order; `read`
    is given the loaded page and returns the site ids it shows: an empty list when the page
    positively shows none, None when the page is not understood (the next URL is tried).
    """

    urls: tuple[str, ...]
    read: Callable[[Page], Awaitable[list[str] | None]]


@dataclass(frozen=True)
class Challenge:
    """Signs that the site wants a human: a URL pattern and/or texts on the page."""

    urls: tuple[re.Pattern[str], ...] = ()
    texts: tuple[re.Pattern[str], ...] = ()


class Flow:
    """Where a platform keeps its settings and how to log in. Subclass once per platform."""

    id: ClassVar[str]
    title: ClassVar[str]
    home: ClassVar[str]
    domains: ClassVar[tuple[str, ...]]
    login: ClassVar[LoginForm | None]
    settings: ClassVar[tuple[Setting, ...]]
    challenge: ClassVar[Challenge] = Challenge()
    # The button that declines a cookie-consent overlay covering the page, clicked only when
    # the overlay is there and the engine must click something beneath it.
    cookie_reject: ClassVar[Find | None] = None
    password_login: ClassVar[bool] = True
    sites: ClassVar[SiteList | None] = None
    confidence: ClassVar[str] = "replica only: never run against the live site"
    sources: ClassVar[tuple[str, ...]] = ()

    @classmethod
    def setting(cls, key: str) -> Setting | None:
        """The setting with this key, or None."""
        return next((s for s in cls.settings if s.key == key), None)
