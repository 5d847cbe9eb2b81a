"""Bodies the notice abolishes or merges (撤销…等4个议事协调机构 / 将X并入Y): a question naming one of them —
是不是还保留着 / 并到哪去了 / 它的活现在谁干 / 调整后的Y组长是谁 — is answered by what the notice says of it
(the field, and the requirements that name it), never by the notice's own group, whose short name its name ends in."""

from __future__ import annotations

import re

from knowledge import describe
from knowledge.answer import Answer
from knowledge.describe import Part
from knowledge.lexicon import Cue
from knowledge.matcher import EntityKind
from knowledge.tools import ROLE_CUES, Tools
from knowledge.turn import Turn

_LEVEL = re.compile(
    r"^(?:[\u4e00-\u9fff]{2,3}?[省市县区镇乡](?!委|政府)|[省市县区镇乡])"
)  # 松溪镇 / 市 before the name
_KIND = re.compile(r"(?:工作)?(?:领导小组|小组|委员会|联席会议|指挥部|专班)$")
_KEPT = re.compile(r"保留|还在|还有|存在|继续|仍然|还算")  # 还保留着吗: a claim that it goes on
_KIND_AFTER = r"(?:工作)?(?:领导小组|小组|委员会|联席会议|指挥部|专班|组)"  # (未成年人保护法 names no 保护委员会)
_CORE = 4  # characters a name keeps without its level and kind word, to be recognised by them


def answer(turn: Turn, tools: Tools) -> Answer | None:
    query = turn.query
    own = [(m.start, m.end) for m in query.mentions if m.entity.kind is EntityKind.GROUP]
    named = [
        (name, field)
        for field, names in _bodies(tools).items()
        for name in names
        if (span := _said(name, query.text)) and not any(a <= span[0] and span[1] <= b for a, b in own)
    ]  # (山东省未成年人保护工作领导小组 is its own group, whatever 省未成年人保护委员会 shares with it)
    if not named:
        return None
    name, field = max(named, key=lambda pair: len(pair[0]))
    parts = [describe.document_field(tools.kb, field)]
    merged_into = field == "merged" and _merged_into(tools) == name
    if query.has(*ROLE_CUES):  # 调整后的数字政府建设领导小组组长是谁 / 原来的政务公开领导小组组长: not said
        parts.insert(0, Part(tools.say("body_not_set_out", body=name)))
    elif query.has(Cue.WHEN) and not query.has(
        Cue.YES_NO
    ):  # 原来那个…联席会议是哪年建立的: its own dates are not given
        parts.insert(0, Part(tools.say("body_not_dated", body=name)))
    parts += [describe.requirement(tools.kb, r.id) for r in tools.kb.requirements if r.quote and _said(name, r.quote)]
    if query.has(Cue.YES_NO):
        claims_kept = _KEPT.search(query.text) is not None
        abolished = field != "merged"
        gone = abolished or not merged_into
        parts.insert(0, tools.verdict(claims_kept != gone if claims_kept or abolished else True))
    unique = list({p.text: p for p in parts}.values())
    top = tools.kb.groups.get(tools.kb.top or "")
    said = "".join(p.text for p in unique)
    if top is not None and top.full_name and top.name in said.replace(top.full_name, ""):
        # 其承担的工作统一由领导小组负责: the notice's short name, said whole (领导小组即市优化营商环境工作领导小组)
        unique.append(Part(tools.say("short_name_is", name=top.name, full=top.full_name)))
    return tools.answer(turn.question, unique, (), 0.8)


def _bodies(tools: Tools) -> dict[str, list[str]]:
    """The names of the bodies each field speaks of: those abolished; those merged, and the one merged into."""
    found: dict[str, list[str]] = {}
    for abolished in tools.kb.fields("abolished"):
        found[abolished.id] = [n.strip("“”") for n in re.split(r"[、，,]", abolished.value) if len(n) > _CORE]
    merged = tools.kb.field("merged")
    if merged is not None:
        found["merged"] = [n for n in re.split(r"并入|合并到|合并为", merged.value) if len(n) > _CORE]
    return found


def _merged_into(tools: Tools) -> str | None:
    merged = tools.kb.field("merged")
    pieces = re.split(r"并入|合并到|合并为", merged.value) if merged is not None else []
    return pieces[-1] if len(pieces) > 1 else None


def _core(name: str) -> str:
    return _KIND.sub("", _LEVEL.sub("", name.replace("“", "").replace("”", "")))


def _said(name: str, text: str) -> tuple[int, int] | None:
    """Where a text names the body: whole, or by its core without level and kind word (政务公开领导小组)."""
    text = text.replace("“", " ").replace("”", " ")
    if name.replace("“", " ").replace("”", " ") in text:
        start = text.index(name.replace("“", " ").replace("”", " "))
        return start, start + len(name)
    core = _core(name)
    found = re.search(re.escape(core) + _KIND_AFTER, text) if len(core) >= _CORE else None
    # 美丽乡村那个领导小组 of 美丽乡村建设领导小组: the core's first words, a few characters, then its kind
    found = found or re.search(re.escape(core[:_CORE]) + r"[^，,。？?]{0,4}?" + _KIND_AFTER, text)
    return found.span() if found else None
