"""What a Telegram user sees of an answer (#11): the subject in bold, lists as lines, one citation box,
no clause said twice, a card in labelled lines; and small talk answered. Through the fake Bot API."""

from __future__ import annotations

from fake_bot_api import FakeBotApi, callback_query, text_message
from telegram.ext import Application
from test_bot import PRIVATE, buttons, reply


async def test_an_answer_has_its_subject_in_bold_and_one_citation_box(api: FakeBotApi, bot: Application) -> None:
    (message,) = await reply(api, text_message(PRIVATE, "罗蔺担任哪些职务"))
    text = message["text"]
    assert text.startswith("<b>罗蔺</b>：\n· 市政府副秘书长\n")
    assert text.count("<blockquote") == 1 and text.count("</blockquote>") == 1
    assert "〔一（一）〕" in text and "〔二（一）〕" in text and "〔三（一）〕" in text


async def test_a_list_comes_as_lines_under_one_label(api: FakeBotApi, bot: Application) -> None:
    (message,) = await reply(api, text_message(PRIVATE, "四（一）有哪些要求"))
    text = message["text"]
    assert text.count("有关要求（四（一））") == 1
    assert text.count("\n· ") == 4


async def test_a_clause_the_answer_states_is_not_quoted_again(api: FakeBotApi, bot: Application) -> None:
    (message,) = await reply(api, text_message(PRIVATE, "商事组负责什么"))
    assert message["text"].count("维护公平竞争市场秩序") == 1
    assert "〔二（三）〕“负责牵头深化商事…”" in message["text"]


async def test_a_group_card_has_labelled_lines(api: FakeBotApi, bot: Application) -> None:
    (menu,) = await reply(api, text_message(PRIVATE, "/groups"))
    data = next(b["callback_data"] for b in buttons(menu) if b["text"] == "精简行政审批组")
    api.push_update(callback_query(PRIVATE, data, message_id=1))
    (edit,) = await api.wait_for_calls("editMessageText")  # the menu becomes the card
    message = edit.params
    lines = message["text"].split("\n")
    assert lines[0] == "<b>精简行政审批组</b>"
    for label in ("组长：罗蔺", "副组长单位（5个", "职责：", "放权：", "监管：", "服务："):
        assert any(line.startswith(label) for line in lines), label
    assert message["text"].count("<blockquote") == 1


async def test_a_declined_question_lists_its_suggestions_only_as_buttons(api: FakeBotApi, bot: Application) -> None:
    (message,) = await reply(api, text_message(PRIVATE, "推荐一家火锅店"))
    assert "协调小组组长是谁" not in message["text"]
    assert buttons(message)[0]["text"] == "协调小组组长是谁？"


async def test_a_greeting_gets_a_greeting_and_what_to_ask(api: FakeBotApi, bot: Application) -> None:
    (message,) = await reply(api, text_message(PRIVATE, "你好"))
    assert message["text"].startswith("您好！") and "抱歉" not in message["text"]
    assert buttons(message)


async def test_thanks_keeps_the_follow_up_context(api: FakeBotApi, bot: Application) -> None:
    await reply(api, text_message(PRIVATE, "法治组组长是谁"))
    (thanks,) = await reply(api, text_message(PRIVATE, "谢谢！"))
    assert thanks["text"].startswith("不客气")
    (message,) = await reply(api, text_message(PRIVATE, "那它负责什么"))
    assert "法律审核" in message["text"]


async def test_what_can_you_do_says_what_the_bot_answers(api: FakeBotApi, bot: Application) -> None:
    (message,) = await reply(api, text_message(PRIVATE, "你能做什么？"))
    assert "政务通知问答机器人" in message["text"] and "哪个组" in message["text"]


async def test_introduce_the_notice_summarises_it_from_the_facts(api: FakeBotApi, bot: Application) -> None:
    (message,) = await reply(api, text_message(PRIVATE, "介绍一下这个通知"))
    text = message["text"]
    assert "渝府办发〔2020〕5号" in text and "4个专题组" in text and "3个保障组" in text
    assert "督查组" in text and "〔文号〕" in text


async def test_a_greeting_before_a_question_is_just_framing(api: FakeBotApi, bot: Application) -> None:
    (message,) = await reply(api, text_message(PRIVATE, "你好，请问综合组组长是谁"))
    assert "罗蔺" in message["text"] and "您好！" not in message["text"]
