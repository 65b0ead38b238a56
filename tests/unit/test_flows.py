"""Every registered flow keeps the flow contract (DESIGN.md, "Flows"); the registry rejects unknown ids."""

from __future__ import annotations

import inspect
import re
import sys

import pytest

from optout import registry
from optout.errors import Exit, UsageError
from optout.flow import Dropdown, Flow, RadioGroup, Stepwise, Switch
from optout.safety import normalize_origin

FLOWS = registry.all_flows()
KEBAB = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
# A flow's docstring cites the reference it was written from (DESIGN.md: "Cite it in flow docstrings").
SOURCES = re.compile(r"platforms(\.md|\.json|-addendum\.md)|reference", re.I)


def by_id(flow: type[Flow]) -> str:
    return flow.id


def test_the_registry_knows_at_least_linkedin() -> None:
    assert "linkedin" in [f.id for f in FLOWS]
    assert registry.platform_ids() == [f.id for f in FLOWS]


@pytest.mark.parametrize("flow", FLOWS, ids=by_id)
def test_id_is_the_module_name(flow: type[Flow]) -> None:
    module = sys.modules[flow.__module__]
    assert flow.__module__.rsplit(".", 1)[-1] == flow.id
    assert getattr(module, "FLOW", None) is flow


@pytest.mark.parametrize("flow", FLOWS, ids=by_id)
def test_module_docstring_names_the_site_and_its_sources(flow: type[Flow]) -> None:
    doc = inspect.getdoc(sys.modules[flow.__module__]) or ""
    assert doc, f"{flow.__module__} has no module docstring"
    assert SOURCES.search(doc), f"{flow.__module__}'s docstring does not cite the reference it relies on"
    assert flow.title.lower() in doc.lower()
    assert flow.sources, f"{flow.id} lists no sources for `optout platforms`"


@pytest.mark.parametrize("flow", FLOWS, ids=by_id)
def test_setting_keys_are_unique_and_kebab_case(flow: type[Flow]) -> None:
    keys = [s.key for s in flow.settings]
    assert keys, f"{flow.id} has no settings"
    assert len(keys) == len(set(keys)), f"duplicate setting keys in {flow.id}: {keys}"
    for key in keys:
        assert KEBAB.fullmatch(key), f"{flow.id}: setting key {key!r} is not kebab-case"
    for setting in flow.settings:
        assert flow.setting(setting.key) is setting


@pytest.mark.parametrize("flow", FLOWS, ids=by_id)
def test_every_url_is_https(flow: type[Flow]) -> None:
    urls = [flow.home, *(u for s in flow.settings for u in s.urls)]
    if flow.login is not None:
        urls.append(flow.login.url)
    for url in urls:
        origin = normalize_origin(url)
        assert origin is not None and origin.startswith("https://"), f"{flow.id}: {url} is not an https URL"
    for setting in flow.settings:
        assert setting.urls, f"{flow.id}/{setting.key} names no page"


@pytest.mark.parametrize("flow", FLOWS, ids=by_id)
def test_login_origins_are_exact_https_origins(flow: type[Flow]) -> None:
    if flow.login is None or not flow.password_login:
        pytest.skip(f"{flow.id} has no password form")
    assert flow.login.origins, f"{flow.id}: a password form with no allowed origin"
    for origin in (*flow.login.origins, *flow.login.sso_origins):
        assert origin.startswith("https://"), f"{flow.id}: {origin} is not https"
        assert normalize_origin(origin) == origin, f"{flow.id}: {origin!r} is not an exact, canonical origin"
    assert normalize_origin(flow.login.url) in flow.login.origins, f"{flow.id}: the login page is not on its origins"
    assert not flow.login.origins & flow.login.sso_origins, f"{flow.id}: an SSO origin may receive the password"


@pytest.mark.parametrize("flow", FLOWS, ids=by_id)
def test_wanted_state_fits_the_control(flow: type[Flow]) -> None:
    for setting in flow.settings:
        where = f"{flow.id}/{setting.key}"
        if isinstance(setting.control, Switch):
            assert isinstance(setting.wanted, bool), f"{where}: a switch wants True or False"
        elif isinstance(setting.control, Dropdown | RadioGroup):
            assert isinstance(setting.wanted, str), f"{where}: a choice wants an option's name"
            assert setting.wanted in setting.control.options, f"{where}: {setting.wanted!r} is not an option"
        elif isinstance(setting.control, Stepwise):
            assert setting.wanted is False, f"{where}: a stepwise control can only be turned off"
        else:
            pytest.fail(f"{where}: unknown control kind {type(setting.control).__name__}")


@pytest.mark.parametrize("flow", FLOWS, ids=by_id)
def test_at_least_one_ai_training_setting(flow: type[Flow]) -> None:
    assert "ai-training" in [s.category for s in flow.settings], f"{flow.id}: nothing applied by default"


def test_unknown_platform_is_a_one_line_usage_error() -> None:
    with pytest.raises(UsageError) as raised:
        registry.load("nope")
    error = raised.value
    assert error.exit == Exit.USAGE == 2
    assert "\n" not in str(error)
    assert "'nope'" in error.message
    assert "linkedin" in error.message
    assert "optout platforms" in error.hint
