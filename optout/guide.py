"""The contract for guided and informational entries: opt-outs that are a form, an email or nothing.

A guide only describes what a person does by hand. optout cannot do these steps and cannot read
their outcome back, so a guide never produces a result row, and nothing in it is ever reported as
done (DESIGN.md, "Engine rules": success only after a read-back). Playwright is never imported
here: `optout platforms` and `optout guide` without `--open` start no browser.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal
from urllib.parse import urlsplit

Kind = Literal["guided", "informational"]

# Printed with every guide, so that no reader mistakes printed steps for a change optout made.
CANNOT_VERIFY = "optout cannot do these steps for you or check their outcome: it never reports them as done."
NOTHING_TO_DO = "There is no setting to switch off here; optout has nothing to do or check."


@dataclass(frozen=True)
class Link:
    """A page (https) or an email address (mailto) a guide points to."""

    label: str
    url: str

    @property
    def is_page(self) -> bool:
        """True for a web page a browser can open (https only)."""
        return urlsplit(self.url).scheme == "https"


@dataclass(frozen=True)
class Guide:
    """What a person does by hand on one platform, where, and how sure the reference is.

    `id` is the platform id: the same as a flow's when the platform also has automated
    settings, else the platform's only entry (`optout guide PLATFORM` either way).
    `kind` is "guided" when there is something to do (a form, an email) and "informational"
    when the platform offers no opt-out at all.
    """

    id: str
    title: str
    kind: Kind
    summary: str
    steps: tuple[str, ...]
    links: tuple[Link, ...]
    confidence: str
    sources: tuple[str, ...]
    regions: str = ""
    scope: str = ""
    confirmation: str = ""
    notes: tuple[str, ...] = ()

    def page(self) -> str | None:
        """The first web page among the links (what `optout guide --open` opens), if any."""
        return next((link.url for link in self.links if link.is_page), None)

    def disclaimer(self) -> str:
        """The honest last word printed with the guide."""
        return CANNOT_VERIFY if self.kind == "guided" else NOTHING_TO_DO

    def describe(self) -> dict[str, object]:
        """The guide as `optout platforms --json` prints it."""
        return {
            "kind": self.kind,
            "title": self.title,
            "summary": self.summary,
            "steps": list(self.steps),
            "links": [{"label": link.label, "url": link.url} for link in self.links],
            "regions": self.regions,
            "scope": self.scope,
            "confirmation": self.confirmation,
            "notes": list(self.notes),
            "verified_by_optout": False,
        }

    def text(self) -> list[str]:
        """The guide as `optout guide` prints it, line by line."""
        tag = "guided: you do this by hand" if self.kind == "guided" else "informational: no opt-out exists"
        lines = [f"{self.title} ({self.id})  [{tag}]", self.summary]
        for name, value in (("Where", self.regions), ("Scope", self.scope)):
            if value:
                lines.append(f"{name}: {value}")
        lines += ["", "Steps:"]
        lines += [f"  {number}. {step}" for number, step in enumerate(self.steps, 1)]
        if self.confirmation:
            lines.append(f"Proof you get: {self.confirmation}")
        lines += ["", "Links:"]
        lines += [f"  {link.label}: {link.url}" for link in self.links] or ["  none known"]
        if self.notes:
            lines += ["", "Notes:"]
            lines += [f"  - {note}" for note in self.notes]
        lines += ["", self.disclaimer(), f"Confidence: {self.confidence}", "Sources: " + "; ".join(self.sources)]
        return lines
