"""`optout guide`: the steps and links for opt-outs done by hand (forms, email), or the news that none exists."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

import click

from optout import registry
from optout.cli import Globals, cli
from optout.errors import NeedsYou, UsageError

if TYPE_CHECKING:
    from optout.browser import SandboxTarget

# How long a window opened with --open may stay before optout closes it and returns.
OPEN_LIMIT_S = 60 * 60


@cli.command()
@click.argument("platform")
@click.option(
    "--open",
    "open_page",
    is_flag=True,
    help="Also open the guide's page in a visible browser, and wait until you close it. "
    "optout signs in to nothing and clicks nothing there.",
)
@click.pass_obj
def guide(g: Globals, platform: str, open_page: bool) -> int:
    """What to do by hand on PLATFORM (a form, an email), with the links; optout cannot check it."""
    item = registry.load_guide(platform)
    flow_too = platform in registry.platform_ids()
    for line in item.text():
        click.echo(line)
    if flow_too:
        click.echo(f"The automated part: optout apply {platform} (see: optout show {platform}).")
    if not open_page:
        return 0
    url = item.page()
    if url is None:
        raise UsageError(f"the {item.id} guide has no web page to open", hint="follow the steps above")
    from optout.browser import probe_sandbox

    sandbox = probe_sandbox(g.sandbox) if g.sandbox else None
    closed = asyncio.run(show_page(url, sandbox))
    click.echo("Window closed." if closed else f"Closed the window after {OPEN_LIMIT_S // 60} minutes.")
    click.echo(f"optout did not see what you did there; nothing about {item.id} is reported as done.")
    return 0


async def show_page(url: str, sandbox: SandboxTarget | None) -> bool:
    """Open `url` in a fresh, visible browser and wait until the person closes it.

    A fresh context: no saved session is loaded, nothing is typed or clicked, and no trace or
    screenshot is taken, since the person may sign in there. True when the person closed every
    window (or the browser), False when the time limit closed it.
    """
    from playwright.async_api import Error as PlaywrightError
    from playwright.async_api import Page, async_playwright

    from optout.browser import launch

    async with async_playwright() as playwright:
        try:
            browser = await launch(playwright, headed=True, sandbox=sandbox)
        except NeedsYou as error:
            error.hint += f"; or open it yourself: {url}"
            raise
        try:
            done = asyncio.Event()
            browser.on("disconnected", lambda _: done.set())
            context = await browser.new_context()

            def watch(page: Page) -> None:
                page.on("close", lambda _: None if context.pages else done.set())

            context.on("page", watch)
            page = await context.new_page()
            watch(page)
            try:
                await page.goto(url, wait_until="commit")
            except PlaywrightError as error:
                # The window stays: the person sees the browser's own error page and may retry.
                first = str(error).strip().splitlines()[0][:160] if str(error).strip() else "no reason given"
                click.echo(f"The page did not load ({first}); the window stays open.", err=True)
            click.echo(f"Opened {url} in a browser window; close the window when you are done.")
            try:
                async with asyncio.timeout(OPEN_LIMIT_S):
                    await done.wait()
            except TimeoutError:
                return False
            return True
        finally:
            try:
                async with asyncio.timeout(15):
                    await browser.close()
            except (TimeoutError, PlaywrightError):
                pass
