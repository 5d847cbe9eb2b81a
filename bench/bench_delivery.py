"""Measure issue #10's acceptance figures through the fake Bot API server (never run as a test).

Prints, per part (``--only`` picks some):
- latency:  a private question's update-to-reply time while another chat's 4,000-character message
            is being answered, with the real engine and with that answer made to burn ``--slow``
            seconds of CPU in Python (what the issue measured: > 15 s before);
- group:    a private question's update-to-reply time behind 270 queued mentions in one group, with
            Telegram's real limits (30/s, 20/min per group), and what happened to the 270;
- crash:    200 updates from 50 chats, SIGTERM or SIGKILL after 20 replies at a random moment
            (no help from the fake server), restart: updates answered 0, 1 or 2 times, ``--runs`` each;
- memory:   the bot process's RSS and the state database's size after ``--chats`` distinct chats;
- token:    a wrong token: exit code, lines on stderr, whether the token appears anywhere.
Usage: python bench/bench_delivery.py [--only latency,group,crash,memory,token] [--runs 5] [--chats 100000]
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import random
import signal
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from bot_process import BotProcess  # noqa: E402
from fake_bot_api import FakeBotApi, text_message  # noqa: E402
from harness import application_for, running  # noqa: E402

from bot.state import DATABASE_NAME  # noqa: E402
from knowledge.answer import Answer, Context  # noqa: E402
from knowledge.engine import Engine  # noqa: E402

LONG = ("综合组组长是谁，法治组负责什么，" * 250)[:4000]  # 4,000 characters, many commas


class BurningEngine:
    """The real engine, except that the long question first burns ``seconds`` of CPU in Python."""

    def __init__(self, engine: Engine, seconds: float) -> None:
        self.engine, self.seconds = engine, seconds

    def ask(self, question: str, context: Context | None = None) -> Answer:
        if question == LONG and self.seconds:
            end = time.perf_counter() + self.seconds
            while time.perf_counter() < end:
                sum(range(1000))
        return self.engine.ask(question, context)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.engine, name)


async def private_latency(api: FakeBotApi, chat: int, question: str = "综合组组长是谁") -> float:
    before = len(api.sent_messages(chat))
    started = time.monotonic()
    api.push_update(text_message(chat, question))
    await api.wait_for(lambda a: len(a.sent_messages(chat)) > before, timeout=120)
    return api.calls("sendMessage", ok_only=True)[-1].time - started


async def latency(engine: Engine, slow: float) -> None:
    for seconds in (0.0, slow):
        with FakeBotApi() as api:
            slow_engine = BurningEngine(engine, seconds)
            budget = {"answer_budget": seconds + 10}  # the long answer is really computed, not cut short
            async with running(application_for(api, slow_engine, budget)):  # type: ignore[arg-type]
                started = time.monotonic()
                api.push_update(text_message(1, LONG))
                delays = []
                while not api.sent_messages(1) or len(delays) < 5:
                    delays.append(await private_latency(api, 2 + len(delays)))
                reply = next(c for c in api.calls("sendMessage", ok_only=True) if c.params["chat_id"] == "1")
        label = "real engine" if not seconds else f"its answer burning {seconds:.0f} s of CPU in Python"
        print(
            f"latency ({label}): the 4,000-character message was answered after {reply.time - started:.2f} s; "
            f"{len(delays)} private questions meanwhile: median {statistics.median(delays) * 1000:.0f} ms, "
            f"max {max(delays) * 1000:.0f} ms"
        )


async def group(engine: Engine) -> None:
    with FakeBotApi() as api:
        application = application_for(api, engine, overall_max_rate=30.0, group_max_rate=20.0)
        async with running(application):
            for number in range(270):
                api.push_update(
                    text_message(-100_123, f"@zhengwu_test_bot 法治组组长是谁{number}", message_id=number + 1)
                )
            await api.wait_for(lambda a: len(a.sent_messages(-100_123)) >= 1)
            delays = [await private_latency(api, 9000 + n) for n in range(20)]
            pending, done = application.bot_data["state"].journal.counts()
    print(
        f"group: behind 270 queued mentions in one group (Telegram's 20/min), 20 private questions: median "
        f"{statistics.median(delays) * 1000:.0f} ms, max {max(delays) * 1000:.0f} ms; of the 270, {pending} wait "
        f"their turn (max_pending_per_chat) and {done - 20} were refused with one notice"
    )


def crash(runs: int) -> None:
    for signum in (signal.SIGTERM, signal.SIGKILL):
        lost = doubled = left = 0
        for run in range(runs):
            with FakeBotApi() as api, tempfile.TemporaryDirectory() as directory:
                bot = BotProcess.prepare(api, Path(directory), rate=30, group_rate=20)
                bot.start()
                try:
                    api.wait_until(lambda a: len(a.calls("getUpdates")) > 0, timeout=60)
                    for round_ in range(4):
                        for chat in range(1, 51):
                            api.push_update(text_message(chat, "法治组组长是谁", message_id=round_ + 1))
                    api.wait_until(lambda a: len(a.sent_messages()) >= 20, timeout=60)
                    time.sleep(random.Random(run).uniform(0, 0.05))  # a random moment just after the 20th
                    bot.signal(signum)
                    bot.wait(timeout=30)
                    left += bot.journal()[0]
                    bot.start()
                    api.wait_until(lambda a: len(a.sent_messages()) >= 200, timeout=120)
                    bot.wait_journal(lambda counts: counts[0] == 0, timeout=60)
                    bot.signal(signal.SIGTERM)
                    bot.wait(timeout=30)
                finally:
                    bot.stop()
                per_chat = Counter(int(m["chat_id"]) for m in api.sent_messages())
                lost += sum(max(0, 4 - per_chat[chat]) for chat in range(1, 51))
                doubled += sum(max(0, per_chat[chat] - 4) for chat in range(1, 51))
        name = signal.Signals(signum).name
        print(
            f"crash ({name} after 20 replies, {runs} runs x 200 updates from 50 chats): {left / runs:.0f} updates "
            f"left in the journal per run on average; after the restarts {lost} lost, {doubled} answered twice"
        )


def memory(chats: int) -> None:
    with FakeBotApi() as api, tempfile.TemporaryDirectory() as directory:
        bot = BotProcess.prepare(api, Path(directory), rate=1000, group_rate=1000)
        bot.start()
        try:
            api.wait_until(lambda a: len(a.calls("getUpdates")) > 0, timeout=60)
            first = rss(bot)
            started, sent, marks = time.monotonic(), 0, []
            for number in range(chats):
                api.push_update(text_message(10_000_000 + number, "法治组组长是谁"))
                if (number + 1) % 5000 == 0:
                    api.wait_until(lambda a, n=number + 1 - sent: len(a.sent_messages()) >= n, timeout=300)
                    sent += len(api.sent_messages())
                    api.clear_calls()  # the fake server's record is not the bot's memory
                    if (number + 1) % 25_000 == 0:
                        marks.append((number + 1, rss(bot)))
            api.wait_until(lambda a: len(a.sent_messages()) >= chats - sent, timeout=300)
            took = time.monotonic() - started
            size = sum(f.stat().st_size for f in bot.state.iterdir() if f.name.startswith(DATABASE_NAME))
            last = rss(bot)
        finally:
            bot.signal(signal.SIGTERM)
            bot.wait(timeout=30)
            bot.stop()
    steps = ", ".join(f"{n // 1000}k: {mb:.0f} MB" for n, mb in marks)
    print(
        f"memory: {chats} distinct chats in {took:.0f} s ({chats / took:.0f}/s); bot RSS after start {first:.0f} MB, "
        f"after them {last:.0f} MB ({steps}); state database {size / 1e6:.1f} MB"
    )


def rss(bot: BotProcess) -> float:
    assert bot.process is not None
    for line in Path(f"/proc/{bot.process.pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def token() -> None:
    with FakeBotApi() as api, tempfile.TemporaryDirectory() as directory:
        bot = BotProcess.prepare(api, Path(directory))
        bot.token = "999999:THIS-TOKEN-IS-WRONG"
        started = time.monotonic()
        bot.start()
        code, out, err = bot.wait(timeout=60)
    shown = "THIS-TOKEN-IS-WRONG" in out + err
    print(
        f"token: wrong token → exit {code} after {time.monotonic() - started:.1f} s, "
        f"{len(err.strip().splitlines())} line on stderr, token shown: {shown}: {err.strip()}"
    )


async def main() -> int:
    logging.basicConfig(level=logging.ERROR)  # the bot's warnings (refusals, retries) are expected here
    parser = argparse.ArgumentParser()
    parser.add_argument("--only", default="latency,group,crash,memory,token")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--chats", type=int, default=100_000)
    parser.add_argument("--slow", type=float, default=15.0)
    args = parser.parse_args()
    parts = set(args.only.split(","))
    engine = Engine.build() if parts & {"latency", "group"} else None
    if "latency" in parts:
        await latency(engine, args.slow)  # type: ignore[arg-type]
    if "group" in parts:
        await group(engine)  # type: ignore[arg-type]
    if "crash" in parts:
        crash(args.runs)
    if "memory" in parts:
        memory(args.chats)
    if "token" in parts:
        token()
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
