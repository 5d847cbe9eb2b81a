"""The bot as a process: SIGTERM and SIGKILL mid-burst lose nothing and double nothing, context
survives a restart, a rejected token exits 2 without showing it, a revoked one while running exits
non-zero, and the health check follows the polls."""

from __future__ import annotations

import signal
import time
from collections import Counter
from pathlib import Path

from bot_process import BotProcess
from fake_bot_api import ApiError, FakeBotApi, text_message
from harness import run_cli

QUESTIONS = ["法治组组长是谁", "商事组负责什么", "谁负责证照分离改革", "罗蔺担任哪些职务"]


def burst(api: FakeBotApi, chats: int = 50, per_chat: int = 4) -> None:
    for round_ in range(per_chat):
        for chat in range(1, chats + 1):
            api.push_update(text_message(chat, QUESTIONS[round_ % len(QUESTIONS)], message_id=round_ + 1))


def polling(api: FakeBotApi, after: int = 0) -> None:
    """Until the bot has asked for updates (more than ``after`` times): it is up."""
    api.wait_until(lambda a: len(a.calls("getUpdates")) > after, timeout=30)


def replies_per_chat(api: FakeBotApi) -> Counter[int]:
    return Counter(int(message["chat_id"]) for message in api.sent_messages())


def restart_and_expect_every_update_answered_once(api: FakeBotApi, bot: BotProcess, bots: list[BotProcess]) -> None:
    """Start the bot again on the same state: the 200 updates of the burst end answered, each once."""
    bots.append(bot.start())
    api.wait_until(lambda a: len(a.sent_messages()) >= 200, timeout=30)
    bot.wait_journal(lambda counts: counts == (0, 200))
    assert len(api.sent_messages()) == 200
    assert replies_per_chat(api) == Counter({chat: 4 for chat in range(1, 51)})


def test_sigterm_mid_burst_then_restart_answers_every_update_exactly_once(
    api: FakeBotApi, tmp_path: Path, bots: list[BotProcess]
) -> None:
    bot = BotProcess.prepare(api, tmp_path, rate=100)
    bots.append(bot.start())
    polling(api)
    burst(api)
    api.wait_until(lambda a: len(a.sent_messages()) >= 20, timeout=20)
    bot.signal(signal.SIGTERM)
    stopped = time.monotonic()
    code, _, err = bot.wait(timeout=10)
    assert code == 0, err[-2000:]
    assert time.monotonic() - stopped < 5  # shutdown_deadline 2 s, well inside Docker's 10 s
    pending, done = bot.journal()
    assert pending + done == 200 and pending > 0  # mid-burst: some were left for the next start
    restart_and_expect_every_update_answered_once(api, bot, bots)


def test_sigkill_mid_burst_then_restart_answers_every_update_exactly_once(
    api: FakeBotApi, tmp_path: Path, bots: list[BotProcess]
) -> None:
    delivered = 0

    def send_message(params: dict) -> dict:
        # After 20 replies Telegram answers 502 (nothing delivered), so the moment of the kill is one
        # where every delivered reply is known: the test checks the journal, not the luck of timing.
        nonlocal delivered
        if delivered >= 20:
            raise ApiError(502, "Bad Gateway")
        delivered += 1
        return api._new_message(params)

    api.set_handler("sendMessage", send_message)
    bot = BotProcess.prepare(api, tmp_path, rate=100)
    bots.append(bot.start())
    polling(api)
    burst(api)
    api.wait_until(lambda a: len(a.calls("sendMessage")) > 20, timeout=20)
    bot.wait_journal(lambda counts: counts == (180, 20))  # all received and written down; 20 done
    bot.signal(signal.SIGKILL)
    bot.wait(timeout=10)
    assert bot.journal() == (180, 20)
    api.set_handler("sendMessage", None)
    restart_and_expect_every_update_answered_once(api, bot, bots)


def test_sigterm_behind_a_slow_group_backlog_exits_within_the_deadline_and_keeps_the_rest(
    api: FakeBotApi, tmp_path: Path, bots: list[BotProcess]
) -> None:
    group = -100_555
    bot = BotProcess.prepare(api, tmp_path, group_rate=30, deadline=1)  # a group reply every 2 s
    bots.append(bot.start())
    polling(api)
    for number in range(20):
        api.push_update(text_message(group, f"@zhengwu_test_bot {QUESTIONS[number % 4]}", message_id=number + 1))
    api.wait_until(lambda a: len(a.sent_messages()) >= 1, timeout=20)
    bot.signal(signal.SIGTERM)
    stopped = time.monotonic()
    code, _, err = bot.wait(timeout=10)
    assert code == 0, err[-2000:]
    assert time.monotonic() - stopped < 4
    sent = len(api.sent_messages())
    assert bot.journal() == (20 - sent, sent)
    bots.append(bot.start())  # the backlog is answered first after a restart
    api.wait_until(lambda a: len(a.sent_messages()) > sent, timeout=20)
    bot.signal(signal.SIGTERM)
    bot.wait(timeout=10)
    pending, done = bot.journal()
    assert pending + done == 20 and done == len(api.sent_messages())


def test_follow_up_context_survives_a_restart_and_health_follows_the_polls(
    api: FakeBotApi, tmp_path: Path, bots: list[BotProcess]
) -> None:
    bot = BotProcess.prepare(api, tmp_path)
    bots.append(bot.start())
    polling(api)
    api.push_update(text_message(77, "法治组组长是谁"))
    api.wait_until(lambda a: len(a.sent_messages()) == 1, timeout=20)
    health = run_cli(["health"], env={"BOT_STATE_DIR": str(bot.state), "BOT_CONFIG": str(bot.config)})
    assert health.returncode == 0 and health.stdout.startswith("健康"), health.stderr
    bot.signal(signal.SIGTERM)
    assert bot.wait()[0] == 0
    bots.append(bot.start())
    polling(api, after=len(api.calls("getUpdates")))
    api.push_update(text_message(77, "那它负责什么呢"))
    api.wait_until(lambda a: len(a.sent_messages()) == 2, timeout=20)
    assert "法律审核" in api.sent_messages()[1]["text"]
    bot.signal(signal.SIGTERM)
    bot.wait()
    (bot.state / "alive").unlink()
    unhealthy = run_cli(["health"], env={"BOT_STATE_DIR": str(bot.state), "BOT_CONFIG": str(bot.config)})
    assert unhealthy.returncode == 1 and unhealthy.stderr.startswith("不健康")


def test_a_rejected_token_exits_2_with_one_line_and_no_token(
    api: FakeBotApi, tmp_path: Path, bots: list[BotProcess]
) -> None:
    bot = BotProcess.prepare(api, tmp_path)
    bot.token = "654321:WRONG-SECRET-TOKEN"
    bots.append(bot.start())
    code, out, err = bot.wait()
    assert code == 2
    assert err.strip().splitlines() == [
        "启动失败：Telegram 拒绝了这个 token（401/404），请检查 TELEGRAM_BOT_TOKEN 或 telegram.token_file。"
    ]
    assert "WRONG-SECRET-TOKEN" not in out + err and "Traceback" not in err
    assert [call.method for call in api.calls()] == ["getMe"]


def test_a_token_revoked_while_running_exits_non_zero_without_showing_it(
    api: FakeBotApi, tmp_path: Path, bots: list[BotProcess]
) -> None:
    bot = BotProcess.prepare(api, tmp_path)
    bots.append(bot.start())
    polling(api)

    def revoked(params: dict) -> object:
        raise ApiError(401, "Unauthorized")

    api.set_handler("getUpdates", revoked)
    code, out, err = bot.wait()
    assert code == 1
    assert "Telegram rejects the bot" in err
    assert api.token not in out + err and api.token.split(":")[1] not in out + err


def test_serve_without_a_token_and_without_a_terminal_exits_2_with_one_line() -> None:
    result = run_cli(["serve"])
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "未设置 TELEGRAM_BOT_TOKEN，也没有终端可以对话：请设置 TELEGRAM_BOT_TOKEN（docker run -e TELEGRAM_BOT_TOKEN=…）或 telegram.token_file。"
    ]
