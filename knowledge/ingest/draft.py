"""The facts being read, as plain YAML-shaped dicts, with the ``# CHECK`` notes the writer prints.

People and units are kept by name (one entry each, however often the notice names them) and given
ascii ids; a quote is only ever taken if it stands in the notice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pypinyin import lazy_pinyin

from knowledge.ingest.names import ends_as_post
from knowledge.loader import squeeze

CHECK = "_check"  # the key under which an entry carries its CHECK notes (not written as data)
_UMBRELLA = re.compile(r"^(?:国务院|中共.{0,10}委|[^团]{0,8}?(?:省|市|县|区|州)(?:委|人民政府|政府))$")


@dataclass
class Draft:
    notice: str
    squeezed: str = ""
    document: list[dict] = field(default_factory=list)
    groups: list[dict] = field(default_factory=list)
    people: dict[str, dict] = field(default_factory=dict)
    units: dict[str, dict] = field(default_factory=dict)
    requirements: list[dict] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # about the whole notice (printed at the top)

    def __post_init__(self) -> None:
        self.squeezed = squeeze(self.notice)

    def stands(self, quote: str) -> bool:
        return bool(squeeze(quote)) and squeeze(quote) in self.squeezed

    def person(self, name: str, title: str | None, quote: str, section: str, unit: str | None = None) -> str:
        """The id of the person ``name``, adding the title (if new) the quote gives them; ``unit``: the unit the
        quote puts them in where the title does not name it (a table's 单位 column)."""
        name = name.strip()
        if title is not None and title.strip() in _NOT_TITLES:
            title = None  # 许文斌（兼）: he holds it besides his post, which the notice gives elsewhere
        entry = self.people.get(name)
        if entry is None:
            entry = {
                "id": _unique(_person_id(name), {p["id"] for p in self.people.values()}),
                "name": name,
                "titles": [],
            }
            self.people[name] = entry
        if title and squeeze(name) in squeeze(quote) and self.stands(quote):
            known = {t["title"] for t in entry["titles"]}
            for part in _split_titles(title):
                if part not in known and squeeze(part) in squeeze(quote):
                    item: dict = {"title": part}
                    # 彭某(镇派出所): what the brackets give is the unit itself, the place they are sent from
                    own = unit or unit_of_post(part) or (part if is_unit(part) else None)
                    if own and own not in (p for p in self.people) and squeeze(own) in squeeze(quote):
                        item["unit"] = self.unit(own, quote, section)
                    item |= {"quote": quote, "section": section}
                    entry["titles"].append(item)
                    known.add(part)
        return entry["id"]

    def unit(self, name: str, quote: str, section: str, check: str | None = None) -> str:
        """The id of the unit ``name``, first named by ``quote``."""
        name = name.strip()
        entry = self.units.get(name)
        if entry is None:
            entry = {"id": _unique(_unit_id(name), {u["id"] for u in self.units.values()}), "name": name}
            if _UMBRELLA.match(name):
                entry["umbrella"] = True
            entry |= {"quote": quote, "section": section}
            if check:
                entry[CHECK] = [check]
            self.units[name] = entry
        elif check and squeeze(name) in squeeze(entry["quote"]) and CHECK not in entry and quote != entry["quote"]:
            # first named by its whole name (由市民政局牵头, 市公安局局长), then in a list by an inherited prefix
            # (…、民政局): the list's words are the quote, so the list cites it too (the name still does)
            entry["quote"] = quote
            entry.setdefault(CHECK, []).append(check)
        return entry["id"]


def _split_titles(title: str) -> list[str]:
    # 谢某（县应急管理局局长，兼） / 某某 省某局副局长（兼）: 兼 says he holds the place besides his post, it is no
    # title of its own, nor part of the one before it
    title = re.sub(r"[(（](?:兼|兼任)[)）]$", "", title.strip(" ,，。;；")).strip(" ,，。;；")
    return [part for part in re.split(r"[、,，]", title) if part and part not in _NOT_TITLES]


_UNIT_END = r"(?:部|局|委|办事处|办|厅|署|院|行|室|中心|政府|公司|(?<!上)司|集团|队|所|站|馆|联|(?<!社)会|社|党校|大学|学院|海关|分署|总局|支行|分行|营管部|中队|军分区|警备区|(?<=[\u4e00-\u9fff]{2})处)"
_POST = re.compile(
    r"^(?:党组|党委|党工委|学术委员会)?(?:原|常务|一级|二级|总|执行)*(?:副)?(?:党组|党委)?(?:副)?"
    r"(?:书记|部长|局长|主任|厅长|秘书长|常委|市长|省长|县长|区长|镇长|院长|检察长|主席|理事长|董事长|经理|工程师|"
    r"规划师|经济师|会计师|巡视员|队长|大队长|支队长|总队长|审计长|参谋长|成员|部务会议成员|校长|社长|编辑|署长|行长|委员|总理|"
    r"处长|组长|关长|馆长|站长|所长|总编辑|书记处书记|总经理|司长)(?:[(（][^)）]*[)）])?$"
)


def unit_of_post(post: str) -> str | None:
    """The unit a post is in, where the post reads as ``unit + post`` (统计局副局长 → 统计局): the shortest such
    unit, since a post may begin with its unit's party body (北京外国语大学原党委书记 → 北京外国语大学, not
    北京外国语大学原党委; 学术委员会主任 → the university)."""
    for m in re.finditer(_UNIT_END, post):
        unit, rest = post[: m.end()], post[m.end() :]
        if len(unit) >= 2 and rest and _POST.match(rest):
            return unit
    return None


def is_unit(text: str) -> bool:
    """A unit's name by itself (镇派出所, 区发展和改革局, 柳湾街道), not a post (镇派出所所长)."""
    return (
        3 <= len(text) <= 30
        and re.fullmatch(rf"[\u4e00-\u9fff()（）]+(?:{_UNIT_END}|街道|街道办事处)", text) is not None
        and not ends_as_post(text)
        and unit_of_post(text) is None
    )


def _person_id(name: str) -> str:
    syllables = [s for s in lazy_pinyin(name.replace("·", "")) if s.isascii() and s.isalpha()]
    if not syllables:
        return "person"
    return "_".join([syllables[0], "".join(syllables[1:])]).strip("_").lower()


def _unit_id(name: str) -> str:
    initials = "".join(s[0] for s in lazy_pinyin(name) if s and s.isascii() and s[0].isalpha())
    return (initials or "unit").lower()


_NOT_TITLES = frozenset({"兼", "兼任", "兼职", "正职", "副职"})


def _unique(base: str, taken: set[str]) -> str:
    if base not in taken:
        return base
    n = 2
    while f"{base}{n}" in taken:
        n += 1
    return f"{base}{n}"
