"""Proof of a read-back: a PNG of the part of the settings page that shows the control."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from playwright.async_api import Error as PlaywrightError
from playwright.async_api import Locator, Page

from optout import paths
from optout.log import get_logger

log = get_logger()
MARGIN_PX = 120
# Text a person typed or the site filled in is masked; switches, checkboxes and radios stay visible.
TYPED = 'input:not([type="checkbox"]):not([type="radio"]):not([type="button"]):not([type="submit"]), textarea'


@dataclass(frozen=True)
class Evidence:
    """Where a screenshot is stored and its SHA-256."""

    path: str
    sha256: str

    def as_json(self) -> dict[str, str]:
        """The `evidence` object of a result row."""
        return {"path": self.path, "sha256": self.sha256}


def _name(part: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", part)[:60]


async def capture(page: Page, control: Locator, platform: str, account: str, stem: str) -> Evidence | None:
    """Screenshot the band of the page around the control; never a page with a password field."""
    try:
        if await page.locator('input[type="password"]').count():
            return None  # a sign-in form is never photographed
        target = control
        if not await control.is_visible():
            # A visually hidden native checkbox: its visible label shows the state.
            target = page.locator(f'label[for="{await control.get_attribute("id") or "-"}"]').first
        await target.scroll_into_view_if_needed(timeout=5_000)
        box = await target.bounding_box()
        viewport = page.viewport_size
        if box is None or viewport is None:
            return None
        top = max(0.0, box["y"] - MARGIN_PX)
        bottom = min(float(viewport["height"]), box["y"] + box["height"] + MARGIN_PX)
        png = await page.screenshot(
            clip={"x": 0, "y": top, "width": float(viewport["width"]), "height": max(1.0, bottom - top)},
            mask=[page.locator(TYPED)],
            animations="disabled",
        )
    except PlaywrightError as error:
        log.info("evidence.skipped", reason=str(error).splitlines()[0][:120])
        return None
    account_tag = hashlib.sha256(account.encode("utf-8")).hexdigest()[:12]
    path = paths.home() / "evidence" / _name(platform) / account_tag / f"{_name(stem)}.png"
    paths.ensure_private_dir(path.parent.parent)
    paths.write_private(path, png)
    return Evidence(str(path), hashlib.sha256(png).hexdigest())
