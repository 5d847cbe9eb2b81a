"""The notice itself: its number, dates, issuer, recipients, basis, former name; other years and numbers declined."""

from __future__ import annotations

import re

from knowledge.answer import Answer
from knowledge.describe import Part
from knowledge.intents.elsewhere import ours_asked
from knowledge.lexicon import Cue
from knowledge.matcher import Entity, EntityKind
from knowledge.normalize import normalize
from knowledge.tools import ROLE_CUES, Tools
from knowledge.turn import Turn
from knowledge.understand import Query

_YEAR = re.compile(r"((?:19|20)\d{2}) ?年")
_DOCUMENT_NUMBER = re.compile(r"(\d{4})\D{0,3}?(\d{1,3}) ?号")
_NAMING = {"rename", "title", "issuer", "recipients"}
_ISSUED_BY = re.compile(r"是(?:由)?([\u4e00-\u9fff]{2,20}?)(?:联合)?(?:印发|下发|发布|发文|发出|发)的")
_CALLED = re.compile(r"叫|名为|称为|名称是")
_CLAIMED_NAME = 8  # characters of a name a claim must share with the field to be about it
_WEAK_FIELDS = {"basis", "published", "public", "structure", "issuer"}  # (暴雨预警是哪个单位发的: a unit's work)
_COUNT_ONLY = re.compile(r"\d+个")
_WHICH = re.compile(r"哪些|哪个|哪几个|什么|名单|都是")
_FORMER_NAME = re.compile(r"原(.+?)(?:更名为|改名为|调整为)")
_GOVERNMENTS = re.compile(
    r"^.{2,8}?(?:人民政府办公厅|人民政府办公室|人民政府|党委|委员会)"
)  # the body a name starts with
_FORMER_CORE = 6  # characters of a former name without its body that name it, not a word of the new one
_IN_FORCE = re.compile(r"施行|生效|有效期|失效|过期")
_STRONG_CLAUSE = 0.8  # a clause covering this share of a question's words beats a generic document word


def _former_named(tools: Tools, text: str) -> bool:
    """Whether the question names a group by the name the notice says it had before (原X更名为Y), its place
    left off as people leave it off (推进职能转变协调小组 of 原重庆市人民政府推进职能转变协调小组)."""
    renamed = _FORMER_NAME.search(tools.document_values.get("rename", ""))
    if renamed is None:
        return False
    former = renamed.group(1).strip("“”\"'")
    core = former.removeprefix(next((p for p in _GOVERNMENTS.findall(former)), ""))
    return len(core) >= _FORMER_CORE and (former in text or core in text)


def answer(turn: Turn, tools: Tools) -> Answer | None:
    question, query, entities = turn.question, turn.query, turn.entities
    if ours_asked(tools, query):
        return None  # 我们区那份的文号是什么: the asker's own notice, which this one is not
    year = next((y for y in _YEAR.findall(query.text) if y != tools.year), None)
    # (only a field the question asks: 2013年国办那个…领导小组 names the notice by the year its basis has)
    dated = (
        [f.id for f in tools.kb.document.values() if year in f.quote and f.id in query.document_fields] if year else []
    )
    if dated:  # 2021年成立安委会那个老文件还有效吗: the earlier document this one names (同时废止)
        return tools.answer(question, [tools.document_part(f) for f in dated[:2]], entities, 0.8)
    if (
        year and tools.year and not query.has(Cue.YES_NO)
    ):  # 2021年协调小组又做了哪些调整: another year, another document
        text = tools.say("other_year", year=year, own_year=tools.year, number=tools.notice_label)
        return tools.decline(question, text, entities, prefix_only=True)
    other = _DOCUMENT_NUMBER.search(query.text)
    if other and not query.has(Cue.YES_NO) and {int(n) for n in other.groups()} != _numbers(tools.notice_label):
        text = tools.say("other_number", other=other.group(), number=tools.notice_label)
        return tools.decline(question, text, prefix_only=True)
    fields = list(query.document_fields)
    if not query.has(*ROLE_CUES, Cue.DUTY) and _former_named(tools, query.text):
        # 以前那个推进职能转变协调小组还在吗: the group as it was called (its 组长 is the group's now)
        fields.append("rename")
    quoted = [f for f, value in tools.document_values.items() if len(value) > 3 and value in query.text]
    # 临政办函〔2013〕89号 办公室设在哪 / …号 某区是谁参加了: the 文号 names the notice asked about
    if not query.has(*ROLE_CUES, Cue.ROLES, Cue.DUTY):
        fields += quoted
    if query.has(Cue.REQUIREMENT) and any(w in query.text for w in tools.lexicon.document_actions):
        fields.append("basis")  # 调整协调小组是按照谁的要求: the requirement the adjustment follows
    naming = {"rename", "title", "basis", "abolished", "kept"} & set(fields)  # what the notice does
    # 哪个单位印发的: who issued it (but 工作简报是哪个组编发的 asks a group)
    which = [w for w in query.cue_words if w in tools.lexicon.cues[Cue.WHICH_GROUP]]
    asks_body = any("组" in w or any(k in w for k in tools.kind_words) for w in which)  # (哪个专委会管)
    issue = {"published", "signed", "issuer"} & set(fields) and not asks_body
    sent_to = "recipients" in fields and not asks_body  # 是发给哪个单位的: the units it is sent to
    if query.has(Cue.WHICH_GROUP) and not (query.about_document or naming or issue or sent_to):
        return None
    if query.has(Cue.WHEN) and not {"published", "signed"} & set(fields) and not _when_is_topic(tools, query):
        other = any(e != Entity(EntityKind.GROUP, tools.kb.top or "") for e in entities)
        about_else = (query.content and not _strong_clause(tools, query)) or other
        if query.has(Cue.WHICH_GROUP) and not (fields or query.about_document):
            return None  # 想把开办时间压下来，这事归哪个组管: a group asked for by its work, no date
        # 通知啥时候开始施行 / 什么时候失效, of a notice that says neither: 未载明, with the dates it does give
        in_force = _IN_FORCE.search(query.text) is not None and _IN_FORCE.search(tools.notice_text) is None
        if in_force or (about_else and not (fields or query.about_document)):
            # 证照分离改革哪年完成: the notice sets no dates for its work, only its own
            dated = [tools.kb.field(f) for f in ("published", "signed")]
            dates = "".join(tools.say("own_date", label=f.label, value=f.value) for f in dated if f is not None)
            text = tools.say("no_dates", dates=dates)
            return tools.decline(question, text, entities, prefix_only=True)
        # 啥时候发的: 发的 says what was done, 啥时候 asks its date, not who did it
        issuer_words = set(tools.lexicon.document["issuer"]) - {"发的"}
        named_issuer = query.asks_person or any(w in issuer_words for w in query.cue_words)
        fields = [f for f in fields if f != "issuer" or named_issuer]
        fields.append("published")
    if query.has(Cue.WHEN) and "published" in fields and "signed" in tools.kb.document:
        fields.append("signed")  # 哪天发的 / 哪天印发的 may ask the page's date or the notice's own: both are said
    if not fields and query.has(Cue.YES_NO) and query.about_document and _YEAR.search(query.text):
        fields = ["published", "signed"]  # 这是2020年的通知吗: the year claimed of its dates
    if not fields:
        return None
    asks_issuer = query.asks_person or query.has(Cue.WHICH_GROUP, Cue.DEPUTY)  # 谁 / 哪个部门印发的
    if asks_issuer and {"published", "signed"} & set(fields):  # 哪个部门印发 / 落款是哪个单位: the issuer
        fields = ["issuer" if f in ("published", "signed") else f for f in fields]
    only_coordination = all(e == Entity(EntityKind.GROUP, tools.kb.top or "") for e in entities)
    if not query.about_document and set(fields) <= _WEAK_FIELDS and query.content and _strong_clause(tools, query):
        return None  # 双随机一公开 / 要根据什么细化工作: the words are about a duty, not the document
    # 发文机关是市政府还是市政府办公厅: the units named are the choices offered, not what is asked about
    choices = "还是" in query.text and bool({"issuer", "recipients"} & set(fields))
    # 这个通知是重庆市政府办公厅发的吗: the issuer claimed, a unit named as it
    choices = choices or (query.has(Cue.YES_NO) and "issuer" in fields and query.about_document)
    asks_number = "number" in query.document_fields  # 高标农田专班的文号多少: the group named, its notice asked
    # (…领导小组哪天成立的: the group the notice sets up, dated by the notice)
    asks_number = asks_number or bool({"signed", "published"} & set(query.document_fields))
    if entities and not choices and not (only_coordination and (query.about_document or naming or asks_number)):
        return None
    valued = {"recipients", "issuer", "copied"} & set(query.document_fields)  # 主送哪些单位: the field's units
    if query.has(Cue.DUTY, Cue.LEADER, Cue.DEPUTY, Cue.MEMBERS) and not (query.about_document or naming or valued):
        return None
    dated = {"published", "signed"} & set(fields)
    if query.has(Cue.YES_NO) and _YEAR.search(query.text) and not dated:  # 是2019年发的吗: a date claimed
        fields = ["published", "signed", *fields]
    elif query.has(Cue.YES_NO) and dated == {"published"} and "signed" in tools.kb.document:
        fields = [*fields, "signed"]  # 是1月19日印发的吗: 印发 may mean the notice's own date, said too
    if "published" not in tools.kb.document and "signed" in tools.kb.document:  # 什么时候发的: the date it has
        fields = ["signed" if f == "published" else f for f in fields]
    fields = list(dict.fromkeys(fields))[:3]
    parts = [tools.document_part(f) for f in fields]
    for f in fields:  # 撤销的是哪些机构, of a notice that states only how many (撤销38个): the list is not given
        field = tools.kb.field(f)
        if field is not None and _COUNT_ONLY.fullmatch(field.value) and _WHICH.search(query.text):
            parts.append(Part(tools.say("field_list_unstated", label=field.label)))
    issued = _ISSUED_BY.search(query.text) if query.has(Cue.YES_NO) and "issuer" in tools.kb.document else None
    if issued is not None and "issuer" in fields:  # 是重庆市政府办公厅发的吗: the issuer claimed, 人民 or not
        claimed, issuer = (re.sub("人民政府", "政府", t) for t in (issued.group(1), tools.field_value("issuer")))
        verdict: bool | None = claimed == issuer or (len(claimed) > 4 and issuer.endswith(claimed))
        parts = [tools.document_part("issuer")]
    else:
        verdict = _document_verdict(tools, query, fields[0]) if query.has(Cue.YES_NO) else None
    if verdict is not None:
        parts.insert(0, tools.verdict(verdict))
    return tools.answer(question, parts, entities, 0.9)


def _when_is_topic(tools: Tools, query: Query) -> bool:
    """压缩企业开办时间是谁的任务: 时间 is part of a duty's wording, not a question about a date."""
    when = [w for w in query.cue_words if w in tools.lexicon.cues[Cue.WHEN]]
    hits = tools.index.search(list(query.content) + when, limit=1)
    return bool(hits) and hits[0].score >= tools.config.topic_min_score and any(w in hits[0].clause.text for w in when)


def _strong_clause(tools: Tools, query: Query) -> bool:
    words = list(query.content) + [w for w in query.cue_words if len(w) > 1]
    hits = tools.index.search(words, limit=1)
    return bool(hits) and hits[0].score >= _STRONG_CLAUSE


def _numbers(text: str) -> set[int]:
    return {int(n) for n in re.findall(r"\d+", text)}


def _document_verdict(tools: Tools, query: Query, field_id: str) -> bool | None:
    """Whether a yes/no claim about a document field holds: its numbers in order (2020年1月1日 is
    not 2020-01-19, 5号 is 渝府办发〔2020〕5号), else its wording."""
    field = tools.kb.field(field_id)
    if field is None:
        return None
    claimed = [int(n) for n in re.findall(r"\d+", query.text)]
    if field_id == "rename" and not _CALLED.search(query.text) and _former_named(tools, query.text):
        return None  # 以前那个推进职能转变协调小组还在吗: it was renamed, which is no yes or no
    if field_id in _NAMING and _names_part_of(query.text, field.value):
        return True  # 以前是叫推进职能转变协调小组吗: the name claimed stands in the field
    if field_id in _NAMING and _CALLED.search(query.text):
        return False  # 以前是不是叫深化改革协调小组: a name claimed that the field does not have
    if field_id == "recipients" and query.content:
        return any(w in field.value for w in query.content)  # 是发给区县的吗: the ones claimed among them
    if claimed:
        actual = [int(n) for n in re.findall(r"\d+", field.value)]
        return any(actual[i : i + len(claimed)] == claimed for i in range(len(actual)))
    if any(word in field.quote for word in query.cue_words):
        return True
    return None


def _names_part_of(text: str, value: str) -> bool:
    """Whether the question quotes a name of the field's value (eight characters or more)."""
    squeezed = normalize(value).replace(" ", "")
    text = text.replace(" ", "")
    return any(text[i : i + _CLAIMED_NAME] in squeezed for i in range(len(text) - _CLAIMED_NAME + 1))
