"""The Tumblr replica alone: log-in, the blog listing, and the per-blog toggles, in HTTP and Chromium."""

from __future__ import annotations

import re
import uuid
from urllib.parse import urlencode

import pytest
from playwright.async_api import Page, expect

from optout.sandbox import Sandbox

from .conftest import Account, Call

SITE = "tumblr"
FORM = {"Content-Type": "application/x-www-form-urlencoded"}
LABEL = "Prevent third-party sharing for driftwood-notes"


@pytest.fixture
def account(sandbox: Sandbox) -> Account:
    """A fresh Tumblr replica account with a primary and a side blog."""
    made = Account(f"m-{uuid.uuid4().hex[:10]}@example.com", f"pw-{uuid.uuid4().hex}")
    sandbox.add_account(SITE, made.account, made.password)
    return made


def test_log_in_then_the_api_lists_both_blogs(call: Call, account: Account, sandbox: Sandbox) -> None:
    assert call("GET", "api.tumblr.com", "/v2/user/info").status == 401
    wrong = call(
        "POST", "www.tumblr.com", "/login", urlencode({"email": account.account, "password": "x"}).encode(), FORM
    )
    assert "Your email or password were incorrect." in wrong.body.decode()
    body = urlencode({"email": account.account, "password": account.password}).encode()
    reply = call("POST", "www.tumblr.com", "/login", body, FORM)
    assert reply.status == 303
    cookie = reply.headers["Set-Cookie"]
    assert "Domain=tumblr.com" in cookie
    info = call("GET", "api.tumblr.com", "/v2/user/info", headers={"Cookie": cookie.split(";", 1)[0]}).json()
    blogs = info["response"]["user"]["blogs"]  # type: ignore[index]
    assert [(b["name"], b["primary"]) for b in blogs] == [("driftwood-notes", True), ("moth-archive", False)]
    assert sandbox.password_submissions(SITE, account.account) == 2


@pytest.mark.parametrize("fault", ["two-factor", "captcha"])
def test_a_check_after_the_password_is_counted_and_never_passed(
    call: Call, account: Account, sandbox: Sandbox, fault: str
) -> None:
    sandbox.set_fault(SITE, fault, account=account.account)
    body = urlencode({"email": account.account, "password": account.password}).encode()
    reply = call("POST", "www.tumblr.com", "/login", body, FORM)
    assert (reply.status, reply.headers["Location"]) == (303, f"/login/{fault}")
    pending = {"Cookie": reply.headers["Set-Cookie"].split(";", 1)[0], **FORM}
    again = call("POST", "www.tumblr.com", f"/login/{fault}", b"tfa_response_field=123456", pending)
    assert again.status == 200 and "Try again" in again.body.decode()
    assert sandbox.challenge_clicks(SITE, account.account) == 1


async def test_toggle_saves_at_once_and_reads_back(sandbox: Sandbox, sandbox_page: Page, account: Account) -> None:
    page = sandbox_page
    await page.goto("https://www.tumblr.com/settings/blog/driftwood-notes")
    await page.get_by_label("Email").fill(account.account)
    await page.get_by_label("Password").fill(account.password)
    await page.get_by_role("button", name="Log in", exact=True).click()
    toggle = page.get_by_role("switch", name=LABEL)
    await expect(toggle).to_have_attribute("aria-checked", "false")
    await expect(page.get_by_role("switch", name=re.compile("third-party"))).to_have_count(2)  # a look-alike
    async with page.expect_response(re.compile(r"/api/v2/blog/driftwood-notes/settings")):
        await toggle.click()
    await page.reload()
    await expect(toggle).to_have_attribute("aria-checked", "true")
    assert sandbox.get_setting(SITE, account.account, "driftwood-notes:prevent_third_party_sharing") is True
    assert sandbox.writes(SITE, account.account) == 1
    links = page.get_by_role("navigation", name="Settings").get_by_role("link")
    await expect(links.filter(has_text="moth-archive")).to_have_attribute("href", "/settings/blog/moth-archive")
