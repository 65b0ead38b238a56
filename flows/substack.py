"""Substack (https://substack.com/): "Block AI training" / "Opt out of AI training", per publication.

Facts relied on (shared/reference/platforms.md §11, platforms.json "Substack", platforms-addendum.md §4):
- The setting is per publication, at `https://<subdomain>.substack.com/publish/settings` (catalog
  pattern; medium). Its toggle reads "Block AI training" (2023, "Publication details"; official
  help, high) or "Opt out of AI training" (2026, privacy section; one r/Substack post, low-medium);
  both are accepted. ON means opted out, so `wanted=True`. Default off.
- Publications come from `https://substack.com/api/v1/user/profile/self`: `publicationUsers[]`,
  each with `publication.subdomain` (python-substack; medium-high). The older `primaryPublication`
  shape is read too.
- Sign-in at `https://substack.com/sign-in`: `input[type="email"]`, then by default a magic link,
  or for accounts with a password the link "Sign in with password" or a password field, then
  `button[type="submit"]`; success lands on `https://substack.com/home` (medium). A signed-in
  browser sent to `/sign-in?redirect=...` goes on (the `for_pub` session hand-over, medium).
- Captcha on login (python-substack; a public login script): needs-you. Its wording is a guess
  ("complete the captcha", "I'm not a robot", "verify you are human").
Decisions and guesses (no markup is known for any of this):
- Save behaviour is unknown: a "Save" / "Save changes" / "Save settings" button in the toggle's
  own section (the nearest ancestor holding one) is pressed when the page shows one (guess); the
  read-back after a fresh load decides, so a Save elsewhere never makes it "done".
- Custom domains: settings are always opened at the publication's substack.com subdomain. The
  custom domain is not one of this flow's domains (optout cannot know it belongs to Substack), so
  if Substack sends the dashboard there the publication is reported site-changed, unchanged.
- "Sign in with password" is clicked before the email is sent when it is offered, so no magic
  link is mailed on every run; without it, the email is submitted and a password field is
  expected. A "check your email" page means a link-only account, or a password offered only
  after the link was mailed (a second click the contract's one `next` cannot make): needs-you.
- The toggle is found by role (switch, checkbox, or a button with aria-pressed) and accessible
  name; the wrong-password and "check your email" wordings are guesses.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING

from optout.flow import Challenge, Flow, LoginForm, Setting, SiteList, Switch

if TYPE_CHECKING:
    from playwright.async_api import Locator, Page

PROFILE = "https://substack.com/api/v1/user/profile/self"
TOGGLE = re.compile(r"block AI training|opt out of AI training", re.I)
SAVE = re.compile(r"^\s*save( changes| settings)?\s*$", re.I)
SAVE_WORD = "contains(translate(normalize-space(.), 'SAVE', 'save'), 'save')"
WITH_PASSWORD = re.compile(r"^\s*sign in with password\s*$", re.I)
# A subdomain becomes part of a URL: anything but a plain DNS label is refused.
SUBDOMAIN = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$")


def ai_toggle(page: Page) -> Locator:
    """The AI-training toggle, however it is built, by its accessible name."""
    return (
        page.get_by_role("switch", name=TOGGLE)
        .or_(page.get_by_role("checkbox", name=TOGGLE))
        .or_(page.get_by_role("button", name=TOGGLE).and_(page.locator("[aria-pressed]")))
    )


def save(page: Page) -> Locator:
    """A "Save"/"Save changes" button in the toggle's own section (the nearest one holding a Save)."""
    section = ai_toggle(page).locator(f"xpath=ancestor::*[.//button[{SAVE_WORD}]][1]")
    return section.get_by_role("button", name=SAVE)


def next_step(page: Page) -> Locator:
    """ "Sign in with password" when offered (no email is sent); otherwise the email's submit button."""
    link = page.get_by_role("link", name=WITH_PASSWORD).or_(page.get_by_role("button", name=WITH_PASSWORD))
    submit = page.locator("body").filter(has_not=link).locator('form:has(input[type="email"]) button[type="submit"]')
    return link.or_(submit)


def publications(data: object) -> list[str] | None:
    """Subdomains of the publications in a profile document; None when it is not one."""
    if not isinstance(data, dict):
        return None
    if isinstance(data.get("publicationUsers"), list):
        entries = [u.get("publication") if isinstance(u, dict) else None for u in data["publicationUsers"]]
    elif isinstance(data.get("primaryPublication"), dict):
        entries = [data["primaryPublication"]]
    else:
        return None
    found = [e.get("subdomain") if isinstance(e, dict) else None for e in entries]
    if not all(isinstance(s, str) and SUBDOMAIN.match(s) for s in found):
        return None  # one unreadable publication would otherwise be skipped silently
    return [str(s) for s in found]


async def read_publications(page: Page) -> list[str] | None:
    """Parse the profile JSON the browser shows (Chromium wraps it in a <pre>)."""
    text = await page.evaluate("() => (document.querySelector('pre') || document.body || {}).textContent || ''")
    try:
        return publications(json.loads(text))
    except ValueError:
        return None


class Substack(Flow):
    """Tell AI tools not to train on each of your Substack publications."""

    id = "substack"
    title = "Substack"
    home = "https://substack.com/home"
    domains = ("substack.com",)
    login = LoginForm(
        url="https://substack.com/sign-in",
        origins=frozenset({"https://substack.com"}),
        identifier=lambda page: page.locator('input[type="email"]'),
        next=next_step,
        submit=lambda page: page.locator('form:has(input[type="password"]) button[type="submit"]'),
        rejected=lambda page: page.get_by_text(
            re.compile(r"(invalid|incorrect|wrong)\b.{0,20}password|password\b.{0,20}(invalid|incorrect|wrong)", re.I)
        ),
        signed_out=re.compile(r"^/sign-?in\b"),
    )
    challenge = Challenge(
        texts=(
            re.compile(r"complete the captcha|i('| a)m not a robot|verify (that )?you('re| are) (a )?human", re.I),
            # A link-only account: the magic link went to the inbox; the person must finish.
            re.compile(r"^\s*check your (e-?mail|inbox)", re.I),
            re.compile(r"we (sent|emailed) (you )?a (sign[- ]in |login |magic )?link", re.I),
        ),
    )
    # Loaded in order: the profile API; when it refuses a signed-out browser, the sign-in page
    # (which makes the engine sign in and, once in, sends on to /home); then the API again.
    sites = SiteList(
        urls=(PROFILE, "https://substack.com/sign-in?redirect=%2Fhome", PROFILE),
        read=read_publications,
    )
    settings = (
        Setting(
            key="block-ai-training",
            label="Opt out of AI training (Block AI training) on {site}.substack.com",
            urls=("https://{site}.substack.com/publish/settings",),
            control=Switch(ai_toggle),
            wanted=True,
            save=save,
            note='Publication dashboard > Settings > "Opt out of AI training" (2026) or "Block AI training" (2023)',
        ),
    )
    confidence = (
        "replica only: written from public sources, never run against the live site; "
        "no markup is known, the 2026 wording rests on one forum post, save behaviour unknown"
    )
    sources = (
        "https://support.substack.com/hc/en-us/articles/20382615953556 (2023 wording, Publication details)",
        "r/Substack post, May 2026 (2026 wording 'Opt out of AI training')",
        "ma2za/python-substack substack/api.py (login API, captcha, profile/self, publication URLs)",
        "public Substack login scripts, names not recorded (email, then password or magic link)",
    )


FLOW = Substack
