"""What the engine tells the record keeper as it works: intents, outcomes, page inventories."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from optout.result import Result


@dataclass(frozen=True)
class Seen:
    """One switch-like control on a settings page: its role, name, state, and whether the flow knows it."""

    role: str
    name: str
    state: str | None
    known: bool


class Journal(Protocol):
    """Receives, in order, what a run is about to do and what it found."""

    def intent(self, result: Result) -> int | None:
        """A change is about to be made (recorded before the click); returns the intent's id."""

    def outcome(self, intent: int | None, result: Result) -> None:
        """The read-back after that change."""

    def inventory(self, platform: str, account: str, url: str, seen: list[Seen]) -> None:
        """The switch-like controls of a settings page that was visited."""


class NoJournal:
    """A run that keeps no record (engine tests, `login`)."""

    def intent(self, result: Result) -> int | None:
        """Nothing is recorded."""
        return None

    def outcome(self, intent: int | None, result: Result) -> None:
        """Nothing is recorded."""

    def inventory(self, platform: str, account: str, url: str, seen: list[Seen]) -> None:
        """Nothing is recorded."""
