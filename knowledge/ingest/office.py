"""The group's office: 办公室设在 X, Y 兼任办公室主任, 日常工作由 Z 承担, 不设办公室."""

from __future__ import annotations

import re

from knowledge.ingest.document import small_number
from knowledge.ingest.draft import CHECK, Draft
from knowledge.ingest.groups import Scope, scope_of
from knowledge.ingest.names import ends_as_post, is_name
from knowledge.ingest.roster import SO_CALLED, read_holders
from knowledge.ingest.sections import Line

_HOST = re.compile(
    rf"办公室{SO_CALLED}[,，]?(?:仍|仍然|继续)?设在([^,，。;；]+)"
)  # 办公室设在X / 下设办公室,设在X / 办公室仍设在X
# 办公室主任不变: the place stays with whoever held it, whom this notice does not name
_UNCHANGED = re.compile(r"办公室((?:常务)?(?:副)?主任)(?:人选)?(?:不变|保持不变)")
# 主任由…兼任, or the crawl cut off after the holder (办公室主任由省发展改革委主要负责同志)
_ROLE_BY = re.compile(r"(?<!室)(?:办公室)?((?:常务)?(?:副)?主任)由([^。;；]+?)(?:兼任|担任|$)")
_TAKES = re.compile(
    r"(?:由|[,，;；。]|^)([^,，。;；由]{2,60}?)(?:兼任(?:[\u4e00-\u9fff]{0,20}?)|(?<![担兼])任)办公室((?:常务)?(?:副)?主任)"
)
_ALSO = re.compile(r"([^,，。;；]{2,60}?)担任[^,，。;；]*?兼([\u4e00-\u9fff]{0,20}?)办公室(主任|副主任)")
# 办公室设在X,…,工作人员:李某、黄某: the office's named staff (its members)
_STAFF = re.compile(r"(?:^|(?<=[,，;；。]))(工作人员|成员)[:：]([^。;；]+)")
# 办公室由设在A调整为设在B: the office moved; B is where it is now, A is where it was
_MOVED = re.compile(r"办公室[,，]?由(?:原)?设在([^,，。;；]+?)(?:调整|改|变更)为设在([^,，。;；]+)")
_DUTY = re.compile(rf"办公室{SO_CALLED}[,，]?设在[^,，。;；]+[,，]((?:负责|承担)[^。]+?)(?=[,，]办公室|。|$)")


def read_office(draft: Draft, lines: list[Line], scopes: list[Scope]) -> None:
    for index, line in enumerate(lines):
        if "办公室" not in line.text:
            continue
        group = scope_of(scopes, index).entry
        if "不设办公室" in line.text:
            quote = next(s for s in _sentences(line.text) if "不设办公室" in s)
            group.setdefault("office", {"status": "none", "quote": quote, "section": line.section})
            continue
        for sentence in _sentences(line.body):
            _sentence(draft, group, sentence, line.section)
    _groups_under_office(draft, lines, scopes)


# 办公室下设4个工作组 / 办公室下设综合组、业务组两个组: the office's own groups, which the lines after it set out
_UNDER_OFFICE = re.compile(r"办公室下设([0-9一二两三四五六七八九十]{1,2})个([\u4e00-\u9fff]{0,4}组)")


def _groups_under_office(draft: Draft, lines: list[Line], scopes: list[Scope]) -> None:
    """The groups a sentence sets up under the group's office (办公室下设4个工作组，分工如下:): those of its kind set out
    after it in its own part of the notice (a table's rows, numbered items), where they are as many as it says."""
    for index, line in enumerate(lines):
        m = _UNDER_OFFICE.search(line.text)
        group = scope_of(scopes, index).entry if m else None
        if m is None or group is None or "office" not in group or not draft.stands(m.group(0)):
            continue
        end = _part_end(lines, index)
        found = [
            s.entry["id"]
            for s in scopes
            if s.entry.get("parent") == group["id"]
            and index < s.lines.start < end
            and s.entry["kind"].endswith(m.group(2))
        ]
        count = m.group(1).replace("两", "二")
        if found and len(found) == (int(count) if count.isdigit() else small_number(count)):
            sentence = next(x for x in _sentences(line.text) if m.group(0) in x).strip()
            group["office"]["groups"] = {"ids": found, "quote": sentence, "section": line.section}


def _part_end(lines: list[Line], index: int) -> int:
    """Where the part of the notice a line stands in ends: the next heading of its level or above."""
    level = next((lines[k].level for k in range(index, -1, -1) if lines[k].level), 0)
    return next((k for k in range(index + 1, len(lines)) if 0 < lines[k].level <= level), len(lines))


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[。;；])", text) if s.strip()]


def _office(group: dict, quote: str, section: str) -> dict:
    if "office" not in group:
        group["office"] = {"quote": quote, "section": section}
    return group["office"]


def _sentence(draft: Draft, group: dict, sentence: str, section: str) -> None:
    moved = _MOVED.search(sentence)
    if moved:  # where it was is said once, as the move; it is never the host
        office = _office(group, sentence.strip(), section)
        _host(draft, office, moved.group(2).strip(), moved.group(0), section)
        office.setdefault(CHECK, []).append(f"moved from {moved.group(1)}: the host is where it is now")
        rest = sentence[moved.end() :].lstrip(",，")
        if re.match(r"(?:负责|承担)", rest) and "duty" not in office:
            office["duty"] = {"quote": re.split(r"[。;；]", rest)[0], "section": section}
    host = None if moved else _HOST.search(sentence)
    if host:
        office = _office(group, sentence.strip(), section)
        _host(draft, office, host.group(1).strip(), host.group(0), section)
        duty = _DUTY.search(sentence)
        if duty and "duty" not in office:
            office["duty"] = {"quote": duty.group(1), "section": section}
        after = _HOST_THEN_HOLDER.search(sentence, host.start())  # 办公室设在镇水利站，由站长梁斌兼任主任
        if after and not _TAKES.search(sentence):
            _role(draft, group, after.group(2), after.group(1), after.group(0).lstrip(",，由"), sentence, section)

    for m in _UNCHANGED.finditer(sentence):
        office = _office(group, sentence.strip(), section)
        if not any(r["role"] == m.group(1) for r in office.setdefault("roles", [])):
            note = f"{m.group(0)}: the notice does not name who holds it"
            office["roles"].append({"role": m.group(1), "unstated": True, "section": section, CHECK: [note]})
    for m in _ROLE_BY.finditer(sentence):
        _role(draft, group, m.group(1), m.group(2), m.group(0), sentence, section)
    for m in _TAKES.finditer(sentence):
        _role(draft, group, m.group(2), m.group(1), m.group(0).lstrip(",，;；。"), sentence, section)
    for m in _ALSO.finditer(sentence):
        _role(draft, group, m.group(3), m.group(1), m.group(0).lstrip(",，;；。由"), sentence, section)
    for m in _STAFF.finditer(sentence):
        names = [n.strip() for n in re.split(r"[、,，]", m.group(2).strip()) if n.strip()]
        if "office" in group and names and all(is_name(n) for n in names):
            _role(draft, group, m.group(1), m.group(2), m.group(0).lstrip(",，;；。"), sentence, section)
    _own_duty(group, sentence, section)
    if re.search(r"由[^。]{2,30}承担(?:办公室|日常)工作", sentence) and "office" in group:
        group["office"].setdefault("duty", {"quote": sentence.strip(), "section": section})


# 办公室负责指挥部日常工作,承担… / 领导小组办公室主要负责…: a sentence of its own on what the office does
_HOST_THEN_HOLDER = re.compile(
    r"设在[^,，。;；]+[,，]由([^,，。;；由]{2,40}?)兼任((?:常务)?(?:副)?主任)(?=[,，。;；]|$)"
)
_CALLED = re.compile(r"办公室[（(](?:以下)?简称([\u4e00-\u9fff]{2,8})[)）]")
_OWN_DUTY = re.compile(r"^([\u4e00-\u9fff]{0,30}?)办公室((?:主要)?(?:负责|承担)[^。;；]+)")


def _own_duty(group: dict, sentence: str, section: str) -> None:
    """The duty a sentence of its own gives the group's office, which opens with the office's name (办公室, or the
    group's name and 办公室) and goes on to what it does; only where the office is set up and has no duty yet."""
    m = _OWN_DUTY.match(sentence.strip())
    names = ("", group["name"], group.get("full_name"), group["kind"], *group.get("aliases", []))
    if m and m.group(1) in names and "office" in group and "duty" not in group["office"]:
        group["office"]["duty"] = {"quote": m.group(2), "section": section}
    # 下设镇河长制办公室（简称镇河长办）: how the notice calls the office after
    names = _CALLED.findall(group.get("office", {}).get("quote", ""))
    called = next((n for n in names if sentence.strip().startswith(n)), None)
    duty = re.match(r"((?:主要)?(?:负责|承担)[^。;；]+)", sentence.strip()[len(called) :]) if called else None
    if duty and "duty" not in group["office"]:  # 镇河长办负责河长制日常工作: the office by its short name
        group["office"]["duty"] = {"quote": duty.group(1), "section": section}


def _host(draft: Draft, office: dict, name: str, quote: str, section: str) -> None:
    # a host cut off after its level (办公室设在市) is no unit: where the office is stays unstated
    if draft.stands(name) and "host" not in office and 1 < len(name) <= 30:
        office["host"] = draft.unit(name, quote, section)


def _role(draft: Draft, group: dict, role: str, content: str, quote: str, sentence: str, section: str) -> None:
    office = _office(group, sentence.strip(), section)
    roles = office.setdefault("roles", [])
    if any(r["role"] == role for r in roles) or not draft.stands(quote):
        return
    holder = read_holders(content.strip().removeprefix("由"), role)
    entry: dict = {"role": role}
    persons = [draft.person(name, title, quote, section) for name, title in holder.persons if name in quote]
    units = []
    for unit in holder.units:
        name = unit.lstrip("\0")
        if draft.stands(name):
            units.append(draft.unit(name, name, section))
    posts = [piece for p in holder.posts if p in quote for piece in _joint(p)]
    if not (persons or units or posts):
        return
    for key, values in (("persons", persons), ("units", units), ("posts", posts)):
        if values:
            entry[key] = values
    entry |= {"quote": quote, "section": section}
    if holder.posts and not holder.persons and len(holder.posts) > 1:
        entry[CHECK] = ["several posts: check whether one person holds them together"]
    roles.append(entry)


def _joint(post: str) -> list[str]:
    """Posts that hold an office place together (县应急管理局局长、县地震监测服务中心主任), each its own."""
    pieces = post.split("、")
    return pieces if len(pieces) > 1 and all(ends_as_post(p) for p in pieces) else [post]
