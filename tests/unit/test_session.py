"""Encrypted sessions: round trip, tamper and swap detection, domain filter, file modes."""

from __future__ import annotations

import base64
import json
import os
import shutil
import stat
import uuid
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from optout import credentials, log, paths, session
from optout.errors import Refused

KEY = bytes(range(32))
DOMAINS = ["linkedin.com"]


@pytest.fixture(autouse=True)
def _isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("OPTOUT_HOME", str(tmp_path / "home"))
    monkeypatch.setattr(credentials, "session_key", lambda: KEY)


def make_state(value: str) -> dict[str, Any]:
    """Return a storage state with one allowed cookie per form of domain, and an origin."""
    return {
        "cookies": [
            {"name": "li_at", "value": value, "domain": ".linkedin.com", "path": "/"},
            {"name": "lang", "value": "v=2&lang=en-us", "domain": "www.linkedin.com", "path": "/"},
        ],
        "origins": [{"origin": "https://www.linkedin.com", "localStorage": [{"name": "k", "value": "v"}]}],
    }


def secret_value() -> str:
    return f"AQEDAT{uuid.uuid4().hex}"


def test_round_trip() -> None:
    state = make_state(secret_value())
    session.save_session("linkedin", "me@example.com", state, DOMAINS)
    assert session.load_session("linkedin", "me@example.com", DOMAINS) == state


def test_missing_session_is_none() -> None:
    assert session.load_session("linkedin", "nobody@example.com", DOMAINS) is None
    assert session.session_age("linkedin", "nobody@example.com") is None
    assert session.delete_session("linkedin", "nobody@example.com") is False


def test_a_flipped_byte_discards_the_session(capsys: pytest.CaptureFixture[str]) -> None:
    log.configure("json")
    session.save_session("linkedin", "me@example.com", make_state(secret_value()), DOMAINS)
    path = paths.session_file("linkedin", "me@example.com")
    data = bytearray(path.read_bytes())
    data[-5] ^= 0x01
    path.write_bytes(bytes(data))
    assert session.load_session("linkedin", "me@example.com", DOMAINS) is None
    events = [json.loads(line) for line in capsys.readouterr().err.splitlines()]
    assert any(e["event"] == "session.discarded" for e in events)


def test_another_accounts_file_does_not_decrypt() -> None:
    session.save_session("linkedin", "other@example.com", make_state(secret_value()), DOMAINS)
    session.save_session("linkedin", "me@example.com", make_state(secret_value()), DOMAINS)
    shutil.copyfile(
        paths.session_file("linkedin", "other@example.com"),
        paths.session_file("linkedin", "me@example.com"),
    )
    assert session.load_session("linkedin", "me@example.com", DOMAINS) is None


def test_a_changed_key_discards_the_session(monkeypatch: pytest.MonkeyPatch) -> None:
    session.save_session("linkedin", "me@example.com", make_state(secret_value()), DOMAINS)
    monkeypatch.setattr(credentials, "session_key", lambda: bytes(32))
    assert session.load_session("linkedin", "me@example.com", DOMAINS) is None


def test_foreign_cookies_and_origins_are_filtered() -> None:
    state = make_state(secret_value())
    state["cookies"] += [
        {"name": "x", "value": "evil-1", "domain": ".evil.test", "path": "/"},
        {"name": "x", "value": "evil-2", "domain": "notlinkedin.com", "path": "/"},
        {"name": "x", "value": "evil-3", "domain": "linkedin.com.evil.test", "path": "/"},
    ]
    state["origins"].append({"origin": "https://evil.test", "localStorage": []})
    path = paths.session_file("linkedin", "me@example.com")
    # Written unfiltered, as a file from an older or buggy writer would be.
    session.save_session("linkedin", "me@example.com", state, ["linkedin.com", "evil.test"])
    loaded = session.load_session("linkedin", "me@example.com", DOMAINS)
    assert loaded is not None
    assert [c["domain"] for c in loaded["cookies"]] == [".linkedin.com", "www.linkedin.com"]
    assert [o["origin"] for o in loaded["origins"]] == ["https://www.linkedin.com"]
    # And on save, too.
    session.save_session("linkedin", "me@example.com", state, DOMAINS)
    assert b"evil" not in path.read_bytes()
    assert session.load_session("linkedin", "me@example.com", ["evil.test"]) == {
        "cookies": [],
        "origins": [],
    }


def test_file_is_0600_in_0700_folders_and_holds_no_plaintext() -> None:
    value = secret_value()
    session.save_session("linkedin", "me@example.com", make_state(value), DOMAINS)
    path = paths.session_file("linkedin", "me@example.com")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    for folder in (path.parent, paths.sessions_dir(), paths.home()):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    data = path.read_bytes()
    assert value.encode() not in data
    assert base64.b64encode(value.encode()) not in data
    assert b"me@example.com" not in data and "me@example" not in path.name
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temp file left


def test_a_symlinked_session_file_is_refused(tmp_path: Path) -> None:
    session.save_session("linkedin", "me@example.com", make_state(secret_value()), DOMAINS)
    path = paths.session_file("linkedin", "me@example.com")
    victim = tmp_path / "victim"
    victim.write_bytes(path.read_bytes())
    path.unlink()
    path.symlink_to(victim)
    with pytest.raises(Refused):
        session.load_session("linkedin", "me@example.com", DOMAINS)
    before = victim.read_bytes()
    with pytest.raises(Refused):
        session.save_session("linkedin", "me@example.com", make_state("x" * 20), DOMAINS)
    assert victim.read_bytes() == before and path.is_symlink()


def test_a_loose_mode_is_tightened_on_load() -> None:
    state = make_state(secret_value())
    session.save_session("linkedin", "me@example.com", state, DOMAINS)
    path = paths.session_file("linkedin", "me@example.com")
    path.chmod(0o644)
    assert session.load_session("linkedin", "me@example.com", DOMAINS) == state
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


@pytest.mark.skipif(os.getuid() != 0, reason="changing a file's owner needs root")
def test_a_file_owned_by_someone_else_is_refused() -> None:
    session.save_session("linkedin", "me@example.com", make_state(secret_value()), DOMAINS)
    path = paths.session_file("linkedin", "me@example.com")
    os.chown(path, 12345, 12345)
    with pytest.raises(Refused):
        session.load_session("linkedin", "me@example.com", DOMAINS)


def test_delete_and_age() -> None:
    session.save_session("linkedin", "me@example.com", make_state(secret_value()), DOMAINS)
    age = session.session_age("linkedin", "me@example.com")
    assert age is not None and age.utcoffset() == timedelta(0)
    assert session.delete_session("linkedin", "me@example.com") is True
    assert session.load_session("linkedin", "me@example.com", DOMAINS) is None


def test_cookie_values_are_redacted_from_logs(capsys: pytest.CaptureFixture[str]) -> None:
    value = secret_value()
    session.save_session("linkedin", "me@example.com", make_state(value), DOMAINS)
    log.configure("json")
    log.get_logger().warning("request.sent", header=f"li_at={value}; lang=en")
    assert value not in capsys.readouterr().err
