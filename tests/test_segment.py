"""The dedicated jieba tokenizer: names stay whole; its dictionary is built once and then reused."""

from __future__ import annotations

from pathlib import Path

from knowledge.engine import Engine
from knowledge.segment import build_segmenter


def test_names_groups_and_aliases_are_never_split(engine: Engine) -> None:
    tokens = engine.reader.segmenter.cut("商事组的头儿是谁唐英瑜和市市场监管局人行重庆营管部")
    assert {"商事组", "头儿", "唐英瑜", "市市场监管局", "人行重庆营管部"} <= set(tokens)


def test_the_dictionary_is_written_once_and_reused_from_the_cache_dir(tmp_path: Path) -> None:
    notice = "协调小组下设精简行政审批组"
    build_segmenter(notice, ["精简行政审批组"], ["组长"], tmp_path)
    (written,) = tmp_path.glob("dict-*.txt")
    stamp = written.stat().st_mtime_ns
    segmenter = build_segmenter(notice, ["精简行政审批组"], ["组长"], tmp_path)
    assert written.stat().st_mtime_ns == stamp
    assert "精简行政审批组" in segmenter.cut("精简行政审批组组长")
    assert "组长" in written.read_text(encoding="utf-8")
