"""One question as the intents see it: the text asked, how it was read, and the subjects it is about."""

from __future__ import annotations

from dataclasses import dataclass

from knowledge.matcher import Entity
from knowledge.understand import Query


@dataclass(frozen=True)
class Turn:
    question: str  # as the user typed it (the answer repeats it)
    query: Query  # the question read once
    entities: tuple[Entity, ...]  # its subjects, after resolution and the context policy
    cited: tuple[str, ...] = ()  # the facts the answer before cited (原文怎么说的 / 你确定吗 ask of them)
    relation: tuple[str, ...] = ()  # what the question before asked (its cue values, an item's field asked)
