"""Hostile input to the engine, the CLI and the bot: sensible replies or silence, never a crash."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fake_bot_api import (
    FakeBotApi,
    callback_query,
    channel_post,
    inline_query,
    location_message,
    photo_message,
    sticker_message,
    text_message,
    voice_message,
)
from harness import run_cli
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from telegram.ext import Application

from knowledge.answer import Answer, Context
from knowledge.engine import Engine
from knowledge.loader import squeeze
from knowledge.matcher import Entity, EntityKind
from knowledge.policy import POLICY

ROOT = Path(__file__).resolve().parents[1]
HOSTILE = [
    "",
    "   \t  ",
    "罗" * 20_000,
    "😀🎉🔥" * 50,
    "\u200b\u200c\u200d\ufeff",
    "\x00\x01\x07\x1b[31m",
    "\u202e\u202d罗蔺\u2066是谁\u2069",
    "<script>alert('x')</script>",
    "&amp; &lt; & <b>",
    "**法治组** _组长_ [链接](http://x) `code` ~~删~~",
    "{name} {{7*7}} ${HOME} %s %(x)s",
    "مرحبا من هو رئيس المجموعة",
    "Кто руководитель группы?",
    "ｶﾀｶﾅﾃﾞｽ",
    "𠀀𠀁𪚥𫝀",
    "\u2028\u2029\x85",
    "/" * 300,
]


APOLOGY = "回答这个问题时出了错"


def well_formed(answer: Answer, engine: Engine) -> None:
    notice = squeeze(engine.kb.notice)
    assert isinstance(answer.answered, bool)
    assert answer.text.strip()
    assert all(fact in engine.kb.facts for fact in answer.facts)
    assert all(squeeze(citation.quote) in notice for citation in answer.citations)
    assert len(answer.suggestions) <= engine.config.max_suggestions
    assert APOLOGY not in answer.text  # answered, not a failure caught and apologised for
    assert 0.0 <= answer.confidence <= 1.0
    json.dumps(answer.as_json(), ensure_ascii=False)


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_text_gets_a_well_formed_answer_and_the_next_question_works(engine: Engine, text: str) -> None:
    well_formed(engine.ask(text), engine)
    assert "张德宽" in engine.ask("法治组组长是谁").text


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=300), follow_up=st.booleans())
def test_the_engine_never_raises_on_arbitrary_unicode(engine: Engine, text: str, follow_up: bool) -> None:
    context = Context((Entity(EntityKind.GROUP, "legal"),)) if follow_up else None
    well_formed(engine.ask(text, context), engine)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    parts=st.lists(
        st.sampled_from(["法治组", "罗蔺", "吗", "谁", "和", "副组长", "服务", "证照分离", "？", " "]), max_size=12
    )
)
def test_the_engine_never_raises_on_mixtures_of_its_own_words(engine: Engine, parts: list[str]) -> None:
    well_formed(engine.ask("".join(parts)), engine)


TURNS = [
    "市大数据发展局在哪些组",
    "组长是谁",
    "那它负责什么呢",
    "他也是副组长吗",
    "监管方面呢",
    "一共几个",
    "那商事组呢",
    "这个单位还参加了哪个组",
    "罗蔺担任哪些职务",
    "有哪些专题组",
    "分别是哪些",
    "明天下雨吗",
    "改善社会服务组组长是谁",
    "它是专题组还是保障组",
    "协调小组办公室主任是谁",
    "luo lin shi shei",
    "不对，我问的是法治组",
]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(conversation=st.lists(st.sampled_from(TURNS), min_size=2, max_size=6))
def test_conversations_of_any_order_never_fail(engine: Engine, conversation: list[str]) -> None:
    context = Context()
    for question in conversation:
        answer = engine.ask(question, context)
        well_formed(answer, engine)
        context = answer.context


def test_a_failure_while_answering_is_an_apology_for_that_question_only(
    engine: Engine, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(turn: object, tools: object) -> None:
        raise ValueError("max() arg is an empty sequence")

    monkeypatch.setattr("knowledge.engine.POLICY", (broken, *POLICY))
    answer = engine.ask("法治组组长是谁")
    assert not answer.answered and APOLOGY in answer.text
    assert "answering failed" in caplog.text and "ValueError" in caplog.text
    monkeypatch.undo()
    assert "张德宽" in engine.ask("法治组组长是谁").text


def test_ask_json_prints_exactly_one_object_per_hostile_line() -> None:
    lines = [line for line in HOSTILE if "\n" not in line] + ["罗蔺\r是谁", "法治组组长是谁"]
    result = run_cli(["ask", "--json"], stdin="\n".join(lines) + "\n")
    assert result.returncode == 0, result.stderr
    replies = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(replies) == len(lines)
    assert [r["question"] for r in replies] == lines
    assert "张德宽" in replies[-1]["answer"]


PRIVATE = 5151


async def test_hostile_updates_get_sensible_replies_and_the_bot_keeps_answering(
    api: FakeBotApi, bot: Application
) -> None:
    hostile = [text_message(PRIVATE, text) for text in HOSTILE if text.strip() and not text.startswith("/")]
    media = [sticker_message(PRIVATE), photo_message(PRIVATE), voice_message(PRIVATE), location_message(PRIVATE)]
    for update in [*hostile, *media]:
        api.push_update(update)
    api.push_update(text_message(PRIVATE, "法治组组长是谁"))
    expected = len(hostile) + len(media) + 1
    await api.wait_for(lambda a: len(a.sent_messages()) >= expected, timeout=30)
    sent = api.sent_messages()
    assert len(sent) == expected
    assert all(len(m["text"]) <= 4096 for m in sent)
    assert sum("我只能回答文字问题" in m["text"] for m in sent) == len(media)
    assert "张德宽" in sent[-1]["text"]
    assert not [call for call in api.calls() if not call.ok]


async def test_unknown_callbacks_long_inline_queries_and_channel_posts_are_handled(
    api: FakeBotApi, bot: Application
) -> None:
    forged = ("", "a:", "g:nope", "g:0:nope", "g:9:legal", "gm:9", "gm:x", "c:9", "c:", "x" * 64, "a:" + "<b>&</b>")
    for data in forged:
        api.push_update(callback_query(PRIVATE, data, message_id=1))
    api.push_update(inline_query("罗" * 300 + "<i>"))
    api.push_update(channel_post(-1009999, "@zhengwu_test_bot 法治组组长是谁"))
    api.push_update(text_message(PRIVATE, "法治组组长是谁"))
    await api.wait_for(lambda a: any("张德宽" in m["text"] for m in a.sent_messages()), timeout=30)
    assert len(api.calls("answerCallbackQuery")) == len(forged)
    assert len(api.calls("answerInlineQuery")) == 1
    assert not api.sent_messages(-1009999)  # channels are not answered
    assert not [call for call in api.calls() if not call.ok]
