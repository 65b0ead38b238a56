"""`login --headed` waits for the person at the browser; here the test plays that person."""

from __future__ import annotations

import asyncio
import uuid

from playwright.async_api import Page

from flows.linkedin import FLOW
from optout.login import headed_login
from optout.sandbox import Sandbox


async def until(condition: object, deadline_s: float = 15) -> None:
    """Wait for a condition on the sandbox's side (a state, not a fixed delay)."""
    async with asyncio.timeout(deadline_s):
        while not condition():  # type: ignore[operator]
            await asyncio.sleep(0.05)


async def test_headed_login_waits_until_a_members_page_really_opens(page: Page, sandbox: Sandbox) -> None:
    account, password = f"headed-{uuid.uuid4().hex[:8]}@example.com", uuid.uuid4().hex
    sandbox.add_account("linkedin", account, password)
    waiting = asyncio.ensure_future(headed_login(page, FLOW))
    await page.locator("#username").wait_for()

    # The person wanders to a page of the site that is not the sign-in page, still signed out.
    feeds_before = sum(r.path == "/feed/" for r in sandbox.requests("linkedin"))
    await page.goto("https://www.linkedin.com/help/linkedin")
    await until(lambda: sum(r.path == "/feed/" for r in sandbox.requests("linkedin")) > feeds_before)
    await page.goto("https://www.linkedin.com/login")
    assert not waiting.done(), "a page of the site is not a signed-in session"

    # Now they sign in by hand.
    await page.locator("#username").fill(account)
    await page.locator("#password").fill(password)
    await page.get_by_role("button", name="Sign in", exact=True).click()
    await asyncio.wait_for(waiting, timeout=60)
    cookies = {c["name"] for c in await page.context.cookies("https://www.linkedin.com")}
    assert "li_at" in cookies
    assert sandbox.password_submissions("linkedin", account) == 1
