"""Which bodies the notice sets up, adjusts or keeps, and which lines speak of each."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pypinyin import lazy_pinyin

from knowledge.ingest.draft import CHECK, Draft
from knowledge.ingest.sections import Line

# The notice's words for a body, longest first so 工作专班 wins over 专班.
KINDS = (
    "工作领导小组",
    "领导小组",
    "协调小组",
    "工作专班",
    "专班",
    "指挥部",
    "联席会议",
    "专业委员会",
    "专委会",
    "委员会",
    "工作组",
    "专项小组",  # 基础设施专项小组: the kind the notice's own groups share, not only 小组
    "小组",
)
_KIND_END = re.compile("(" + "|".join(KINDS) + r")(?:制度)?$")
_SHORT = re.compile(r"[(（]以下简称[“\"]?([^)）“”\"]{1,12})[”\"]?[)）]")  # （以下简称“专班”）: the name, not its quotes
# 下设5个工作组 / 下设综合组等3个专项组 / 下设5个工作专班 / 下设7个工作部: the word the notice uses for the groups
# under the top one
_SET_UNDER = re.compile(
    r"下设[^,，。;；]{0,12}?(?:[0-9一二三四五六七八九十]+个)([\u4e00-\u9fff]{0,4}(?:组|专班|部(?!门)))"
)
# a list of groups named with their count and kind: 精简行政审批组、…、推进政务信息化和大数据发展组6个专题组
_LISTED = re.compile(
    r"((?:[\u4e00-\u9fff]{2,16}组[、,，])+[\u4e00-\u9fff]{2,16}组)(?:等)?[0-9一二三四五六七八九十]+个([\u4e00-\u9fff]{1,4}组)"
)
# 附件 … 专项工作组组成人员名单: a roster of its own under a title line
_ROSTER_TITLE = re.compile(r"^(.{2,40}?)(?:组成人员|人员组成|成员)名单$")
# what a numbered heading that is a group says right after its name: （一）综合协调组。牵头单位：…
# (（四）人才与要素保障组。市人力资源社会保障局、市教育局参与，负责…: the units taking part, then its work)
_DESCRIBED = re.compile(
    r"^[。:：]?\s*(?:牵头单位|责任单位|组长|部长|主任单位|职责|负责|由|[^。]{2,80}?(?:参与|配合)[,，]\s*负责)"
)
_PLACE_BEFORE = re.compile(r"[\u4e00-\u9fff]{2,8}")  # 华溪大学 before 华溪大学“双一流”…, not a founding phrase
_OWN_NAME = 4  # characters of the top group's full name a heading must end it with to name it (县森林防灭火指挥部)
_VERBS = ("成立", "建立", "改为", "更名为", "组建", "设立", "决定将", "对", "调整")


@dataclass
class Scope:
    """A group and the lines that belong to it (indices into the notice's lines)."""

    entry: dict
    lines: range = field(default_factory=lambda: range(0))
    heading: bool = False  # found by a first-level heading of its own name (三、排查整治工作专班)
    row: int | None = None  # the line of the table row it is read from (a body one row of a table lists)


def kind_of(name: str) -> str | None:
    m = _KIND_END.search(name)
    return None if m is None else ("领导小组" if m.group(1) == "工作领导小组" else m.group(1))


def group_id(name: str, taken: set[str]) -> str:
    base = "".join(s[0] for s in lazy_pinyin(name) if s and s[0].isascii() and s[0].isalpha()).lower() or "group"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}{n}", n + 1
    taken.add(candidate)
    return candidate


def _full_name_before(text: str, end: int) -> str | None:
    """The body's full name written just before ``(以下简称…)`` at ``end``."""
    head = re.split(r"[,，。:：;；]", text[:end])[-1]
    for verb in _VERBS:
        if verb in head:
            head = head.rsplit(verb, 1)[1]
    head = re.sub(r"^第[一二三四五六七八九十]+条", "", head).strip().strip('“”"')  # 更名为“Y”（以下简称…）
    head = re.sub(r"^了(?=[\u4e00-\u9fff]{3})", "", head)  # 成立了市创建…领导小组: 了 is the verb's, not the name's
    head = re.sub(r"制度$", "", head)
    return head if kind_of(head) and 3 <= len(head) <= 60 else None


def kind_set_under(notice: str) -> str | None:
    """The word the notice uses for the groups it sets up under the top one (下设5个工作组 → 工作组)."""
    m = _SET_UNDER.search(notice)
    return m.group(1) if m else None


def find_groups(draft: Draft, lines: list[Line], title: str | None) -> list[Scope]:
    taken: set[str] = set()
    blocks = _blocks(lines, kind_set_under(draft.notice))
    scopes: list[Scope] = []
    full = short = None
    if title:
        m = re.search(r"关于(?:成立|建立|调整|设立|组建|印发)?(.+?)(?:组成人员|成员)?(?:制度)?的通知$", title)
        # X及其专业委员会: X, and the bodies under it are its own (关于印发《X及其办事机构…名单》的通知: X too)
        named = m.group(1).lstrip("《").split("及其")[0] if m else ""
        if m and kind_of(named):
            full = re.sub(r"^(?:成立|建立)", "", named)
    called = None  # 榆溪县防汛抗旱指挥部（以下简称县防指）: a short name without the kind word is another name for it
    for line in lines[:20]:
        m = _SHORT.search(line.text)
        if m and kind_of(m.group(1)):
            short = m.group(1)
            body = _full_name_before(line.text, m.start())
            # (华溪大学关于成立“双一流”建设工作领导小组的通知 / 决定成立华溪大学“双一流”建设工作领导小组（以下简称领导小组）:
            # the body's name has the place the title gives as its issuer)
            placed = bool(body and full and body.endswith(full) and _PLACE_BEFORE.fullmatch(body[: -len(full)]))
            full = body if body and (not full or placed) else full
            break
        if m and called is None and _full_name_before(line.text, m.start()) and 2 <= len(m.group(1)) <= 8:
            called = m.group(1)
            full = full or _full_name_before(line.text, m.start())
    roots = [] if full or short else _root_bodies(lines)
    if full is None and short is None and not blocks and not roots:
        m = re.search(r"(?:成立|建立|调整)([^,，。:：;；]{2,40}?(?:" + "|".join(KINDS) + "))", draft.notice)
        full = m.group(1) if m else None
    if full or short:
        name = short or full
        entry = {"id": group_id(name, taken), "name": name, "kind": kind_of(name) or kind_of(full or "") or "小组"}
        if full and full != name:
            entry["full_name"] = full
        entry["section"] = "正文"
        if entry["kind"] != name:
            entry["aliases"] = [entry["kind"]]
        if called and called != name and draft.stands(called):
            entry["aliases"] = [*entry.get("aliases", []), called]
        scopes.append(Scope(entry, range(len(lines))))
    for name, section, span in roots:
        entry = {"id": group_id(name, taken), "name": name, "kind": kind_of(name), "section": section}
        scopes.append(Scope(entry, span))
    top = scopes[0].entry if scopes and not roots else None
    names = {top["name"], top.get("full_name")} if top else set()
    under = kind_set_under(draft.notice)
    annexed = _annex_rosters(lines, names)
    headed = _headed_bodies(lines, names, top) if top else []
    # 四、专项工作组 heading the numbered groups under it is their part of the notice, not one more body
    headed = [h for h in headed if not any(b[2].start in h[2] for b in [*blocks, *annexed])]
    # 一、县森林防灭火指挥部 heading the part about 河山县森林防灭火指挥部（以下简称县指挥部）: the top group itself, its
    # place left off
    headed = [h for h in headed if not any(n and len(h[0]) >= _OWN_NAME and n.endswith(h[0]) for n in names)]
    # 四、专项工作组 over 下设学科建设组、人才队伍建设组、条件保障组三个专项工作组: the part about the groups of that kind
    headed = [h for h in headed if h[0] not in {kind for _, kind, _ in _listed_groups(lines)}]
    top_words = {top["kind"], *top.get("aliases", [])} if top else set()
    for name, section, span in [*blocks, *annexed, *headed]:
        same = next((sc.entry for sc in scopes if name in (sc.entry["name"], sc.entry.get("full_name"))), None)
        if same is not None:
            # 成员：见附件 … 附件 松溪镇乡村振兴工作领导小组成员名单: the annex is more of that group's own part (and so is
            # （一）中共云岚县委全面依法治县委员会 heading the roster of the group the title names)
            scopes.append(Scope(same, span))
            continue
        # a group the notice sets up under another is of the kind it says (下设5个工作组); one in an annex of its own
        listed = under if under and (name, section, span) not in annexed else name[-3:]
        kind = kind_of(name) or listed
        entry = {"id": group_id(name, taken), "name": name, "kind": kind, "section": section}
        parent = top or next((sc.entry for sc in scopes[: len(roots)] if span.start in sc.lines), None)
        if parent:
            entry["parent"] = parent["id"]
        if (name, section, span) in headed:  # 排查整治工作专班 is the notice's 工作专班 / 专班 (专班长, 专班主要职责)
            words = [kind, kind.removeprefix("工作")]
            entry["aliases"] = [w for w in dict.fromkeys(words) if w != name and w not in top_words]
        scopes.append(Scope(entry, span, heading=(name, section, span) in headed))
    known = {sc.entry["name"] for sc in scopes}
    for name, kind, section in _listed_groups(lines):
        if name in known or not top:
            continue
        # 下设精简行政审批组、…6个专题组和综合组、…3个保障组: named, nothing said of who leads them — unless a part
        # of the notice or its annex is headed by the name (附件 一、学科建设组 牵头单位：… 组长：…)
        entry = {"id": group_id(name, taken), "name": name, "kind": kind, "section": section, "parent": top["id"]}
        part = _part_headed(lines, name)
        if part is None:
            entry["roles"] = [{"role": "组长", "unstated": True, "section": section}]
        else:
            entry["section"] = lines[part.start].section
        scopes.append(Scope(entry, part or range(0), heading=part is not None))
        known.add(name)
    for entry in _one_set_under(lines, top, taken):
        if entry["name"] not in known:
            scopes.append(Scope(entry))
            known.add(entry["name"])
    if not scopes:
        name = title or "通知所设机构"
        entry = {
            "id": "group",
            "name": name,
            "kind": "小组",
            "section": "正文",
            CHECK: ["no body named by the notice was found: name and kind are placeholders"],
        }
        scopes.append(Scope(entry, range(len(lines))))
    return scopes


# 领导小组下设专家咨询组，为…提供技术支撑，组成人员另行通知 / 县食安委下设专家委员会，主任由…担任，负责…: one group set
# up under the top one, said in a sentence
ONE_UNDER = re.compile(r"下设([\u4e00-\u9fff]{2,10}(?:组|委员会))[,，]([^。;；]*)")
_LATER = re.compile(r"(?:组成人员|成员|人员组成|组成)(?:名单)?(?:由[^，,。]{2,20}?)?另行(?:通知|发文|明确|聘任|确定)")


def _one_set_under(lines: list[Line], top: dict | None, taken: set[str]) -> list[dict]:
    """Each group one sentence sets up under the top one by its name, with what it is for (为…/负责…) as its duty
    and, where the notice leaves its members to a later notice (组成人员另行通知), its members unstated."""
    found = []
    for line in lines if top else []:
        for m in ONE_UNDER.finditer(line.body):
            name = m.group(1)
            if re.search(r"[0-9一二三四五六七八九十]+个|若干", name):
                continue  # 下设五个工作组: a count, the groups are named elsewhere
            entry = {"id": group_id(name, taken), "name": name, "kind": kind_of(name) or name[-3:]}
            entry |= {"section": line.section, "parent": top["id"]}
            clauses = [c for c in re.split(r"[,，]", m.group(2)) if c]
            duty = [c for c in clauses if re.match(r"(?:主要)?(?:为|负责|承担)", c)]
            if duty:
                entry["duty"] = {"quote": "，".join(duty) if "，".join(duty) in line.body else duty[0]}
                entry["duty"]["section"] = line.section
            # (…提供技术咨询。专家委员会成员由县食安办商有关部门另行聘任: the next sentence, of the body by its name)
            after = re.match(rf"[。;；]?({re.escape(name)}[^。;；]*)", line.body[m.end() :])
            clauses += [after.group(1)] if after else []
            later = next((c for c in clauses if _LATER.search(c)), None)
            if later:
                note = f"{later}: the members are left to a later notice"
                entry["roles"] = [{"role": "成员", "unstated": True, "section": line.section, CHECK: [note]}]
            found.append(entry)
    return found


def _listed_groups(lines: list[Line]) -> list[tuple[str, str, str]]:
    """Groups a sentence lists by name with their count and kind (下设A组、B组…6个专题组和C组、D组3个保障组):
    (name, kind, section) of each."""
    found = []
    for line in lines:
        for m in _LISTED.finditer(line.text):
            pieces = [
                re.sub(r"^(?:和|及|以及|与)", "", re.split(r"下设|设立|设有|包括|分为", n)[-1])
                for n in re.split(r"[、,，]", m.group(1))
            ]
            names = [n for n in pieces if n.endswith("组") and 3 <= len(n) <= 16]
            if len(names) >= 2:
                found += [(n, m.group(2), line.section) for n in names]
    return found


def _blocks(lines: list[Line], under: str | None = None) -> list[tuple[str, str, range]]:
    """Numbered headings that are each a body (1、市城市规划委员会 …; （一）综合协调组。牵头单位：…; under 下设7个工作部,
    （一）竞赛部。部长：…): one notice, several bodies."""
    found: list[tuple[str, str, int]] = []
    for i, line in enumerate(lines):
        body = line.body.strip()
        if line.level >= 2 and kind_of(body) and len(body) <= 30 and "。" not in body and "办公室" not in body:
            found.append((body, line.section, i))
        elif line.level >= 2 and _is_described_group(line, lines[i + 1] if i + 1 < len(lines) else None, under):
            found.append((line.heading, line.section, i))
    if len(found) < 2:
        return []
    out = []
    for k, (name, section, start) in enumerate(found):
        end = found[k + 1][2] if k + 1 < len(found) else len(lines)
        for j in range(start + 1, end):
            if lines[j].level and lines[j].level <= lines[start].level - 1:
                end = j
                break
        out.append((name, section, range(start, end)))

    # （三）委员会协调小组 over 1.规范性文件审查协调小组 2.执法协调小组 …: a heading over numbered bodies is their part
    # of the notice, not one more body
    def over(b: tuple[str, str, range], o: tuple[str, str, range]) -> bool:
        level = lines[b[2].start].level
        between = range(b[2].start + 1, o[2].start)
        return (
            o[2].start > b[2].start
            and lines[o[2].start].level > level
            and all(not lines[j].level or lines[j].level > level for j in between)
        )

    return [b for b in out if not any(over(b, o) for o in out)]


def _is_described_group(line: Line, after: Line | None, under: str | None = None) -> bool:
    """（一）综合协调组。牵头单位：… — a heading that names a group and goes on to say who leads it, there or
    in the line after it (（一）综合协调组 / 组长：…); a 部 only where the notice sets up 部 (下设7个工作部)."""
    name = line.heading.strip()
    rest = line.body.strip()[len(name) :] or (after.text if after is not None and not after.level else "")
    own = name.endswith("组") or kind_of(name) is not None  # （一）道路交通安全专业委员会。主任单位为…
    own = own or bool(under and under.endswith("部") and name.endswith("部"))
    return 3 <= len(name) <= 16 and own and "办公室" not in name and bool(_DESCRIBED.match(rest))


def _headed_bodies(lines: list[Line], top_names: set[str | None], top: dict) -> list[tuple[str, str, range]]:
    """A body set up under the top one with a part of the notice of its own, headed by its name
    (三、排查整治工作专班 after 在领导小组下设排查整治工作专班): from its heading to the next heading of that level."""
    own = {*top_names, top["kind"], *top.get("aliases", [])}
    return [body for body in _first_level_bodies(lines) if body[0] not in own]


def _part_headed(lines: list[Line], name: str) -> range | None:
    """The first-level part of the notice or of an annex headed by ``name`` alone, to the next such heading."""
    for i, line in enumerate(lines):
        if line.level == 1 and line.body.strip() == name:
            ends = (j for j in range(i + 1, len(lines)) if lines[j].level == 1 or lines[j].annex != line.annex)
            return range(i, next(ends, len(lines)))
    return None


def _root_bodies(lines: list[Line]) -> list[tuple[str, str, range]]:
    """Bodies side by side with none over them: a notice that adjusts several (一、市安全生产委员会 … 二、市食品安全
    委员会 …), each under a first-level heading of its own name. Two at least: a single such heading under a
    notice that names no body is a part of it, not a body."""
    found = _first_level_bodies(lines)
    return found if len(found) >= 2 else []


def _first_level_bodies(lines: list[Line]) -> list[tuple[str, str, range]]:
    """First-level headings that are a body's name alone: (name, section, from it to the next such heading)."""
    found = []
    for i, line in enumerate(lines):
        name = line.body.strip()
        if line.level == 1 and kind_of(name) and 4 <= len(name) <= 30 and not re.search(r"[。,，;；:：、及和]", name):
            end = next((j for j in range(i + 1, len(lines)) if lines[j].level == 1), len(lines))
            found.append((name, line.section, range(i, end)))
    return found


def _annex_rosters(lines: list[Line], top_names: set[str | None]) -> list[tuple[str, str, range]]:
    """A group of its own given as a roster under a title line (专项工作组组成人员名单, often in an 附件),
    from that line to the next such title; the top group's own list is not another group."""
    found = []
    for i, line in enumerate(lines):
        m = _ROSTER_TITLE.match(line.text.replace(" ", ""))  # 附件：…名单 only points to it
        if (
            m
            and not line.level
            and not re.search("[:：]", line.text)
            and (kind_of(m.group(1)) or m.group(1).endswith("组"))
            and not any(n and m.group(1).endswith(n) for n in top_names)
        ):
            found.append((m.group(1), i))
    return [
        (name, lines[start].section, range(start, found[k + 1][1] if k + 1 < len(found) else len(lines)))
        for k, (name, start) in enumerate(found)
    ]


def without_table_parts(scopes: list[Scope]) -> list[Scope]:
    """三、工作专班 heading a table whose rows are each a 专班 (read after the headings, by charges and group_table):
    the part of the notice those bodies stand in, not one more body."""
    rows = [s.row for s in scopes if s.row is not None]
    return [s for s in scopes if not (s.heading and any(r in s.lines for r in rows))]


def scope_of(scopes: list[Scope], index: int) -> Scope:
    """The innermost group a line belongs to (a block wins over the whole notice)."""
    inner = [s for s in scopes if index in s.lines]
    if not inner:
        return scopes[0]
    return min(inner, key=lambda s: len(s.lines))
