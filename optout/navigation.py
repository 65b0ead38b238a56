"""Loading a page: bounded retries with backoff for network errors and 5xx, never for writes."""

from __future__ import annotations

import asyncio
import random
from urllib.parse import urlsplit

from playwright.async_api import Error as PlaywrightError
from playwright.async_api import Page, Response

from optout.errors import Refused, Unavailable
from optout.flow import Flow
from optout.log import get_logger

log = get_logger()
ATTEMPTS = 3
BACKOFF_BASE_S = 1.0


async def goto(page: Page, flow: type[Flow], url: str) -> Response | None:
    """Navigate (a fresh load, never a cached one), retrying only what is safe to retry."""
    reason = ""
    here, there = urlsplit(page.url), urlsplit(url)
    if there.fragment and here._replace(fragment="") == there._replace(fragment=""):
        # Going to the same page with a #part is a jump within it that reloads nothing.
        await page.goto("about:blank")
    for attempt in range(1, ATTEMPTS + 1):
        try:
            response = await page.goto(url, wait_until="load")
        except PlaywrightError as exc:
            text = str(exc).splitlines()[0]
            if "ERR_CERT" in text or "ERR_SSL" in text:
                raise Refused(
                    f"{flow.title}: the connection to {url} is not secure ({_net_error(text)}); nothing was sent",
                    hint="check your network (a proxy or captive portal?), then try again",
                ) from None
            reason = _net_error(text)
        else:
            if response is None or (response.status < 500 and response.status != 429):
                return response
            reason = f"HTTP {response.status}"
        log.info("page.retry", url=url, attempt=attempt, reason=reason)
        if attempt < ATTEMPTS:
            # Exponential backoff with full jitter, so parallel runs do not retry in step.
            await asyncio.sleep(random.uniform(0, BACKOFF_BASE_S * 2**attempt))
    raise Unavailable(
        f"{flow.title} did not answer at {url} ({reason}) after {ATTEMPTS} tries",
        hint="try again later; if it persists, check your network",
    )


def first_line(error: Exception) -> str:
    """The first line of a Playwright error, without its call log (which can be long)."""
    text = str(error).strip()
    return text.splitlines()[0][:160] if text else type(error).__name__


def _net_error(text: str) -> str:
    """The short net::ERR_… code of a Playwright navigation error, or its first words."""
    for word in text.split():
        if word.startswith("net::"):
            return word.removeprefix("net::")
    return "timeout" if "Timeout" in text else text[:80]


async def decline_cookie_overlay(page: Page, flow: type[Flow]) -> None:
    """Decline the flow's cookie-consent overlay if it covers the page, so a click lands."""
    if flow.cookie_reject is None:
        return
    button = flow.cookie_reject(page).locator("visible=true")
    if await button.count() == 1:
        log.info("page.cookie_overlay_declined")
        await button.click()
        await button.wait_for(state="detached")
