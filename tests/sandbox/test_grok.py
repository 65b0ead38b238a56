"""The grok.com replica in real Chromium: sign-in at accounts.x.ai, and the flow's locator against every markup."""

from __future__ import annotations

import re
import uuid

import pytest
from playwright.async_api import Page, expect

from flows.grok import FLOW
from optout.sandbox import Sandbox

from .conftest import Account

DEEP_LINK = "https://grok.com/?_s=data"


@pytest.fixture
def grok_account(sandbox: Sandbox) -> Account:
    """A fresh grok.com replica account with every switch on."""
    made = Account(f"g-{uuid.uuid4().hex[:10]}@example.com", f"pw-{uuid.uuid4().hex}")
    sandbox.add_account("grok", made.account, made.password)
    return made


async def sign_in(page: Page, account: Account) -> None:
    """Get sent from grok.com to accounts.x.ai, sign in with email, and come back."""
    await page.goto(DEEP_LINK)
    await expect(page).to_have_url(re.compile(r"^https://accounts\.x\.ai/sign-in\?"))
    await page.locator('input[type="email"]').fill(account.account)
    await page.locator('input[type="password"]').fill(account.password)
    await page.locator('button[type="submit"]').click()
    await expect(page).to_have_url(DEEP_LINK)


@pytest.mark.parametrize("markup", ["switch", "labelledby", "checkbox", "pressed"])
async def test_the_flow_locator_matches_one_control_and_a_loose_one_matches_more(
    sandbox: Sandbox, sandbox_page: Page, grok_account: Account, markup: str
) -> None:
    sandbox.set_fault("grok", "markup", markup, account=grok_account.account)
    page = sandbox_page
    await sign_in(page, grok_account)
    await expect(page.get_by_role("dialog", name="Settings")).to_be_visible()
    [setting] = FLOW.settings
    await expect(setting.control.find(page)).to_have_count(1)
    if markup == "labelledby":
        # Every switch's name then includes its description, and two others mention the model.
        await expect(page.get_by_role("switch", name=re.compile("improve the model", re.I))).to_have_count(3)


async def test_settings_data_is_missing_unless_the_route_fault_is_on(
    sandbox: Sandbox, sandbox_page: Page, grok_account: Account
) -> None:
    page = sandbox_page
    await sign_in(page, grok_account)
    missing = await page.goto("https://grok.com/settings/data")
    assert missing is not None and missing.status == 404
    sandbox.set_fault("grok", "settings-route", account=grok_account.account)
    found = await page.goto("https://grok.com/settings/data")
    assert found is not None and found.status == 200
    await expect(page.get_by_role("switch", name="Improve the Model")).to_have_attribute("aria-checked", "true")
