"""Load and validate the knowledge base: ``data/notice.txt`` (the source of truth) and ``data/facts.yaml``.

``load_knowledge`` either returns the whole knowledge base or raises ``KnowledgeError`` naming the
file, the entry and the field; nothing is ever half loaded.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Protocol, TypeVar

import yaml

from knowledge.facts import (
    Aspect,
    Fact,
    FactKind,
    FactsFile,
    Group,
    Holding,
    Knowledge,
    Office,
    OfficeStatus,
    Passage,
    Person,
    Role,
    RoleKind,
    Tier,
)
from knowledge.schema import SchemaError, build

DATA_DIR = Path(__file__).parent / "data"  # the general words: lexicon.yaml, wording.yaml
NOTICES_DIR = Path(__file__).parent / "notices"  # one directory per bundled notice
BUNDLED = NOTICES_DIR / "chongqing-fangguanfu"  # 渝府办发〔2020〕5号, the notice the bot ships with
T = TypeVar("T")
_WHITESPACE = re.compile(r"\s+")


class KnowledgeError(ValueError):
    """A data file is malformed; the message names the file, the entry and the field."""


def squeeze(text: str) -> str:
    """Remove all whitespace: quotes are compared with the notice this way (the crawl wraps lines)."""
    return _WHITESPACE.sub("", text)


def read_text(path: Path) -> str:
    """A UTF-8 text file; unreadable or undecodable bytes are a KnowledgeError naming the file and line."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise KnowledgeError(f"{path}: cannot be read ({error.strerror})") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise KnowledgeError(f"{path}: line {line}: not valid UTF-8 (byte 0x{data[error.start]:02x})") from None


class _UniqueKeyLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """The safe loader, refusing a key given twice in one mapping (YAML would silently keep the last)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[object, object]:
        seen: set[object] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            try:
                duplicate = key in seen
                seen.add(key)
            except TypeError:  # an unhashable key: the base constructor reports it
                continue
            if duplicate:
                raise yaml.constructor.ConstructorError(None, None, f"duplicate key {key!r}", key_node.start_mark)
        return super().construct_mapping(node, deep=deep)


def read_yaml(path: Path) -> object:
    """Parse one YAML file, turning syntax errors, undecodable bytes and duplicate keys into a one-line
    message with the position."""
    text = read_text(path)
    try:
        return yaml.load(text, Loader=_UniqueKeyLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        at = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        raise KnowledgeError(f"{path}: not valid YAML{at}: {getattr(error, 'problem', error)}") from None


def load_file(cls: type[T], path: Path) -> T:
    """A YAML file as the dataclass ``cls``; any fault is a KnowledgeError naming file, entry and field."""
    try:
        return build(cls, read_yaml(path), "")
    except SchemaError as error:
        raise KnowledgeError(f"{path}: {str(error).lstrip('.')}") from None


def load_knowledge(data_dir: Path = BUNDLED) -> Knowledge:
    notice_path, facts_path = data_dir / "notice.txt", data_dir / "facts.yaml"
    notice = read_text(notice_path)
    facts_file = load_file(FactsFile, facts_path)
    try:
        _Checker(facts_file, squeeze(notice)).check()
    except SchemaError as error:
        raise KnowledgeError(f"{facts_path}: {str(error).lstrip('.')}") from None
    facts = {fact.id: fact for fact in _facts(facts_file)}
    facts |= {fact.id: fact for fact in _text_facts(notice, facts.values())}
    return Knowledge(
        notice=notice,
        document={f.id: f for f in facts_file.document},
        groups={g.id: g for g in facts_file.groups},
        common_duties=facts_file.common_duties,
        people={p.id: p for p in facts_file.people} | {p.id: p for p in _post_holders(facts_file).values()},
        units={u.id: u for u in facts_file.units},
        requirements=facts_file.requirements,
        facts=facts,
        roles=_roles(facts_file),
        top=_top(facts_file.groups),
        post_holders=_titled_holders(facts_file),
    )


def _top(groups: tuple[Group, ...]) -> str | None:
    """The group the others stand under (the one named as parent), or the only group."""
    parents = list(dict.fromkeys(g.parent for g in groups if g.parent is not None))
    if len(parents) == 1:
        return parents[0]
    roots = [g.id for g in groups if g.parent is None]
    return roots[0] if len(roots) == 1 else None


class _Citable(Protocol):
    quote: str | None
    unstated: bool


class _Named(Protocol):
    name: str


class _Checker:
    """The rules beyond types: provenance, unstated means empty, references, the notice's structure."""

    def __init__(self, data: FactsFile, notice: str) -> None:
        self.data = data
        self.notice = notice
        self.people = {p.id: p for p in data.people}
        self.units = {u.id: u for u in data.units}
        self.groups = {g.id: g for g in data.groups}

    def check(self) -> None:
        for name in ("document", "groups", "people", "units", "requirements"):
            self._unique_ids(name, getattr(self.data, name))
        if "title" not in {entry.id for entry in self.data.document}:
            raise SchemaError("document: the notice's title (id: title) is required")
        for i, entry in enumerate(self.data.document):
            where = f"document[{i}] ({entry.id})"
            self._quote(entry.quote, where)
            if squeeze(entry.value) not in self.notice:
                raise SchemaError(f"{where}.value: {entry.value!r} is not in the notice")
        if not self.data.groups:
            raise SchemaError("groups: a notice needs at least one group")
        for i, group in enumerate(self.data.groups):
            self._group(group, f"groups[{i}] ({group.id})")
        kinds = {g.kind for g in self.data.groups}
        for i, common in enumerate(self.data.common_duties):
            where = f"common_duties[{i}]"
            self._quote(common.quote, where)
            if common.kind not in kinds:
                raise SchemaError(f"{where}.kind: no group is a {common.kind}")
        for i, person in enumerate(self.data.people):
            for j, title in enumerate(person.titles):
                where = f"people[{i}] ({person.id}).titles[{j}]"
                self._quote(title.quote, where)
                if title.unit is not None:
                    self._ref(self.units, title.unit, f"{where}.unit", "unit")
                if squeeze(person.name) not in squeeze(title.quote):
                    raise SchemaError(f"{where}.quote: does not name {person.name}")
        for i, unit in enumerate(self.data.units):
            where = f"units[{i}] ({unit.id})"
            self._quote(unit.quote, where)
        for i, requirement in enumerate(self.data.requirements):
            where = f"requirements[{i}] ({requirement.id})"
            self._passage(requirement, where)
            if requirement.item is not None and squeeze(requirement.item) not in squeeze(requirement.quote or ""):
                raise SchemaError(f"{where}.item: {requirement.item!r} is not in the quote")
            if requirement.heading is not None and squeeze(requirement.heading) not in self.notice:
                raise SchemaError(f"{where}.heading: {requirement.heading!r} is not in the notice")
        self._unique_names()

    def _group(self, group: Group, where: str) -> None:
        if group.parent is not None:
            parent = self._ref(self.groups, group.parent, f"{where}.parent", "group")
            if parent is group:
                raise SchemaError(f"{where}.parent: a group cannot stand under itself")
        for j, holding in enumerate(group.roles):
            self._holding(holding, f"{where}.roles[{j}]")
        if group.duty is not None:
            self._passage(group.duty, f"{where}.duty")
        seen = [a.aspect for a in group.aspects]
        if len(seen) != len(set(seen)):
            raise SchemaError(f"{where}.aspects: an aspect is listed twice")
        for j, aspect in enumerate(group.aspects):
            self._passage(aspect, f"{where}.aspects[{j}]")
        if group.office is not None:
            self._office(group.office, f"{where}.office")
            self._office_groups(group, f"{where}.office.groups")
        for j, change in enumerate(group.changes):
            self._quote(change.quote, f"{where}.changes[{j}]")
            for ref in (*change.former, *change.successors, *change.added):
                person = self._ref(self.people, ref, f"{where}.changes[{j}]", "person")
                if squeeze(person.name) not in squeeze(change.quote):
                    raise SchemaError(f"{where}.changes[{j}].quote: does not name {person.name}")

    def _holding(self, holding: Holding, where: str) -> None:
        """A place is stated with the notice's words naming every holder, or unstated and empty."""
        values = holding.holders + holding.posts + holding.unread
        self._passage(holding, where, value=values if holding.unstated else "")
        quote = squeeze(holding.quote or "")
        for name, said in (("part", holding.part), ("note", holding.note), *(("unread", u) for u in holding.unread)):
            if said is not None and squeeze(said) not in quote:
                raise SchemaError(f"{where}.{name}: {said!r} is not in the quote")
        for kind, table, ids in (("person", self.people, holding.persons), ("unit", self.units, holding.units)):
            for ref in ids:
                named = self._ref(table, ref, f"{where}.{kind}s", kind)
                if not self._names(named, quote):
                    raise SchemaError(f"{where}.quote: does not name {named.name}")
        for post in holding.posts:
            if squeeze(post) not in quote:
                raise SchemaError(f"{where}.posts: {post!r} is not in the quote")

    def _names(self, named: _Named, quote: str) -> bool:
        """Whether a quote names a person or unit: by name, alias, or the words it was first named by
        (a unit in a list that shares a prefix: 市发展改革局、工业和信息化局 names 市工业和信息化局)."""
        words = [named.name, *getattr(named, "aliases", ())]
        first = getattr(named, "quote", None)
        return any(squeeze(w) in quote for w in words) or (first is not None and squeeze(first) in quote)

    def _office(self, office: Office, where: str) -> None:
        if office.status is OfficeStatus.UNSTATED:
            if office.quote or office.host or office.roles or office.duty:
                raise SchemaError(f"{where}: an unstated office carries nothing else")
            return
        if office.quote is None:
            raise SchemaError(f"{where}: needs the quote that sets it up (or says 不设办公室)")
        self._quote(office.quote, where)
        if office.status is OfficeStatus.NONE:
            if office.host or office.roles or office.duty:
                raise SchemaError(f"{where}: a notice that sets up no office names nothing in it")
            return
        if office.host is not None:
            self._ref(self.units, office.host, f"{where}.host", "unit")
        for j, holding in enumerate(office.roles):  # a place in the office may rest on the office's quote
            quoted = holding if holding.unstated or holding.quote else dataclasses.replace(holding, quote=office.quote)
            self._holding(quoted, f"{where}.roles[{j}]")
        if office.duty is not None:
            self._passage(office.duty, f"{where}.duty")

    def _office_groups(self, group: Group, where: str) -> None:
        """The groups set up under the office are groups under the office's own group, said so by the quote."""
        under = group.office.groups if group.office is not None else None
        if under is None:
            return
        self._quote(under.quote, where)
        for ref in under.ids:
            if self._ref(self.groups, ref, f"{where}.ids", "group").parent != group.id:
                raise SchemaError(f"{where}.ids: {ref!r} does not stand under {group.id}")

    def _passage(self, entry: _Citable, where: str, value: object = "") -> None:
        """A fact is either quoted (and then stands in the notice) or unstated (and then empty)."""
        quote = entry.quote
        if entry.unstated:
            if quote is not None or value not in ("", None, ()):
                raise SchemaError(f"{where}: an unstated fact carries no quote and no value")
            return
        if quote is None:
            raise SchemaError(f"{where}: needs a quote, or unstated: true")
        self._quote(quote, where)

    def _quote(self, quote: str, where: str) -> None:
        if squeeze(quote) not in self.notice:
            raise SchemaError(f"{where}.quote: not found in the notice: {quote[:40]!r}")

    @staticmethod
    def _ref(table: dict[str, T], ref: str, where: str, kind: str) -> T:
        if ref not in table:
            raise SchemaError(f"{where}: {ref!r} is not a known {kind}")
        return table[ref]

    @staticmethod
    def _unique_ids(name: str, entries: Iterable) -> None:
        seen: set[str] = set()
        for i, entry in enumerate(entries):
            if entry.id in seen:
                raise SchemaError(f"{name}[{i}].id: duplicate id {entry.id!r}")
            seen.add(entry.id)

    def _unique_names(self) -> None:
        """A name or alias must point at one entity only, or matching could not tell them apart."""
        owner: dict[str, str] = {}
        named = [("groups", self.data.groups), ("people", self.data.people), ("units", self.data.units)]
        for table, entries in named:
            for i, entry in enumerate(entries):
                for name in (entry.name, *entry.aliases):
                    if name in owner and owner[name] != entry.id:
                        raise SchemaError(f"{table}[{i}] ({entry.id}).aliases: {name!r} already names {owner[name]}")
                    owner[name] = entry.id


_TIER_FACTS = {
    Tier.HEAD: ("leader", FactKind.LEADER),
    Tier.DEPUTY: ("deputies", FactKind.DEPUTIES),
    Tier.MEMBER: ("members", FactKind.MEMBERS),
}


def holding_fact_id(group_id: str, holding: Holding) -> str:
    """The fact a place in a group is cited by: its tier's (leader, deputies, members) or its own word's."""
    if holding.tier in _TIER_FACTS:
        return f"group.{group_id}.{_TIER_FACTS[holding.tier][0]}"
    return f"group.{group_id}.role.{holding.role}"


def _facts(data: FactsFile) -> Iterator[Fact]:
    for entry in data.document:
        yield Fact(f"doc.{entry.id}", FactKind.DOCUMENT, "document", entry.section, entry.quote)
    for group in data.groups:
        prefix = f"group.{group.id}"
        yield Fact(f"{prefix}.leader", FactKind.LEADER, group.id, group.leader.section, group.leader.quote)
        if group.deputies is not None:
            yield Fact(f"{prefix}.deputies", FactKind.DEPUTIES, group.id, group.deputies.section, group.deputies.quote)
        if group.members is not None:
            yield Fact(f"{prefix}.members", FactKind.MEMBERS, group.id, group.members.section, group.members.quote)
        others = [h for h in group.roles if h.tier not in _TIER_FACTS]
        for role in dict.fromkeys(h.role for h in others):
            held = [h for h in others if h.role == role]
            quote = "".join(h.quote or "" for h in held) or None
            yield Fact(f"{prefix}.role.{role}", FactKind.ROLE, group.id, held[0].section, quote)
        for n, change in enumerate(group.changes):
            yield Fact(change_fact_id(group.id, n), FactKind.CHANGE, group.id, change.section, change.quote)
        if group.office is not None:
            yield Fact(f"{prefix}.office", FactKind.OFFICE, group.id, group.office.section, group.office.quote)
            if group.office.groups is not None:  # 办公室下设4个工作组: the sentence that sets them up under it
                under = group.office.groups
                yield Fact(f"{prefix}.office.groups", FactKind.OFFICE, group.id, under.section, under.quote)
        duty = group.duty or Passage(group.section, unstated=True)
        yield Fact(f"{prefix}.duty", FactKind.DUTY, group.id, duty.section, duty.quote)
        for aspect in group.aspects:
            yield Fact(
                aspect_fact_id(group.id, aspect.aspect),
                FactKind.ASPECT_DUTY,
                group.id,
                aspect.section,
                aspect.quote,
                aspect.aspect,
            )
    for common in data.common_duties:
        yield Fact(common_fact_id(common.kind), FactKind.COMMON_DUTY, common.kind, common.section, common.quote)
    for person in data.people:
        for i, title in enumerate(person.titles, 1):
            yield Fact(f"person.{person.id}.title{i}", FactKind.TITLE, person.id, title.section, title.quote)
    for unit in data.units:
        yield Fact(f"unit.{unit.id}", FactKind.UNIT, unit.id, unit.section, unit.quote)
    for requirement in data.requirements:
        yield Fact(
            f"req.{requirement.id}", FactKind.REQUIREMENT, "requirements", requirement.section, requirement.quote
        )


_SENTENCE_END = re.compile(r"(?<=[。；;！？!?])|\n")
_SHORTEST_TEXT = 8
# a heading on a line of its own (一、机构性质和机构设置 / 第三章 工作规则) says what follows, not a fact
_HEADING = re.compile(r"^(?:[一二三四五六七八九十]+、|第[一二三四五六七八九十]+[章节部分])[^，,；;。：:]{0,24}$")


def _text_facts(notice: str, facts: Iterable[Fact]) -> Iterator[Fact]:
    """The notice's sentences no fact quotes, so a question about them (是否议事协调机构, 成员调整报谁批)
    can be answered in the notice's words; their place is the 正文."""
    quoted = [squeeze(f.quote) for f in facts if f.quote]
    seen: set[str] = set()
    for number, sentence in enumerate(s.strip() for s in _SENTENCE_END.split(notice)):
        key = squeeze(sentence)
        if len(key) < _SHORTEST_TEXT or key in seen or _HEADING.match(key) or any(key in q or q in key for q in quoted):
            continue
        seen.add(key)
        yield Fact(f"text.{number}", FactKind.TEXT, "text", "正文", sentence)


def change_fact_id(group_id: str, index: int) -> str:
    return f"group.{group_id}.change.{index}"


def aspect_fact_id(group_id: str, aspect: Aspect) -> str:
    return f"group.{group_id}.{aspect.name.lower()}"


def common_fact_id(kind: str) -> str:
    return f"common.{kind}"


_HOLDER_KINDS = {
    Tier.HEAD: (RoleKind.LEADER, RoleKind.LEADER_UNIT),
    Tier.DEPUTY: (RoleKind.DEPUTY, RoleKind.DEPUTY_UNIT),
    Tier.MEMBER: (RoleKind.MEMBER, RoleKind.MEMBER_UNIT),
    Tier.OTHER: (RoleKind.OTHER, RoleKind.OTHER),
}
_OFFICE_KINDS = {
    Tier.HEAD: RoleKind.OFFICE_DIRECTOR,
    Tier.DEPUTY: RoleKind.OFFICE_DEPUTY_DIRECTOR,
    Tier.MEMBER: RoleKind.OFFICE_MEMBER,
    Tier.OTHER: RoleKind.OFFICE_MEMBER,
}


def _post_holders(data: FactsFile) -> dict[str, Person]:
    """The posts the notice names without a person (指挥长由县委常委、常务副县长担任), as holders that can be
    asked about like people (县应急管理局局长是什么角色); one per distinct post, in the notice's order."""
    holdings = [h for g in data.groups for h in (*g.roles, *(g.office.roles if g.office else ()))]
    texts = list(dict.fromkeys(p for h in holdings for p in h.posts))
    taken = {p.name for p in data.people} | {u.name for u in data.units}
    return {text: Person(f"post.{i}", text, post=True) for i, text in enumerate(texts, 1) if text not in taken}


def _titled_holders(data: FactsFile) -> dict[str, str]:
    """Each post the notice names without a person → the one person it gives that post as a title (none where two or
    none have it)."""
    titled = {
        text: [p.id for p in data.people if any(t.title == text for t in p.titles)] for text in _post_holders(data)
    }
    return {text: ids[0] for text, ids in titled.items() if len(ids) == 1}


def _roles(data: FactsFile) -> dict[str, tuple[Role, ...]]:
    """Who holds which place, derived from the groups so the two can never disagree."""
    roles: dict[str, list[Role]] = {}

    def add(holder: str, group: str, kind: RoleKind, fact: str, label: str) -> None:
        roles.setdefault(holder, []).append(Role(holder, group, kind, fact, label))

    titles = {person.id: person.titles for person in data.people}
    posts = _post_holders(data)
    umbrella = {unit.id for unit in data.units if unit.umbrella}
    for group in data.groups:
        for holding in group.roles:
            fact = holding_fact_id(group.id, holding)
            person_kind, unit_kind = _HOLDER_KINDS[holding.tier]
            for person in holding.persons:
                add(person, group.id, person_kind, fact, holding.label)
            for unit in holding.units:
                add(unit, group.id, unit_kind, fact, holding.label)
            for post in (p for p in holding.posts if p in posts):
                add(posts[post].id, group.id, person_kind, fact, holding.label)
        if group.leader.person:
            for title in titles[group.leader.person]:
                if title.unit is not None and title.unit not in umbrella:
                    add(title.unit, group.id, RoleKind.LEADER_UNIT, f"group.{group.id}.leader", group.leader.role)
        office = group.office
        if office is not None and office.status is OfficeStatus.STATED:
            fact = f"group.{group.id}.office"
            if office.host is not None:
                add(office.host, group.id, RoleKind.OFFICE_HOST, fact, "办公室")
            for holding in office.roles:
                for holder in (*holding.holders, *(posts[p].id for p in holding.posts if p in posts)):
                    add(holder, group.id, _OFFICE_KINDS[holding.tier], fact, f"办公室{holding.role}")
    # 办公室主任由市工业和信息化局局长兼任, and the member table's 郑启明 市工业和信息化局局长: the one person with that
    # title holds the post's places too
    for text, person in _titled_holders(data).items():
        for role in roles.get(posts[text].id, []):
            add(person, role.group, role.kind, role.fact, role.label)
    return {holder: tuple(held) for holder, held in roles.items()}
