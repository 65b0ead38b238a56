"""Engine tests drive real Chromium (pytest-playwright-asyncio's fixtures) against the sandbox."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.async_api import Playwright

from optout.browser import QUIET_ARGS, find_chromium, probe_sandbox
from optout.sandbox import Sandbox


@pytest.fixture(scope="session")
def browser_type_launch_args(
    browser_type_launch_args: dict[str, Any], playwright: Playwright, sandbox: Sandbox
) -> dict[str, Any]:
    """The browser optout itself would pick, wired to the sandbox exactly as optout wires it."""
    target = probe_sandbox(sandbox.url)
    return {
        **browser_type_launch_args,
        "executable_path": find_chromium(playwright),
        "args": [*QUIET_ARGS, *target.chromium_args()],
    }
