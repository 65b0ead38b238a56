"""Every guide keeps the guide contract and the reference's facts; the registry keeps guides apart from flows."""

from __future__ import annotations

import inspect
import os
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from optout import registry
from optout.errors import Exit, UsageError
from optout.guide import CANNOT_VERIFY, NOTHING_TO_DO, Guide, Link

GUIDES = registry.all_guides()
SOURCES = re.compile(r"platforms(\.md|\.json|-addendum\.md)", re.I)


def by_id(guide: Guide) -> str:
    return guide.id


def test_the_issue_s_guides_are_there_with_their_kind() -> None:
    kinds = {g.id: g.kind for g in GUIDES}
    assert kinds == {
        "chatgpt": "guided",
        "linkedin": "guided",
        "meta": "guided",
        "reddit": "informational",
        "slack": "guided",
        "zoom": "informational",
    }


@pytest.mark.parametrize("guide", GUIDES, ids=by_id)
def test_id_is_the_module_name_and_the_docstring_cites_the_reference(guide: Guide) -> None:
    module = sys.modules[f"flows.guides.{guide.id}"]
    assert module.GUIDE is guide
    doc = inspect.getdoc(module) or ""
    assert SOURCES.search(doc), f"{guide.id}: the docstring does not cite the reference"
    assert guide.title.split()[0].lower() in doc.lower()


@pytest.mark.parametrize("guide", GUIDES, ids=by_id)
def test_shape(guide: Guide) -> None:
    assert guide.kind in ("guided", "informational")
    assert guide.summary and guide.steps and guide.confidence and guide.sources
    for link in guide.links:
        assert urlsplit(link.url).scheme in ("https", "mailto"), link.url
        assert link.label
    if guide.kind == "guided":
        assert guide.page() is not None, f"{guide.id}: a guided entry needs a page to open"


@pytest.mark.parametrize("guide", GUIDES, ids=by_id)
def test_the_text_says_optout_cannot_check_it_and_never_claims_done(guide: Guide) -> None:
    text = "\n".join(guide.text())
    assert (CANNOT_VERIFY if guide.kind == "guided" else NOTHING_TO_DO) in text
    for url in (link.url for link in guide.links):
        assert url in text
    described = guide.describe()
    assert described["verified_by_optout"] is False
    assert not {"status", "after", "action"} & set(described), "a guide is not a result row"


def test_meta_has_the_objection_forms_regions_and_scope() -> None:
    meta = registry.load_guide("meta")
    assert meta.page() == "https://www.facebook.com/help/contact/6359191084165019"
    urls = [link.url for link in meta.links]
    assert "https://www.facebook.com/help/contact/510058597920541" in urls
    assert "https://www.facebook.com/privacy/genai" in urls
    assert "EU/EEA" in meta.regions and "no opt-out in the US" in meta.regions
    assert "each Facebook account" in meta.scope and "Instagram" in meta.scope
    assert any('"AI at Meta"' in step for step in meta.steps)
    assert "24 hours" in meta.confirmation


def test_slack_is_an_email_from_an_owner_with_the_subject() -> None:
    slack = registry.load_guide("slack")
    text = "\n".join(slack.steps)
    assert "feedback@slack.com" in text
    assert '"Slack Global model opt-out request"' in text
    assert "Primary Owner" in slack.scope and "per workspace" in slack.scope
    assert any(link.url.startswith("mailto:feedback@slack.com") for link in slack.links)


def test_linkedin_and_chatgpt_guides_are_their_forms() -> None:
    assert registry.load_guide("linkedin").page() == "https://www.linkedin.com/help/linkedin/ask/TS-DPRO"
    chatgpt = registry.load_guide("chatgpt")
    assert chatgpt.page() == "https://privacy.openai.com/policies"
    assert any('"Do not train on my content"' in step for step in chatgpt.steps)


def test_a_guide_only_id_is_a_one_line_usage_error_for_apply_and_verify() -> None:
    with pytest.raises(UsageError) as raised:
        registry.load("meta")
    error = raised.value
    assert error.exit == Exit.USAGE == 2
    assert f"optout: {error.message}; {error.hint}" == "optout: meta has no automated setting; run: optout guide meta"


def test_a_platform_can_have_a_flow_and_a_guide_and_packages_are_not_platforms() -> None:
    assert registry.load("linkedin").id == "linkedin"
    assert registry.load_guide("linkedin").id == "linkedin"
    assert "guides" not in registry.platform_ids()
    assert set(registry.known_ids()) == set(registry.platform_ids()) | set(registry.guide_ids())


def test_unknown_ids_are_usage_errors_naming_guides_too() -> None:
    with pytest.raises(UsageError) as raised:
        registry.load_guide("nope")
    assert "'nope'" in raised.value.message and "meta" in raised.value.message
    assert "optout platforms" in raised.value.hint
    with pytest.raises(UsageError) as unknown_flow:
        registry.load("nope")
    assert "meta" in unknown_flow.value.message


class FakeEntryPoint:
    """Stands in for an installed package's "optout.guides" entry point."""

    def __init__(self, value: object) -> None:
        self.value = value

    def load(self) -> object:
        return self.value


def test_a_third_party_guide_comes_from_the_optout_guides_entry_point(monkeypatch: pytest.MonkeyPatch) -> None:
    extra = Guide(
        id="example-forum",
        title="Example Forum",
        kind="informational",
        summary="No opt-out.",
        steps=("Nothing to switch off.",),
        links=(Link("Terms", "https://forum.example/terms"),),
        confidence="low",
        sources=("a test",),
    )
    real = registry._entry_points

    def entry_points(group: str = registry.ENTRY_POINT_GROUP) -> dict[str, object]:
        if group == registry.GUIDE_ENTRY_POINT_GROUP:
            return {**real(group), "example-forum": FakeEntryPoint(extra)}
        return real(group)  # type: ignore[return-value]

    monkeypatch.setattr(registry, "_entry_points", entry_points)
    assert "example-forum" in registry.guide_ids()
    assert registry.load_guide("example-forum") is extra
    with pytest.raises(UsageError, match="example-forum has no automated setting"):
        registry.load("example-forum")


def test_guide_without_open_never_imports_playwright(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("OPTOUT_")}
    env.update(OPTOUT_HOME=str(tmp_path), OPTOUT_LOG_FORMAT="json")
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "optout", "guide", "meta"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    imported = [line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines() if line.startswith("import time:")]
    assert "optout.cli.guide" in imported
    assert not [name for name in imported if "playwright" in name]
