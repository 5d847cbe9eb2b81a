"""What comes after a requirement (后面还有吗 / 第二条后面还写了什么 / 这条后面还有什么内容 / 好像没说完): the rest of
the item asked about, or of the item the crawl cut short — said to be lost, never made up."""

from __future__ import annotations

import re

from knowledge import describe
from knowledge.answer import Answer
from knowledge.facts import FactKind
from knowledge.lexicon import Cue
from knowledge.tools import AFTER, Tools, numeral
from knowledge.turn import Turn

_ITEM = re.compile(r"第\s*[（(]?\s*([一二三四五六七八九十\d])\s*[)）]?\s*(?:条|项|点)")


def answer(turn: Turn, tools: Tools) -> Answer | None:
    query = turn.query
    # (后半句呢, after a requirement: the item just cited)
    facts = [tools.kb.facts[f] for f in turn.cited if f in tools.kb.facts]
    after_one = bool(facts) and all(f.kind is FactKind.REQUIREMENT for f in facts)
    item = _ITEM.search(query.text)
    if not AFTER.search(query.text) or not (query.has(Cue.REQUIREMENT) or item or after_one):
        return None
    lost = [r for r in tools.kb.requirements if r.unstated]
    if after_one and not query.has(Cue.REQUIREMENT) and item is None:
        lost = [r for r in lost if r.section in {f.section for f in facts}]
    if item is not None:  # 第二条后面: that item of the requirements
        number = numeral(item.group(1))
        lost = [r for r in lost if r.section.endswith(f"（{'一二三四五六七八九十'[number - 1]}）")]
    if len(lost) != 1:
        return None
    return tools.answer(turn.question, [describe.requirement(tools.kb, lost[0].id)], (), 0.75)
