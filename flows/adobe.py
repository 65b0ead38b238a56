"""Adobe (https://account.adobe.com/privacy): "Content analysis" and, when asked, "Desktop app usage".

Facts relied on (shared/reference/platforms.md §15, platforms-addendum.md §10, platforms.json
`adobe.content_analysis`):
- The page is `https://account.adobe.com/privacy` ("Account and security" > "Privacy and personal
  data"); the toggle is "Content analysis" (lireo.com 2023; high), called "Content analysis for
  product improvement" on the 2024 "Data and privacy settings" page (video summary; medium):
  both are accepted. It autosaves, so there is no Save button (stated; high). Default on.
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
IMS origin `ims-na1.adobelogin.com` kept in the session, the social providers' origins, and the
toggle's markup (a role=switch, a native checkbox or a toggle button, named by its heading).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from optout.flow import Challenge, Flow, LoginForm, Setting, Switch

if TYPE_CHECKING:
    from playwright.async_api import Locator, Page

PRIVACY = "https://account.adobe.com/privacy"
AUTH = "https://auth.services.adobe.com"


def toggle(name: str) -> Callable[[Page], Locator]:
    """A toggle named `name` (a regex), however it is built; a button must carry the name alone."""
    loose = re.compile(rf"\b{name}\b", re.I)
    exact = re.compile(rf"^\s*{name}\s*$", re.I)

    def find(page: Page) -> Locator:
        return (
            page.get_by_role("switch", name=loose)
            .or_(page.get_by_role("checkbox", name=loose))
            .or_(page.get_by_role("button", name=exact))
        )

    return find


def personal_only(page: Page) -> Locator:
    """Adobe's word that content analysis is not offered to this (business) account (wording guessed)."""
    return page.get_by_text(
        re.compile(r"content analysis[^.]{0,80}(not (available|offered)|(isn.t|aren.t) (available|offered))", re.I)
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
        signed_out=re.compile(r"^/([a-z]{2}_[A-Z]{2}/)?(index|deeplink)\.html|^/ims/(authorize|adobeid)"),
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
            re.compile(r"verify your identity|verifica tu identidad", re.I),
            re.compile(r"we sent (you )?a (verification )?code", re.I),
        )
    )
    settings = (
        Setting(
            key="content-analysis",
            label="Content analysis",
            urls=(PRIVACY,),
            control=Switch(toggle(r"content analysis( for product improvement)?")),
            wanted=False,
            absent=personal_only,
            note="Account and security > Privacy and personal data > Content analysis (autosaves)",
        ),
        Setting(
            key="desktop-app-usage",
            label="Desktop app usage",
            urls=(PRIVACY,),
            control=Switch(toggle(r"desktop app usage")),
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
