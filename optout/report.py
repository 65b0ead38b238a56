"""One self-contained HTML file from the history: state, since when, drift, new settings, screenshots."""

from __future__ import annotations

import base64
import hashlib
import html
import os
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from optout.errors import Unavailable
from optout.history import wanted_since
from optout.result import utc_now

STYLE = """body{font-family:system-ui,sans-serif;margin:2em;max-width:70em;color:#222}
table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left;
vertical-align:top}.ok{color:#075}.bad{color:#a00}img{max-width:40em;border:1px solid #999}small{color:#666}"""


def _key(row: dict[str, Any]) -> tuple[str, str, str, str]:
    return (row["platform"], row["account"] or "-", row.get("site") or "", row["setting"])


def _image(evidence: dict[str, str] | None) -> str:
    """The screenshot embedded, after checking it still matches its recorded hash."""
    if not evidence:
        return "<small>no screenshot</small>"
    try:
        data = Path(evidence["path"]).read_bytes()
    except OSError:
        return "<small>screenshot missing: " + html.escape(evidence["path"]) + "</small>"
    if hashlib.sha256(data).hexdigest() != evidence["sha256"]:
        return "<small class=bad>the screenshot file no longer matches its recorded SHA-256</small>"
    encoded = base64.b64encode(data).decode("ascii")
    digest = html.escape(evidence["sha256"])
    return f'<img alt="screenshot" src="data:image/png;base64,{encoded}"><br><small>SHA-256 {digest}</small>'


def render(runs: Sequence[dict[str, Any]], title: Callable[[str], str]) -> str:
    """The report's HTML."""
    history: dict[tuple[str, str, str, str], list[dict[str, Any]]] = {}
    drift: list[dict[str, Any]] = []
    new: list[dict[str, Any]] = []
    for run in runs:
        for row in run["results"]:
            history.setdefault(_key(row), []).append(row)
            if row.get("drift_since"):
                drift.append(row)
        new += run["new_settings"]
    e = html.escape
    parts = [
        f"<!doctype html><meta charset=utf-8><title>optout report</title><style>{STYLE}</style>",
        f"<h1>optout report</h1><p>Written {e(utc_now())} from {len(runs)} recorded runs. A setting counts as "
        "done only when it was read back after a fresh page load.</p>",
    ]
    by_platform: dict[tuple[str, str], list[tuple[tuple[str, str, str, str], list[dict[str, Any]]]]] = {}
    for key, rows in sorted(history.items()):
        by_platform.setdefault((key[0], key[1]), []).append((key, rows))
    for (platform, account), items in by_platform.items():
        parts.append(
            f"<h2>{e(title(platform))} <small>{e(account)}</small></h2><table>"
            "<tr><th>setting</th><th>now</th><th>as wanted since</th><th>last checked</th><th>proof</th></tr>"
        )
        for _, rows in items:
            latest = rows[-1]
            state = latest["after"] or latest["before"] or "unknown"
            good = latest["status"] in ("ok", "absent")
            since = wanted_since((r["status"], r["action"], r["checked_at"]) for r in reversed(rows))
            label = latest["label"] + (f" ({latest['site']})" if latest.get("site") else "")
            proof = next((r.get("evidence") for r in reversed(rows) if r.get("evidence")), None)
            parts.append(
                f"<tr><td>{e(label)}</td><td class={'ok' if good else 'bad'}>{e(state)} ({e(latest['status'])})</td>"
                f"<td>{e(since or '-')}</td><td>{e(latest['checked_at'])}</td><td>{_image(proof)}</td></tr>"
            )
        parts.append("</table>")
    parts.append("<h2>Drift: settings a platform turned back</h2>")
    parts.append(
        "<ul>" + "".join(f"<li>{e(r['checked_at'])}: {e(r['message'])}</li>" for r in drift) + "</ul>"
        if drift
        else "<p>None recorded.</p>"
    )
    parts.append("<h2>New settings found</h2>")
    parts.append(
        "<ul>"
        + "".join(
            f"<li>{e(n['found_at'])}: {e(title(n['platform']))} ({e(n['account'])}): '{e(n['label'])}' was "
            f"{e(n['state'] or 'unreadable')} at {e(n['url'])}</li>"
            for n in new
        )
        + "</ul>"
        if new
        else "<p>None found.</p>"
    )
    return "\n".join(parts) + "\n"


def write(runs: Sequence[dict[str, Any]], target: Path, title: Callable[[str], str]) -> None:
    """Write the report atomically, readable only by you (it names your accounts)."""
    directory = target.absolute().parent
    try:
        fd, temporary = tempfile.mkstemp(dir=directory, prefix=f".{target.name}.", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(render(runs, title))
        os.replace(temporary, target)
    except OSError as error:
        raise Unavailable(f"could not write {target} ({error.strerror})", hint="choose another --output") from None
