"""End to end: the real `optout` command, real Chromium, the real keyring, the X replica."""

from __future__ import annotations

import pytest

from optout.sandbox import Sandbox
from tests.conftest import MakeAccount, Member, Optout
from tests.e2e.journey import results

TRAINING, PERSONALIZATION, MEMORY = "allow_grok_training", "allow_grok_personalization", "allow_grok_memory"
ALL = ("--setting", "grok-training", "--setting", "grok-personalization", "--setting", "grok-memory")


@pytest.fixture
def member(account_on: MakeAccount) -> Member:
    """A fresh X replica account, all three Grok boxes checked (X's default)."""
    return account_on("x")


def login(optout: Optout, member: Member) -> None:
    """Sign the member in once, password on stdin, through the identifier and password steps."""
    done = optout("login", "x", "--account", member.account, "--password-stdin", stdin=member.password + "\n")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Signed in to X" in done.stdout


def boxes(sandbox: Sandbox, member: Member) -> tuple[object, ...]:
    """The server-side state of the training, personalization and memory boxes."""
    return tuple(sandbox.get_setting("x", member.account, key) for key in (TRAINING, PERSONALIZATION, MEMORY))


def test_login_goes_through_both_steps_and_stores_the_password(
    optout: Optout, member: Member, sandbox: Sandbox
) -> None:
    login(optout, member)
    assert sandbox.password_submissions("x", member.account) == 1
    listed = optout("accounts")
    assert member.account in listed.stdout and "session" in listed.stdout
    sessions = list((optout.home / "sessions").rglob("*.session"))
    assert len(sessions) == 1
    assert b"auth_token" not in sessions[0].read_bytes()


def test_dry_run_reports_the_training_box_on_and_writes_nothing(
    optout: Optout, member: Member, sandbox: Sandbox
) -> None:
    login(optout, member)
    done = optout("apply", "x", "--dry-run", "--json")
    assert done.returncode == 4, done.stdout + done.stderr
    [row] = results(done.stdout)
    assert row["setting"] == "grok-training"
    assert (row["before"], row["wanted"], row["action"], row["status"]) == ("on", "off", "would-change", "not-off")
    assert boxes(sandbox, member) == (True, True, True)
    assert sandbox.writes("x", member.account) == 0


def test_apply_unchecks_only_the_training_box_and_a_second_apply_writes_nothing(
    optout: Optout, member: Member, sandbox: Sandbox
) -> None:
    login(optout, member)
    done = optout("apply", "x", "--json")
    assert done.returncode == 0, done.stdout + done.stderr
    [row] = results(done.stdout)
    assert (row["before"], row["after"], row["action"], row["status"]) == ("on", "off", "changed", "ok")
    assert boxes(sandbox, member) == (False, True, True)
    assert sandbox.writes("x", member.account) == 1

    again = optout("apply", "x", "--json")
    assert again.returncode == 0, again.stdout + again.stderr
    assert results(again.stdout)[0]["action"] == "unchanged"
    assert optout("verify", "x").returncode == 0
    assert sandbox.writes("x", member.account) == 1
    assert sandbox.password_submissions("x", member.account) == 1  # the session was reused
    assert sandbox.challenge_clicks("x", member.account) == 0


def test_drift_is_found_by_verify_and_fixed_by_verify_fix(optout: Optout, member: Member, sandbox: Sandbox) -> None:
    login(optout, member)
    assert optout("apply", "x").returncode == 0
    sandbox.set_setting("x", member.account, TRAINING, True)
    found = optout("verify", "x", "--quiet")
    assert found.returncode == 4
    assert "grok-training" in found.stdout or "training and fine-tuning" in found.stdout
    fixed = optout("verify", "x", "--fix", "--json")
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
    assert results(fixed.stdout)[0]["action"] == "changed"
    assert sandbox.get_setting("x", member.account, TRAINING) is False
    quiet = optout("verify", "x", "--quiet")
    assert (quiet.returncode, quiet.stdout) == (0, "")


@pytest.mark.parametrize(
    ("fault", "value"),
    [
        ("markup", "described"),
        ("markup", "described-both"),
        ("markup", "labelled"),
        ("markup", "aria"),
        ("markup", "described-description"),
        ("label-2024", True),
        ("french", True),
    ],
)
def test_each_box_is_found_exactly_once_however_it_is_built_or_worded(
    optout: Optout, member: Member, sandbox: Sandbox, fault: str, value: object
) -> None:
    login(optout, member)
    sandbox.set_fault("x", fault, value, account=member.account)
    done = optout("apply", "x", *ALL, "--json")
    assert done.returncode == 0, done.stdout + done.stderr
    rows = results(done.stdout)
    assert [r["setting"] for r in rows] == ["grok-training", "grok-personalization", "grok-memory"]
    assert all(r["status"] == "ok" and r["after"] == "off" for r in rows), rows
    assert boxes(sandbox, member) == (False, False, False)
    assert sandbox.writes("x", member.account) == 3
    assert sandbox.challenge_clicks("x", member.account) == 0


def test_personalization_and_memory_only_when_asked_and_history_is_never_deleted(
    optout: Optout, member: Member, sandbox: Sandbox
) -> None:
    login(optout, member)
    sandbox.set_setting("x", member.account, TRAINING, False)
    sandbox.set_setting("x", member.account, MEMORY, False)
    assert optout("apply", "x").returncode == 0
    assert boxes(sandbox, member) == (False, True, False)
    assert sandbox.writes("x", member.account) == 0
    done = optout("apply", "x", "--setting", "grok-personalization", "--setting", "grok-memory", "--json")
    assert done.returncode == 0, done.stdout + done.stderr
    assert [(r["setting"], r["action"]) for r in results(done.stdout)] == [
        ("grok-personalization", "changed"),
        ("grok-memory", "unchanged"),
    ]
    assert boxes(sandbox, member) == (False, False, False)
    assert sandbox.writes("x", member.account) == 1
    mine = [r for r in sandbox.requests("x") if r.account == member.account]
    assert mine and not any(r.path.endswith("grok_history.json") for r in mine)


@pytest.mark.parametrize("fault", ["2fa", "email-code", "arkose", "login-verification"])
def test_a_check_after_the_password_needs_you_and_nothing_is_clicked(
    optout: Optout, member: Member, sandbox: Sandbox, fault: str
) -> None:
    sandbox.set_fault("x", fault, account=member.account)
    done = optout("login", "x", "--account", member.account, "--password-stdin", stdin=member.password)
    assert done.returncode == 8, done.stdout + done.stderr
    assert "optout login x --headed" in done.stderr
    assert sandbox.challenge_clicks("x", member.account) == 0
    assert sandbox.password_submissions("x", member.account) == 1


def test_unusual_activity_before_the_password_needs_you_and_no_password_is_sent(
    optout: Optout, member: Member, sandbox: Sandbox
) -> None:
    sandbox.set_fault("x", "unusual-activity", account=member.account)
    done = optout("login", "x", "--account", member.account, "--password-stdin", stdin=member.password)
    assert done.returncode == 8, done.stdout + done.stderr
    assert sandbox.password_submissions("x", member.account) == 0
    assert sandbox.challenge_clicks("x", member.account) == 0


@pytest.mark.parametrize(("when", "submitted"), [("identifier", 0), ("password", 1)])
def test_could_not_log_you_in_now_is_needs_you_not_a_wrong_password(
    optout: Optout, member: Member, sandbox: Sandbox, when: str, submitted: int
) -> None:
    sandbox.set_fault("x", "refused", when, account=member.account)
    done = optout("login", "x", "--account", member.account, "--password-stdin", stdin=member.password)
    assert done.returncode == 8, done.stdout + done.stderr
    assert "did not accept the password" not in done.stderr
    assert "optout login x --headed" in done.stderr
    assert sandbox.password_submissions("x", member.account) == submitted


def test_wrong_password_needs_you_and_is_not_stored(optout: Optout, member: Member, sandbox: Sandbox) -> None:
    done = optout("login", "x", "--account", member.account, "--password-stdin", stdin="not-the-password")
    assert done.returncode == 8, done.stdout + done.stderr
    assert "did not accept the password" in done.stderr
    assert sandbox.password_submissions("x", member.account) == 1
    after = optout("apply", "x")
    assert after.returncode == 8  # no account was recorded
    assert sandbox.password_submissions("x", member.account) == 1


@pytest.mark.parametrize("wording", ["The password you entered is incorrect.", "Invalid password"])
def test_other_wrong_password_wordings_are_recognised(
    optout: Optout, member: Member, sandbox: Sandbox, wording: str
) -> None:
    sandbox.set_fault("x", "error-wording", wording)
    done = optout("login", "x", "--account", member.account, "--password-stdin", stdin="not-the-password")
    assert done.returncode == 8, done.stdout + done.stderr
    assert "did not accept the password" in done.stderr


def test_a_sign_in_button_without_its_test_id_still_logs_in(optout: Optout, member: Member, sandbox: Sandbox) -> None:
    sandbox.set_fault("x", "password-button", "Sign in")
    login(optout, member)
    assert sandbox.password_submissions("x", member.account) == 1


def test_expired_session_logs_in_again_once_with_the_stored_password(
    optout: Optout, member: Member, sandbox: Sandbox
) -> None:
    login(optout, member)
    sandbox.set_fault("x", "expired-session", account=member.account)
    done = optout("apply", "x")
    assert done.returncode == 0, done.stdout + done.stderr
    assert sandbox.password_submissions("x", member.account) == 2
    assert sandbox.get_setting("x", member.account, TRAINING) is False


def test_a_check_during_a_scheduled_run_stops_it_before_any_write(
    optout: Optout, member: Member, sandbox: Sandbox
) -> None:
    login(optout, member)
    sandbox.set_fault("x", "expired-session", account=member.account)
    sandbox.set_fault("x", "2fa", account=member.account)
    done = optout("verify", "x", "--fix", "--json")
    assert done.returncode == 8, done.stdout + done.stderr
    assert results(done.stdout)[0]["status"] == "needs-you"
    assert sandbox.writes("x", member.account) == 0
    assert sandbox.challenge_clicks("x", member.account) == 0


@pytest.mark.parametrize("fault", ["no-persist", "save-500"])
def test_a_save_that_does_not_persist_is_never_ok(optout: Optout, member: Member, sandbox: Sandbox, fault: str) -> None:
    login(optout, member)
    sandbox.set_fault("x", fault, account=member.account)
    done = optout("apply", "x", "--json")
    [row] = results(done.stdout)
    assert row["status"] != "ok" and row["after"] == "on"
    assert done.returncode & 4 or done.returncode & 32
    assert sandbox.get_setting("x", member.account, TRAINING) is True


def test_a_renamed_training_box_is_site_changed_and_nothing_is_clicked(
    optout: Optout, member: Member, sandbox: Sandbox
) -> None:
    login(optout, member)
    sandbox.set_fault("x", "label-changed", account=member.account)
    done = optout("apply", "x", "--json")
    assert done.returncode == 16, done.stdout + done.stderr
    assert results(done.stdout)[0]["status"] == "site-changed"
    assert sandbox.writes("x", member.account) == 0


def test_slow_pages_still_succeed(optout: Optout, member: Member, sandbox: Sandbox) -> None:
    login(optout, member)
    sandbox.set_fault("x", "slow", 3, account=member.account)
    done = optout("apply", "x")
    assert done.returncode == 0, done.stdout + done.stderr
    assert sandbox.get_setting("x", member.account, TRAINING) is False
