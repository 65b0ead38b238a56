"""End to end: what a run does when things around it go wrong (lock, rejected password, browser)."""

from __future__ import annotations

import json

from filelock import FileLock

from optout.sandbox import Sandbox
from tests.conftest import Member, Optout
from tests.e2e.journey import results
from tests.e2e.test_linkedin import AI, login


def test_a_second_run_while_one_holds_the_lock_exits_32_without_contacting_a_site(
    optout: Optout, member: Member, sandbox: Sandbox
) -> None:
    login(optout, member)
    seen = len(sandbox.requests("linkedin"))
    with FileLock(optout.home / "run.lock", timeout=1):
        done = optout("apply", "linkedin", "--json")
    assert done.returncode == 32, done.stderr
    assert "another optout run" in done.stderr
    assert json.loads(done.stdout) == {"results": [], "new_settings": []}
    assert len(sandbox.requests("linkedin")) == seen


def test_a_stored_password_the_site_rejects_is_not_tried_again(
    optout: Optout, member: Member, sandbox: Sandbox
) -> None:
    login(optout, member)
    sandbox.add_account("linkedin", member.account, "the-password-was-changed-elsewhere")
    sandbox.set_fault("linkedin", "expired-session", account=member.account)
    first = optout("verify", "linkedin", "--quiet")
    assert first.returncode == 8
    assert "did not accept the password" in first.stdout + first.stderr
    second = optout("verify", "linkedin", "--quiet")
    assert second.returncode == 8
    assert f"optout login linkedin --account {member.account}" in second.stdout + second.stderr
    assert sandbox.password_submissions("linkedin", member.account) == 2  # the first login and one retry


def test_a_browser_that_does_not_start_is_reported_per_setting(optout: Optout, member: Member) -> None:
    login(optout, member)
    optout.env_extra["OPTOUT_CHROMIUM"] = "/bin/false"
    done = optout("verify", "linkedin", "--json")
    assert done.returncode == 8
    [row] = results(done.stdout)
    assert row["status"] == "needs-you"
    assert "playwright install chromium" in str(row["message"])
    assert "Traceback" not in done.stderr


def test_json_is_printed_even_when_nothing_could_run(optout: Optout) -> None:
    done = optout("verify", "--all", "--json")
    assert done.returncode == 8
    assert json.loads(done.stdout) == {"results": [], "new_settings": []}
    assert "optout login" in done.stderr


def test_quiet_verify_stays_silent_for_a_setting_not_offered(optout: Optout, member: Member, sandbox: Sandbox) -> None:
    login(optout, member)
    sandbox.set_fault("linkedin", "absent", account=member.account)
    done = optout("verify", "linkedin", "--quiet")
    assert (done.returncode, done.stdout) == (0, "")
    assert sandbox.get_setting("linkedin", member.account, AI) is True


def test_a_mistyped_account_is_a_usage_error_naming_the_accounts(optout: Optout, member: Member) -> None:
    login(optout, member)
    done = optout("apply", "linkedin", "--account", "someone-else@example.com")
    assert done.returncode == 2
    assert member.account in done.stderr
