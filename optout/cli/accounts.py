"""`optout login`, `optout logout` and `optout accounts`: credentials and sessions, never printed."""

from __future__ import annotations

import asyncio
import sys
from datetime import UTC, datetime

import click

from optout import config, cooldown, credentials, log, registry, session
from optout.cli import Globals, cli
from optout.errors import NeedsYou, OptoutError, UsageError
from optout.flow import Flow
from optout.runlock import one_run_at_a_time
from optout.secrets import Secret


def pick_account(flow: type[Flow], account: str | None) -> str:
    """The account to use: the one given, the only one set up, or asked for on a terminal."""
    if account:
        return account.strip()
    known = [a.account for a in config.accounts_for(flow.id)]
    if len(known) == 1:
        return known[0]
    if sys.stdin.isatty():
        return str(click.prompt(f"{flow.title} login (email, phone or user name)")).strip()
    raise UsageError(
        f"which {flow.title} account? ({', '.join(known) or 'none set up yet'})",
        hint=f"run: optout login {flow.id} --account YOUR-LOGIN",
    )


def read_password(flow: type[Flow], account: str, from_stdin: bool) -> Secret:
    """The password from standard input (--password-stdin) or a hidden prompt; never argv."""
    if from_stdin:
        value = sys.stdin.readline().rstrip("\r\n")
        log.register_secret(value)
        if not value:
            raise NeedsYou(
                "no password on standard input", hint=f"pipe it in: ... | optout login {flow.id} --password-stdin"
            )
        return Secret(value)
    if not sys.stdin.isatty():
        raise NeedsYou(
            "no terminal to ask for the password on",
            hint=f"pipe it in with --password-stdin, or run: optout login {flow.id} --headed",
        )
    value = click.prompt(f"{flow.title} password for {account}", hide_input=True, default="", show_default=False)
    log.register_secret(value)
    if not value:
        raise NeedsYou("no password given", hint=f"run: optout login {flow.id} --account {account}")
    return Secret(value)


@cli.command()
@click.argument("platform")
@click.option("--account", metavar="ID", help="Your login (email, phone or user name) on that platform.")
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input.")
@click.option("--headed", is_flag=True, help="Open a visible browser and sign in by hand (2FA, CAPTCHA, SSO).")
@click.pass_obj
def login(g: Globals, platform: str, account: str | None, password_stdin: bool, headed: bool) -> int:
    """Sign in once: the password goes to the OS keyring, the session is saved encrypted."""
    from optout.browser import probe_sandbox
    from optout.engine import Options
    from optout.engine import login as sign_in

    flow = registry.load(platform)
    account = pick_account(flow, account)
    backend = credentials.check_backend()
    password = None
    if password_stdin or not headed:
        password = read_password(flow, account, password_stdin)
    sandbox = probe_sandbox(g.sandbox) if g.sandbox else None
    with one_run_at_a_time():
        asyncio.run(sign_in(flow, account, password, Options(mode="verify", headed=headed, sandbox=sandbox)))
    stored = f"password stored in the keyring ({backend}); " if password is not None else ""
    click.echo(f"Signed in to {flow.title} as {account}: {stored}session saved, encrypted.")
    click.echo(f"Next: optout apply {flow.id} --dry-run")
    return 0


@cli.command()
@click.argument("platform")
@click.option("--account", metavar="ID", help="The account to forget.")
@click.pass_obj
def logout(g: Globals, platform: str, account: str | None) -> int:
    """Forget an account: its saved session, its password in the keyring, its entry."""
    flow = registry.load(platform)
    account = pick_account(flow, account)
    had_session = session.delete_session(flow.id, account)
    listed = config.remove_account(flow.id, account)
    try:
        had_password = credentials.delete_password(flow.id, account)
    except OptoutError as error:
        error.message = f"session and entry removed, but the password may still be in the keyring: {error.message}"
        raise
    removed = [w for w, done in (("session", had_session), ("password", had_password), ("entry", listed)) if done]
    click.echo(f"{flow.title} {account}: removed " + (", ".join(removed) if removed else "nothing (not set up)") + ".")
    return 0


def _age(when: datetime | None) -> str:
    """How long ago, in words a person reads at a glance."""
    if when is None:
        return "no session"
    seconds = int((datetime.now(UTC) - when).total_seconds())
    for unit, size in (("d", 86400), ("h", 3600), ("min", 60)):
        if seconds >= size:
            return f"session {seconds // size} {unit} old"
    return "session just saved"


@cli.command()
def accounts() -> int:
    """The accounts set up, their session age and the keyring backend; never a secret."""
    code = 0
    try:
        click.echo(f"keyring: {credentials.check_backend()}")
    except OptoutError as error:
        click.echo(f"keyring: NOT USABLE: {error}")
        code = int(error.exit)
    listed = config.load_accounts()
    if not listed:
        click.echo("no accounts set up; run: optout login PLATFORM --account YOUR-LOGIN")
        return code
    width = max(len(a.platform) for a in listed)
    for entry in listed:
        age = _age(session.session_age(entry.platform, entry.account))
        resting = cooldown.since(entry.platform, entry.account)
        rest = f"; resting since {resting} after a security check: run optout login --headed" if resting else ""
        click.echo(f"{entry.platform.ljust(width)}  {entry.account}  ({age}{rest})")
    return code
