"""The daily re-verification in the user's crontab: one entry, found again by its marker."""

from __future__ import annotations

import json
import os
import random
import re
import shlex
import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from optout import paths
from optout.errors import UsageError

HHMM = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


def marker() -> str:
    """The comment that marks this OPTOUT_HOME's entry, so two homes keep two entries."""
    return f"optout verify, OPTOUT_HOME={paths.home()}"


def _settings_file() -> Path:
    return paths.home() / "schedule.json"


def stored_notify_urls() -> list[str]:
    """The --notify URLs saved by `schedule install` (kept out of the crontab: they hold tokens)."""
    raw = paths.read_private(_settings_file())
    if not raw:
        return []
    try:
        urls = json.loads(raw.decode("utf-8")).get("notify", [])
    except (UnicodeDecodeError, json.JSONDecodeError, AttributeError):
        return []
    return [u for u in urls if isinstance(u, str)]


def optout_command() -> list[str]:
    """The absolute path of this installed optout (cron has a short PATH)."""
    script = Path(sys.executable).parent / "optout"
    if script.is_file() and os.access(script, os.X_OK):
        return [str(script.absolute())]
    return [str(Path(sys.executable).absolute()), "-m", "optout"]


def cron_times(at: str | None, expression: str | None) -> str:
    """The five cron fields: --cron as given, --at HH:MM daily, or a random minute of the day."""
    from crontab import CronSlices

    if at and expression:
        raise UsageError("give --at or --cron, not both", hint="e.g. optout schedule install --at 07:30")
    if expression:
        if not CronSlices.is_valid(expression) or len(expression.split()) != 5:
            raise UsageError(
                f"--cron {expression!r} is not a five-field cron expression", hint="e.g. --cron '17 8 * * *'"
            )
        return expression
    if at:
        match = HHMM.match(at)
        if not match:
            raise UsageError(f"--at {at!r} is not a time of day", hint="use HH:MM, e.g. --at 07:30")
        return f"{int(match.group(2))} {int(match.group(1))} * * *"
    # Not on the hour: thousands of users must not all knock at xx:00.
    return f"{random.randint(1, 59)} {random.randint(7, 21)} * * *"


@dataclass(frozen=True)
class Reach:
    """Whether cron will reach the keyring, and what to tell the user."""

    ok: bool
    advice: str
    environment: dict[str, str]


def keyring_reach() -> Reach:
    """What cron needs to reach the keyring from here, and whether that will work."""
    if sys.platform != "linux":
        return Reach(True, "cron runs as you; your system keyring is used as in a terminal", {})
    bus = os.environ.get("DBUS_SESSION_BUS_ADDRESS", "")
    if not bus:
        return Reach(
            False,
            "there is no D-Bus session here, so cron will not reach a keyring and every scheduled run "
            "will stop with needs-you; see README 'Keep it off' (session keyring, or dbus-run-session "
            "with gnome-keyring, or another secure backend)",
            {},
        )
    if re.search(r"unix:path=/run/user/\d+/bus", bus):
        return Reach(
            True,
            f"cron will use your login session's keyring ({bus}) while you are logged in and it is "
            "unlocked; to keep it reachable after you log out: loginctl enable-linger",
            {"DBUS_SESSION_BUS_ADDRESS": bus},
        )
    return Reach(
        False,
        f"this D-Bus session ({bus}) ends with the program that started it, so cron will most likely not "
        "reach the keyring; see README 'Keep it off' for a keyring cron can use",
        {"DBUS_SESSION_BUS_ADDRESS": bus},
    )


def command(platforms: tuple[str, ...], environment: dict[str, str]) -> str:
    """The shell command of the entry: environment, absolute optout, verify --fix --quiet."""
    env = dict(environment)
    env["OPTOUT_HOME"] = str(paths.home())
    if os.environ.get("OPTOUT_CHROMIUM"):
        env["OPTOUT_CHROMIUM"] = os.environ["OPTOUT_CHROMIUM"]
    words = [*optout_command(), "verify", "--fix", "--quiet", "--scheduled", *platforms]
    assignments = [f"{k}={shlex.quote(v)}" for k, v in sorted(env.items())]
    return " ".join([*assignments, *(shlex.quote(w) for w in words)])


def install(times: str, platforms: tuple[str, ...], notify_urls: tuple[str, ...], reach: Reach) -> str:
    """Add (or replace) this home's entry; store the notify URLs privately. Returns the entry line."""
    from crontab import CronTab

    settings = {"notify": list(notify_urls), "platforms": list(platforms), "installed_at": datetime.now().isoformat()}
    paths.write_private(_settings_file(), json.dumps(settings, indent=2).encode("utf-8"))
    cron = CronTab(user=True)
    cron.remove_all(comment=marker())
    job = cron.new(command=command(platforms, reach.environment), comment=marker())
    job.setall(times)
    cron.write()
    return str(job)


def remove() -> bool:
    """Delete this home's entry; True if there was one."""
    from crontab import CronTab

    cron = CronTab(user=True)
    found = list(cron.find_comment(marker()))
    if found:
        cron.remove_all(comment=marker())
        cron.write()
    return bool(found)


@dataclass(frozen=True)
class Entry:
    """This home's crontab entry as it stands."""

    line: str
    times: str
    next_run: str | None


def current() -> Entry | None:
    """This home's entry, if installed, with its next run time."""
    from crontab import CronTab

    for job in CronTab(user=True).find_comment(marker()):
        try:
            upcoming = job.schedule(date_from=datetime.now()).get_next().isoformat(timespec="minutes")
        except Exception:  # croniter missing or an expression it cannot iterate
            upcoming = None
        return Entry(str(job), job.slices.render(), upcoming)
    return None
