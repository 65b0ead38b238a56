"""The `optout` command: a click group, global options, and one place that turns errors into exit bits."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass

import click

from optout import __version__, log
from optout.errors import Exit, OptoutError


@dataclass
class Globals:
    """Options every command shares."""

    sandbox: str | None = None
    log_format: str = "auto"
    verbose: int = 0


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.option(
    "--sandbox",
    envvar="OPTOUT_SANDBOX",
    metavar="URL",
    help="Run against the replica sites at https://127.0.0.1:PORT (see: optout sandbox).",
)
@click.option(
    "--log-format",
    envvar="OPTOUT_LOG_FORMAT",
    type=click.Choice(["auto", "console", "json"]),
    default="auto",
    show_default=True,
    help="Logs go to stderr: console on a terminal, JSON lines otherwise.",
)
@click.option("-v", "--verbose", count=True, help="More log detail (-vv for debug).")
@click.version_option(__version__, prog_name="optout")
@click.pass_context
def cli(ctx: click.Context, sandbox: str | None, log_format: str, verbose: int) -> None:
    """Switch off AI-training and data-sharing settings, prove each is off, keep them off.

    \b
    Start here (optout platforms lists every PLATFORM):
      optout login PLATFORM --account you@example.com
      optout apply PLATFORM --dry-run     read every setting, change nothing
      optout apply PLATFORM               switch off, reload, read back
      optout verify --all --quiet         for cron: silent when all is still off
    Exit status is a set of bits: 4 not off, 8 needs you, 16 page changed,
    32 unavailable, 64 refused (see the README).
    """
    log.configure(log_format, verbose)
    ctx.obj = Globals(sandbox=sandbox, log_format=log_format, verbose=verbose)


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the command; print one line (never a traceback) for expected errors."""
    # Playwright's debug output (DEBUG=pw:*, DEBUG=*, PWDEBUG) prints the values typed into
    # fields, passwords included, straight to stderr past any redaction.
    for name in ("DEBUG", "DEBUG_FILE", "PWDEBUG"):
        os.environ.pop(name, None)
    try:
        code = cli.main(args=argv, prog_name="optout", standalone_mode=False)
    except click.exceptions.Exit as done:
        code = done.exit_code
    except click.ClickException as error:
        error.show()
        code = Exit.USAGE if isinstance(error, click.UsageError) else Exit.BUG
    except click.Abort:
        click.echo("optout: stopped.", err=True)
        code = Exit.BUG
    except OptoutError as error:
        # One line, so cron mail and scripts get the problem and the next step together.
        click.echo(f"optout: {error.message}" + (f"; {error.hint}" if error.hint else ""), err=True)
        code = error.exit
    except Exception:
        log.get_logger().exception("bug")
        click.echo("optout: unexpected error (details in the log above); please report it.", err=True)
        code = Exit.BUG
    sys.exit(int(code or 0))


from optout.cli import accounts, catalog, guide, history, run, sandbox, schedule  # noqa: E402  (commands register themselves)

__all__ = ["accounts", "catalog", "cli", "guide", "history", "main", "run", "sandbox", "schedule"]
