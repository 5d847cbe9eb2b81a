"""Benchmark the engine against the BM25 baseline and print the figures (never run as a test).

Prints, for the engine and for bench/bm25_baseline.py side by side:
- per-question latency in process (median, p99) over the dev set and our question table;
- build time in process (engine: knowledge, lexicon, segmenter, indexes; baseline: jieba + BM25);
- cold start: wall time of a one-question ``ask`` in a fresh process (median of several runs),
  with the first run (which may build the jieba cache) reported apart;
- peak RSS of that process;
- the cost of one long message, 10 / 100 / 1,000 / 10,000 characters, with and without commas
  (each clause a self-introduction and a question): the work must grow no faster than BM25's.
Usage: python bench/bench_engine.py [--runs 7]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "eval" / "dev.yaml"
TABLES = sorted((ROOT / "tests" / "questions").glob("*.yaml"))  # our own table and the blind sets
QUESTION = "协调小组组长是谁"
CLAUSE = "您好我是区县发改委的想问下法治组组长是谁"
LENGTHS = (10, 100, 1_000, 10_000)


def questions() -> list[str]:
    found = []
    for path in (DEV, *TABLES):
        if path.exists():  # the dev set lives in ../shared, beside the checkout
            found += [case["q"] for case in yaml.safe_load(path.read_text(encoding="utf-8"))]
    return found


def latencies(ask: Callable[[str], object], asked: list[str], rounds: int = 5) -> list[float]:
    for question in asked:  # warm caches (pinyin per character, regex) as a long-running bot would
        ask(question)
    times = []
    for _ in range(rounds):
        for question in asked:
            started = time.perf_counter_ns()
            ask(question)
            times.append((time.perf_counter_ns() - started) / 1e6)
    return times


def message(length: int, commas: bool) -> str:
    unit = CLAUSE + ("，" if commas else "")
    return (unit * (length // len(unit) + 1))[:length]


def long_messages(ask: Callable[[str], object], rounds: int = 5) -> dict[tuple[int, bool], float]:
    """Median milliseconds per message of each length, with and without commas."""
    figures = {}
    for length in LENGTHS:
        for commas in (False, True):
            text = message(length, commas)
            ask(text)
            times = []
            for _ in range(rounds):
                started = time.perf_counter_ns()
                ask(text)
                times.append((time.perf_counter_ns() - started) / 1e6)
            figures[(length, commas)] = statistics.median(times)
    return figures


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def cold_start(command: list[str], runs: int) -> tuple[float, list[float], float]:
    """First wall time, the later wall times, and the peak RSS (MB) over all runs."""
    walls, peak = [], 0.0
    for _ in range(runs):
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(process.pid, 0)
        walls.append(time.perf_counter() - started)
        if status != 0:
            raise SystemExit(f"{' '.join(command)} failed with status {status}")
        peak = max(peak, usage.ru_maxrss / 1024)
    return walls[0], walls[1:], peak


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7, help="fresh processes per cold-start figure")
    args = parser.parse_args()
    if args.runs < 2:  # the first run is reported apart; the median needs at least one more
        parser.error("--runs must be at least 2")
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "bench"))
    asked = questions()
    # Fresh processes first, while this one is small: a forked child's peak RSS counts the parent's
    # pages until exec, so measuring after loading the engine here would inflate both figures.
    python = sys.executable
    ours_cold = cold_start([python, "-m", "bot", "ask", QUESTION], args.runs)
    theirs_cold = cold_start([python, "bench/bm25_baseline.py", "ask", QUESTION], args.runs)

    started = time.perf_counter()
    from knowledge.engine import Engine

    engine = Engine.build()
    engine_build = time.perf_counter() - started
    started = time.perf_counter()
    from bm25_baseline import Bm25Baseline

    baseline = Bm25Baseline()
    baseline_build = time.perf_counter() - started

    ours = latencies(engine.ask, asked)
    theirs = latencies(baseline.ask, asked)
    rows = [
        ("questions timed", f"{len(asked)} x 5", f"{len(asked)} x 5"),
        ("latency median (ms)", f"{statistics.median(ours):.3f}", f"{statistics.median(theirs):.3f}"),
        ("latency p99 (ms)", f"{percentile(ours, 0.99):.3f}", f"{percentile(theirs, 0.99):.3f}"),
        ("build in process (s)", f"{engine_build:.3f}", f"{baseline_build:.3f}"),
        ("cold start, first run (s)", f"{ours_cold[0]:.3f}", f"{theirs_cold[0]:.3f}"),
        (
            "cold start, median (s)",
            f"{statistics.median(ours_cold[1]):.3f}",
            f"{statistics.median(theirs_cold[1]):.3f}",
        ),
        ("peak RSS of ask (MB)", f"{ours_cold[2]:.1f}", f"{theirs_cold[2]:.1f}"),
    ]
    ours_long, theirs_long = long_messages(engine.ask), long_messages(baseline.ask)
    for length, commas in ours_long:
        name = f"{length:,} chars{' with commas' if commas else ''} (ms)"
        rows.append((name, f"{ours_long[(length, commas)]:.2f}", f"{theirs_long[(length, commas)]:.2f}"))
    print(f"{'':34}{'engine':>12}{'BM25 baseline':>16}")
    for name, mine, base in rows:
        print(f"{name:34}{mine:>12}{base:>16}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
