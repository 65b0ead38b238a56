"""Microsoft Copilot, consumer (https://copilot.microsoft.com/): "Model training on text" and "on voice".

Facts relied on (shared/reference/platforms.md §6, platforms-addendum.md §11, platforms.json
`copilot.model_training_text`, `copilot.model_training_voice`):
- Two toggles, "Model training on text" and "Model training on voice" (PCMag, tipsmake; high for
  the labels), on the Privacy pane (web: sidebar > profile image > your name > Privacy; medium),
  beside "Personalization and memory" and "Ad personalization" (not ours). Default on. Both are
  AI training, so both are applied by default. No confirmation is reported.
- EEA consumers were excluded at launch (the-decoder; low beyond that): the toggles may be missing.
  Only a page that positively says model training is not available is `absent`; its wording is a guess.
- Sign-in is on `https://login.live.com`, identifier first (medium): newer UI `#usernameEntry` and
  `#passwordEntry` with `button[data-testid="primaryButton"]` ("Next", then "Sign in"); older UI
  `input[name="loginfmt"]`, `input[name="passwd"]`, `#idSIButton9`. "Stay signed in?" is answered
  "No" (`#idBtn_Back`, or the button "No" on that page). The emailed or texted verification-code
  page (`input[name="otc"]`) is needs-you. Work accounts are sent to login.microsoftonline.com: SSO.
Guesses: the Privacy pane's URL `https://copilot.microsoft.com/settings/privacy`, then `/settings`,
then `/privacy` (no deep link is known; the click path through the sidebar cannot be described to
the engine), that signed-out visits to it are sent to login.live.com (so it is also `home`, the
page `login --headed` watches), the sign-in entry `https://login.live.com/login.srf` and further
sign-in paths, the wrong-password wording, the wordings of the code, email-check and
authenticator-approval pages, the statement shown where model training is not offered, whether a
change asks for confirmation or a Save (none is reported: a visible "Save", or a dialog's
"Confirm"/"Turn off", is pressed when shown), and the toggles' markup (a role=switch, a native
checkbox or a toggle button, named by its label, or by nothing / "On" / "Off" in its row).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from optout.flow import Challenge, Flow, LoginForm, Setting, Switch, toggle

if TYPE_CHECKING:
    from playwright.async_api import Locator, Page

COPILOT = "https://copilot.microsoft.com"
# Guesses, tried in order while they answer 404: no deep link to the Privacy pane is known.
PRIVACY = (f"{COPILOT}/settings/privacy", f"{COPILOT}/settings", f"{COPILOT}/privacy")
NO = re.compile(r"^\s*no\s*$", re.I)
SAVE = re.compile(r"^\s*save( changes)?\s*$", re.I)
CONFIRM = re.compile(r"^\s*(confirm|turn (it )?off|yes,? turn (it )?off|save( changes)?)\s*$", re.I)


def switch(label: str) -> Switch:
    """The toggle named `label`, or the unnamed / "On"/"Off" one in the smallest row showing it."""
    # The row's text is matched in textContent, where the label runs into the hint with no
    # space ("...on textAllow Microsoft..."): no word boundaries there.
    return Switch(toggle(re.compile(rf"\b{label}\b", re.I), re.compile(label, re.I)))


def not_offered(page: Page) -> Locator:
    """Copilot's word that model training is not offered here (wording guessed)."""
    return page.get_by_text(
        re.compile(
            r"(model training|these settings)[^.]{0,60}"
            r"((isn.t|aren.t|is not|are not|not) (available|offered)|unavailable)",
            re.I,
        )
    )


def confirm(page: Page) -> Locator:
    """A Save button, or the confirming button of a dialog that asks before turning off (guessed)."""
    dialogs = page.get_by_role("dialog").or_(page.get_by_role("alertdialog"))
    return page.get_by_role("button", name=SAVE).or_(dialogs.get_by_role("button", name=CONFIRM))


def button(name: str) -> Callable[[Page], Locator]:
    """A button with exactly this name (only visible ones have one)."""
    return lambda page: page.get_by_role("button", name=re.compile(rf"^\s*{name}\s*$", re.I))


def stay_signed_in_no(page: Page) -> Locator:
    """The "No" answer to "Stay signed in?", only on that page (elsewhere `#idBtn_Back` means Back)."""
    question = page.locator("body").filter(has_text=re.compile(r"stay signed in\?", re.I))
    return question.locator("#idBtn_Back").or_(question.get_by_role("button", name=NO))


class Copilot(Flow):
    """Keep Microsoft from training Copilot's models on your text and voice conversations."""

    id = "copilot"
    title = "Microsoft Copilot"
    # Copilot's own home opens without an account, so it tells nothing about a sign-in: the
    # Privacy pane does (signed out, it sends to login.live.com).
    home = PRIVACY[0]
    domains = ("microsoft.com", "live.com")
    login = LoginForm(
        url="https://login.live.com/login.srf",
        origins=frozenset({"https://login.live.com"}),
        identifier=lambda page: page.locator('#usernameEntry, input[name="loginfmt"]').or_(
            page.get_by_label(re.compile(r"^\s*enter your email", re.I))
        ),
        next=button("next"),
        submit=button("sign in"),
        rejected=lambda page: page.get_by_text(
            re.compile(r"password[^.]{0,30}\bincorrect|incorrect[^.]{0,30}password", re.I)
        ),
        signed_out=re.compile(r"^/(login(\.srf)?|oauth20_\w+\.srf|ppsecure/|GetCredentialType\.srf|kmsi)"),
        sso_origins=frozenset({"https://login.microsoftonline.com"}),
        interstitials=(stay_signed_in_no,),
    )
    challenge = Challenge(
        texts=(
            re.compile(r"^\s*enter code\s*$", re.I),
            re.compile(r"verify your (email|identity|phone number)", re.I),
            re.compile(r"help us protect your account", re.I),
            re.compile(r"we('ve)? (emailed|texted|sent) (you )?a code", re.I),
            # The code, email and passwordless pages (wording guessed); anchored where a
            # settings page could say the words in passing.
            re.compile(r"^\s*(enter|check) (your |the )?(verification |security )?code\b", re.I),
            re.compile(r"^\s*check your (email|phone|inbox)\b", re.I),
            re.compile(r"\bsent (you )?a (verification |security )?code\b", re.I),
            re.compile(r"approve (the |your )?sign.?in request|^\s*check your authenticator", re.I),
        ),
    )
    settings = (
        Setting(
            key="model-training-text",
            label="Model training on text",
            urls=PRIVACY,
            control=switch("model training on text"),
            save=confirm,
            wanted=False,
            absent=not_offered,
            note="Copilot: sidebar > profile image > your name > Privacy",
        ),
        Setting(
            key="model-training-voice",
            label="Model training on voice",
            urls=PRIVACY,
            control=switch("model training on voice"),
            save=confirm,
            wanted=False,
            absent=not_offered,
            note="Copilot: sidebar > profile image > your name > Privacy",
        ),
    )
    confidence = (
        "replica only: written from public sources, never run against the live site; "
        "the Privacy pane's URL and markup are guesses"
    )
    sources = (
        "PCMag, 'Use Microsoft Copilot? 7 settings I changed right away' (promo-sale.live mirror)",
        "tipsmake.com/guidelines-for-controlling-rights-okcms (2026-03)",
        "the-decoder.com: Microsoft will start training AI models with user data (EEA excluded)",
        "public login.live.com scripts: abcd314 mslive.js, enjesl/PA MicrosoftLoginLocators.ts, "
        "Inflectra rapise-powerpack LoginMicrosoftOnline.js",
    )


FLOW = Copilot
