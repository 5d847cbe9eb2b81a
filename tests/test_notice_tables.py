"""Any notice, measured: the blind question tables of tests/notices/ asked of the notices in
../shared/notices and of the invented ones in tests/notices/texts (written by someone who never saw the code,
to stand in for held-out notices), each ingested with no hand edit (``python -m knowledge ingest``), alone and
all together.

Each table is named like its notice; ``-conv`` tables are conversations. Cases the bot still gets wrong
carry ``xfail: <why>`` and run as strict xfails, so a fix is noticed. Without ../shared beside the
repository the tables are skipped.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from test_questions import verdict

from knowledge.answer import Context
from knowledge.ingest import ingest
from knowledge.library import Library
from knowledge.loader import BUNDLED

HERE = Path(__file__).parent
NOTICES = HERE.parent.parent / "shared" / "notices"
INVENTED = HERE / "notices" / "texts"
needs_notices = pytest.mark.skipif(not NOTICES.is_dir(), reason="../shared/notices is not beside the repository")


def _cases(conversations: bool) -> list[dict]:
    cases = []
    for path in sorted((HERE / "notices").glob("*.yaml")):
        if path.stem.endswith("-conv") != conversations:
            continue
        notice = path.stem.removesuffix("-conv")
        for case in yaml.safe_load(path.read_text(encoding="utf-8")):
            cases.append({**case, "notice": notice, "key": f"{path.stem}:{case['id']}"})
    return cases


QUESTIONS, CONVERSATIONS = _cases(False), _cases(True)


def _marks(case: dict) -> list[pytest.MarkDecorator]:
    return [pytest.mark.xfail(reason=case["xfail"], strict=True)] if case.get("xfail") else []


@pytest.fixture(scope="session")
def ingested(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every shared notice ingested once, by directory name."""
    root = tmp_path_factory.mktemp("ingested")
    dirs = {}
    for path in sorted([*NOTICES.glob("*.txt"), *INVENTED.glob("*.txt")]):
        ingest(path.read_text(encoding="utf-8"), root / path.stem)
        dirs[path.stem] = root / path.stem
    return dirs


@pytest.fixture(scope="session")
def alone(ingested: dict[str, Path]) -> dict[str, Library]:
    return {name: Library.build([path]) for name, path in ingested.items()}


@pytest.fixture(scope="session")
def together(ingested: dict[str, Path]) -> Library:
    return Library.build([BUNDLED, *ingested.values()])


@needs_notices
@pytest.mark.parametrize("case", [pytest.param(c, id=c["key"], marks=_marks(c)) for c in QUESTIONS])
def test_notice_question(alone: dict[str, Library], case: dict) -> None:
    answer = alone[case["notice"]].ask(case["q"])
    assert verdict(case, answer) is None, f"{verdict(case, answer)}; answer: {answer.text}"


@needs_notices
@pytest.mark.parametrize("conversation", [pytest.param(c, id=c["key"], marks=_marks(c)) for c in CONVERSATIONS])
def test_notice_conversation(alone: dict[str, Library], conversation: dict) -> None:
    library, context = alone[conversation["notice"]], Context()
    for number, turn in enumerate(conversation["turns"], 1):
        answer = library.ask(turn["q"], context)
        context = answer.context
        assert verdict(turn, answer) is None, f"turn {number} {turn['q']}: {verdict(turn, answer)}; {answer.text}"


NAMED = [c for c in QUESTIONS if c.get("names_notice") or c.get("cat") == "named"]


def _together_marks(case: dict) -> list[pytest.MarkDecorator]:
    why = case.get("xfail_together")
    return [pytest.mark.xfail(reason=why, strict=True)] if why else []


@needs_notices
@pytest.mark.parametrize("case", [pytest.param(c, id=c["key"], marks=_together_marks(c)) for c in NAMED])
def test_a_question_naming_its_notice_is_answered_with_every_notice_loaded(together: Library, case: dict) -> None:
    answer = together.ask(case["q"])
    assert verdict(case, answer) is None, f"{verdict(case, answer)}; answer: {answer.text}"


@needs_notices
def test_a_question_naming_no_notice_asks_which_with_every_notice_loaded(together: Library) -> None:
    answer = together.ask("组长是谁")
    assert not answer.answered and "哪份通知" in answer.text
    assert len(answer.suggestions) == len(together.notices)


def test_the_tables_cover_at_least_ten_notices_and_say_where_each_case_came_from() -> None:
    assert len({c["notice"] for c in QUESTIONS}) >= 10 and len(QUESTIONS) >= 500 and len(CONVERSATIONS) >= 50
    assert all(c.get("source") for c in QUESTIONS + CONVERSATIONS)
    assert len({c["key"] for c in QUESTIONS + CONVERSATIONS}) == len(QUESTIONS) + len(CONVERSATIONS)
