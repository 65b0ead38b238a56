"""The history: every run and result, intents before changes, inventories, in SQLite under OPTOUT_HOME.

WAL with synchronous=FULL, so a run killed halfway leaves its intent rows for the next run to
reconcile. A database that cannot be read is moved aside, never recreated over.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from optout import paths
from optout.inventory import speaks_of_ai_or_sharing
from optout.journal import Seen
from optout.log import get_logger
from optout.result import Result, utc_now

log = get_logger()
SCHEMA_VERSION = 1
SCHEMA = """
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY, started_at TEXT NOT NULL, finished_at TEXT, command TEXT NOT NULL,
    exit INTEGER, scheduled INTEGER NOT NULL DEFAULT 0, pid INTEGER);
CREATE TABLE IF NOT EXISTS results (
    id INTEGER PRIMARY KEY, run_id INTEGER NOT NULL REFERENCES runs(id), platform TEXT NOT NULL,
    account TEXT, site TEXT, setting TEXT NOT NULL, row TEXT NOT NULL, status TEXT NOT NULL,
    after TEXT, wanted TEXT, checked_at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS results_key ON results (platform, account, setting, site, checked_at);
CREATE TABLE IF NOT EXISTS intents (
    id INTEGER PRIMARY KEY, run_id INTEGER NOT NULL REFERENCES runs(id), platform TEXT NOT NULL,
    account TEXT, site TEXT, setting TEXT NOT NULL, label TEXT, wanted TEXT, before TEXT,
    url TEXT, started_at TEXT NOT NULL, outcome TEXT, resolved_at TEXT);
CREATE TABLE IF NOT EXISTS inventory (
    platform TEXT NOT NULL, account TEXT NOT NULL, url TEXT NOT NULL, name TEXT NOT NULL,
    role TEXT, state TEXT, known INTEGER NOT NULL, seen_at TEXT NOT NULL,
    PRIMARY KEY (platform, account, url, name));
CREATE TABLE IF NOT EXISTS new_settings (
    id INTEGER PRIMARY KEY, run_id INTEGER NOT NULL REFERENCES runs(id), platform TEXT NOT NULL,
    account TEXT NOT NULL, label TEXT NOT NULL, state TEXT, url TEXT NOT NULL, found_at TEXT NOT NULL);
"""


@dataclass
class NewSetting:
    """A switch-like control about AI or data sharing that the flow does not know."""

    platform: str
    account: str
    label: str
    state: str | None
    url: str

    def as_json(self) -> dict[str, Any]:
        """The row of `new_settings` in the --json document (contract)."""
        return {
            "platform": self.platform,
            "account": self.account,
            "label": self.label,
            "state": self.state,
            "url": self.url,
        }


@dataclass
class Reconciled:
    """A change an earlier run began but never confirmed, and what this run read there."""

    platform: str
    account: str | None
    label: str
    state: str | None
    started_at: str


def _database() -> Path:
    return paths.home() / "history.db"


def _move_aside(path: Path, why: str) -> Path:
    """Keep an unreadable database (and its WAL) for inspection, under a new name."""
    aside = path.with_name(f"{path.name}.corrupt-{utc_now().replace(':', '')}")
    for suffix in ("", "-wal", "-shm"):
        source = Path(str(path) + suffix)
        if source.exists():
            os.replace(source, Path(str(aside) + suffix))
    log.warning("history.moved_aside", path=str(aside), reason=why)
    return aside


def _connect(path: Path) -> sqlite3.Connection:
    paths.ensure_private_dir(path.parent)
    fresh = not path.exists()
    connection = sqlite3.connect(path, timeout=10, isolation_level=None)
    if fresh:
        os.chmod(path, 0o600)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=FULL")
    connection.execute("PRAGMA foreign_keys=ON")
    return connection


class History:
    """The record of runs: opened once per command, also the engine's journal."""

    def __init__(self, connection: sqlite3.Connection, notice: str = "") -> None:
        self.db = connection
        self.notice = notice  # said once to the user: the old database was moved aside
        self.run_id: int | None = None
        self.new_settings: list[NewSetting] = []
        self.open_intents: list[sqlite3.Row] = []

    @classmethod
    def open(cls) -> History:
        """Open (or start) the history; an unreadable one is moved aside with a notice."""
        path = _database()
        notice = ""
        try:
            connection = _connect(path)
            if connection.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise sqlite3.DatabaseError("integrity check failed")
            connection.executescript(SCHEMA)
        except sqlite3.DatabaseError as error:
            with contextlib.suppress(Exception):
                connection.close()
            aside = _move_aside(path, str(error))
            notice = (
                f"the history database could not be read ({error}); it was moved to {aside} "
                "and a new history was started"
            )
            connection = _connect(path)
            connection.executescript(SCHEMA)
        connection.row_factory = sqlite3.Row
        connection.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
        return cls(connection, notice)

    def close(self) -> None:
        """Close the database."""
        self.db.close()

    @contextlib.contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    # The run -------------------------------------------------------------------------------

    def begin(self, command: str, scheduled: bool) -> None:
        """Record the start of a run, and collect the changes earlier runs left unconfirmed."""
        with self._write() as db:
            self.open_intents = list(db.execute("SELECT * FROM intents WHERE outcome IS NULL ORDER BY id"))
            cursor = db.execute(
                "INSERT INTO runs (started_at, command, scheduled, pid) VALUES (?, ?, ?, ?)",
                (utc_now(), command, int(scheduled), os.getpid()),
            )
            self.run_id = cursor.lastrowid

    def finish(self, results: Sequence[Result], exit_code: int) -> list[Reconciled]:
        """Record every result and the exit status; resolve earlier unconfirmed changes."""
        reconciled = []
        with self._write() as db:
            for r in results:
                db.execute(
                    "INSERT INTO results (run_id, platform, account, site, setting, row, status, after, wanted,"
                    " checked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        self.run_id,
                        r.platform,
                        r.account,
                        r.site,
                        r.setting,
                        json.dumps(r.as_json()),
                        r.status,
                        r.after,
                        r.wanted,
                        r.checked_at,
                    ),
                )
            for intent in self.open_intents:
                match = next((r for r in results if _same(intent, r) and r.after is not None), None)
                if match is None:
                    continue
                db.execute(
                    "UPDATE intents SET outcome = ?, resolved_at = ? WHERE id = ?",
                    (f"interrupted; run {self.run_id} read {match.after}", utc_now(), intent["id"]),
                )
                reconciled.append(
                    Reconciled(match.platform, intent["account"], intent["label"], match.after, intent["started_at"])
                )
            db.execute("UPDATE runs SET finished_at = ?, exit = ? WHERE id = ?", (utc_now(), exit_code, self.run_id))
        return reconciled

    # The engine's journal ---------------------------------------------------------------------

    def intent(self, result: Result) -> int | None:
        """Recorded (and synced to disk) before the click that changes a setting."""
        with self._write() as db:
            cursor = db.execute(
                "INSERT INTO intents (run_id, platform, account, site, setting, label, wanted, before, url,"
                " started_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    self.run_id,
                    result.platform,
                    result.account,
                    result.site,
                    result.setting,
                    result.label,
                    result.wanted,
                    result.before,
                    result.url,
                    utc_now(),
                ),
            )
            return cursor.lastrowid

    def outcome(self, intent: int | None, result: Result) -> None:
        """The read-back that follows an intent."""
        if intent is None:
            return
        with self._write() as db:
            db.execute(
                "UPDATE intents SET outcome = ?, resolved_at = ? WHERE id = ?",
                (f"read back {result.after}", utc_now(), intent),
            )

    def inventory(self, platform: str, account: str, url: str, seen: list[Seen]) -> None:
        """Compare a page's controls with the last inventory; unknown AI/sharing ones are new settings."""
        with self._write() as db:
            before = {
                row["name"]
                for row in db.execute(
                    "SELECT name FROM inventory WHERE platform = ? AND account = ? AND url = ?",
                    (platform, account, url),
                )
            }
            now = utc_now()
            for item in seen:
                db.execute(
                    "INSERT OR REPLACE INTO inventory VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (platform, account, url, item.name, item.role, item.state, int(item.known), now),
                )
                if item.known or item.name in before or not speaks_of_ai_or_sharing(item.name):
                    continue
                found = NewSetting(platform, account, item.name, item.state, url)
                self.new_settings.append(found)
                db.execute(
                    "INSERT INTO new_settings (run_id, platform, account, label, state, url, found_at)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (self.run_id, platform, account, item.name, item.state, url, now),
                )
                log.warning("setting.new", label=item.name, state=item.state, url=url)

    # Reading ------------------------------------------------------------------------------------

    def off_since(self, result: Result) -> str | None:
        """Since when a setting had been read in its wanted state, before this run; None if never."""
        rows = list(
            self.db.execute(
                "SELECT status, row, checked_at FROM results WHERE platform = ? AND account IS ? AND setting = ?"
                " AND site IS ? AND run_id != ? ORDER BY checked_at DESC, id DESC",
                (result.platform, result.account, result.setting, result.site, self.run_id or -1),
            )
        )
        return wanted_since((row["status"], json.loads(row["row"])["action"], row["checked_at"]) for row in rows)

    def runs(self, platform: str | None = None, since: str | None = None) -> list[dict[str, Any]]:
        """Every run (newest last) with its results, as `optout history --json` prints them."""
        found = []
        for run in self.db.execute("SELECT * FROM runs WHERE started_at >= ? ORDER BY id", (since or "",)):
            results = [
                json.loads(r["row"])
                for r in self.db.execute("SELECT row FROM results WHERE run_id = ? ORDER BY id", (run["id"],))
            ]
            intents = [
                dict(i)
                for i in self.db.execute(
                    "SELECT platform, account, site, setting, label, wanted, before, started_at, outcome, resolved_at"
                    " FROM intents WHERE run_id = ? ORDER BY id",
                    (run["id"],),
                )
            ]
            new = [
                dict(n)
                for n in self.db.execute(
                    "SELECT platform, account, label, state, url, found_at FROM new_settings WHERE run_id = ?",
                    (run["id"],),
                )
            ]
            if platform is not None:
                results = [r for r in results if r["platform"] == platform]
                intents = [i for i in intents if i["platform"] == platform]
                new = [n for n in new if n["platform"] == platform]
                if not (results or intents or new or platform in run["command"].split()):
                    continue
            found.append(
                {
                    "started_at": run["started_at"],
                    "finished_at": run["finished_at"],
                    "command": run["command"],
                    "exit": run["exit"],
                    "scheduled": bool(run["scheduled"]),
                    "interrupted": run["finished_at"] is None and run["id"] != self.run_id,
                    "results": results,
                    "intents": intents,
                    "new_settings": new,
                }
            )
        return found

    def last_scheduled_run(self) -> dict[str, Any] | None:
        """The newest run started by the schedule, if any."""
        row = self.db.execute("SELECT * FROM runs WHERE scheduled = 1 ORDER BY id DESC LIMIT 1").fetchone()
        return dict(row) if row is not None else None


def wanted_since(newest_first: Iterable[tuple[str, str, str]]) -> str | None:
    """Since when a setting has been (or, if it drifted since, had last been) read as wanted.

    Given (status, action, checked_at) newest first: reads that found it turned back (not-off)
    are the drift itself and are skipped; reads that could not see it (needs-you, ...) say
    nothing; the stretch of "ok" reads before them gives the answer.
    """
    since = None
    for status, action, checked_at in newest_first:
        if status == "ok":
            since = checked_at
            if action == "changed":
                break  # it was switched to the wanted state right here
        elif status == "not-off" and since is not None:
            break
    return since


def _same(intent: sqlite3.Row, result: Result) -> bool:
    return (intent["platform"], intent["account"], intent["site"], intent["setting"]) == (
        result.platform,
        result.account,
        result.site,
        result.setting,
    )
