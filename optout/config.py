"""The list of configured accounts, in OPTOUT_HOME/config.json; it never holds a secret."""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from optout import paths
from optout.errors import NeedsYou, UsageError

try:
    import fcntl
except ImportError:  # Windows: no advisory locks; concurrent edits are left to the run lock
    fcntl = None  # type: ignore[assignment]

VERSION = 1


class ConfigError(NeedsYou):
    """The config file cannot be read as optout wrote it; only the user can repair it."""


@dataclass(frozen=True, slots=True)
class Account:
    """One account of one platform, as the user added it."""

    platform: str
    account: str
    added_at: str  # UTC, ISO 8601


def _corrupt(path: Path, what: str) -> ConfigError:
    return ConfigError(
        f"The config file {path} is not valid ({what}); optout did not change it.",
        hint=(
            f"fix it by hand, or move it aside (mv {path} {path}.bad) and add your accounts "
            "again with: optout login PLATFORM --account ID"
        ),
    )


def _read(path: Path) -> dict[str, Any]:
    raw = paths.read_private(path)
    if raw is None:
        return {"version": VERSION, "accounts": []}
    try:
        doc = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise _corrupt(path, f"not JSON: {err}") from None
    if not isinstance(doc, dict):
        raise _corrupt(path, "not a JSON object")
    version = doc.get("version", VERSION)
    if not isinstance(version, int) or version > VERSION:
        raise ConfigError(
            f"The config file {path} was written by a newer optout (version {version!r}).",
            hint="upgrade optout: pip install --upgrade optout",
        )
    entries = doc.setdefault("accounts", [])
    if not isinstance(entries, list):
        raise _corrupt(path, '"accounts" is not a list')
    for index, entry in enumerate(entries):
        if not isinstance(entry, dict) or not all(
            isinstance(entry.get(field), str) and entry.get(field) for field in ("platform", "account", "added_at")
        ):
            raise _corrupt(path, f"account #{index + 1} lacks platform, account or added_at")
    return doc


def _accounts(doc: dict[str, Any]) -> list[Account]:
    return [Account(platform=e["platform"], account=e["account"], added_at=e["added_at"]) for e in doc["accounts"]]


def _write(path: Path, doc: dict[str, Any]) -> None:
    doc["version"] = VERSION
    data = json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
    paths.write_private(path, data.encode("utf-8"))


@contextlib.contextmanager
def _locked() -> Iterator[Path]:
    """Hold an exclusive lock for a read-modify-write of the config file."""
    path = paths.config_file()
    if fcntl is None:
        yield path
        return
    flags = os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC
    fd = os.open(path.with_name(".config.lock"), flags, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield path
    finally:
        os.close(fd)  # closing releases the lock


def _check(platform: str, account: str) -> None:
    if not platform:
        raise UsageError("The platform name is empty.", hint="run: optout platforms")
    if not account or account != account.strip():
        raise UsageError(
            f"{account!r} is not an account id (empty, or spaces around it).",
            hint="pass --account with the id you log in with",
        )


def load_accounts() -> list[Account]:
    """Return every configured account, in the order they were added."""
    return _accounts(_read(paths.config_file()))


def accounts_for(platform: str) -> list[Account]:
    """Return the accounts configured for one platform."""
    return [a for a in load_accounts() if a.platform == platform]


def add_account(platform: str, account: str) -> Account:
    """Add an account (or return it unchanged if it is already there)."""
    _check(platform, account)
    with _locked() as path:
        doc = _read(path)
        for existing in _accounts(doc):
            if existing.platform == platform and existing.account == account:
                return existing
        added = Account(
            platform=platform,
            account=account,
            added_at=datetime.now(UTC).isoformat(timespec="seconds"),
        )
        doc["accounts"].append(asdict(added))
        _write(path, doc)
        return added


def remove_account(platform: str, account: str) -> bool:
    """Remove an account from the list; return False if it was not there."""
    with _locked() as path:
        doc = _read(path)
        kept = [e for e in doc["accounts"] if (e["platform"], e["account"]) != (platform, account)]
        if len(kept) == len(doc["accounts"]):
            return False
        doc["accounts"] = kept
        _write(path, doc)
        return True
