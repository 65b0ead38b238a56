"""End to end: the real `optout` command, real Chromium, the real keyring, the Tumblr replica."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from optout.sandbox import Sandbox
from tests.conftest import MakeAccount, Member, Optout

TB = "tumblr"
PRIMARY = "driftwood-notes"  # sharing allowed: the one to change
SIDE = "moth-archive"  # searching discouraged, so switched on already


def sharing(sandbox: Sandbox, member: Member, blog: str) -> object:
    """What the server stores for a blog's "Prevent third-party sharing"."""
    return sandbox.get_setting(TB, member.account, f"{blog}:prevent_third_party_sharing")


def login(optout: Optout, member: Member) -> None:
    """Log in once, password on stdin."""
    done = optout("login", TB, "--account", member.account, "--password-stdin", stdin=member.password + "\n")
    assert done.returncode == 0, done.stdout + done.stderr


def by_blog(stdout: str) -> dict[object, dict[str, object]]:
    """The rows of a --json document, by blog."""
    return {row["site"]: row for row in json.loads(stdout)["results"]}


@pytest.fixture
def member(account_on: MakeAccount) -> Member:
    """A Tumblr replica account with a primary and a side blog."""
    return account_on(TB)


@pytest.fixture
def two_step_login(sandbox: Sandbox) -> Iterator[None]:
    """The older log-in form (email, Next, password), for this test only."""
    sandbox.set_fault(TB, "two-step-login")
    yield
    sandbox.set_fault(TB, "two-step-login", False)


def test_dry_run_reports_each_blog_and_writes_nothing(optout: Optout, member: Member, sandbox: Sandbox) -> None:
    login(optout, member)
    assert sandbox.password_submissions(TB, member.account) == 1
    done = optout("apply", TB, "--dry-run", "--json")
    assert done.returncode == 4, done.stdout + done.stderr
    rows = by_blog(done.stdout)
    assert list(rows) == [PRIMARY, SIDE]
    primary = rows[PRIMARY]
    assert (primary["before"], primary["wanted"], primary["action"], primary["status"]) == (
        "off",
        "on",
        "would-change",
        "not-off",
    )
    assert primary["label"] == f"Prevent third-party sharing for {PRIMARY}"
    assert (rows[SIDE]["before"], rows[SIDE]["status"]) == ("on", "ok")
    assert sandbox.writes(TB, member.account) == 0


def test_apply_changes_only_the_blog_not_yet_opted_out(optout: Optout, member: Member, sandbox: Sandbox) -> None:
    login(optout, member)
    done = optout("apply", TB, "--json")
    assert done.returncode == 0, done.stdout + done.stderr
    rows = by_blog(done.stdout)
    assert (rows[PRIMARY]["before"], rows[PRIMARY]["after"], rows[PRIMARY]["action"]) == ("off", "on", "changed")
    assert (rows[SIDE]["status"], rows[SIDE]["action"]) == ("ok", "unchanged")
    assert sharing(sandbox, member, PRIMARY) is True
    # The other switches on the page, some with similar words, were left alone.
    assert sandbox.get_setting(TB, member.account, f"{PRIMARY}:share_to_apps") is True
    assert sandbox.get_setting(TB, member.account, f"{PRIMARY}:discourage_search") is False
    assert sandbox.writes(TB, member.account) == 1

    again = optout("apply", TB, "--json")
    assert again.returncode == 0, again.stdout + again.stderr
    assert {r["action"] for r in by_blog(again.stdout).values()} == {"unchanged"}
    assert optout("verify", TB).returncode == 0
    assert sandbox.writes(TB, member.account) == 1
    assert sandbox.password_submissions(TB, member.account) == 1


def test_drift_is_found_by_verify_and_fixed_by_verify_fix(optout: Optout, member: Member, sandbox: Sandbox) -> None:
    login(optout, member)
    assert optout("apply", TB).returncode == 0
    sandbox.set_setting(TB, member.account, f"{SIDE}:prevent_third_party_sharing", False)
    found = optout("verify", TB, "--quiet")
    assert found.returncode == 4
    assert SIDE in found.stdout
    fixed = optout("verify", TB, "--fix", "--json")
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
    rows = by_blog(fixed.stdout)
    assert (rows[SIDE]["action"], rows[PRIMARY]["action"]) == ("changed", "unchanged")
    assert sharing(sandbox, member, SIDE) is True
    quiet = optout("verify", TB, "--quiet")
    assert (quiet.returncode, quiet.stdout) == (0, "")


@pytest.mark.parametrize("fault", ["no-persist", "save-500"])
def test_a_change_that_does_not_stick_is_never_ok(optout: Optout, member: Member, sandbox: Sandbox, fault: str) -> None:
    login(optout, member)
    sandbox.set_fault(TB, fault, account=member.account)
    done = optout("apply", TB, "--json")
    row = by_blog(done.stdout)[PRIMARY]
    assert row["status"] != "ok" and row["after"] == "off"
    assert done.returncode & 4 or done.returncode & 32
    assert sharing(sandbox, member, PRIMARY) is False


@pytest.mark.parametrize("faults", [("needs-save",), ("unnamed-switch",), ("api-401", "select-switcher")], ids="+".join)
def test_other_markup_the_reference_allows_still_opts_out(
    optout: Optout, member: Member, sandbox: Sandbox, faults: tuple[str, ...]
) -> None:
    """A Save button shown after the change, a switch named only by the text beside it, a <select> switcher."""
    login(optout, member)
    for fault in faults:
        sandbox.set_fault(TB, fault, account=member.account)
    done = optout("apply", TB, "--json")
    assert done.returncode == 0, done.stdout + done.stderr
    rows = by_blog(done.stdout)
    assert list(rows) == [PRIMARY, SIDE]
    assert (rows[PRIMARY]["action"], rows[SIDE]["action"]) == ("changed", "unchanged")
    assert sharing(sandbox, member, PRIMARY) is True
    assert sandbox.writes(TB, member.account) == 1


@pytest.fixture
def busy_pages(sandbox: Sandbox) -> Iterator[None]:
    """A header "Log in" button, a reCAPTCHA note and a 2FA settings section, for this test only."""
    sandbox.set_fault(TB, "busy-pages")
    yield
    sandbox.set_fault(TB, "busy-pages", False)


@pytest.mark.usefixtures("busy_pages")
def test_pages_that_only_mention_two_factor_or_recaptcha_are_no_challenge(
    optout: Optout, member: Member, sandbox: Sandbox
) -> None:
    login(optout, member)
    sandbox.set_fault(TB, "api-401", account=member.account)  # the blogs come from /settings/account
    done = optout("apply", TB, "--json")
    assert done.returncode == 0, done.stdout + done.stderr
    assert list(by_blog(done.stdout)) == [PRIMARY, SIDE]
    assert sharing(sandbox, member, PRIMARY) is True
    assert sandbox.password_submissions(TB, member.account) == 1


@pytest.mark.parametrize("fault", ["two-factor", "captcha"])
def test_a_check_after_the_password_needs_you_and_nothing_is_clicked(
    optout: Optout, member: Member, sandbox: Sandbox, fault: str
) -> None:
    sandbox.set_fault(TB, fault, account=member.account)
    done = optout("login", TB, "--account", member.account, "--password-stdin", stdin=member.password)
    assert done.returncode == 8, done.stdout + done.stderr
    assert "optout login tumblr --headed" in done.stderr
    assert sandbox.challenge_clicks(TB, member.account) == 0
    assert sandbox.password_submissions(TB, member.account) == 1


def test_wrong_password_needs_you_and_is_not_stored(optout: Optout, member: Member, sandbox: Sandbox) -> None:
    done = optout("login", TB, "--account", member.account, "--password-stdin", stdin="not-the-password")
    assert done.returncode == 8, done.stdout + done.stderr
    assert "did not accept the password" in done.stderr
    assert sandbox.password_submissions(TB, member.account) == 1
    assert optout("apply", TB).returncode == 8


@pytest.mark.usefixtures("two_step_login")
def test_the_older_two_step_login_form_works(optout: Optout, member: Member, sandbox: Sandbox) -> None:
    login(optout, member)
    assert sandbox.password_submissions(TB, member.account) == 1
    assert optout("apply", TB).returncode == 0
    assert sharing(sandbox, member, PRIMARY) is True


def test_expired_session_logs_in_again_once_and_reads_the_blog_switcher(
    optout: Optout, member: Member, sandbox: Sandbox
) -> None:
    login(optout, member)
    sandbox.set_fault(TB, "expired-session", account=member.account)
    done = optout("apply", TB, "--json")
    assert done.returncode == 0, done.stdout + done.stderr
    assert list(by_blog(done.stdout)) == [PRIMARY, SIDE]
    assert sharing(sandbox, member, PRIMARY) is True
    assert sandbox.password_submissions(TB, member.account) == 2


def test_blogs_listed_by_the_switcher_when_the_api_refuses(optout: Optout, member: Member, sandbox: Sandbox) -> None:
    login(optout, member)
    sandbox.set_fault(TB, "api-401", account=member.account)
    sandbox.set_fault(TB, "checkbox-toggle", account=member.account)
    done = optout("apply", TB, "--json")
    assert done.returncode == 0, done.stdout + done.stderr
    assert list(by_blog(done.stdout)) == [PRIMARY, SIDE]
    assert sharing(sandbox, member, PRIMARY) is True
    assert sandbox.writes(TB, member.account) == 1


def test_slow_pages_still_succeed(optout: Optout, member: Member, sandbox: Sandbox) -> None:
    login(optout, member)
    sandbox.set_fault(TB, "slow", 2, account=member.account)
    done = optout("apply", TB)
    assert done.returncode == 0, done.stdout + done.stderr
    assert sharing(sandbox, member, PRIMARY) is True
