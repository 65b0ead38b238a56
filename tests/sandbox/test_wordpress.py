"""The WordPress.com replica alone: log-in endpoint, REST listing, per-site settings, in HTTP and Chromium."""

from __future__ import annotations

import uuid
from urllib.parse import urlencode

import pytest
from playwright.async_api import Page, expect

from optout.sandbox import Sandbox

from .conftest import Account, Call

SITE = "wordpress"
API = "public-api.wordpress.com"
FORM = {"Content-Type": "application/x-www-form-urlencoded"}
CHECKBOX = "#wpcom_site_visibility_data_sharing_opt_out"


@pytest.fixture
def account(sandbox: Sandbox) -> Account:
    """A fresh WordPress.com replica account with all seven sites."""
    made = Account(f"m-{uuid.uuid4().hex[:10]}@example.com", f"pw-{uuid.uuid4().hex}")
    sandbox.add_account(SITE, made.account, made.password)
    return made


def log_in(call: Call, account: Account) -> str:
    """Log in through the XHR endpoint; return the Cookie header for the session."""
    body = urlencode({"username": account.account, "password": account.password}).encode()
    reply = call("POST", "wordpress.com", "/wp-login.php?action=login-endpoint", body, FORM)
    assert reply.status == 200 and reply.json()["success"] is True  # type: ignore[index]
    cookie = reply.headers["Set-Cookie"]
    assert "Domain=wordpress.com" in cookie  # so public-api.wordpress.com receives it too
    return cookie.split(";", 1)[0]


def test_the_listing_needs_a_session_and_describes_every_site(call: Call, account: Account) -> None:
    refused = call("GET", API, "/rest/v1.1/me/sites")
    assert (refused.status, refused.json()["error"]) == (403, "authorization_required")  # type: ignore[index]
    cookie = log_in(call, account)
    sites = call("GET", API, "/rest/v1.2/me/sites", headers={"Cookie": cookie}).json()["sites"]  # type: ignore[index]
    assert len(sites) == 7
    assert {"ID", "name", "URL", "is_private", "jetpack", "capabilities"} <= set(sites[0])
    assert [s["URL"] for s in sites if s["is_private"]] == ["https://mydiary.wordpress.com"]


def test_wrong_password_and_save_faults(call: Call, account: Account, sandbox: Sandbox) -> None:
    body = urlencode({"username": account.account, "password": "nope"}).encode()
    wrong = call("POST", "wordpress.com", "/wp-login.php?action=login-endpoint", body, FORM)
    assert wrong.status == 400 and "not the right password" in wrong.body.decode()
    cookie = {"Cookie": log_in(call, account), **FORM}
    assert sandbox.password_submissions(SITE, account.account) == 2
    save = urlencode({"blog_public": "public", "wpcom_data_sharing_opt_out": "true"}).encode()
    sandbox.set_fault(SITE, "save-500", account=account.account)
    assert call("POST", API, "/rest/v1.4/sites/1103/settings", save, cookie).status == 500
    sandbox.set_fault(SITE, "save-500", False, account=account.account)
    reply = call("POST", API, "/rest/v1.4/sites/1103/settings", save, cookie)
    assert reply.status == 200 and reply.headers["Access-Control-Allow-Origin"] == "https://wordpress.com"
    assert sandbox.get_setting(SITE, account.account, "quietmornings.wordpress.com:opt_out") is True
    assert sandbox.writes(SITE, account.account) == 2
    assert call("GET", API, "/rest/v1.4/sites/1107/settings", headers=cookie).status == 403  # not managed


async def log_in_with_browser(page: Page, account: Account, start: str) -> None:
    """The two-step Calypso form in Chromium."""
    await page.goto(start)
    await page.get_by_label("Email address or username").fill(account.account)
    await expect(page.get_by_label("Password")).to_be_hidden()
    await page.get_by_role("button", name="Continue", exact=True).click()
    await page.get_by_label("Password").fill(account.password)
    await page.get_by_role("button", name="Log In", exact=True).click()
    await page.wait_for_url(start)


async def test_checkbox_states_per_site(sandbox: Sandbox, sandbox_page: Page, account: Account) -> None:
    page = sandbox_page
    await log_in_with_browser(page, account, "https://wordpress.com/settings/general/hushnotes.wordpress.com")
    box = page.locator(CHECKBOX)
    await expect(box).to_be_checked()
    await expect(box).to_be_disabled()  # search engines discouraged
    await page.goto("https://wordpress.com/settings/general/mydiary.wordpress.com")
    await expect(page.get_by_role("radio", name="Private")).to_be_checked()
    await expect(box).to_be_hidden()  # in the page, but not shown: Private site
    await page.goto("https://wordpress.com/settings/general/quietmornings.wordpress.com")
    await expect(page.get_by_role("checkbox", name="Prevent third-party sharing for quietmornings")).not_to_be_checked()
    await expect(page.get_by_role("button", name="Save settings")).to_have_count(2)  # one per card
    await box.check()
    await box.locator("xpath=ancestor::form").get_by_role("button", name="Save settings").click()
    await expect(page.get_by_text("Settings saved successfully!")).to_be_visible()
    await page.reload()
    await expect(box).to_be_checked()
    assert sandbox.get_setting(SITE, account.account, "quietmornings.wordpress.com:opt_out") is True
