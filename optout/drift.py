"""Naming drift for what it is: a setting the platform turned back after it was read as wanted."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from optout.result import Result


def _state_phrase(state: str) -> str:
    return state if state in ("on", "off") else f"to {state}"


def explain(results: Sequence[Result], off_since: Callable[[Result], str | None], title: Callable[[str], str]) -> None:
    """Rewrite the message of every drifted result: who turned what back, since when it was right."""
    for r in results:
        if r.before is None or r.wanted is None or r.before == r.wanted:
            continue
        since = off_since(r)
        if since is None:
            continue  # never seen in the wanted state: not drift, just not done yet
        r.drift_since = since
        turned = (
            f"{title(r.platform)} turned '{r.label}' back {_state_phrase(r.before)} ({r.wanted} since {since[:10]})"
        )
        if r.status == "ok" and r.action == "changed":
            r.message = f"{turned}; switched {_state_phrase(r.wanted)} again."
        elif r.action == "would-change":
            r.message = f"{turned}; not changed (run: optout verify --fix {r.platform})"
        else:
            r.message = f"{turned}; {r.message}"
