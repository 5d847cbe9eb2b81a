"""Numbers the notice never gives (几个工作日, 多少经费): unstated."""

from __future__ import annotations

from knowledge.answer import Answer
from knowledge.lexicon import Cue
from knowledge.tools import ROLE_CUES, Tools
from knowledge.turn import Turn


def answer(turn: Turn, tools: Tools) -> Answer | None:
    """企业开办时间要压缩到几个工作日 / 每年多少经费: numbers the notice never gives."""
    question, query, entities = turn.question, turn.query, turn.entities
    counting = query.has(Cue.COUNT) and not entities and "组" not in query.text  # 试点了多少个事项
    # (its own words ask a number: 通报呢 after 例会多久开 asks the same of 通报, which a rule may answer)
    asks_number = any(w in tools.lexicon.cues[Cue.QUANTITY] for w in query.cue_words)
    if not (asks_number or counting):
        return None
    if query.has(*ROLE_CUES, Cue.TOPIC_GROUPS, Cue.SUPPORT_GROUPS, Cue.ALL_GROUPS):
        return None
    text = tools.say("quantity")
    return tools.decline(question, text, entities, prefix_only=True)
