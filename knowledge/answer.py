"""The one answer model every front end renders: plain text, Telegram HTML, inline results, JSON."""

from __future__ import annotations

from dataclasses import dataclass, field

from knowledge.matcher import Entity, EntityKind

UNSTATED = "通知原文未载明"


@dataclass(frozen=True)
class Citation:
    section: str
    quote: str


@dataclass(frozen=True)
class Context:
    """What the previous answer was about, so "那它负责什么呢" can be understood. Passed in, returned."""

    entities: tuple[Entity, ...] = ()

    def to_dict(self) -> dict[str, object]:
        """A JSON-able form, for state kept outside the process (the bot's persisted chat context)."""
        return {"entities": [[e.kind.value, e.id] for e in self.entities]}

    @classmethod
    def from_dict(cls, data: object) -> Context:
        """The inverse of ``to_dict``; anything malformed (an old or foreign record) is an empty context."""
        try:
            entities = tuple(Entity(EntityKind(kind), str(id_)) for kind, id_ in data["entities"])  # type: ignore[index]
        except (KeyError, TypeError, ValueError):
            return cls()
        return cls(entities)


@dataclass(frozen=True)
class Answer:
    question: str
    answered: bool
    text: str
    facts: tuple[str, ...] = ()
    citations: tuple[Citation, ...] = ()
    confidence: float = 0.0
    suggestions: tuple[str, ...] = ()
    context: Context = field(default_factory=Context)

    def as_json(self) -> dict[str, object]:
        """The ``ask --json`` contract: one object per question."""
        return {
            "question": self.question,
            "answered": self.answered,
            "answer": self.text,
            "facts": list(self.facts),
            "citations": [{"section": c.section, "quote": c.quote} for c in self.citations],
            "confidence": round(self.confidence, 3),
            "suggestions": list(self.suggestions),
        }
