"""`optout platforms` and `optout show`: what optout knows, automated or guided, read statically, no browser."""

from __future__ import annotations

import json

import click

from optout import registry
from optout.cli import cli
from optout.flow import DEFAULT_CATEGORIES, Flow, Modal, Setting
from optout.guide import Guide


def describe_flow(flow: type[Flow]) -> dict[str, object]:
    """A platform as `optout platforms --json` prints it."""
    return {
        "platform": flow.id,
        "title": flow.title,
        "mode": "automated",
        "login": "password or --headed" if flow.password_login and flow.login else "--headed only",
        "confidence": flow.confidence,
        "per_site": flow.sites is not None,
        "sources": list(flow.sources),
        "settings": [
            {
                "setting": s.key,
                "label": s.label,
                "category": s.category,
                "default": s.category in DEFAULT_CATEGORIES,
                "wanted": s.wanted_text(),
                "control": s.control.describe(),
                "urls": list(s.urls),
            }
            for s in flow.settings
        ],
        **({"guide": guide.describe()} if (guide := registry.guide_for(flow.id)) else {}),
    }


def describe_guide(guide: Guide) -> dict[str, object]:
    """A platform with only a guide, in the same shape: no login, no settings optout can read."""
    return {
        "platform": guide.id,
        "title": guide.title,
        "mode": guide.kind,
        "login": None,
        "confidence": guide.confidence,
        "per_site": False,
        "sources": list(guide.sources),
        "settings": [],
        "guide": guide.describe(),
    }


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print one JSON document.")
def platforms(as_json: bool) -> int:
    """Every platform optout knows, its settings, and how sure we are of them."""
    automated = set(registry.platform_ids())
    described = [describe_flow(f) for f in registry.all_flows()]
    described += [describe_guide(g) for g in registry.all_guides() if g.id not in automated]
    if as_json:
        click.echo(json.dumps({"platforms": described}, indent=2, ensure_ascii=False))
        return 0
    for item in described:
        if item["mode"] != "automated":
            tag = "by hand; optout cannot check it" if item["mode"] == "guided" else "no opt-out exists"
            click.echo(f"{item['platform']}  {item['title']}  [{item['mode']}: {tag}]")
            click.echo(f"    {item['guide']['summary']}")  # type: ignore[index]
            click.echo(f"    steps and links: optout guide {item['platform']}")
            continue
        click.echo(f"{item['platform']}  {item['title']}  [{item['mode']}; login: {item['login']}]")
        click.echo(f"    confidence: {item['confidence']}")
        for s in item["settings"]:  # type: ignore[attr-defined]
            default = "applied by default" if s["default"] else "with --setting " + s["setting"]
            click.echo(f'    {s["setting"]}: "{s["label"]}" -> {s["wanted"]} ({s["category"]}, {default})')
        if "guide" in item:
            click.echo(f"    also by hand: {item['guide']['title']} (optout guide {item['platform']})")  # type: ignore[index]
    return 0


def steps(setting: Setting) -> list[str]:
    """The steps a run takes for one setting, in words."""
    first, *others = setting.urls
    lines = [f"open {first}" + "".join(f" (if missing: {u})" for u in others)]
    if isinstance(setting.modal, Modal):
        lines.append("open the row's dialog")
    lines.append(f"read the {setting.control.describe()}; if it is already {setting.wanted_text()}, stop here")
    lines.append("--dry-run and verify stop here and report it")
    lines.append(
        f"set it to {setting.wanted_text()}"
        + (", close the dialog" if setting.modal else "")
        + (", press Save" if setting.save else "")
    )
    lines.append("load the page afresh and read it back; only that read-back counts as done")
    return lines


@cli.command()
@click.argument("platform")
def show(platform: str) -> int:
    """The steps a run takes on PLATFORM, read from its flow without starting a browser."""
    if platform not in registry.platform_ids() and platform in registry.guide_ids():
        # Nothing runs on a guide-only platform: its guide is all there is to show.
        for line in registry.load_guide(platform).text():
            click.echo(line)
        return 0
    flow = registry.load(platform)
    click.echo(f"{flow.title} ({flow.id})")
    click.echo(f"confidence: {flow.confidence}")
    if flow.login is not None and flow.password_login:
        click.echo(f"sign in: saved session first; else the password from the keyring at {flow.login.url},")
        click.echo(f"         typed only on {', '.join(sorted(flow.login.origins))}, at most once per run")
    else:
        click.echo(f"sign in: saved session only (set it up with: optout login {flow.id} --headed)")
    click.echo("a security check, code, CAPTCHA or SSO page stops the run: needs you, nothing clicked")
    if flow.sites is not None:
        click.echo(f"sites: listed from {', '.join(flow.sites.urls)}; each setting below is handled once per site")
    for setting in flow.settings:
        default = (
            "applied by default" if setting.category in DEFAULT_CATEGORIES else f"only with --setting {setting.key}"
        )
        click.echo(f'\n{setting.key}: "{setting.label}" ({setting.category}, {default})')
        if setting.note:
            click.echo(f"  where: {setting.note}")
        for number, step in enumerate(steps(setting), 1):
            click.echo(f"  {number}. {step}")
    if flow.sources:
        click.echo("\nsources: " + "; ".join(flow.sources))
    guide = registry.guide_for(flow.id)
    if guide is not None:
        click.echo(f"\nalso by hand (optout cannot check it): {guide.title}; run: optout guide {flow.id}")
    return 0
