"""Signing in: the saved session first; the password only through the safety checks."""

from __future__ import annotations

import asyncio
import re
from contextlib import suppress
from urllib.parse import urlsplit

from playwright.async_api import Error as PlaywrightError
from playwright.async_api import Frame, Locator, Page, Request

from optout import credentials
from optout.errors import NeedsYou, PasswordRejected, Refused, SiteChanged, Unavailable
from optout.flow import Flow, LoginForm
from optout.log import get_logger
from optout.navigation import decline_cookie_overlay, first_line, goto
from optout.safety import (
    SubmissionGuard,
    challenge_locator,
    check_challenge,
    normalize_origin,
    password_field,
    refuse_framed_password_field,
    require_origin,
    submit_target_allowed,
)
from optout.secrets import Secret

log = get_logger()
OUTCOME_TIMEOUT_MS = 30_000
HEADED_TIMEOUT_MS = 10 * 60_000
PROBE_SETTLE_MS = 10_000
MAX_INTERSTITIALS = 3  # "Stay signed in?" and the like, answered at most this often per sign-in


def form_of(flow: type[Flow]) -> LoginForm:
    """The flow's password form, or needs-you for platforms that have none."""
    if flow.login is None or not flow.password_login:
        raise NeedsYou(
            f"{flow.title} has no password login optout can use",
            hint=f"run: optout login {flow.id} --headed, and sign in in the browser",
        )
    return flow.login


def on_own_site(flow: type[Flow], url: str) -> bool:
    """True when the URL is on one of the platform's own domains."""
    host = (urlsplit(url).hostname or "").rstrip(".").lower()
    return any(host == d or host.endswith("." + d) for d in flow.domains)


def signed_out_url(flow: type[Flow], url: str) -> bool:
    """True when the URL is one of the platform's sign-in pages."""
    return flow.login is not None and bool(flow.login.signed_out.search(urlsplit(url).path))


def signed_in_url(flow: type[Flow], url: str) -> bool:
    """True when the browser is on the platform's own site, past sign-in and challenges."""
    return (
        on_own_site(flow, url) and not signed_out_url(flow, url) and not any(p.search(url) for p in flow.challenge.urls)
    )


class PasswordGate:
    """Allows at most one password submission per account per run."""

    def __init__(self) -> None:
        self.submitted = False

    def ensure_unused(self, flow: type[Flow]) -> None:
        """Refuse before anything is loaded or typed if this run already sent the password."""
        if self.submitted:
            raise NeedsYou(
                f"{flow.title} signed out again right after logging in; optout does not try twice",
                hint=f"run: optout login {flow.id} --headed",
            )

    def claim(self, flow: type[Flow]) -> None:
        """Record a submission; a second one in the same run is refused, never retried."""
        self.ensure_unused(flow)
        self.submitted = True


async def sign_in_with_stored_password(page: Page, flow: type[Flow], account: str, gate: PasswordGate) -> None:
    """Log in with the password from the keyring (the saved session is gone or expired)."""
    form = form_of(flow)
    password = await asyncio.to_thread(credentials.get_password, flow.id, account)
    if password is None:
        raise NeedsYou(
            f"no password stored for {flow.title} account {account}",
            hint=f"run: optout login {flow.id} --account {account}",
        )
    try:
        await password_login(page, flow, form, account, password, gate)
    except PasswordRejected as rejected:
        # Trying a wrong password again on every scheduled run would get the account locked.
        await asyncio.to_thread(credentials.delete_password, flow.id, account)
        rejected.message += "; it was removed from the keyring"
        raise


async def password_login(
    page: Page, flow: type[Flow], form: LoginForm, account: str, password: Secret, gate: PasswordGate
) -> None:
    """Fill the identifier, check page and field, type the password once, submit, judge the outcome."""
    try:
        await _password_login(page, flow, form, account, password, gate)
    except PlaywrightError as error:
        if page.is_closed():
            raise Unavailable(f"{flow.title}: the browser closed during sign-in", hint="try again") from None
        # A page that navigated away mid-step makes Playwright fail; where it went decides.
        require_origin(page.url, form.origins, flow.id)
        raise SiteChanged(
            f"{flow.title}: the sign-in page did not behave as expected ({first_line(error)})",
            hint=f"run: optout login {flow.id} --headed, and report the change",
        ) from None


async def _password_login(
    page: Page, flow: type[Flow], form: LoginForm, account: str, password: Secret, gate: PasswordGate
) -> None:
    gate.ensure_unused(flow)
    log.info("login.start", url=form.url)
    await goto(page, flow, form.url)
    await _stop_on_foreign_origin(page, flow, form)
    await check_challenge(page, flow.challenge, flow.id)
    # Two locators may name the same field; the first visible one is the identifier.
    identifier = form.identifier(page).locator("visible=true").first
    try:
        await _wait_visible(identifier, flow, "the sign-in form")
    except SiteChanged:
        await refuse_framed_password_field(page, flow.id)
        raise
    require_origin(page.url, form.origins, flow.id)
    if (await identifier.get_attribute("type") or "").lower() == "password":
        raise Refused(
            f"{flow.title}: the field for the login name is a password field; nothing was typed",
            hint=f"run: optout login {flow.id} --headed",
        )
    await identifier.fill(account)
    if form.next is not None:
        # One-page and two-step versions of a form: "Next" is clicked only where there is one,
        # and never when the password field is already shown (it would send an empty password).
        step = form.next(page).locator("visible=true")
        shown = await page.locator('input[type="password"]').locator("visible=true").count()
        if not shown and await step.count():
            await step.first.click()
        password_input = page.locator('input[type="password"]').locator("visible=true").first
        try:
            await _wait_visible(password_input.or_(challenge_locator(page, flow.challenge)), flow, "the password step")
        except SiteChanged:
            # The email step may hand over to single sign-on (needs you) or somewhere unknown (refused).
            await _stop_on_foreign_origin(page, flow, form)
            raise
        await _stop_on_foreign_origin(page, flow, form)
        await check_challenge(page, flow.challenge, flow.id)
    field = await password_field(page, form.origins, flow.id)
    async with SubmissionGuard(page, form.origins, password.reveal()) as guard:
        gate.claim(flow)
        require_origin(page.url, form.origins, flow.id)
        await field.fill(password.reveal())
        # The page could have navigated while typing; check again just before sending.
        await decline_cookie_overlay(page, flow)
        submit = form.submit(page).locator("visible=true").first
        await submit_target_allowed(submit, form.origins, flow.id)
        require_origin(page.url, form.origins, flow.id)
        await submit.click()
        try:
            await _judge_outcome(page, flow, form, account)
        finally:
            if guard.blocked:
                raise Refused(
                    f"{flow.title}: the sign-in page tried to send data to {guard.blocked[0]}; it was blocked",
                    hint=f"run: optout login {flow.id} --headed",
                )
    log.info("login.ok")


async def _wait_visible(target: Locator, flow: type[Flow], what: str) -> None:
    """Wait for a part of the login page, or report the page as changed."""
    try:
        await target.first.wait_for(state="visible")
    except PlaywrightError:
        raise SiteChanged(
            f"{flow.title}: {what} did not appear",
            hint=f"run: optout login {flow.id} --headed, and report the change",
        ) from None


async def _stop_on_foreign_origin(page: Page, flow: type[Flow], form: LoginForm) -> None:
    """SSO goes to the user (needs-you); any other foreign origin is refused by require_origin."""
    origin = normalize_origin(page.url)
    if origin in {normalize_origin(o) for o in form.sso_origins}:
        raise NeedsYou(
            f"{flow.title} sent the sign-in to {origin} (single sign-on); optout types no password there",
            hint=f"run: optout login {flow.id} --headed",
        )
    require_origin(page.url, form.origins, flow.id)


async def _judge_outcome(page: Page, flow: type[Flow], form: LoginForm, account: str) -> None:
    """Wait for the first sign of how the sign-in went: in, challenged, or rejected."""
    for _ in range(MAX_INTERSTITIALS + 1):
        answered = await _first_outcome(page, flow, form, account)
        await check_challenge(page, flow.challenge, flow.id)
        if answered is None:
            break
        require_origin(page.url, form.origins, flow.id)
        log.info("login.interstitial_answered")
        await answered.click()
    await _judge_page(page, flow, form, account)


async def _first_outcome(page: Page, flow: type[Flow], form: LoginForm, account: str) -> Locator | None:
    """Wait for the page to leave sign-in, show a challenge or rejection, or ask a harmless
    question; return that question's answer button, if that is what came first."""
    waits: list[asyncio.Task[object]] = [
        asyncio.ensure_future(page.wait_for_url(lambda url: not signed_out_url(flow, url), timeout=OUTCOME_TIMEOUT_MS)),
        asyncio.ensure_future(challenge_locator(page, flow.challenge).first.wait_for(timeout=OUTCOME_TIMEOUT_MS)),
    ]
    if form.rejected is not None:
        waits.append(asyncio.ensure_future(form.rejected(page).first.wait_for(timeout=OUTCOME_TIMEOUT_MS)))
    answers = [find(page).locator("visible=true") for find in form.interstitials]
    questions: list[asyncio.Task[object]] = [
        asyncio.ensure_future(a.first.wait_for(timeout=OUTCOME_TIMEOUT_MS)) for a in answers
    ]
    done, pending = await asyncio.wait(waits + questions, return_when=asyncio.FIRST_COMPLETED)
    for task in pending:
        task.cancel()
    await asyncio.gather(*pending, return_exceptions=True)
    if all(task.exception() is not None for task in done):
        raise Unavailable(
            f"{flow.title} did not answer the sign-in within {OUTCOME_TIMEOUT_MS // 1000} s",
            hint=f"try again later: optout login {flow.id} --account {account}",
        )
    for answer, question in zip(answers, questions, strict=True):
        if question in done and question.exception() is None and await answer.count() == 1:
            return answer
    return None


async def _judge_page(page: Page, flow: type[Flow], form: LoginForm, account: str) -> None:
    """Decide from the page reached after the password: rejected, elsewhere, still signing in."""
    if form.rejected is not None and await form.rejected(page).count():
        raise PasswordRejected(
            f"{flow.title} did not accept the password for {account}; optout will not try it again",
            hint=f"run: optout login {flow.id} --account {account}",
        )
    if not on_own_site(flow, page.url):
        await _stop_on_foreign_origin(page, flow, form)
    if signed_out_url(flow, page.url):
        raise SiteChanged(
            f"{flow.title} is still on its sign-in page after the password was sent",
            hint=f"run: optout login {flow.id} --headed",
        )


async def headed_login(page: Page, flow: type[Flow], *, start: bool = True) -> None:
    """Wait, in a visible browser, for the user to finish signing in by hand (2FA, CAPTCHA, SSO).

    A page on the platform's own site is not enough (the user may be on "Forgot password?"):
    a members-only page is loaded in a second tab, and only when it is not a sign-in page or a
    challenge does the wait end. It is checked again whenever the window moves on or sends a form.
    """
    if start:
        await goto(page, flow, flow.login.url if flow.login is not None else flow.home)
    print(f"Finish signing in to {flow.title} in the browser window; optout waits up to 10 minutes.", flush=True)
    activity = _Activity(page)
    try:
        async with asyncio.timeout(HEADED_TIMEOUT_MS / 1000):
            while not page.is_closed():
                activity.seen.clear()  # before the check, so that nothing done during it is missed
                if signed_in_url(flow, page.url) and await _members_page_opens(page, flow):
                    return
                await activity.seen.wait()
    except (TimeoutError, PlaywrightError):
        pass
    finally:
        activity.stop()
    raise NeedsYou(
        f"the sign-in to {flow.title} was not finished (window closed or 10 minutes passed)",
        hint=f"run: optout login {flow.id} --headed",
    )


class _Activity:
    """Signals each step the person takes in the window: a page opened, a form or code sent,
    or the window closed. Sign-in dialogs that never change the URL are caught by what they send."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.seen = asyncio.Event()
        page.on("framenavigated", self._navigated)
        page.on("requestfinished", self._sent)
        page.on("close", self._closed)

    def _navigated(self, frame: Frame) -> None:
        if frame == self.page.main_frame:
            self.seen.set()

    def _sent(self, request: Request) -> None:
        if request.method != "GET":
            self.seen.set()

    def _closed(self, _page: Page) -> None:
        self.seen.set()

    def stop(self) -> None:
        """Stop listening."""
        self.page.remove_listener("framenavigated", self._navigated)
        self.page.remove_listener("requestfinished", self._sent)
        self.page.remove_listener("close", self._closed)


async def _members_page_opens(page: Page, flow: type[Flow]) -> bool:
    """Load the platform's home for members in a second tab: signed in only if it stays there."""
    probe = await page.context.new_page()
    try:
        await goto(probe, flow, flow.home)
        # A sign-in dialog may be drawn after the page loads: let it finish first (bounded).
        with suppress(PlaywrightError):
            await probe.wait_for_load_state("networkidle", timeout=PROBE_SETTLE_MS)
        if not signed_in_url(flow, probe.url):
            return False
        asks = probe.locator('input[type="password"]').or_(challenge_locator(probe, flow.challenge))
        if await asks.locator("visible=true").count():
            return False
        return not await shows_signed_out_marker(probe, flow)
    finally:
        await probe.close()


async def shows_signed_out_marker(page: Page, flow: type[Flow]) -> bool:
    """The page shows what only signed-out visitors see (the flow's `signed_out_marker`)."""
    if flow.login is None or flow.login.signed_out_marker is None:
        return False
    return bool(await flow.login.signed_out_marker(page).locator("visible=true").count())


def is_signed_out_page(flow: type[Flow], url: str) -> bool:
    """Sign-in pages and the platform's own "sign in to continue" walls."""
    return signed_out_url(flow, url) or bool(re.search(r"/(authwall|signin|sign-in)\b", urlsplit(url).path))
