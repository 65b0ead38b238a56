"""Fixtures for the sandbox's own tests: Chromium wired to the sandbox, HTTPS calls, fresh accounts."""

from __future__ import annotations

import http.client
import json
import os
import ssl
import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass

import pytest
import pytest_asyncio
from playwright.async_api import Browser, Page, async_playwright

from optout.sandbox import Sandbox

CHROMIUM = os.environ.get("OPTOUT_CHROMIUM", "/usr/bin/chromium")


def chromium_args(sandbox: Sandbox) -> list[str]:
    """The flags that send every host name to the sandbox and trust only its certificate."""
    return [
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-sync",
        f"--host-resolver-rules=MAP * 127.0.0.1:{sandbox.port}",
        f"--ignore-certificate-errors-spki-list={sandbox.pin}",
    ]


@pytest_asyncio.fixture(scope="session", loop_scope="session")
async def sandbox_browser(sandbox: Sandbox) -> AsyncIterator[Browser]:
    """One headless Chromium for the session, mapped onto the sandbox."""
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=chromium_args(sandbox))
        yield browser
        await browser.close()


@pytest_asyncio.fixture(loop_scope="session")
async def sandbox_page(sandbox_browser: Browser) -> AsyncIterator[Page]:
    """A page in a fresh browser context (no cookies)."""
    context = await sandbox_browser.new_context()
    page = await context.new_page()
    yield page
    await context.close()


@pytest.fixture(autouse=True)
def fresh_sites(sandbox: Sandbox) -> Iterator[None]:
    """Every test starts with no faults and the control pages at their defaults."""
    sandbox.clear_faults()
    sandbox.reset("controls")
    yield
    sandbox.clear_faults()


@dataclass
class Account:
    """A replica account made for one test."""

    account: str
    password: str


@pytest.fixture
def linkedin_account(sandbox: Sandbox) -> Account:
    """A fresh LinkedIn replica account with every switch on."""
    made = Account(f"m-{uuid.uuid4().hex[:10]}@example.com", f"pw-{uuid.uuid4().hex}")
    sandbox.add_account("linkedin", made.account, made.password)
    return made


@dataclass
class Reply:
    """An HTTP answer."""

    status: int
    headers: http.client.HTTPMessage
    body: bytes

    def json(self) -> object:
        """The body as JSON."""
        return json.loads(self.body)


Call = Callable[..., Reply]


def https_call(
    sandbox: Sandbox, method: str, host: str, path: str, body: object = None, headers: dict[str, str] | None = None
) -> Reply:
    """One HTTPS request to the sandbox with the given Host header (JSON body when given a dict)."""
    context = ssl.create_default_context(cafile=sandbox.cert_path)
    connection = http.client.HTTPSConnection("127.0.0.1", sandbox.port, context=context, timeout=30)
    data: bytes | None = (
        json.dumps(body).encode() if isinstance(body, dict) else (body if isinstance(body, bytes) else None)
    )
    try:
        connection.request(method, path, body=data, headers={"Host": host, **(headers or {})})
        response = connection.getresponse()
        return Reply(response.status, response.headers, response.read())
    finally:
        connection.close()


@pytest.fixture
def call(sandbox: Sandbox) -> Call:
    """`call(method, host, path, body=None, headers=None)` against the session's sandbox."""

    def run(method: str, host: str, path: str, body: object = None, headers: dict[str, str] | None = None) -> Reply:
        return https_call(sandbox, method, host, path, body, headers)

    return run
