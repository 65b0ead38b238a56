"""ChatGPT (https://chatgpt.com/): "Improve the model for everyone", a switch in a modal.

Facts relied on (shared/reference/platforms.md section 3; platforms.json "chatgpt.improve_model_for_everyone"):
- The Data controls pane is at `/settings/data-controls` (path route, audit 2026-10, medium),
  tried first; the older hash route `/#settings/DataControls` (many scripts, high) second. The
  engine's navigation reloads a URL that differs only by its fragment through about:blank, so
  the read-back after a change on the hash route is a real fresh load, not a same-document jump.
- Its row is `button[data-testid="improve-model-open-modal-button"]`, accessible name
  "Improve the model for everyone On|Off"; it opens a modal holding
  `button[data-testid="improve-model-toggle"]`, a switch read through `aria-checked`, closed
  with "Done" (Brave PSST, a Playwright script, a live read note: three 2026 sources, high).
  Default on for personal plans; the change is saved by the switch itself (inferred, medium).
- Sign-in: email or SSO, optional TOTP; Cloudflare "Just a moment…" pages stop headless
  browsers (high). The password goes only to https://auth.openai.com (the brief: email,
  Continue, password, Continue, then back to chatgpt.com). chatgpt.com may ask for the email,
  but never shows a password field, so it is not in the allowlist.
Guessed, not in the reference (kept loose): the sign-in path `/log-in` on auth.openai.com
(the reference names no sign-in URL, so chatgpt.com/auth/login is not used as a start either),
the field and button names there ("Email address"; "Continue", "Log in" or "Sign in"), the
wrong-password wording, the MFA page's path and wording (anchored: "check your authenticator
app", "code from your authenticator app", so a page merely suggesting one is no challenge),
the Cloudflare page's body text (the reference detects it by title, which the Challenge
contract cannot express), the switch's accessible name (used only
when the test id is missing), and the sign-in paths of chatgpt.com (`/auth/login`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from optout.flow import Challenge, Flow, LoginForm, Modal, Setting, Switch

if TYPE_CHECKING:
    from playwright.async_api import Locator, Page

HOME = "https://chatgpt.com"
AUTH = "https://auth.openai.com"
LABEL = "Improve the model for everyone"
# The modal's own wording ("Allow your content to be used to train our models", medium).
SWITCH_NAME = re.compile(r"improve the model for everyone|content to be used to train", re.I)
CONTINUE = re.compile(r"^\s*(continue|next)\s*$", re.I)


def improve_row(page: Page) -> Locator:
    """The Data controls row that opens the modal: its test id, or its name "... On|Off"."""
    return page.locator('[data-testid="improve-model-open-modal-button"]').or_(
        page.get_by_role("button", name=re.compile(r"^\s*improve the model for everyone\b", re.I))
    )


def improve_switch(page: Page) -> Locator:
    """The switch inside the modal: its test id, or a switch named like the row or the modal text."""
    return page.locator('[data-testid="improve-model-toggle"]').or_(page.get_by_role("switch", name=SWITCH_NAME))


def done(page: Page) -> Locator:
    """The modal's "Done": the last visible one, as the modal is drawn above the pane."""
    return page.get_by_role("button", name=re.compile(r"^\s*done\s*$", re.I)).locator("visible=true").last


LOG_IN = re.compile(r"^\s*log ?in\s*$", re.I)


def guest_log_in(page: Page) -> Locator:
    """The "Log in" link or button only visitors who are not signed in see (guessed)."""
    return page.get_by_role("link", name=LOG_IN).or_(page.get_by_role("button", name=LOG_IN))


class ChatGPT(Flow):
    """Keep OpenAI from training its models on your ChatGPT conversations."""

    id = "chatgpt"
    title = "ChatGPT"
    home = f"{HOME}/"
    domains = ("chatgpt.com", "auth.openai.com")
    login = LoginForm(
        url=f"{AUTH}/log-in",
        origins=frozenset({AUTH}),
        identifier=lambda page: (
            page.locator('input[type="email"], input[name="email"], input[autocomplete^="email"]')
            .or_(page.get_by_role("textbox", name=re.compile(r"email", re.I)))
            .or_(page.locator('input[autocomplete="username"]'))
        ),
        next=lambda page: page.get_by_role("button", name=CONTINUE),
        submit=lambda page: page.get_by_role("button", name=re.compile(r"^\s*(continue|log ?in|sign ?in)\s*$", re.I)),
        rejected=lambda page: page.get_by_text(
            re.compile(r"(incorrect|wrong|invalid)\b.{0,30}\bpassword|\bpassword\b.{0,30}\b(incorrect|wrong)", re.I)
        ),
        signed_out=re.compile(r"^/(auth/login|auth/log-in|log-in|login|u/login|authorize|api/auth/signin)\b"),
        # Logged-out visitors have a switch of their own (§3): a page with "Log in" is a guest's.
        signed_out_marker=guest_log_in,
        sso_origins=frozenset(
            {
                "https://accounts.google.com",
                "https://login.microsoftonline.com",
                "https://login.live.com",
                "https://appleid.apple.com",
            }
        ),
    )
    challenge = Challenge(
        urls=(
            re.compile(r"^https://auth\.openai\.com/(mfa|mfa-challenge|email-verification)\b"),
            re.compile(r"/cdn-cgi/challenge-platform/|[?&]__cf_chl_(rt_)?tk="),
        ),
        texts=(
            re.compile(r"^\s*just a moment(\.{3}|…)?\s*$", re.I),
            re.compile(r"verify(ing)? you are (a )?human", re.I),
            re.compile(r"checking (if the site connection is secure|your browser)", re.I),
            re.compile(r"needs to review the security of your connection|security by cloudflare", re.I),
            re.compile(r"check your authenticator app|code from your authenticator app", re.I),
            re.compile(r"one-time (pass)?code|enter (the|your) 6-digit code", re.I),
        ),
    )
    settings = (
        Setting(
            key="improve-model",
            label=LABEL,
            urls=(f"{HOME}/settings/data-controls", f"{HOME}/#settings/DataControls"),
            control=Switch(improve_switch),
            wanted=False,
            modal=Modal(open=improve_row, close=done),
            note='Settings > Data controls > "Improve the model for everyone" > switch off > Done',
        ),
    )
    confidence = (
        "replica only: written from public sources, never run against the live site; "
        "the sign-in pages on auth.openai.com are guessed"
    )
    sources = (
        "brave/psst-component src/chatgpt/user.ts, policy.ts (commit 41cbf8f, 2026-07-30)",
        "help.openai.com 7730893 Data controls FAQ",
        "a public Playwright account-setup script, _adjust_privacy_settings()",
        "AI-vendor privacy audit, vendors/chatgpt.md (2026-10-02)",
    )


FLOW = ChatGPT
