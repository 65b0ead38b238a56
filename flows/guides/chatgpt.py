"""ChatGPT (OpenAI): the Privacy Portal request "Do not train on my content", done by hand.

Written from shared/reference/platforms.md section 3 and platforms.json
`chatgpt.privacy_portal_do_not_train` (confidence medium): privacy.openai.com/policies > Make a
Privacy Request > verify the account by email > "Do not train on my content"; OpenAI says it keeps
honouring it for the account; consumer ChatGPT only; either this or the "Improve the model for
everyone" switch is enough, and the request survives changes to the settings pages.
"""

from __future__ import annotations

from optout.guide import Guide, Link

GUIDE = Guide(
    id="chatgpt",
    title="ChatGPT (OpenAI): Privacy Portal request",
    kind="guided",
    summary=(
        'Besides the "Improve the model for everyone" switch, OpenAI takes a "Do not train on my '
        'content" request on its Privacy Portal. Either one is enough; the request survives changes '
        "to ChatGPT's settings pages."
    ),
    regions="all regions.",
    scope="per account; consumer ChatGPT only (not Business, Enterprise, Edu or the API).",
    steps=(
        'Open OpenAI\'s Privacy Portal (first link below) and choose "Make a Privacy Request".',
        "Verify your account: the portal sends a message to your account's email address.",
        'Choose "Do not train on my content" and submit the request.',
        "Keep the confirmation shown and the email that follows.",
    ),
    confirmation="a request confirmation on screen and by email.",
    links=(Link("OpenAI Privacy Portal", "https://privacy.openai.com/policies"),),
    notes=("Thumbs-up/down feedback on a conversation lets OpenAI use that conversation even after an opt-out.",),
    confidence="medium (a maintained audit and one blog)",
    sources=(
        "AI-vendor privacy audit, vendors/chatgpt.md (unnamed public source, last verified 2026-10-02)",
        "https://taylor.town/chatgpt-opt-out",
    ),
)
