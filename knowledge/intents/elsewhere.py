"""Other governments, districts and levels: the notice is about the city's group only."""

from __future__ import annotations

import re

from knowledge.answer import Answer
from knowledge.lexicon import Cue
from knowledge.matcher import EntityKind, mask, sounds
from knowledge.tools import Tools
from knowledge.turn import Turn
from knowledge.understand import Query

_OTHER_LEVEL = re.compile(r"(区县|区|县|乡镇|街道|省|国家|全国)级?的?$")
# A place named by its level (杭州市, 玉林市, 襄汾县): another government's, unless the notice names it.
_PLACE = re.compile(
    r"([\u4e00-\u9fff]{2,4}?)(?:省(?!份|级|里)|市(?!场|民|容|级|里)|县(?!域|级|里)|区(?!域|别|分|间|级|里))"
)
_NOT_A_PLACE = re.compile(r"[这那哪各本全每个们该此某城里中]")  # (通知里市环保委: 里 ends no place's name)
_OUR_LEVEL = re.compile(r"(?:我们|咱们|我|咱)(?:这个|这边|那边|这里|的)?(区县|区|县|乡镇|镇|街道|乡)(?!长|委|政府办)")
# the notice's own government, set against the asker's (我们县…，市里的呢): the level above, or the notice itself
_NOTICES_OWN = re.compile(
    r"(?:市|省)(?:里|级|一级|上|政府|这边|那边)|(?:这份|这个|你们的?|贵)?(?:通知|文件)(?:里|中|上)"
)
_OURS_ASKED = re.compile(r"(?:我们|咱们|我|咱)(?:这个|这边|那边|这里|的)?(?:区县|区|县|乡镇|镇|街道|乡)")
# what the asker's own government should do (我们区县要不要参照市里…): theirs asked, not the notice's
SHOULD = re.compile(r"要不要|该不该|需不需要|需要不需要|应不应该|是否要|是不是也要|也要|也得|也该|参照")
_ORDINAL = re.compile(r"第([一二三四五六七八九十\d]+)次")
_PLACE_REACH = 10  # characters before a group's name where its place may stand


def answer(turn: Turn, tools: Tools) -> Answer | None:
    question, query = turn.question, turn.query
    own = tools.own_levels
    ours, contrast = _ours_then_notices(query.text)  # 我们区县要不要也设专题组: the asker's own, at another level
    # 我们县的审批组组长是常务副县长，市里是谁: the asker's own told, then the notice's asked, which is answered
    theirs_again = _OURS_ASKED.search(query.text, contrast.end()) if contrast is not None else None
    if contrast is not None and theirs_again is None and not SHOULD.search(query.text):
        return None
    below = any(
        (level := _OTHER_LEVEL.search(query.text[: m.start]))
        and level.group(1) not in own
        and not _own_place(tools, query.text[: m.start])
        for m in query.mentions
        if m.entity.kind is EntityKind.GROUP
    )
    ours_other = ours is not None and ours.group(1) not in own
    if not (query.has(Cue.ELSEWHERE) or below or ours_other or _foreign_place(tools, query.text, query)):
        return None  # 各区县的放管服协调小组: not the city's group
    own = tools.notice_groups()  # the groups its title names; else the top one; else the notice by its label
    if not own and tools.kb.top:
        own = [tools.kb.groups[tools.kb.top]]
    text = tools.say("elsewhere", group="、".join(g.full_name or g.name for g in own) or tools.notice_label)
    # the group it named stays the subject: 渝北区的放管服协调小组谁负责 → 那重庆市的呢 asks of the notice's own
    named = tuple(e for e in turn.entities if e.kind is EntityKind.GROUP)
    return tools.decline(question, text, named, prefix_only=True)


def ours_asked(tools: Tools, query: Query) -> bool:
    """Whether the question asks of the asker's own government at another level than the notice's (我们区那份的
    文号), not of the notice's own set against theirs (我们县…，市里的呢)."""
    ours, contrast = _ours_then_notices(query.text)
    return ours is not None and ours.group(1) not in tools.own_levels and contrast is None


def _ours_then_notices(text: str) -> tuple[re.Match[str] | None, re.Match[str] | None]:
    """The asker's own government (我们县), and the notice's own named after it (市里 / 这个通知里), where said."""
    ours = _OUR_LEVEL.search(text)
    return ours, (_NOTICES_OWN.search(text, ours.end()) if ours is not None else None)


def _own_place(tools: Tools, before: str) -> bool:
    """Whether a group's name follows a place the notice itself names (山东省未成年人保护工作领导小组 of
    山东's notice), not a level below it (各区县的协调小组)."""
    for size in range(3, 6):
        found = _PLACE.fullmatch(before[-size:])
        if found and not _NOT_A_PLACE.search(found.group(1)) and found.group() in tools.notice_text:
            return True
    return False


def _foreign_place(tools: Tools, text: str, query: Query) -> bool:
    """Whether a group is named with a place (X市 / X县) the notice itself never names: 杭州市信用建设领导小组
    asked of 临安市's, 玉林市抗震救灾指挥部 of 兴业县's."""
    # a person's or unit's name is not a place (常务副市长)
    text = mask(text, (m for m in query.mentions if m.entity.kind is not EntityKind.GROUP))
    for mention in query.mentions:
        if mention.entity.kind is not EntityKind.GROUP:
            continue
        group = tools.kb.groups[mention.entity.id]
        # as far back as the group's full name would reach (珠海市未成年人保护工作 before 领导小组)
        reach = max(_PLACE_REACH, len(group.full_name or "") - (mention.end - mention.start) + 4)
        named = text[max(0, mention.start - reach) : mention.end]
        own = set(_ORDINAL.findall(group.name + (group.full_name or "")))
        if any(n not in own for n in _ORDINAL.findall(named)):
            return True  # 第四次全国经济普查领导小组, asked of the 第三次's
        if mention.score < 100:  # 深化上市制度改革组, a misspelt 商事组, holds no place 深化上市: look before it
            named = text[max(0, mention.start - reach) : mention.start]
        for found in _PLACE.finditer(named):
            place = found.group()
            # (问下青峪县: the place is its end, 青峪县, which the notice names)
            own_end = any(place[i:] in tools.notice_text for i in range(1, len(place) - 2))
            if (
                not _NOT_A_PLACE.search(found.group(1))
                and place not in tools.notice_text
                and not own_end
                and not _sounds_like_own(tools, place)
            ):
                return True
    return False


def _sounds_like_own(tools: Tools, place: str) -> bool:
    """玉溪县 asked of 榆溪县's notice: a place that sounds like one the notice names is the notice's, misheard."""
    heard = sounds(place)
    text = tools.notice_text
    return any(
        all(a & b for a, b in zip(heard, sounds(text[i : i + len(place)]), strict=True))
        for i in range(len(text) - len(place) + 1)
        if text[i + len(place) - 1] == place[-1]
    )
