"""End to end: the real `optout` command, real Chromium, the real keyring, the Claude replica.

Claude has no password: the person signs in once with `optout login claude --headed` (here the
replica's person-signs-in fault plays the person in a virtual display), and runs use the session.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from optout.sandbox import Sandbox
from tests.conftest import MakeAccount, Member, Optout
from tests.e2e.journey import results

SITE = "claude"
KEY = "grove_enabled"
HEADED_HINT = "optout login claude --headed"


@pytest.fixture
def member(account_on: MakeAccount, sandbox: Sandbox) -> Iterator[Member]:
    """A fresh Claude replica account, "Help improve Claude" on (as the 2025 pop-up pre-set it)."""
    made = account_on(SITE)
    yield made
    sandbox.set_fault(SITE, "person-signs-in", False)


def login(optout: Optout, member: Member, sandbox: Sandbox) -> None:
    """`optout login claude --headed`, with the replica playing the person who follows the emailed link."""
    sandbox.set_fault(SITE, "person-signs-in", member.account)
    try:
        done = optout("login", SITE, "--account", member.account, "--headed", display=True)
    finally:
        sandbox.set_fault(SITE, "person-signs-in", False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Signed in to Claude" in done.stdout
    assert "password stored" not in done.stdout


def auth_posts(sandbox: Sandbox) -> list[object]:
    """Every sign-in request (email sent, code or link checked) the replica has received."""
    return [r for r in sandbox.requests(SITE) if r.method == "POST" and r.path.startswith("/api/auth/")]


def test_headed_login_through_the_magic_link_saves_a_session_and_no_password(
    optout: Optout, member: Member, sandbox: Sandbox
) -> None:
    login(optout, member, sandbox)
    sessions = list((optout.home / "sessions").rglob("*.session"))
    assert len(sessions) == 1
    assert b"sk-ant-sid01" not in sessions[0].read_bytes()
    listed = optout("accounts")
    assert member.account in listed.stdout and "session" in listed.stdout
    paths = [r.path for r in sandbox.requests(SITE) if r.account == member.account]
    assert "/new" in paths  # the app page was reached only after the fragment token was exchanged


def test_dry_run_apply_and_a_second_apply(optout: Optout, member: Member, sandbox: Sandbox) -> None:
    login(optout, member, sandbox)
    dry = optout("apply", SITE, "--dry-run", "--json")
    assert dry.returncode == 4, dry.stdout + dry.stderr
    [row] = results(dry.stdout)
    assert row["setting"] == "help-improve-claude"
    assert (row["before"], row["action"], row["status"]) == ("on", "would-change", "not-off")
    assert sandbox.writes(SITE, member.account) == 0

    done = optout("apply", SITE, "--json")
    assert done.returncode == 0, done.stdout + done.stderr
    [row] = results(done.stdout)
    assert (row["before"], row["after"], row["action"], row["status"]) == ("on", "off", "changed", "ok")
    assert sandbox.get_setting(SITE, member.account, KEY) is False
    assert sandbox.get_setting(SITE, member.account, "location_metadata") is True  # the other toggle
    assert sandbox.writes(SITE, member.account) == 1

    again = optout("apply", SITE, "--json")
    assert again.returncode == 0, again.stdout + again.stderr
    assert results(again.stdout)[0]["action"] == "unchanged"
    assert sandbox.writes(SITE, member.account) == 1


def test_drift_is_found_by_verify_and_fixed_by_verify_fix(optout: Optout, member: Member, sandbox: Sandbox) -> None:
    login(optout, member, sandbox)
    assert optout("apply", SITE).returncode == 0
    assert optout("verify", SITE).returncode == 0
    sandbox.set_setting(SITE, member.account, KEY, True)
    found = optout("verify", SITE, "--quiet")
    assert found.returncode == 4
    assert "Help improve Claude" in found.stdout
    fixed = optout("verify", SITE, "--fix", "--json")
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
    assert results(fixed.stdout)[0]["action"] == "changed"
    assert sandbox.get_setting(SITE, member.account, KEY) is False
    quiet = optout("verify", SITE, "--quiet")
    assert (quiet.returncode, quiet.stdout) == (0, "")


@pytest.mark.parametrize("fault", ["no-persist", "save-500"])
def test_a_save_that_does_not_persist_is_never_ok(optout: Optout, member: Member, sandbox: Sandbox, fault: str) -> None:
    login(optout, member, sandbox)
    sandbox.set_fault(SITE, fault, account=member.account)
    done = optout("apply", SITE, "--json")
    [row] = results(done.stdout)
    assert row["status"] != "ok" and row["after"] == "on"
    assert done.returncode & 4 or done.returncode & 32
    assert sandbox.get_setting(SITE, member.account, KEY) is True


def test_a_lost_session_needs_you_with_the_headed_login_hint(optout: Optout, member: Member, sandbox: Sandbox) -> None:
    login(optout, member, sandbox)
    for saved in (optout.home / "sessions").rglob("*.session"):
        saved.unlink()
    done = optout("apply", SITE, "--json")
    assert done.returncode == 8, done.stdout + done.stderr
    [row] = results(done.stdout)
    assert row["status"] == "needs-you"
    assert HEADED_HINT in str(row["message"])
    assert sandbox.writes(SITE, member.account) == 0


def test_an_expired_session_needs_you_and_types_nothing(optout: Optout, member: Member, sandbox: Sandbox) -> None:
    login(optout, member, sandbox)
    sandbox.set_fault(SITE, "expired-session", account=member.account)
    sign_ins = len(auth_posts(sandbox))
    done = optout("verify", SITE, "--json")
    assert done.returncode == 8, done.stdout + done.stderr
    assert HEADED_HINT in str(results(done.stdout)[0]["message"])
    assert len(auth_posts(sandbox)) == sign_ins  # nothing was typed into the login page


def test_no_account_needs_you(optout: Optout) -> None:
    done = optout("apply", SITE, "--json")
    assert done.returncode == 8
    [row] = results(done.stdout)
    assert row["status"] == "needs-you"
    assert "optout login claude" in str(row["message"])


def test_a_password_login_is_refused_as_needs_you(optout: Optout, member: Member, sandbox: Sandbox) -> None:
    done = optout("login", SITE, "--account", member.account, "--password-stdin", stdin=member.password)
    assert done.returncode == 8, done.stdout + done.stderr
    assert HEADED_HINT in done.stderr


def test_cloudflare_needs_you_and_nothing_is_clicked(optout: Optout, member: Member, sandbox: Sandbox) -> None:
    login(optout, member, sandbox)
    sandbox.set_fault(SITE, "cloudflare", account=member.account)
    done = optout("apply", SITE, "--json")
    assert done.returncode == 8, done.stdout + done.stderr
    assert results(done.stdout)[0]["status"] == "needs-you"
    assert sandbox.challenge_clicks(SITE, member.account) == 0
    assert sandbox.writes(SITE, member.account) == 0


@pytest.mark.parametrize("variant", [True, "checkbox"], ids=["switch", "checkbox"])
def test_the_articles_capitals_and_an_unnamed_toggle_still_work(
    optout: Optout, member: Member, sandbox: Sandbox, variant: object
) -> None:
    login(optout, member, sandbox)
    sandbox.set_fault(SITE, "label-variant", variant, account=member.account)
    done = optout("apply", SITE, "--json")
    assert done.returncode == 0, done.stdout + done.stderr
    assert sandbox.get_setting(SITE, member.account, KEY) is False
    assert sandbox.get_setting(SITE, member.account, "location_metadata") is True


def test_a_plan_without_the_setting_is_site_changed_not_off(optout: Optout, member: Member, sandbox: Sandbox) -> None:
    login(optout, member, sandbox)
    sandbox.set_fault(SITE, "team-plan", account=member.account)
    done = optout("apply", SITE, "--json")
    assert done.returncode == 16, done.stdout + done.stderr
    [row] = results(done.stdout)
    assert (row["status"], row["after"]) == ("site-changed", None)
    assert sandbox.writes(SITE, member.account) == 0
    assert sandbox.get_setting(SITE, member.account, "location_metadata") is True


def test_the_terms_pop_up_needs_you_and_is_not_answered(optout: Optout, member: Member, sandbox: Sandbox) -> None:
    login(optout, member, sandbox)
    sandbox.set_fault(SITE, "terms-update", account=member.account)
    done = optout("apply", SITE, "--json")
    assert done.returncode == 8, done.stdout + done.stderr
    assert results(done.stdout)[0]["status"] == "needs-you"
    assert sandbox.challenge_clicks(SITE, member.account) == 0  # "Accept" was not pressed
    assert sandbox.writes(SITE, member.account) == 0
    assert sandbox.get_setting(SITE, member.account, KEY) is True


def test_a_sentence_that_mentions_the_terms_update_is_no_challenge(
    optout: Optout, member: Member, sandbox: Sandbox
) -> None:
    login(optout, member, sandbox)
    sandbox.set_fault(SITE, "terms-mention", account=member.account)
    done = optout("apply", SITE, "--json")
    assert done.returncode == 0, done.stdout + done.stderr
    assert sandbox.get_setting(SITE, member.account, KEY) is False
