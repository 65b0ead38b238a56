"""Reading and setting each control kind: switches, dropdowns (select or menu), radio groups."""

from __future__ import annotations

import re
from typing import Literal

from playwright.async_api import Error as PlaywrightError
from playwright.async_api import Locator, Page

from optout.flow import Control, Dropdown, RadioGroup, Stepwise, Switch

State = bool | str

# Native inputs report `.checked`; ARIA widgets `aria-checked`; toggle buttons `aria-pressed`.
# A native checkbox whose aria-checked says otherwise shows neither: which one the site means
# cannot be told, and guessing could report "off" for a setting that is on.
READ_SWITCH = """el => {
    if (el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio')) {
        const aria = el.getAttribute('aria-checked');
        if (el.indeterminate || ((aria === 'true' || aria === 'false') && (aria === 'true') !== el.checked)) {
            return null;
        }
        return el.checked;
    }
    for (const name of ['aria-checked', 'aria-pressed']) {
        const value = el.getAttribute(name);
        if (value === 'true' || value === 'false') return value === 'true';
    }
    return null;
}"""
READ_SELECT = """el => el instanceof HTMLSelectElement
    ? (el.selectedOptions[0] ? el.selectedOptions[0].textContent : null)
    : (el.textContent || '')"""
TINY_PX = 2  # an input this small is a screen-reader stand-in for a styled toggle
MENU_ITEM_ROLES: tuple[Literal["menuitemradio", "option", "menuitem"], ...] = ("menuitemradio", "option", "menuitem")


class Unreadable(Exception):
    """The control is there but its state cannot be told apart (neither on nor off)."""


async def read(page: Page, control: Control, element: Locator) -> State:
    """The control's current state: True/False for a switch, the option's name otherwise."""
    if isinstance(control, Switch):
        state = await element.evaluate(READ_SWITCH)
        if state is None:
            raise Unreadable("the switch shows neither on nor off")
        return bool(state)
    if isinstance(control, Dropdown):
        return _one_option(await element.evaluate(READ_SELECT), control.options)
    if isinstance(control, Stepwise):
        return _status(await element.inner_text(), control)
    return await _read_radio(element, control)


async def write(page: Page, control: Control, element: Locator, wanted: State, timeout: float) -> None:
    """Bring the control to `wanted` the way a person would: click, choose or pick."""
    if isinstance(control, Switch):
        await _click(page, element, timeout)
        await _await_state(page, control, element, wanted, timeout)
    elif isinstance(control, Dropdown):
        await _choose(page, control, element, str(wanted), timeout)
    elif isinstance(control, Stepwise):
        await _steps(page, control, element, wanted, timeout)
    else:
        radio = _radio(element, str(wanted))
        await _click(page, radio, timeout)
        await _await_state(page, control, element, wanted, timeout)


async def _choose(page: Page, control: Dropdown, element: Locator, wanted: str, timeout: float) -> None:
    """Pick an option from a native select, or from the menu a button opens."""
    if await element.evaluate("el => el instanceof HTMLSelectElement"):
        await element.select_option(label=wanted, timeout=timeout)
        return
    await element.click(timeout=timeout)
    # Menus are often rendered in an overlay outside the row, so look page-wide, but only
    # among menu items: a button or link with the same text is never the target.
    # An item's name may go on with its description ("Disabled  Your data will not be used...").
    name = re.compile(rf"^\s*{re.escape(wanted)}\b", re.I)
    items = page.get_by_role(MENU_ITEM_ROLES[0], name=name)
    for role in MENU_ITEM_ROLES[1:]:
        items = items.or_(page.get_by_role(role, name=name))
    visible = items.locator("visible=true")
    await visible.first.wait_for(state="visible", timeout=timeout)
    if await visible.count() != 1:
        raise Unreadable(f"the menu shows {await visible.count()} items named {wanted!r}")
    await visible.first.click(timeout=timeout)
    await _await_state(page, control, element, wanted, timeout)


async def _click(page: Page, element: Locator, timeout: float) -> None:
    """Click the control, or its label when the input itself is visually hidden (a styled toggle)."""
    box = await element.bounding_box() if await element.is_visible() else None
    if box is not None and box["width"] > TINY_PX and box["height"] > TINY_PX:
        await element.click(timeout=timeout)
        return
    # Hidden, or shrunk to a pixel for screen readers: a person clicks its label, which is either
    # `label[for=id]` or the label wrapped around it.
    element_id = await element.get_attribute("id")
    labels = element.locator("xpath=ancestor::label[1]")
    if element_id:
        labels = page.locator(f'label[for="{element_id}"]').or_(labels)
    label = labels.locator("visible=true")
    if await label.count() == 1:
        await label.click(timeout=timeout)
        return
    if box is not None:
        await element.click(timeout=timeout)
        return
    raise Unreadable("the control is hidden and has no visible label to click")


async def _await_state(page: Page, control: Control, element: Locator, wanted: State, timeout: float) -> None:
    """Wait until the page shows the wanted state; a page that reverts is caught by the read-back."""
    try:
        handle = await element.element_handle(timeout=timeout)
        if isinstance(control, Switch):
            await page.wait_for_function(
                f"([el, want]) => ({READ_SWITCH})(el) === want", arg=[handle, wanted], timeout=timeout
            )
        elif isinstance(control, Dropdown):
            await page.wait_for_function(
                f"([el, want]) => (({READ_SELECT})(el) || '').includes(want)",
                arg=[handle, wanted],
                timeout=timeout,
            )
        else:
            radio = _radio(element, str(wanted))
            await radio.wait_for(state="attached", timeout=timeout)
            handle = await radio.element_handle(timeout=timeout)
            await page.wait_for_function(
                "el => el.checked || el.getAttribute('aria-checked') === 'true'", arg=handle, timeout=timeout
            )
    except PlaywrightError:
        return


async def _steps(page: Page, control: Stepwise, element: Locator, wanted: State, timeout: float) -> None:
    """Click each step in order; every step must show exactly one visible target."""
    if wanted is not False:
        raise Unreadable("this control can only be turned off")
    for number, step in enumerate(control.steps, start=1):
        target = step(page).locator("visible=true")
        await target.first.wait_for(state="visible", timeout=timeout)
        if await target.count() != 1:
            raise Unreadable(f"step {number} of {len(control.steps)} matches {await target.count()} elements")
        await target.click(timeout=timeout)
    try:
        await page.wait_for_function(
            "([el, pattern]) => new RegExp(pattern, 'i').test(el.innerText)",
            arg=[await element.element_handle(timeout=timeout), control.off.pattern],
            timeout=timeout,
        )
    except PlaywrightError:
        return  # the read-back after a fresh load decides


def _status(text: str, control: Stepwise) -> bool:
    """On or off, from a status text; both or neither is unreadable."""
    on, off = bool(control.on.search(text)), bool(control.off.search(text))
    if on == off:
        words = re.sub(r"\s+", " ", text).strip()
        raise Unreadable(f"the status reads {words[:60]!r}")
    return on


def _one_option(text: str | None, options: tuple[str, ...]) -> str:
    """The single known option named in a select's or menu button's text."""
    if text is None:
        raise Unreadable("nothing is selected")
    words = re.sub(r"\s+", " ", text).strip()
    named = [o for o in options if re.search(rf"(?<!\w){re.escape(o)}(?!\w)", words, re.I)]
    if len(named) != 1:
        raise Unreadable(f"the control reads {words[:60]!r}, not one of {', '.join(options)}")
    return named[0]


def _radio(group: Locator, option: str) -> Locator:
    """The radio whose name starts with the option's words: sites append "(Default)" or help text."""
    return group.get_by_role("radio", name=re.compile(r"^\s*" + re.escape(option) + r"(?!\w)", re.I))


async def _read_radio(group: Locator, control: RadioGroup) -> str:
    """The option whose radio button is checked; exactly one must be."""
    checked = []
    for option in control.options:
        radio = _radio(group, option)
        if await radio.count() != 1:
            raise Unreadable(f"the choice {option!r} is not on the page")
        if await radio.evaluate(READ_SWITCH):
            checked.append(option)
    if len(checked) != 1:
        raise Unreadable("no single choice is selected")
    return checked[0]
