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
- `https://grok.com/?_s=data`, the deep link one public test catalog cites (unverified, the only
  URL any source gives), is tried first: it should open the Settings dialog on its Data Controls
  tab. `https://grok.com/settings/data` and `https://grok.com/settings` are pure guesses, tried
  after it. The engine moves on only when a page answers 404. Were the deep link to open Settings
  on another tab, the switch is not found and the run stops as site-changed (no tab is clicked).
- The control is a switch, checkbox or toggle button whose accessible name starts with "Improve
  the Model", or, when it has no name of its own, the one toggle in the smallest element whose
  text starts with "Improve the Model" (`flow.toggle`). Both are anchored at the start, so rows
  that merely mention improving the model ("Help improve the model...") do not match.
- The sign-in form may come in one page or two (email, "Next"/"Continue", then password); the
  submit is a `type=submit` control of the form holding the password, or a button named "Sign
  in", "Log in", "Login" or "Continue". "Next"/"Continue" is only clicked while no password
  field is on the page, so a one-page form's "Continue" is never pressed with an empty password.
- No Save button and no confirmation are assumed (the switch saves on its own).
- The wrong-password wording (any "incorrect/invalid/wrong" within a few words of "password" or
  "credentials", either order), the Cloudflare texts ("Verify you are human", "Checking your
  browser", `/cdn-cgi/challenge-platform`) and `/sign-in`, `/sign-up` as signed-out paths.
"""

from __future__ import annotations

import re

from optout.flow import Challenge, Flow, LoginForm, Setting, Switch, toggle

SIGN_IN = "https://accounts.x.ai/sign-in"
IMPROVE = re.compile(r"^\s*improve the model\b", re.I)
# A row's text runs its label into its description ("Improve the ModelAllow your..."): no \b.
IMPROVE_ROW = re.compile(r"^\s*improve the model", re.I)


# "Next"/"Continue" between an email step and a password step: never in (or, outside any form,
# beside) a password field, where it would be the one-page form's own submit.
NEXT_STEP = (
    "xpath=//*[self::button or self::input or @role='button']"
    "[(ancestor::form and not(ancestor::form[1]//input[@type='password']))"
    " or (not(ancestor::form) and not(//input[@type='password']))]"
)
NEXT = re.compile(r"^\s*(next|continue)\s*$", re.I)
SUBMIT = re.compile(r"^\s*(sign ?in|log ?in|continue)\s*$", re.I)
REJECTED = re.compile(
    r"(incorrect|invalid|wrong)\b.{0,40}\b(password|credentials)"
    r"|\b(password|credentials)\b.{0,40}\b(incorrect|invalid|wrong)",
    re.I,
)


GUEST_SIGN_IN = re.compile(r"^\s*(sign ?in|log ?in)\s*$", re.I)


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
        next=lambda page: page.get_by_role("button", name=NEXT).and_(page.locator(NEXT_STEP)),
        submit=lambda page: page.locator(
            'form:has(input[type="password"]) :is(button[type="submit"], input[type="submit"])'
        ).or_(page.get_by_role("button", name=SUBMIT)),
        rejected=lambda page: page.get_by_text(REJECTED),
        signed_out=re.compile(r"^/(sign-in|sign-up|login)\b"),
        # grok.com serves guests too, with its own EU/UK switch (platforms.json): a page offering
        # "Sign in" is a guest's, never the account's (the button's wording is a guess).
        signed_out_marker=lambda page: page.get_by_role("link", name=GUEST_SIGN_IN).or_(
            page.get_by_role("button", name=GUEST_SIGN_IN)
        ),
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
            urls=("https://grok.com/?_s=data", "https://grok.com/settings/data", "https://grok.com/settings"),
            control=Switch(toggle(IMPROVE, IMPROVE_ROW)),
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
