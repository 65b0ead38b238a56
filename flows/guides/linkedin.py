"""LinkedIn: the objection form for AI models that do not generate content (the switch is automated).

Written from shared/reference/platforms.md section 1a ("Related form") and platforms.json
`linkedin.gai_objection_form` (confidence medium): "Data for Generative AI Improvement" covers only
content-generating models; for the others LinkedIn has a form to "object to or request the
restriction of" processing, at /help/linkedin/ask/TS-DPRO, which needs a LinkedIn sign-in. What
the form asks and what it shows after submitting are unknown, so the steps stay general.
"""

from __future__ import annotations

from optout.guide import Guide, Link

GUIDE = Guide(
    id="linkedin",
    title="LinkedIn: objection to non-generative AI models",
    kind="guided",
    summary=(
        '`optout apply linkedin` switches off "Data for Generative AI Improvement", which covers only '
        "content-generating AI models. For LinkedIn's other AI models there is no switch: you object "
        "with a form."
    ),
    regions="available broadly; most relevant in GDPR regions (EU/EEA, UK, Switzerland).",
    scope="per account.",
    steps=(
        "Sign in to LinkedIn in your browser: the form requires it.",
        "Open the data processing objection request form (first link below).",
        "Say that you object to, or ask LinkedIn to restrict, the processing of your data for training "
        "AI models that do not generate content, and submit the form.",
        "Keep whatever confirmation LinkedIn shows or sends (its form is not documented in the sources).",
        "Keep the switch off as well: optout apply linkedin (and optout verify linkedin to check it).",
    ),
    confirmation="a form submission confirmation (details unknown).",
    links=(
        Link("Data processing objection request form (TS-DPRO)", "https://www.linkedin.com/help/linkedin/ask/TS-DPRO"),
        Link(
            "The switch optout handles: Data for Generative AI Improvement",
            "https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement",
        ),
    ),
    confidence="medium (two secondary sources; the form's fields are unknown)",
    sources=(
        "https://b2bgrowthco.com/linkedin-generative-ai-privacy-settings/",
        "Lifehacker via https://www.sipoch.com/en/question/300630019737438/answer/30022410077001",
        "LinkedIn Help a6278444 (the switch covers content-generating models only)",
    ),
)
