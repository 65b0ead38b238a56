"""The terminal table, the plain report and the --json document."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from typing import TextIO

from optout.result import Result

VERIFIED = {
    "ok": "yes",
    "absent": "not offered",
    "not-off": "NO",
    "needs-you": "needs you",
    "site-changed": "page changed",
    "unavailable": "unavailable",
    "refused": "refused",
    "bug": "error",
}


def json_document(results: Sequence[Result], new_settings: Sequence[dict[str, object]] = ()) -> str:
    """The --json document: {"results": [...], "new_settings": [...]} (contract)."""
    document = {"results": [r.as_json() for r in results], "new_settings": list(new_settings)}
    return json.dumps(document, indent=2, ensure_ascii=False)


def findings(new_settings: Sequence[dict[str, object]], notes: Sequence[str]) -> str:
    """Lines for new settings found on visited pages, and other notes (reconciled changes)."""
    lines = [
        f"new setting on {n['platform']} ({n['account']}): '{n['label']}' is {n['state'] or 'unreadable'} "
        f"at {n['url']}; optout did not change it: check it by hand"
        for n in new_settings
    ]
    return "\n".join([*lines, *notes]) + ("\n" if lines or notes else "")


def _arrow(out: TextIO) -> str:
    """A real arrow where the terminal can show one."""
    return " → " if (getattr(out, "encoding", "") or "").lower().startswith("utf") else " -> "


def transition(row: Result, arrow: str) -> str:
    """ "on → off", "off" (unchanged), "on → (off)" for a dry run, "?" when unread."""
    if row.before is None:
        return "?"
    if row.action == "changed" or (row.after is not None and row.after != row.before):
        return f"{row.before}{arrow}{row.after}"
    if row.action == "would-change":
        return f"{row.before}{arrow}({row.wanted})"
    return row.before


def verified(row: Result) -> str:
    """The last column: was the wanted state confirmed by read-back, and if not, why."""
    if row.status == "ok":
        return "yes (read back)" if row.action == "changed" else "yes"
    if row.action == "would-change":
        return "no: would change"
    return VERIFIED.get(row.status, row.status)


def shown_label(row: Result) -> str:
    """The setting's label, naming the site on per-site platforms when the label does not."""
    if row.site is None or row.site in row.label:
        return row.label
    return f"{row.label} ({row.site})"


def table(results: Sequence[Result], out: TextIO | None = None) -> str:
    """A readable table: platform, account, setting, before → after, verified; then the messages."""
    stream = out or sys.stdout
    arrow = _arrow(stream)
    header = ("PLATFORM", "ACCOUNT", "SETTING", "BEFORE" + arrow + "AFTER", "VERIFIED")
    rows = [(r.platform, r.account or "-", shown_label(r), transition(r, arrow), verified(r)) for r in results]
    widths = [max(len(str(c)) for c in column) for column in zip(header, *rows, strict=False)]
    lines = ["  ".join(str(c).ljust(w) for c, w in zip(line, widths, strict=True)).rstrip() for line in (header, *rows)]
    notes = report(results).splitlines()
    return "\n".join(lines + (["", *notes] if notes else [])) + "\n"


def report(results: Sequence[Result]) -> str:
    """The short plain report for --quiet runs that found something (cron mails it)."""
    lines = []
    for r in results:
        # Silence is the promise for cron: only what changed or needs attention is listed.
        if (r.status == "ok" and r.action != "changed") or r.status == "absent":
            continue
        if r.drift_since is not None:
            lines.append(f"{r.account}: {r.message}")
            continue
        lines.append(f"{r.platform} ({r.account or 'no account'}): '{shown_label(r)}': {r.message}")
    return "\n".join(lines) + ("\n" if lines else "")
