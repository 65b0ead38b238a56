"""Google Gemini (https://myactivity.google.com/product/gemini): "Keep Activity", formerly "Gemini Apps Activity".

Facts relied on (shared/reference/platforms.md §5; platforms-addendum.md §12; platforms.json):
- The setting lives at `https://myactivity.google.com/product/gemini` (Google support 13278892,
  high); its label is "Keep Activity", formerly "Gemini Apps Activity" (high). On by default
  for personal accounts aged 18+ (high); Workspace accounts: on, and only the admin can change it.
- Turning it off (several guides, medium): the card's "Turn off" button opens a choice of "Turn
  off" or "Turn off and delete activity"; then a confirmation; then a notification. This flow
  always picks plain "Turn off": it never deletes the user's activity.
- Sign-in at `https://accounts.google.com`: "Email or phone" (`#identifierId`), "Next"; "Enter
  your password", "Next" (medium); then maybe 2-Step Verification. Automated browsers are
  often shown "Couldn't sign you in - This browser or app may not be secure" (high): needs-you.
Guesses, as the reference has no markup for this page: the card is the smallest element that
holds the setting's name and a "Turn off"/"Turn on" button, and its state is read from that
button ("Turn off" means it is on, "Turn on" means off); the button must sit under the nearest
ancestor holding a heading or the name, and that ancestor must carry the name, so another
card's button is never taken for it; that button's name is exactly "Turn off"/"Turn on"
(never "Turn on auto-delete"); the menu's plain "Turn off" is a menu item, option, or a
button/radio/link inside a menu, listbox or dialog; the confirmation is a dialog whose
confirming button says "Turn off" (or "Pause", Google's older word, "Confirm", "OK",
"Continue", "Yes", "Got it", "Next", "Done"); the sign-in address `https://accounts.google.com/`
(the only one the reference names); the password-step URLs `/v3/signin/challenge/pwd` or
`.../password` (not a check) and the wrong-password text "Wrong/Incorrect password".
A Workspace page that only says the admin decides has no such button
and is reported as site-changed: the setting is on there, so "absent" (a quiet success) would
be a false "done".
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from optout.flow import Challenge, Find, Flow, LoginForm, Setting, Stepwise

if TYPE_CHECKING:
    from playwright.async_api import Locator, Page

ACTIVITY = "https://myactivity.google.com/product/gemini"
NAME = re.compile(r"keep activity|gemini apps activity", re.I)
# The card's own button only: never "Turn on auto-delete" or another "Turn off ..." on the card.
ICON = r"(\s*(arrow_drop_down|expand_more))?"  # an icon ligature that is not hidden from the name
TURN = re.compile(rf"^\s*turn (on|off)(\s+(keep activity|gemini apps activity))?{ICON}\s*$", re.I)
TURN_OFF = re.compile(rf"^\s*turn off(\s+(keep activity|gemini apps activity))?{ICON}\s*$", re.I)
CONFIRM = re.compile(r"^\s*(turn off|pause|confirm|ok|continue|yes|got it|next|done)\b(?!\s+(and|auto)\b|-)", re.I)
OVERLAY = "[role=menu], [role=listbox], [role=dialog], [role=alertdialog], [aria-modal=true]"
NEXT = re.compile(r"^\s*next\s*$", re.I)
_LOWER = "translate(normalize-space(.), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"
_NAMED = f"contains({_LOWER}, 'keep activity') or contains({_LOWER}, 'gemini apps activity')"
_TITLED = ".//*[self::h1 or self::h2 or self::h3 or self::h4 or self::h5 or self::h6 or @role='heading']"
# A button whose nearest ancestor holding a heading or the setting's name holds that name.
OWNED = f"xpath=//*[self::button or @role='button'][ancestor::*[{_TITLED} or {_NAMED}][1][{_NAMED}]]"


def card(page: Page) -> Locator:
    """The smallest element holding the setting's name and a "Turn off"/"Turn on" button."""
    button = page.get_by_role("button", name=TURN)
    holders = page.locator("*").filter(has_text=NAME).filter(has=button)
    return holders.filter(has_not=page.locator("*").filter(has_text=NAME).filter(has=button))


def card_button(name: re.Pattern[str]) -> Find:
    """The card's button named `name`, if the card owns it.

    Without the ownership test, a card with no button (a Workspace account) would make the page
    itself the smallest holder, and another card's button (Web & App Activity) would be taken.
    """

    def find(page: Page) -> Locator:
        return card(page).get_by_role("button", name=name).and_(page.locator(OWNED))

    return find


def menu_turn_off(page: Page) -> Locator:
    """The plain "Turn off" choice of the menu (never "Turn off and delete activity")."""
    items = page.get_by_role("menuitem", name=TURN_OFF).or_(page.get_by_role("menuitemradio", name=TURN_OFF))
    overlay = page.locator(OVERLAY)
    inside = (
        overlay.get_by_role("button", name=TURN_OFF)
        .or_(overlay.get_by_role("radio", name=TURN_OFF))
        .or_(overlay.get_by_role("link", name=TURN_OFF))
    )
    return items.or_(page.get_by_role("option", name=TURN_OFF)).or_(inside)


def confirm(page: Page) -> Locator:
    """The confirming button of the dialog that follows the menu (its texts are a guess)."""
    dialogs = page.locator("[role=dialog], [role=alertdialog], dialog, [aria-modal=true]")
    return dialogs.get_by_role("button", name=CONFIRM)


class Gemini(Flow):
    """Stop Google keeping your Gemini chats, which it uses to train its AI models."""

    id = "gemini"
    title = "Google Gemini"
    home = ACTIVITY
    domains = ("google.com",)
    login = LoginForm(
        url="https://accounts.google.com/",
        origins=frozenset({"https://accounts.google.com"}),
        identifier=lambda page: page.locator("#identifierId").or_(page.get_by_label("Email or phone")),
        next=lambda page: page.get_by_role("button", name=NEXT).locator("visible=true"),
        submit=lambda page: page.get_by_role("button", name=NEXT),
        rejected=lambda page: page.get_by_text(re.compile(r"(wrong|incorrect) password", re.I)),
        signed_out=re.compile(r"^/(v\d/)?signin/|^/(ServiceLogin|AccountChooser|InteractiveLogin)\b"),
    )
    challenge = Challenge(
        urls=(
            re.compile(r"accounts\.google\.com/(v\d/)?signin/(v\d/)?challenge/(?!(pwd|password)\b)"),
            re.compile(r"accounts\.google\.com/(v\d/)?signin/rejected"),
            re.compile(r"accounts\.google\.com/speedbump"),
        ),
        texts=(
            re.compile(r"couldn.t sign you in", re.I),
            re.compile(r"this browser or app may not be secure", re.I),
            re.compile(r"^\s*2-step verification\s*$", re.I),
            re.compile(r"^\s*check your phone\s*$", re.I),
        ),
    )
    settings = (
        Setting(
            key="keep-activity",
            label="Keep Activity (Gemini Apps Activity)",
            urls=(ACTIVITY,),
            control=Stepwise(
                find=card_button(TURN),
                # No word boundary after the verb: an icon's ligature text ("Turn offarrow_drop_down")
                # can follow it directly in the button's text.
                on=re.compile(r"^\s*turn off(?!\s+and\b)", re.I),
                off=re.compile(r"^\s*turn on", re.I),
                steps=(
                    card_button(TURN_OFF),
                    menu_turn_off,
                    confirm,
                ),
            ),
            wanted=False,
            note='My Activity > Gemini Apps > "Keep Activity" > Turn off > Turn off > confirm (activity is kept)',
        ),
    )
    confidence = (
        "replica only: written from public sources, never run against the live site; the page's "
        "markup is unknown. Google often refuses automated sign-ins, so run: optout login gemini "
        "--headed, and sign in (and approve 2-Step Verification) in the browser"
    )
    sources = (
        "support.google.com/gemini/answer/13278892 (Keep Activity, URL, default)",
        "allthings.how and unanswered.io guides; bgr.com 1939066 (the Turn off menu and confirmation)",
        "public Playwright/WebdriverIO Google sign-in scripts, via platforms-addendum.md §12.1",
        "an AI-vendor privacy audit, vendors/gemini.md (unnamed public source, verified 2026-10-02)",
    )


FLOW = Gemini
