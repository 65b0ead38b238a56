"""`optout history` and `optout report`: what was found and done, and since when, with proof."""

from __future__ import annotations

import json
from datetime import date

import click

from optout import registry
from optout.cli import cli
from optout.errors import UsageError


def _since(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise UsageError(f"--since {value!r} is not a date", hint="use YYYY-MM-DD, e.g. --since 2026-11-01") from None


@cli.command()
@click.argument("platform", required=False)
@click.option("--since", "since", metavar="DATE", help="Only runs started on or after this day (YYYY-MM-DD).")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON document.")
def history(platform: str | None, since: str | None, as_json: bool) -> int:
    """Every run and what it found, oldest first."""
    from optout.history import History

    if platform is not None:
        registry.load(platform)
    start = _since(since)
    record = History.open()
    try:
        if record.notice:
            click.echo(f"optout: {record.notice}", err=True)
        runs = record.runs(platform, start)
    finally:
        record.close()
    if as_json:
        keep = (
            "started_at",
            "finished_at",
            "command",
            "exit",
            "scheduled",
            "interrupted",
            "results",
            "intents",
            "new_settings",
        )
        click.echo(json.dumps({"runs": [{k: run[k] for k in keep} for run in runs]}, indent=2, ensure_ascii=False))
        return 0
    if not runs:
        click.echo("No runs recorded yet.")
    for run in runs:
        ended = "did not finish" if run["interrupted"] else f"exit {run['exit']}"
        click.echo(f"{run['started_at']}  {run['command']}  ({ended})")
        for row in run["results"]:
            state = row["after"] or row["before"] or "?"
            where = f" [{row['site']}]" if row.get("site") else ""
            click.echo(
                f"    {row['platform']} {row['account'] or '-'}{where}: '{row['label']}' {state} ({row['status']})"
            )
        for intent in run["intents"]:
            if intent["outcome"] is None or intent["outcome"].startswith("interrupted"):
                click.echo(
                    f"    began changing {intent['platform']} '{intent['label']}': {intent['outcome'] or 'unconfirmed'}"
                )
        for new in run["new_settings"]:
            click.echo(f"    new setting on {new['platform']}: '{new['label']}' ({new['state'] or '?'})")
    return 0


@cli.command()
@click.option("--output", "output", required=True, metavar="FILE.html", help="Where to write the report.")
def report(output: str) -> int:
    """Write one self-contained HTML file: current state, since when, drift, new settings, screenshots."""
    from pathlib import Path

    from optout import report as html_report
    from optout.history import History

    record = History.open()
    try:
        runs = record.runs()
    finally:
        record.close()
    target = Path(output).expanduser()
    if target.suffix.lower() not in (".html", ".htm"):
        raise UsageError(f"{output} does not end in .html", hint="e.g. optout report --output optout-report.html")
    html_report.write(runs, target, lambda p: registry.load(p).title if p in registry.platform_ids() else p)
    click.echo(f"Wrote {target} ({len(runs)} runs).")
    return 0
