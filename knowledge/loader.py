"""Load and validate the knowledge base: ``data/notice.txt`` (the source of truth) and ``data/facts.yaml``.

``load_knowledge`` either returns the whole knowledge base or raises ``KnowledgeError`` naming the
file, the entry and the field; nothing is ever half loaded.
"""

from __future__ import annotations

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
    GroupKind,
    Knowledge,
    Role,
    RoleKind,
)
from knowledge.schema import SchemaError, build

DATA_DIR = Path(__file__).parent / "data"
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


def load_knowledge(data_dir: Path = DATA_DIR) -> Knowledge:
    notice_path, facts_path = data_dir / "notice.txt", data_dir / "facts.yaml"
    notice = read_text(notice_path)
    facts_file = load_file(FactsFile, facts_path)
    try:
        _Checker(facts_file, squeeze(notice)).check()
    except SchemaError as error:
        raise KnowledgeError(f"{facts_path}: {str(error).lstrip('.')}") from None
    facts = {fact.id: fact for fact in _facts(facts_file)}
    return Knowledge(
        notice=notice,
        document={f.id: f for f in facts_file.document},
        groups={g.id: g for g in facts_file.groups},
        common_topic_duty=facts_file.common_topic_duty,
        people={p.id: p for p in facts_file.people},
        units={u.id: u for u in facts_file.units},
        requirements=facts_file.requirements,
        facts=facts,
        roles=_roles(facts_file),
    )


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

    def check(self) -> None:
        for name in ("document", "groups", "people", "units", "requirements"):
            self._unique_ids(name, getattr(self.data, name))
        for i, entry in enumerate(self.data.document):
            where = f"document[{i}] ({entry.id})"
            self._quote(entry.quote, where)
            if squeeze(entry.value) not in self.notice:
                raise SchemaError(f"{where}.value: {entry.value!r} is not in the notice")
        for i, group in enumerate(self.data.groups):
            self._group(group, f"groups[{i}] ({group.id})")
        self._passage(self.data.common_topic_duty, "common_topic_duty")
        for i, person in enumerate(self.data.people):
            for j, title in enumerate(person.titles):
                where = f"people[{i}] ({person.id}).titles[{j}]"
                self._quote(title.quote, where)
                self._ref(self.units, title.unit, f"{where}.unit", "unit")
                if person.name not in title.quote:
                    raise SchemaError(f"{where}.quote: does not name {person.name}")
        for i, unit in enumerate(self.data.units):
            where = f"units[{i}] ({unit.id})"
            self._quote(unit.quote, where)
            if unit.name not in unit.quote:
                raise SchemaError(f"{where}.quote: does not name {unit.name}")
        for i, requirement in enumerate(self.data.requirements):
            self._passage(requirement, f"requirements[{i}] ({requirement.id})")
        self._unique_names()
        kinds = [g.kind for g in self.data.groups]
        if kinds.count(GroupKind.COORDINATION) != 1:
            raise SchemaError("groups: exactly one group must be of kind 协调小组")

    def _group(self, group: Group, where: str) -> None:
        leader = group.leader
        self._passage(leader, f"{where}.leader", value=leader.person)
        if leader.person is not None:
            person = self._ref(self.people, leader.person, f"{where}.leader.person", "person")
            if person.name not in (leader.quote or ""):
                raise SchemaError(f"{where}.leader.quote: does not name {person.name}")
        self._passage(group.duty, f"{where}.duty")
        if group.deputies is not None:
            deputies = group.deputies
            self._passage(deputies, f"{where}.deputies", value=deputies.persons or deputies.units or None)
            for kind, table, ids in (("person", self.people, deputies.persons), ("unit", self.units, deputies.units)):
                for ref in ids:
                    named = self._ref(table, ref, f"{where}.deputies.{kind}s", kind)
                    if named.name not in (deputies.quote or ""):
                        raise SchemaError(f"{where}.deputies.quote: does not name {named.name}")
        if group.kind is GroupKind.TOPIC:
            if group.deputies is None:
                raise SchemaError(f"{where}.deputies: a 专题组 needs deputies (or unstated: true)")
            if sorted(a.aspect.value for a in group.aspects) != sorted(a.value for a in Aspect):
                raise SchemaError(f"{where}.aspects: a 专题组 lists 放权, 监管 and 服务 once each")
        elif group.aspects:
            raise SchemaError(f"{where}.aspects: only a 专题组 has duties by aspect")
        for j, aspect in enumerate(group.aspects):
            self._passage(aspect, f"{where}.aspects[{j}]")
        if group.members is not None:
            self._passage(group.members, f"{where}.members")
        if (group.office is not None) != (group.kind is GroupKind.COORDINATION):
            raise SchemaError(f"{where}.office: the 协调小组, and only it, has an office")
        if group.office is not None:
            office = group.office
            self._quote(office.quote, f"{where}.office")
            self._ref(self.units, office.location, f"{where}.office.location", "unit")
            self._ref(self.people, office.director, f"{where}.office.director", "person")
            self._ref(self.people, office.deputy_director, f"{where}.office.deputy_director", "person")

    def _passage(self, entry: _Citable, where: str, value: object = "") -> None:
        """A fact is either quoted (and then stands in the notice) or unstated (and then empty)."""
        quote = entry.quote
        if entry.unstated:
            if quote is not None or value not in ("", None):
                raise SchemaError(f"{where}: an unstated fact carries no quote and no value")
            return
        if quote is None:
            raise SchemaError(f"{where}: needs a quote, or unstated: true")
        if value is None:
            raise SchemaError(f"{where}: a stated fact needs its value")
        self._quote(quote, where)

    def _quote(self, quote: str, where: str) -> None:
        if squeeze(quote) not in self.notice:
            raise SchemaError(f"{where}.quote: not found in the notice: {quote[:40]!r}")

    @staticmethod
    def _ref(table: dict[str, _Named], ref: str, where: str, kind: str) -> _Named:
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
        if group.office is not None:
            yield Fact(f"{prefix}.office", FactKind.OFFICE, group.id, group.office.section, group.office.quote)
        yield Fact(f"{prefix}.duty", FactKind.DUTY, group.id, group.duty.section, group.duty.quote)
        for duty in group.aspects:
            yield Fact(
                aspect_fact_id(group.id, duty.aspect),
                FactKind.ASPECT_DUTY,
                group.id,
                duty.section,
                duty.quote,
                duty.aspect,
            )
    common = data.common_topic_duty
    yield Fact("common_topic_duty", FactKind.COMMON_DUTY, "topic_groups", common.section, common.quote)
    for person in data.people:
        for i, title in enumerate(person.titles, 1):
            yield Fact(f"person.{person.id}.title{i}", FactKind.TITLE, person.id, title.section, title.quote)
    for unit in data.units:
        yield Fact(f"unit.{unit.id}", FactKind.UNIT, unit.id, unit.section, unit.quote)
    for requirement in data.requirements:
        yield Fact(
            f"req.{requirement.id}", FactKind.REQUIREMENT, "requirements", requirement.section, requirement.quote
        )


def aspect_fact_id(group_id: str, aspect: Aspect) -> str:
    return f"group.{group_id}.{aspect.name.lower()}"


def _roles(data: FactsFile) -> dict[str, tuple[Role, ...]]:
    """Who holds which place, derived from the groups so the two can never disagree."""
    roles: dict[str, list[Role]] = {}

    def add(holder: str, group: str, kind: RoleKind, fact: str) -> None:
        roles.setdefault(holder, []).append(Role(holder, group, kind, fact))

    titles = {person.id: person.titles for person in data.people}
    umbrella = {unit.id for unit in data.units if unit.umbrella}
    for group in data.groups:
        if group.leader.person:
            add(group.leader.person, group.id, RoleKind.LEADER, f"group.{group.id}.leader")
            for title in titles[group.leader.person]:
                if title.unit not in umbrella:
                    add(title.unit, group.id, RoleKind.LEADER_UNIT, f"group.{group.id}.leader")
        if group.deputies is not None:
            for person in group.deputies.persons:
                add(person, group.id, RoleKind.DEPUTY, f"group.{group.id}.deputies")
            for unit in group.deputies.units:
                add(unit, group.id, RoleKind.DEPUTY_UNIT, f"group.{group.id}.deputies")
        if group.office is not None:
            fact = f"group.{group.id}.office"
            add(group.office.location, group.id, RoleKind.OFFICE_HOST, fact)
            add(group.office.director, group.id, RoleKind.OFFICE_DIRECTOR, fact)
            add(group.office.deputy_director, group.id, RoleKind.OFFICE_DEPUTY_DIRECTOR, fact)
    return {holder: tuple(held) for holder, held in roles.items()}
