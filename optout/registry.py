"""The platforms optout knows: flows (automated) and guides (by hand), built in or from entry points.

Flows are the modules of the `flows` package (each defines FLOW) plus the "optout.flows" entry
points. Guides are the modules of `flows.guides` (each defines GUIDE) plus the "optout.guides"
entry points. A platform id may have a flow, a guide, or both (a switch optout sets and a form
the person sends); the two never share a file, so adding one never edits the other.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache
from importlib.metadata import EntryPoint, entry_points

import flows
import flows.guides
from optout.errors import UsageError
from optout.flow import Flow
from optout.guide import Guide

ENTRY_POINT_GROUP = "optout.flows"
GUIDE_ENTRY_POINT_GROUP = "optout.guides"


@cache
def _entry_points(group: str = ENTRY_POINT_GROUP) -> dict[str, EntryPoint]:
    """Third-party flows (or guides), by platform id, not yet loaded."""
    return {ep.name: ep for ep in entry_points(group=group)}


def _modules(package: list[str]) -> list[str]:
    """The public plain modules of a package (sub-packages such as `flows.guides` are not platforms)."""
    return sorted(m.name for m in pkgutil.iter_modules(package) if not m.name.startswith("_") and not m.ispkg)


def platform_ids() -> list[str]:
    """Every platform with a flow, built-in first, in alphabetical order within each group."""
    builtin = _modules(flows.__path__)
    return builtin + sorted(set(_entry_points()) - set(builtin))


def guide_ids() -> list[str]:
    """Every platform with a guide, built-in first, in alphabetical order within each group."""
    builtin = _modules(flows.guides.__path__)
    return builtin + sorted(set(_entry_points(GUIDE_ENTRY_POINT_GROUP)) - set(builtin))


def known_ids() -> list[str]:
    """Every platform id, with a flow or a guide or both, in alphabetical order."""
    return sorted(set(platform_ids()) | set(guide_ids()))


def _unknown(platform: str) -> UsageError:
    """The one-line error for an id nothing knows."""
    return UsageError(
        f"unknown platform {platform!r} (known: {', '.join(known_ids())})",
        hint="run: optout platforms",
    )


@cache
def load(platform: str) -> type[Flow]:
    """The flow for one platform id; an unknown id, or one with only a guide, is a usage error (exit 2)."""
    if platform not in platform_ids():
        if platform in guide_ids():
            raise UsageError(f"{platform} has no automated setting", hint=f"run: optout guide {platform}")
        raise _unknown(platform)
    entry = _entry_points().get(platform)
    if entry is not None and not _is_builtin(platform):
        flow = entry.load()
    else:
        flow = getattr(importlib.import_module(f"flows.{platform}"), "FLOW", None)
    if not (isinstance(flow, type) and issubclass(flow, Flow)) or flow.id != platform:
        raise UsageError(f"the flow module for {platform!r} does not define FLOW for that id")
    return flow


def _is_builtin(platform: str) -> bool:
    """True for a module shipped in the `flows` package."""
    return platform in _modules(flows.__path__)


def all_flows() -> list[type[Flow]]:
    """Every flow, loaded."""
    return [load(p) for p in platform_ids()]


@cache
def load_guide(platform: str) -> Guide:
    """The guide for one platform id; an id without one is a usage error (exit 2) saying what to run."""
    if platform not in guide_ids():
        if platform in platform_ids():
            raise UsageError(f"{platform} has no guide: optout handles it itself", hint=f"see: optout show {platform}")
        raise _unknown(platform)
    entry = _entry_points(GUIDE_ENTRY_POINT_GROUP).get(platform)
    if entry is not None and platform not in _modules(flows.guides.__path__):
        guide = entry.load()
    else:
        guide = getattr(importlib.import_module(f"flows.guides.{platform}"), "GUIDE", None)
    if not isinstance(guide, Guide) or guide.id != platform:
        raise UsageError(f"the guide module for {platform!r} does not define GUIDE for that id")
    return guide


def guide_for(platform: str) -> Guide | None:
    """The guide that goes with a platform, if it has one."""
    return load_guide(platform) if platform in guide_ids() else None


def all_guides() -> list[Guide]:
    """Every guide, loaded."""
    return [load_guide(p) for p in guide_ids()]
