"""The notice's facts as frozen dataclasses: the shape of ``data/facts.yaml`` and of the loaded knowledge.

Every stated fact carries the notice's own words (``quote``) and where they stand (``section``);
a fact the crawl does not have is ``unstated`` and carries neither a quote nor a value.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, field
from functools import cached_property

# a place a notice's names are of (广东省…, 吐鲁番市…, 开州区…): its stem, and its level
_PLACE_OF = re.compile(r"([\u4e00-\u9fff]{2,4}?)(省|市|县|区)")
# (关于调整市…: 调整 is what the notice does, no place; nor 成立, 设立, 撤销 …)
_NOT_A_STEM = re.compile(r"[省市县区城镇乡国家全各本我这那该其关于和与及]|调整|成立|设立|撤销|建立|组建|印发|更名|增补")


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
    ROLE = "role"
    CHANGE = "change"  # a place's holder changed by the notice (原组长…不再担任, 增补…)
    TEXT = "text"  # a sentence of the notice no other fact quotes (其他事项, 说明): citable as it stands


class RoleKind(enum.Enum):
    LEADER = "组长"
    DEPUTY = "副组长"
    DEPUTY_UNIT = "副组长单位"
    OFFICE_DIRECTOR = "办公室主任"
    OFFICE_DEPUTY_DIRECTOR = "办公室副主任"
    OFFICE_HOST = "办公室所在单位"
    LEADER_UNIT = "组长所在单位"
    MEMBER = "成员"
    MEMBER_UNIT = "成员单位"
    OFFICE_MEMBER = "办公室成员"
    OTHER = "其他职务"


class Tier(enum.Enum):
    """Where a role stands in its group, whatever the notice calls it (组长 / 召集人 / 指挥长 / 主任 …)."""

    HEAD = "head"
    DEPUTY = "deputy"
    MEMBER = "member"
    OTHER = "other"


class OfficeStatus(enum.Enum):
    STATED = "stated"  # the notice sets up an office (办公室设在…)
    NONE = "none"  # the notice says there is none (不设办公室)
    UNSTATED = "unstated"  # the notice (as crawled) does not say


# The words notices use for the places in a group, by tier. A role word not listed is OTHER
# (秘书长, 联络员 …); 常务副组长 and the like are deputies.
ROLE_TIERS: dict[str, Tier] = {
    **dict.fromkeys(
        (
            "组长",
            "第一组长",
            "召集人",
            "总召集人",
            "指挥长",
            "总指挥",
            "主任",
            "主任委员",
            "主席",
            "团长",
            "总队长",
            "专班长",
            "队长",
            "部长",  # a 工作部's (下设7个工作部)
        ),
        Tier.HEAD,
    ),
    **dict.fromkeys(
        (
            "副组长",
            "常务副组长",
            "第一副组长",
            "执行副组长",
            "副召集人",
            "副指挥长",
            "副总指挥",
            "常务副指挥长",
            "第一副指挥长",
            "副主任",
            "常务副主任",
            "副主任委员",
            "常务副主任委员",
            "副主席",
            "副团长",
        ),
        Tier.DEPUTY,
    ),
    **dict.fromkeys(("成员", "委员", "成员单位", "组员"), Tier.MEMBER),
}


# 县级河长（湖长）, 河长, 湖长: the chief a 河长制 notice puts at the head of each river or lake it lists (片长: of a 片区)
_RIVER_CHIEF = re.compile(r"(?:河长|湖长|片长|林长|田长|路长)(?:[（(](?:河长|湖长)[)）])?$")


# a member unit's item of a duty list: 省财政厅：负责…, a row of a table of them (省财政厅 | 负责…), or a sentence of a
# paragraph that runs them together (区公安分局负责组织开展户口整顿工作…。区民政局负责…。)
UNIT_ITEM_HEAD = re.compile(
    r"^[|｜]?[ \t]*([^：:\n。，,|｜]{2,30}?)[ \t]*(?:[：:|｜][ \t\u3000]*|(?=负责))(\S.*?)[ \t]*[|｜]?$"
)


# 常务副组长 / 第一副指挥长 / 执行副组长: the words a deputy place is qualified by, whatever the head's word
DEPUTY_QUALIFIERS = ("常务副", "第一副", "执行副")


def tier_of(role: str) -> Tier:
    if role in ROLE_TIERS:
        return ROLE_TIERS[role]
    if role.startswith(("副", "常务副")):
        return Tier.DEPUTY
    return Tier.HEAD if _RIVER_CHIEF.search(role) else Tier.OTHER


# --- the shape of data/facts.yaml -------------------------------------------------------------


@dataclass(frozen=True)
class DocumentField:
    id: str
    label: str
    value: str
    quote: str
    section: str

    @property
    def says_more(self) -> bool:
        """Whether its quote goes on past 撤销X (撤销X，其工作由Y承担): what becomes of the body is said with it."""
        said = self.label + self.value
        return self.quote.startswith(said) and len(self.quote) > len(said)


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
class Holding:
    """One place in a group as the notice states it: ``组长: 张三 …`` or ``副组长由市发展改革委…担任``.

    ``role`` is the notice's own word; the holders are people, units, or posts the notice names without
    a person (负责住房和城乡建设工作的副市长). Unstated: the crawl lost it.

    A roster may split one role into labelled sub-lists (委员: （一）部门委员 / （二）专家委员（按姓氏笔划为序））:
    each is a holding of its own with the label as ``part`` and what the label says of the list as
    ``note``. ``unread`` are entries of the list the crawl garbled: counted and cited as they stand,
    never read as a name.
    """

    role: str
    section: str
    persons: tuple[str, ...] = ()
    units: tuple[str, ...] = ()
    posts: tuple[str, ...] = ()
    quote: str | None = None
    unstated: bool = False
    part: str | None = None
    note: str | None = None
    unread: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        """The place as the notice calls the holders: the sub-list's label where it has one (专家委员)."""
        return self.part or self.role

    @property
    def tier(self) -> Tier:
        return tier_of(self.role)

    @property
    def holders(self) -> tuple[str, ...]:
        return (*self.persons, *self.units)


@dataclass(frozen=True)
class Leader:
    """The view the engine reads of a group's head (组长, 召集人, 指挥长 …)."""

    section: str
    person: str | None = None
    quote: str | None = None
    unstated: bool = False
    role: str = "组长"
    posts: tuple[str, ...] = ()
    persons: tuple[str, ...] = ()  # every person in the place (组长：陈建国、刘明), ``person`` the first


@dataclass(frozen=True)
class Deputies:
    """The view the engine reads of a group's deputies (副组长 …)."""

    section: str
    persons: tuple[str, ...] = ()
    units: tuple[str, ...] = ()
    quote: str | None = None
    unstated: bool = False
    role: str = "副组长"
    posts: tuple[str, ...] = ()


@dataclass(frozen=True)
class OfficeGroups:
    """The groups a notice sets up under an office (办公室下设4个工作组), by id, with the sentence that says so; each
    is a group of its own whose parent is the office's group."""

    ids: tuple[str, ...]
    quote: str
    section: str


@dataclass(frozen=True)
class Office:
    section: str
    status: OfficeStatus = OfficeStatus.STATED
    host: str | None = None
    roles: tuple[Holding, ...] = ()
    duty: Passage | None = None
    quote: str | None = None
    groups: OfficeGroups | None = None

    @property
    def location(self) -> str | None:
        return self.host

    def _plain(self, tier: Tier) -> tuple[Holding, ...]:
        """The office's 主任 / 副主任 themselves where named so (常务副主任 is a place of its own)."""
        word = "主任" if tier is Tier.HEAD else "副主任"
        own = tuple(h for h in self.roles if h.role == word)
        return own or tuple(h for h in self.roles if h.tier is tier)

    def _person(self, tier: Tier) -> str | None:
        return next((p for h in self._plain(tier) for p in h.persons), None)

    def persons(self, tier: Tier) -> tuple[str, ...]:
        """Everyone in the office's 主任 / 副主任 place (副主任由林秋菊、唐小兵担任: both)."""
        return tuple(dict.fromkeys(p for h in self._plain(tier) for p in h.persons))

    def holders(self, tier: Tier) -> tuple[str, ...]:
        """The posts and units holding a place in the office where it names no person (县应急管理局局长)."""
        return tuple(x for h in self._plain(tier) if not h.persons for x in (*h.posts, *h.units))

    def posts_beside(self, tier: Tier) -> tuple[str, ...]:
        """The posts named beside people for the same place, for no one (副主任由副处长俞可、人事处分管人才工作的副处长担任)."""
        return tuple(x for h in self._plain(tier) if h.persons for x in h.posts)

    @property
    def director(self) -> str | None:
        return self._person(Tier.HEAD)

    @property
    def deputy_director(self) -> str | None:
        return self._person(Tier.DEPUTY)


@dataclass(frozen=True)
class Change:
    """What an adjusting notice says changed in a place (原组长X不再担任组长，由Y接任 / 增补Z为副组长):
    who left it, who took it over, who was added. Who left holds the place no more: never a holder."""

    role: str
    section: str
    quote: str
    former: tuple[str, ...] = ()  # person ids
    successors: tuple[str, ...] = ()
    added: tuple[str, ...] = ()


@dataclass(frozen=True)
class Group:
    id: str
    name: str
    kind: str  # the notice's word: 协调小组, 专题组, 领导小组, 工作专班, 指挥部, 联席会议, 委员会 …
    section: str
    full_name: str | None = None
    aliases: tuple[str, ...] = ()
    parent: str | None = None  # the group this one is set up under
    roles: tuple[Holding, ...] = ()
    duty: Passage | None = None
    aspects: tuple[AspectDuty, ...] = ()
    office: Office | None = None
    changes: tuple[Change, ...] = ()

    def aspect(self, aspect: Aspect) -> AspectDuty | None:
        return next((a for a in self.aspects if a.aspect is aspect), None)

    def holdings(self, tier: Tier) -> tuple[Holding, ...]:
        return tuple(h for h in self.roles if h.tier is tier)

    @cached_property
    def leader(self) -> Leader:
        heads = self.holdings(Tier.HEAD)
        if not heads or all(h.unstated for h in heads):
            section = heads[0].section if heads else self.section
            return Leader(section, unstated=True, role=heads[0].role if heads else "组长")
        head = next(h for h in heads if not h.unstated)
        person = head.persons[0] if head.persons else None
        return Leader(head.section, person, head.quote, role=head.role, posts=head.posts, persons=head.persons)

    @cached_property
    def deputies(self) -> Deputies | None:
        # 副组长 under 组长: the head's own deputies; 常务副主任 beside 副主任 is a place of its own
        held = self.holdings(Tier.DEPUTY)
        # (副组长 under 第一组长 and 组长: the deputies of the plain head's word)
        own = [h for h in held if h.role == f"副{self.leader.role.removeprefix('第一')}"]
        held = tuple(own) if own else held[:1] and tuple(h for h in held if h.role == held[0].role)
        if not held:
            return None
        if all(h.unstated for h in held):
            return Deputies(held[0].section, unstated=True, role=held[0].role)
        stated = [h for h in held if not h.unstated]
        return Deputies(
            stated[0].section,
            tuple(p for h in stated for p in h.persons),
            tuple(u for h in stated for u in h.units),
            "".join(h.quote or "" for h in stated),
            role=stated[0].role,
            posts=tuple(p for h in stated for p in h.posts),
        )

    @cached_property
    def members(self) -> Passage | None:
        held = self.holdings(Tier.MEMBER)
        if not held:
            return None
        if all(h.unstated for h in held):
            return Passage(held[0].section, unstated=True)
        return Passage(held[0].section, "".join(h.quote or "" for h in held if not h.unstated))


@dataclass(frozen=True)
class Title:
    title: str
    quote: str
    section: str
    unit: str | None = None  # the unit the post is in, where the notice names it
    aliases: tuple[str, ...] = ()  # how people say the post alone, where only one person holds it


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    titles: tuple[Title, ...] = ()
    aliases: tuple[str, ...] = ()
    post: bool = False  # a post the notice names without a person (县应急管理局局长); made by the loader


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
    """A working rule or requirement; a numbered item of a rule list (二、工作制度 （二）信息例会制度。每2个月…)
    carries its own heading as ``item`` and the list's as ``heading``, so the list can be counted."""

    id: str
    section: str
    quote: str | None = None
    unstated: bool = False
    item: str | None = None
    heading: str | None = None


@dataclass(frozen=True)
class CommonDuty:
    """A duty every group of one kind shares (各专题组负责…)."""

    kind: str
    section: str
    quote: str


@dataclass(frozen=True)
class FactsFile:
    document: tuple[DocumentField, ...]
    groups: tuple[Group, ...]
    people: tuple[Person, ...] = ()
    units: tuple[Unit, ...] = ()
    requirements: tuple[Requirement, ...] = ()
    common_duties: tuple[CommonDuty, ...] = ()


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
    label: str = ""  # the notice's word for the place (组长, 召集人, 办公室主任 …)


@dataclass(frozen=True)
class Knowledge:
    """The whole knowledge base, loaded once and shared read-only."""

    notice: str
    document: dict[str, DocumentField]
    groups: dict[str, Group]
    common_duties: tuple[CommonDuty, ...]
    people: dict[str, Person]
    units: dict[str, Unit]
    requirements: tuple[Requirement, ...]
    facts: dict[str, Fact]
    roles: dict[str, tuple[Role, ...]] = field(default_factory=dict)

    top: str | None = None  # the group the others are set up under, or a notice's only group
    # 办公室主任由市工业和信息化局局长兼任, and the member table's 郑启明 市工业和信息化局局长: a post named for a place
    # → the one person the notice gives it as a title (never where two or none have it)
    post_holders: dict[str, str] = field(default_factory=dict)

    def roles_of(self, holder: str) -> tuple[Role, ...]:
        return self.roles.get(holder, ())

    def common_duty(self, kind: str) -> CommonDuty | None:
        return next((d for d in self.common_duties if d.kind == kind), None)

    def field(self, field_id: str) -> DocumentField | None:
        return self.document.get(field_id)

    def fields(self, field_id: str) -> list[DocumentField]:
        """A field the notice gives several times (撤销X… 撤销Y…: abolished, abolished2, …), in its order."""
        return [f for f in self.document.values() if re.fullmatch(re.escape(field_id) + r"\d*", f.id)]

    @cached_property
    def unit_items(self) -> dict[str, str]:
        """The requirements that are a member unit's item of a duty list (附件：成员单位职责分工 1. 省财政厅：负责…),
        by requirement id, with the unit's id."""
        names = {n: u.id for u in self.units.values() for n in (u.name, *u.aliases)}  # (one unit a name: loader)
        found = {r.id: UNIT_ITEM_HEAD.match(r.quote) for r in self.requirements if r.quote}
        return {rid: names[m.group(1).strip()] for rid, m in found.items() if m and m.group(1).strip() in names}

    def is_top(self, group_id: str) -> bool:
        return group_id == self.top

    def under_top(self) -> list[Group]:
        """The groups other than the top one, in the notice's order."""
        return [g for g in self.groups.values() if g.id != self.top]

    def kinds(self) -> list[str]:
        """The kinds of the groups under the top one, in the notice's order (专题组, 保障组 …)."""
        return list(self._kinds)

    @cached_property
    def _kinds(self) -> tuple[str, ...]:  # (asked three times a question)
        return tuple(dict.fromkeys(g.kind for g in self.under_top()))

    def _own_names(self) -> list[str]:
        names = [f.value for f in self.document.values() if f.id in ("title", "issuer")]
        return [*names, *(g.full_name or g.name for g in self.groups.values())]

    def places(self) -> frozenset[str]:
        """The places its title, issuer and groups are of, by their stems (广东, 重庆, 开州, 吐鲁番); the words
        before a place run into the match (调整重庆市…), so its last two and three characters."""
        return self._places

    @cached_property
    def _places(self) -> frozenset[str]:  # (asked twice a question)
        stems = {m.group(1) for name in self._own_names() for m in _PLACE_OF.finditer(name)}
        ends = {stem[-size:] for stem in stems for size in (2, 3) if len(stem) >= size}
        return frozenset(s for s in ends if not _NOT_A_STEM.search(s))

    def levels(self) -> frozenset[str]:
        """The levels of government its title, issuer and groups are of (省 for 广东省…, 市 for 重庆市…)."""
        return frozenset(m.group(2) for name in self._own_names() for m in _PLACE_OF.finditer(name))
