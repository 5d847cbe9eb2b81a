"""/groups as a user sees it: a menu built from the facts (a row per kind), a tap that turns the menu into
the card and back, the chart offered, and with several notices a choice of notice first."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fake_bot_api import Call, FakeBotApi, callback_query, text_message
from harness import application_for, running
from telegram.ext import Application
from test_library import FACTS, NOTICE

from knowledge.engine import Engine
from knowledge.library import Library, Notice
from knowledge.loader import BUNDLED

PRIVATE = 6161


def rows(params: dict[str, Any]) -> list[list[dict[str, Any]]]:
    return params.get("reply_markup", {}).get("inline_keyboard", [])


async def groups_menu(api: FakeBotApi) -> Call:
    api.push_update(text_message(PRIVATE, "/groups"))
    (call,) = await api.wait_for_calls("sendMessage", ok_only=True)
    return call


async def tap(api: FakeBotApi, data: str, message_id: int, edits: int) -> Call:
    api.push_update(callback_query(PRIVATE, data, message_id=message_id))
    return (await api.wait_for_calls("editMessageText", edits))[-1]


async def test_the_menu_has_the_top_group_alone_then_each_kind_on_rows_of_its_own(
    api: FakeBotApi, bot: Application, engine: Engine
) -> None:
    menu = await groups_menu(api)
    kb = engine.kb
    kind_of = {g.name: g.kind for g in kb.groups.values()}
    groups = [[b["text"] for b in row if b["callback_data"].startswith("g:")] for row in rows(menu.params)]
    groups = [row for row in groups if row]
    assert groups[0] == [kb.groups[kb.top].name]
    assert all(len({kind_of[name] for name in row}) == 1 for row in groups)  # no row mixes two kinds
    assert [kind_of[row[0]] for row in groups[1:]] == ["专题组", "专题组", "保障组", "保障组"]
    assert menu.params["text"] == "协调小组下设4个专题组、3个保障组，点一个查看："
    assert any(b["callback_data"] == "c:0" for row in rows(menu.params) for b in row)  # the chart


async def test_a_tap_turns_the_menu_into_the_card_with_related_questions_and_back(
    api: FakeBotApi, bot: Application
) -> None:
    menu = await groups_menu(api)
    menu_id = menu.result["message_id"]
    data = next(b["callback_data"] for row in rows(menu.params) for b in row if b["text"] == "法治组")
    card = await tap(api, data, menu_id, 1)
    assert card.get_int("message_id") == menu_id and len(api.calls("sendMessage")) == 1
    assert card.params["text"].startswith("<b>法治组</b>") and "张德宽" in card.params["text"]
    labels = [b["text"] for row in rows(card.params) for b in row]
    assert labels == ["张德宽担任哪些职务？", "« 返回"]  # the card says all of 法治组: related is who is in it
    back = rows(card.params)[-1][0]["callback_data"]
    again = await tap(api, back, menu_id, 2)
    assert again.params["text"] == menu.params["text"] and rows(again.params) == rows(menu.params)


async def test_a_related_question_on_a_card_is_answered_below_it(api: FakeBotApi, bot: Application) -> None:
    menu = await groups_menu(api)
    data = next(b["callback_data"] for row in rows(menu.params) for b in row if b["text"] == "精简行政审批组")
    card = await tap(api, data, menu.result["message_id"], 1)
    labels = [b["text"] for row in rows(card.params) for b in row]
    assert labels[0] == "罗蔺担任哪些职务？" and labels[1].endswith("参加哪些组？") and len(labels) == 4
    api.push_update(callback_query(PRIVATE, rows(card.params)[0][0]["callback_data"], message_id=1))
    answer = (await api.wait_for_calls("sendMessage", 2, ok_only=True))[-1]
    assert "综合组" in answer.params["text"] and "精简行政审批组" in answer.params["text"]  # 罗蔺 leads both


async def test_a_button_for_a_group_no_longer_loaded_is_stale(api: FakeBotApi, bot: Application) -> None:
    api.push_update(callback_query(PRIVATE, "g:0:no-such-group", message_id=1, query_id="gone"))
    (call,) = await api.wait_for_calls("answerCallbackQuery")
    assert call.params["text"] == "这个按钮已失效，请直接输入问题。" and api.calls("editMessageText") == []


@pytest.fixture(scope="module")
def two_notices(tmp_path_factory: pytest.TempPathFactory, engine: Engine) -> Library:
    path: Path = tmp_path_factory.mktemp("xingan")
    (path / "notice.txt").write_text(NOTICE, encoding="utf-8")
    (path / "facts.yaml").write_text(FACTS, encoding="utf-8")
    return Library([Notice(BUNDLED.name, engine), Notice(path.name, Engine.build(data_dir=path))])


async def test_with_several_notices_groups_offers_the_notices_first(api: FakeBotApi, two_notices: Library) -> None:
    async with running(application_for(api, two_notices)):
        first = await groups_menu(api)
        notices = [b["text"] for row in rows(first.params) for b in row]
        assert notices == ["渝府办发〔2020〕5号", "兴政办发〔2021〕7号"]
        chosen = await tap(api, rows(first.params)[1][0]["callback_data"], first.result["message_id"], 1)
        labels = [b["text"] for row in rows(chosen.params) for b in row]
        assert labels == ["兴安县森林防火工作领导小组", "🗂 组织结构图", "« 返回"]
        card = await tap(api, rows(chosen.params)[0][0]["callback_data"], first.result["message_id"], 2)
        assert "陈明" in card.params["text"] and "协调小组" not in card.params["text"]
        back = await tap(api, rows(chosen.params)[-1][0]["callback_data"], first.result["message_id"], 3)
        assert [b["text"] for row in rows(back.params) for b in row] == notices
