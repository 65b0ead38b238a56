"""`optout apply` and `optout verify`: read, change (unless asked not to), read back, report."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

import click

from optout import render
from optout.cli import Globals, cli
from optout.cli.selection import tasks
from optout.errors import OptoutError
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
) -> int:
    """Run the engine over the chosen tasks, print the results, return the exit bits."""
    from optout.browser import probe_sandbox
    from optout.engine import Options, exit_code, run

    try:
        chosen = tasks(platforms, every, accounts, keys)
        sandbox = probe_sandbox(g.sandbox) if g.sandbox else None
        options = Options(mode=mode, headed=headed, sandbox=sandbox)  # type: ignore[arg-type]
        with one_run_at_a_time():
            results = asyncio.run(run(chosen, options))
    except OptoutError:
        if as_json:
            click.echo(render.json_document([]))  # scripts always get a document to parse
        raise
    code = exit_code(results)
    if as_json:
        click.echo(render.json_document(results))
    elif quiet:
        text = render.report(results)
        if text:
            click.echo(text, nl=False)
    else:
        click.echo(render.table(results), nl=False)
    return code


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
) -> int:
    """Switch settings to the wanted state and prove it by reading them back after a fresh load.

    By default the AI-training settings of every named platform (or of every platform with
    an account, when none is named).
    """
    mode = "dry-run" if dry_run else "apply"
    return execute(g, mode, platforms, every, accounts, keys, headed, as_json, quiet=False)


@cli.command()
@platforms_argument
@all_option
@account_option
@click.option("--setting", "keys", multiple=True, metavar="KEY", help="Only this setting (any category).")
@click.option("--fix", is_flag=True, help="Switch back what is no longer in the wanted state.")
@click.option("--quiet", is_flag=True, help="Print nothing when all is as wanted (for cron).")
@json_option
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
) -> int:
    """Read every setting and report any that is not in the wanted state (exit 4)."""
    return execute(g, "fix" if fix else "verify", platforms, every, accounts, keys, False, as_json, quiet)
