"""Duties (主要职责 / 主要任务) and working rules (工作机制, 运行机制, 工作制度, 有关要求 …)."""

from __future__ import annotations

import re
from dataclasses import replace

from knowledge.facts import UNIT_ITEM_HEAD
from knowledge.ingest.document import COPIED_TO, PRINTED, PUBLIC, chinese_date
from knowledge.ingest.draft import CHECK, Draft, is_unit
from knowledge.ingest.groups import Scope, scope_of
from knowledge.ingest.roster import row_cells
from knowledge.ingest.sections import CLOSING, Line

_DUTY_HEADING = re.compile(r"职责|任务|职能")
_NOT_DUTY = re.compile(r"机构|办公室|组成|人员|机制")
# 四、普查时间安排 / 五、经费保障: what the notice asks of everyone on when and with what money, a rule list too
_RULE_HEADING = re.compile(r"机制|制度|要求|其他事项|运行|工作规则|(?:经费|组织|工作)保障|(?:时间|进度|工作|步骤)安排")
_RULE_WORDS = re.compile(
    r"因工作变动|需要调整|自动撤销|自行撤销|印章|不作为|不纳入|召开|递补|运行至|行文|会议由"
    r"|如有变动|自行调整|另行发文|每(?:周|月|季度|半年|年)[^，,。]{0,8}?(?:报告|通报|调度)"
    r"|^各[^，,。]{1,8}(?:相应|参照)成立"  # 各区相应成立…分指挥部: what the levels below are to set up
    r"|^各[^，,。]{1,10}?(?:要|应当|应|须|务必)(?!求)"  # 各工作组要… / 各乡（镇）要…: what each is to do
    r"|于\d{4}年\d{1,2}月\d{1,2}日前|每(?:周|月|季度末?|半年|年)[^，,。]{0,12}?(?:报送|上报)"  # deadlines, reporting
)
# 附件 / 某某领导小组工作规则: an annex that is the group's rules, each of its numbered items one rule of the list
# (附件：成员单位职责分工: what each member unit is to do, one item each, a list of the notice's too)
_RULES_ANNEX = re.compile(r"(工作规则|议事规则|工作制度|会议制度|工作细则|(?:成员单位)?职责分工)$")
# 附件：1.某某组成人员名单: the list of the notice's annexes, which the annexes themselves follow
_ANNEX_LIST = re.compile(r"^附件\s?[:：]")
_OFFICE = re.compile(r"办公室设在|办公室(?:常务)?(?:副)?主任由|兼任办公室|不设办公室")


def _body(lines: list[Line], start: int) -> list[Line]:
    level = lines[start].level
    out = []
    for line in lines[start + 1 :]:
        if (line.level and line.level <= level) or line.annex != lines[start].annex:
            break  # the annex is not part of the notice's last heading
        out.append(line)
    return out


def _item(line: Line) -> str | None:
    """The own heading a numbered item opens with (信息例会制度 of （二）信息例会制度。每2个月…), if it has one; an
    annex's first-level headings are items too (附件 某某工作规则 一、全体会议。…)."""
    if line.level < (1 if line.annex else 2):
        return None
    if not line.body.startswith(line.heading) or not line.body[len(line.heading) :].startswith("。"):
        return None
    if CLOSING.match(line.heading):  # （四）本通知自印发之日起施行。…: the notice's closing, a sentence
        return None
    return line.heading if 2 <= len(line.heading) <= 16 and not re.search(r"[,，、;；]", line.heading) else None


def read_duties(draft: Draft, lines: list[Line], scopes: list[Scope]) -> None:
    _labelled_duties(draft, lines, scopes)
    _listed_duties(draft, lines, scopes)
    _own_duties(draft, lines, scopes)
    _duties_by_item(draft, lines, scopes)
    for i, line in enumerate(lines):
        if not line.level or not _DUTY_HEADING.search(line.heading) or _NOT_DUTY.search(line.heading):
            continue
        group = scope_of(scopes, i).entry
        body = _body(lines, i)
        if any(i < s.lines.start <= i + len(body) for s in scopes):
            continue  # 二、工作组及职责: the duties of the groups set up under it, each its own
        rest = line.body[len(line.heading) :].lstrip("。:：")
        # 二、成员单位职责 / 市水利局：负责… / 市气象局：负责…: each unit's item, its own; the group's the rest
        # (a part of its own after the group's 主要职责: the units' items, whole, though the group has its duty)
        units = _unit_paragraphs(body)
        if units:
            for b in units:
                draft.unit(UNIT_ITEM_HEAD.match(b.text).group(1).strip(), b.text, b.section)  # type: ignore[union-attr]
                entry = {"id": f"r{len(draft.requirements) + 1}", "section": b.section, "quote": b.text}
                draft.requirements.append(entry | {"heading": line.heading})
            body = [b for b in body if b not in units and not any(u.text in b.text for u in units)]
        if "duty" in group:
            continue
        texts = ([rest] if rest else []) + [b.text for b in body]
        quote = "\n".join(texts).strip()
        if not quote or not draft.stands(quote):
            continue
        group["duty"] = {"quote": quote, "section": line.section}
        if not quote.endswith(("。", "；", ";")):
            group["duty"][CHECK] = ["the crawl breaks off inside the duties: the rest is 未载明"]
    _duty_beside_office(draft, lines, scopes)
    _duty_where_set_up(draft, lines, scopes)
    _duty_after_its_units(draft, lines, scopes)
    _duty_said_of_itself(draft, lines, scopes)


_UNIT_PARAGRAPHS = 3  # unit paragraphs a duties part has when it lists what each member unit does


def _unit_paragraphs(body: list[Line]) -> list[Line]:
    """The paragraphs of a duties part that each open with a unit and say what it does (市水利局：负责…), where
    there are several: a list of the member units' duties, each unit's item its own (as in 附件：成员单位职责分工)."""
    found = [b for b in body if not b.level and (m := UNIT_ITEM_HEAD.match(b.text)) and is_unit(m.group(1).strip())]
    if len(found) >= _UNIT_PARAGRAPHS:
        return found
    # (三、成员单位职责 区委宣传部负责…。区教委负责…。区公安分局负责…。: the crawl ran the paragraphs together, one
    # sentence each)
    for b in body:
        sentences = [s.strip() for s in re.split(r"(?<=。)", b.text) if s.strip()]
        units = [replace(b, text=s, body=s) for s in sentences if _unit_sentence(s)]
        if not b.level and len(units) >= _UNIT_PARAGRAPHS:
            return units
    return []


def _unit_sentence(sentence: str) -> bool:
    m = UNIT_ITEM_HEAD.match(sentence)
    return m is not None and is_unit(m.group(1).strip()) and m.group(2).startswith("负责")


# 领导小组在县委、县政府领导下，负责统筹协调全县乡村振兴工作，…。: a plain paragraph opening with the group's own word
_SAID_OF_ITSELF = re.compile(
    r"^([\u4e00-\u9fff]{2,30}?)(?:在[^，,。]{2,30}?(?:领导|指导)下[，,])?(?:主要)?负责[^。]*。"
)


def _duty_said_of_itself(draft: Draft, lines: list[Line], scopes: list[Scope]) -> None:
    """A paragraph (no heading) that opens with a group's name or word and says what it is responsible for is that
    group's duty, where it has none."""
    for line in lines:
        m = _SAID_OF_ITSELF.match(line.text.strip())
        if line.level or m is None:
            continue
        group = _group_named(m.group(1), scopes)
        if group is not None:
            _set_duty(draft, group, m.group(0), line.section)


# …主要负责统筹…，日常工作由县司法局承担;执法协调小组主要负责…: a sentence opening with a body's name and 负责
_NAMED_DUTY = re.compile(r"(?:^|(?<=[。;；]))([\u4e00-\u9fff]{2,30}?)(?:主要)?(?:负责|职责是)[^。;；]*[。;；]?")


_SAYS_DUTY = re.compile(r"^[\u4e00-\u9fff]{0,30}?(?:主要)?(?:负责|承担|职责是|统筹|组织|协调|指导)")


def _duties_by_item(draft: Draft, lines: list[Line], scopes: list[Scope]) -> None:
    """二、主要职责 （一）委员会。委员会负责… （二）委员会办公室。承担… （三）协调小组。规范性文件审查协调小组主要负责…;
    执法协调小组主要负责…: each item of a part about duties is the duties of the body its heading names (a group, or
    a group's office), and a sentence in it opening with a group's name is that group's."""
    for i, line in enumerate(lines):
        if not line.level or not _DUTY_HEADING.search(line.heading) or _NOT_DUTY.search(line.heading):
            continue
        body = _body(lines, i)
        items = [k for k, b in enumerate(body) if b.level == line.level + 1]
        if len(items) < 2:
            continue
        for n, k in enumerate(items):
            item = body[k]
            rest = item.body[len(item.heading) :].lstrip("。:：")
            texts = [rest, *(b.text for b in body[k + 1 : items[n + 1] if n + 1 < len(items) else len(body)])]
            text = "\n".join(t for t in texts if t).strip()
            named = [(m.group(1), m.group(0)) for m in _NAMED_DUTY.finditer(text)]
            own = [(g, q) for name, q in named if (g := _group_named(name, scopes)) is not None]
            if len(own) >= 2 and len({id(g) for g, _ in own}) == len(own):  # one sentence each
                for group, quote in own:
                    _set_duty(draft, group, quote.rstrip(";；"), item.section)
                continue
            heading = item.heading.strip()
            group = _group_named(heading, scopes)
            if not _SAYS_DUTY.match(text):
                continue  # （七）志愿者部。部长：…牵头单位：…: who it is, not what it does
            if group is not None:
                _set_duty(draft, group, text, item.section)
            elif heading.endswith("办公室") and (owner := _group_named(heading.removesuffix("办公室"), scopes)):
                office = owner.get("office")
                if office is not None:
                    _set_duty(draft, office, text, item.section)


def _set_duty(draft: Draft, body: dict, quote: str, section: str) -> None:
    """A group's (or an office's) duty, where it has none yet and the quote stands in the notice."""
    if "duty" not in body and quote and draft.stands(quote):
        body["duty"] = {"quote": quote, "section": section}


# （一）综合协调组。由市发展改革委牵头，市财政局、市统计局参与，负责专班日常运转…: the work after the units
_UNITS_THEN_DUTY = re.compile(r"(?:牵头|参与|配合)[,，]\s*((?:主要)?负责[^。]+。)")


def _duty_after_its_units(draft: Draft, lines: list[Line], scopes: list[Scope]) -> None:
    for i, line in enumerate(lines):
        group = scope_of(scopes, i).entry
        m = _UNITS_THEN_DUTY.search(line.body)
        if m and "duty" not in group and group.get("section") == line.section and draft.stands(m.group(1)):
            group["duty"] = {"quote": m.group(1), "section": line.section}


# 县人民政府设立河山县森林防灭火指挥部（以下简称县指挥部），负责组织…工作，研究解决…。: what the sentence setting the group up
# says it is responsible for
_SET_UP_RESPONSIBLE = re.compile(r"[(（]以下简称[“\"]?([^)）“”\"]{1,12})[”\"]?[)）][,，]((?:主要)?负责[^。]+。)")


def _duty_where_set_up(draft: Draft, lines: list[Line], scopes: list[Scope]) -> None:
    for line in lines:
        m = _SET_UP_RESPONSIBLE.search(line.text)
        if m is None:
            continue
        group = _group_named(m.group(1), scopes)
        if group is not None and "duty" not in group and draft.stands(m.group(2)):
            group["duty"] = {"quote": m.group(2), "section": line.section}


# 领导小组负责统筹推进…，审定…。: a sentence that opens with the group's own word and says what it is responsible for
_OPENS_RESPONSIBLE = re.compile(r"^([\u4e00-\u9fff]{2,40}?)(?:主要)?(?:负责|职责是)")


def _duty_beside_office(draft: Draft, lines: list[Line], scopes: list[Scope]) -> None:
    """二、领导小组职责及办公室 / 领导小组负责…。领导小组下设办公室…: a part headed by both the group's duties and its office
    (the office's own part is not the duties) whose first sentence opens with the group's name and 负责: that sentence
    is the group's duty, where it has none."""
    for i, line in enumerate(lines):
        if not line.level or not _DUTY_HEADING.search(line.heading) or "办公室" not in line.heading:
            continue
        body = _body(lines, i)
        if not body or body[0].level:
            continue
        first = re.split(r"(?<=。)", body[0].text)[0]
        m = _OPENS_RESPONSIBLE.match(first)
        group = scope_of(scopes, i).entry
        if m and _names(group, m.group(1)) and "duty" not in group and draft.stands(first):
            group["duty"] = {"quote": first, "section": body[0].section}


# 领导小组主要职责:1)…;2)… / 办公室主要职责:… / 专班主要职责:一是…；二是…: whose duties, then the duties
_WHOSE_DUTY = re.compile(r"^([\u4e00-\u9fff]{2,20}?)(?:的)?(?:主要)?职责[:：](.+)$")


# …。办公室主要职责是： / 专班的主要职责如下： ending its line, the items 1.… (2.…) under it being the duties
_DUTIES_FOLLOW = re.compile(r"(?:^|(?<=[。;；]))([\u4e00-\u9fff]{2,20}?)(?:的)?(?:主要)?职责(?:是|为|如下|有)?[:：]$")


def _duty_lists(lines: list[Line]) -> list[tuple[int, str, range]]:
    """Lines that end by saying whose duties the numbered items after them are: (line, whose, the items)."""
    found = []
    for i, line in enumerate(lines):
        m = _DUTIES_FOLLOW.search(line.body)
        if not m or i + 1 >= len(lines) or not lines[i + 1].level or lines[i + 1].level <= line.level:
            continue
        end = i + 1
        while end < len(lines) and lines[end].level == lines[i + 1].level:
            end += 1
        found.append((i, m.group(1), range(i + 1, end)))
    return found


def _listed_duties(draft: Draft, lines: list[Line], scopes: list[Scope]) -> None:
    """The items a line says are an office's duties (办公室主要职责是： / 1.… 2.…): the office's duty, as written; an
    office's duty read from where it is set up (设在X，承担日常工作) gives way to the list of them."""
    for i, whose, items in _duty_lists(lines):
        quote = "\n".join(lines[k].text for k in items)
        own = scope_of(scopes, i).entry
        if (
            whose == "主要"
            and draft.stands(quote)
            and "duty" not in own
            and scope_of(scopes, i).lines != range(len(lines))
        ):
            own["duty"] = {"quote": quote, "section": lines[items.start].section}  # 一、学科建设组 … 主要职责： 1.…
            continue
        if not whose.endswith("办公室") or not draft.stands(quote):
            continue
        named = _group_named(whose.removesuffix("办公室"), scopes) if whose != "办公室" else own
        office = (named or {}).get("office")
        if office is not None:
            office["duty"] = {"quote": quote, "section": lines[items.start].section}


def _labelled_duties(draft: Draft, lines: list[Line], scopes: list[Scope]) -> None:
    """Lines that say whose duties they list: the group (by its name, short name or kind), a group set up under it
    (专班 → 排查整治工作专班), or the group's office; the items, 1) 2) 3) or 一是…；二是…, are its duty as written."""
    for i, line in enumerate(lines):
        m = _WHOSE_DUTY.match(line.body)
        if not m or not draft.stands(m.group(2)):
            continue
        whose, quote = m.group(1), m.group(2).strip()
        own = scope_of(scopes, i).entry
        if whose.endswith("办公室"):
            named = _group_named(whose.removesuffix("办公室"), scopes) if whose != "办公室" else own
            office = (named or {}).get("office")
            if office is not None and "duty" not in office:
                office["duty"] = {"quote": quote, "section": line.section}
            continue
        group = own if _names(own, whose) else _group_named(whose, scopes)
        if group is not None and "duty" not in group:
            group["duty"] = {"quote": quote, "section": line.section}


def _names(group: dict, words: str) -> bool:
    names = (group["name"], group.get("full_name"), group["kind"], *group.get("aliases", []))
    return words in names or group["name"].endswith(words)


def _group_named(words: str, scopes: list[Scope]) -> dict | None:
    found = list({id(s.entry): s.entry for s in scopes if _names(s.entry, words)}.values())  # (a group's parts)
    return found[0] if len(found) == 1 else None


_LABELLED_DUTY = re.compile(r"(?:^|(?<=[。;；]))(?:主要)?职责[:：](.+)$")  # …；主要职责：传达…


def _own_duties(draft: Draft, lines: list[Line], scopes: list[Scope]) -> None:
    """The duties a group set up under another states of itself: （一）综合协调组。…职责：负责…, or a
    sentence in its own part of the notice that opens with its name (专项工作组负责推进…等工作)."""
    for scope in scopes:
        if scope.lines == range(len(lines)) or "duty" in scope.entry:
            continue
        name = scope.entry["name"]
        for i in scope.lines:
            line = lines[i]
            m = _LABELLED_DUTY.search(line.body)
            first = re.split(r"[,，](?=办公室)|。", line.text)[0]
            opens = re.match(r"^([\u4e00-\u9fff]{3,30}?)负责", first)
            # （一）某某专业委员会。主任单位为…。负责… / （一）某某专项小组。由…任组长…。主要负责…: from (主要)负责 on
            after = re.search(r"(?<=。)(?:主要)?负责.+$", line.body) if i == scope.lines.start and line.level else None
            if m and draft.stands(m.group(1)):
                scope.entry["duty"] = {"quote": m.group(1), "section": line.section}
            elif after and draft.stands(after.group(0)):
                scope.entry["duty"] = {"quote": after.group(0), "section": line.section}
            elif opens and name.endswith(opens.group(1)) and draft.stands(first):
                scope.entry["duty"] = {"quote": first, "section": line.section}
            else:
                continue
            break


def _duty_items(lines: list[Line]) -> set[int]:
    """The items under a duties heading (二、主要职责 / (六)完成…交办的其他事项): duties, not rules."""
    items: set[int] = set()
    for i, line in enumerate(lines):
        if line.level and _DUTY_HEADING.search(line.heading) and not _NOT_DUTY.search(line.heading):
            items.update(range(i + 1, i + 1 + len(_body(lines, i))))
    for _, _, listed in _duty_lists(lines):
        items.update(listed)
    return items


def read_rules(draft: Draft, lines: list[Line]) -> None:
    """Working rules belong to the notice (requirements), one per sentence; a numbered item that opens with
    its own short heading (（二）信息例会制度。每2个月…) is one requirement, heading and text together."""
    in_rules: dict[int, str] = {}  # line → the heading of the rule list it stands in
    duties = _duty_items(lines)
    for i, line in enumerate(lines):
        if (
            line.level
            and len(line.heading) <= 16
            and _RULE_HEADING.search(line.heading)
            and not _DUTY_HEADING.search(line.heading)
            and i not in duties
        ):
            in_rules.setdefault(i, line.heading)
            for j in range(i + 1, i + 1 + len(_body(lines, i))):
                in_rules.setdefault(j, line.heading)
    in_rules |= _rules_annexes(lines)
    _read_rule_lines(draft, lines, in_rules, everywhere=True)
    _unit_rows(draft, lines)


# 成员单位 | 主要职责: a table of the member units' duties, one unit and what it does in each row
_UNIT_COLUMN = re.compile(r"^(?:成员|责任|牵头)?单位(?:名称)?$")
_DUTY_COLUMN = re.compile(r"职责|任务|分工|职能")


def _unit_rows(draft: Draft, lines: list[Line]) -> None:
    """The rows of a two-column table of units and their duties (附件 成员单位 | 主要职责 / 省财政厅 | 负责…), each
    a member unit's item of the duty list, as the paragraphs of one are (省财政厅：负责…)."""
    seen = {r["quote"] for r in draft.requirements if r.get("quote")}
    for i, line in enumerate(lines):
        header = row_cells(line.text) if "|" in line.text or "｜" in line.text else []
        if len(header) != 2 or not _UNIT_COLUMN.match(header[0]) or not _DUTY_COLUMN.search(header[1]):
            continue
        for row in lines[i + 1 :]:
            cells = row_cells(row.text) if "|" in row.text or "｜" in row.text else []
            if len(cells) != 2 or not is_unit(cells[0]) or UNIT_ITEM_HEAD.match(row.text) is None:
                break
            if row.text in seen or not draft.stands(row.text):
                continue
            seen.add(row.text)
            draft.unit(cells[0], row.text, row.section)
            entry = {"id": f"r{len(draft.requirements) + 1}", "section": row.section, "quote": row.text}
            draft.requirements.append(entry | {"heading": header[1]})


def read_unread_parts(draft: Draft, lines: list[Line], scopes: list[Scope]) -> None:
    """Each numbered part of the notice no reading took a fact from (五、响应分级 （一）Ⅳ级响应。… / 六、信息报告): what
    the notice asks there is a rule list of that heading, so no part of it goes unread."""
    entries = [draft.document, [s.entry for s in scopes], list(draft.people.values()), draft.requirements]
    read, duties = _sections_of(entries), _duty_items(lines)
    found: dict[int, str] = {}
    for i, line in enumerate(lines):
        if line.level != 1 or line.annex or not 2 <= len(line.heading) <= 16 or CLOSING.match(line.heading):
            continue
        body = _body(lines, i)
        own = {line.section, *(b.section for b in body)}
        if body and not own & read and i not in duties:
            found |= {i: line.heading} | {j: line.heading for j in range(i + 1, i + 1 + len(body))}
    if found:
        _read_rule_lines(draft, lines, found, everywhere=False)


def _read_rule_lines(draft: Draft, lines: list[Line], in_rules: dict[int, str], everywhere: bool) -> None:
    """The rules of the lines of rule lists (``in_rules``: each with its list's heading) and, ``everywhere``, the
    sentences elsewhere that use a rule's words."""
    seen: set[str] = set() if everywhere else {r["quote"] for r in draft.requirements if r.get("quote")}
    # the signature's issuer (南江省某某厅 above the date) is no rule, whatever its name ends with
    signed = {f["value"] for f in draft.document if f["id"] == "issuer" and f["section"] == "落款"}
    for i, line in enumerate(lines):
        if not everywhere and i not in in_rules:
            continue
        if line.level == 1 and i in in_rules and not line.body[len(line.heading) :].strip("。:： "):
            continue
        item = _item(line) if i in in_rules and in_rules[i] != line.heading else None
        if item is not None and draft.stands(line.body) and line.body not in seen:
            seen.add(line.body)
            entry = {"id": f"r{len(draft.requirements) + 1}", "section": line.section, "quote": line.body}
            draft.requirements.append(entry | {"item": item, "heading": in_rules[i]})
            if line.body.rstrip("。") == item and i == len(lines) - 1:  # （五）督查通报制度。 and the crawl ends
                lost = {"id": f"r{len(draft.requirements) + 1}", "section": line.section, "unstated": True}
                draft.requirements.append(lost | {CHECK: ["the crawl ends at this item's heading: its text is 未载明"]})
            continue
        text = line.body if line.level else line.text
        for sentence in re.split(r"(?<=[。;；])", text):
            sentence = sentence.strip()
            if len(sentence) < 6 or _OFFICE.search(sentence) or sentence in seen:
                continue
            if (
                chinese_date(sentence)
                or _ANNEX_LIST.match(sentence)
                or PUBLIC.match(sentence)
                or COPIED_TO.match(sentence)
                or PRINTED.match(sentence.replace(" ", ""))
                or sentence.endswith(("办公厅", "办公室", "人民政府", "街道办事处"))
                or sentence in signed
            ):
                continue
            # an item's words all before its first 。 are its heading, unless they are a sentence (the crawl cut it)
            own = sentence != line.heading or re.search(r"[,，]", sentence)
            if (i in in_rules and own) or _RULE_WORDS.search(sentence):
                if re.search(r"由.+?(?:担任|兼任)$", sentence.rstrip("。")) or not draft.stands(sentence):
                    continue
                seen.add(sentence)
                last = draft.requirements[-1] if draft.requirements else None
                joined = f"{last['quote']}{sentence}" if last and last.get("quote") else ""
                if _GOES_ON.match(sentence) and last and last["section"] == line.section and joined in text:
                    last["quote"] = joined  # …认真落实议定事项。要互通信息，密切配合: the same units' requirement
                    continue
                entry = {"id": f"r{len(draft.requirements) + 1}", "section": line.section, "quote": sentence}
                draft.requirements.append(entry)
    _cut_short(draft, lines)


# 要互通信息，密切配合 / 同时要…: a sentence without a subject goes on with the one before
_GOES_ON = re.compile(r"^(?:同时|并|还|也|更)?要(?!求)")


def _sections_of(value: object) -> set[str]:
    """Every section a fact of the draft cites, however deep it stands."""
    if isinstance(value, dict):
        own = {value["section"]} if isinstance(value.get("section"), str) else set()
        return own.union(*(_sections_of(v) for v in value.values()))
    if isinstance(value, list):
        return set().union(*(_sections_of(v) for v in value))
    return set()


def _rules_annexes(lines: list[Line]) -> dict[int, str]:
    """The lines of an annex titled as rules (附件 / 云湖区某某领导小组工作规则 / 为规范…，制定本规则。/ 一、全体会议。…),
    from its first numbered item on, with the title's word for them (工作规则) as their list's heading; the title
    and the preamble before the items are no rule."""
    found: dict[int, str] = {}
    for i, line in enumerate(lines):
        inline = bool(line.annex) and line.section == line.annex and _ANNEX_LIST.match(line.text) is not None
        if not inline and (line.text.replace(" ", "") != line.annex or i + 1 >= len(lines) or lines[i + 1].level):
            continue  # 附件 / 附件2 alone on its line, its title after it (or 附件：成员单位职责分工 on one line)
        m = _RULES_ANNEX.search((line.text if inline else lines[i + 1].text).replace(" ", ""))
        if m is None:
            continue
        own = [j for j in range(i + (1 if inline else 2), len(lines)) if lines[j].annex == line.annex]
        first = next((j for j in own if lines[j].level), None)
        found |= {j: m.group(1) for j in own if first is not None and j >= first}
    return found


def _cut_short(draft: Draft, lines: list[Line]) -> None:
    """A crawl that breaks off inside a rule (…由所在单位向县防指办公室提出，报): the rest of that item is 未载明."""
    last = lines[-1] if lines else None
    if last is None or re.search(r"[。；;！？!?）)”]$", last.text) or COPIED_TO.match(last.text):
        return
    if any(r.get("unstated") and r["section"] == last.section for r in draft.requirements):
        return
    if any(r["section"] == last.section and r.get("quote") and r["quote"] in last.text for r in draft.requirements):
        lost = {"id": f"r{len(draft.requirements) + 1}", "section": last.section, "unstated": True}
        draft.requirements.append(lost | {CHECK: ["the crawl breaks off inside this item: the rest is 未载明"]})
