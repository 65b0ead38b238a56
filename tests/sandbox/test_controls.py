"""Each control-kind page in real Chromium: change it, reload, read it back, and check the server agrees."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable

import pytest
from playwright.async_api import Locator, Page, expect

from optout.sandbox import Sandbox

ORIGIN = "https://controls.sandbox.test"
SAVE = re.compile(r"/api/state/")
GITHUB = "Allow GitHub to use my data for AI model training"


async def saving(page: Page, action: Awaitable[object]) -> None:
    """Run `action` and wait for the save request it causes to be answered."""
    async with page.expect_response(lambda r: r.request.method == "POST" and SAVE.search(r.url) is not None):
        await action


async def loaded(page: Page, path: str) -> None:
    """Open a control page and wait until its state has been rendered."""
    await page.goto(ORIGIN + path)
    await expect(page.locator("#control-root")).to_have_attribute("aria-busy", "false")


def native_switch(page: Page) -> Locator:
    return page.get_by_role("switch", name="Use my data for training")


def aria_switch(page: Page) -> Locator:
    return page.get_by_role("switch", name="Improve the model for everyone")


def described(page: Page, number: int) -> Locator:
    return page.locator(f'input[type="checkbox"][aria-describedby="CHECKBOX_{number}_LABEL"]')


def menu_button(page: Page) -> Locator:
    return page.locator("#training-menu-button")


Step = Callable[[Page], Awaitable[None]]


async def change_native_switch(page: Page) -> None:
    await expect(native_switch(page)).to_be_checked()
    await saving(page, native_switch(page).click())


async def check_native_switch(page: Page) -> None:
    await expect(native_switch(page)).not_to_be_checked()
    await expect(native_switch(page)).to_have_attribute("aria-checked", "false")


async def change_aria_switch(page: Page) -> None:
    await expect(aria_switch(page)).to_have_attribute("aria-checked", "true")
    await saving(page, aria_switch(page).click())


async def check_aria_switch(page: Page) -> None:
    await expect(aria_switch(page)).to_have_attribute("aria-checked", "false")


async def change_described(page: Page) -> None:
    await expect(described(page, 1)).to_be_checked()
    await saving(page, described(page, 1).uncheck())


async def check_described(page: Page) -> None:
    await expect(described(page, 1)).not_to_be_checked()
    await expect(described(page, 2)).not_to_be_checked()
    await expect(described(page, 3)).not_to_be_checked()
    await expect(page.locator("#CHECKBOX_1_LABEL")).to_contain_text("to be used for training and fine-tuning")


async def change_select(page: Page) -> None:
    await expect(page.get_by_label(GITHUB)).to_have_value("Enabled")
    await saving(page, page.get_by_label(GITHUB).select_option("Disabled"))


async def check_select(page: Page) -> None:
    await expect(page.get_by_label(GITHUB)).to_have_value("Disabled")


async def change_menu(page: Page) -> None:
    await expect(page.get_by_text(GITHUB)).to_be_visible()
    button = menu_button(page)
    await expect(button).to_have_text("Enabled")
    await button.click()
    await expect(button).to_have_attribute("aria-expanded", "true")
    menu = page.get_by_role("menu")
    await expect(menu.get_by_role("menuitemradio", name="Enabled")).to_have_attribute("aria-checked", "true")
    await saving(page, menu.get_by_role("menuitemradio", name="Disabled").click())
    await expect(menu).to_be_hidden()
    await expect(button).to_have_text("Disabled")


async def check_menu(page: Page) -> None:
    await expect(menu_button(page)).to_have_text("Disabled")
    await expect(menu_button(page)).to_have_attribute("aria-expanded", "false")


async def change_radio(page: Page) -> None:
    group = page.get_by_role("radiogroup", name="Third-party AI and your stories")
    await expect(group.get_by_role("radio", name="Prioritize maximum reach")).to_be_checked()
    await saving(page, group.get_by_role("radio", name="Minimize third-party training").check())


async def check_radio(page: Page) -> None:
    await expect(page.get_by_role("radio", name="Minimize third-party training")).to_be_checked()
    await expect(page.get_by_role("radio", name="Prioritize maximum reach")).not_to_be_checked()


async def change_modal(page: Page) -> None:
    row = page.get_by_role("button", name="Improve the model for everyone On")
    await row.click()
    dialog = page.get_by_role("dialog", name="Improve the model for everyone")
    toggle = dialog.get_by_role("switch", name="Improve the model for everyone")
    await expect(toggle).to_have_attribute("aria-checked", "true")
    await toggle.click()
    await expect(toggle).to_have_attribute("aria-checked", "false")
    await saving(page, dialog.get_by_role("button", name="Done").click())
    await expect(dialog).to_be_hidden()


async def check_modal(page: Page) -> None:
    await expect(page.get_by_role("button", name="Improve the model for everyone Off")).to_be_visible()


async def change_save_form(page: Page) -> None:
    box = page.get_by_label("Prevent third-party sharing for My Site")
    await expect(box).not_to_be_checked()
    await box.check()
    await page.get_by_role("button", name="Save settings").click()
    await expect(page).to_have_url(ORIGIN + "/save-form?updated=1")


async def check_save_form(page: Page) -> None:
    await expect(page.get_by_label("Prevent third-party sharing for My Site")).to_be_checked()


CASES: list[tuple[str, Step, Step, object]] = [
    ("native-switch", change_native_switch, check_native_switch, False),
    ("aria-switch", change_aria_switch, check_aria_switch, False),
    ("described-checkbox", change_described, check_described, False),
    ("native-select", change_select, check_select, "Disabled"),
    ("menu", change_menu, check_menu, "Disabled"),
    ("radio", change_radio, check_radio, "Minimize third-party training"),
    ("modal", change_modal, check_modal, False),
    ("save-form", change_save_form, check_save_form, True),
]


@pytest.mark.parametrize(("key", "change", "check", "wanted"), CASES, ids=[c[0] for c in CASES])
async def test_control_round_trips_through_a_reload(
    sandbox: Sandbox, sandbox_page: Page, key: str, change: Step, check: Step, wanted: object
) -> None:
    page = sandbox_page
    await loaded(page, f"/{key}")
    await change(page)
    await page.reload()
    await expect(page.locator("#control-root")).to_have_attribute("aria-busy", "false")
    await check(page)
    assert sandbox.get_setting("controls", "-", key) == wanted
    assert sandbox.writes("controls", "-") == 1


async def test_modal_without_done_changes_nothing(sandbox: Sandbox, sandbox_page: Page) -> None:
    page = sandbox_page
    await loaded(page, "/modal")
    await page.get_by_role("button", name="Improve the model for everyone On").click()
    dialog = page.get_by_role("dialog")
    await dialog.get_by_role("switch").click()
    await page.keyboard.press("Escape")
    await expect(dialog).to_be_hidden()
    await page.reload()
    await expect(page.get_by_role("button", name="Improve the model for everyone On")).to_be_visible()
    assert sandbox.get_setting("controls", "-", "modal") is True
    assert sandbox.writes("controls", "-") == 0


async def test_no_persist_on_a_control_page(sandbox: Sandbox, sandbox_page: Page) -> None:
    page = sandbox_page
    sandbox.set_fault("controls", "no-persist")
    await loaded(page, "/native-switch")
    await saving(page, native_switch(page).click())
    await expect(native_switch(page)).to_have_attribute("aria-checked", "false")
    await page.reload()
    await expect(native_switch(page)).to_be_checked()
    assert sandbox.get_setting("controls", "-", "native-switch") is True


async def test_save_500_on_a_control_page(sandbox: Sandbox, sandbox_page: Page) -> None:
    page = sandbox_page
    sandbox.set_fault("controls", "save-500")
    await loaded(page, "/native-select")
    await saving(page, page.get_by_label(GITHUB).select_option("Disabled"))
    await expect(page.get_by_role("alert")).to_have_text("Something went wrong. Please try again.")
    await expect(page.get_by_label(GITHUB)).to_have_value("Enabled")
    assert sandbox.get_setting("controls", "-", "native-select") == "Enabled"
    assert sandbox.writes("controls", "-") == 1


async def test_save_500_on_the_save_form(sandbox: Sandbox, sandbox_page: Page) -> None:
    page = sandbox_page
    sandbox.set_fault("controls", "save-500")
    await loaded(page, "/save-form")
    await page.get_by_label("Prevent third-party sharing for My Site").check()
    async with page.expect_response(lambda r: r.request.method == "POST") as answer:
        await page.get_by_role("button", name="Save settings").click()
    assert (await answer.value).status == 500
    assert sandbox.get_setting("controls", "-", "save-form") is False


async def test_absent_page_has_no_control(sandbox_page: Page) -> None:
    page = sandbox_page
    await page.goto(ORIGIN + "/absent")
    await expect(page.get_by_text("This setting isn't available for your account.")).to_be_visible()
    for role in ("switch", "checkbox", "combobox", "radio"):
        await expect(page.get_by_role(role)).to_have_count(0)  # type: ignore[arg-type]
