"""A question about the answer just given, not about a subject: 你确定吗 (，不是张德宽？), 原文怎么说的, 这段出自第几部分,
为什么. It is answered from the facts that answer cited, in the notice's own words and with their sections; a
name the asker offers instead (不是张德宽？) is said not to be what the notice gives, when the cited words lack it."""

from __future__ import annotations

import re

from knowledge.answer import Answer
from knowledge.describe import Part
from knowledge.facts import FactKind
from knowledge.matcher import EntityKind
from knowledge.tools import Tools
from knowledge.turn import Turn

_SHOWN = 5  # quotes repeated at most
_END = r"[吗么嘛吧呀啊呢?？!！。.,，\s]*"
DOUBT = re.compile(
    rf"^(?:你|您)?(?:确定|肯定|确认|真的|没搞错|没弄错|没记错|没错|靠谱|准确|可靠)(?:吗|么|嘛|吧|不)?"
    rf"(?:[,，\s]*(?:不是|而不是|难道不是)(?P<other>.+?))?{_END}$"
)
_QUOTE = re.compile(
    rf"^(?:那|能|可以|麻烦)?(?:给我|发我|引一下|贴一下|看看|查一下)?(?:具体|完整)?(?:的)?"
    rf"(?:原文|原话|原句|原文表述)(?:是|呢|给我|发我|看看)?(?:怎么|咋|如何)?(?:说|写|表述)?(?:的|得)?(?:是什么)?{_END}$"
)
_WHERE = re.compile(
    rf"^(?:那|这|这段|那段|这句|那句|这条|这个|这句话|这段话|它|上面这|刚才这|刚才说的)?(?:原文|原话|内容|话)?"
    rf"(?:是|出自|在|来自|写在|见于)?(?:通知)?(?:的)?"
    rf"(?:第几部分|哪部分|哪一部分|哪个部分|第几条|哪一条|哪条|哪一段|哪段|哪一节|第几段|第几项|哪一项|出处|哪里|哪儿)"
    rf"(?:的|写的|说的|规定的)?{_END}$"
)
# 保障组也要吗, after a requirement of 各专题组和保障组: whether the words just cited name it too
_ALSO = re.compile(
    rf"^(?:那|那么)?(?P<who>[\u4e00-\u9fff]{{2,12}}?)(?:也|同样|也都)(?:要|需要|得|适用|包括|算)[^，。？?]{{0,4}}?{_END}$"
)
_WHY = re.compile(
    rf"^(?:那)?(?:为什么|为啥|凭什么|怎么看出来的|从哪看出来的|依据是什么|根据是什么|根据什么|有什么依据|依据呢){_END}$"
)


def answer(turn: Turn, tools: Tools) -> Answer | None:
    if not turn.cited:
        return None
    text = turn.query.text.strip()
    doubt, where, also = DOUBT.match(text), _WHERE.match(text), _ALSO.match(text)
    facts = [tools.kb.facts[f] for f in turn.cited if f in tools.kb.facts and tools.kb.facts[f].quote]
    required = bool(facts) and all(f.kind is FactKind.REQUIREMENT for f in facts)
    if also and required:
        who = also.group("who")
        # (综合组也需要吗: a group is named by its kind too, 各专题组和保障组 naming every 保障组)
        kinds = [tools.kb.groups[m.entity.id].kind for m in turn.query.mentions if m.entity.kind is EntityKind.GROUP]
        naming = [f for f in facts if any(w in (f.quote or "") for w in (who, *kinds))]
        shown = (naming or facts)[:_SHOWN]
        # (协调小组也要吗, of words that name only 各专题组和保障组: not said of it, the words shown)
        lead = tools.verdict(True) if naming else Part(tools.say("also_unstated", who=who))
        parts = [lead, Part("\n".join(tools.quoted(shown)), tuple(f.id for f in shown))]
        return tools.answer(turn.question, parts, turn.entities, 0.8)
    if not (doubt or where or _QUOTE.match(text) or _WHY.match(text)) or not facts:
        return None
    unique = list({f.quote: f for f in facts}.values())
    # a quote inside another one shown is not repeated (组长由…担任 in (二)激励创业创新组。组长由…担任)
    shown = [f for f in unique if not any(f.quote != g.quote and f.quote in (g.quote or "") for g in unique)][:_SHOWN]
    said = tools.quoted(shown)
    lead = ""
    if where:
        sections = "、".join(dict.fromkeys(f.section for f in shown if f.section))
        lead = tools.say("answer_from", sections=sections) if sections else ""
    elif doubt:
        other = (doubt.group("other") or "").strip()
        named = [tools.name(m.entity) for m in turn.query.mentions] or ([other] if other else [])
        missing = [n for n in named if not any(n in f.quote for f in shown)]
        lead = tools.say("answer_not_other", names="、".join(missing)) if missing else tools.say("answer_confirmed")
    return tools.answer(turn.question, [Part(lead + "\n".join(said), tuple(f.id for f in shown))], turn.entities, 0.8)
