"""Who holds which place: role lines (组长:张三 title) and their continuation lines, and sentences
(组长由…担任, X担任协调小组组长, 成员由…分管负责人组成, …等为成员单位)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from itertools import pairwise

from knowledge.facts import DEPUTY_QUALIFIERS, Tier, tier_of
from knowledge.ingest.draft import CHECK, Draft, is_unit, unit_of_post
from knowledge.ingest.groups import ONE_UNDER, Scope, scope_of
from knowledge.ingest.names import (
    SURNAMES,
    ends_as_post,
    garbled_entry,
    is_name,
    post_name_entries,
    post_then_name,
    roster_name,
    split_glued,
    split_glued_run,
    trailing_name,
)
from knowledge.ingest.sections import Line
from knowledge.ingest.tasks import task_row

_HEADS = ("组长", "专班长", "指挥长", "总指挥", "主任", "召集人", "主任委员", "队长")
ROLES = sorted(
    set(
        (
            "组长",
            "第一组长",  # a 领导小组 with a 第一组长 (省委书记) above its 组长 (省长)
            "副组长",
            "常务副组长",
            "第一副组长",
            "专班长",
            "副专班长",
            "常务副专班长",
            "队长",
            "副队长",
            "部长",  # a 工作部's head (下设7个工作部: （一）竞赛部。部长：…)
            "副部长",
            "执行副组长",
            "成员",
            "组员",
            "召集人",
            "副召集人",
            "总召集人",
            "指挥长",
            "政委",
            "副指挥长",
            "常务副指挥长",
            "第一副指挥长",
            "总指挥",
            "副总指挥",
            "主任",
            "副主任",
            "常务副主任",
            "秘书长",
            "副秘书长",
            "委员",
            "主任委员",
            "副主任委员",
            "常务副主任委员",
            "联络员",
            # 总河长 / 副总河长 / 总林长: the chiefs of a 河长制 (林长制, 田长制) notice's body
            *(level + chief for level in ("总", "副总") for chief in ("河长", "湖长", "林长", "田长", "路长")),
            # a deputy place qualified (常务副总指挥 / 第一副指挥长 / 执行副组长), of every head's word
            *(q + head for q in DEPUTY_QUALIFIERS for head in _HEADS),
            "成员单位",
            "牵头单位",
            "组长单位",
            "主任单位",
            "副组长单位",
            "配合单位",
            "责任单位",
        )
    ),
    key=len,
    reverse=True,
)
_ROLE_ALT = "|".join(ROLES)
# 下设县河长制办公室(以下简称县河长办),设在… / 下设办公室（秘书处），设在…: the short or other name a body is given
# before what is said of it
SO_CALLED = r"(?:[(（](?:以下简称)?[^()（）]{1,12}[)）])?"
# 专班成员: / 小组成员: — the body's own word before the place is not part of the place
LABEL = re.compile(rf"^(?:专班|工作专班|小组|领导小组)?({_ROLE_ALT})[:：]\s*(.*)$")
# where the next place of a run-on roster starts: ；副主任： / ; 委员: / ，成员单位：
_NEXT_LABEL = re.compile(rf"[;；,，](?=\s*(?:{_ROLE_ALT})[:：])")
# a list of people with their titles in brackets, joined by 、 (何静（副市长）、唐志远（副市长、市公安局局长）)
_BRACKETED = re.compile(r"([^、，,（(）)]{2,8}?)\s*[（(]([^（()）]+)[)）]")
_UNIT_TAIL = re.compile(r"(?:等)?(?:有关|相关)?(?:处室|科室|部门)?(?:分管|主要)?(?:负责同志|负责人|领导同志|领导)$")
_BY = re.compile(
    rf"(?<![副主务行总办公室])({_ROLE_ALT})由(.+?)(?:担任|兼任|组成)"
    rf"|(?<=设)({_ROLE_ALT})[,，]由([^,，。;；]+?)(?:担任|兼任)"  # 联席会议设联络员，由各成员单位…负责同志担任
)
_TAKES = re.compile(
    rf"(?:(?<=由)([^,，。;；由]{{2,60}}?)(?:[担兼]任|(?<![主责])任)|(?:^|(?<=[,，;；]))([^,，。;；由]{{2,60}}?)(?:担任|(?<![主责])任(?={_ROLE_ALT})|(?:作)?为(?!成员)(?=(?:{_ROLE_ALT})(?:[。;；]|$))))([\u4e00-\u9fff]{{0,30}}?)({_ROLE_ALT})"
)
# 市财政局、市统计局参与 / 配合: the units that take part in the group's work, by the notice's own word (参与单位)
_TAKING_PART = re.compile(r"(?:^|(?<=[,，;；。]))([^,，。;；由]{2,80}?)(参与|配合)(?=[,，。;；]|$)")
# 联席会议由市民政局牵头: the unit that leads the group (its 牵头单位)
_LEADS = re.compile(r"由([^,，。;；由]{2,40}?)牵头(?=[,，。;；]|$)")
# 成员为各成员单位分管负责同志 / 各成员单位确定1名科级干部为联络员: places given as a description
_ARE = re.compile(r"(?:^|(?<=[,，;；]))(成员|联络员)为([^,，。;；]{4,30}?)(?=[,，。;；]|$)")
_ARE_OF = re.compile(
    r"(?:^|(?<=[,，;；]))([^,，。;；为]{4,30}?)为([\u4e00-\u9fff]{0,20}?)(成员|联络员)(?=[,，。;；]|$)"
)
_CHOSEN = re.compile(
    r"(?:^|(?<=[,，;；]))[^,，。;；各]{0,12}?(各[^,，。;；]{2,10}?(?:\d+|[一两二三])名[^,，。;；为]{2,16}?)(?:作)?为(联络员)"
)
# 其中，省公安厅联络员为经济犯罪侦查总队副总队长田芸芸: a unit's own liaison, named, with the post in the unit
_UNIT_LIAISON = re.compile(
    r"(?:^|(?<=[,，;；]))(?:其中[,，]?)?([^,，。;；]{2,20}?)(联络员)为([^,，。;；]{3,30}?)(?=[,，。;；]|$)"
)
_MEMBER_UNITS = re.compile(
    r"成员(?:单位)?包括[:：]?(.+?)(?:。|$)|(?:^|[;；。])([^;；。]{4,}?)等为成员单位"
    # 联席会议由民政部、国家发展改革委、…等18个部门和单位组成: the units, with how many the notice counts
    r"|由([^。；;由]{4,}?、[^。；;由]{2,}?)等?(?:\d+|[一二三四五六七八九十]+)个(?:部门和单位|部门|单位|成员单位)组成"
)
_TAIL_INSIDE = re.compile(
    r"(?:主要|分管)?(?:负责同志|负责人|领导同志)(?=(?!和|及|与|以及|担任|兼任|为)[\u4e00-\u9fff]{2})"
)
_UNIT_END = re.compile(
    r"(?:部|局|委|办|厅|署|院|行|室|处|中心|政府|公司|集团|队|所|站|联|会|社|校|海关|分署|营管部|中队|支行|分行)$"
)


@dataclass
class Holder:
    persons: list[tuple[str, str | None]] = field(default_factory=list)  # (name, title)
    units: list[str] = field(default_factory=list)
    posts: list[str] = field(default_factory=list)
    unread: list[str] = field(default_factory=list)
    also: list[tuple[str, str]] = field(default_factory=list)  # (role, name): 徐慧敏（常务副组长） holds both


def _role_run(line: Line) -> list[Line]:
    """A roster run on in one line, place after place (主任：周建平（市长）；常务副主任：罗永康（…）；委员：…), or with
    its line breaks lost so each label is glued to the title before it (组长：叶某 省长常务副组长：孙某 …): one line
    per place, each still quoting what notice.txt has; any other line as it is."""
    first = LABEL.match(line.text)
    if not first:
        return [line]
    text = line.text
    cuts = [0, *_glued_labels(text, first.end(1) + 1), len(text)]
    pieces = [piece for a, b in pairwise(cuts) for piece in _NEXT_LABEL.split(text[a:b])]
    pieces = [p.strip().rstrip(";；").strip() for p in pieces if p.strip().rstrip(";；").strip()]
    # 成员单位：…、省税务局。各成员单位有关负责同志为联席会议成员…: the place ends with its sentence, the rest is prose
    pieces = [s for p in pieces for s in re.split(r"(?<=。)(?=[^。）)]{6,})", p, maxsplit=1)]
    return [replace(line, text=p, body=p) for p in pieces] if len(pieces) > 1 else [line]


def _glued_labels(text: str, start: int) -> list[int]:
    """Where a place's label starts glued to the title before it (省长常务副组长： → 常务副组长 starts after 省长): at
    each later colon the longest role word the ingest knows that ends there, where a word or a name stands before
    it (not ；, which _NEXT_LABEL cuts at)."""
    cuts = []
    for colon in re.finditer(r"[:：]", text[start:]):
        before = text[: start + colon.start()]
        role = next((r for r in ROLES if before.endswith(r)), None)
        at = len(before) - len(role) if role else 0
        if role and at > start and re.match(r"[\u4e00-\u9fff)）\s]", text[at - 1]):
            cuts.append(at)
    return cuts


def read_roster(draft: Draft, lines: list[Line], scopes: list[Scope]) -> None:
    pieces = [_role_run(line) for line in lines]
    if any(len(p) > 1 for p in pieces):  # the scopes index the lines as they were: each piece keeps its line's
        starts = [0]
        for p in pieces:
            starts.append(starts[-1] + len(p))
        scopes = [replace(s, lines=range(starts[s.lines.start], starts[s.lines.stop])) for s in scopes]
        lines = [piece for p in pieces for piece in p]
    offices = office_parts(lines)
    i = 0
    while i < len(lines):
        m = LABEL.match(lines[i].text)
        if not m or "由" in m.group(2)[:3]:
            i += 1
            continue
        scope = scope_of(scopes, i)
        role = m.group(1)
        j = i + 1
        # a table's rows label each line with the same place (成员：张伟 … / 成员：赵丽萍 …): one place
        while j < len(lines) and (_continues(lines, j) or _same_place(lines[j], role) is not None):
            j += 1
        # 二、县防指办公室 / 主任：… — a place labelled in the office's own part of the notice is the office's
        target = _office_entry(scope.entry, lines, offices[i]) if i in offices else scope.entry
        for part, taken in _sub_lists(lines[i:j]):
            holder = Holder()
            for entry in taken:
                if not entry.level:
                    _read_entries(_row_as_entry(LABEL.sub(r"\2", entry.text)), holder, role)
            quote = " ".join(line.text for line in taken)
            add_holding(draft, target, role, holder, quote, taken[0].section, entry_lines=taken, part=part)
        i = j
    _column_tables(draft, lines, scopes)  # a named list (an annex's table) wins over the rule that describes it
    for index, line in enumerate(lines):
        _founded_with(draft, line, scope_of(scopes, index))
        _named_list(draft, line, scope_of(scopes, index))
        _sentences(draft, line, scope_of(scopes, index), scopes)
        _inline_labels(draft, line, scope_of(scopes, index))


def office_parts(lines: list[Line]) -> dict[int, int]:
    """The lines that stand in a part of the notice headed by an office (二、县防指办公室 / （三）领导小组办公室),
    each with its heading's index."""
    parts: dict[int, int] = {}
    head: int | None = None
    for i, line in enumerate(lines):
        if line.level:
            if head is not None and line.level <= lines[head].level:
                head = None
            if head is None and re.fullmatch(r"[\u4e00-\u9fff]{0,20}办公室", line.body.strip()):
                head = i
                continue
        if head is not None:
            parts[i] = head
    return parts


def _office_entry(group: dict, lines: list[Line], head: int) -> dict:
    """The group's office, which its own part of the notice describes (first by the sentence under its heading)."""
    if "office" not in group:
        first = next((line for line in lines[head + 1 :] if not LABEL.match(line.text)), lines[head])
        said = first if not first.level or first is lines[head] else lines[head]
        group["office"] = {"quote": said.text, "section": said.section}
    return group["office"]


# 决定成立以副市长某某为组长，A、B为副组长，C局、D局为成员单位的某某领导小组: the roster in the founding sentence
_FOUNDED_WITH = re.compile(
    rf"以((?:[^,，。;；]+?为(?:{_ROLE_ALT})[,，])*[^,，。;；]+?为(?:{_ROLE_ALT}))的([^,，。;；]+)"
)
# 各专项工作组组长由…担任: each group of a kind (the words before the place say which)
_EACH_KIND = re.compile(r"各([\u4e00-\u9fff]{0,8}?(?:组|专班|委员会|指挥部|工作部))$")
_CLAUSE_HOLDS = re.compile(rf"^(.+)为({_ROLE_ALT})$")


def _founded_with(draft: Draft, line: Line, scope: Scope) -> None:
    """The places a founding sentence gives before the group's name (以X为组长，Y、Z为副组长，…为成员单位的<name>): each
    clause one place, quoted as written; only where the name after 的 is the group's own."""
    names = tuple(n for n in (scope.entry.get("full_name"), scope.entry["name"]) if n)
    for m in _FOUNDED_WITH.finditer(line.body):
        if not m.group(2).startswith(names):
            continue
        for clause in re.split(r"[,，]", m.group(1)):
            held = _CLAUSE_HOLDS.match(clause)
            if not held:
                continue
            content, role = held.group(1).removeprefix("以"), held.group(2)
            if role.endswith("单位"):  # quoted up to the last unit: what follows a unit list is whom they send
                add_holding(draft, scope.entry, role, Holder(units=unit_list(content)), content, line.section)
            else:
                add_holding(draft, scope.entry, role, read_holders(content, role), clause, line.section)


# 联络员名单如下:周某(区发展和改革局)、何某(区财政局): a place's holders listed after the sentence that names it
_LIST_OF = re.compile(rf"(?:^|(?<=[。;；]))[^。;；:：]{{0,12}}?({_ROLE_ALT})名单(?:如下)?[:：]([^。;；]+)")


def _named_list(draft: Draft, line: Line, scope: Scope) -> None:
    for m in _LIST_OF.finditer(line.body):
        holder = Holder()
        _read_entries(m.group(2), holder, m.group(1))
        if holder.persons:
            add_holding(draft, scope.entry, m.group(1), holder, m.group(0), line.section)


_UNIT_COLUMN = ("单位", "所在单位", "工作单位", "成员单位")
_TITLE_COLUMN = ("职务", "职位", "职务职称")
_UNIT_HEAD = re.compile(
    r"(?:村|社区|乡镇|街道|部门)?[(（]?单位[)）]?|村|社区|乡镇|街道|部门"
)  # (成员单位: _UNIT_COLUMN)
_AS_FOLLOWS = re.compile(r"如下[:：]?$|[:：]$")
# 江西省某某领导小组成员单位联络员名单: a table's title line, naming the place its rows hold
_TABLE_TITLE = re.compile(rf"({_ROLE_ALT})(?:人员)?名单$")


def row_cells(text: str) -> list[str]:
    """A flattened table row's cells: split at | or tabs where the crawl kept them, else at spaces (a two-character
    name padded to three, 黄 蕾, is one cell)."""
    if re.search(r"[|｜]", text):  # a markdown row: its empty cells kept in their columns (| 县林业局 | | |)
        inner = re.sub(r"^\s*[|｜]|[|｜]\s*$", "", text.strip())
        return [_unpadded(c.strip()) for c in re.split(r"[|｜]", inner)]
    cells = re.split(r"\s*\t\s*", text) if "\t" in text else text.split(" ")
    out: list[str] = []
    for cell in (c.strip() for c in cells):
        if out and len(out[-1]) == 1 and len(cell) == 1 and out[-1] in SURNAMES:
            out[-1] += cell
        elif cell:
            out.append(cell)
    return out


def _unpadded(cell: str) -> str:
    """A name cell padded to three characters (梁 冬): the name."""
    m = re.fullmatch(r"([\u4e00-\u9fff]) ([\u4e00-\u9fff])", cell)
    return m.group(1) + m.group(2) if m and m.group(1) in SURNAMES else cell


def _column_tables(draft: Draft, lines: list[Line], scopes: list[Scope]) -> None:
    """A table flattened into "单位 姓名 职务" rows under a title line that names the place (…联络员名单), or whose
    name column is headed by the place itself (| 村（单位） | 联络员 |): each row one holder of that place, with the
    title in the row's unit; the table ends at the first line that is not a row."""
    for i, line in enumerate(lines):
        header = row_cells(line.text)
        placed = next((c for c in header if c in ROLES), None) if len(header) <= 4 else None
        if not (("姓名" in header and 3 <= len(header) <= 4) or placed) or line.level:
            continue
        columns = {
            "unit": next((k for k, c in enumerate(header) if c in _UNIT_COLUMN or _UNIT_HEAD.fullmatch(c)), None),
            "name": header.index("姓名") if "姓名" in header else header.index(placed or ""),
            "title": next((k for k, c in enumerate(header) if c in _TITLE_COLUMN), None),
        }
        titled = _TABLE_TITLE.search(_AS_FOLLOWS.sub("", lines[i - 1].text.replace(" ", ""))) if i else None
        place = titled.group(1) if titled else placed
        if columns["unit"] is None or place is None:
            continue
        rows = []
        for row in lines[i + 1 :]:
            # (| 后刘村 | 刘建军 || 石桥村 | 许　磊 |: rows the crawl ran together, each its own)
            each = [row_cells(row.text)]
            if row.text[:1] in "|｜" and len(each[0]) > len(header):
                each = [row_cells(f"|{r}|") for r in re.split(r"[|｜]{2}", row.text.strip()[1:-1])]
            if row.level:
                break
            fits = [
                cells
                for cells in each
                if len(cells) == len(header)
                and (is_name(cells[columns["name"]]) or not cells[columns["name"]])
                and cells[columns["unit"]]
            ]
            if len(fits) < len(each):
                break
            rows += [(row, cells) for cells in fits]
        named = [(row, cells) for row, cells in rows if cells[columns["name"]]]
        if not named:
            continue
        group = _group_titled(lines[i - 1].text, scopes) or scope_of(scopes, i).entry
        persons = []
        for row, cells in named:
            unit = cells[columns["unit"]]
            # | 县财政局 | 陆海燕 | |: no title given, the unit she is sent from is what the row says of her
            title = (cells[columns["title"]] if columns["title"] is not None else None) or unit
            persons.append(draft.person(cells[columns["name"]], title, row.text, row.section, unit))
        quote = " ".join(dict.fromkeys(row.text for row, _ in rows))
        if draft.stands(quote) and not any(h["role"] == place for h in group.setdefault("roles", [])):
            entry = {"role": place, "persons": list(dict.fromkeys(persons)), "quote": quote}
            unnamed = [
                f"{cells[columns['unit']]}: no name in its row ({row.text}): 未载明"
                for row, cells in rows
                if not cells[columns["name"]]
            ]
            if unnamed:
                entry[CHECK] = unnamed
            group["roles"].append(entry | {"section": rows[0][0].section})


def _group_titled(title: str, scopes: list[Scope]) -> dict | None:
    """The group a table's title line begins with (江西省某某领导小组成员单位联络员名单 → 江西省某某领导小组)."""
    title = title.replace(" ", "")
    found = [
        s.entry for s in scopes if title.startswith((s.entry.get("full_name") or s.entry["name"], s.entry["name"]))
    ]
    return found[0] if len(found) == 1 else None


def _same_place(line: Line, role: str) -> str | None:
    """What a line labelled with the same place as the one before holds (a table row), else None."""
    m = LABEL.match(line.text)
    return m.group(2) if m and m.group(1) == role and m.group(2) and "由" not in m.group(2)[:3] else None


# 主任单位为市公安局: a unit place said in a sentence of its own
_UNIT_IS = re.compile(rf"^({_ROLE_ALT})(?:为|是)\s*(.+)$")


def _inline_labels(draft: Draft, line: Line, scope: Scope) -> None:
    """Unit places labelled inside a line: （一）综合协调组。牵头单位：区住建局；配合单位：区市场监管局。 / （一）某某专业
    委员会。主任单位为市公安局。"""
    if task_row(line):
        return  # 1. 某任务（牵头处室：…；配合单位：…）: a task's own units (tasks.py), not the group's places
    for sentence in (p for s in re.split(r"(?<=[。;；])", line.body)[1:] for p in _NEXT_LABEL.split(s)):
        said = sentence.strip().rstrip("。;；")  # (组长单位：县农业农村局，成员单位：…: two places)
        m = LABEL.match(said) or _UNIT_IS.match(said)
        if m and m.group(1).endswith("单位") and m.group(2):
            holder = Holder()
            _read_entries(m.group(2), holder, m.group(1))
            add_holding(draft, scope.entry, m.group(1), holder, m.group(0), line.section)
        elif m and m.re is LABEL and m.group(2):
            _inline_person(draft, scope, m, line)


def _inline_person(draft: Draft, scope: Scope, label: re.Match[str], line: Line) -> None:
    """（三）某某组。组长：张某；牵头单位：… — a person's place labelled inside a sub-group's line, held by the people it
    names (苏某(兼): besides the post the roster gives her); nothing unless every entry reads as a named person."""
    holder = Holder()
    _read_entries(label.group(2), holder, label.group(1))
    if holder.persons and not (holder.units or holder.posts or holder.unread):
        add_holding(draft, scope.entry, label.group(1), holder, label.group(0), line.section)


def _sub_lists(taken: list[Line]) -> list[tuple[tuple[str, str | None] | None, list[Line]]]:
    """A role's lines cut at its sub-headings (（一）部门委员 / （二）专家委员（按姓氏笔划为序））: each with its
    label and the label's note; lines before the first sub-heading (the role's own label) go with it."""
    cuts = [k for k, line in enumerate(taken) if k and line.level]
    if not cuts:
        return [(None, taken)]
    out: list[tuple[tuple[str, str | None] | None, list[Line]]] = []
    for n, start in enumerate(cuts):
        end = cuts[n + 1] if n + 1 < len(cuts) else len(taken)
        body = taken[start].body.strip()
        m = re.fullmatch(r"(.+?)[(（](.+?)[)）]", body)
        label = (m.group(1), m.group(2)) if m else (body, None)
        out.append((label, taken[0 if n == 0 else start : end]))
    return out


# 省发展改革委主任 | 李 军: a row of a table of members the crawl kept without its header, post and name
_POST_NAME_ROW = re.compile(r"^([^|｜]{2,40}?)\s*[|｜]\s*([^|｜]{2,12}?)\s*$")


def _row_as_entry(text: str) -> str:
    """A roster row of two cells, post and name (or name and post), read as the entry they make (省发展改革委主任
    李 军)."""
    m = _POST_NAME_ROW.match(text)
    if m is None:
        return text
    post, name = (re.sub(r"(?<=[\u4e00-\u9fff])[ \u3000](?=[\u4e00-\u9fff]$)", "", c) for c in m.groups())
    return f"{post} {name}" if is_name(name) or is_name(post) else text


def _continues(lines: list[Line], j: int) -> bool:
    """Whether line ``j`` goes on with the roster above it: a name line (a garbled one too), or a short
    sub-heading (（一）部门委员) followed by one."""
    line = lines[j]
    text = _row_as_entry(line.text)
    sentence = "。" in text and not garbled_entry(text)
    if LABEL.match(text) or sentence or re.search(r"由|设在|兼任|担任", text):
        return False
    if not line.level and post_name_run(text):
        return True  # …副厅长冯建军省交通运输厅副厅长马俊峰…: more of the run-on roster, however long
    if len(text) > 80:
        return False
    if line.level:
        return line.level >= 2 and len(line.body) <= 24 and j + 1 < len(lines) and _entry_like(lines[j + 1].text)
    if _post_alone(text) or _posts_joined(text):  # 镇派出所所长 among the named members: a post no one is named for
        return True
    following = j + 1 < len(lines) and _entry_like(_row_as_entry(lines[j + 1].text))
    return _entry_like(text) or (following and len(text) <= 40)


def _post_alone(text: str) -> bool:
    """A roster line that is a post alone (镇派出所所长, 各村(社区)党支部书记): no name, no sentence, no list."""
    return (
        ends_as_post(text)
        and len(text) <= _LONGEST_POST
        and not re.search(r"[、,，:：;；。\s]", text)
        and trailing_name(text) is None
    )


def _posts_joined(text: str) -> list[str] | None:
    """Posts of units named for no one, joined by 、 on a roster line (省市场监管局局长、省工商联主席), each its own;
    None unless every piece is a unit's post (县委常委、副县长 is one person's titles)."""
    pieces = text.split("、")
    if len(pieces) < 2 or not all(_post_alone(p) and unit_of_post(p) for p in pieces):
        return None
    return pieces


def _unit_posts_some_named(text: str, holder: Holder) -> bool:
    """Members as "unit + post" joined by 、, some with the holder's name after the post (县某局副局长、县某办副主任
    张某、… / 校长办公室主任（杜若宁）): each named one a person with that post, each other one the post alone (named for no one, never given
    the next one's name); False (nothing held) unless there are a named one and a bare one and every piece reads so."""
    pieces = text.split("、")
    if len(pieces) < 3:
        return False
    persons, posts = [], []
    for piece in pieces:
        # (校长办公室主任（杜若宁）: the name in brackets after the post)
        bracketed = re.fullmatch(r"([\u4e00-\u9fff]{2,30})[(（]\s*([\u4e00-\u9fff·]{2,8})\s*[)）]", piece)
        named = (bracketed.group(1), bracketed.group(2)) if bracketed and is_name(bracketed.group(2)) else None
        named = named or trailing_name(piece)
        if named and unit_of_post(named[0]):
            persons.append((named[1], named[0]))
        elif _post_alone(piece) and unit_of_post(piece):
            posts.append(piece)
        else:
            return False
    if not (persons and posts):
        return False
    holder.persons.extend(persons)
    holder.posts.extend(posts)
    return True


def _entry_like(text: str) -> bool:
    first, *rest = re.split(r"[ （(、]", text.strip(), maxsplit=1)
    return (
        roster_name(first, rest[0] if rest else "")
        or split_glued(text) is not None
        or post_then_name(text) is not None
        or garbled_entry(text)
    )


def _read_entries(text: str, holder: Holder, role: str) -> None:
    text = text.strip().rstrip("。")
    if not text:
        return
    if role.endswith("单位"):  # 牵头单位：区住房和城乡建设局 — a unit, even alone
        holder.units.extend(unit_list(text))
        return
    if re.fullmatch(r"各[\u4e00-\u9fff()（）]{2,20}", text) and _UNIT_TAIL.search(text):
        holder.posts.append(text)  # 各乡镇分管负责同志: whoever each 乡镇 sends, no unit the notice names
        return
    if _BY_CHARGE.fullmatch(text):
        holder.posts.append(text)  # 组长：分管财务工作的校领导 — a post described by what it is in charge of
        return
    if _UNIT_TAIL.search(text) or ("、" in text and all(_UNIT_END.search(p) for p in re.split(r"[、,，]", text) if p)):
        holder.units.extend(unit_list(text))
        return
    if _glued_entries(text, holder):
        return
    if glued := post_name_run(text):  # 省委宣传部副部长吴海燕省发展改革委副主任郑志远…: the breaks lost
        holder.persons.extend((name, title) for title, name in glued)
        return
    if _units_then_each(text, holder):
        return
    if garbled_entry(text):  # 孜拉吾东·加拉力?。ㄊ兴贮h组副书记、局长): counted and cited, never read as a name
        holder.unread.append(text)
        return
    listed = list(_BRACKETED.finditer(text))
    if len(listed) > 1 and all(roster_name(m.group(1), m.group(2)) for m in listed):
        holder.persons.extend((m.group(1).strip(), m.group(2)) for m in listed)
        return
    if _mixed_list(text, holder):
        return
    m = re.match(r"^(\S+?)\s*[(（]([^()（）]+)[)）]?$", text)  # 各村(社区)党支部书记 is a post, not 各村 (社区…)
    if m and roster_name(m.group(1), m.group(2)):
        holder.persons.append((m.group(1), m.group(2).rstrip(")）")))
        return
    pairs = _name_title_pairs(text)
    if pairs:  # 邓某 副省长 许某 省政府秘书长: a place's two lines run together
        holder.persons.extend(pairs)
        return
    parts = text.split(" ", 1)
    if len(parts) == 2 and roster_name(parts[0], parts[1]):
        holder.persons.append((parts[0], parts[1].strip()))
        return
    if _unit_posts_some_named(text, holder):  # before "title name": the last piece's name is not all the list's
        return
    titled = post_name_entries(text) or ([found] if (found := post_then_name(text)) else [])
    for name, title, note in titled:  # 副省长 徐慧敏（常务副组长）: the note, where it is a place, is held too
        holder.persons.append((name, title))
        if note in ROLES and note != role:
            holder.also.append((note, name))
    if titled:
        return
    names = [p.strip() for p in re.split(r"[、,，]", text)]
    if names and all(is_name(n) for n in names):
        holder.persons.extend((n, None) for n in names)
        return
    run = split_glued_run(text) if len(text) > 12 else None
    if run:  # a crawl that lost its line breaks: 姜大明国土资源部部长丁向阳国务院副秘书长…
        holder.persons.extend(run)
        return
    glued = split_glued(text)
    if glued:
        holder.persons.append(glued)
        return
    if ends_as_post(text) and len(text) <= _LONGEST_POST and "、" not in text:
        holder.posts.append(text)  # 副专班长：区政府办公室主任 — a post the notice names no one for
        return
    if joined := _posts_joined(text):
        holder.posts.extend(joined)
        return
    holder.unread.append(text)


_LONGEST_POST = 30
_BY_CHARGE = re.compile(r"[\u4e00-\u9fff]{0,10}分管[\u4e00-\u9fff、]{1,20}?的[\u4e00-\u9fff]{1,8}")


def _glued_entries(text: str, holder: Holder) -> bool:
    """The "name title" entries of a roster whose line breaks were lost, each next name glued to the title before it
    (郑某 党政办主任何某 执法队队长吴某 派出所所长): the first name, then titles that end in the next name; the last
    title may run on into the units and posts named for no one that close the place (…城建办主任街道社会事务办、
    司法所负责人，各村党组织书记). False (nothing held) unless there are two people and every piece reads so."""
    tokens = text.split(" ")
    if len(tokens) < 3 or not is_name(tokens[0]):
        return False
    persons, name = [], tokens[0]
    for token in tokens[1:-1]:
        found = _titles_then_name(token)  # a post that ends as one, then the next name
        if found is None:
            return False
        persons.append((name, found[0]))
        name = found[1]
    last, rest = tokens[-1], Holder()
    if not ends_as_post(re.split(r"[、,，]", last)[-1]) or re.search(r"[,，]", last):
        last, rest = _post_then_units(last)
        if last is None:
            return False
    holder.persons.extend([*persons, (name, last)])
    holder.units.extend(rest.units)
    holder.posts.extend(rest.posts)
    return True


_UNIT_START = ("武警", "国网", "中国", "国家", "中共", "解放军")
_RUN_NAME = (3, 2)  # the lengths a name in a run is tried at, the longer first (唐宏伟省…, 黄婷省…)


def post_name_run(text: str) -> list[tuple[str, str]] | None:
    """Entries "post name" glued together with nothing between them (省委宣传部副部长吴海燕省发展改革委副主任郑志远):
    (post, name) pairs, each post ending as one and each next post starting a unit (省… / 武警… / 国网…); None
    unless the whole text reads so, with at least two people."""
    text = text.replace(" ", "")  # (省应急管理厅副厅长&nbsp;高振宇: a space the page kept here and there)
    if re.search(r"[\s、，,；;（）()：:]", text) or len(text) < 10:
        return None
    found = _run_from(text, 0, {})
    return found if found is not None and len(found) >= 2 else None


def _run_from(text: str, start: int, seen: dict[int, list[tuple[str, str]] | None]) -> list[tuple[str, str]] | None:
    if start in seen:
        return seen[start]
    seen[start] = None
    for at in range(start + 3, len(text) - 1):
        if not ends_as_post(text[start:at]):
            continue
        for size in _RUN_NAME:
            end = at + size
            name, rest = text[at:end], text[end:]
            if end > len(text) or not is_name(name):
                continue
            if not rest:
                seen[start] = [(text[start:at], name)]
                return seen[start]
            if _LEVEL.match(rest) or rest.startswith(_UNIT_START):
                after = _run_from(text, end, seen)
                if after is not None:
                    seen[start] = [(text[start:at], name), *after]
                    return seen[start]
    return None


def _titles_then_name(token: str) -> tuple[str, str] | None:
    """One person's titles, joined by 、, then the next person's name glued on (副省长、省公安厅厅长高某):
    (the titles, the name), or None unless each title is a post."""
    *titles, last = token.split("、")
    found = trailing_name(last)
    if found is None or not all(ends_as_post(t) for t in titles):
        return None
    return "、".join([*titles, found[0]]), found[1]


def _post_then_units(text: str) -> tuple[str | None, Holder]:
    """A title that runs on into units' heads and each unit's post (城建办主任街道社会事务办、司法所负责人，各村党组织书记):
    the title, and the units and posts after it; (None, empty) unless the rest reads so."""
    for end in range(2, len(text)):
        title, rest = text[:end], text[end:]
        if re.search(r"[、,，]", title):
            break
        holder = Holder()
        if not ends_as_post(title):
            continue
        if _units_then_each(rest, holder):
            return title, holder
    return None, Holder()


def _units_then_each(text: str, holder: Holder) -> bool:
    """Members as units' heads, then each township's posts (县委办、…、县城管局主要负责人,各乡镇党委书记、乡镇长):
    the units from the run that ends with whom they send, the rest as the post it is, named for no one."""
    runs = [r.strip() for r in re.split(r"[,，;；]", text) if r.strip()]
    if len(runs) < 2 or not _UNIT_TAIL.search(runs[0]) or "、" not in runs[0]:
        return False
    units, each = runs[0], runs[1:]
    if not all(_UNIT_END.search(u) for u in _UNIT_TAIL.sub("", units).split("、") if u):
        return False
    if not all(r.startswith("各") and ends_as_post(r) and len(r) <= _LONGEST_POST for r in each):
        return False
    holder.units.extend(unit_list(units))
    for run in each:  # 各社区党组织书记、各村党组织书记: each 各… its own post
        pieces = run.split("、")
        whole = all(p.startswith("各") and ends_as_post(p) for p in pieces)
        holder.posts.extend(pieces if whole else [run])
    return True


# 各村(社区)网格员各1名: a post the notice names no one for, with how many each unit sends
_COUNTED_POST = re.compile(r"^[\u4e00-\u9fff()（）]{2,24}各(?:\d+|[一两二三])名$")


def _mixed_list(text: str, holder: Holder) -> bool:
    """A list joined by 、 of people with their unit or title in brackets and posts named for no one (彭某(镇派出所)、
    各村(社区)网格员各1名): each item as what it is; False (nothing held) unless one item is a named person and
    every item reads as a person or a post."""
    items = [i.strip() for i in re.split(r"、(?![^(（]*[)）])", text) if i.strip()]
    if len(items) < 2:
        return False
    persons, posts = [], []
    for item in items:
        person = bracketed_person(item)
        if person:
            persons.append(person)
        elif _COUNTED_POST.match(item) or (ends_as_post(item) and len(item) <= _LONGEST_POST):
            posts.append(item)
        else:
            return False
    if not persons:
        return False
    holder.persons.extend(persons)
    holder.posts.extend(posts)
    return True


def bracketed_person(item: str) -> tuple[str, str] | None:
    """A person with their unit or title in brackets (彭某(镇派出所), 苏某（县某局副局长）) → (name, what the brackets
    say), or None."""
    m = re.fullmatch(r"([^()（）]{2,8}?)\s*[(（]([^()（）]+)[)）]", item)
    return (m.group(1), m.group(2)) if m and is_name(m.group(1)) else None


def _name_title_pairs(text: str) -> list[tuple[str, str]] | None:
    """Several "name title" entries of one place on one line (邓某 副省长 许某 省政府秘书长): names and titles in
    turn, each name a name and each title a post; None unless the whole line reads so."""
    tokens = text.split(" ")
    if len(tokens) < 4 or len(tokens) % 2:
        return None
    pairs = list(zip(tokens[::2], tokens[1::2], strict=True))
    if all(is_name(name) and ends_as_post(re.split(r"[、,，]", title)[-1]) for name, title in pairs):
        return pairs
    return None


# the level a unit's name starts with (省委宣传部, 市发展改革委), not a word that begins with it (市场监管局)
_LEVEL = re.compile(r"^(中共)?(省委|市委|县委|区委|省|市(?!场|民)|县|区(?!域))")
_NOT_UNITS = frozenset({"单位", "部门", "有关单位", "相关单位", "有关部门", "相关部门", "各单位", "各部门"})


_COUNTED = re.compile(r"(?:共|等|合计)?\s*[\d一二三四五六七八九十两]+\s*个(?:成员)?(?:部门|单位|部门和单位|部门、单位)")


def unit_list(text: str) -> list[str]:
    """A list of units, with the level prefix a run of them shares (省发展改革委、教育厅 → 省教育厅)."""
    # (党委学生工作部主要负责人网络与信息中心、…: a list whose breaks were lost after each run's "who they send")
    text = _TAIL_INSIDE.sub("，", text.strip().rstrip("。"))
    text = _UNIT_TAIL.sub("", text)
    units: list[str] = []
    for run in re.split(r"[,，;；]", text):
        if _COUNTED.fullmatch(run.strip()):
            continue  # …、省工商联，共21个部门和单位: the count of the list, no unit
        prefix = ""
        items = [i.strip() for i in re.split(r"、|以及|和(?=[省市县区])", run)]
        # a run where most units carry their level themselves: those without it are another level
        explicit = sum(bool(_LEVEL.match(i)) for i in items)
        inherit = explicit * 2 <= len(items)
        for k, item in enumerate(items):
            item = re.sub(r"^(?:以及|及|和)", "", item)
            item = re.sub(r"等(?:部门|单位|有关单位|相关单位)?$", "", item)  # 省妇联等部门、单位
            if not item or item in _NOT_UNITS:
                continue
            m = _LEVEL.match(item)
            if m and (k == 0 or prefix):  # a run that starts with its level: the nearest level before an item is
                prefix = m.group(2)  # the one it shares (省委统战部、省科技厅、工业和信息化厅 → 省工业和信息化厅)
            elif (
                inherit
                and not m
                and prefix
                and k > 0
                and not re.match(r"^(?:国家|国务院|中国|人民银行|海关|团|武警|民航|各|国网)", item)
                # 江州市…分局 / 青石镇人民政府 has a place of its own
                and not re.match(r"^[\u4e00-\u9fff]{2,3}(?:省|市|县|区|(?:镇|乡)(?:人民政府|政府|党委)?$)", item)
            ):
                item = "\0" + prefix + item  # inherited: marked for the caller
            units.append(item)
    return units


def add_holding(
    draft: Draft,
    group: dict,
    role: str,
    holder: Holder,
    quote: str,
    section: str,
    entry_lines: list[Line] | None = None,
    part: tuple[str, str | None] | None = None,
) -> bool:
    """Add one place (or one labelled sub-list of it) to ``group`` unless it already has it; True if added."""
    roles = group.setdefault("roles", [])
    label = part[0] if part else None
    if not draft.stands(quote):
        return False
    # (成员：见附件, then the annex's 成员： list: the place read there, not the mark that it could not be read here)
    roles[:] = [h for h in roles if not (h["role"] == role and h.get("unstated") and h.get("part") == label)]
    if any(h["role"] == role and h.get("part") == label for h in roles):
        return False
    persons, units = [], []
    checks: list[str] = []
    for name, title in holder.persons:
        line = _line_naming(entry_lines, name) if entry_lines else quote
        persons.append(draft.person(name, title, line, section))
    for unit in holder.units:
        if unit.startswith("\0") and _named_for_the_place(draft, unit[1:]):
            unit = re.sub(r"^\0(?:省委|市委|县委|区委|省|市|县|区)", "", unit)  # 澜江海事局 in a notice of 澜江市
        if unit.startswith("\0"):
            name = unit[1:]
            raw = _raw_item(quote, name)
            units.append(
                draft.unit(name, raw, section, f"{name}: the prefix was inherited from the item before ({raw}); check")
            )
        elif draft.stands(unit):
            units.append(draft.unit(unit, unit, section))
        else:
            checks.append(f"unit not read: {unit}")
    posts = [p for p in holder.posts if draft.stands(p)]
    # an entry that is not read is cited as it stands in a list of people (it is one of them), else dropped
    unread = holder.unread if persons else []
    checks += [f"line not read{', cited as it stands' if unread else ''}: {u}" for u in holder.unread]
    if not (persons or units or posts):
        if not checks:
            return False
        checks.append("nothing in this place could be read")
    entry: dict = {"role": role}
    if part:
        entry["part"] = part[0]
        if part[1]:
            entry["note"] = part[1]
    for key, values in (("persons", persons), ("units", units), ("posts", posts), ("unread", unread)):
        if values:
            entry[key] = list(dict.fromkeys(values))
    entry |= {"quote": quote, "section": section}
    if checks:
        entry[CHECK] = checks
    if not (persons or units or posts):
        entry = {"role": role, "unstated": True, "section": section, CHECK: checks}
    roles.append(entry)
    for also, name in holder.also:
        line = _line_naming(entry_lines, name) if entry_lines else quote
        add_holding(draft, group, also, Holder(persons=[(name, None)]), line, section)
    return True


def _named_for_the_place(draft: Draft, name: str) -> bool:
    """Whether a unit whose level was inherited (市澜江海事局) begins with the name of the place the notice's title
    names with its level (澜江市…的通知): it is named for the place and carries no level of the list's."""
    title = next((f["value"] for f in draft.document if f["id"] == "title"), "")
    bare = re.sub(r"^(?:省委|市委|县委|区委|省|市|县|区)", "", name)
    return any(bare[:k] + level in title for k in (2, 3) for level in "省市县区州")


def _line_naming(lines: list[Line], name: str) -> str:
    label = next((line.text for line in lines if name in line.text.replace(" ", "")), None)
    return label or " ".join(line.text for line in lines)


def _raw_item(quote: str, name: str) -> str:
    """Where an inherited unit is written: its own words with the item before it (省委宣传部、网信办)."""
    bare = re.sub(r"^(省委|市委|县委|区委|省|市|县|区)", "", name)
    m = re.search(rf"[^、,，:：]+、{re.escape(bare)}", quote.replace(" ", ""))
    return m.group(0) if m else bare


def read_holders(text: str, role: str) -> Holder:
    """The holders a 由…担任 clause names: people (title + name), units (…分管负责人), or posts."""
    holder = Holder()
    text = text.strip()
    if is_name(re.sub(r"同志$", "", text)):  # 张三同志; a post keeps its 同志 (主要负责同志)
        holder.persons.append((re.sub(r"同志$", "", text), None))
        return holder
    titled = re.fullmatch(r"([^()（）\s]{2,4}?)(?:同志)?\s*[(（]([^()（）]+)[)）]", text)
    if titled and is_name(titled.group(1)):  # 方某同志（市委宣传部副部长、市文明办主任）: the person, the titles theirs
        holder.persons.append((titled.group(1), titled.group(2)))
        return holder
    named_after = re.fullmatch(r"([^()（）\s]{2,30}?)\s*[(（]([^()（）]{2,4})[)）]", text)
    if named_after and is_name(named_after.group(2)) and ends_as_post(named_after.group(1)):
        # 县农业农村局局长（郑红梅）: the post, the name of its holder in brackets after it
        holder.persons.append((named_after.group(2), named_after.group(1)))
        return holder
    if role.endswith("单位") and (units := unit_list(text)) and all(_UNIT_END.search(u) for u in units):
        holder.units.extend(units)  # 民政部为牵头单位: a unit's place, held by units even when one
        return holder
    if _UNIT_TAIL.search(text):
        items = unit_list(text)
        if len(items) > 1:
            holder.units.extend(items)
            return holder
    if tier_of(role) is Tier.HEAD and not trailing_name(text):
        holder.posts.append(text)
        return holder
    items = _posts_whole([p for p in re.split(r"、|,以及|，以及|以及", text) if p])
    last = trailing_name(items[-1]) if items else None
    if last and not any(trailing_name(p) for p in items[:-1]):
        post = text[: -len(last[1])] if text.endswith(last[1]) else last[0]
        holder.persons.append((last[1], post))
        return holder
    for item in items:
        named = trailing_name(item)
        if named:
            holder.persons.append((named[1], named[0]))
        elif bracketed := bracketed_person(item):  # 苏某(县某局副局长)、袁某同志: the title in brackets after the name
            holder.persons.append(bracketed)
        elif is_name(re.sub(r"同志$", "", item)):  # 周某、钱某同志: 同志 after the last name is said of each
            holder.persons.append((re.sub(r"同志$", "", item), None))
        else:
            holder.posts.append(item)
    return holder


def _posts_whole(items: list[str]) -> list[str]:
    """Items split at 、 put back together where one is not a post by itself: 分管应急管理、地震监测工作的
    县政府办公室副主任 is one post (but 县卫生健康局副局长林秋菊 is a post and a person)."""
    merged: list[str] = []
    for item in items:
        # …副局长林秋菊、县城管局副局长唐小兵: an item ending in a name is a person, the run is cut there
        person = merged and (trailing_name(merged[-1]) is not None or bracketed_person(merged[-1]) is not None)
        if merged and not person and not ends_as_post(merged[-1]) and not is_name(merged[-1]):
            merged[-1] += "、" + item
        else:
            merged.append(item)
    return merged


_OTHERS_SET_UP = re.compile(r"^\s*各[^，,。]{1,8}(?:要|应|也)?(?:相应|参照)(?:成立|设立|建立)")


def _sentences(draft: Draft, line: Line, own: Scope, scopes: list[Scope]) -> None:
    in_office = False
    for sentence in re.split(r"(?<=[。;；])", line.body):
        # 县食安委下设专家委员会，主任由…韩素梅担任: the places of the body the sentence sets up, not its own group's
        set_up = ONE_UNDER.search(sentence)
        scope = next((s for s in scopes if set_up and s.entry["name"] == set_up.group(1)), own)
        if "办公室" in sentence and re.search(
            rf"办公室{SO_CALLED}[,，]?(?:设在|(?:常务)?(?:副)?主任由)|兼任办公室", sentence
        ):
            in_office = True  # the office's places, here and in the sentences after it: office.py
        # (各成员单位确定1名科级干部为联络员, after the office, is the group's again; so is 副秘书长由叶某（市政府办公室
        # 副处长）担任: what a title in brackets says is no office place)
        if in_office and re.search("办公室|主任", re.sub(r"[(（][^()（）]*[)）]", "", sentence)):
            continue
        if _OTHERS_SET_UP.match(sentence):
            continue  # 各区相应成立…分指挥部，由区委书记任指挥长: the places of bodies of their own, not this group's
        for m in _BY.finditer(sentence):
            role, content = m.group(1) or m.group(3), m.group(2) or m.group(4)
            if sentence[max(0, m.start() - 3) : m.start()].endswith("办公室"):
                continue
            each = _EACH_KIND.search(sentence[: m.start()])
            if each is not None:  # 各专项工作组组长由牵头单位负责同志担任: the place in each group of that kind
                kinds = [s for s in scopes if s is not scope and each.group(1).endswith(s.entry.get("kind") or "\0")]
                for under in kinds:
                    quote = sentence[each.start() : m.end()]
                    add_holding(draft, under.entry, role, read_holders(content, role), quote, line.section)
                continue
            add_holding(draft, scope.entry, role, read_holders(content, role), m.group(0), line.section)
        by_role: dict[str, list[re.Match[str]]] = {}
        for m in _TAKES.finditer(sentence):
            if (m.group(1) or m.group(2)).endswith("不再") or re.search("增补|接替", m.group(1) or m.group(2)):
                continue  # 刘明远同志不再担任常务副组长 / 邹某接替章某任副组长: what changed in the place (changes.py)
            if "办公室" not in m.group(3) and not m.group(3).endswith(("副", "常务")):
                by_role.setdefault(m.group(4), []).append(m)
        for role, matches in by_role.items():  # 张虎担任副组长…,覃伟中担任副组长: one place, one quote
            holder = Holder()
            for m in matches:
                found = read_holders(m.group(1) or m.group(2), role)
                holder.persons += found.persons
                holder.units += found.units
                holder.posts += found.posts
            quote = sentence[matches[0].start() : matches[-1].end()]
            add_holding(draft, scope.entry, role, holder, quote, line.section)
        for m in _MEMBER_UNITS.finditer(sentence):
            text = m.group(1) or m.group(2) or m.group(3)
            holder = Holder(units=unit_list(text))
            add_holding(
                draft,
                scope.entry,
                "成员单位" if "单位" in m.group(0) else "成员",
                holder,
                m.group(0).strip("。;；"),
                line.section,
            )
        for m in _LEADS.finditer(sentence):
            before = sentence[: m.start()].strip()
            names = (scope.entry["name"], scope.entry.get("full_name") or scope.entry["name"], scope.entry["kind"])
            units = unit_list(m.group(1))
            if (before.endswith(names) or not before) and units and all(_UNIT_END.search(u) for u in units):
                add_holding(draft, scope.entry, "牵头单位", Holder(units=units), m.group(0), line.section)
        for m in _TAKING_PART.finditer(sentence):  # 由市发展改革委牵头，市财政局、市统计局参与，负责…
            units = unit_list(m.group(1))
            # (鼓励社会参与, an item's heading: no unit takes part, whatever 会 it ends in)
            if units and all(_UNIT_END.search(u) and is_unit(u.lstrip("\0")) for u in units):
                add_holding(draft, scope.entry, m.group(2) + "单位", Holder(units=units), m.group(0), line.section)
        # (各成员单位确定一名处级干部为联络员，其中，省公安厅联络员为…田芸芸: one place, its description and its named)
        liaisons = []
        for m in _UNIT_LIAISON.finditer(sentence):
            named = post_then_name(m.group(3)) if is_unit(m.group(1)) else None
            if named is not None:  # (the post is in the unit: 省公安厅's 经济犯罪侦查总队副总队长)
                draft.person(named[0], named[1], m.group(0), line.section, unit=m.group(1))
                liaisons.append((named[0], named[1]))
        quote = sentence.strip().rstrip("。;；")
        for m in [*_ARE.finditer(sentence), *_CHOSEN.finditer(sentence)]:
            role, post = (m.group(1), m.group(2)) if m.re is _ARE else (m.group(2), m.group(1))
            if is_name(post):
                continue
            if role == "联络员" and liaisons:
                add_holding(draft, scope.entry, role, Holder(persons=liaisons, posts=[post]), quote, line.section)
                liaisons = []
            else:
                add_holding(draft, scope.entry, role, Holder(posts=[post]), m.group(0), line.section)
        if liaisons:
            add_holding(draft, scope.entry, "联络员", Holder(persons=liaisons), quote, line.section)
        for m in _ARE_OF.finditer(sentence):  # 各成员单位有关负责同志为联席会议成员: the group's word before the place
            own = {
                "",
                scope.entry["name"],
                scope.entry.get("full_name"),
                scope.entry["kind"],
                *scope.entry.get("aliases", []),
            }
            if m.group(2) in own and not is_name(m.group(1)) and _UNIT_TAIL.search(m.group(1)):
                add_holding(draft, scope.entry, m.group(3), Holder(posts=[m.group(1)]), m.group(0), line.section)
