"""How much the derived short forms of names cost: for each shared notice (ingested afresh), the units,
the short forms derived from names (groups, units, titles, addresses) and the time to build the
entity matcher (median of several builds). Prints one row per notice and the total.
Usage: python bench/bench_name_forms.py [--runs 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOTICES = ROOT.parent / "shared" / "notices"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5, help="matcher builds per notice")
    runs = parser.parse_args().runs
    sys.path.insert(0, str(ROOT))
    from knowledge.ingest import ingest
    from knowledge.loader import load_knowledge
    from knowledge.matcher import EntityMatcher, MatcherConfig

    config = MatcherConfig(fuzzy_floor=80.0, margin=5.0)
    total_ms = 0.0
    print(f"{'notice':40} {'units':>5} {'surfaces':>8} {'build ms':>9}")
    with tempfile.TemporaryDirectory() as tmp:
        for path in sorted(NOTICES.glob("*.txt")):
            out = Path(tmp) / path.stem
            ingest(path.read_text(encoding="utf-8"), out)
            kb = load_knowledge(out)
            times = []
            for _ in range(runs):
                start = time.perf_counter()
                matcher = EntityMatcher(kb, config)
                times.append((time.perf_counter() - start) * 1000)
            median = statistics.median(times)
            total_ms += median
            print(f"{path.stem:40} {len(kb.units):5} {len(matcher.surfaces):8} {median:9.1f}")
    print(f"{'total':40} {'':5} {'':8} {total_ms:9.1f}")


if __name__ == "__main__":
    main()
