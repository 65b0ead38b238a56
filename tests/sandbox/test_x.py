"""The X replica in real Chromium: the login steps, and the flow's locators against every markup."""

from __future__ import annotations

import re
import uuid

import pytest
from playwright.async_api import Page, expect

from flows.x import FLOW
from optout.sandbox import Sandbox

from .conftest import Account

URL = "https://x.com/settings/grok_settings"


@pytest.fixture
def x_account(sandbox: Sandbox) -> Account:
    """A fresh X replica account with all three boxes checked."""
    made = Account(f"x-{uuid.uuid4().hex[:10]}@example.com", f"pw-{uuid.uuid4().hex}")
    sandbox.add_account("x", made.account, made.password)
    return made


async def sign_in(page: Page, account: Account) -> None:
    """Go through the identifier and password steps, from the settings page's redirect."""
    await page.goto(URL)
    await expect(page).to_have_url(re.compile(r"/i/flow/login\?redirect_after_login="))
    await page.get_by_label("Phone, email, or username").fill(account.account)
    await page.get_by_role("button", name="Next", exact=True).click()
    await page.get_by_label("Password", exact=True).fill(account.password)
    await page.get_by_role("button", name="Log in", exact=True).click()
    await expect(page).to_have_url(URL)


@pytest.mark.parametrize("markup", ["described", "described-both", "labelled", "aria"])
async def test_each_flow_locator_matches_one_box_and_a_loose_one_matches_three(
    sandbox: Sandbox, sandbox_page: Page, x_account: Account, markup: str
) -> None:
    sandbox.set_fault("x", "markup", markup, account=x_account.account)
    page = sandbox_page
    await sign_in(page, x_account)
    await expect(page.get_by_text("Delete conversation history")).to_be_visible()
    for setting in FLOW.settings:
        await expect(setting.control.find(page)).to_have_count(1)
    loose = page.get_by_role("checkbox", name=re.compile("Grok")).or_(
        page.locator("xpath=//input[@type='checkbox'][id(@aria-describedby)[contains(., 'Grok')]]")
    )
    await expect(loose).to_have_count(3)


async def test_a_wrong_password_shows_x_s_toast_and_is_counted(
    sandbox: Sandbox, sandbox_page: Page, x_account: Account
) -> None:
    page = sandbox_page
    await page.goto("https://x.com/i/flow/login")
    await page.get_by_label("Phone, email, or username").fill(x_account.account)
    await page.get_by_role("button", name="Next", exact=True).click()
    await page.get_by_label("Password", exact=True).fill("wrong")
    await page.get_by_role("button", name="Log in", exact=True).click()
    await expect(page.get_by_role("alert")).to_have_text("Wrong password!")
    assert sandbox.password_submissions("x", x_account.account) == 1
