"""The engine on every control kind the reference lists, on small sandbox pages, in real Chromium."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.async_api import BrowserContext, Page

from optout.engine import AccountRun, Options
from optout.errors import NeedsYou
from optout.flow import Dropdown, Flow, LoginForm, Modal, RadioGroup, Setting, Switch, toggle
from optout.result import Result
from optout.sandbox import Sandbox

BASE = "https://controls.sandbox.test"
ACCOUNT = "-"
SETTINGS = {
    "native-switch": Setting(
        key="native-switch",
        label="Use my data for training",
        urls=(f"{BASE}/native-switch",),
        control=Switch(lambda page: page.get_by_role("switch", name="Use my data for training")),
        wanted=False,
    ),
    "aria-switch": Setting(
        key="aria-switch",
        label="Improve the model for everyone",
        urls=(f"{BASE}/aria-switch",),
        control=Switch(lambda page: page.get_by_role("switch", name="Improve the model for everyone")),
        wanted=False,
    ),
    "described-checkbox": Setting(
        key="described-checkbox",
        label="Allow your public data to be used for training",
        urls=(f"{BASE}/described-checkbox",),
        control=Switch(lambda page: page.locator('input[type="checkbox"][aria-describedby="CHECKBOX_1_LABEL"]')),
        wanted=False,
    ),
    "native-select": Setting(
        key="native-select",
        label="Allow GitHub to use my data for AI model training",
        urls=(f"{BASE}/native-select",),
        control=Dropdown(
            lambda page: page.get_by_label("Allow GitHub to use my data for AI model training"),
            options=("Enabled", "Disabled"),
        ),
        wanted="Disabled",
    ),
    "menu": Setting(
        key="menu",
        label="Allow GitHub to use my data for AI model training",
        urls=(f"{BASE}/menu",),
        control=Dropdown(lambda page: page.locator('button[aria-haspopup="true"]'), options=("Enabled", "Disabled")),
        wanted="Disabled",
    ),
    "radio": Setting(
        key="radio",
        label="Third-party AI and your stories",
        urls=(f"{BASE}/radio",),
        control=RadioGroup(
            lambda page: page.get_by_role("radiogroup", name="Third-party AI and your stories"),
            options=("Prioritize maximum reach", "Minimize third-party training"),
        ),
        wanted="Minimize third-party training",
    ),
    "modal": Setting(
        key="modal",
        label="Improve the model for everyone",
        urls=(f"{BASE}/modal",),
        modal=Modal(
            open=lambda page: page.get_by_role("button", name=re.compile(r"^Improve the model for everyone")),
            close=lambda page: page.get_by_role("dialog").get_by_role("button", name="Done"),
        ),
        control=Switch(
            lambda page: page.get_by_role("dialog").get_by_role("switch", name="Improve the model for everyone")
        ),
        wanted=False,
    ),
    "save-form": Setting(
        key="save-form",
        label="Prevent third-party sharing for My Site",
        urls=(f"{BASE}/save-form",),
        control=Switch(lambda page: page.get_by_label("Prevent third-party sharing for My Site")),
        save=lambda page: page.get_by_role("button", name="Save settings"),
        wanted=True,
    ),
    "unnamed-switch": Setting(
        key="unnamed-switch",
        label="Improve the Model",
        urls=(f"{BASE}/unnamed-switch",),
        control=Switch(toggle(re.compile(r"^\s*improve the model", re.I))),
        wanted=False,
    ),
    "wrapped-checkbox": Setting(
        key="wrapped-checkbox",
        label="Share my data with partners",
        urls=(f"{BASE}/wrapped-checkbox",),
        control=Switch(lambda page: page.get_by_role("checkbox", name="Share my data with partners")),
        wanted=False,
    ),
    "hidden-checkbox": Setting(
        key="hidden-checkbox",
        label="Allow training on my content",
        urls=(f"{BASE}/hidden-checkbox",),
        control=Switch(lambda page: page.locator("label", has_text="Allow training").locator("input")),
        wanted=False,
    ),
    "late-state": Setting(
        key="late-state",
        label="Use my data for training",
        urls=(f"{BASE}/late-state",),
        control=Switch(lambda page: page.get_by_role("switch", name="Use my data for training")),
        wanted=False,
    ),
}
BEFORE = {
    "native-switch": "on",
    "aria-switch": "on",
    "described-checkbox": "on",
    "native-select": "Enabled",
    "menu": "Enabled",
    "radio": "Prioritize maximum reach",
    "modal": "on",
    "save-form": "off",
    "unnamed-switch": "on",
    "wrapped-checkbox": "on",
    "hidden-checkbox": "on",
    "late-state": "on",
}


class Controls(Flow):
    """The sandbox's control-kind pages as a flow (no login)."""

    id = "controls"
    title = "Controls"
    home = BASE
    domains = ("controls.sandbox.test",)
    login = None
    settings = tuple(SETTINGS.values())


@pytest.fixture(autouse=True)
def fresh(sandbox: Sandbox) -> Iterator[None]:
    """Every test starts from the pages' defaults, without faults."""
    sandbox.reset("controls")
    yield
    sandbox.reset("controls")


async def handle(page: Page, context: BrowserContext, setting: Setting, mode: str) -> Result:
    """Run the engine's per-setting step, as `optout apply` does for each setting."""
    run = AccountRun(Controls, ACCOUNT, page, context, Options(mode=mode, step_timeout_ms=10_000))  # type: ignore[arg-type]
    return await run.handle(setting)


def stored(sandbox: Sandbox, key: str) -> object:
    """What the server holds for a control page."""
    return sandbox.get_setting("controls", ACCOUNT, key)


@pytest.mark.parametrize("key", list(SETTINGS))
async def test_dry_run_reads_without_writing(page: Page, context: BrowserContext, sandbox: Sandbox, key: str) -> None:
    setting = SETTINGS[key]
    result = await handle(page, context, setting, "dry-run")
    assert (result.before, result.action, result.status) == (BEFORE[key], "would-change", "not-off")
    assert sandbox.writes("controls", ACCOUNT) == 0
    assert stored(sandbox, key) != setting.wanted


@pytest.mark.parametrize("key", list(SETTINGS))
async def test_apply_sets_and_reads_back_then_is_idempotent(
    page: Page, context: BrowserContext, sandbox: Sandbox, key: str
) -> None:
    setting = SETTINGS[key]
    result = await handle(page, context, setting, "apply")
    assert (result.before, result.after) == (BEFORE[key], setting.wanted_text())
    assert (result.action, result.status) == ("changed", "ok")
    assert stored(sandbox, key) == setting.wanted
    writes = sandbox.writes("controls", ACCOUNT)
    again = await handle(page, context, setting, "apply")
    assert (again.action, again.status) == ("unchanged", "ok")
    assert sandbox.writes("controls", ACCOUNT) == writes


async def test_bystander_checkboxes_are_left_alone(page: Page, context: BrowserContext, sandbox: Sandbox) -> None:
    await handle(page, context, SETTINGS["described-checkbox"], "apply")
    assert stored(sandbox, "described-checkbox-2") is False
    assert stored(sandbox, "described-checkbox-3") is False


@pytest.mark.parametrize(("fault", "status"), [("no-persist", "not-off"), ("save-500", "unavailable")])
@pytest.mark.parametrize("key", ["native-switch", "menu", "modal", "save-form"])
async def test_a_change_that_does_not_stick_is_never_ok(
    page: Page, context: BrowserContext, sandbox: Sandbox, key: str, fault: str, status: str
) -> None:
    sandbox.set_fault("controls", fault)
    result = await handle(page, context, SETTINGS[key], "apply")
    assert result.status == status
    assert result.after == BEFORE[key]
    assert sandbox.writes("controls", ACCOUNT) >= 1


async def test_ambiguous_control_is_site_changed_and_untouched(
    page: Page, context: BrowserContext, sandbox: Sandbox
) -> None:
    every_checkbox = Setting(
        key="any",
        label="any checkbox",
        urls=(f"{BASE}/described-checkbox",),
        control=Switch(lambda page: page.locator('input[type="checkbox"]')),
        wanted=False,
    )
    result = await handle(page, context, every_checkbox, "apply")
    assert result.status == "site-changed"
    assert "matches 3" in result.message
    assert sandbox.writes("controls", ACCOUNT) == 0


async def test_positive_word_that_the_setting_is_not_offered_is_absent(page: Page, context: BrowserContext) -> None:
    missing = Setting(
        key="absent",
        label="Use my data for training",
        urls=(f"{BASE}/absent",),
        control=Switch(lambda page: page.get_by_role("switch", name="Use my data for training")),
        absent=lambda page: page.get_by_text(re.compile(r"isn.t available for your account")),
        wanted=False,
    )
    result = await handle(page, context, missing, "apply")
    assert (result.status, result.before, result.after) == ("absent", None, None)


async def test_missing_control_without_that_word_is_site_changed(page: Page, context: BrowserContext) -> None:
    gone = Setting(
        key="gone",
        label="Use my data for training",
        urls=(f"{BASE}/absent",),
        control=Switch(lambda page: page.get_by_role("switch", name="Use my data for training")),
        wanted=False,
    )
    run = AccountRun(Controls, ACCOUNT, page, context, Options(mode="apply", step_timeout_ms=2_000))
    result = await run.handle(gone)
    assert result.status == "site-changed"
    assert result.before is None


async def test_the_unnamed_neighbour_switch_is_left_alone(
    page: Page, context: BrowserContext, sandbox: Sandbox
) -> None:
    await handle(page, context, SETTINGS["unnamed-switch"], "apply")
    assert stored(sandbox, "unnamed-switch") is False
    assert stored(sandbox, "unnamed-switch-2") is True


async def test_a_switch_whose_two_states_disagree_is_never_read_or_clicked(
    page: Page, context: BrowserContext, sandbox: Sandbox
) -> None:
    stale = Setting(
        key="stale-aria",
        label="Use my data for training",
        urls=(f"{BASE}/stale-aria",),
        control=Switch(lambda page: page.get_by_role("switch", name="Use my data for training")),
        wanted=False,
    )
    result = await handle(page, context, stale, "apply")
    assert (result.status, result.before) == ("site-changed", None)
    assert sandbox.writes("controls", ACCOUNT) == 0
    assert stored(sandbox, "stale-aria") is True


class GuestPages(Controls):
    """A passwordless platform whose pages show guests a switch too, and a "Log in" button."""

    password_login = False
    login = LoginForm(
        url=f"{BASE}/guest",
        origins=frozenset({BASE}),
        identifier=lambda page: page.locator('input[type="email"]'),
        submit=lambda page: page.get_by_role("button", name="Continue"),
        signed_out_marker=lambda page: page.get_by_role("button", name="Log in"),
    )


async def test_a_guest_page_is_signed_out_not_the_accounts_setting(
    page: Page, context: BrowserContext, sandbox: Sandbox
) -> None:
    guest = Setting(
        key="guest",
        label="Improve the model for everyone",
        urls=(f"{BASE}/guest",),
        control=Switch(lambda page: page.get_by_role("switch", name="Improve the model for everyone")),
        wanted=False,
    )
    run = AccountRun(GuestPages, ACCOUNT, page, context, Options(mode="apply", step_timeout_ms=10_000))
    with pytest.raises(NeedsYou, match="optout login controls --headed"):
        await run.handle(guest)
    assert sandbox.writes("controls", ACCOUNT) == 0
    assert stored(sandbox, "guest") is True
