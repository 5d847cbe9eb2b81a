"""Proves tests/fake_bot_api.py works with the real PTB stack (Bot, ExtBot, Application)."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dtm
import json
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest
from fake_bot_api import (
    DEFAULT_BOT_USERNAME,
    ApiError,
    FakeBotApi,
    auto_entities,
    callback_query,
    channel_post,
    edited_message,
    inline_query,
    location_message,
    photo_message,
    sticker_message,
    text_message,
    voice_message,
)
from telegram import (
    Bot,
    BotCommand,
    BotCommandScopeAllGroupChats,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InputTextMessageContent,
    LinkPreviewOptions,
    MessageEntity,
    ReplyParameters,
    Update,
)
from telegram.error import BadRequest, InvalidToken, NetworkError, RetryAfter, TimedOut
from telegram.ext import (
    AIORateLimiter,
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    ExtBot,
    InlineQueryHandler,
    MessageHandler,
    filters,
)

FAKE_API_SCRIPT = Path(__file__).with_name("fake_bot_api.py")


@pytest.fixture
def api() -> Iterator[FakeBotApi]:
    """A running fake server, stopped after the test."""
    with FakeBotApi() as server:
        yield server


@pytest.fixture
async def bot(api: FakeBotApi) -> AsyncIterator[Bot]:
    """An initialized PTB Bot pointed at the fake server (initialize() calls getMe)."""
    async with Bot(api.token, base_url=api.base_url) as telegram_bot:
        yield telegram_bot


@pytest.fixture
def timedelta_retry_after(monkeypatch: pytest.MonkeyPatch) -> None:
    """Opt in to PTB's timedelta retry_after so reading it does not emit a deprecation warning."""
    monkeypatch.setenv("PTB_TIMEDELTA", "true")


def _http(api: FakeBotApi, path: str, body: bytes | None = None, content_type: str = "") -> tuple[int, Any]:
    """Plain urllib request to the fake server, returning (status, decoded JSON)."""
    request = urllib.request.Request(api.url + path, data=body, headers={"Content-Type": content_type})
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


# ---- requests and decoding ------------------------------------------------------------------


async def test_get_me_and_send_message_decode_nested_fields(api: FakeBotApi, bot: Bot) -> None:
    assert bot.username == DEFAULT_BOT_USERNAME
    assert bot.bot.first_name == "政务通知问答"
    assert bot.bot.supports_inline_queries is True
    assert [c.method for c in api.calls()] == ["getMe"]

    markup = InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton("原文", callback_data="src:1"),
                InlineKeyboardButton("官网", url="https://www.cq.gov.cn"),
            ]
        ]
    )
    message = await bot.send_message(
        chat_id=42,
        text="你好",
        reply_markup=markup,
        link_preview_options=LinkPreviewOptions(is_disabled=True),
        reply_parameters=ReplyParameters(message_id=7),
    )
    assert (message.message_id, message.chat.id, message.chat.type, message.text) == (1, 42, "private", "你好")
    assert message.from_user is not None and message.from_user.id == 1000
    assert message.reply_markup == markup

    [call] = api.calls("sendMessage")
    assert call.params["chat_id"] == "42" and call.get_int("chat_id") == 42
    assert call.params["reply_markup"] == {
        "inline_keyboard": [
            [{"text": "原文", "callback_data": "src:1"}, {"text": "官网", "url": "https://www.cq.gov.cn"}]
        ]
    }
    assert call.params["link_preview_options"] == {"is_disabled": True}
    assert call.params["reply_parameters"] == {"message_id": 7}
    assert api.sent_messages() == [call.params]

    group_message = await bot.send_message(chat_id=-1001234567890, text='["看起来像", "JSON"]')
    assert group_message.message_id == 2 and group_message.chat.type == "supergroup"
    assert api.sent_messages(chat_id=-1001234567890)[0]["text"] == '["看起来像", "JSON"]'


async def test_multipart_upload_and_command_params_are_decoded(api: FakeBotApi, bot: Bot) -> None:
    raw = b"\x89PNG\r\n\x1a\n\r\n--boundary-like\r\n\x00\xff"
    photo = await bot.send_photo(chat_id=42, photo=raw, caption="通知原文")
    assert photo.caption == "通知原文"
    [call] = api.calls("sendPhoto")
    assert call.params["caption"] == "通知原文"
    assert call.files["photo"].data == raw

    commands = [BotCommand("start", "开始"), BotCommand("help", "帮助")]
    assert await bot.set_my_commands(commands, scope=BotCommandScopeAllGroupChats())
    [set_call] = api.calls("setMyCommands")
    assert set_call.params["commands"] == [
        {"command": "start", "description": "开始"},
        {"command": "help", "description": "帮助"},
    ]
    assert set_call.params["scope"] == {"type": "all_group_chats"}
    assert await bot.get_my_commands(scope=BotCommandScopeAllGroupChats()) == tuple(commands)
    assert await bot.get_my_commands() == ()


def test_json_body_query_string_push_and_unknown_paths(api: FakeBotApi) -> None:
    body = json.dumps({"chat_id": 7, "text": "hi", "reply_markup": json.dumps({"inline_keyboard": []})})
    status, answer = _http(api, f"/bot{api.token}/sendMessage", body.encode(), "application/json")
    assert status == 200 and answer["result"]["chat"] == {
        "id": 7,
        "type": "private",
        "first_name": "测试用户",
        "username": "user7",
    }
    assert api.sent_messages()[0] == {"chat_id": 7, "text": "hi", "reply_markup": {"inline_keyboard": []}}

    assert _http(api, f"/bot{api.token}/getChat?chat_id=5") == (200, {"ok": True, "result": True})
    assert api.calls("getChat")[0].params == {"chat_id": "5"}
    assert _http(api, "/nothing-here")[0] == 404

    status, answer = _http(api, "/_push", b'{"chat_id": 42, "text": "/start"}', "application/json")
    assert status == 200 and answer["result"] == 1
    [update] = api.pending_updates()
    assert update["message"]["entities"] == [{"type": "bot_command", "offset": 0, "length": 6}]


async def test_wrong_token_is_unauthorized(api: FakeBotApi) -> None:
    with pytest.raises(InvalidToken):
        async with Bot("654321:WRONG", base_url=api.base_url):
            pass
    [call] = api.calls("getMe")
    assert call.status == 401 and not call.ok


async def test_custom_handler_can_answer_or_fail(api: FakeBotApi, bot: Bot) -> None:
    def not_modified(params: dict[str, Any]) -> Any:
        raise ApiError(400, "Bad Request: message is not modified")

    api.set_handler("editMessageText", not_modified)
    with pytest.raises(BadRequest, match="not modified"):
        await bot.edit_message_text("同样", chat_id=42, message_id=1)
    api.set_handler("editMessageText", None)
    assert (await bot.edit_message_text("新", chat_id=42, message_id=1)).text == "新"
    assert [c.status for c in api.calls("editMessageText")] == [400, 200]


# ---- faults ---------------------------------------------------------------------------------


async def test_500_raises_network_error_and_has_no_effect(api: FakeBotApi, bot: Bot) -> None:
    api.fail_next("sendMessage", "500")
    with pytest.raises(NetworkError, match="Internal Server Error") as caught:
        await bot.send_message(42, "一")
    assert type(caught.value) is NetworkError
    assert api.sent_messages() == []
    assert api.calls("sendMessage")[0].fault == "500"
    assert (await bot.send_message(42, "二")).message_id == 1
    assert api.faults_injected == {"500": 1}


@pytest.mark.usefixtures("timedelta_retry_after")
async def test_429_raises_retry_after(api: FakeBotApi, bot: Bot) -> None:
    api.fail_next("sendMessage", "429")
    with pytest.raises(RetryAfter) as caught:
        await bot.send_message(42, "x")
    assert caught.value.retry_after == dtm.timedelta(seconds=1)
    assert api.calls("sendMessage")[0].status == 429


@pytest.mark.usefixtures("timedelta_retry_after")
async def test_retry_after_zero_is_not_a_retry_after_for_ptb(api: FakeBotApi, bot: Bot) -> None:
    # PTB checks `if retry_after:`, so 0 falls through to a generic NetworkError for HTTP 429.
    api.retry_after = 0
    api.fail_next("sendMessage", "429")
    with pytest.raises(NetworkError) as caught:
        await bot.send_message(42, "x")
    assert not isinstance(caught.value, RetryAfter)
    # Fractions are accepted by PTB (not by the real API), so tests can retry quickly.
    api.retry_after = 0.05
    api.fail_next("sendMessage", "429")
    with pytest.raises(RetryAfter) as caught_fraction:
        await bot.send_message(42, "x")
    assert caught_fraction.value.retry_after == dtm.timedelta(seconds=0.05)


@pytest.mark.usefixtures("timedelta_retry_after")
async def test_aio_rate_limiter_retries_after_429(api: FakeBotApi) -> None:
    api.retry_after = 0.01
    api.fail_next("sendMessage", "429")
    async with ExtBot(api.token, base_url=api.base_url, rate_limiter=AIORateLimiter(max_retries=1)) as ext_bot:
        message = await ext_bot.send_message(42, "重试")
    assert message.message_id == 1
    assert [c.fault for c in api.calls("sendMessage")] == ["429", None]
    assert len(api.sent_messages()) == 1


async def test_drop_raises_network_error(api: FakeBotApi, bot: Bot) -> None:
    api.fail_next("sendMessage", "drop")
    with pytest.raises(NetworkError, match="disconnected"):
        await bot.send_message(42, "x")
    assert (await bot.send_message(42, "y")).text == "y"


async def test_timeout_fault_holds_until_client_gives_up(api: FakeBotApi, bot: Bot) -> None:
    api.timeout_hold = 5.0
    api.fail_next("sendMessage", "timeout")
    started = time.monotonic()
    with pytest.raises(TimedOut):
        await bot.send_message(42, "x", read_timeout=0.2)
    assert time.monotonic() - started < 2.0
    assert api.calls("sendMessage")[0].fault == "timeout" and api.sent_messages() == []
    assert (await bot.send_message(42, "y")).message_id == 1


async def test_random_faults_are_seeded_and_counted(api: FakeBotApi, bot: Bot) -> None:
    def run_pattern() -> list[bool]:
        return [c.fault is None for c in api.calls("sendMessage")]

    api.set_faults(0.5, ["500"], methods={"sendMessage"}, seed=3)
    failures = 0
    for index in range(20):
        try:
            await bot.send_message(42, str(index))
        except NetworkError:
            failures += 1
    first_pattern = run_pattern()
    assert 0 < failures < 20
    assert api.faults_injected["500"] == failures
    assert len(api.sent_messages()) == 20 - failures
    assert all(c.ok for c in api.calls("getMe"))  # other methods untouched

    api.clear_calls()
    api.set_faults(0.5, ["500"], methods={"sendMessage"}, seed=3)
    for index in range(20):
        with contextlib.nullcontext() if first_pattern[index] else pytest.raises(NetworkError):
            await bot.send_message(42, str(index))
    assert run_pattern() == first_pattern
    api.clear_faults()
    await bot.send_message(42, "ok")


async def test_faulted_get_updates_keeps_updates(api: FakeBotApi, bot: Bot) -> None:
    update_id = api.push_update(text_message(42, "你好"))
    api.fail_next("getUpdates", "500")
    with pytest.raises(NetworkError):
        await bot.get_updates(timeout=0)
    [update] = await bot.get_updates(timeout=0)
    assert update.update_id == update_id and update.message is not None and update.message.text == "你好"


# ---- long polling ---------------------------------------------------------------------------


async def test_long_poll_wakes_on_push_and_offset_confirms(api: FakeBotApi, bot: Bot) -> None:
    api.long_poll_cap = 5.0
    poll = asyncio.create_task(bot.get_updates(timeout=5))
    await api.wait_for_calls("getUpdates", 1)
    started = time.monotonic()
    first = api.push_update(text_message(42, "一"))
    second = api.push_update(text_message(42, "二"))
    updates = await poll
    assert time.monotonic() - started < 1.0
    assert [u.update_id for u in updates] == [first, second] and second == first + 1

    assert len(await bot.get_updates(offset=first + 1, timeout=0)) == 1
    assert [u["update_id"] for u in api.pending_updates()] == [second]
    assert await bot.get_updates(offset=second + 1, timeout=0) == ()
    assert api.pending_updates() == []
    assert api.push_update({"update_id": 100, **text_message(42, "x")}) == 100
    assert api.push_update(text_message(42, "y")) == 101


async def test_empty_long_poll_returns_after_cap(api: FakeBotApi, bot: Bot) -> None:
    api.long_poll_cap = 0.1
    started = time.monotonic()
    assert await bot.get_updates(timeout=30) == ()
    assert time.monotonic() - started < 1.0


async def test_stop_returns_promptly_with_pending_long_poll() -> None:
    server = FakeBotApi(long_poll_cap=30.0).start()
    try:
        async with Bot(server.token, base_url=server.base_url) as telegram_bot:
            poll = asyncio.create_task(telegram_bot.get_updates(timeout=30))
            await server.wait_for_calls("getUpdates", 1)
            started = time.monotonic()
            await asyncio.to_thread(server.stop)
            assert time.monotonic() - started < 1.0
            with contextlib.suppress(NetworkError):  # the connection may close before the empty answer
                assert await asyncio.wait_for(poll, 5) == ()
    finally:
        server.stop()


async def test_wait_for_timeout_lists_calls(api: FakeBotApi, bot: Bot) -> None:
    with pytest.raises(AssertionError, match="getMe"):
        await api.wait_for(lambda _: False, timeout=0.05)


# ---- full Application -----------------------------------------------------------------------


def _build_application(api: FakeBotApi) -> Application:
    """An Application with echo, /start, callback and inline handlers, pointed at the fake."""

    async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        markup = InlineKeyboardMarkup([[InlineKeyboardButton("更多", callback_data="more")]])
        await update.effective_message.reply_text("欢迎", reply_markup=markup)

    async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        await update.effective_message.reply_text(f"echo: {update.effective_message.text}")

    async def button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        await update.callback_query.answer()
        await update.callback_query.edit_message_text(f"按钮: {update.callback_query.data}")

    async def inline(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        result = InlineQueryResultArticle("1", "结果", InputTextMessageContent(update.inline_query.query))
        await update.inline_query.answer([result], cache_time=0)

    app = ApplicationBuilder().token(api.token).base_url(api.base_url).build()
    app.add_handler(CommandHandler("start", start))
    app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, echo))
    app.add_handler(CallbackQueryHandler(button))
    app.add_handler(InlineQueryHandler(inline))
    return app


async def test_application_polls_and_handlers_reply(api: FakeBotApi) -> None:
    app = _build_application(api)
    async with app:
        await app.start()
        await app.updater.start_polling(timeout=10)
        try:
            await api.wait_for_calls("getUpdates", 1)
            methods = [c.method for c in api.calls()]
            assert methods[:3] == ["getMe", "deleteWebhook", "getUpdates"]
            assert api.calls("getUpdates")[0].params["timeout"] == "10"

            api.push_update(text_message(42, "你好"))
            await api.wait_for(lambda a: any(m["text"] == "echo: 你好" for m in a.sent_messages()))

            api.push_update(text_message(-1001, f"/start@{api.bot_username}"))
            await api.wait_for(lambda a: any(m["text"] == "欢迎" for m in a.sent_messages()))
            welcome = next(c for c in api.calls("sendMessage") if c.params["text"] == "欢迎")
            assert welcome.params["chat_id"] == "-1001"
            assert welcome.params["reply_markup"]["inline_keyboard"][0][0]["callback_data"] == "more"

            welcome_id = welcome.result["message_id"]
            api.push_update(callback_query(-1001, "more", message_id=welcome_id))
            [edit] = await api.wait_for_calls("editMessageText", 1)
            assert edit.params["text"] == "按钮: more" and edit.get_int("message_id") == welcome_id
            assert len(api.calls("answerCallbackQuery")) == 1

            api.push_update(inline_query("补助"))
            [answer] = await api.wait_for_calls("answerInlineQuery", 1)
            assert answer.params["results"][0]["input_message_content"] == {"message_text": "补助"}
        finally:
            await app.updater.stop()
            await app.stop()
    assert api.pending_updates() == []  # the final getUpdates confirmed everything


async def test_application_survives_polling_faults(api: FakeBotApi) -> None:
    app = _build_application(api)
    async with app:
        await app.start()
        api.fail_next("getUpdates", "drop")
        api.fail_next("sendMessage", "500")
        await app.updater.start_polling(timeout=10)
        try:
            api.push_update(text_message(42, "第一次"))
            await api.wait_for_calls("sendMessage", 1)  # reply hit the 500 fault
            api.push_update(text_message(42, "第二次"))
            await api.wait_for(lambda a: any(m["text"] == "echo: 第二次" for m in a.sent_messages()))
        finally:
            await app.updater.stop()
            await app.stop()
    assert api.faults_injected == {"drop": 1, "500": 1}


# ---- update builders ------------------------------------------------------------------------


def test_auto_entities_use_utf16_offsets() -> None:
    text = f"/help@{DEFAULT_BOT_USERNAME} 👍 请问 @{DEFAULT_BOT_USERNAME}"
    entities = auto_entities(text)
    assert entities == [
        {"type": "bot_command", "offset": 0, "length": 22},
        {"type": "mention", "offset": 29, "length": 17},
    ]
    message = Update.de_json({"update_id": 1, **text_message(-100, text)}, None).message
    assert message is not None
    assert list(message.parse_entities().values()) == [f"/help@{DEFAULT_BOT_USERNAME}", f"@{DEFAULT_BOT_USERNAME}"]
    assert auto_entities("/帮助") == [] and auto_entities("mail a@b.cn") == []


@pytest.mark.parametrize(
    ("update", "check"),
    [
        (text_message(42, "/start"), lambda u: u.message.entities[0].type == MessageEntity.BOT_COMMAND),
        (text_message(-1001, "hi", reply_to_bot_message_id=5), lambda u: u.message.reply_to_message.from_user.is_bot),
        (edited_message(42, "改", message_id=3), lambda u: u.edited_message.edit_date is not None),
        (callback_query(42, "d", message_id=9), lambda u: u.callback_query.message.message_id == 9),
        (inline_query("问"), lambda u: u.inline_query.query == "问"),
        (sticker_message(42), lambda u: u.message.sticker.type == "regular"),
        (photo_message(42, caption="图"), lambda u: len(u.message.photo) == 2 and u.message.caption == "图"),
        (voice_message(42), lambda u: u.message.voice.duration == dtm.timedelta(seconds=3)),
        (location_message(42), lambda u: u.message.location.latitude == pytest.approx(29.563)),
        (channel_post(-1002, "公告"), lambda u: u.channel_post.chat.type == "channel"),
    ],
)
def test_builders_parse_as_ptb_updates(update: dict[str, Any], check: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PTB_TIMEDELTA", "true")
    assert "update_id" not in update
    parsed = Update.de_json({"update_id": 1, **update}, None)
    assert check(parsed)


def test_builder_chat_defaults_and_validation() -> None:
    private = text_message(42, "x")["message"]
    assert private["chat"]["type"] == "private" and private["from"]["id"] == 42
    group = text_message(-1001, "x", user_id=7)["message"]
    assert group["chat"]["type"] == "supergroup" and group["from"]["id"] == 7
    assert text_message(-5, "x", chat_type="group")["message"]["chat"]["type"] == "group"
    with pytest.raises(ValueError, match="negative"):
        text_message(5, "x", chat_type="supergroup")


# ---- command line ---------------------------------------------------------------------------


def test_cli_serves_and_prints_calls() -> None:
    process = subprocess.Popen(
        [sys.executable, str(FAKE_API_SCRIPT), "--port", "0", "--token", "123:ABC"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        banner = process.stdout.readline()
        base_url = banner.split("TELEGRAM_BASE_URL=")[1].split()[0]
        process.stdout.readline()  # curl hint
        root = base_url.removesuffix("/bot")
        urllib.request.urlopen(urllib.request.Request(root + "/_push", data=b'{"chat_id": 1, "text": "hi"}'), timeout=5)
        with urllib.request.urlopen(f"{base_url}123:ABC/getUpdates?timeout=0", timeout=5) as response:
            assert json.loads(response.read())["result"][0]["message"]["text"] == "hi"
        line = process.stdout.readline()
        assert "getUpdates" in line and '"timeout":"0"' in line
    finally:
        process.send_signal(signal.SIGINT)
        process.communicate(timeout=20)  # stop() itself may wait 5 s + 2 s for threads on a loaded machine
    assert process.returncode == 0
