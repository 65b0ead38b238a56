"""Quora (https://www.quora.com/): "Allow large language models to be trained on your content".

Facts relied on (shared/reference/platforms.md §8, platforms-addendum.md §7, platforms.json):
- The row is on the privacy settings page, https://www.quora.com/settings/privacy (URL high
  confidence). Its English wording is rebuilt from the Hindi help article 15205064557844 (low), so
  the name is matched loosely: it must mention "large language model(s)" (or "LLM(s)") and
  "train", in any order, and must not be worded the other way round ("Don't allow...", "Opt out
  of..."): turning such a control off would allow the training, so it is refused (site-changed).
- Allowed by default (presumed); wanted off. The control is unknown ("toggle?"): a switch, a
  checkbox or a toggle button is accepted, named so or, when it has no name of its own, the one
  in the row that shows those words. Save behaviour is unknown: an enabled "Save", "Save changes"
  or "Done" in the part of the page that holds the control is pressed when it shows (a guess).
- Login on https://www.quora.com/: `input#email`, `input#password`, then a `button[type=button]`
  "Login" (medium; no form is submitted, the page posts the fields itself, so the engine's
  form-target check sees the page's own URL). Google and Facebook sign-in also exist (SSO).
Guessed, not in the reference: that a signed-out visit to a settings page lands on the sign-in
home page "/" and that a successful login then returns to the page asked for. "/" is both the
sign-in page and the members' feed, so the engine can only tell the outcome from a change of
URL: the login starts from the privacy page (login.url) so that success leaves "/". Also guessed:
the wrong-password wording, and the wording of the login-code and CAPTCHA steps (unknown).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from optout.flow import Challenge, Find, Flow, LoginForm, Setting, Switch, toggle

if TYPE_CHECKING:
    from playwright.async_api import Locator, Page

PRIVACY = "https://www.quora.com/settings/privacy"
# Both words, either order: "Allow large language models to be trained on your content",
# "Allow your content to be used to train large language models".
# Never a control worded the other way round, whose "off" would mean "allowed".
LLM_TRAINING = re.compile(
    r"^(?!.*\b(don.?t|do not|opt[- ]?out|prevent|block|disallow)\b)"
    r"(?=.*\b(large language models?|LLMs?)\b)(?=.*\btrain)",
    re.I | re.S,
)
SAVE = re.compile(r"^\s*(save( changes)?|done)\s*$", re.I)
ENABLED = ":not([disabled]):not([aria-disabled=true])"
# The wording of a refused password is not in the reference: the usual phrasings.
REJECTED = re.compile(
    r"password (you entered )?(is|was) (incorrect|wrong|not (right|correct))|(incorrect|wrong|invalid) (email or )?"
    r"password|no account (found|with)|(couldn.t|could not) find (an|your) account",
    re.I,
)


llm_switch = toggle(LLM_TRAINING)


def save_near(control: Find) -> Find:
    """An enabled, visible Save/Done in the smallest part of the page holding both it and the control."""

    def find(page: Page) -> Locator:
        buttons = page.get_by_role("button", name=SAVE).and_(page.locator(ENABLED)).locator("visible=true")
        holders = page.locator("*").filter(has=control(page)).filter(has=buttons)
        inner = holders.filter(has_not=page.locator("*").filter(has=control(page)).filter(has=buttons))
        return inner.get_by_role("button", name=SAVE).and_(inner.locator(ENABLED))

    return find


class Quora(Flow):
    """Keep Quora from training large language models on your answers and posts."""

    id = "quora"
    title = "Quora"
    home = PRIVACY
    domains = ("quora.com",)
    login = LoginForm(
        url=PRIVACY,
        origins=frozenset({"https://www.quora.com"}),
        identifier=lambda page: page.locator("input#email").or_(page.get_by_label(re.compile(r"^\s*email", re.I))),
        submit=lambda page: page.get_by_role("button", name=re.compile(r"^\s*log\s*in\s*$", re.I)),
        rejected=lambda page: page.get_by_text(REJECTED),
        # The sign-in form lives on the home page; its path is all the engine looks at.
        signed_out=re.compile(r"^/(login/?)?$"),
        sso_origins=frozenset({"https://accounts.google.com", "https://www.facebook.com"}),
    )
    challenge = Challenge(
        urls=(re.compile(r"/(captcha|challenge|verify_code)\b", re.I),),
        texts=(
            re.compile(r"confirm it.s you", re.I),
            re.compile(r"we sent a code to", re.I),
            re.compile(r"enter the (\d+-digit )?code", re.I),
            re.compile(r"(verification|security) code", re.I),
        ),
    )
    settings = (
        Setting(
            key="llm-training",
            label="Allow large language models to be trained on your content",
            urls=(PRIVACY,),
            control=Switch(llm_switch),
            wanted=False,
            save=save_near(llm_switch),
            note='Settings > Privacy > "Allow large language models to be trained on your content"',
        ),
    )
    confidence = (
        "replica only: written from public sources, never run against the live site; "
        "the English label is rebuilt from a Hindi help article and the control type is unknown"
    )
    sources = (
        "help.quora.com/hc/hi/articles/15205064557844 (Hindi help article on LLM training)",
        "Harsh-i-t/Automate-Login-Script python_script.py (#email, #password, Login button)",
        "gdpoul/hybridframework qspautomationproject/src/Practice/Locator5.java",
        "techiemag.co.uk/how-to-stop-your-data-from-being-used-to-train-ai",
    )


FLOW = Quora
