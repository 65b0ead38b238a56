"""`optout sandbox` serves the replica sites; `optout demo` runs the whole journey against them."""

from __future__ import annotations

import os
import secrets
import signal
import subprocess
import sys
import tempfile
import threading

import click

from optout.cli import Globals, cli

HAND_PASSWORD = "sandbox-password"  # a replica-only password, printed on purpose


@cli.command()
@click.option("--port", type=click.IntRange(0, 65535), default=8443, show_default=True, help="0 picks a free port.")
def sandbox(port: int) -> int:
    """Serve the replica sites on 127.0.0.1 for trying flows by hand (Ctrl-C stops it)."""
    from optout.sandbox import Sandbox
    from optout.sandbox.demo import DEMO

    server = Sandbox(port=port)
    server.start()
    DEMO.seed(server, HAND_PASSWORD)
    click.echo(f"Sandbox serving at {server.url} (certificate pin {server.pin})")
    click.echo(f"Replica account on {DEMO.platform}: {DEMO.account}, password {HAND_PASSWORD!r} (replica only)")
    click.echo("In another terminal:")
    click.echo(f"  export OPTOUT_SANDBOX={server.url} OPTOUT_HOME=$(mktemp -d)")
    click.echo(f"  optout login {DEMO.platform} --account {DEMO.account}")
    click.echo(f"  optout apply {DEMO.platform} --dry-run")
    click.echo("Press Ctrl-C to stop.")
    # Stop the same way on SIGTERM, so the certificate's key folder is removed either way.
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
    return 0


def _step(title: str, args: list[str], env: dict[str, str], expect: int, stdin: str | None = None) -> bool:
    """Run one real `optout` command, show it and its output, and check its exit status."""
    click.echo(click.style(f"\n== {title}", bold=True))
    click.echo(f"$ optout {' '.join(args)}" + ("   (password piped on stdin)" if stdin is not None else ""))
    done = subprocess.run([sys.executable, "-m", "optout", *args], env=env, input=stdin, text=True, check=False)
    verdict = "as expected" if done.returncode == expect else f"UNEXPECTED, wanted {expect}"
    click.echo(f"   exit status {done.returncode} ({verdict})")
    return done.returncode == expect


@cli.command()
@click.pass_obj
def demo(g: Globals) -> int:
    """The full journey against the sandbox: login, dry run, apply, verify, drift and fix."""
    from optout.sandbox import Sandbox
    from optout.sandbox.demo import DEMO

    p, who = DEMO.platform, DEMO.account
    password = secrets.token_urlsafe(18)
    with Sandbox(port=0) as server, tempfile.TemporaryDirectory(prefix="optout-demo-") as home:
        DEMO.seed(server, password)
        env = {**os.environ, "OPTOUT_HOME": home, "OPTOUT_SANDBOX": server.url, "OPTOUT_LOG_FORMAT": "console"}
        click.echo(f"A replica of {DEMO.title} is running at {server.url}; every host name the browser")
        click.echo(f"asks for goes there, so nothing leaves this machine. Demo account: {who}.")
        ok = _step(
            "Sign in once: the password goes to the OS keyring, the session is saved encrypted",
            ["login", p, "--account", who, "--password-stdin"],
            env,
            0,
            password + "\n",
        )
        ok = ok and _step(
            "Dry run: read the setting, change nothing (exit 4: something is on)", ["apply", p, "--dry-run"], env, 4
        )
        ok = ok and _step("Apply: switch it off, load the page afresh, read it back", ["apply", p], env, 0)
        ok = ok and _step("Verify, as cron would: everything still off", ["verify", p], env, 0)
        if ok:
            DEMO.drift(server)
            click.echo("\n(The replica now quietly turns the setting back on, as platforms do.)")
        ok = ok and _step("Verify again: it is back on (exit 4)", ["verify", p], env, 4)
        ok = ok and _step("verify --fix: switch it off again and read it back", ["verify", p, "--fix"], env, 0)
        _step("Forget the demo account (keyring entry and session)", ["logout", p, "--account", who], env, 0)
    click.echo(
        "\nDemo " + ("finished: every step did what it should." if ok else "FAILED: see the step marked UNEXPECTED.")
    )
    if ok:
        click.echo(f"For your own account: optout login {p} --account YOU@EXAMPLE.COM,")
        click.echo(f"then: optout apply {p} --dry-run")
    return 0 if ok else 1
