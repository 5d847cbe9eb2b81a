"""/chart: how long drawing the organisation chart takes (cold: the font loaded; warm), its size in
pixels and bytes, and the installed font file's size. Prints numbers; run: python bench/bench_chart.py"""

from __future__ import annotations

import os
import statistics
import time

import noto_cjk_sans_otc

from bot.messages import load_messages
from bot.orgchart import draw
from knowledge.engine import Engine


def main() -> None:
    kb, words = Engine.build().kb, load_messages().chart
    started = time.perf_counter()
    chart = draw(kb, "渝府办发〔2020〕5号", words)
    cold = time.perf_counter() - started
    warm = []
    for _ in range(10):
        started = time.perf_counter()
        draw(kb, "渝府办发〔2020〕5号", words)
        warm.append(time.perf_counter() - started)
    print(f"chart: {chart.width}×{chart.height} px, {len(chart.png) / 1024:.1f} KiB PNG")
    print(f"draw: cold {cold * 1000:.0f} ms (font loaded), warm median {statistics.median(warm) * 1000:.0f} ms")
    print(f"font file: {os.path.getsize(str(noto_cjk_sans_otc.FONT_PATH)) / 2**20:.1f} MiB")


if __name__ == "__main__":
    main()
