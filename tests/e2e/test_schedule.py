"""End to end: `optout schedule` with the real crontab of the user running the tests."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections.abc import Iterator

import pytest

from tests.conftest import Member, Optout
from tests.e2e.test_linkedin import login


def crontab_lines() -> list[str]:
    """The invoking user's crontab, as `crontab -l` prints it (empty when there is none)."""
    done = subprocess.run(["crontab", "-l"], capture_output=True, text=True, check=False)
    return [line for line in done.stdout.splitlines() if line.strip()] if done.returncode == 0 else []


def ours(optout: Optout) -> list[str]:
    """The crontab lines of this test's OPTOUT_HOME entry."""
    return [line for line in crontab_lines() if f"OPTOUT_HOME={optout.home}" in line and not line.startswith("#")]


@pytest.fixture
def scheduled(optout: Optout) -> Iterator[Optout]:
    """The optout command; whatever entry the test installs is removed afterwards."""
    if shutil.which("crontab") is None:
        pytest.fail("crontab is missing: scripts/setup installs Debian's cron package")
    yield optout
    optout("schedule", "remove")


def test_install_replace_status_remove_in_the_real_crontab(scheduled: Optout) -> None:
    optout = scheduled
    others = [line for line in crontab_lines() if str(optout.home) not in line]
    done = optout("schedule", "install", "--at", "07:30", "linkedin")
    assert done.returncode == 0, done.stderr
    [line] = ours(optout)
    assert line.startswith("30 7 * * * ")
    assert re.search(r"/optout'? verify --fix --quiet --scheduled linkedin", line) or re.search(
        r"python[\d.]*'? -m optout verify --fix --quiet --scheduled linkedin", line
    )
    command_path = line.split("verify")[0].split()[-1].strip("'")
    assert command_path.startswith("/"), "cron gets the absolute path of optout"
    assert "Next run:" in done.stdout

    again = optout("schedule", "install", "--cron", "5 4 * * 1")
    assert again.returncode == 0, again.stderr
    [line] = ours(optout)  # replaced, not added
    assert line.startswith("5 4 * * 1 ") and f"--scheduled # optout verify, OPTOUT_HOME={optout.home}" in line
    assert [x for x in crontab_lines() if str(optout.home) not in x] == others  # nothing else touched

    status = optout("schedule", "status", "--json")
    assert status.returncode == 0, status.stderr
    document = json.loads(status.stdout)
    assert document["installed"] is True and document["schedule"] == "5 4 * * 1"
    assert document["next_run"] and document["last_run"] is None
    assert isinstance(document["keyring_reachable"], bool) and document["keyring_advice"]

    removed = optout("schedule", "remove")
    assert removed.returncode == 0 and "Removed" in removed.stdout
    assert ours(optout) == []
    assert json.loads(optout("schedule", "status", "--json").stdout)["installed"] is False


def test_default_time_is_a_random_minute_and_notify_urls_stay_out_of_the_crontab(scheduled: Optout) -> None:
    optout = scheduled
    secret_url = "json://127.0.0.1:9/hook-token-123"
    done = optout("schedule", "install", "--notify", secret_url)
    assert done.returncode == 0, done.stderr
    [line] = ours(optout)
    minute = int(line.split()[0])
    assert 1 <= minute <= 59, "not on the hour"
    assert "hook-token-123" not in "\n".join(crontab_lines())
    stored = optout.home / "schedule.json"
    assert stored.stat().st_mode & 0o777 == 0o600
    assert json.loads(stored.read_text())["notify"] == [secret_url]


def test_install_says_plainly_when_cron_cannot_reach_the_keyring(scheduled: Optout) -> None:
    optout = scheduled
    optout.env_extra["DBUS_SESSION_BUS_ADDRESS"] = ""
    done = optout("schedule", "install", "--at", "06:15")
    assert done.returncode == 0, done.stderr
    assert "Warning: there is no D-Bus session here, so cron will not reach a keyring" in done.stdout
    assert "README" in done.stdout
    assert "DBUS_SESSION_BUS_ADDRESS" not in ours(optout)[0]
    status = optout("schedule", "status")
    assert "cron will not reach a keyring" in status.stdout


def test_bad_times_are_one_line_usage_errors(scheduled: Optout) -> None:
    for args in (("--at", "25:00"), ("--cron", "every day"), ("--at", "07:00", "--cron", "0 7 * * *")):
        done = scheduled("schedule", "install", *args)
        assert done.returncode == 2, args
        assert len(done.stderr.strip().splitlines()) == 1 and "Traceback" not in done.stderr
    assert ours(scheduled) == []


def test_status_shows_the_last_scheduled_runs_outcome(scheduled: Optout, member: Member) -> None:
    optout = scheduled
    login(optout, member)
    assert optout("schedule", "install", "--at", "03:00", "linkedin").returncode == 0
    # What cron would run (the entry's own command, minus the environment cron adds):
    run = optout("verify", "--fix", "--quiet", "--scheduled", "linkedin")
    assert run.returncode == 0, run.stderr
    status = json.loads(optout("schedule", "status", "--json").stdout)
    assert status["last_run"]["exit"] == run.returncode and status["last_run"]["finished_at"]
