"""Turning platform names, --account and --setting into the engine's tasks."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from optout import config, registry
from optout.errors import NeedsYou, UsageError
from optout.flow import DEFAULT_CATEGORIES, Flow, Setting

if TYPE_CHECKING:
    from optout.engine import Task


def chosen_flows(platforms: Sequence[str], every: bool) -> list[type[Flow]]:
    """The named platforms; with none named (or --all), every platform with an account."""
    if platforms and not every:
        return [registry.load(p) for p in dict.fromkeys(platforms)]
    configured = list(dict.fromkeys(a.platform for a in config.load_accounts()))
    if not configured:
        raise NeedsYou(
            "no accounts are set up yet",
            hint="run: optout login PLATFORM --account YOU@EXAMPLE.COM (optout platforms lists them)",
        )
    named = [registry.load(p) for p in dict.fromkeys(platforms)]
    return named + [registry.load(p) for p in configured if p not in platforms]


def chosen_settings(flow: type[Flow], keys: Sequence[str]) -> tuple[Setting, ...]:
    """The settings asked for with --setting, or by default the AI-training ones."""
    if keys:
        return tuple(s for s in flow.settings if s.key in keys)
    return tuple(s for s in flow.settings if s.category in DEFAULT_CATEGORIES)


def tasks(platforms: Sequence[str], every: bool, accounts: Sequence[str], keys: Sequence[str]) -> list[Task]:
    """One task per (platform, account); a platform without an account gets one that says so."""
    from optout.engine import Task

    flows = chosen_flows(platforms, every)
    known = {s.key for f in flows for s in f.settings}
    unknown = [k for k in keys if k not in known]
    if unknown:
        raise UsageError(
            f"unknown setting {unknown[0]!r} (known: {', '.join(sorted(known))})",
            hint="see: optout show PLATFORM",
        )
    result: list[Task] = []
    for flow in flows:
        settings = chosen_settings(flow, keys)
        if not settings:
            continue
        ids = [a.account for a in config.accounts_for(flow.id)]
        if accounts:
            unknown_accounts = [a for a in accounts if a not in ids]
            if ids and unknown_accounts and len(flows) == 1:
                raise UsageError(
                    f"no {flow.title} account {unknown_accounts[0]!r} is set up (set up: {', '.join(ids)})",
                    hint=f"run: optout login {flow.id} --account {unknown_accounts[0]}",
                )
            ids = [a for a in ids if a in accounts]
        result += [Task(flow, account, settings) for account in ids] or [Task(flow, None, settings)]
    return result
