"""Slack: the global-model opt-out is an email from a workspace owner; there is no switch.

Written from shared/reference/platforms.md section 14 and platforms.json `slack.global_model_optout_email`
(confidence high: three sources agree): who may send it (Org Owner, Workspace Owner or Primary
Owner), the address feedback@slack.com, the subject "Slack Global model opt-out request", the
workspace URL in the body, a confirmation email, and what it covers (May 2024 policy).
"""

from __future__ import annotations

from optout.guide import Guide, Link

SUBJECT = "Slack Global model opt-out request"

GUIDE = Guide(
    id="slack",
    title="Slack",
    kind="guided",
    summary=(
        "Slack has no switch: a workspace owner asks by email to exclude the workspace from Slack's "
        "global models. Until then the workspace is included (policy of May 2024)."
    ),
    scope="per workspace or org, and only an Org Owner, Workspace Owner or Primary Owner may ask.",
    steps=(
        "Make sure you are (or ask) an Org Owner, Workspace Owner or Primary Owner of the workspace: "
        "Slack acts only on their request.",
        "Note the workspace or org URL (for example https://your-team.slack.com).",
        f'Email feedback@slack.com with the subject "{SUBJECT}" and the workspace or org URL in the body.',
        "Wait for Slack's reply: it confirms by email when the opt-out is done. Keep that email.",
    ),
    confirmation="an email from Slack saying the opt-out is done.",
    links=(
        Link("Slack's privacy principles (the policy)", "https://slack.com/trust/data-management/privacy-principles"),
        Link("Email to Slack", "mailto:feedback@slack.com?subject=Slack%20Global%20model%20opt-out%20request"),
    ),
    notes=(
        "It covers Slack's traditional machine-learning features (channel and emoji suggestions, search "
        "results), not the Slack AI language models, which Slack says are not trained on customer data.",
    ),
    confidence="high (three sources agree on the address, the subject and who may send it)",
    sources=(
        "https://www.webpronews.com/slack-using-customer-data-to-train-ai-requires-email-to-opt-out/",
        "https://redact.dev/blog/opt-out-slack-ai-training",
        "https://mastodawn.com/post/112458413679331104",
    ),
)
