"""The one answer model every front end renders: plain text, Telegram HTML, inline results, JSON."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from knowledge.matcher import Entity, EntityKind

UNSTATED = "通知原文未载明"
TURNS_KEPT = 12  # questions of a chat remembered by their place (第一个问题 / 第二题里那个人)


@dataclass(frozen=True)
class Citation:
    section: str
    quote: str


@dataclass(frozen=True)
class Context:
    """What the previous answer was about, so "那它负责什么呢" can be understood. Passed in, returned.

    ``entities``: the answer's subjects (or, when it had none, as a document or list answer, the
    subjects before it: ``carried``); ``mentioned``: everything the question named; ``relation``: the
    cue values it asked (leader, deputy, count, topic_groups …); ``aspects``: 放权 / 监管 / 服务;
    ``groups``: every group whose facts the answer cited; ``people``: the people the answer names, or the
    list it picked one of (第一个 / 其中谁); ``focus``: the ones it names itself; ``listed_groups``: the
    groups it lists, in order (排第二的那个组); ``earlier``: the subjects of the answers before, the most
    recent first (回到前面那个组); ``units``: the units the answer lists, in order (第一个是哪个单位);
    ``cited``: the facts it cited; ``claim``: a yes/no question just judged, its subject left as ``{}``, so
    许洪斌也是吗 asks it of another (唐英瑜是市科技局局长吗 → {}是市科技局局长吗).
    """

    entities: tuple[Entity, ...] = ()
    mentioned: tuple[Entity, ...] = ()
    relation: tuple[str, ...] = ()
    aspects: tuple[str, ...] = ()
    groups: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    focus: tuple[str, ...] = ()
    listed_groups: tuple[str, ...] = ()
    units: tuple[str, ...] = ()
    earlier: tuple[Entity, ...] = ()
    carried: bool = False
    notice: str = ""  # the notice the conversation is about, where several are loaded
    claim: str = ""
    cited: tuple[str, ...] = ()  # the facts the answer cited (原文怎么说的 / 在第几部分 / 你确定吗 ask of them)
    turns: tuple[Context, ...] = ()  # the chat's questions so far, each as its answer left it (第一个问题说的那个)

    def to_dict(self) -> dict[str, object]:
        """A JSON-able form, for state kept outside the process (the bot's persisted chat context)."""
        return {
            "entities": [[e.kind.value, e.id] for e in self.entities],
            "mentioned": [[e.kind.value, e.id] for e in self.mentioned],
            "earlier": [[e.kind.value, e.id] for e in self.earlier],
            **{key: list(getattr(self, key)) for key in _LISTS},
            "carried": self.carried,
            "notice": self.notice,
            "claim": self.claim,
            "turns": [turn.to_dict() for turn in self.turns],
        }

    @classmethod
    def from_dict(cls, data: object) -> Context:
        """The inverse of ``to_dict``; anything malformed (an old or foreign record) is an empty context."""
        if not isinstance(data, dict):
            return cls()
        try:
            entities, mentioned, earlier = (
                tuple(Entity(EntityKind(kind), str(id_)) for kind, id_ in data.get(key, ()))
                for key in ("entities", "mentioned", "earlier")
            )
            lists = {key: tuple(str(v) for v in data.get(key, ())) for key in _LISTS}
        except (TypeError, ValueError):
            return cls()
        notice, claim = str(data.get("notice", "")), str(data.get("claim", ""))
        carried = bool(data.get("carried", False))
        turns = data.get("turns", ())
        kept = tuple(cls.from_dict(turn) for turn in turns) if isinstance(turns, list) else ()
        return cls(
            entities, mentioned, earlier=earlier, carried=carried, notice=notice, claim=claim, turns=kept, **lists
        )

    def after(self, answer: Answer) -> Context:
        """The context an answer leaves, with this chat's questions so far and the answer's own as the last
        (a declined question counts as one, about nothing); the first ``TURNS_KEPT`` are kept."""
        own = answer.context if answer.answered else Context()
        turn = replace(own, turns=(), earlier=())
        return replace(answer.context, turns=(*self.turns, turn)[:TURNS_KEPT])

    def at_turn(self, number: int) -> Context | None:
        """The context as the chat's ``number``-th question (from 1) left it, the questions kept; None
        when the chat has had fewer."""
        if not 0 < number <= len(self.turns):
            return None
        return replace(self.turns[number - 1], turns=self.turns, notice=self.notice)

    def back(self, first: bool, kind: EntityKind | None) -> Context:
        """The context as it was about an earlier subject (回到前面那个组: the latest before this one of that
        kind; 回到最开始: the first), the subjects since then kept as earlier ones."""
        fitting = [e for e in self.earlier if kind is None or e.kind is kind]
        if not fitting:
            return self
        target = fitting[-1] if first else fitting[0]
        rest = tuple(e for e in (*self.entities, *self.earlier) if e != target)
        return Context(entities=(target,), mentioned=(target,), earlier=rest, notice=self.notice)


_LISTS = ("relation", "aspects", "groups", "people", "focus", "listed_groups", "units", "cited")


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
    notice: str = ""  # the notice answered from (its 文号 or title)

    @property
    def outcome(self) -> str:
        """For the question log: ``unstated`` (the notice is silent and nothing cited says more),
        ``answered`` or ``declined`` (a clarifying question and the apology are declines too)."""
        if UNSTATED in self.text and not self.citations:
            return "unstated"
        return "answered" if self.answered else "declined"

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
            "notice": self.notice,
        }
