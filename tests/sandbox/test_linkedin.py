"""The LinkedIn replica in real Chromium: sign-in, the AI switch round trip, and each fault."""

from __future__ import annotations

import re
import uuid

from playwright.async_api import Page, expect

from optout.sandbox import Sandbox

from .conftest import Account

SITE = "linkedin"
AI_KEY = "allowDataForGenerativeAI"
AI_URL = "https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement"
AI_LABEL = "Use my data for training content creation AI models"
SAVE = re.compile(r"/mypreferences/d/api/settings/")


async def sign_in(page: Page, account: Account, start: str = AI_URL) -> None:
    """Open `start`, get sent to the sign-in form, and submit it."""
    await page.goto(start)
    await expect(page.get_by_role("heading", name="Sign in", exact=True)).to_be_visible()
    await page.get_by_label("Email or phone").fill(account.account)
    await page.get_by_label("Password").fill(account.password)
    await page.get_by_role("button", name="Sign in", exact=True).click()


async def test_sign_in_switch_off_and_read_back(
    sandbox: Sandbox, sandbox_page: Page, linkedin_account: Account
) -> None:
    page = sandbox_page
    await sign_in(page, linkedin_account)
    await expect(page).to_have_url(AI_URL)
    assert "liap" in {c["name"] for c in await page.context.cookies()}
    await expect(page.get_by_role("heading", name="Data for Generative AI Improvement")).to_be_visible()
    switch = page.locator('input[role="switch"][aria-labelledby="allowDataForGenerativeAI"]')
    await expect(switch).to_have_attribute("aria-checked", "true")  # rendered only after the state loaded
    await expect(switch).to_be_checked()
    await expect(page.locator("#setting-root")).to_have_attribute("aria-busy", "false")
    await expect(page.get_by_text("When this setting is on, LinkedIn can use your data")).to_be_visible()
    async with page.expect_response(SAVE):
        await switch.click()
    await expect(switch).to_have_attribute("aria-checked", "false")
    await page.reload()
    await expect(switch).to_have_attribute("aria-checked", "false")
    await expect(switch).not_to_be_checked()
    assert sandbox.get_setting(SITE, linkedin_account.account, AI_KEY) is False
    assert sandbox.writes(SITE, linkedin_account.account) == 1
    assert sandbox.password_submissions(SITE, linkedin_account.account) == 1


async def test_feed_leads_to_the_data_privacy_rows(sandbox_page: Page, linkedin_account: Account) -> None:
    page = sandbox_page
    await sign_in(page, linkedin_account, "https://www.linkedin.com/login")
    await expect(page).to_have_url("https://www.linkedin.com/feed/")
    await expect(page.get_by_role("heading", name="Home")).to_be_visible()
    await page.get_by_role("link", name="Settings & Privacy").click()
    await page.get_by_role("link", name="Data privacy").click()
    await expect(page.get_by_role("heading", name="How LinkedIn uses your data")).to_be_visible()
    await page.get_by_role("link", name="Social, economic and workplace research").click()
    research = page.get_by_role("switch", name="Make my data available for social, economic and workplace research")
    await expect(research).to_have_attribute("aria-checked", "true")
    await page.go_back()
    await page.get_by_role("link", name="Data for Generative AI Improvement").click()
    await expect(page).to_have_url(AI_URL)


async def test_wrong_password_shows_the_error(sandbox: Sandbox, sandbox_page: Page, linkedin_account: Account) -> None:
    page = sandbox_page
    await sign_in(page, Account(linkedin_account.account, "not-the-password"))
    await expect(page.get_by_role("alert")).to_have_text("Wrong email or password. Try again or create an account.")
    assert sandbox.password_submissions(SITE, linkedin_account.account) == 1


async def test_no_persist_updates_the_page_but_not_the_server(
    sandbox: Sandbox, sandbox_page: Page, linkedin_account: Account
) -> None:
    page = sandbox_page
    sandbox.set_fault(SITE, "no-persist", account=linkedin_account.account)
    await sign_in(page, linkedin_account)
    switch = page.get_by_role("switch", name=AI_LABEL)
    await expect(switch).to_have_attribute("aria-checked", "true")
    async with page.expect_response(SAVE):
        await switch.click()
    await expect(switch).to_have_attribute("aria-checked", "false")
    await page.reload()
    await expect(switch).to_have_attribute("aria-checked", "true")
    assert sandbox.get_setting(SITE, linkedin_account.account, AI_KEY) is True
    assert sandbox.writes(SITE, linkedin_account.account) == 1


async def test_save_500_reverts_the_switch_and_shows_a_toast(
    sandbox: Sandbox, sandbox_page: Page, linkedin_account: Account
) -> None:
    page = sandbox_page
    sandbox.set_fault(SITE, "save-500")
    await sign_in(page, linkedin_account)
    switch = page.get_by_role("switch", name=AI_LABEL)
    await expect(switch).to_have_attribute("aria-checked", "true")
    async with page.expect_response(SAVE) as saved:
        await switch.click()
    assert (await saved.value).status == 500
    await expect(page.get_by_role("alert")).to_have_text("Something went wrong. Please try again.")
    await expect(switch).to_be_checked()
    await expect(switch).to_have_attribute("aria-checked", "true")
    assert sandbox.get_setting(SITE, linkedin_account.account, AI_KEY) is True
    assert sandbox.writes(SITE, linkedin_account.account) == 1


async def test_checkpoint_leads_to_the_challenge_page(
    sandbox: Sandbox, sandbox_page: Page, linkedin_account: Account
) -> None:
    page = sandbox_page
    sandbox.set_fault(SITE, "checkpoint", account=linkedin_account.account)
    await sign_in(page, linkedin_account)
    await expect(page).to_have_url(re.compile(r"^https://www\.linkedin\.com/checkpoint/challenge/AgF[^?]+\?ut="))
    await expect(page.get_by_role("heading", name="Let's do a quick security check")).to_be_visible()
    await expect(page.get_by_text("Help us confirm it's you")).to_be_visible()
    await expect(page.get_by_role("button", name="Start puzzle")).to_be_visible()
    assert "li_at" not in {c["name"] for c in await page.context.cookies()}
    assert sandbox.challenge_clicks(SITE, linkedin_account.account) == 0


async def test_restricted_account_page(sandbox: Sandbox, sandbox_page: Page, linkedin_account: Account) -> None:
    page = sandbox_page
    sandbox.set_fault(SITE, "restricted", account=linkedin_account.account)
    await sign_in(page, linkedin_account)
    await expect(page.get_by_role("heading", name="Your account has been temporarily restricted")).to_be_visible()
    await page.get_by_role("button", name="Next").click()
    await expect(page.get_by_role("heading", name="Your account has been temporarily restricted")).to_be_visible()
    assert sandbox.challenge_clicks(SITE, linkedin_account.account) == 1


async def test_expired_session_asks_for_one_fresh_sign_in(
    sandbox: Sandbox, sandbox_page: Page, linkedin_account: Account
) -> None:
    page = sandbox_page
    await sign_in(page, linkedin_account)
    await expect(page.get_by_role("switch", name=AI_LABEL)).to_be_visible()
    sandbox.set_fault(SITE, "expired-session", account=linkedin_account.account)
    await page.goto(AI_URL)
    await expect(page).to_have_url(re.compile(r"/login\?session_redirect=%2Fmypreferences"))
    await sign_in(page, linkedin_account)
    await expect(page.get_by_role("switch", name=AI_LABEL)).to_have_attribute("aria-checked", "true")
    assert sandbox.password_submissions(SITE, linkedin_account.account) == 2


async def test_authwall_variant(sandbox: Sandbox, sandbox_page: Page, linkedin_account: Account) -> None:
    page = sandbox_page
    sandbox.set_fault(SITE, "authwall")
    await page.goto(AI_URL)
    await expect(page).to_have_url(re.compile(r"^https://www\.linkedin\.com/authwall\?.*sessionRedirect="))
    await expect(page.get_by_role("heading", name="Join LinkedIn")).to_be_visible()
    await page.get_by_role("link", name="Sign in", exact=True).click()
    await page.get_by_label("Email or phone").fill(linkedin_account.account)
    await page.get_by_label("Password").fill(linkedin_account.password)
    await page.get_by_role("button", name="Sign in", exact=True).click()
    await expect(page).to_have_url(AI_URL)


async def test_lookalike_login_records_what_is_typed(sandbox: Sandbox, sandbox_page: Page) -> None:
    page = sandbox_page
    canary = f"canary-{uuid.uuid4().hex}"
    sandbox.set_fault(SITE, "lookalike-login")
    await page.goto("https://www.linkedin.com/login")
    await expect(page).to_have_url("https://www.linkedln.com/login")
    await expect(page).to_have_title("LinkedIn Login, Sign in | LinkedIn")
    async with page.expect_response(re.compile(r"/li/track$")):
        await page.get_by_label("Password").fill(canary)
    assert canary in sandbox.lookalike_received()


async def test_absent_setting(sandbox: Sandbox, sandbox_page: Page, linkedin_account: Account) -> None:
    page = sandbox_page
    sandbox.set_fault(SITE, "absent", account=linkedin_account.account)
    await sign_in(page, linkedin_account)
    await expect(page.get_by_text("This setting isn't available for your account.")).to_be_visible()
    await expect(page.get_by_role("switch")).to_have_count(0)


async def test_label_changed(sandbox: Sandbox, sandbox_page: Page, linkedin_account: Account) -> None:
    page = sandbox_page
    sandbox.set_fault(SITE, "label-changed", account=linkedin_account.account)
    await sign_in(page, linkedin_account)
    renamed = page.get_by_role("switch", name="Use my data to improve AI features")
    await expect(renamed).to_have_attribute("aria-labelledby", "allowDataForAIFeatures")
    await expect(page.get_by_role("switch", name=AI_LABEL)).to_have_count(0)


async def test_cookie_banner_covers_the_page_until_dismissed(
    sandbox: Sandbox, sandbox_page: Page, linkedin_account: Account
) -> None:
    page = sandbox_page
    sandbox.set_fault(SITE, "cookie-banner")
    await page.goto(AI_URL)
    banner = page.get_by_role("dialog", name="Cookie consent")
    await expect(banner).to_be_visible()
    covered = await page.get_by_role("button", name="Sign in", exact=True).evaluate(
        """(button) => {
             const box = button.getBoundingClientRect();
             const top = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
             return document.getElementById("cookie-banner").contains(top);
           }"""
    )
    assert covered
    await banner.get_by_role("button", name="Reject").click()
    await expect(banner).to_have_count(0)
    await sign_in(page, linkedin_account)
    await expect(page.get_by_role("switch", name=AI_LABEL)).to_be_visible()
    await expect(banner).to_have_count(0)
    assert "li_gc" in {c["name"] for c in await page.context.cookies()}


async def test_slow_fault_still_renders(sandbox: Sandbox, sandbox_page: Page, linkedin_account: Account) -> None:
    page = sandbox_page
    sandbox.set_fault(SITE, "slow", 0.3, account=linkedin_account.account)
    await sign_in(page, linkedin_account)
    await expect(page.get_by_role("switch", name=AI_LABEL)).to_have_attribute("aria-checked", "true")


async def test_settings_api_refuses_a_post_without_the_csrf_header(
    sandbox: Sandbox, sandbox_page: Page, linkedin_account: Account
) -> None:
    page = sandbox_page
    await sign_in(page, linkedin_account)
    await expect(page.get_by_role("switch", name=AI_LABEL)).to_be_visible()
    status = await page.evaluate(
        """() => fetch("/mypreferences/d/api/settings/data-for-ai-improvement", {method: "POST",
             headers: {"content-type": "application/json"}, body: JSON.stringify({value: false})})
             .then((r) => r.status)"""
    )
    assert status == 403
    assert sandbox.get_setting(SITE, linkedin_account.account, AI_KEY) is True
