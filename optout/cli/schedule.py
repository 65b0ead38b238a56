"""`optout schedule install|status|remove`: the daily `verify --fix --quiet` in your crontab."""

from __future__ import annotations

import json

import click

from optout import registry
from optout.cli import cli


@cli.group()
def schedule() -> None:
    """Re-verify every day from cron; silent while all is well."""


@schedule.command()
@click.argument("platforms", nargs=-1, metavar="[PLATFORM]...")
@click.option("--at", "at", metavar="HH:MM", help="Run daily at this time (default: a random minute).")
@click.option("--cron", "expression", metavar="EXPR", help="A five-field cron expression instead of --at.")
@click.option("--notify", "notify_urls", multiple=True, metavar="URL", help="Also send reports here (apprise URL).")
def install(platforms: tuple[str, ...], at: str | None, expression: str | None, notify_urls: tuple[str, ...]) -> int:
    """Add the entry to your crontab (installing again replaces it)."""
    from optout import notify
    from optout import schedule as crontab_entry

    for platform in platforms:
        registry.load(platform)
    notify.check_available(notify_urls)
    times = crontab_entry.cron_times(at, expression)
    reach = crontab_entry.keyring_reach()
    line = crontab_entry.install(times, platforms, notify_urls, reach)
    entry = crontab_entry.current()
    click.echo(f"Installed in your crontab:\n  {line}")
    if entry is not None and entry.next_run:
        click.echo(f"Next run: {entry.next_run}")
    if notify_urls:
        click.echo(f"Reports also go to {len(notify_urls)} notification URL(s), stored privately under OPTOUT_HOME.")
    click.echo("Cron mails what a run prints: nothing while every setting stays as wanted.")
    click.echo(("Keyring: " if reach.ok else "Warning: ") + reach.advice)
    return 0


@schedule.command()
@click.option("--json", "as_json", is_flag=True, help="Print one JSON document.")
def status(as_json: bool) -> int:
    """Show the entry, its next run, the last scheduled run's outcome, and whether cron reaches the keyring."""
    from optout import schedule as crontab_entry
    from optout.history import History

    entry = crontab_entry.current()
    reach = crontab_entry.keyring_reach()
    history = History.open()
    try:
        last = history.last_scheduled_run()
    finally:
        history.close()
    document = {
        "installed": entry is not None,
        "entry": entry.line if entry else None,
        "schedule": entry.times if entry else None,
        "next_run": entry.next_run if entry else None,
        "last_run": (
            {"started_at": last["started_at"], "finished_at": last["finished_at"], "exit": last["exit"]}
            if last
            else None
        ),
        "keyring_reachable": reach.ok,
        "keyring_advice": reach.advice,
    }
    if as_json:
        click.echo(json.dumps(document, indent=2))
        return 0
    if entry is None:
        click.echo("No schedule is installed for this OPTOUT_HOME (run: optout schedule install).")
        click.echo(("Keyring: " if reach.ok else "Warning: ") + reach.advice)
        return 0
    click.echo(f"Entry: {entry.line}")
    click.echo(f"Next run: {entry.next_run or 'unknown'}")
    if last is None:
        click.echo("Last scheduled run: none yet")
    elif last["finished_at"] is None:
        click.echo(f"Last scheduled run: started {last['started_at']}, did not finish (see: optout history)")
    else:
        outcome = "all as wanted" if last["exit"] == 0 else f"exit {last['exit']} (see: optout history)"
        click.echo(f"Last scheduled run: {last['started_at']}, {outcome}")
    click.echo(("Keyring: " if reach.ok else "Warning: ") + reach.advice)
    return 0


@schedule.command()
def remove() -> int:
    """Delete the entry from your crontab."""
    from optout import schedule as crontab_entry

    if crontab_entry.remove():
        click.echo("Removed the optout entry from your crontab.")
    else:
        click.echo("There was no optout entry for this OPTOUT_HOME in your crontab.")
    return 0
