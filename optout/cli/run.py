"""`optout apply` and `optout verify`: read, change (unless asked not to), read back, report."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Sequence

import click

from optout import registry, render
from optout.cli import Globals, cli
from optout.cli.selection import tasks
from optout.errors import Exit, OptoutError
from optout.runlock import one_run_at_a_time

platforms_argument = click.argument("platforms", nargs=-1, metavar="[PLATFORM]...")
all_option = click.option("--all", "every", is_flag=True, help="Every platform with an account set up.")
account_option = click.option("--account", "accounts", multiple=True, metavar="ID", help="Only this account.")
json_option = click.option("--json", "as_json", is_flag=True, help="Print one JSON document to stdout.")


def execute(
    g: Globals,
    mode: str,
    platforms: Sequence[str],
    every: bool,
    accounts: Sequence[str],
    keys: Sequence[str],
    headed: bool,
    as_json: bool,
    quiet: bool,
    notify_urls: Sequence[str] = (),
    scheduled: bool = False,
) -> int:
    """Run the engine over the chosen tasks, record and print the results, return the exit bits."""
    from optout import drift, notify, schedule
    from optout.browser import probe_sandbox
    from optout.engine import Options, exit_code, run
    from optout.history import History

    try:
        if scheduled:
            notify_urls = [*notify_urls, *schedule.stored_notify_urls()]
        notify.check_available(notify_urls)
        chosen = tasks(platforms, every, accounts, keys)
        sandbox = probe_sandbox(g.sandbox) if g.sandbox else None
        with one_run_at_a_time():
            history = History.open()
            if history.notice:
                click.echo(f"optout: {history.notice}", err=True)
            try:
                history.begin(command_line(sys.argv[1:]), scheduled)
                interactive = sys.stdin.isatty() and sys.stdout.isatty()
                options = Options(
                    mode=mode,  # type: ignore[arg-type]
                    headed=headed,
                    sandbox=sandbox,
                    journal=history,
                    interactive=interactive,
                )
                results = asyncio.run(run(chosen, options))
                drift.explain(results, history.off_since, lambda p: registry.load(p).title)
                new_settings = [n.as_json() for n in history.new_settings]
                code = exit_code(results)
                reconciled = history.finish(results, code)
            finally:
                history.close()
    except OptoutError:
        if as_json:
            click.echo(render.json_document([]))  # scripts always get a document to parse
        raise
    notes = [
        f"an earlier run stopped while changing {r.platform} ({r.account}) '{r.label}' at {r.started_at}; "
        f"it now reads {r.state}"
        for r in reconciled
    ]
    report = render.report(results) + render.findings(new_settings, notes)
    if as_json:
        click.echo(render.json_document(results, new_settings))
    elif quiet:
        click.echo(report, nl=False)
    else:
        click.echo(
            render.table(results) + ("\n" + render.findings(new_settings, notes) if new_settings or notes else ""),
            nl=False,
        )
    failed = notify.send(notify_urls, report)
    for target in failed:
        click.echo(f"optout: the notification to {target} could not be sent (check the URL and the network)", err=True)
    return code | (Exit.UNAVAILABLE if failed else 0)


def command_line(argv: Sequence[str]) -> str:
    """The command as recorded in the history, notification URLs cut to scheme and host (tokens)."""
    from optout.notify import scheme_of

    words = ["optout"]
    hide_next = False
    for word in argv:
        if hide_next:
            words.append(scheme_of(word))
        elif word.startswith("--notify="):
            words.append("--notify=" + scheme_of(word.removeprefix("--notify=")))
        else:
            words.append(word)
        hide_next = word == "--notify"
    return " ".join(words)


notify_option = click.option(
    "--notify",
    "notify_urls",
    multiple=True,
    metavar="URL",
    help="Also send the report to this apprise URL (repeatable; needs optout[notify]).",
)


@cli.command()
@platforms_argument
@all_option
@account_option
@click.option(
    "--setting",
    "keys",
    multiple=True,
    metavar="KEY",
    help="Only this setting (any category; see: optout show PLATFORM).",
)
@click.option("--dry-run", is_flag=True, help="Read every setting and say what would change; change nothing.")
@click.option("--headed", is_flag=True, help="Show the browser window.")
@json_option
@notify_option
@click.pass_obj
def apply(
    g: Globals,
    platforms: tuple[str, ...],
    every: bool,
    accounts: tuple[str, ...],
    keys: tuple[str, ...],
    dry_run: bool,
    headed: bool,
    as_json: bool,
    notify_urls: tuple[str, ...],
) -> int:
    """Switch settings to the wanted state and prove it by reading them back after a fresh load.

    By default the AI-training settings of every named platform (or of every platform with
    an account, when none is named).
    """
    mode = "dry-run" if dry_run else "apply"
    return execute(g, mode, platforms, every, accounts, keys, headed, as_json, quiet=False, notify_urls=notify_urls)


@cli.command()
@platforms_argument
@all_option
@account_option
@click.option("--setting", "keys", multiple=True, metavar="KEY", help="Only this setting (any category).")
@click.option("--fix", is_flag=True, help="Switch back what is no longer in the wanted state.")
@click.option("--quiet", is_flag=True, help="Print nothing when all is as wanted (for cron).")
@json_option
@notify_option
@click.option("--scheduled", is_flag=True, hidden=True, help="Run by the schedule: also notify its stored URLs.")
@click.pass_obj
def verify(
    g: Globals,
    platforms: tuple[str, ...],
    every: bool,
    accounts: tuple[str, ...],
    keys: tuple[str, ...],
    fix: bool,
    quiet: bool,
    as_json: bool,
    notify_urls: tuple[str, ...],
    scheduled: bool,
) -> int:
    """Read every setting and report any that is not in the wanted state (exit 4).

    With --quiet, nothing is printed when every setting is as wanted and nothing new was found.
    """
    mode = "fix" if fix else "verify"
    return execute(g, mode, platforms, every, accounts, keys, False, as_json, quiet, notify_urls, scheduled)
