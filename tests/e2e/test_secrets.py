"""End to end: keyring policy and the canary password that must never appear anywhere."""

from __future__ import annotations

import base64
import urllib.parse
import uuid

import pytest

from optout.sandbox import Sandbox
from tests.conftest import Member, Optout
from tests.e2e.test_linkedin import login


@pytest.mark.parametrize("backend", ["keyring.backends.fail.Keyring", "keyring.backends.null.Keyring"])
def test_insecure_or_missing_keyring_backend_is_refused(
    optout: Optout, member: Member, sandbox: Sandbox, backend: str
) -> None:
    login(optout, member)
    optout.env_extra["PYTHON_KEYRING_BACKEND"] = backend
    run = optout("apply", "linkedin")
    assert run.returncode == 8
    assert "dbus-run-session" in run.stderr + run.stdout
    again = optout("login", "linkedin", "--account", member.account, "--password-stdin", stdin=member.password)
    assert again.returncode == 8
    assert sandbox.password_submissions("linkedin", member.account) == 1  # only the first, good login
    assert sandbox.writes("linkedin", member.account) == 0


def test_login_without_a_terminal_or_stdin_flag_needs_you_instead_of_hanging(optout: Optout, member: Member) -> None:
    done = optout("login", "linkedin", "--account", member.account)
    assert done.returncode == 8
    assert "--password-stdin" in done.stderr


def canary_forms(secret: str) -> list[bytes]:
    """The canary as it could appear: plain, base64, URL-encoded, UTF-16."""
    raw = secret.encode()
    return [
        raw,
        base64.b64encode(raw),
        base64.urlsafe_b64encode(raw),
        urllib.parse.quote_plus(secret).encode(),
        secret.encode("utf-16-le"),
    ]


def test_canary_password_never_appears_in_output_logs_or_files(optout: Optout, sandbox: Sandbox) -> None:
    canary = f"CANARY-{uuid.uuid4().hex}"
    member = Member(f"canary-{uuid.uuid4().hex[:8]}@example.com", canary)
    sandbox.add_account("linkedin", member.account, canary)
    # Playwright's own debug output would print typed values: optout must switch it off.
    optout.env_extra.update(DEBUG="pw:api,pw:channel,*", PWDEBUG="console")
    outputs = [
        optout("-vv", "login", "linkedin", "--account", member.account, "--password-stdin", stdin=canary + "\n"),
        optout("-vv", "apply", "linkedin", "--dry-run", "--json"),
    ]
    # Failures included: an expired session (the stored password is used again), a save that
    # fails, then a checkpoint.
    sandbox.set_fault("linkedin", "expired-session", account=member.account)
    sandbox.set_fault("linkedin", "save-500", account=member.account)
    outputs.append(optout("-vv", "apply", "linkedin"))
    sandbox.set_fault("linkedin", "expired-session", account=member.account)
    sandbox.set_fault("linkedin", "checkpoint", account=member.account)
    outputs.append(optout("-vv", "--log-format", "console", "apply", "linkedin"))
    outputs.append(optout("-vv", "accounts"))
    outputs.append(optout("-vv", "history", "--json"))
    outputs.append(optout("-vv", "report", "--output", str(optout.home / "report.html")))
    files = {p: p.read_bytes() for p in optout.home.rglob("*") if p.is_file()}
    outputs.append(optout("-vv", "logout", "linkedin", "--account", member.account))

    assert outputs[0].returncode == 0, outputs[0].stderr
    assert outputs[2].returncode & 32 or outputs[2].returncode & 4
    assert outputs[3].returncode == 8
    assert sandbox.password_submissions("linkedin", member.account) == 3
    assert all(o.stderr for o in outputs[:4])  # debug logging really ran
    forms = canary_forms(canary)
    for done in outputs:
        for form in forms:
            assert form.decode("latin-1") not in done.stdout
            assert form.decode("latin-1") not in done.stderr
    assert any(p.suffix == ".session" for p in files), "the run should have saved a session"
    assert any(p.suffix == ".png" for p in files), "screenshots are checked too"
    assert any(p.name == "history.db" for p in files) and any(p.name == "report.html" for p in files)
    for path, data in files.items():
        for form in forms:
            assert form not in data, f"canary found in {path}"
