"""Inline search as you type (#11): a partial name finds its card, nothing found says so, and the
private-chat button carries the typed question as a deep link answered on /start."""

from __future__ import annotations

import base64

from fake_bot_api import FakeBotApi, inline_query, text_message
from telegram.ext import Application
from test_bot import PRIVATE, reply

from bot.handlers import deep_link_payload


async def inline_titles(api: FakeBotApi, query: str) -> tuple[list[str], dict]:
    before = len(api.calls("answerInlineQuery"))
    api.push_update(inline_query(query, query_id=f"iq-{query}"))
    calls = await api.wait_for_calls("answerInlineQuery", before + 1)
    call = calls[-1]
    return [r["title"] for r in call.params["results"]], call.params


async def test_the_first_characters_of_a_group_find_its_card(api: FakeBotApi, bot: Application) -> None:
    titles, params = await inline_titles(api, "精简")
    index = titles.index("精简行政审批组的组长和职责")
    assert index <= 1  # after the engine's own answer to 精简, if it gives one
    text = params["results"][index]["input_message_content"]["message_text"]
    assert "罗蔺" in text and "<blockquote" in text


async def test_a_surname_finds_the_people_prefix_first(api: FakeBotApi, bot: Application) -> None:
    titles, _ = await inline_titles(api, "唐")
    assert titles[:2] == ["唐良智担任哪些职务？", "唐英瑜担任哪些职务？"]


async def test_part_of_a_unit_finds_the_unit(api: FakeBotApi, bot: Application) -> None:
    titles, _ = await inline_titles(api, "市司")
    assert titles[0] == "市司法局参加哪些组？"


async def test_a_query_that_finds_nothing_gets_one_article_saying_so(api: FakeBotApi, bot: Application) -> None:
    titles, params = await inline_titles(api, "今天重庆天气怎么样")
    assert titles == ["通知中没有找到相关内容"]
    assert params["button"]["text"] == "通知中没有找到答案，点此私聊提问"


async def test_the_private_chat_button_carries_the_question_and_start_answers_it(
    api: FakeBotApi, bot: Application
) -> None:
    _, params = await inline_titles(api, "综合组组长是谁")
    payload = params["button"]["start_parameter"]
    assert payload == deep_link_payload("综合组组长是谁")
    (message,) = await reply(api, text_message(PRIVATE, f"/start {payload}"))
    assert "罗蔺" in message["text"]


def test_a_long_question_is_cut_between_characters_to_fit_the_start_parameter() -> None:
    question = "请问深化商事制度改革组在放权方面具体负责哪些工作，副组长单位又有哪些"
    payload = deep_link_payload(question)
    assert payload is not None and len(payload) <= 64
    encoded = payload.removeprefix("q_")
    decoded = base64.urlsafe_b64decode(encoded + "=" * (-len(encoded) % 4)).decode()
    assert question.startswith(decoded) and len(decoded) >= 10
