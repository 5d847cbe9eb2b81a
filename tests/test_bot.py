"""The Telegram bot end to end: the real Application, over HTTP, against the fake Bot API server."""

from __future__ import annotations

import io
import logging
from dataclasses import replace

import pytest
from fake_bot_api import (
    FakeBotApi,
    callback_query,
    edited_message,
    inline_query,
    sticker_message,
    text_message,
)
from harness import application_for, running
from telegram.ext import Application

from bot.handlers import deep_link_payload
from bot.logs import setup_logging
from knowledge.engine import Engine

PRIVATE = 4242
GROUP = -100777


async def reply(api: FakeBotApi, update: dict, count: int = 1) -> list[dict]:
    """Push an update and wait until ``count`` more messages have been sent."""
    before = len(api.sent_messages())
    api.push_update(update)
    await api.wait_for(lambda a: len(a.sent_messages()) >= before + count)
    return api.sent_messages()[before:]


def buttons(message: dict) -> list[dict]:
    return [button for row in message.get("reply_markup", {}).get("inline_keyboard", []) for button in row]


async def test_private_question_gets_a_cited_answer_with_related_buttons(api: FakeBotApi, bot: Application) -> None:
    (message,) = await reply(api, text_message(PRIVATE, "法治组组长是谁？"))
    assert "张德宽" in message["text"]
    assert message["text"].startswith("<b>法治组</b>组长：张德宽（市司法局局长）。")
    assert message["text"].count("<blockquote") == 1 and "〔三（二）〕“(二)法治组。" in message["text"]
    assert message["parse_mode"] == "HTML"
    related = [b for b in buttons(message) if not b["callback_data"].startswith("f:")]  # 👍/👎: test_question_log
    labels = [b["text"] for b in related]
    assert 1 <= len(labels) <= 3 and "法治组负责什么？" in labels
    assert all(b["callback_data"] == "a:" + b["text"] for b in related)


async def test_a_follow_up_question_uses_the_chats_context(api: FakeBotApi, bot: Application) -> None:
    await reply(api, text_message(PRIVATE, "法治组组长是谁"))
    (message,) = await reply(api, text_message(PRIVATE, "那它负责什么呢"))
    assert "法律审核" in message["text"]


async def test_follow_up_context_is_kept_per_chat(api: FakeBotApi, bot: Application) -> None:
    await reply(api, text_message(PRIVATE, "法治组组长是谁"))
    (other,) = await reply(api, text_message(PRIVATE + 1, "那它负责什么呢"))
    assert "法律审核" not in other["text"]


async def test_a_declined_question_offers_buttons_and_a_tap_answers(api: FakeBotApi, bot: Application) -> None:
    (declined,) = await reply(api, text_message(PRIVATE, "推荐一家火锅店"))
    assert "抱歉" in declined["text"]
    first = buttons(declined)[0]
    (answer,) = await reply(api, callback_query(PRIVATE, first["callback_data"], message_id=1, query_id="tap-1"))
    assert "唐良智" in answer["text"]
    acknowledged = await api.wait_for_calls("answerCallbackQuery")
    assert acknowledged[-1].params["callback_query_id"] == "tap-1"


async def test_a_tapped_suggestion_is_a_question_of_its_own(api: FakeBotApi, bot: Application) -> None:
    await reply(api, text_message(PRIVATE, "法治组组长是谁"))
    (answer,) = await reply(api, callback_query(PRIVATE, "a:组长是谁？", message_id=1, query_id="tap-2"))
    assert "法治组" not in answer["text"] and "张德宽" not in answer["text"]
    assert "协调小组组长" in answer["text"] and "以上是协调小组的" in answer["text"]  # asked afresh


async def test_groups_command_shows_a_keyboard_and_a_tap_shows_the_card(api: FakeBotApi, bot: Application) -> None:
    (menu,) = await reply(api, text_message(PRIVATE, "/groups"))
    assert len([b for b in buttons(menu) if b["callback_data"].startswith("g:")]) == 8
    data = next(b["callback_data"] for b in buttons(menu) if b["text"] == "改善社会服务组")
    api.push_update(callback_query(PRIVATE, data, message_id=2))
    (card,) = await api.wait_for_calls("editMessageText")  # more in tests/test_browse.py
    assert "组长：通知原文未载明。" in card.params["text"]
    assert "异地联网办理" in card.params["text"] and "窗口服务" in card.params["text"]
    await api.wait_for_calls("answerCallbackQuery")


async def test_a_forged_button_is_acknowledged_with_a_notice(api: FakeBotApi, bot: Application) -> None:
    api.push_update(callback_query(PRIVATE, "zz:forged", message_id=3, query_id="forged"))
    (call,) = await api.wait_for_calls("answerCallbackQuery")
    assert call.params["callback_query_id"] == "forged"
    assert call.params["text"] == "这个按钮已失效，请直接输入问题。"
    assert api.sent_messages() == []


async def test_group_chatter_is_ignored_and_a_mention_is_answered_as_a_reply(api: FakeBotApi, bot: Application) -> None:
    api.push_update(text_message(GROUP, "大家今天中午吃什么", message_id=10))
    sent = await reply(api, text_message(GROUP, "@zhengwu_test_bot 法治组组长是谁", message_id=11))
    assert len(sent) == 1  # the chatter before it got nothing: one chat's updates run in order
    assert "张德宽" in sent[0]["text"]
    assert sent[0]["reply_parameters"]["message_id"] == 11


async def test_a_reply_to_the_bot_in_a_group_is_a_question(api: FakeBotApi, bot: Application) -> None:
    update = text_message(GROUP, "综合组呢，组长是谁", message_id=12, reply_to_bot_message_id=5)
    (message,) = await reply(api, update)
    assert "罗蔺" in message["text"]


async def test_a_bare_mention_in_a_group_gets_help(api: FakeBotApi, bot: Application) -> None:
    (message,) = await reply(api, text_message(GROUP, "@zhengwu_test_bot", message_id=13))
    assert "请在 @zhengwu_test_bot 后面写上问题" in message["text"]


async def test_ask_command_works_in_groups(api: FakeBotApi, bot: Application) -> None:
    (message,) = await reply(api, text_message(GROUP, "/ask@zhengwu_test_bot 商事组的组长是谁", message_id=14))
    assert "唐英瑜" in message["text"]


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ("/leader 法治组", "张德宽"),
        ("/duty 商事组 监管", "双随机"),
        ("/duty 综合组", "工作简报"),
        ("/who 罗蔺", "综合组组长"),
        ("/source", "渝府办发〔2020〕5号"),
        ("/leader", "用法：/leader 组名"),
        ("/help", "/groups"),
    ],
)
async def test_commands_answer(api: FakeBotApi, bot: Application, command: str, expected: str) -> None:
    (message,) = await reply(api, text_message(PRIVATE, command))
    assert expected in message["text"]


async def test_start_welcomes_with_featured_questions(api: FakeBotApi, bot: Application) -> None:
    (message,) = await reply(api, text_message(PRIVATE, "/start"))
    assert "政务通知问答机器人" in message["text"]
    assert buttons(message)[0]["text"] == "协调小组组长是谁？"


async def test_a_deep_link_opens_its_question(api: FakeBotApi, bot: Application) -> None:
    payload = deep_link_payload("法治组组长是谁")
    assert payload is not None
    (message,) = await reply(api, text_message(PRIVATE, f"/start {payload}"))
    assert "张德宽" in message["text"]


async def test_inline_query_returns_shareable_cited_answers(api: FakeBotApi, bot: Application) -> None:
    api.push_update(inline_query("法治组组长是谁", query_id="iq-1"))
    (call,) = await api.wait_for_calls("answerInlineQuery")
    results = call.params["results"]
    assert 2 <= len(results) <= 10
    best = results[0]["input_message_content"]["message_text"]
    assert "<b>问：法治组组长是谁</b>" in best and "张德宽" in best and "三（二）" in best
    assert call.params["button"]["start_parameter"] == deep_link_payload("法治组组长是谁")


async def test_an_empty_inline_query_shows_featured_questions(api: FakeBotApi, bot: Application) -> None:
    api.push_update(inline_query("", query_id="iq-2"))
    (call,) = await api.wait_for_calls("answerInlineQuery")
    titles = [result["title"] for result in call.params["results"]]
    assert titles[:2] == ["协调小组组长是谁？", "有哪些专题组和保障组？"]


async def test_an_inline_query_the_notice_cannot_answer_offers_the_private_chat(
    api: FakeBotApi, bot: Application
) -> None:
    api.push_update(inline_query("今天重庆天气怎么样", query_id="iq-4"))
    (call,) = await api.wait_for_calls("answerInlineQuery")
    assert [r["title"] for r in call.params["results"]] == ["通知中没有找到相关内容"]
    assert call.params["button"] == {
        "text": "通知中没有找到答案，点此私聊提问",
        "start_parameter": deep_link_payload("今天重庆天气怎么样"),
    }


async def test_html_in_a_question_is_escaped(api: FakeBotApi, bot: Application) -> None:
    api.push_update(inline_query("<script>alert(1)</script> & 法治组组长是谁", query_id="iq-3"))
    (call,) = await api.wait_for_calls("answerInlineQuery")
    shared = call.params["results"][0]["input_message_content"]["message_text"]
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; 法治组组长是谁" in shared
    assert "<script>" not in shared
    (message,) = await reply(api, text_message(PRIVATE, "<b>罗蔺</b> & <i>"))
    assert "罗蔺" in message["text"] and "<i>" not in message["text"]


async def test_a_sticker_in_a_private_chat_gets_a_hint(api: FakeBotApi, bot: Application) -> None:
    (message,) = await reply(api, sticker_message(PRIVATE))
    assert message["text"] == "我只能回答文字问题，请用文字提问，例如“协调小组组长是谁”。"


async def test_an_edited_question_is_answered_again_in_its_answer(api: FakeBotApi, bot: Application) -> None:
    await reply(api, text_message(PRIVATE, "法治组组长是谁", message_id=20))
    api.push_update(edited_message(PRIVATE, "综合组组长是谁", message_id=20))
    (edit,) = await api.wait_for_calls("editMessageText")
    assert "罗蔺" in edit.params["text"]  # more in tests/test_conversation.py


async def test_command_menus_are_set_for_private_and_group_chats(api: FakeBotApi, bot: Application) -> None:
    calls = await api.wait_for_calls("setMyCommands", 2)
    scopes = {call.params["scope"]["type"]: call.params["commands"] for call in calls}
    assert set(scopes) == {"all_private_chats", "all_group_chats"}
    assert {"command": "ask", "description": "提问，例如 /ask 协调小组组长是谁"} in scopes["all_group_chats"]


async def test_a_long_answer_is_split_without_breaking_html(api: FakeBotApi, engine: Engine) -> None:
    async with running(application_for(api, engine, max_message_chars=60)):
        api.push_update(text_message(PRIVATE, "商事组在放权和监管方面分别做什么"))
        await api.wait_for(lambda a: any(buttons(m) for m in a.sent_messages()))
    sent = api.sent_messages()
    texts = [m["text"] for m in sent]
    assert len(texts) >= 4 and all(len(t) <= 60 for t in texts)
    assert all(t.count("<blockquote") == t.count("</blockquote>") for t in texts)
    assert [bool(buttons(m)) for m in sent] == [False] * (len(sent) - 1) + [True]
    joined = "".join(texts)
    assert "证照分离" in joined and "自由裁量权" in joined and "“双随机、一公开”" in joined


async def test_a_failing_handler_tells_the_user(
    api: FakeBotApi, engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    application = application_for(api, engine)
    application.bot_data["services"] = replace(application.bot_data["services"], engine=None)
    async with running(application):
        (message,) = await reply(api, text_message(PRIVATE, "法治组组长是谁"))
    assert message["text"] == "出错了，请稍后再试。"


async def test_the_token_never_appears_in_debug_logs(api: FakeBotApi, engine: Engine) -> None:
    stream = io.StringIO()
    root = logging.getLogger()
    saved = (root.handlers[:], root.level)
    setup_logging("DEBUG", [api.token], stream=stream)
    try:
        async with running(application_for(api, engine)):
            await reply(api, text_message(PRIVATE, "法治组组长是谁"))
    finally:
        root.handlers[:], _ = saved[0], root.setLevel(saved[1])
    logged = stream.getvalue()
    assert "sendMessage" in logged and "getUpdates" in logged  # DEBUG lines with URLs were written
    assert api.token not in logged and api.token.split(":")[1] not in logged
    assert "[REDACTED]" in logged
