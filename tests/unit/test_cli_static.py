"""The static commands answer without a browser: no Playwright import, right content, right exits."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from flows.linkedin import FLOW as LINKEDIN


def run(home: Path, *args: str, importtime: bool = False) -> subprocess.CompletedProcess[str]:
    """`python [-X importtime] -m optout ARGS...` with a private OPTOUT_HOME and no sandbox."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("OPTOUT_") and k != "PYTHONPROFILEIMPORTTIME"}
    env.update(OPTOUT_HOME=str(home), OPTOUT_LOG_FORMAT="json")
    flags = ["-X", "importtime"] if importtime else []
    return subprocess.run(
        [sys.executable, *flags, "-m", "optout", *args],
        input="",
        capture_output=True,
        text=True,
        env=env,
        cwd=home,
        timeout=120,
        check=False,
    )


@pytest.fixture
def home(tmp_path: Path) -> Path:
    folder = tmp_path / "home"
    folder.mkdir(mode=0o700)
    return folder


def imported_modules(stderr: str) -> list[str]:
    """Module names from `-X importtime` lines ("import time: self | cumulative | name")."""
    return [line.rsplit("|", 1)[-1].strip() for line in stderr.splitlines() if line.startswith("import time:")]


@pytest.mark.parametrize(
    "args",
    [("--help",), ("platforms",), ("platforms", "--json"), ("show", "linkedin")],
    ids=["help", "platforms", "platforms-json", "show"],
)
def test_static_commands_never_import_playwright(home: Path, args: tuple[str, ...]) -> None:
    done = run(home, *args, importtime=True)
    assert done.returncode == 0, done.stderr[-2000:]
    modules = imported_modules(done.stderr)
    # The probe works: the command's own modules are listed, so an absent name means not imported.
    assert "optout.cli" in modules
    assert not [line for line in done.stderr.splitlines() if "playwright" in line.lower()]
    assert done.stdout.strip()


def test_help_names_the_commands_and_exit_bits(home: Path) -> None:
    done = run(home, "--help")
    assert done.returncode == 0
    for command in ("apply", "verify", "login", "logout", "accounts", "platforms", "show", "sandbox", "demo"):
        assert f"  {command}" in done.stdout, command
    assert "64 refused" in done.stdout


def test_platforms_json_lists_linkedin_and_its_settings(home: Path) -> None:
    done = run(home, "platforms", "--json")
    assert done.returncode == 0, done.stderr
    document = json.loads(done.stdout)
    assert list(document) == ["platforms"]
    assert isinstance(document["platforms"], list)
    linkedin = next(p for p in document["platforms"] if p["platform"] == "linkedin")
    assert linkedin["title"] == "LinkedIn"
    settings = {s["setting"]: s for s in linkedin["settings"]}
    assert {k: s["category"] for k, s in settings.items()} == {
        "genai-training": "ai-training",
        "research": "data-sharing",
        "partners": "data-sharing",
    }
    assert [s["setting"] for s in linkedin["settings"]] == ["genai-training", "research", "partners"]
    assert settings["genai-training"]["default"] is True
    assert settings["research"]["default"] is False
    assert all(s["wanted"] == "off" for s in settings.values())
    assert settings["genai-training"]["label"] == "Use my data for training content creation AI models"
    assert settings["genai-training"]["urls"] == list(LINKEDIN.settings[0].urls)


def test_platforms_text_lists_every_setting(home: Path) -> None:
    done = run(home, "platforms")
    assert done.returncode == 0, done.stderr
    assert "\nlinkedin  LinkedIn  [automated" in "\n" + done.stdout
    for key in ("genai-training", "research", "partners"):
        assert f"    {key}: " in done.stdout
    assert "(ai-training, applied by default)" in done.stdout
    assert "(data-sharing, with --setting research)" in done.stdout


def test_show_lists_both_ai_page_urls(home: Path) -> None:
    done = run(home, "show", "linkedin")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("LinkedIn (linkedin)\n")
    for url in (
        "https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement",
        "https://www.linkedin.com/mypreferences/d/settings/data-for-generative-ai-improvement",
    ):
        assert url in done.stdout
    assert "typed only on https://www.linkedin.com, at most once per run" in done.stdout
    assert 'genai-training: "Use my data for training content creation AI models" (ai-training' in done.stdout


def test_apply_to_an_unknown_platform_is_a_usage_error_in_one_line(home: Path) -> None:
    done = run(home, "apply", "nosuchsite")
    assert done.returncode == 2
    assert done.stdout == ""
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    assert "nosuchsite" in lines[0]
    assert "optout platforms" in lines[0]


@pytest.mark.parametrize(
    "url",
    ["http://example.com", "https://example.com:8443", "http://127.0.0.1:8443", "https://10.0.0.1:8443"],
)
def test_sandbox_must_be_https_on_loopback(home: Path, url: str) -> None:
    done = run(home, "--sandbox", url, "apply", "linkedin")
    assert done.returncode == 2
    assert done.stdout == ""
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    assert "--sandbox must be https://<loopback address>:<port>" in lines[0]
    assert repr(url) in lines[0]
