"""Plain-text rendering of an Answer, for the terminal chat and ``ask`` without ``--json``."""

from __future__ import annotations

from knowledge.answer import Answer


def render_plain(answer: Answer) -> str:
    lines = [answer.text]
    for citation in answer.citations:
        lines.append(f"  〔{citation.section}〕“{citation.quote}”")
    if answer.suggestions and answer.answered:
        lines.append("  相关问题：" + " / ".join(answer.suggestions))
    return "\n".join(lines)
