"""Grammarly (https://account.grammarly.com/): the "Product Improvement and Training" toggle.

Facts relied on (shared/reference/platforms.md §16, platforms-addendum.md §9, platforms.json
`grammarly.product_improvement_training`):
- The toggle is labelled "Product Improvement and Training"; the Business UI says "Product
  Improvement & Training" (official help 25555503115277; high). Default on; no confirmation and
  no Save button reported (high: none reported, so the flow declares none).
- Free and Premium: `https://account.grammarly.com/security/privacy`; single-user Pro:
  `https://account.grammarly.com/admin/data_settings` (official help; high). Both are tried, in
  that order (the engine moves on when the first answers 404).
- Multi-user Pro: admins only (official help; high). A page that positively says that only an
  admin can change it is reported as `absent` (this account is not offered the control; the
  organisation's admin decides), not as a changed page: optout can do nothing there, and a
  daily "report the change" would be false. The wording of that statement is a guess, so it is
  matched loosely ("only admins can...", "managed by your admin", "contact your admin"), but it
  is believed only when it is visible and the page shows no switch, checkbox or toggle button at
  all: a note beside a control optout failed to find must not hide that failure.
- The Business UI shows a green checkmark when on (addendum §9.2). A checkmark is read only
  through the control's accessible state (`aria-checked`, `aria-pressed` or `checked`); a bare
  picture of a checkmark is unreadable, so it is reported as site-changed, never guessed.
- Password login exists; two-step verification asks for a 6-digit code "in the following
  screen" (help 360032922091; high): that screen stops the run as needs-you.
Guesses (the reference says the sign-in URL, fields and buttons are unknown): the sign-in page
`https://www.grammarly.com/signin`, either with email and password on one form or identifier
first (email, "Continue", then password): both are accepted; the button "Log in" or "Sign in",
the wrong-password wording, the 2SV page's URL and its "6-digit code" wording, and
the markup of the toggle (any of a role=switch, a native checkbox or a toggle button, named so
or, unnamed, the one in the row that shows the label). A toggle worded the other way round
("Don't use my content for product improvement and training") is refused (site-changed).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from optout.flow import TOGGLES, Challenge, Flow, LoginForm, Setting, Switch, toggle

if TYPE_CHECKING:
    from playwright.async_api import Locator, Page

ACCOUNT = "https://account.grammarly.com"
EMAIL = 'input[type="email"], input[name="email"]:not([type="hidden"]), input[autocomplete="username"]'
# Never a toggle worded the other way round, whose "off" would mean "allowed".
LABEL = re.compile(
    r"^(?!.*\b(don.?t|do not|opt[- ]?out|prevent|block|disallow)\b).*product improvement (and|&) training",
    re.I | re.S,
)
ADMINS = re.compile(
    r"only (your )?(\w+.s |\w+ )?admin(istrator)?s? can|managed by (your )?(\w+.s )?admin(istrator)?"
    r"|contact your admin",
    re.I,
)
# A toggle button must carry aria-pressed: a plain "Learn more about ..." button is not it.
training_toggle = toggle(LABEL)


def next_step(page: Page) -> Locator:
    """What leads from the email to the password: a "Continue" (or "Log in") button on an
    identifier-first form; on a one-page form, whose password field already shows, the email
    field itself, which comes first and which clicking changes nothing."""
    one_page = page.locator("form").filter(has=page.locator('input[type="password"]').locator("visible=true"))
    return (
        page.get_by_role("button", name=re.compile(r"^\s*(continue( with email)?|next|log ?in|sign ?in)\s*$", re.I))
        .or_(one_page.locator(EMAIL).locator("visible=true"))
        .first
    )


def admins_only(page: Page) -> Locator:
    """Grammarly's word that only the organisation's admins change this (wording guessed), shown
    on a page with no switch-like control at all."""
    return page.locator("body").filter(has_not=page.locator(TOGGLES)).get_by_text(ADMINS).locator("visible=true")


def submit(page: Page) -> Locator:
    """The password form's button: "Log in"/"Sign in", or "Continue"/"Next" on that form only."""
    form = page.locator("form").filter(has=page.locator('input[type="password"]'))
    return (
        page.get_by_role("button", name=re.compile(r"^\s*(log ?in|sign ?in)\s*$", re.I))
        .or_(form.get_by_role("button", name=re.compile(r"^\s*(continue|next)\s*$", re.I)))
        .or_(form.locator('[type="submit"]'))
    )


class Grammarly(Flow):
    """Keep Grammarly from using your writing for product improvement and model training."""

    id = "grammarly"
    title = "Grammarly"
    home = f"{ACCOUNT}/"
    domains = ("grammarly.com",)
    login = LoginForm(
        url="https://www.grammarly.com/signin",
        origins=frozenset({"https://www.grammarly.com"}),
        identifier=lambda page: (
            page.locator(EMAIL)
            .or_(page.get_by_label(re.compile(r"^\s*email", re.I)))
            .or_(page.get_by_placeholder(re.compile(r"email", re.I)))
        ),
        next=next_step,
        submit=submit,
        rejected=lambda page: page.get_by_text(
            re.compile(r"(incorrect|invalid|wrong)[^.]{0,30}password|password[^.]{0,30}(incorrect|invalid|wrong)", re.I)
        ),
        signed_out=re.compile(r"^/(signin|login)\b"),
        sso_origins=frozenset({"https://accounts.google.com", "https://www.facebook.com", "https://appleid.apple.com"}),
    )
    challenge = Challenge(
        urls=(re.compile(r"grammarly\.com/(signin|login)/(2sv|two-?step|verify)"),),
        texts=(
            # Anchored: a settings page may well mention codes.
            re.compile(r"^\s*enter (the|your|a) 6-digit (verification )?code\b", re.I),
            re.compile(r"^\s*enter (the|your|a) (verification |security |backup )?code\b", re.I),
        ),
    )
    settings = (
        Setting(
            key="product-improvement-training",
            label="Product Improvement and Training",
            urls=(f"{ACCOUNT}/security/privacy", f"{ACCOUNT}/admin/data_settings"),
            control=Switch(training_toggle),
            wanted=False,
            absent=admins_only,
            note="Account > Privacy (Free, Premium) or Data settings (Pro); multi-user Pro: admins only",
        ),
    )
    confidence = (
        "replica only: written from public sources, never run against the live site; "
        "sign-in page and toggle markup guessed"
    )
    sources = (
        "support.grammarly.com/hc/en-us/articles/25555503115277 (Product Improvement and Training Control)",
        "support.grammarly.com/hc/en-us/articles/21530921234829",
        "support.grammarly.com/hc/en-us/articles/360032922091 (two-step verification)",
    )


FLOW = Grammarly
