"""The question vocabulary (``data/lexicon.yaml``): cue words for what is asked, aspects, fillers."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from pathlib import Path

from knowledge.facts import Aspect
from knowledge.loader import DATA_DIR, KnowledgeError, load_file


class Cue(enum.Enum):
    """What a word in the question signals; the keys of ``cues`` in lexicon.yaml."""

    LEADER = "leader"
    DEPUTY = "deputy"
    MEMBERS = "members"
    OFFICE = "office"
    OFFICE_PLACE = "office_place"
    OFFICE_DEPUTY = "office_deputy"
    OFFICE_DIRECTOR = "office_director"
    DUTY = "duty"
    NAME = "name"
    ROLES = "roles"
    WHICH_GROUP = "which_group"
    COUNT = "count"
    LIST = "list"
    TOPIC_GROUPS = "topic_groups"
    SUPPORT_GROUPS = "support_groups"
    ALL_GROUPS = "all_groups"
    BOTH = "both"
    DIFFERENCE = "difference"
    UNION = "union"
    SUM = "sum"
    SAME = "same"
    COMPARE = "compare"
    COMMON = "common"
    REQUIREMENT = "requirement"
    PROCEDURE = "procedure"
    QUANTITY = "quantity"
    DESCRIBED_GROUP = "described_group"
    MISSING = "missing"
    SUPERLATIVE = "superlative"
    ALSO = "also"
    OTHER_POST = "other_post"
    PRONOUN = "pronoun"
    YES_NO = "yes_no"
    WHEN = "when"
    ELSEWHERE = "elsewhere"
    UNKNOWN_ATTRIBUTE = "unknown_attribute"


@dataclass(frozen=True)
class Related:
    """Templates of follow-up questions offered under an answer."""

    leader: str
    deputies: str
    duty: str
    aspect: str
    roles: str
    unit_roles: str
    office: str


@dataclass(frozen=True)
class Lexicon:
    cues: dict[Cue, tuple[str, ...]]
    document: dict[str, tuple[str, ...]]
    document_words: tuple[str, ...]
    document_actions: tuple[str, ...]
    aspects: dict[Aspect, tuple[str, ...]]
    fillers: tuple[str, ...]
    unit_suffixes: tuple[str, ...]
    surnames: str
    synonyms: dict[str, str]
    related: Related
    suggestions: tuple[str, ...]

    def rewrite(self, text: str) -> str:
        """Colloquial words in the notice's own wording (一把手 → 主要负责人), longest first."""
        for word in sorted(self.synonyms, key=len, reverse=True):
            text = text.replace(word, self.synonyms[word])
        return text

    def words(self) -> set[str]:
        """Every word the lexicon knows, for the segmenter's dictionary."""
        lists = [*self.cues.values(), *self.document.values(), *self.aspects.values()]
        return {w for words in lists for w in words} | set(self.document_words) | set(self.fillers)


def load_lexicon(path: Path = DATA_DIR / "lexicon.yaml") -> Lexicon:
    lexicon = load_file(Lexicon, path)
    missing = [cue.value for cue in Cue if not lexicon.cues.get(cue)]
    if missing:
        raise KnowledgeError(f"{path}: cues: missing words for {', '.join(missing)}")
    return lexicon
