"""Adobe (https://account.adobe.com/privacy): "Content analysis" and, when asked, "Desktop app usage".

Facts relied on (shared/reference/platforms.md §15, platforms-addendum.md §10, platforms.json
`adobe.content_analysis`):
- The page is `https://account.adobe.com/privacy` ("Account and security" > "Privacy and personal
  data"); the toggle is "Content analysis" (lireo.com 2023; high), called "Content analysis for
  product improvement" on the 2024 "Data and privacy settings" page (video summary; medium):
  both are accepted. "In Content analysis, change the toggle from On to Off": the switch may
  carry no name of its own, or only "On"/"Off", so the one such switch in the smallest element
  that shows the section's title is taken (`optout.flow.toggle`); a switch named for another
  setting is never taken. It autosaves, so there is no Save button (stated; high). Default on.
- The same page has a usage-sharing toggle, "Desktop app usage" (adobe.com/go/usagedatafaq;
  medium), offered here as the data-sharing setting `desktop-app-usage`.
- Content analysis applies to personal accounts only (high): a page that says so for this
  account is `absent`. The exact wording of that statement is a guess.
- Sign-in is reached by redirect to `https://auth.services.adobe.com` (medium): `#EmailPage-EmailField`,
  `button[data-id="EmailPage-ContinueButton"]` ("Continue"), then `#PasswordPage-PasswordField`;
  a wrong password shows `label[data-id="PasswordPage-PasswordField-Error"]` (Spanish "Contraseña
  incorrecta. Vuelve a intentarlo."). The "Verify your identity" email-code page ("Verifica tu
  identidad") is needs-you. Social sign-in (google, facebook, apple, microsoft, line, kakao) is SSO.
Guesses: `button[data-id="PasswordPage-ContinueButton"]` (inferred from the naming pattern), the
English error "Incorrect password. Try again.", the auth page's path (`/en_US/index.html`), the
IMS origin `ims-na1.adobelogin.com` kept in the session, further sign-in paths (`/signin`, `/login`,
`/auth`...), the social providers' origins, and the toggle's markup (a role=switch, a native
checkbox or a toggle button, named by its heading or by nothing / "On" / "Off" in its section).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from optout.flow import Challenge, Flow, LoginForm, Setting, Switch, toggle

if TYPE_CHECKING:
    from playwright.async_api import Locator, Page

PRIVACY = "https://account.adobe.com/privacy"
AUTH = "https://auth.services.adobe.com"


CONTENT = re.compile(r"\bcontent analysis( for product improvement)?\b", re.I)
USAGE = re.compile(r"\bdesktop app usage\b", re.I)
# Row texts are matched in textContent, where a heading runs into the next line with no space
# ("Desktop app usageAdobe desktop apps..."): no word boundaries there.
CONTENT_ROW = re.compile(r"content analysis", re.I)
USAGE_ROW = re.compile(r"desktop app usage", re.I)


def personal_only(page: Page) -> Locator:
    """Adobe's word that content analysis is not offered to this (business) account (wording guessed)."""
    return page.get_by_text(
        re.compile(
            r"content analysis[^.]{0,80}(not (available|offered)|(isn.t|aren.t) (available|offered)|unavailable"
            r"|only (available )?for personal accounts)",
            re.I,
        )
    )


def continue_button(data_id: str) -> Callable[[Page], Locator]:
    """A step's "Continue" button: its data-id, or a visible button named exactly "Continue"."""
    return lambda page: page.locator(f'button[data-id="{data_id}"]').or_(
        page.get_by_role("button", name=re.compile(r"^\s*continue\s*$", re.I))
    )


class Adobe(Flow):
    """Keep Adobe from analysing your content to improve its products."""

    id = "adobe"
    title = "Adobe"
    home = "https://account.adobe.com/"
    domains = ("adobe.com", "adobelogin.com")
    login = LoginForm(
        # Signing in starts on the account site and is redirected to the auth origin.
        url="https://account.adobe.com/",
        origins=frozenset({AUTH, "https://account.adobe.com"}),
        identifier=lambda page: page.locator("#EmailPage-EmailField").or_(
            page.get_by_label(re.compile(r"^\s*email( address)?\s*$", re.I))
        ),
        next=continue_button("EmailPage-ContinueButton"),
        submit=continue_button("PasswordPage-ContinueButton"),
        rejected=lambda page: (
            page.locator('label[data-id="PasswordPage-PasswordField-Error"]')
            .filter(has_text=re.compile(r"\S"))
            .or_(page.get_by_text(re.compile(r"incorrect password|contraseña incorrecta", re.I)))
            .locator("visible=true")
        ),
        # Matched against the path only: never "/", which is also account.adobe.com's overview.
        signed_out=re.compile(
            r"^/([a-z]{2}_[A-Z]{2}/)?(index|deeplink)\.html|^/ims/(authorize|adobeid)|^/(signin|sign-in|login|auth)\b"
        ),
        sso_origins=frozenset(
            {
                "https://accounts.google.com",
                "https://www.facebook.com",
                "https://appleid.apple.com",
                "https://login.live.com",
                "https://login.microsoftonline.com",
                "https://access.line.me",
                "https://kauth.kakao.com",
            }
        ),
    )
    challenge = Challenge(
        texts=(
            # Anchored: a settings page may mention identity verification in passing.
            re.compile(r"^\s*(verify your identity|verifica tu identidad)\s*$", re.I),
            re.compile(r"we sent (you )?a (verification )?code", re.I),
        )
    )
    settings = (
        Setting(
            key="content-analysis",
            label="Content analysis",
            urls=(PRIVACY,),
            control=Switch(toggle(CONTENT, CONTENT_ROW)),
            wanted=False,
            absent=personal_only,
            note="Account and security > Privacy and personal data > Content analysis (autosaves)",
        ),
        Setting(
            key="desktop-app-usage",
            label="Desktop app usage",
            urls=(PRIVACY,),
            control=Switch(toggle(USAGE, USAGE_ROW)),
            wanted=False,
            category="data-sharing",
            note="Privacy and personal data > Desktop app usage (usage information from desktop apps)",
        ),
    )
    confidence = (
        "replica only: written from public sources, never run against the live site; "
        "toggle markup unknown, sign-in selectors from one test script"
    )
    sources = (
        "lireo.com: quick tip, confirm your Adobe account privacy settings (2023)",
        "adobe.com/go/usagedatafaq; Adobe Content analysis FAQ",
        "Hass-e/WebdriverIO test/specs/ToFix/LogIn_Acrobat.ts (sign-in selectors)",
    )


FLOW = Adobe
