"""Find the groups, people and units a question names: exactly, by abbreviation, with typos.

Three passes over the normalised question, each only where the earlier ones found nothing:
1. exact names, aliases and titles (longest first, so 市市场监管局 beats 市场监管局 and
   市科技局局长 beats 市科技局);
2. a group's stem followed by 组 with at most a demonstrative between (法治那组, 商事这个组);
3. fuzzy: people by pinyin (罗林 → 罗蔺, 许宏斌 → 许洪斌: same sounds, one character shared at
   least), longer names by rapidfuzz's partial ratio (深化商事制度组 → 深化商事制度改革组).
A fuzzy span whose two best entities score within a margin is reported as ambiguous, so the engine
asks back instead of guessing.
"""

from __future__ import annotations

import enum
import math
import os
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import cache
from itertools import product
from operator import itemgetter

from rapidfuzz import fuzz, process

from knowledge.abbreviations import (
    OFFICE_WORDS,
    bare_post,
    group_short_forms,
    kind_short_forms,
    owner_end,
    person_addresses,
    title_short_forms,
    unit_forms,
    unit_short_forms,
)
from knowledge.facts import ROLE_TIERS, Knowledge
from knowledge.normalize import is_cjk

# pypinyin's phrase dictionary (~50 MB, 0.15 s) is only for whole words; we compare single
# characters, so its documented switches keep it, and a copy of the character table, unloaded.
os.environ.setdefault("PYPINYIN_NO_PHRASES", "1")
os.environ.setdefault("PYPINYIN_NO_DICT_COPY", "1")
from pypinyin import Style, lazy_pinyin, pinyin

_FUZZY_MIN_LENGTH = 4
_COMMON_CHARACTER = 30  # standing in more names than this, a character does not anchor a sound match
_STEM_GAP = "(?:[的那这个一小]|专题|保障){0,4}"
_READINGS_LISTED = 16  # ways a name may be read, listed whole up to this many


class EntityKind(enum.Enum):
    __hash__ = object.__hash__  # by identity, in C (an Entity's hash is its kind's): see Cue
    GROUP = "group"
    PERSON = "person"
    UNIT = "unit"


_SHORT_FORM = 4  # characters of a short form a misspelt full name around it may replace
LEVELS = "省市县区镇"  # the level a short name may start with (市安委会)


@dataclass(frozen=True)
class Entity:
    kind: EntityKind
    id: str


@dataclass(frozen=True)
class Mention:
    entity: Entity
    start: int
    end: int
    score: float
    via_title: str | None = None  # the title that named the person (市科技局局长)
    rivals: tuple[Entity, ...] = ()  # other entities as likely as this one: ambiguous


# A name heard: its entity, the name, the title it is (or None), its readings, the index of its shared character.
_Heard = tuple[Entity, str, str | None, list[frozenset[str]], int]


@dataclass(frozen=True)
class MatcherConfig:
    fuzzy_floor: float
    margin: float


class EntityMatcher:
    def __init__(self, kb: Knowledge, config: MatcherConfig) -> None:
        self.config = config
        self.surfaces: dict[str, tuple[Entity, str | None]] = {}
        for group in kb.groups.values():
            for surface in (group.name, group.full_name, *group.aliases):
                if surface:
                    self.surfaces[surface] = (Entity(EntityKind.GROUP, group.id), None)
        for group in kb.groups.values():  # 安委会 for the notice's own 市安委会 (以下简称…), its level left off
            for alias in group.aliases:
                if alias[:1] in LEVELS and len(alias) == 4:
                    self.surfaces.setdefault(alias[1:], (Entity(EntityKind.GROUP, group.id), None))
        for unit in kb.units.values():
            for surface in (unit.name, *unit.aliases):
                self.surfaces[surface] = (Entity(EntityKind.UNIT, unit.id), None)
        # A title two people hold (省政府副秘书长 宫志远, 王贞军) names them both: one mention each.
        self._holders: dict[str, tuple[Entity, ...]] = {}
        for person_id, title in _title_surfaces(kb):
            self.surfaces.setdefault(title, (Entity(EntityKind.PERSON, person_id), title))
            if not bare_post(title):  # 局长 alone (…党组副书记、局长) is each holder's own unit's
                holder = Entity(EntityKind.PERSON, person_id)
                self._holders[title] = tuple(dict.fromkeys((*self._holders.get(title, ()), holder)))
        for person in kb.people.values():
            for surface in (person.name, *person.aliases):
                self.surfaces[surface] = (Entity(EntityKind.PERSON, person.id), None)
        # Short forms derived from the names (精简组, 唐局长); one that fits several entities names
        # the first and keeps the others as rivals, so the engine asks which.
        self._rivals: dict[str, tuple[Entity, ...]] = {}
        # A short form of a title (副秘书长 of 市政府副秘书长) names its holder through that title, as the
        # whole title does: 欧顺清是副秘书长吗 is a claim against 罗蔺's title, not a question about both.
        derived = [
            *((form, EntityKind.GROUP, ids, None) for form, ids in group_short_forms(kb, set(self.surfaces)).items()),
            *((form, EntityKind.PERSON, ids, None) for form, ids in person_addresses(kb, set(self.surfaces)).items()),
            *((form, EntityKind.UNIT, ids, None) for form, ids in unit_short_forms(kb, set(self.surfaces)).items()),
            *((form, EntityKind.PERSON, ids, form) for form, ids in title_short_forms(kb, set(self.surfaces)).items()),
        ]
        derived_forms = {form for form, _, _, _ in derived}  # matched exactly only: too short to bend
        for form, kind, ids, title in derived:
            self.surfaces[form] = (Entity(kind, ids[0]), title)
            if len(ids) > 1:
                self._rivals[form] = tuple(Entity(kind, i) for i in ids[1:])
        ordered = sorted(self.surfaces, key=len, reverse=True)
        self._exact = re.compile("|".join(map(re.escape, ordered)))
        stems = {
            surface[:-1]: entity
            for surface, (entity, _) in self.surfaces.items()
            if entity.kind is EntityKind.GROUP
            and surface.endswith("组")
            and len(surface) >= 3
            and surface not in self._rivals
        }
        self._stems = stems
        alternatives = "|".join(map(re.escape, sorted(stems, key=len, reverse=True))) or "(?!)"  # none: never
        self._stem = re.compile(f"({alternatives}){_STEM_GAP}组")
        # Each character of each name and alias, so only windows sharing a character are compared.
        self._by_char: dict[str, list[_Heard]] = {}
        people = {p.name for p in kb.people.values()}
        # Two characters are enough for a person (罗蔺), too few for anything else (市委 would catch
        # the 市卫 of 市卫生健康委, 人行 would catch 人形).
        heard = [
            (s, e, t)
            for s, (e, t) in self.surfaces.items()
            if len(s) >= (2 if s in people else 3) and s not in derived_forms
        ]
        # A shared character anchors the comparison; 市, 组, 局 … stand in too many names to be worth it.
        common = {ch for ch, n in Counter(ch for s, _, _ in heard for ch in set(s)).items() if n > _COMMON_CHARACTER}
        for surface, entity, title in heard:
            anchors = [(i, ch) for i, ch in enumerate(surface) if ch not in common] or list(enumerate(surface))
            for index, ch in anchors:
                self._by_char.setdefault(ch, []).append((entity, surface, title, sounds(surface), index))
        self._posts = {p.name for p in kb.people.values() if p.post}  # posts no one is named for
        # The same by the reading of the character beside the shared one too (side +1 or -1), each with its
        # place in its character's list: a window is compared only with names that sound alike there.
        # With them, every way the name may be read, where there are few (a window sounds like it when its
        # usual readings are one of those).
        self._by_char_and_sound: dict[tuple[str, int, str], list[tuple[int, _Heard, frozenset | None]]] = {}
        listed: dict[str, frozenset | None] = {}  # (one set a name, whatever characters it is under)
        for ch, names in self._by_char.items():
            for order, heard_name in enumerate(names):
                _, surface, _, name_sounds, index = heard_name
                side = 1 if index == 0 else -1
                if surface not in listed:
                    ways = math.prod(map(len, name_sounds))
                    listed[surface] = frozenset(product(*name_sounds)) if ways <= _READINGS_LISTED else None
                readings = listed[surface]
                for reading in name_sounds[index + side]:
                    entry = (order, heard_name, readings)
                    self._by_char_and_sound.setdefault((ch, side, reading), []).append(entry)
        self._long = [
            (s, e)
            for s, (e, title) in self.surfaces.items()
            if len(s) >= _FUZZY_MIN_LENGTH and not title and s not in derived_forms
        ]
        self._long_by_end: dict[str, list[int]] = {}  # the long names' places in _long by their last character
        for number, (surface, _) in enumerate(self._long):
            self._long_by_end.setdefault(surface[-1], []).append(number)
        # partial_ratio is 2 * (characters in common) / (the shorter's length + its window's), the window no
        # longer than the common characters: reaching the floor f takes f / (2 - f) of the shorter in common
        floor = config.fuzzy_floor / 100
        self._share_needed = floor / (2 - floor) - 1e-6
        self._long_ends = frozenset(self._long_by_end)
        # each long name's characters as bits (None where it repeats one: then they are counted), and how many
        # it must share with a longer text
        self._character_bits = {ch: 1 << bit for bit, ch in enumerate(sorted({c for s, _ in self._long for c in s}))}
        self._long_characters = [
            (
                sum(self._character_bits[c] for c in set(s)) if len(set(s)) == len(s) else None,
                self._share_needed * len(s),
            )
            for s, _ in self._long
        ]
        # Three-character names of people and groups by the character that must be right (the surname,
        # the final 组). Units are left out: one character apart they are often another real unit
        # (民政局, 财政局).
        # Each under its two other forms with one character unknown (张德\0, 张\0宽), people before groups.
        self._three: dict[str, list[tuple[tuple[int, int], str, Entity]]] = {}
        for order, (surface, (entity, title)) in enumerate(self.surfaces.items()):
            if len(surface) == 3 and not title and entity.kind is not EntityKind.UNIT and surface not in derived_forms:
                keep = 0 if entity.kind is EntityKind.PERSON else 2
                for unknown in (i for i in range(3) if i != keep):
                    form = surface[:unknown] + "\0" + surface[unknown + 1 :]
                    self._three.setdefault(form, []).append(((keep, order), surface, entity))
        # whose each group is (恒远能源集团有限公司): words of it before a short form (恒远集团安委会) still name the group
        self.owners = {
            g.id: owner[: owner_end(owner, 2)] for g in kb.groups.values() for owner in [g.full_name or g.name]
        }
        # the notice's kind words said short (专委会 of 专业委员会) are no misspelt name (安委会)
        self.kind_words = frozenset(f for k in kb.kinds() for f in (k, *kind_short_forms(k)))

    def stem_of(self, text: str) -> Entity | None:
        """The entity a short form stands for when typed alone (双创 for 激励创业创新组), if any."""
        return self._stems.get(text)

    def find(self, text: str) -> list[Mention]:
        """Mentions in order of position; overlapping spans resolved in favour of the earlier pass."""
        mentions: list[Mention] = []
        for match in self._exact.finditer(text):
            entity, title = self.surfaces[match.group()]
            if title and text[: match.start()].endswith("副"):
                continue  # 副市长 names no 市长: a deputy's post is another post
            rivals = self._rivals.get(match.group(), ())
            mentions.append(Mention(entity, match.start(), match.end(), 100.0, title, rivals))
        # 王贞军是省政府副秘书长吗 is about 王贞军 alone, whichever holder the title found first
        by_name = {m.entity for m in mentions if m.entity.kind is EntityKind.PERSON and m.via_title is None}
        for mention in list(mentions):
            holders = self._holders.get(mention.via_title or "", ())
            named = [e for e in holders if e in by_name]
            if named:
                mentions[mentions.index(mention)] = replace(mention, entity=named[0])
            else:
                mentions += [replace(mention, entity=e) for e in holders if e != mention.entity]
        masked = mask(text, mentions)
        for match in self._stem.finditer(masked):
            mentions.append(Mention(self._stems[match.group(1)], match.start(), match.end(), 100.0))
        mentions = self._by_sound(text, mentions)
        masked = mask(text, mentions)
        mentions += self._by_spelling(masked)
        masked = mask(text, mentions)
        mentions += self._by_one_character(masked)
        mentions = self._widened(text, mentions)
        return sorted(mentions, key=lambda m: m.start)

    def _widened(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """A short form found inside a misspelt full name (审批组 in 精简政审批组) gives way to the name: the
        name nearly occurs around it, for the same entity."""
        short = [m for m in mentions if m.end - m.start <= _SHORT_FORM and m.entity.kind is EntityKind.GROUP]
        if not short:
            return mentions
        choices = self._spelling_choices(text)
        entities = {m.entity for m in short}
        if not any(entity in entities for _, entity in choices):
            return mentions  # (no name of theirs may nearly occur: the near ones found would be others')
        for near in self._by_spelling(text, choices):
            inside = [
                m
                for m in short
                if m.entity == near.entity
                and near.start <= m.start
                and m.end <= near.end
                and near.end - near.start > m.end - m.start
            ]
            if inside and not any(m not in inside and m.start < near.end and near.start < m.end for m in mentions):
                mentions = [m for m in mentions if m not in inside] + [near]
        return mentions

    def _by_sound(self, text: str, found_before: list[Mention]) -> list[Mention]:
        """Names that sound the same as a window of the question and share a character with it:
        罗林 → 罗蔺, 许宏斌 → 许洪斌, 重庆海观 → 重庆海关, 市四法局 → 市司法局. Longer names first; a
        longer one replaces an exact match inside it (常务付市长 is 常务副市长, not 市长)."""
        found: dict[tuple[int, int], tuple[Entity, str | None]] = {}
        # what was typed is heard in its usual readings (市 is shi, not the rare fu: 市市长 is no 副市长);
        # a name in any of its own (重庆 is chong qing)
        # (one reading each, so a character sounds like a name's where that reading is one of the name's)
        heard = list(map(_usual_reading, text))
        last = len(text) - 1
        for position, ch in enumerate(text):
            if ch not in self._by_char:
                continue
            after = self._by_char_and_sound.get((ch, 1, heard[position + 1]), ()) if position < last else ()
            before = self._by_char_and_sound.get((ch, -1, heard[position - 1]), ()) if position else ()
            # (each list is in its names' order already)
            beside = sorted([*after, *before], key=itemgetter(0)) if after and before else after or before
            for _, (entity, name, title, name_sounds, index), readings in beside:
                start, size = position - index, len(name)
                if start < 0 or start + size > len(text) or (start, size) in found:
                    continue
                if text[start : start + size] == name:  # an exact one the first pass has (most of them)
                    continue
                window = heard[start : start + size]
                if (
                    tuple(window) in readings
                    if readings is not None
                    else all(a in b for a, b in zip(window, name_sounds, strict=True))
                ):
                    found[(start, size)] = (entity, title)
        mentions = list(found_before)
        for (start, size), (entity, title) in sorted(found.items(), key=lambda item: (-item[0][1], item[0][0])):
            end = start + size
            overlapping = [m for m in mentions if m.start < end and start < m.end]
            if all(start <= m.start and m.end <= end and m.end - m.start < size for m in overlapping):
                mentions = [m for m in mentions if m not in overlapping]
                mentions.append(Mention(entity, start, end, 95.0, title))
        return mentions

    def _by_one_character(self, text: str) -> list[Mention]:
        """Three-character names of people and groups with one look-alike character (张德宾 → 张德宽,
        法冶组 → 法治组). A person's surname and a group's final 组 must be right: those are what
        people get right, and what tells one name from another."""
        found: dict[tuple[int, int], list[Entity]] = {}
        three = self._three
        for start in range(len(text) - 2):
            a, b, c = text[start : start + 3]
            candidates = [
                *three.get(f"{a}{b}\0", ()),
                *three.get(f"{a}\0{c}", ()),
                *three.get(f"\0{b}{c}", ()),
            ]  # (most windows: none)
            window = a + b + c
            if not candidates or "|" in window or not all(map(is_cjk, window)) or window in self.kind_words:
                continue
            alike = sorted((order, entity) for order, surface, entity in candidates if surface != window)
            if alike:
                found[(start, 3)] = [entity for _, entity in alike]
        mentions = []
        taken = [False] * len(text)
        for (start, size), entities in sorted(found.items()):
            unique = list(dict.fromkeys(entities))
            if not any(taken[start : start + size]):
                taken[start : start + size] = [True] * size
                mentions.append(Mention(unique[0], start, start + size, 85.0, rivals=tuple(unique[1:])))
        return mentions

    def _spelling_choices(self, text: str) -> list[tuple[str, Entity]]:
        """The long names that may nearly occur in ``text``: those whose last character it has (see
        _by_spelling) and that share enough characters with it to reach the floor."""
        characters = set(text)
        bits = 0
        for ch in characters:
            bits |= self._character_bits.get(ch, 0)
        choices = []
        for number in sorted([i for ch in characters & self._long_ends for i in self._long_by_end[ch]]):
            name = self._long[number][0]
            own, needed = self._long_characters[number]
            shared = (own & bits).bit_count() if own is not None else sum(ch in characters for ch in name)
            if shared >= (needed if len(name) <= len(text) else self._share_needed * len(text)):
                choices.append(self._long[number])
        return choices

    def _by_spelling(self, text: str, choices: list[tuple[str, Entity]] | None = None) -> list[Mention]:
        """Long names and aliases that nearly occur (a character missing, swapped or wrong); ``choices``:
        those compared, when already found."""
        if sum(map(is_cjk, text)) < _FUZZY_MIN_LENGTH - 1:
            return []
        best: dict[Entity, Mention] = {}
        choices = self._spelling_choices(text) if choices is None else choices
        if not choices:
            return []
        near = process.extract(
            text, [c[0] for c in choices], scorer=fuzz.partial_ratio, score_cutoff=self.config.fuzzy_floor, limit=None
        )
        for surface, _, index in near:
            entity = choices[index][1]
            found = fuzz.partial_ratio_alignment(surface, text, score_cutoff=self.config.fuzzy_floor)
            # The last character says what a name is (组, 局, 委, 关): a typo inside a name keeps it,
            # while 知识产权保护 must not be read as 市知识产权局.
            if found is None or text[found.dest_end - 1] != surface[-1]:
                continue
            said = text[found.dest_start : found.dest_end]
            kind = max((k for k in self.kind_words if surface.endswith(k) and said.endswith(k)), key=len, default="")
            if kind and _shared(surface[: -len(kind)], said[: -len(kind)]) * 2 < len(surface) - len(kind):
                continue  # 负责哪个协调小组: the kind word alone, no misspelt 执法协调小组
            if said in OFFICE_WORDS and said != surface:
                continue  # 办公室 said bare is the group's office, never a unit spelt nearly (厅办公室)
            if "办公室" in said and "办公室" not in surface and surface in self._posts:
                continue  # 办公室副主任 is the group's office's place, never the post 县委编办副主任 spelt nearly
            if entity in best and best[entity].score >= found.score:
                continue
            best[entity] = Mention(entity, found.dest_start, found.dest_end, found.score)
        ranked = sorted(best.values(), key=lambda m: -m.score)
        chosen: list[Mention] = []
        for mention in ranked:
            overlapping = [c for c in chosen if c.start < mention.end and mention.start < c.end]
            if not overlapping:
                chosen.append(mention)
                continue
            top = overlapping[0]
            if top.score - mention.score < self.config.margin and mention.entity.kind is top.entity.kind:
                chosen[chosen.index(top)] = Mention(
                    top.entity, top.start, top.end, top.score, rivals=(*top.rivals, mention.entity)
                )
        return chosen


_POST_OF_UNIT = re.compile(r"副?(?:局长|部长|主任|经理|书记|厅长|处长|科长|院长|校长|队长|站长|所长|行长)$")


def _title_surfaces(kb: Knowledge) -> Iterator[tuple[str, str]]:
    """A title as written, with the unit's other names (科技局局长), and its own aliases (市长)."""
    # 办公室主任 as a title alone (of her own unit's office) names the group's office's place, where it has one
    offices = {f"办公室{h.role}" for g in kb.groups.values() if g.office for h in g.office.roles}
    unit_names = [n for u in kb.units.values() for n in (u.name, *u.aliases)]
    # (工信局 of 市工业和信息化局, a unit of the notice: the unit's, never the post 市工业和信息化局局长's)
    unit_said = {f for n in unit_names for f in (n, *unit_forms(n))}
    for person in kb.people.values():
        for title in person.titles:
            if title.title not in ROLE_TIERS and title.title not in offices:  # 主任 alone names a place
                yield person.id, title.title
            yield from ((person.id, alias) for alias in title.aliases)
            if title.unit is not None:
                unit = kb.units[title.unit]
                post = title.title.removeprefix(unit.name)
                yield from ((person.id, alias + post) for alias in unit.aliases)
        post_of = _POST_OF_UNIT.search(person.name) if person.post else None
        if post_of is not None and post_of.start() >= 2:
            # 国家税务总局桐溪县税务局副局长, a post no one is named for: 税务局副局长 / 税务局那个副局长 name it too
            unit_name, post = person.name[: post_of.start()], post_of.group()
            forms = [unit_name, *(f for f in unit_forms(unit_name) if len(f) >= 2)]
            yield from ((person.id, form + post) for form in forms)
            # (县委宣传部派的谁: the unit, named only in the post, is said for its holder)
            yield from (
                (person.id, form) for form in forms if not any(form in u for u in unit_names) and form not in unit_said
            )


def sounds(text: str, usual: bool = False) -> list[frozenset[str]]:
    """Each character's readings without tones; others stand for themselves. Names may take any
    reading (重 is chong or zhong); common words take only the usual one (有 is you, not wei)."""
    return [_sound(ch, usual) for ch in text]


def spoken(word: str) -> list[frozenset[str]]:
    """Each character's reading as the word is said (组长 zu zhang, 是不是 shi bu shi), without tones, heard
    as an input method's fuzzy pinyin hears it."""
    return [frozenset((_heard(reading),)) for reading in lazy_pinyin(word)]


# What many speakers do not tell apart, and input methods' fuzzy pinyin (模糊音) forgives: the nasal finals
# (斌 bin / 兵 bing, 陈 chen / 程 cheng) and the retroflex initials (张 zhang / 藏 zang). A reading is heard in
# its plain form, on both sides of every comparison.
_FUZZY_FINAL = re.compile(r"(?<=[aei])ng$")
_FUZZY_INITIAL = re.compile(r"^([zcs])h")


@cache
def _heard(reading: str) -> str:
    return _FUZZY_INITIAL.sub(r"\1", _FUZZY_FINAL.sub("n", reading))


@cache
def _sound(ch: str, usual: bool) -> frozenset[str]:
    if not is_cjk(ch):
        return frozenset(ch)
    readings = pinyin(ch, style=Style.NORMAL, heteronym=True)[0]
    return frozenset(_heard(r) for r in (readings[:1] if usual else readings))


@cache
def _usual_reading(ch: str) -> str:
    (reading,) = _sound(ch, True)
    return reading


def _shared(name: str, said: str) -> int:
    """How many of a name's characters the words said have."""
    return sum(ch in said for ch in name)


def mask(text: str, mentions: Iterable[Mention]) -> str:
    """The text with the mentions' spans blanked out (|), so words inside names are not read again."""
    chars = list(text)
    for mention in mentions:
        chars[mention.start : mention.end] = "|" * (mention.end - mention.start)
    return "".join(chars)
