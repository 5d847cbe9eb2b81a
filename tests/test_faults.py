"""Bot API faults and bursts: every update answered exactly once, within Telegram's limits."""

from __future__ import annotations

import gc
from collections import Counter

from fake_bot_api import FakeBotApi, text_message
from harness import application_for, running

from bot.delivery import PerChatUpdateProcessor
from knowledge.engine import Engine

QUESTIONS = ["法治组组长是谁", "商事组负责什么", "谁负责证照分离改革", "罗蔺担任哪些职务", "文号是什么"]


def push_questions(api: FakeBotApi, chats: int, per_chat: int, first_chat: int = 1) -> None:
    """``per_chat`` numbered questions in each chat, interleaved as a burst would arrive."""
    for round_ in range(per_chat):
        for chat in range(first_chat, first_chat + chats):
            question = QUESTIONS[round_ % len(QUESTIONS)]
            text = question if chat > 0 else f"@zhengwu_test_bot {question}"  # groups: a mention
            api.push_update(text_message(chat, text, message_id=round_ + 1))


def replies_per_chat(api: FakeBotApi) -> Counter[int]:
    return Counter(int(message["chat_id"]) for message in api.sent_messages())


async def test_200_updates_at_a_10_percent_fault_rate_get_200_replies(api: FakeBotApi, engine: Engine) -> None:
    api.set_faults(0.10, ["500", "429", "timeout", "drop"], seed=7)
    push_questions(api, chats=20, per_chat=10)
    application = application_for(api, engine, request_timeout=0.5)  # a held reply times out
    async with running(application):
        await api.wait_for(lambda a: len(a.sent_messages()) >= 200, timeout=120)
    assert sum(api.faults_injected.values()) >= 20
    assert set(api.faults_injected) == {"500", "429", "timeout", "drop"}
    assert len(api.sent_messages()) == 200  # none lost, none twice
    assert replies_per_chat(api) == Counter({chat: 10 for chat in range(1, 21)})


async def test_replies_in_a_chat_keep_the_order_of_its_questions_despite_faults(
    api: FakeBotApi, engine: Engine
) -> None:
    api.set_faults(0.2, ["500", "drop"], methods={"sendMessage"}, seed=3)
    push_questions(api, chats=3, per_chat=5)
    application = application_for(api, engine)
    async with running(application):
        await api.wait_for(lambda a: len(a.sent_messages()) >= 15, timeout=60)
    first_chat = [m["text"] for m in api.sent_messages(1)]
    assert ["张德宽" in first_chat[0], "商事" in first_chat[1], "证照分离" in first_chat[2]] == [True] * 3


async def test_failing_start_up_calls_are_retried_and_the_bot_goes_on(api: FakeBotApi, engine: Engine) -> None:
    api.fail_next("deleteWebhook", "500", times=2)
    api.fail_next("setMyCommands", "drop", times=2)
    api.push_update(text_message(1, "法治组组长是谁"))
    application = application_for(api, engine)
    async with running(application):
        await api.wait_for(lambda a: len(a.sent_messages()) >= 1, timeout=30)
    assert len(api.calls("deleteWebhook", ok_only=True)) == 1
    assert len(api.calls("setMyCommands", ok_only=True)) == 2
    assert "张德宽" in api.sent_messages()[0]["text"]


async def test_a_burst_of_2000_updates_from_200_chats_is_answered_once_each(api: FakeBotApi, engine: Engine) -> None:
    push_questions(api, chats=200, per_chat=10, first_chat=-1_000_200)  # group chats
    telegram = {"overall_max_rate": 1000.0, "group_max_rate": 1000.0, "request_timeout": 5.0}
    application = application_for(api, engine, **telegram)
    processor = application.update_processor
    async with running(application):
        await api.wait_for(lambda a: len(a.sent_messages()) >= 2000, timeout=240)
    assert len(api.sent_messages()) == 2000
    assert set(replies_per_chat(api).values()) == {10}
    assert isinstance(processor, PerChatUpdateProcessor)
    gc.collect()
    assert processor._locks == {} and processor._waiting == {}  # nothing kept per chat after the burst


async def test_replies_respect_the_overall_rate_limit(api: FakeBotApi, engine: Engine) -> None:
    push_questions(api, chats=45, per_chat=2)
    application = application_for(api, engine, overall_max_rate=30.0)
    async with running(application):
        await api.wait_for(lambda a: len(a.sent_messages()) >= 90, timeout=60)
    times = sorted(call.time for call in api.calls("sendMessage", ok_only=True))
    busiest = max(sum(1 for t in times if start <= t < start + 1.0) for start in times)
    assert len(times) == 90 and busiest <= 31  # 31: a window may start and end on a release
