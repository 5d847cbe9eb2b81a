"""Engine behaviour beyond the question table: normalisation, follow-ups, declines, the answer model."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

import pytest

from knowledge.answer import UNSTATED, Context
from knowledge.engine import Engine
from knowledge.loader import KnowledgeError
from knowledge.matcher import Entity, EntityKind
from knowledge.normalize import normalize
from knowledge.wording import KEYS, load_wording


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("協調小組組長是誰？", "协调小组组长是谁"),
        ("@zhengwu_test_bot 法治组组长是谁", "法治组组长是谁"),
        ("ＡＢＣ　１２３！", "abc 123"),
        ("罗\u200b蔺\u202e是谁", "罗蔺是谁"),
        ("互联网+医疗😀", "互联网+医疗"),
        ("\x00\x07罗蔺\r\n", "罗蔺"),
    ],
)
def test_normalize_reduces_what_users_type_to_one_form(typed: str, expected: str) -> None:
    assert normalize(typed) == expected


def test_normalize_caps_the_length() -> None:
    assert len(normalize("罗" * 20_000, max_chars=200)) == 200


def test_an_answer_cites_the_section_and_the_quote(engine: Engine) -> None:
    answer = engine.ask("法治组组长是谁")
    assert answer.answered
    assert "张德宽" in answer.text
    assert answer.facts == ("group.legal.leader",)
    assert [(c.section, c.quote) for c in answer.citations] == [
        ("三（二）", "(二)法治组。组长由市司法局局长张德宽担任。")
    ]
    assert 0 < answer.confidence <= 1


def test_a_follow_up_uses_the_previous_answers_context(engine: Engine) -> None:
    first = engine.ask("法治组组长是谁")
    follow_up = engine.ask("那它负责什么呢", first.context)
    assert follow_up.answered
    assert "法律审核" in follow_up.text
    assert first.context.entities == (Entity(EntityKind.GROUP, "legal"),)
    assert "leader" in first.context.relation


def test_without_context_a_bare_role_question_answers_the_top_group_and_offers_the_others(engine: Engine) -> None:
    """组长是谁 with nothing before it: the 协调小组's, said to be its, and the groups under it offered."""
    answer = engine.ask("组长是谁")
    assert answer.answered
    assert answer.text.startswith("协调小组组长：唐良智") and "以上是协调小组的" in answer.text
    assert answer.suggestions[:2] == ("精简行政审批组的组长是谁？", "激励创业创新组的组长是谁？")


def test_a_follow_up_cue_does_not_drag_context_into_chatter(engine: Engine) -> None:
    context = engine.ask("法治组组长是谁").context
    assert not engine.ask("今天天气怎么样", context).answered


def test_an_out_of_scope_question_is_declined_with_three_suggestions(engine: Engine) -> None:
    answer = engine.ask("推荐一家火锅店")
    assert not answer.answered
    assert answer.facts == () and answer.citations == ()
    assert len(answer.suggestions) == 3
    assert all(suggestion in answer.text for suggestion in answer.suggestions)


def test_what_the_notice_leaves_out_is_unstated_and_names_nobody(engine: Engine) -> None:
    answer = engine.ask("改善社会服务组组长是谁")
    assert UNSTATED in answer.text
    assert answer.citations == ()
    assert not any(name in answer.text for name in ("罗蔺", "许洪斌", "唐英瑜", "张德宽", "唐良智"))


def test_two_entities_are_answered_in_one_reply(engine: Engine) -> None:
    answer = engine.ask("法治组和综合组的组长分别是谁")
    assert "张德宽" in answer.text and "罗蔺" in answer.text
    assert {"group.legal.leader", "group.general.leader"} <= set(answer.facts)


def test_several_sentences_are_answered_in_turn(engine: Engine) -> None:
    answer = engine.ask("法治组组长是谁？综合组负责什么？")
    assert "张德宽" in answer.text and "工作简报" in answer.text


def test_a_close_tie_between_two_units_asks_back(engine: Engine) -> None:
    answer = engine.ask("市监管局")
    assert not answer.answered
    assert "市市场监管局" in answer.text and "市金融监管局" in answer.text


@pytest.mark.parametrize(
    ("question", "first"),
    [
        ("许洪斌是激励创业创新组组长吗", "是。"),
        ("张德宽是综合组的组长吗", "不是。"),
        ("协调小组下设5个专题组吗", "不是。"),
    ],
)
def test_yes_no_questions_answer_yes_or_no_first(engine: Engine, question: str, first: str) -> None:
    assert engine.ask(question).text.startswith(first)


def test_a_false_yes_no_claim_gives_the_true_fact(engine: Engine) -> None:
    assert "罗蔺" in engine.ask("张德宽是综合组的组长吗").text


def test_suggestions_do_not_repeat_the_question(engine: Engine) -> None:
    answer = engine.ask("法治组的组长是谁？")
    assert "法治组的组长是谁？" not in answer.suggestions
    assert answer.suggestions


@pytest.mark.parametrize("junk", ["", "   ", "😀😀", "\u200b", "？？？", "<script>", "a" * 20_000, "\x00"])
def test_junk_never_raises_and_is_declined(engine: Engine, junk: str) -> None:
    answer = engine.ask(junk)
    assert not answer.answered
    assert answer.suggestions


def test_every_sentence_the_intents_say_is_a_template_in_wording_yaml() -> None:
    used = set()
    for path in (Path(__file__).parents[1] / "knowledge").rglob("*.py"):
        used |= set(re.findall(r'say\(\s*"(\w+)"', path.read_text(encoding="utf-8")))
    assert used and used <= KEYS
    assert set(load_wording().templates) == KEYS


def test_a_wording_file_without_a_template_the_code_uses_does_not_load(tmp_path: Path) -> None:
    path = tmp_path / "wording.yaml"
    path.write_text("templates:\n  apology: 抱歉\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match="missing"):
        load_wording(path)


def test_a_described_duty_the_engine_is_unsure_of_is_offered_not_answered(engine: Engine) -> None:
    answer = engine.ask("送外卖、开网约车这些新型就业的人，给他们配套支持是哪个组")
    assert not answer.answered
    assert "您问的是不是" in answer.text
    assert any("新就业形态" in offer for offer in answer.suggestions)
    offered = engine.ask(next(o for o in answer.suggestions if "新就业形态" in o))
    assert offered.answered and "激励创业创新组" in offered.text


def test_a_piece_of_work_no_group_has_is_said_to_be_unstated(engine: Engine) -> None:
    answer = engine.ask("营商环竟归哪个组管")
    assert not answer.answered and UNSTATED in answer.text


def test_a_declined_question_about_a_known_person_keeps_the_person_for_the_next(engine: Engine) -> None:
    declined = engine.ask("罗蔺的手机号是多少")
    assert not declined.answered
    follow_up = engine.ask("那他是什么职务", declined.context)
    assert follow_up.answered and "市政府副秘书长" in follow_up.text


def test_a_question_of_the_chat_is_found_by_its_place_after_the_context_is_stored(engine: Engine) -> None:
    # the bot keeps a chat's context as JSON between messages: 第一个问的 must survive that
    context = Context()
    for question in ("市公安局是深化商事制度改革组的副组长单位吗", "法治组组长是谁", "今天天气怎么样"):
        context = Context.from_dict(json.loads(json.dumps(engine.ask(question, context).context.to_dict())))
    back = engine.ask("刚才第一个问的那个单位一共在几个组", context)
    assert "市公安局" in back.text and "深化商事制度改革组" in back.text and "张德宽" not in back.text
    third = engine.ask("第三个问题里那个组组长是谁", context)  # the third was declined: about nothing
    assert "张德宽" not in third.text


def test_a_declined_question_about_nothing_keeps_the_context_before(engine: Engine) -> None:
    first = engine.ask("法治组组长是谁")
    chatter = engine.ask("今天天气怎么样", first.context)
    # the subject stays; the chat's questions, counted for 第二个问题, grow by the declined one
    assert replace(chatter.context, turns=()) == replace(first.context, turns=())
    assert len(chatter.context.turns) == len(first.context.turns) + 1
