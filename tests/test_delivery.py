"""Scheduling as a user sees it: no chat waits for another's slow answer or backlog, a flood is
refused once, stale messages are not answered, a 429 pauses only its chat, a repeat is answered once."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pytest
from fake_bot_api import FakeBotApi, text_message
from harness import application_for, running

from bot.delivery import PerChatUpdateProcessor
from knowledge.answer import Answer, Context
from knowledge.engine import Engine

SLOW = "慢" * 4000  # a 4,000-character question, made slow on purpose below
GROUP = -100_999


class SlowEngine:
    """The real engine, except that the 4,000-character question blocks until ``release`` is set:
    what a CPU-heavy question does to everything else, without depending on the engine's speed."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.release = threading.Event()
        self.started = threading.Event()

    def ask(self, question: str, context: Context | None = None) -> Answer:
        if question == SLOW:
            self.started.set()
            self.release.wait(timeout=10)
        return self.engine.ask(question, context)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.engine, name)


@pytest.fixture
def slow(engine: Engine) -> Iterator[SlowEngine]:
    proxy = SlowEngine(engine)
    yield proxy
    proxy.release.set()


async def test_a_private_question_is_answered_while_another_chat_waits_for_a_slow_answer(
    api: FakeBotApi, slow: SlowEngine
) -> None:
    async with running(application_for(api, slow)):  # type: ignore[arg-type]
        api.push_update(text_message(1, SLOW))
        await api.wait_for(lambda a: slow.started.is_set())
        api.push_update(text_message(2, "综合组组长是谁"))
        await api.wait_for(lambda a: len(a.sent_messages(2)) == 1)
        assert api.sent_messages(1) == []  # still being answered
        slow.release.set()
        await api.wait_for(lambda a: len(a.sent_messages(1)) == 1)
    assert "罗蔺" in api.sent_messages(2)[0]["text"]


async def test_a_question_over_its_time_budget_gets_a_polite_reply(api: FakeBotApi, slow: SlowEngine) -> None:
    async with running(application_for(api, slow, {"answer_budget": 0.2})):  # type: ignore[arg-type]
        api.push_update(text_message(1, SLOW))
        await api.wait_for(lambda a: len(a.sent_messages(1)) == 1)
        slow.release.set()
        api.push_update(text_message(1, "法治组组长是谁"))
        await api.wait_for(lambda a: len(a.sent_messages(1)) == 2)
    first, second = (m["text"] for m in api.sent_messages(1))
    assert first == "这个问题太复杂，没能及时回答，请换一个简短些的问法。"
    assert "张德宽" in second


async def test_a_group_backlog_holds_one_slot_and_a_private_question_goes_first(
    api: FakeBotApi, engine: Engine
) -> None:
    # One group reply every 10 s, and two slots: were a slot taken before the chat's turn, the
    # group's backlog would hold both and the private question would wait 10 s.
    application = application_for(api, engine, {"concurrent_chats": 2}, group_max_rate=6.0)
    async with running(application):
        for number in range(10):
            api.push_update(text_message(GROUP, f"@zhengwu_test_bot 法治组组长是谁{number}", message_id=number + 1))
        await api.wait_for(lambda a: len(a.sent_messages(GROUP)) == 1)
        api.push_update(text_message(3, "综合组组长是谁"))
        await api.wait_for(lambda a: len(a.sent_messages(3)) == 1, timeout=5)
        assert len(api.sent_messages(GROUP)) == 1  # the group's next reply is still 10 s away
    assert "罗蔺" in api.sent_messages(3)[0]["text"]


async def test_a_flood_from_one_chat_is_refused_once_and_the_rest_answered(api: FakeBotApi, engine: Engine) -> None:
    application = application_for(api, engine, {"max_pending_per_chat": 3})
    processor = application.update_processor
    assert isinstance(processor, PerChatUpdateProcessor)
    async with running(application):
        for number in range(10):
            api.push_update(text_message(4, "法治组组长是谁", message_id=number + 1))
        await api.wait_for(lambda a: len(a.sent_messages(4)) >= 4)
        await processor.wait_idle()
        pending, done = application.bot_data["state"].journal.counts()
    texts = [m["text"] for m in api.sent_messages(4)]
    assert texts.count("您的问题太多，请稍后再问。") == 1
    assert sum("张德宽" in t for t in texts) == 3 and len(texts) == 4
    assert (pending, done) == (0, 10)  # the refused ones are done too: not answered after a restart


async def test_a_message_too_old_to_help_is_not_answered(api: FakeBotApi, engine: Engine) -> None:
    stale = text_message(5, "法治组组长是谁")
    stale["message"]["date"] -= 3600
    async with running(application_for(api, engine)) as application:
        api.push_update(stale)
        api.push_update(text_message(5, "综合组组长是谁"))
        await api.wait_for(lambda a: len(a.sent_messages(5)) == 1)
        await application.update_processor.wait_idle()  # type: ignore[attr-defined]
    (reply,) = api.sent_messages(5)
    assert "罗蔺" in reply["text"]


async def test_a_429_pauses_only_the_chat_it_was_about(api: FakeBotApi, engine: Engine) -> None:
    api.retry_after = 1.5
    api.fail_next("sendMessage", "429")
    async with running(application_for(api, engine)):
        api.push_update(text_message(6, "法治组组长是谁"))
        await api.wait_for(lambda a: any(c.status == 429 for c in a.calls("sendMessage")))
        api.push_update(text_message(7, "综合组组长是谁"))
        await api.wait_for(lambda a: len(a.sent_messages(7)) == 1)
        assert api.sent_messages(6) == []  # chat 6 waits out its 1.5 s; chat 7 did not wait
        await api.wait_for(lambda a: len(a.sent_messages(6)) == 1, timeout=10)


async def test_a_question_and_its_button_keep_the_follow_up_context_in_the_state_database(
    api: FakeBotApi, engine: Engine
) -> None:
    async with running(application_for(api, engine)) as application:
        api.push_update(text_message(8, "法治组组长是谁"))
        await api.wait_for(lambda a: len(a.sent_messages(8)) == 1)
        contexts = application.bot_data["state"].contexts
        assert contexts.get("8") is not None and contexts.count() == 1
        assert not application.chat_data  # nothing per chat kept in memory
