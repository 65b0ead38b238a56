"""The switch-like controls on a settings page, and which of them speak of AI or data sharing."""

from __future__ import annotations

import re

from playwright.async_api import Error as PlaywrightError
from playwright.async_api import Page

from optout.flow import Flow
from optout.journal import Seen

SWITCH_LIKE = 'input[type="checkbox"], [role="switch"], [role="checkbox"], button[aria-pressed]'

# A control's name: its label, else its description (X describes rather than labels), else
# the text of the row it sits in. State as the engine reads switches.
DESCRIBE = """el => {
    const text = ids => (ids || '').split(/\\s+/).map(id => document.getElementById(id))
        .filter(Boolean).map(n => n.innerText || n.textContent || '').join(' ');
    let name = el.getAttribute('aria-label') || text(el.getAttribute('aria-labelledby'));
    if (!name && el.labels && el.labels.length) name = [...el.labels].map(l => l.innerText).join(' ');
    if (!name && el.tagName === 'BUTTON') name = el.innerText;
    if (!name) name = text(el.getAttribute('aria-describedby'));
    if (!name && el.parentElement) name = el.parentElement.innerText;
    let state = null;
    if (el instanceof HTMLInputElement) state = el.checked;
    else for (const a of ['aria-checked', 'aria-pressed']) {
        const v = el.getAttribute(a);
        if (v === 'true' || v === 'false') { state = v === 'true'; break; }
    }
    const shown = el.getClientRects().length > 0
        || (el.labels && [...el.labels].some(l => l.getClientRects().length > 0));
    return {role: el.getAttribute('role') || (el.tagName === 'BUTTON' ? 'button' : 'checkbox'),
            name: (name || '').replace(/\\s+/g, ' ').trim().slice(0, 200), state, shown};
}"""

# What a new setting worth reporting speaks of, in English, German, French, Spanish, Italian,
# Dutch and Portuguese: AI, training, generative models, machine learning, sharing with partners.
_WORDS = (
    r"artificial intelligence|k(ü|ue)nstliche[rn]? intelligenz|intelligence artificielle|"
    r"inteligencia artificial|intelligenza artificiale|kunstmatige intelligentie|intelig(ê|e)ncia artificial|"
    r"\btrain|\btraining|entra(î|i)n|entrena|addestra|\btrein|"
    r"generativ|g(é|e)n(é|e)rati|"
    r"machine learning|maschinelles? lernen|apprentissage automatique|aprendizaje autom|"
    r"apprendimento automatico|machinaal leren|aprendizagem autom|"
    r"language model|sprachmodell|mod(è|e)les? de langage|modelos? de lenguaje|modell[io] linguistic|"
    r"taalmodel|llm|"
    r"third[- ]part(y|ies)|partners?\b|partenaires|dritt(e|anbieter)|terceros|terze parti|derden|"
    r"terceiros|parceiros|socios"
)
_AI_ABBREVIATION = re.compile(r"\b(AI|KI|IA|GenAI)\b")
_KEYWORDS = re.compile(_WORDS, re.I)


def speaks_of_ai_or_sharing(name: str) -> bool:
    """True when a control's name is about AI, training, or sharing data with others."""
    return bool(_AI_ABBREVIATION.search(name) or _KEYWORDS.search(name))


def _state(value: object) -> str | None:
    return None if value is None else ("on" if value else "off")


async def take(page: Page, flow: type[Flow]) -> list[Seen]:
    """Every visible switch-like control on the page, each marked known when a flow setting finds it."""
    try:
        found = await page.locator(SWITCH_LIKE).evaluate_all(f"els => els.map({DESCRIBE})")
        known: set[str] = set()
        for setting in flow.settings:
            matches = setting.control.find(page)
            if await matches.count():
                names = await matches.evaluate_all(f"els => els.map({DESCRIBE})")
                known.update(n["name"] for n in names)
    except PlaywrightError:
        return []  # an inventory is a bonus; the page may have moved on
    labels = {_squash(s.label) for s in flow.settings}
    seen = []
    for item in found:
        if not item["shown"] or not item["name"]:
            continue
        name = item["name"]
        seen.append(Seen(item["role"], name, _state(item["state"]), name in known or _squash(name) in labels))
    return seen


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()
