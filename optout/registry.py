"""The flows optout knows: every module in the `flows` package, plus the "optout.flows" entry points."""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache
from importlib.metadata import entry_points

import flows
from optout.errors import UsageError
from optout.flow import Flow

ENTRY_POINT_GROUP = "optout.flows"


@cache
def _entry_points() -> dict[str, object]:
    """Third-party flows, by platform id, not yet loaded."""
    return {ep.name: ep for ep in entry_points(group=ENTRY_POINT_GROUP)}


def platform_ids() -> list[str]:
    """Every known platform id, built-in first, in alphabetical order within each group."""
    builtin = sorted(m.name for m in pkgutil.iter_modules(flows.__path__) if not m.name.startswith("_"))
    return builtin + sorted(set(_entry_points()) - set(builtin))


@cache
def load(platform: str) -> type[Flow]:
    """The flow for one platform id; an unknown id is a usage error (exit 2)."""
    if platform not in platform_ids():
        raise UsageError(
            f"unknown platform {platform!r} (known: {', '.join(platform_ids())})",
            hint="run: optout platforms",
        )
    entry = _entry_points().get(platform)
    if entry is not None and not _is_builtin(platform):
        flow = entry.load()  # type: ignore[attr-defined]
    else:
        flow = getattr(importlib.import_module(f"flows.{platform}"), "FLOW", None)
    if not (isinstance(flow, type) and issubclass(flow, Flow)) or flow.id != platform:
        raise UsageError(f"the flow module for {platform!r} does not define FLOW for that id")
    return flow


def _is_builtin(platform: str) -> bool:
    """True for a module shipped in the `flows` package."""
    return any(m.name == platform for m in pkgutil.iter_modules(flows.__path__))


def all_flows() -> list[type[Flow]]:
    """Every flow, loaded."""
    return [load(p) for p in platform_ids()]
