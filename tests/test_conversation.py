"""Edits that edit, context per person in groups, replies that continue from the answer replied to, and
traditional questions answered in traditional: end to end against the fake Bot API."""

from __future__ import annotations

from typing import Any

from fake_bot_api import ApiError, Call, FakeBotApi, callback_query, edited_message, inline_query, text_message
from harness import application_for, running
from telegram.ext import Application

from bot.sent import SentAnswers
from bot.state import Database
from knowledge.answer import Context
from knowledge.engine import Engine
from knowledge.matcher import Entity, EntityKind

PRIVATE = 5151
GROUP = -100888
ALICE, BOB = 71, 72


async def ask(api: FakeBotApi, update: dict[str, Any]) -> Call:
    """Push a question and wait for its (first) answer's sendMessage call."""
    before = len(api.calls("sendMessage", ok_only=True))
    api.push_update(update)
    calls = await api.wait_for_calls("sendMessage", before + 1, ok_only=True)
    return calls[before]


def answer_text(call: Call) -> str:
    return call.params["text"]


def labels(params: dict[str, Any]) -> list[str]:
    rows = params.get("reply_markup", {}).get("inline_keyboard", [])
    return [b["text"] for row in rows for b in row if not b["callback_data"].startswith("f:")]


# --- edits ---------------------------------------------------------------------------------------


async def test_an_edited_question_edits_its_answer_instead_of_sending_another(
    api: FakeBotApi, bot: Application
) -> None:
    first = await ask(api, text_message(PRIVATE, "法治组组长是谁", message_id=300))
    answer_id = first.result["message_id"]
    api.push_update(edited_message(PRIVATE, "综合组组长是谁", message_id=300))
    (edit,) = await api.wait_for_calls("editMessageText")
    assert edit.get_int("message_id") == answer_id and edit.get_int("chat_id") == PRIVATE
    assert "罗蔺" in edit.params["text"] and "张德宽" not in edit.params["text"]
    assert "综合组负责什么？" in labels(edit.params)  # the buttons are the new answer's
    assert len(api.calls("sendMessage")) == 1


async def test_an_edited_question_in_a_group_edits_the_reply_it_got(api: FakeBotApi, bot: Application) -> None:
    first = await ask(api, text_message(GROUP, "@zhengwu_test_bot 法治组组长是谁", message_id=310, user_id=ALICE))
    api.push_update(edited_message(GROUP, "@zhengwu_test_bot 商事组组长是谁", message_id=310, user_id=ALICE))
    (edit,) = await api.wait_for_calls("editMessageText")
    assert edit.get_int("message_id") == first.result["message_id"] and "唐英瑜" in edit.params["text"]


async def test_an_answer_that_can_no_longer_be_edited_is_sent_anew(api: FakeBotApi, bot: Application) -> None:
    await ask(api, text_message(PRIVATE, "法治组组长是谁", message_id=320))

    def too_old(params: dict[str, Any]) -> Any:
        raise ApiError(400, "Bad Request: message can't be edited")

    api.set_handler("editMessageText", too_old)
    again = await ask(api, edited_message(PRIVATE, "综合组组长是谁", message_id=320))
    assert "罗蔺" in answer_text(again)


async def test_an_edit_of_a_question_never_answered_is_answered(api: FakeBotApi, bot: Application) -> None:
    answer = await ask(api, edited_message(PRIVATE, "综合组组长是谁", message_id=330))
    assert "罗蔺" in answer_text(answer) and api.calls("editMessageText") == []


async def test_a_shorter_edited_answer_deletes_the_rest_of_the_longer_one(api: FakeBotApi, engine: Engine) -> None:
    async with running(application_for(api, engine, max_message_chars=60)):
        api.push_update(text_message(PRIVATE, "商事组在放权和监管方面分别做什么", message_id=340))
        await api.wait_for(lambda a: any(labels(m) for m in a.sent_messages()))
        parts = [c.result["message_id"] for c in api.calls("sendMessage", ok_only=True)]
        api.push_update(edited_message(PRIVATE, "法治组组长是谁", message_id=340))
        deleted = await api.wait_for_calls("deleteMessage", len(parts) - 2)
        edits = api.calls("editMessageText")
    assert len(parts) >= 4
    assert [c.get_int("message_id") for c in edits] == parts[: len(edits)]
    assert sorted(c.get_int("message_id") for c in deleted) == parts[len(edits) :]
    assert "张德宽" in "".join(c.params["text"] for c in edits)


# --- context per person, replies -------------------------------------------------------------------


async def test_in_a_group_each_member_follows_up_on_their_own_question(api: FakeBotApi, bot: Application) -> None:
    await ask(api, text_message(GROUP, "@zhengwu_test_bot 法治组组长是谁", message_id=400, user_id=ALICE))
    await ask(api, text_message(GROUP, "@zhengwu_test_bot 商事组组长是谁", message_id=401, user_id=BOB))
    alice = await ask(api, text_message(GROUP, "@zhengwu_test_bot 那它负责什么呢", message_id=402, user_id=ALICE))
    assert "法律审核" in answer_text(alice)  # 法治组's duties, not 商事组's (Bob asked last)
    assert "证照分离" not in answer_text(alice)


async def test_a_reply_to_an_answer_continues_from_its_subject_whoever_replies(
    api: FakeBotApi, bot: Application
) -> None:
    first = await ask(api, text_message(GROUP, "@zhengwu_test_bot 法治组组长是谁", message_id=410, user_id=ALICE))
    await ask(api, text_message(GROUP, "@zhengwu_test_bot 商事组组长是谁", message_id=411, user_id=BOB))
    replied = first.result["message_id"]
    bob = await ask(
        api, text_message(GROUP, "那它负责什么呢", message_id=412, user_id=BOB, reply_to_bot_message_id=replied)
    )
    assert "法律审核" in answer_text(bob)  # the replied-to answer's group, not Bob's own last one


async def test_a_reply_to_a_tapped_suggestions_answer_continues_from_it(api: FakeBotApi, bot: Application) -> None:
    await ask(api, text_message(PRIVATE, "法治组组长是谁", message_id=420))
    tapped = await ask(api, callback_query(PRIVATE, "a:综合组组长是谁？", message_id=1))
    await ask(api, text_message(PRIVATE, "商事组组长是谁", message_id=421))
    follow = await ask(
        api, text_message(PRIVATE, "它负责什么", message_id=422, reply_to_bot_message_id=tapped.result["message_id"])
    )
    assert "工作简报" in answer_text(follow)  # 综合组's duties


def test_answer_messages_are_forgotten_after_the_ttl_and_beyond_the_cap() -> None:
    sent = SentAnswers(Database.open(None), ttl=100, cap=2)
    about = Context((Entity(EntityKind.GROUP, "fazhi"),))
    sent.record("1", 10, [1, 2], about, now=1000)
    sent.record("1", 11, [3], about, now=1050)
    assert sent.answer_to("1", 10, now=1060) == [1, 2] and sent.context_of("1", 3, now=1060) == about
    assert sent.answer_to("1", 10, now=1101) == [] and sent.context_of("1", 1, now=1101) is None
    assert sent.evict(now=1060) == 1 and sent.count() == 2  # the cap: the oldest message went
    assert sent.evict(now=1200) == 2 and sent.count() == 0


# --- traditional in, traditional out ----------------------------------------------------------------


async def test_a_traditional_question_is_answered_in_traditional_quotes_and_buttons_too(
    api: FakeBotApi, bot: Application
) -> None:
    answer = await ask(api, text_message(PRIVATE, "法治組組長是誰？"))
    text = answer_text(answer)
    assert "<b>法治組</b>組長：張德寬（市司法局局長）。" in text
    assert "〔三（二）〕“(二)法治組。" in text  # the quote, converted
    assert "以上引文由通知的簡體原文轉換為繁體。" in text
    assert "法治組負責什麼？" in labels(answer.params)
    assert all(b["callback_data"] == "a:" + b["text"] for b in _buttons(answer.params))


async def test_a_simplified_question_stays_simplified(api: FakeBotApi, bot: Application) -> None:
    answer = await ask(api, text_message(PRIVATE, "法治组组长是谁"))
    assert "张德宽" in answer_text(answer) and "繁体" not in answer_text(answer)


async def test_a_traditional_inline_query_shares_a_traditional_answer(api: FakeBotApi, bot: Application) -> None:
    api.push_update(inline_query("綜合組組長是誰"))
    (call,) = await api.wait_for_calls("answerInlineQuery")
    best = call.params["results"][0]
    assert "羅藺" in best["input_message_content"]["message_text"] and best["title"] == "綜合組組長是誰"


def _buttons(params: dict[str, Any]) -> list[dict[str, Any]]:
    rows = params.get("reply_markup", {}).get("inline_keyboard", [])
    return [b for row in rows for b in row if not b["callback_data"].startswith("f:")]
