"""Pinterest (https://www.pinterest.com/): "Use your data to train Pinterest Canvas", in Privacy and data.

Facts relied on (shared/reference/platforms.md §12, platforms-addendum.md §6, platforms.json):
- Settings > "Privacy and data" > GenAI > "Use your data to train Pinterest Canvas", described
  "Allow your data to be used to help train Pinterest Canvas." Default on (label high,
  description medium confidence). A toggle per the catalog; checkbox or toggle is unknown, so a
  switch, a checkbox or a toggle button is accepted, named so or, when it has no name of its own,
  the one in the row that shows the words. A control worded the other way round ("Don't use your
  data to train...") is refused (site-changed): turning it off would allow the training.
- The page is at /settings/privacy (low-medium) or /settings/privacy-and-data (one catalog): both
  are tried, in that order.
- The ads rows on the same page are checkboxes saved by "Done" (Pinterest help, medium); whether
  the GenAI row needs Done too is unknown, so the flow presses "Done" (or "Save", "Save changes",
  "Save settings") after the change: only an enabled one, and only the one in the smallest part
  of the page that holds both it and the switch (one Done per section). Where the row saves by
  itself, or the button is disabled or missing, nothing is pressed; the read-back decides.
- Sign-in: https://www.pinterest.com/login/ with `input#email`, `input#password` and "Log in"
  (medium); Google sign-in also exists (SSO: needs you).
Guessed, not in the reference: that "Done"/"Save" is a button near the switch; the
wrong-password wording; the two-factor and CAPTCHA wording and URLs (2FA markup is unknown);
that a signed-out settings page goes to /login/. Pinterest's country domains (pinterest.co.uk...)
are not accepted: the password goes only to www.pinterest.com.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from optout.flow import Challenge, Flow, LoginForm, Setting, Switch, toggle

if TYPE_CHECKING:
    from playwright.async_api import Locator, Page

SETTINGS = "https://www.pinterest.com/settings"
# Never a control worded the other way round, whose "off" would mean "allowed".
CANVAS = re.compile(
    r"^(?!.*\b(don.?t|do not|opt[- ]?out|prevent|block|disallow)\b).*\btrain(ing)?\s+Pinterest\s+Canvas",
    re.I | re.S,
)
DONE = re.compile(r"^\s*(done|save( changes| settings)?)\s*$", re.I)
ENABLED = ":not([disabled]):not([aria-disabled=true])"
# The wording of a refused password is not in the reference: the usual phrasings.
REJECTED = re.compile(
    r"password (you entered )?(is|was) (incorrect|wrong|not (right|correct))|(incorrect|wrong|invalid) (email or )?"
    r"password|no account (found|with)|(couldn.t|could not) find (an|your) account",
    re.I,
)


canvas_switch = toggle(CANVAS)


def done(page: Page) -> Locator:
    """The enabled "Done" (or "Save") in the smallest part of the page holding both it and the switch."""
    buttons = page.get_by_role("button", name=DONE).and_(page.locator(ENABLED)).locator("visible=true")
    holders = page.locator("*").filter(has=canvas_switch(page)).filter(has=buttons)
    inner = holders.filter(has_not=page.locator("*").filter(has=canvas_switch(page)).filter(has=buttons))
    return inner.get_by_role("button", name=DONE).and_(inner.locator(ENABLED))


class Pinterest(Flow):
    """Keep Pinterest from training Pinterest Canvas on your Pins and data."""

    id = "pinterest"
    title = "Pinterest"
    home = "https://www.pinterest.com/settings/privacy"
    domains = ("pinterest.com",)
    login = LoginForm(
        url="https://www.pinterest.com/login/",
        origins=frozenset({"https://www.pinterest.com"}),
        identifier=lambda page: page.locator("input#email").or_(page.get_by_label(re.compile(r"^\s*email", re.I))),
        submit=lambda page: page.get_by_role("button", name=re.compile(r"^\s*log\s*in\s*$", re.I)).or_(
            page.locator('form:has(input[type="password"]) [type="submit"]')
        ),
        rejected=lambda page: page.get_by_text(REJECTED),
        signed_out=re.compile(r"^/login\b"),
        sso_origins=frozenset({"https://accounts.google.com", "https://www.facebook.com", "https://appleid.apple.com"}),
    )
    challenge = Challenge(
        urls=(re.compile(r"/(two[_-]?factor|2fa|challenge|checkpoint|captcha)\b", re.I),),
        texts=(
            # Anchored: a settings page may mention two-factor authentication or codes.
            re.compile(r"^\s*two-factor authentication\s*$", re.I),
            re.compile(r"^\s*enter (the|your|a) (\d+-digit )?(verification |security |login )?code\b", re.I),
            re.compile(r"^\s*we sent (you )?(a|an|the) (\d+-digit )?(verification |security |login )?code\b", re.I),
            re.compile(r"unusual (activity|login)", re.I),
            re.compile(r"complete the security check", re.I),
        ),
    )
    settings = (
        Setting(
            key="genai-training",
            label="Use your data to train Pinterest Canvas",
            urls=(f"{SETTINGS}/privacy", f"{SETTINGS}/privacy-and-data"),
            control=Switch(canvas_switch),
            wanted=False,
            save=done,
            note='Settings > Privacy and data > GenAI > "Use your data to train Pinterest Canvas", then Done',
        ),
    )
    confidence = (
        "replica only: written from public sources, never run against the live site; "
        "the settings URL and whether Done is needed are uncertain"
    )
    sources = (
        "help.pinterest.com/en/article/manage-genai-settings",
        "help.pinterest.com/en-gb/article/your-privacy-and-data-settings (ads rows, Done)",
        "millikancorydon.com/6637/feature/protect-yourself-from-pinterest-ai (April 2025)",
        "aamirmohd01/pinterest_webpage_testing passed/login_test.py (#email, #password)",
    )


FLOW = Pinterest
