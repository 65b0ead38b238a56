"""Grok (https://grok.com/, xAI): the "Improve the Model" switch under Settings > Data Controls.

Facts relied on (shared/reference/platforms-addendum.md §13; platforms.md §2; platforms.json
grok.improve_the_model):
- The setting is labelled "Improve the Model", under Settings > "Data" ("Data Controls" in some
  guides) on grok.com; de-selecting it opts out (low-medium). It is separate from X's
  `settings/grok_settings` checkbox (medium). Default on (reported), so wanted off.
- Sign-in is at `https://accounts.x.ai/sign-in` (medium-low): the email path has
  `input[type="email"]`, `input[type="password"]` and `button[type="submit"]` (fallback: a button
  "Sign in"); success returns to grok.com. A Cloudflare challenge can appear: needs-you. X, Google
  and Apple sign-in exist; those go to the user (`optout login grok --headed`).
Guessed (URL, markup and save behaviour are unknown in the reference):
- `https://grok.com/settings/data` is a pure guess, tried first; `https://grok.com/?_s=data` is
  the deep link one public test catalog cites (unverified), which should open the Settings dialog
  on its Data Controls tab; `https://grok.com/settings` last. The engine moves on only when a page
  answers 404.
- The control is found as a switch, checkbox or toggle button whose accessible name starts with
  "Improve the Model", so other rows that merely mention improving the model do not match.
- No Save button and no confirmation are assumed (the switch saves on its own).
- The wrong-password wording, the Cloudflare texts ("Verify you are human", "Checking your
  browser", `/cdn-cgi/challenge-platform`) and `/sign-in`, `/sign-up` as signed-out paths.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from optout.flow import Challenge, Flow, LoginForm, Setting, Switch

if TYPE_CHECKING:
    from playwright.async_api import Locator, Page

SIGN_IN = "https://accounts.x.ai/sign-in"
IMPROVE = re.compile(r"^\s*improve the model\b", re.I)


def improve_the_model(page: Page) -> Locator:
    """The "Improve the Model" control, whichever way it is built (switch, checkbox, toggle button)."""
    return (
        page.get_by_role("switch", name=IMPROVE)
        .or_(page.get_by_role("checkbox", name=IMPROVE))
        # Only a button that carries aria-pressed is a toggle; a plain button is a row or a link.
        .or_(page.get_by_role("button", name=IMPROVE).and_(page.locator("[aria-pressed]")))
    )


class Grok(Flow):
    """Keep xAI from training its models on your grok.com conversations."""

    id = "grok"
    title = "Grok"
    home = "https://grok.com/"
    domains = ("grok.com", "x.ai")
    login = LoginForm(
        url=SIGN_IN,
        origins=frozenset({"https://accounts.x.ai"}),
        identifier=lambda page: page.locator('input[type="email"]').or_(
            page.get_by_role("textbox", name=re.compile(r"e-?mail", re.I))
        ),
        submit=lambda page: page.locator('form:has(input[type="password"]) button[type="submit"]').or_(
            page.get_by_role("button", name=re.compile(r"^\s*(sign in|log ?in)\s*$", re.I))
        ),
        rejected=lambda page: page.get_by_text(
            re.compile(
                r"(incorrect|invalid|wrong) (e-?mail (address )?or password|password|credentials)"
                r"|(e-?mail|password) (is )?(incorrect|invalid|wrong)",
                re.I,
            )
        ),
        signed_out=re.compile(r"^/(sign-in|sign-up|login)\b"),
        sso_origins=frozenset({"https://accounts.google.com", "https://appleid.apple.com", "https://x.com"}),
    )
    challenge = Challenge(
        urls=(re.compile(r"/cdn-cgi/challenge-platform/"),),
        texts=(
            re.compile(r"verify you are (a )?human", re.I),
            re.compile(r"checking (your browser|if the site connection is secure)", re.I),
            re.compile(r"performing security verification", re.I),
        ),
    )
    settings = (
        Setting(
            key="improve-model",
            label="Improve the Model",
            urls=("https://grok.com/settings/data", "https://grok.com/?_s=data", "https://grok.com/settings"),
            control=Switch(improve_the_model),
            wanted=False,
            note="grok.com > Settings > Data Controls > Improve the Model (separate from X's checkbox)",
        ),
    )
    confidence = (
        "replica only: written from public sources, never run against the live site; the settings URL "
        "and the switch's markup are guesses (the reference has neither)"
    )
    sources = (
        "supergrok.tech guide (Settings > Data > Improve the Model)",
        "AI-vendor privacy audit, vendors/grok.md (unnamed public source, verified 2026-10-02)",
        "public test catalog listing https://grok.com/?_s=data (unnamed public source)",
        "a public Grok Playwright auth module (name not recorded); Jeremy-Mossa/scripts grok2.pl",
        "Nguyen-Van-Truong/tool-xien grok/grok-signup-tool-v2/README.md (Cloudflare)",
    )


FLOW = Grok
