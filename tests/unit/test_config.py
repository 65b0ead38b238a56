"""The account list and the private-file helpers it is written with."""

from __future__ import annotations

import json
import stat
from datetime import UTC, datetime
from pathlib import Path

import pytest

from optout import config, paths
from optout.errors import Exit, NeedsYou, Refused, UsageError


@pytest.fixture(autouse=True)
def home(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    folder = tmp_path / "home"
    monkeypatch.setenv("OPTOUT_HOME", str(folder))
    return folder


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_home_is_created_private(home: Path) -> None:
    assert paths.home() == home
    assert mode(home) == 0o700
    home.chmod(0o755)
    paths.home()
    assert mode(home) == 0o700


def test_a_symlinked_home_is_refused(home: Path, tmp_path: Path) -> None:
    real = tmp_path / "real"
    real.mkdir()
    home.symlink_to(real)
    with pytest.raises(Refused):
        paths.home()


def test_session_file_names_hide_the_account() -> None:
    path = paths.session_file("linkedin", "me@example.com")
    assert path.parent == paths.sessions_dir() / "linkedin"
    assert path.suffix == ".session" and len(path.stem) == 32
    assert "example" not in str(path)
    assert paths.session_file("linkedin", "you@example.com") != path
    for bad in ("../etc", "LinkedIn", "", "a/b"):
        with pytest.raises(UsageError):
            paths.session_file(bad, "me@example.com")


def test_write_private_is_0600_and_replaces(home: Path) -> None:
    target = paths.home() / "state.bin"
    paths.write_private(target, b"one")
    paths.write_private(target, b"two")
    assert target.read_bytes() == b"two" and mode(target) == 0o600
    assert [p.name for p in home.iterdir()] == ["state.bin"]
    assert paths.read_private(target) == b"two"
    assert paths.read_private(home / "missing") is None


def test_write_private_refuses_a_symlink(tmp_path: Path) -> None:
    victim = tmp_path / "victim"
    victim.write_bytes(b"keep")
    link = paths.home() / "state.bin"
    link.symlink_to(victim)
    with pytest.raises(Refused):
        paths.write_private(link, b"overwrite")
    with pytest.raises(Refused):
        paths.read_private(link)
    assert victim.read_bytes() == b"keep"


def test_accounts_round_trip(home: Path) -> None:
    assert config.load_accounts() == []
    first = config.add_account("linkedin", "me@example.com")
    assert config.add_account("linkedin", "me@example.com") == first  # idempotent
    config.add_account("x", "@me")
    config.add_account("linkedin", "work@example.com")
    assert [(a.platform, a.account) for a in config.load_accounts()] == [
        ("linkedin", "me@example.com"),
        ("x", "@me"),
        ("linkedin", "work@example.com"),
    ]
    assert [a.account for a in config.accounts_for("linkedin")] == [
        "me@example.com",
        "work@example.com",
    ]
    assert datetime.fromisoformat(first.added_at).utcoffset() == UTC.utcoffset(None)
    assert mode(paths.config_file()) == 0o600
    assert config.remove_account("linkedin", "me@example.com") is True
    assert config.remove_account("linkedin", "me@example.com") is False
    assert [a.account for a in config.accounts_for("linkedin")] == ["work@example.com"]


def test_config_holds_no_secret_fields() -> None:
    config.add_account("linkedin", "me@example.com")
    doc = json.loads(paths.config_file().read_text())
    assert set(doc) == {"version", "accounts"}
    assert set(doc["accounts"][0]) == {"platform", "account", "added_at"}


@pytest.mark.parametrize(
    "content",
    [b"{not json", b"[]", b'{"accounts": {}}', b'{"accounts": [{"platform": "x"}]}'],
)
def test_a_corrupt_config_is_reported_not_overwritten(content: bytes) -> None:
    path = paths.config_file()
    paths.write_private(path, content)
    with pytest.raises(NeedsYou) as caught:
        config.load_accounts()
    assert caught.value.exit == Exit.NEEDS_YOU
    assert str(path) in str(caught.value) and ".bad" in str(caught.value)
    with pytest.raises(config.ConfigError):
        config.add_account("linkedin", "me@example.com")
    assert path.read_bytes() == content


def test_a_newer_config_version_is_refused() -> None:
    paths.write_private(paths.config_file(), b'{"version": 99, "accounts": []}')
    with pytest.raises(config.ConfigError, match="newer optout"):
        config.load_accounts()


def test_unknown_top_level_keys_survive_a_rewrite() -> None:
    paths.write_private(paths.config_file(), b'{"version": 1, "accounts": [], "later": {"a": 1}}')
    config.add_account("linkedin", "me@example.com")
    assert json.loads(paths.config_file().read_text())["later"] == {"a": 1}


def test_bad_account_ids_are_usage_errors() -> None:
    for platform, account in (("linkedin", ""), ("", "me"), ("linkedin", " me ")):
        with pytest.raises(UsageError):
            config.add_account(platform, account)
