"""The engine's accuracy on the question tables: tests/questions/<category>.yaml (single questions) and
tests/conversations/*.yaml (turns asked in order, each with the context the previous answers left).

Each case names where it came from (``source``); most were written blind, by someone who had not read
the engine, and each table's first-contact score is in its source. A case the engine still gets wrong
carries ``xfail: <why>`` and runs as a strict xfail, so fixing it is noticed.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from knowledge.answer import UNSTATED, Answer, Context
from knowledge.engine import Engine

HERE = Path(__file__).parent
QUESTIONS = [
    {**case, "key": f"{path.stem}:{case['id']}"}
    for path in sorted((HERE / "questions").glob("*.yaml"))
    for case in yaml.safe_load(path.read_text(encoding="utf-8"))
]
CONVERSATIONS = [
    {**case, "key": f"{path.stem}:{case['id']}"}
    for path in sorted((HERE / "conversations").glob("*.yaml"))
    for case in yaml.safe_load(path.read_text(encoding="utf-8"))
]


def verdict(case: dict, answer: Answer) -> str | None:
    """None when the answer meets the case, else why not (the shared scorer's rules, plus facts)."""
    text = answer.text
    if case.get("none"):
        return None if not answer.answered or UNSTATED in text else "answered an out-of-scope question"
    if case.get("unstated"):
        if UNSTATED not in text:
            return f"does not say {UNSTATED}"
    elif not answer.answered:
        return "declined"
    for item in case.get("must", []):
        if not any(alternative in text for alternative in str(item).split("|")):
            return f"missing {item!r}"
    for item in case.get("forbid", []):
        if str(item) in text:
            return f"contains forbidden {item!r}"
    missing = set(case.get("facts", [])) - set(answer.facts)
    return f"does not cite {sorted(missing)}" if missing else None


def _marks(case: dict) -> list[pytest.MarkDecorator]:
    return [pytest.mark.xfail(reason=case["xfail"], strict=True)] if case.get("xfail") else []


@pytest.mark.parametrize("case", [pytest.param(c, id=c["key"], marks=_marks(c)) for c in QUESTIONS])
def test_question(engine: Engine, case: dict) -> None:
    answer = engine.ask(case["q"])
    assert verdict(case, answer) is None, f"{verdict(case, answer)}; answer: {answer.text}"


@pytest.mark.parametrize("conversation", [pytest.param(c, id=c["key"], marks=_marks(c)) for c in CONVERSATIONS])
def test_conversation(engine: Engine, conversation: dict) -> None:
    context = Context()
    for number, turn in enumerate(conversation["turns"], 1):
        answer = engine.ask(turn["q"], context)
        context = answer.context
        assert verdict(turn, answer) is None, f"turn {number} {turn['q']}: {verdict(turn, answer)}; {answer.text}"


def test_tables_are_large_cover_every_category_and_say_where_each_case_came_from() -> None:
    assert len(QUESTIONS) >= 3000 and len(CONVERSATIONS) >= 50
    categories = {case["cat"] for case in QUESTIONS}
    assert categories >= {"lead", "deputy", "office", "person", "org", "duty", "aspect", "topic", "list"}
    assert categories >= {"doc", "require", "yesno", "multi", "variant", "none", "unstated", "compare"}
    assert all(case.get("source") for case in QUESTIONS)
    assert len({case["key"] for case in QUESTIONS}) == len(QUESTIONS)
    assert len({case["q"] + repr(sorted(case.items())) for case in QUESTIONS}) == len(QUESTIONS)
