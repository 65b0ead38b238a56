"""X, formerly Twitter (https://x.com/): the Grok training checkbox and two Grok data checkboxes.

Facts relied on (shared/reference/platforms.md §2; platforms.json x.grok_*):
- The page is `https://x.com/settings/grok_settings` ("Grok & Third-party Collaborators", sub-heading
  "Data Sharing"), archived since 2024-07-25 (high). It holds three checkboxes (medium, seen live in a
  French UI 2026-09-23) and a "Delete conversation history" button; changes apply at once, no Save
  and no confirmation known (medium). Default on; unchecked means not allowed, so all want False.
- Training label, 2026: "Allow your public data as well as your interactions, inputs, and results
  with Grok and xAI to be used for training and fine-tuning" (high); 2024: "Allow your posts as well
  as ... with Grok to be used for training and fine-tuning" (high); the 2026 description says "to
  train and fine-tune". Both labels share "fine-tun", which the other two do not, so that is the key.
- Others: "Allow X to personalize your experience with Grok", "Allow Grok to remember your
  conversation history" (medium labels).
- Brave PSST finds X checkboxes as `input[type=checkbox][aria-describedby=CHECKBOX_n_LABEL]` (medium):
  a box may be described, not labelled, so each is found by its accessible name OR by the text of
  the elements its `aria-describedby` names. The ids themselves are a guess and are not used;
  react-native-web class names are never used. Where `aria-describedby` names only a description
  (whose wording the reference does not give), the personalization and memory boxes are also found
  as the one unnamed box in the smallest element whose text holds their label's words
  (`flow.toggle`); the training box is not (its French key "entraîn" also appears in the French
  personalization description, so a row match there could take the wrong box).
- Login at `https://x.com/i/flow/login`, in steps: identifier, Next, password (medium). A "verify
  phone/username/email" step, a code, TOTP or Arkose FunCaptcha may follow: needs-you. "Could not
  log you in now. Please try again later." (X refusing automated Chromium) is treated as needs-you,
  not a wrong password: retrying on a schedule would meet the same refusal, the remedy is
  `optout login x --headed`, and the stored password stays (nothing was said against it).
Guessed (not in the reference): the French wordings (matched loosely: "entraîn", "personnalis",
"souvenir/mémoris"); the field label "Phone, email, or username" (`input[autocomplete=username]`,
`name=text`); the buttons "Next" and "Log in"/"Sign in" (`data-testid="LoginForm_Login_Button"`);
"Wrong password!" (matched as any "incorrect/invalid/wrong" near "password"); the texts and URL
(`/account/login_verification`) of the verification steps, anchored where such words could
appear on an ordinary page; `api.x.com` as the origin the login
requests go to; `/`, `/login` and `/i/flow/signup` as signed-out pages; `/account/access` (the
locked-account page).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from optout.flow import Challenge, Flow, LoginForm, Setting, Switch, toggle

if TYPE_CHECKING:
    from playwright.async_api import Locator, Page

URL = "https://x.com/settings/grok_settings"
UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZÀÂÉÈÊÎÔÛÇ"
LOWER = "abcdefghijklmnopqrstuvwxyzàâéèêîôûç"


def checkbox(name: str, *words: str, row: str = "") -> Switch:
    """A checkbox (or switch, or toggle button) named by `name` (a regex), or described by an element
    containing one of `words` (lower case), or (with `row`, a regex) the unnamed one of its row."""
    text = f"translate(normalize-space(.), '{UPPER}', '{LOWER}')"
    described = " or ".join(f"contains({text}, '{w}')" for w in words)
    kinds = "(self::input and @type='checkbox') or @role='checkbox' or @role='switch' or @aria-pressed"

    def find(page: Page) -> Locator:
        pattern = re.compile(name, re.I)
        found = (
            page.get_by_role("checkbox", name=pattern)
            .or_(page.get_by_role("switch", name=pattern))
            .or_(page.get_by_role("button", name=pattern).and_(page.locator("[aria-pressed]")))
            .or_(page.locator(f"xpath=//*[{kinds}][id(@aria-describedby)[{described}]]"))
        )
        if row:
            found = found.or_(toggle(re.compile(row, re.I))(page))
        return found

    return Switch(find)


class X(Flow):
    """Keep X from sharing your data with xAI to train Grok, and (when asked) to personalize it."""

    id = "x"
    title = "X"
    home = "https://x.com/home"
    domains = ("x.com",)
    login = LoginForm(
        url="https://x.com/i/flow/login",
        origins=frozenset({"https://x.com", "https://api.x.com"}),
        identifier=lambda page: page.locator('input[autocomplete="username"], input[name="text"]').or_(
            page.get_by_label(re.compile(r"phone|e-?mail|username|t[ée]l[ée]phone|nom d.utilisateur", re.I))
        ),
        next=lambda page: page.get_by_role("button", name=re.compile(r"^\s*(next|suivant)\s*$", re.I)),
        submit=lambda page: page.locator('[data-testid="LoginForm_Login_Button"]').or_(
            page.get_by_role("button", name=re.compile(r"^\s*(log ?in|sign ?in|se connecter)\s*$", re.I))
        ),
        rejected=lambda page: page.get_by_text(
            re.compile(
                r"(incorrect|invalid|wrong)\b.{0,40}\bpassword|\bpassword\b.{0,40}\b(incorrect|invalid|wrong)"
                r"|mot de passe (est )?incorrect",
                re.I,
            )
        ),
        signed_out=re.compile(r"^/(?:$|login\b|i/flow/login\b|i/flow/signup\b)"),
        sso_origins=frozenset({"https://accounts.google.com", "https://appleid.apple.com"}),
    )
    challenge = Challenge(
        urls=(re.compile(r"/account/(access|login_verification)\b"),),
        texts=(
            re.compile(r"could not log you in now", re.I),
            re.compile(r"unusual login activity", re.I),
            re.compile(r"enter your phone number or (user ?name|e-?mail)", re.I),
            re.compile(r"enter (your )?(verification|confirmation) code|check your e-?mail", re.I),
            re.compile(r"authenticate your account|account (is|has been) locked", re.I),
            re.compile(r"we sent you a code", re.I),
            re.compile(r"^\s*(verify your identity|enter (the )?code)\s*$", re.I),
        ),
    )
    settings = (
        Setting(
            key="grok-training",
            label="Allow your public data as well as your interactions, inputs, and results with Grok and "
            "xAI to be used for training and fine-tuning",
            urls=(URL,),
            control=checkbox(r"fine-tun|entra[iî]n", "fine-tun", "entraîn", "entrain"),
            wanted=False,
            note="Settings and privacy > Privacy and safety > Grok & Third-party Collaborators > Data Sharing",
        ),
        Setting(
            key="grok-personalization",
            label="Allow X to personalize your experience with Grok",
            urls=(URL,),
            control=checkbox(
                r"personali[sz]e your experience|personnaliser votre exp",
                "personalize your experience",
                "personalise your experience",
                "personnaliser votre exp",
                row=r"personali[sz]e your experience|personnaliser votre exp",
            ),
            wanted=False,
            category="personalization",
            note="Grok & Third-party Collaborators: shares profile and activity with xAI to personalize Grok",
        ),
        Setting(
            key="grok-memory",
            label="Allow Grok to remember your conversation history",
            urls=(URL,),
            control=checkbox(
                r"remember your conversation|se souvenir|m[ée]moris",
                "remember your conversation",
                "souvenir",
                "mémoris",
                row=r"remember your conversation|se souvenir|m[ée]moris",
            ),
            wanted=False,
            category="personalization",
            note="Grok & Third-party Collaborators: X-side Grok memory (separate from grok.com's)",
        ),
    )
    confidence = (
        "replica only: written from public sources, never run against the live site; the checkbox "
        "markup is medium confidence and X often refuses automated sign-ins"
    )
    sources = (
        "AI-vendor privacy audit, vendors/grok.md (unnamed public source, verified 2026-10-02)",
        "Grok/X recon notes 2026-09-23 (unnamed public source)",
        "brave/psst-component src/twitter/user.ts, policy.ts (2026-08)",
        "macrumors.com 2024-07-26; wavy.com (2024 label and fine print)",
        "caguilarslp/x_bot app/login_play_v2.py; 'X/Twitter Blocks Playwright Chromium Login' note",
    )


FLOW = X
