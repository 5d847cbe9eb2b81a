"""Measure the question log's cost (never run as a test): what logging adds to each answer, and how
long ``python -m bot report`` and /stats take on a large log.

Prints: the time to log one question (the insert on the event loop), the database's size, and the
time to read and sum up ``--rows`` logged questions over ``--days`` days (a share ``--declined`` of
them declined, asked in ``--forms`` different wordings with small variations), with and without the
exports (--export-facts builds the engine).
Usage: python bench/bench_report.py [--rows 100000] [--days 90] [--declined 0.2] [--forms 3000]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT)]

from bot import report  # noqa: E402
from bot.config import QuestionLogConfig  # noqa: E402
from bot.questionlog import Asked, QuestionLog, questions_since  # noqa: E402
from bot.state import DATABASE_NAME, Database  # noqa: E402
from knowledge.library import Library  # noqa: E402

_STEMS = ["重庆明天天气", "市司法局电话", "唐良智工资", "营业执照办理", "社保缴纳", "公积金提取", "火锅店推荐"]
_TAILS = ["怎么样", "是多少", "吗", "？", "呢", "怎么办", "在哪"]


def wording(rng: random.Random, number: int) -> str:
    """A declined question: one of ``number`` wordings, built from a stem, a tag and a tail."""
    form = rng.randrange(number)
    return f"{_STEMS[form % len(_STEMS)]}{form // len(_STEMS)}{_TAILS[form % len(_TAILS)]}"


def fill(log: QuestionLog, rows: int, days: int, declined: float, forms: int) -> list[float]:
    """Log ``rows`` questions over ``days`` days; the time each insert took, in seconds."""
    rng = random.Random(12)
    now = time.time()
    took = []
    for number in range(rows):
        is_declined = rng.random() < declined
        question = wording(rng, forms) if is_declined else "法治组组长是谁"
        row = Asked("渝府办发〔2020〕5号", "private", log.hash(number % 5000), question,
                    "declined" if is_declined else "answered", "" if is_declined else "leader",
                    "" if is_declined else "法治组", 0.0 if is_declined else 1.0, 12.0)  # fmt: skip
        started = time.perf_counter()
        log.record(row, now=now - rng.random() * days * 86400)
        took.append(time.perf_counter() - started)
    return took


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--days", type=int, default=90)
    parser.add_argument("--declined", type=float, default=0.2)
    parser.add_argument("--forms", type=int, default=3000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as directory:
        state = Path(directory)
        database = Database.open(state)
        log = QuestionLog.open(database, state, QuestionLogConfig())
        took = fill(log, args.rows, args.days, args.declined, args.forms)
        print(f"log one question: median {statistics.median(took) * 1e6:.0f} µs, max {max(took) * 1e3:.1f} ms")
        print(f"database: {(state / DATABASE_NAME).stat().st_size / 1e6:.1f} MB for {args.rows} questions")
        for days in (7, args.days):
            started = time.perf_counter()
            rows = questions_since(database, time.time() - days * 86400)
            read = time.perf_counter() - started
            figures = report.build(rows, days)
            built = time.perf_counter() - started - read
            print(
                f"report over {days} days: {len(rows)} questions read in {read:.2f} s, summed up in {built:.2f} s "
                f"({figures.outcomes['declined']} declined → {len(report.clusters([r for r in rows if r.asked.outcome == 'declined']))} clusters)"
            )
        started = time.perf_counter()
        report.facts_stub(figures, Library.build())
        print(
            f"--export-facts for {len(report.export_clusters(figures))} clusters: {time.perf_counter() - started:.2f} s (loading the notice included)"
        )
        database.close()


if __name__ == "__main__":
    main()
