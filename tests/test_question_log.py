"""The question log through Telegram: 👍/👎 under answers, acknowledged and shown as chosen, the
"哪里不对？" comment, what is stored (no user id or name), and the admins' /stats and /reload."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import AsyncIterator
from dataclasses import replace
from pathlib import Path

import pytest
from fake_bot_api import FakeBotApi, callback_query, text_message
from harness import bot_config, copy_knowledge, rename_in, running
from telegram.ext import Application

from bot import report
from bot.app import build_application
from bot.config import AppConfig, QuestionLogConfig
from bot.messages import load_messages
from bot.questionlog import questions_since
from knowledge.answer import Answer, Context
from knowledge.engine import Engine
from knowledge.library import Library

ASKER = 86420531  # a private chat: its id is the user's id
ADMIN = 777001
GROUP = -100888


def buttons(message: dict) -> list[dict]:
    return [button for row in message.get("reply_markup", {}).get("inline_keyboard", []) for button in row]


async def reply(api: FakeBotApi, update: dict) -> dict:
    before = len(api.sent_messages())
    api.push_update(update)
    await api.wait_for(lambda a: len(a.sent_messages()) > before)
    return api.sent_messages()[before]


def configured(api: FakeBotApi, **options: object) -> AppConfig:
    return replace(bot_config(api), admins=(ADMIN,), **options)  # type: ignore[arg-type]


def built(config: AppConfig, engine: Engine | Library | HeldLibrary, api: FakeBotApi) -> Application:
    library = engine if isinstance(engine, Library | HeldLibrary) else Library.of(engine)
    return build_application(config, library, load_messages(), api.token)  # type: ignore[arg-type]


@pytest.fixture
async def bot(api: FakeBotApi, engine: Engine) -> AsyncIterator[Application]:
    async with running(built(configured(api), engine, api)) as application:
        yield application


def figures(application: Application) -> report.Report:
    """The report over what the bot logged, as `python -m bot report` would read it."""
    return report.build(questions_since(application.bot_data["state"].database, 0), 7)


def vote_buttons(message: dict) -> dict[str, str]:
    return {b["text"]: b["callback_data"] for b in buttons(message) if b["text"] in ("👍", "👎")}


def tap(message: dict, data: str, user_id: int = ASKER, query_id: str = "tap") -> dict:
    """A tap on a button of ``message`` as sent (Telegram's copy of it carries its keyboard)."""
    chat = int(message["chat_id"])
    return callback_query(
        chat, data, message_id=1, user_id=user_id, query_id=query_id, reply_markup=message["reply_markup"]
    )


async def test_every_private_answer_has_thumbs_below_its_other_buttons(api: FakeBotApi, bot: Application) -> None:
    answer = await reply(api, text_message(ASKER, "法治组组长是谁"))
    rows = answer["reply_markup"]["inline_keyboard"]
    assert [b["text"] for b in rows[-1]] == ["👍", "👎"]
    assert any(b["text"] == "法治组负责什么？" for row in rows[:-1] for b in row)  # the related questions stay
    assert all(len(b["callback_data"].encode()) < 64 for b in rows[-1])
    declined = await reply(api, text_message(ASKER, "推荐一家火锅店"))
    assert list(vote_buttons(declined)) == ["👍", "👎"]


async def test_thumbs_up_is_acknowledged_recorded_and_shown_as_chosen(api: FakeBotApi, bot: Application) -> None:
    answer = await reply(api, text_message(ASKER, "法治组组长是谁"))
    api.push_update(tap(answer, vote_buttons(answer)["👍"], query_id="up-1"))
    (edit,) = await api.wait_for_calls("editMessageReplyMarkup")
    (ack,) = api.calls("answerCallbackQuery")
    assert ack.params == {"callback_query_id": "up-1", "text": "谢谢您的评价！"}
    rows = edit.params["reply_markup"]["inline_keyboard"]
    assert [b["text"] for b in rows[-1]] == ["👍 已评价"]
    assert rows[:-1] == answer["reply_markup"]["inline_keyboard"][:-1]
    assert (figures(bot).up, figures(bot).down) == (1, 0)


async def test_thumbs_down_asks_what_was_wrong_and_keeps_the_reply_as_the_comment(
    api: FakeBotApi, bot: Application
) -> None:
    answer = await reply(api, text_message(ASKER, "商事组的头儿是谁"))
    before = len(api.sent_messages())
    api.push_update(tap(answer, vote_buttons(answer)["👎"]))
    await api.wait_for(lambda a: len(a.sent_messages()) > before)
    prompt_call = api.calls("sendMessage", ok_only=True)[-1]
    assert prompt_call.params["text"] == "哪里不对？可以回复一句话告诉我（可选）。"
    assert prompt_call.params["reply_markup"]["force_reply"] is True
    prompt_id = prompt_call.result["message_id"]

    thanks = await reply(api, text_message(ASKER, "想知道副组长是谁", reply_to_bot_message_id=prompt_id))
    assert thanks["text"] == "已记下，谢谢！我们会据此改进回答。"  # a comment, not answered as a question
    (disliked,) = figures(bot).disliked
    assert (disliked.question, disliked.comments) == ("商事组的头儿是谁", ("想知道副组长是谁",))


async def test_a_reply_to_another_bot_message_is_still_a_question(api: FakeBotApi, bot: Application) -> None:
    answer = await reply(api, text_message(ASKER, "法治组组长是谁"))
    api.push_update(tap(answer, vote_buttons(answer)["👎"]))
    await api.wait_for(lambda a: len(a.sent_messages()) >= 2)
    again = await reply(api, text_message(ASKER, "综合组组长是谁", reply_to_bot_message_id=1))
    assert "罗蔺" in again["text"]


async def test_only_the_asker_can_vote(api: FakeBotApi, bot: Application) -> None:
    answer = await reply(api, text_message(ASKER, "法治组组长是谁"))
    api.push_update(tap(answer, vote_buttons(answer)["👍"], user_id=ASKER + 1, query_id="other"))
    (ack,) = await api.wait_for_calls("answerCallbackQuery")
    assert ack.params["text"] == "只有提问的人可以评价这个回答。"
    assert api.calls("editMessageReplyMarkup") == [] and figures(bot).up == 0


async def test_group_answers_have_no_thumbs_unless_configured(api: FakeBotApi, engine: Engine) -> None:
    mention = text_message(GROUP, "@zhengwu_test_bot 法治组组长是谁", message_id=5)
    async with running(built(configured(api), engine, api)):
        plain = await reply(api, mention)
    config = configured(api, question_log=QuestionLogConfig(feedback_in_groups=True))
    async with running(built(config, engine, api)):
        with_votes = await reply(api, mention)
    assert vote_buttons(plain) == {} and list(vote_buttons(with_votes)) == ["👍", "👎"]


async def test_the_log_holds_no_user_id_or_name(api: FakeBotApi, bot: Application) -> None:
    await reply(api, text_message(ASKER, "罗蔺担任哪些职务"))
    connection = bot.bot_data["state"].database.connection
    rows = connection.execute("SELECT * FROM questions").fetchall()
    assert len(rows) == 1 and "罗蔺担任哪些职务" in rows[0]
    stored = " ".join(str(value) for row in rows for value in row)
    assert str(ASKER) not in stored and f"user{ASKER}" not in stored and "测试用户" not in stored


async def test_a_log_switched_off_stores_nothing_and_shows_no_thumbs(api: FakeBotApi, engine: Engine) -> None:
    config = configured(api, question_log=QuestionLogConfig(enabled=False))
    async with running(built(config, engine, api)) as application:
        answer = await reply(api, text_message(ASKER, "法治组组长是谁"))
        assert vote_buttons(answer) == {} and figures(application).total == 0


async def test_stats_answers_admins_only(api: FakeBotApi, bot: Application) -> None:
    await reply(api, text_message(ASKER, "推荐一家火锅店"))
    await reply(api, text_message(ASKER, "法治组组长是谁"))
    api.push_update(text_message(ASKER, "/stats"))
    stats = await reply(api, text_message(ADMIN, "/stats"))
    assert int(stats["chat_id"]) == ADMIN  # the asker's /stats before it got nothing
    assert stats["text"].startswith("近 7 天：2 个问题，回答率 50.0%，👍 0 / 👎 0")
    assert "1× 推荐一家火锅店" in stats["text"]
    assert len(api.sent_messages(ASKER)) == 2


async def test_reload_from_an_admin_picks_up_changed_facts_and_a_broken_file_keeps_the_old(
    api: FakeBotApi, engine: Engine, tmp_path: Path
) -> None:
    data = copy_knowledge(tmp_path)
    config = configured(api, notices=(str(data),))
    async with running(built(config, engine, api)):
        rename_in(data, "张德宽", "张德全")
        api.push_update(text_message(ASKER, "/reload"))  # not an admin: no reply, no reload
        done = await reply(api, text_message(ADMIN, "/reload"))
        assert done["text"].startswith("已重新加载知识库（")
        assert "张德全" in (await reply(api, text_message(ASKER, "法治组组长是谁")))["text"]

        (data / "facts.yaml").write_text("groups: [", encoding="utf-8")
        failed = await reply(api, text_message(ADMIN, "/reload"))
        assert failed["text"].startswith("重新加载失败，仍在使用原来的知识库：") and "facts.yaml" in failed["text"]
        assert "张德全" in (await reply(api, text_message(ASKER, "法治组组长是谁")))["text"]
    assert len(api.sent_messages(ASKER)) == 2


class HeldLibrary:
    """The session's engine as a library, but a question waits for ``release`` before it is answered."""

    def __init__(self, engine: Engine) -> None:
        self._library = Library.of(engine)
        self.release = threading.Event()
        self.started = threading.Event()

    def ask(self, question: str, context: Context | None = None) -> Answer:
        self.started.set()
        assert self.release.wait(10), "never released"
        return self._library.ask(question, context)

    def __getattr__(self, name: str) -> object:
        return getattr(self._library, name)


async def test_a_question_under_way_during_a_reload_is_answered_by_the_old_knowledge(
    api: FakeBotApi, engine: Engine, tmp_path: Path
) -> None:
    data = copy_knowledge(tmp_path)
    held = HeldLibrary(engine)
    config = configured(api, notices=(str(data),))
    async with running(built(config, held, api)):
        api.push_update(text_message(ASKER, "法治组组长是谁"))
        await asyncio.to_thread(held.started.wait, 10)
        rename_in(data, "张德宽", "张德全")
        assert (await reply(api, text_message(ADMIN, "/reload")))["text"].startswith("已重新加载知识库")
        held.release.set()
        await api.wait_for(lambda a: len(a.sent_messages(ASKER)) == 1)
        assert "张德宽" in api.sent_messages(ASKER)[0]["text"]  # asked before the swap
        assert "张德全" in (await reply(api, text_message(ASKER, "法治组组长是谁")))["text"]


async def test_a_decline_has_no_topic_of_its_own(api: FakeBotApi, bot: Application) -> None:
    await reply(api, text_message(ASKER, "法治组组长是谁"))
    await reply(api, text_message(ASKER, "推荐一家火锅店"))  # the chat's context stays on 法治组
    assert figures(bot).topics == {"法治组": 1}
