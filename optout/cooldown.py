"""Accounts that met a security check rest until the user signs in by hand (etiquette)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from optout import paths
from optout.errors import NeedsYou
from optout.result import utc_now


def _file() -> Path:
    return paths.home() / "cooldown.json"


def _load() -> dict[str, Any]:
    raw = paths.read_private(_file())
    if not raw:
        return {}
    try:
        doc = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        # An unreadable record must not release an account: treat every account as cooling.
        return {"*": {"since": "unknown", "reason": "the cool-down record is unreadable"}}
    return doc if isinstance(doc, dict) else {}


def _key(platform: str, account: str) -> str:
    return f"{platform}\n{account}"


def start(platform: str, account: str, reason: str) -> None:
    """Remember that this account met a security check now."""
    doc = _load()
    doc.pop("*", None)
    doc[_key(platform, account)] = {"since": utc_now(), "reason": reason}
    paths.write_private(_file(), json.dumps(doc, indent=2).encode("utf-8"))


def clear(platform: str, account: str) -> None:
    """Release the account: the user signed in by hand."""
    doc = _load()
    if doc.pop(_key(platform, account), None) is not None or doc.pop("*", None) is not None:
        paths.write_private(_file(), json.dumps(doc, indent=2).encode("utf-8"))


def since(platform: str, account: str) -> str | None:
    """When the account began to rest, or None when it is not resting."""
    doc = _load()
    entry = doc.get(_key(platform, account)) or doc.get("*")
    return str(entry.get("since", "an earlier run")) if entry else None


def check(platform: str, title: str, account: str) -> None:
    """Needs-you, contacting nothing, while the account cools down."""
    when = since(platform, account)
    if when is not None:
        raise NeedsYou(
            f"{title} showed a security check to {account} on {when}; "
            "optout leaves the account alone until you sign in by hand",
            hint=f"run: optout login {platform} --account {account} --headed",
        )
