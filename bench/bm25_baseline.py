"""Baseline for the benchmark: BM25 (rank_bm25) over jieba-cut sentences of the notice.

The "plain search" the engine is compared with: it answers a question with the notice sentence
that ranks first, and declines when no sentence scores above zero. Same CLI contract as
``python -m bot ask --json`` so ``../shared/tools/evaluate.py --cmd`` can score it.
Usage: python bench/bm25_baseline.py ask --json < questions.txt
"""

from __future__ import annotations

import json
import re
import sys
import time
from pathlib import Path

import jieba
from rank_bm25 import BM25Okapi

NOTICE = Path(__file__).resolve().parents[1] / "knowledge" / "notices" / "chongqing-fangguanfu" / "notice.txt"


class Bm25Baseline:
    def __init__(self) -> None:
        text = re.sub(r"\s+", "", NOTICE.read_text(encoding="utf-8"))
        self.sentences = list(dict.fromkeys(s for s in re.split(r"(?<=[。;:])", text) if len(s) > 4))
        self.index = BM25Okapi([jieba.lcut(s) for s in self.sentences])

    def ask(self, question: str) -> dict[str, object]:
        scores = self.index.get_scores(jieba.lcut(question))
        best = max(range(len(scores)), key=scores.__getitem__)
        answered = bool(scores[best] > 0)
        return {"question": question, "answered": answered, "answer": self.sentences[best] if answered else ""}


def main() -> int:
    jieba.setLogLevel(60)
    started = time.perf_counter()
    baseline = Bm25Baseline()
    if "--build-time" in sys.argv:
        print(f"{time.perf_counter() - started:.4f}")
    questions = [a for a in sys.argv[2:] if not a.startswith("--")] or [line.rstrip("\n") for line in sys.stdin]
    for question in questions:
        print(json.dumps(baseline.ask(question), ensure_ascii=False), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
