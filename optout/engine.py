"""The engine: read -> (dry run stops here) -> set -> fresh load -> read back, per setting.

Each (platform, account) is an independent task with its own browser context, so tasks can
run side by side in the one browser (`Options.jobs`).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Sequence
from contextlib import suppress
from dataclasses import dataclass, field, replace
from typing import Literal

from playwright.async_api import Browser, BrowserContext, Locator, Page, Request, async_playwright
from playwright.async_api import Error as PlaywrightError

from optout import config, controls, cooldown, credentials, evidence, inventory, session
from optout.browser import SandboxTarget, launch
from optout.errors import ChallengeSeen, NeedsYou, OptoutError, PasswordRejected, SiteChanged, Unavailable
from optout.flow import Flow, Setting, state_text
from optout.journal import Journal, NoJournal
from optout.log import context, get_logger
from optout.login import (
    PasswordGate,
    form_of,
    headed_login,
    is_signed_out_page,
    on_own_site,
    password_login,
    shows_signed_out_marker,
    sign_in_with_stored_password,
)
from optout.navigation import decline_cookie_overlay, first_line, goto
from optout.result import Result, exit_code, utc_now
from optout.safety import check_challenge
from optout.secrets import Secret

log = get_logger()
Mode = Literal["apply", "dry-run", "verify", "fix"]
READ_ONLY: frozenset[Mode] = frozenset({"dry-run", "verify"})
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
SAVE_APPEARS_MS = 3_000
SETTLE_MS = 10_000  # at most this long for a page to finish loading its data before a read


@dataclass(frozen=True)
class Task:
    """One platform account and the settings this run asks about."""

    flow: type[Flow]
    account: str | None
    settings: tuple[Setting, ...]


@dataclass(frozen=True)
class Options:
    """How a run behaves: its mode, browser and time limits."""

    mode: Mode
    headed: bool = False
    sandbox: SandboxTarget | None = None
    step_timeout_ms: float = 20_000
    platform_deadline_s: float = 300
    jobs: int = 1
    journal: Journal = field(default_factory=NoJournal)
    # A person is at the terminal: accounts cooling down after a security check are tried anyway.
    interactive: bool = False


# A setting as one run handles it: on per-site platforms, once per site.
Job = tuple[str | None, Setting]


def failed(task: Task, error: OptoutError, jobs: Sequence[Job] | None = None) -> list[Result]:
    """One result per setting, all carrying the same error (login failed, keyring locked...)."""
    return [
        Result(
            platform=task.flow.id,
            account=task.account,
            setting=s.key,
            label=s.label,
            wanted=s.wanted_text(),
            status=error.status,
            message=str(error),
            site=site,
        )
        for site, s in ([(None, s) for s in task.settings] if jobs is None else jobs)
    ]


def for_site(setting: Setting, site: str) -> Setting:
    """The setting of one site: "{site}" in its URLs and label filled in."""
    return replace(
        setting,
        urls=tuple(url.replace("{site}", site) for url in setting.urls),
        label=setting.label.replace("{site}", site),
    )


async def run(tasks: Sequence[Task], options: Options) -> list[Result]:
    """Run every task in one browser and return the results in task order."""
    runnable = [t for t in tasks if t.account is not None]
    results: dict[int, list[Result]] = {}
    for index, task in enumerate(tasks):
        if task.account is None:
            results[index] = failed(
                task,
                NeedsYou(
                    f"no {task.flow.title} account is set up",
                    hint=f"run: optout login {task.flow.id} --account YOUR-LOGIN"
                    + ("" if task.flow.password_login else " --headed"),
                ),
            )
    if runnable:
        try:
            await asyncio.to_thread(credentials.check_backend)
        except NeedsYou as error:
            for index, task in enumerate(tasks):
                results.setdefault(index, failed(task, error))
            return [r for i in sorted(results) for r in results[i]]
        async with async_playwright() as playwright:
            try:
                browser = await launch(playwright, headed=options.headed, sandbox=options.sandbox)
            except OptoutError as error:
                for index, task in enumerate(tasks):
                    results.setdefault(index, failed(task, error))
                return [r for i in sorted(results) for r in results[i]]
            try:
                limit = asyncio.Semaphore(max(1, options.jobs))

                async def one(index: int, task: Task) -> None:
                    async with limit:
                        try:
                            if not options.interactive:
                                assert task.account is not None
                                await asyncio.to_thread(cooldown.check, task.flow.id, task.flow.title, task.account)
                        except NeedsYou as resting:
                            results[index] = failed(task, resting)
                            return
                        results[index] = await run_task(browser, task, options)

                await asyncio.gather(*(one(i, t) for i, t in enumerate(tasks) if t.account is not None))
            finally:
                await _bounded(browser.close())
    return [r for i in sorted(results) for r in results[i]]


async def _bounded(cleanup: Awaitable[object], seconds: float = 15) -> None:
    """Run a clean-up step with its own time limit; a browser already gone is no error."""
    with suppress(PlaywrightError, TimeoutError):
        async with asyncio.timeout(seconds):
            await cleanup


async def run_task(browser: Browser, task: Task, options: Options) -> list[Result]:
    """One account of one platform: its own context, session first, every asked setting."""
    assert task.account is not None
    done: list[Result] = []
    jobs: list[Job] = [(None, s) for s in task.settings]
    with context(platform=task.flow.id, account=task.account):
        browser_context: BrowserContext | None = None
        account_run: AccountRun | None = None
        try:
            async with asyncio.timeout(options.platform_deadline_s):
                state = await asyncio.to_thread(session.load_session, task.flow.id, task.account, task.flow.domains)
                browser_context = await browser.new_context(storage_state=state)  # type: ignore[arg-type]
                browser_context.set_default_timeout(options.step_timeout_ms)
                page = await browser_context.new_page()
                account_run = AccountRun(task.flow, task.account, page, browser_context, options)
                if task.flow.sites is not None:
                    sites = await account_run.sites()
                    if not sites:
                        return [_no_sites(task, s) for s in task.settings]
                    jobs = [(site, for_site(s, site)) for site in sites for s in task.settings]
                for site, setting in jobs:
                    with context(setting=setting.key, site=site):
                        done.append(await account_run.handle(setting, site))
        except OptoutError as error:
            log.warning("platform.stopped", status=error.status, error=str(error))
            if isinstance(error, ChallengeSeen):
                await asyncio.to_thread(cooldown.start, task.flow.id, task.account, error.message)
            done += failed(task, error, jobs[len(done) :])
        except PlaywrightError as error:
            # The browser itself failed (crashed, closed): nothing was confirmed.
            broken = Unavailable(f"{task.flow.title}: the browser failed ({first_line(error)})", hint="try again")
            done += failed(task, broken, jobs[len(done) :])
        except TimeoutError:
            late = Unavailable(
                f"{task.flow.title} took longer than {options.platform_deadline_s:.0f} s",
                hint="try again later",
            )
            done += failed(task, late, jobs[len(done) :])
        finally:
            if account_run is not None and account_run.signed_in and not account_run.page.is_closed():
                await _bounded(account_run.save_session())
            if browser_context is not None:
                await _bounded(browser_context.close())
    return done


def _no_sites(task: Task, setting: Setting) -> Result:
    """The account positively has no site (blog, publication) that the setting could apply to."""
    return Result(
        task.flow.id,
        task.account,
        setting.key,
        setting.label.replace("{site}", "each site"),
        setting.wanted_text(),
        action="none",
        status="absent",
        message=f"this {task.flow.title} account has no sites to apply it to",
    )


class SignInFailed(SiteChanged):
    """The sign-in page changed: every remaining setting of the account is stopped."""


class AccountRun:
    """The settings of one signed-in account, handled one after another on one page."""

    def __init__(
        self, flow: type[Flow], account: str, page: Page, browser_context: BrowserContext, options: Options
    ) -> None:
        self.flow = flow
        self.account = account
        self.page = page
        self.browser_context = browser_context
        self.options = options
        self.gate = PasswordGate()
        self.signed_in = False
        self.inventoried: set[str] = set()

    async def handle(self, setting: Setting, site: str | None = None) -> Result:
        """Read one setting; unless only reading, set it and prove it with a fresh read-back."""
        result = Result(self.flow.id, self.account, setting.key, setting.label, setting.wanted_text(), site=site)
        try:
            return await self._handle(setting, result)
        except SignInFailed:
            raise
        except PlaywrightError as error:
            if self.page.is_closed():
                raise Unavailable(f"{self.flow.title}: the browser closed unexpectedly", hint="try again") from None
            # A click or wait that timed out: something covers the control, or it never settled.
            result.status = "site-changed"
            result.message = (
                f"{self.flow.title}: could not operate '{setting.label}' ({first_line(error)}); "
                f"check it by hand at {result.url or setting.urls[0]}, and report the change"
            )
            log.warning("setting.site_changed", error=result.message)
            return result
        except (SiteChanged, controls.Unreadable) as error:
            # One missing control does not stop the account's other settings.
            result.status = "site-changed"
            result.message = (
                f"{error}"
                if isinstance(error, SiteChanged)
                else f"{self.flow.title}: '{setting.label}' could not be read ({error}); "
                f"report the change, or check it by hand at {result.url or setting.urls[0]}"
            )
            log.warning("setting.site_changed", error=result.message)
            return result

    async def _handle(self, setting: Setting, result: Result) -> Result:
        element, url = await self.open(setting, setting.urls)
        result.url = url
        if element is None:
            result.status, result.action = "absent", "none"
            result.message = f"{self.flow.title} says this setting is not offered to this account"
            return result
        before = await controls.read(self.page, setting.control, element)
        result.before = state_text(before)
        log.info("setting.read", state=result.before, wanted=result.wanted)
        await self.take_inventory(url)
        if before == setting.wanted or self.options.mode in READ_ONLY:
            result.after = result.before  # nothing was changed, so what was read still holds
            await self.keep_evidence(result, element)
        if before == setting.wanted:
            result.status, result.action = "ok", "unchanged"
            result.message = f"already {result.wanted}"
            return result
        if self.options.mode in READ_ONLY:
            result.status, result.action = "not-off", "would-change"
            command = "apply" if self.options.mode == "dry-run" else "verify --fix"
            result.message = (
                f"{result.before}, wanted {result.wanted}; "
                + ("would change it" if self.options.mode == "dry-run" else "not changed")
                + f" (run: optout {command} {self.flow.id})"
            )
            return result
        intent = self.options.journal.intent(result)
        statuses = await self.change(setting, element)
        fresh, _ = await self.open(setting, (url,))
        if fresh is None:
            raise SiteChanged(f"{self.flow.title}: '{setting.label}' vanished after the change")
        after = await controls.read(self.page, setting.control, fresh)
        result.after = state_text(after)
        result.checked_at = utc_now()
        await self.keep_evidence(result, fresh)
        self.options.journal.outcome(intent, result)
        if after == setting.wanted:
            result.status, result.action = "ok", "changed"
            result.message = f"switched {result.before} -> {result.after}, read back after a fresh load"
            log.info("setting.changed", before=result.before, after=result.after)
            return result
        failing = [s for s in statuses if s is None or s >= 500 or s == 429]
        result.status = "unavailable" if failing else "not-off"
        result.message = (
            f"changed it, but after a fresh load it reads {result.after}: {self.flow.title} "
            + (
                f"answered {failing[0] or 'nothing'} to the save; try again later"
                if failing
                else "did not keep the change; try again later or change it by hand"
            )
            + f" at {url}"
        )
        log.warning("setting.did_not_stick", after=result.after, save_statuses=statuses)
        return result

    async def load(self, url: str) -> bool:
        """Load a members' page, signing in if the site asks; False when the page is missing."""
        response = await goto(self.page, self.flow, url)
        await check_challenge(self.page, self.flow.challenge, self.flow.id)
        if self.flow.login is not None and self.flow.login.signed_out_marker is not None:
            await self.settle()  # the marker may be drawn only after the page's data arrives
        if await self._signed_out():
            try:
                await sign_in_with_stored_password(self.page, self.flow, self.account, self.gate)
            except SiteChanged as error:
                # A changed sign-in page stops the whole account, not just this setting.
                raise SignInFailed(error.message, hint=error.hint) from None
            self.signed_in = True
            await self.save_session()
            response = await goto(self.page, self.flow, url)
            await check_challenge(self.page, self.flow.challenge, self.flow.id)
            if await self._signed_out():
                raise NeedsYou(
                    f"{self.flow.title} still asks to sign in after logging in",
                    hint=f"run: optout login {self.flow.id} --headed",
                )
        self.signed_in = True
        if response is not None and response.status in (404, 410):
            log.info("page.missing", url=url, status=response.status)
            return False
        if not on_own_site(self.flow, self.page.url):
            raise SiteChanged(
                f"{self.flow.title}: {url} led to {self.page.url.split('?')[0]}, an unknown page",
                hint="report the change; nothing was clicked",
            )
        return True

    async def open(self, setting: Setting, urls: Sequence[str]) -> tuple[Locator | None, str]:
        """Load the setting's page (signing in if needed) and find its control, exactly once."""
        for index, url in enumerate(urls):
            if not await self.load(url):
                continue
            try:
                return await self.find(setting, url), url
            except SiteChanged:
                # Single-page apps answer 200 for any path: a page without the control is like a 404.
                if index == len(urls) - 1:
                    raise
                log.info("page.without_control", url=url)
        raise SiteChanged(
            f"{self.flow.title}: no page for '{setting.label}' at " + ", ".join(urls),
            hint="the platform may have moved it; report the change",
        )

    async def sites(self) -> list[str]:
        """The account's sites (blogs, publications), from the first listing the flow understands."""
        listing = self.flow.sites
        assert listing is not None
        for url in listing.urls:
            if not await self.load(url):
                continue
            found = await listing.read(self.page)
            if found is not None:
                log.info("sites.found", count=len(found))
                return list(dict.fromkeys(found))
        raise SiteChanged(
            f"{self.flow.title}: could not list this account's sites at " + ", ".join(listing.urls),
            hint="the platform may have changed its pages; report the change",
        )

    async def _signed_out(self) -> bool:
        """The page is a sign-in page or wall, or shows a password form."""
        if is_signed_out_page(self.flow, self.page.url) or await shows_signed_out_marker(self.page, self.flow):
            return True
        return bool(await self.page.locator('input[type="password"]').locator("visible=true").count())

    async def find(self, setting: Setting, url: str) -> Locator | None:
        """Wait for the control (or the page's word that it is not offered); exactly one."""
        timeout = self.options.step_timeout_ms
        try:
            if setting.ready is not None:
                await setting.ready(self.page).first.wait_for(timeout=timeout)
            if setting.modal is not None:
                opener = setting.modal.open(self.page)
                await opener.first.wait_for(state="visible", timeout=timeout)
                await _exactly_one(opener, f"the row that opens '{setting.label}'", self.flow, url)
                await decline_cookie_overlay(self.page, self.flow)
                await opener.click(timeout=timeout)
            control = setting.control.find(self.page)
            either = control if setting.absent is None else control.or_(setting.absent(self.page))
            await either.first.wait_for(state="attached", timeout=timeout)
            await self.settle()
        except PlaywrightError:
            if self.page.is_closed():
                raise Unavailable(f"{self.flow.title}: the browser closed unexpectedly", hint="try again") from None
            raise SiteChanged(
                f"{self.flow.title}: '{setting.label}' is not on {url}",
                hint="the page changed; report it, and check the setting by hand",
            ) from None
        if setting.absent is not None and not await control.count() and await setting.absent(self.page).count():
            return None
        await _exactly_one(control, f"'{setting.label}'", self.flow, url)
        return control

    async def settle(self) -> None:
        """Let the page finish loading its data (bounded): a control drawn before its state
        arrives, or a "not offered" placeholder, must not be read as the answer."""
        with suppress(PlaywrightError):
            await self.page.wait_for_load_state("networkidle", timeout=min(self.options.step_timeout_ms, SETTLE_MS))

    async def change(self, setting: Setting, element: Locator) -> list[int | None]:
        """Set the control, close its modal, press Save; return the status of every write sent."""
        writes: list[Request] = []
        started = asyncio.Event()

        def watch(request: Request) -> None:
            if request.method not in SAFE_METHODS:
                writes.append(request)
                started.set()

        self.page.on("request", watch)
        timeout = self.options.step_timeout_ms
        try:
            log.info("setting.write", wanted=setting.wanted_text())
            await decline_cookie_overlay(self.page, self.flow)
            await controls.write(self.page, setting.control, element, setting.wanted, timeout)
            if setting.modal is not None:
                await setting.modal.close(self.page).click(timeout=timeout)
            if setting.save is not None:
                # Some versions of a page save by themselves and show no Save: the read-back decides.
                button = setting.save(self.page).locator("visible=true")
                try:
                    await button.first.wait_for(timeout=min(timeout, SAVE_APPEARS_MS))
                except PlaywrightError:
                    log.info("setting.no_save_button")
                else:
                    await button.click(timeout=timeout)
            if not writes:
                # Some pages save a moment after the click; wait for that request to start.
                try:
                    await asyncio.wait_for(started.wait(), timeout=1.5)
                except TimeoutError:
                    log.info("setting.no_write_seen")
            statuses = [await _status(request, timeout) for request in writes]
            await self.page.wait_for_load_state("load")
            return statuses
        finally:
            self.page.remove_listener("request", watch)

    async def take_inventory(self, url: str) -> None:
        """Note the page's switch-like controls once per page and run (new settings are found so)."""
        if url in self.inventoried:
            return
        self.inventoried.add(url)
        seen = await inventory.take(self.page, self.flow)
        self.options.journal.inventory(self.flow.id, self.account, url, seen)

    async def keep_evidence(self, result: Result, control: Locator) -> None:
        """A screenshot of the control as just read, kept with the result."""
        stem = "-".join(p for p in (result.checked_at.replace(":", ""), result.setting, result.site) if p)
        kept = await evidence.capture(self.page, control, self.flow.id, self.account, stem)
        if kept is not None:
            result.evidence = kept.as_json()

    async def save_session(self) -> None:
        """Keep the signed-in browser state, encrypted, for the next run."""
        state = await self.browser_context.storage_state()
        await asyncio.to_thread(session.save_session, self.flow.id, self.account, dict(state), self.flow.domains)


async def _status(request: Request, timeout_ms: float) -> int | None:
    """The HTTP status a write got, or None if it failed or never finished."""
    try:
        response = await asyncio.wait_for(request.response(), timeout=timeout_ms / 1000)
    except (TimeoutError, PlaywrightError):
        return None
    return response.status if response is not None else None


async def _exactly_one(locator: Locator, what: str, flow: type[Flow], url: str) -> None:
    """Refuse to guess: a control that matches more than once is a changed page."""
    count = await locator.count()
    if count != 1:
        raise SiteChanged(
            f"{flow.title}: {what} matches {count} elements on {url}; nothing was clicked",
            hint="the page changed; report it, and check the setting by hand",
        )


async def login(flow: type[Flow], account: str, password: Secret | None, options: Options) -> None:
    """Sign in once and save the session: by password, by hand in a visible browser, or both.

    With a password and --headed, optout types the password (through the safety checks) and the
    user finishes any code or CAPTCHA. The password is stored only once it was submitted and not
    rejected: after a success, or after a challenge that says nothing against it.
    """
    await asyncio.to_thread(credentials.check_backend)
    if not options.headed:
        # After a security check only a person, in a visible window, may sign in again.
        await asyncio.to_thread(cooldown.check, flow.id, flow.title, account)
    with context(platform=flow.id, account=account):
        async with async_playwright() as playwright:
            browser = await launch(playwright, headed=options.headed, sandbox=options.sandbox)
            try:
                browser_context = await browser.new_context()
                browser_context.set_default_timeout(options.step_timeout_ms)
                page = await browser_context.new_page()
                # The wait for a person (--headed) has its own, longer limit.
                async with asyncio.timeout(None if options.headed else options.platform_deadline_s):
                    await _sign_in(page, flow, account, password, headed=options.headed)
                state = await browser_context.storage_state()
                await asyncio.to_thread(session.save_session, flow.id, account, dict(state), flow.domains)
                if password is not None:
                    await asyncio.to_thread(credentials.set_password, flow.id, account, password)
                await asyncio.to_thread(config.add_account, flow.id, account)
                await asyncio.to_thread(cooldown.clear, flow.id, account)
            except ChallengeSeen as challenged:
                await asyncio.to_thread(cooldown.start, flow.id, account, challenged.message)
                raise
            except TimeoutError:
                raise Unavailable(
                    f"{flow.title} took longer than {options.platform_deadline_s:.0f} s to sign in",
                    hint=f"try again later: optout login {flow.id} --account {account}",
                ) from None
            finally:
                await _bounded(browser.close())


async def _sign_in(page: Page, flow: type[Flow], account: str, password: Secret | None, *, headed: bool) -> None:
    """The sign-in itself; a challenge after a submitted password is kept as an account to finish."""
    if password is None:
        await headed_login(page, flow)
        return
    gate = PasswordGate()
    try:
        await password_login(page, flow, form_of(flow), account, password, gate)
    except PasswordRejected:
        raise
    except NeedsYou:
        if not gate.submitted:
            raise
        # The password was sent and not rejected: keep it, and the account, for after the check.
        await asyncio.to_thread(credentials.set_password, flow.id, account, password)
        await asyncio.to_thread(config.add_account, flow.id, account)
        if not headed:
            raise
        await headed_login(page, flow, start=False)


__all__ = ["Options", "Result", "Task", "exit_code", "login", "run"]
