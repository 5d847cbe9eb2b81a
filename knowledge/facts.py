"""The notice's facts as frozen dataclasses: the shape of ``data/facts.yaml`` and of the loaded knowledge.

Every stated fact carries the notice's own words (``quote``) and where they stand (``section``);
a fact the crawl does not have is ``unstated`` and carries neither a quote nor a value.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field


class GroupKind(enum.Enum):
    COORDINATION = "协调小组"
    TOPIC = "专题组"
    SUPPORT = "保障组"


class Aspect(enum.Enum):
    """The three sides of 放管服 by which a topic group's duties are listed."""

    DELEGATE = "放权"
    REGULATE = "监管"
    SERVE = "服务"


class FactKind(enum.Enum):
    DOCUMENT = "document"
    LEADER = "leader"
    DEPUTIES = "deputies"
    MEMBERS = "members"
    OFFICE = "office"
    DUTY = "duty"
    ASPECT_DUTY = "aspect_duty"
    COMMON_DUTY = "common_duty"
    TITLE = "title"
    UNIT = "unit"
    REQUIREMENT = "requirement"


class RoleKind(enum.Enum):
    LEADER = "组长"
    DEPUTY = "副组长"
    DEPUTY_UNIT = "副组长单位"
    OFFICE_DIRECTOR = "办公室主任"
    OFFICE_DEPUTY_DIRECTOR = "办公室副主任"
    OFFICE_HOST = "办公室所在单位"
    LEADER_UNIT = "组长所在单位"


# --- the shape of data/facts.yaml -------------------------------------------------------------


@dataclass(frozen=True)
class DocumentField:
    id: str
    label: str
    value: str
    quote: str
    section: str


@dataclass(frozen=True)
class Passage:
    """A stretch of the notice that is itself the fact (a duty, a requirement), or unstated."""

    section: str
    quote: str | None = None
    unstated: bool = False


@dataclass(frozen=True)
class AspectDuty:
    aspect: Aspect
    section: str
    quote: str | None = None
    unstated: bool = False


@dataclass(frozen=True)
class Leader:
    section: str
    person: str | None = None
    quote: str | None = None
    unstated: bool = False


@dataclass(frozen=True)
class Deputies:
    section: str
    persons: tuple[str, ...] = ()
    units: tuple[str, ...] = ()
    quote: str | None = None
    unstated: bool = False


@dataclass(frozen=True)
class Office:
    location: str
    director: str
    deputy_director: str
    quote: str
    section: str


@dataclass(frozen=True)
class Group:
    id: str
    name: str
    kind: GroupKind
    section: str
    leader: Leader
    duty: Passage
    full_name: str | None = None
    aliases: tuple[str, ...] = ()
    deputies: Deputies | None = None
    members: Passage | None = None
    office: Office | None = None
    aspects: tuple[AspectDuty, ...] = ()

    def aspect(self, aspect: Aspect) -> AspectDuty | None:
        return next((a for a in self.aspects if a.aspect is aspect), None)


@dataclass(frozen=True)
class Title:
    title: str
    unit: str
    quote: str
    section: str
    aliases: tuple[str, ...] = ()  # how people say the post alone, where only one person holds it


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    titles: tuple[Title, ...]
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Unit:
    id: str
    name: str
    quote: str
    section: str
    aliases: tuple[str, ...] = ()
    umbrella: bool = False


@dataclass(frozen=True)
class Requirement:
    id: str
    section: str
    quote: str | None = None
    unstated: bool = False


@dataclass(frozen=True)
class FactsFile:
    document: tuple[DocumentField, ...]
    groups: tuple[Group, ...]
    common_topic_duty: Passage
    people: tuple[Person, ...]
    units: tuple[Unit, ...]
    requirements: tuple[Requirement, ...]


# --- what the loader derives --------------------------------------------------------------------


@dataclass(frozen=True)
class Fact:
    """One citable fact: what the engine reports in ``facts`` and cites with section and quote."""

    id: str
    kind: FactKind
    subject: str
    section: str
    quote: str | None
    aspect: Aspect | None = None

    @property
    def stated(self) -> bool:
        return self.quote is not None


@dataclass(frozen=True)
class Role:
    """A person or unit holding a place in a group, with the fact that says so."""

    holder: str
    group: str
    kind: RoleKind
    fact: str


@dataclass(frozen=True)
class Knowledge:
    """The whole knowledge base, loaded once and shared read-only."""

    notice: str
    document: dict[str, DocumentField]
    groups: dict[str, Group]
    common_topic_duty: Passage
    people: dict[str, Person]
    units: dict[str, Unit]
    requirements: tuple[Requirement, ...]
    facts: dict[str, Fact]
    roles: dict[str, tuple[Role, ...]] = field(default_factory=dict)

    def roles_of(self, holder: str) -> tuple[Role, ...]:
        return self.roles.get(holder, ())
