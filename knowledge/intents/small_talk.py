"""Small talk: a greeting, thanks, 你是谁 / 你能做什么, and 介绍一下这个通知 (a summary built from the facts).

Only a message that is nothing but small talk is taken: its words (data/lexicon.yaml ``small_talk``),
with the particles around them, must make up the whole question, so 你好，请问综合组组长是谁 is a question.
A greeting, thanks or a question about the bot is not an answer from the notice: it is a decline in
friendly words with the questions to try (so it keeps the context: 谢谢 → 那它负责什么 still works).
"""

from __future__ import annotations

import re
from functools import cache

from knowledge.answer import Answer
from knowledge.describe import Part
from knowledge.facts import Knowledge
from knowledge.tools import Tools
from knowledge.turn import Turn

_SUMMARY_FACTS = ("doc.title", "doc.number", "doc.structure")


def answer(turn: Turn, tools: Tools) -> Answer | None:
    words = tools.lexicon.small_talk
    text = turn.query.text.replace(" ", "")
    if _only(text, words.summary, words.particles):
        return tools.answer(turn.question, [_summary(tools)], (), 1.0)
    for kind, phrases in (
        ("about_bot", words.identity + words.abilities),
        ("thanks", words.thanks),
        ("greeting", words.greeting),
    ):
        if _only(text, phrases, words.particles):
            number = _field(tools.kb, "number")
            return tools.decline(
                turn.question, tools.say(f"small_talk_{kind}", number=number) + tools.say("you_may_ask")
            )
    return None


def _only(text: str, phrases: tuple[str, ...], particles: str) -> bool:
    """``text`` is one or more of ``phrases`` (longest first) and particles, nothing else."""
    if _any_of(phrases).search(text) is None:
        return False  # (most questions: none of the phrases is in them, nothing to take away)
    rest = text
    for phrase in sorted(phrases, key=len, reverse=True):
        rest = rest.replace(phrase.replace(" ", ""), "")
    return rest != text and not rest.strip(particles)


@cache
def _any_of(phrases: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(p.replace(" ", "")) for p in phrases) or "(?!)")


def _summary(tools: Tools) -> Part:
    kb = tools.kb
    kinds = []
    for kind in kb.kinds():
        names = [g.name for g in kb.under_top() if g.kind == kind]
        kinds.append(tools.say("summary_kind", count=len(names), kind=kind, names="、".join(names)))
    top = kb.groups[kb.top] if kb.top else None
    text = tools.say(
        "summary",
        title=_field(kb, "title"),
        number=_field(kb, "number"),
        group=(top.full_name or top.name) if top else "",
        top=top.name if top else "",
        kinds="和".join(kinds),
    )
    return Part(text, tuple(f for f in _SUMMARY_FACTS if f in kb.facts))


def _field(kb: Knowledge, key: str) -> str:
    field = kb.document.get(key)
    return field.value if field is not None else ""
