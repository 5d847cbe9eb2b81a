"""Benchmark the Telegram bot through the fake Bot API server (never run as a test).

Prints:
- update-to-reply time of a private question and of an inline query, one at a time (median, p99);
- a burst of 2,000 updates from 200 chats with Telegram's real limits (30/s overall, 20/min per
  group): updates per second, p50/p99 update-to-reply, the busiest second and the busiest group
  minute, replies per update, and the process's memory before, after it and after a second burst.
Usage: python bench/bench_bot.py [--burst 2000] [--chats 200] [--rounds 200]
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import resource
import statistics
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from fake_bot_api import FakeBotApi, inline_query, text_message  # noqa: E402

from bot.app import build_application  # noqa: E402
from bot.config import AppConfig, TelegramConfig  # noqa: E402
from bot.messages import load_messages  # noqa: E402
from knowledge.engine import Engine  # noqa: E402
from knowledge.library import Library  # noqa: E402

QUESTIONS = [
    "法治组组长是谁",
    "商事组负责什么",
    "谁负责证照分离改革",
    "罗蔺担任哪些职务",
    "文号是什么",
    "市发改委参加了哪些组",
]


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


async def one_at_a_time(api: FakeBotApi, rounds: int) -> tuple[list[float], list[float]]:
    private, inline = [], []
    for number in range(rounds):
        question = QUESTIONS[number % len(QUESTIONS)]
        before = len(api.calls("sendMessage"))
        started = time.monotonic()
        api.push_update(text_message(7, question))
        await api.wait_for(lambda a, n=before: len(a.calls("sendMessage")) > n)
        private.append((api.calls("sendMessage")[-1].time - started) * 1000)
        before = len(api.calls("answerInlineQuery"))
        started = time.monotonic()
        api.push_update(inline_query(question))
        await api.wait_for(lambda a, n=before: len(a.calls("answerInlineQuery")) > n)
        inline.append((api.calls("answerInlineQuery")[-1].time - started) * 1000)
    return private, inline


async def burst(api: FakeBotApi, total: int, chats: int) -> dict[str, float]:
    api.clear_calls()
    pushed: dict[int, list[float]] = defaultdict(list)
    first = -1_000_000_000
    for number in range(total):
        chat = first - number % chats  # group chats: Telegram's per-group limit applies
        pushed[chat].append(time.monotonic())
        api.push_update(text_message(chat, f"@zhengwu_test_bot {QUESTIONS[number % len(QUESTIONS)]}"))
    started = min(t for times in pushed.values() for t in times)
    await api.wait_for(lambda a: len(a.calls("sendMessage", ok_only=True)) >= total, timeout=total)
    sent = api.calls("sendMessage", ok_only=True)
    replied: dict[int, list[float]] = defaultdict(list)
    for call in sent:
        replied[int(call.params["chat_id"])].append(call.time)
    delays = [(r - p) * 1000 for chat in pushed for p, r in zip(pushed[chat], sorted(replied[chat]), strict=True)]
    times = sorted(call.time for call in sent)
    busiest_second = max(sum(1 for t in times if s <= t < s + 1) for s in times)
    busiest_minute = 0
    for chat_times in replied.values():
        chat_times.sort()
        busiest_minute = max(busiest_minute, max(sum(1 for t in chat_times if s <= t < s + 60) for s in chat_times))
    return {
        "replies": len(sent),
        "replies_per_chat": len(set(Counter(int(c.params["chat_id"]) for c in sent).values())),
        "seconds": times[-1] - started,
        "per_second": len(sent) / (times[-1] - started),
        "p50": percentile(delays, 0.5),
        "p99": percentile(delays, 0.99),
        "busiest_second": busiest_second,
        "busiest_group_minute": busiest_minute,
    }


async def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--burst", type=int, default=2000)
    parser.add_argument("--chats", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=200)
    args = parser.parse_args()
    engine = Engine.build()
    with FakeBotApi() as api:
        config = AppConfig(telegram=TelegramConfig(base_url=api.base_url))
        application = build_application(config, Library.of(engine), load_messages(), api.token)
        await application.initialize()
        await application.start()
        assert application.updater is not None
        await application.updater.start_polling(timeout=1)
        try:
            private, inline = await one_at_a_time(api, args.rounds)
            gc.collect()
            memory = [rss_mb()]
            for _ in range(2):  # a second burst shows whether memory keeps growing or stays flat
                figures = await burst(api, args.burst, args.chats)
                api.clear_calls()  # the fake server's record of every call is not the bot's memory
                gc.collect()
                memory.append(rss_mb())
        finally:
            await application.updater.stop()
            await application.stop()
            await application.shutdown()
    print(
        f"private question, update to reply: median {statistics.median(private):.2f} ms, p99 {percentile(private, 0.99):.2f} ms ({args.rounds} one at a time)"
    )
    print(
        f"inline query, update to answer:   median {statistics.median(inline):.2f} ms, p99 {percentile(inline, 0.99):.2f} ms"
    )
    print(f"burst: {args.burst} updates from {args.chats} group chats, Telegram's limits (30/s, 20/min per group)")
    print(
        f"  replies {figures['replies']:.0f}, distinct replies-per-chat counts {figures['replies_per_chat']:.0f} (1 = every chat equal)"
    )
    print(
        f"  {figures['per_second']:.1f} replies/s over {figures['seconds']:.1f} s; update to reply p50 {figures['p50'] / 1000:.1f} s, p99 {figures['p99'] / 1000:.1f} s"
    )
    print(
        f"  busiest second {figures['busiest_second']:.0f} replies; busiest group minute {figures['busiest_group_minute']:.0f} replies"
    )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"  RSS before {memory[0]:.1f} MB, after the burst {memory[1]:.1f} MB, after a second one {memory[2]:.1f} MB")
    print(f"  peak {peak:.1f} MB (bot, engine and fake server in one process); figures above: the second burst")
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
