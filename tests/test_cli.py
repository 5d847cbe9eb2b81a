"""The command line: ``python -m bot ask`` (the contract evaluate.py relies on) and ``chat``."""

from __future__ import annotations

import json
from pathlib import Path

from harness import run_cli


def test_ask_json_prints_one_object_per_input_line_in_order() -> None:
    lines = ["协调小组组长是谁？", "", "今天天气怎么样", "😀", "法治组组长是谁\u200b", "x" * 5000]
    result = run_cli(["ask", "--json"], stdin="\n".join(lines) + "\n")
    assert result.returncode == 0, result.stderr
    replies = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["question"] for r in replies] == lines
    assert set(replies[0]) == {
        "question",
        "answered",
        "answer",
        "facts",
        "citations",
        "confidence",
        "suggestions",
        "notice",
    }
    assert replies[0]["answered"] and "唐良智" in replies[0]["answer"]
    assert replies[0]["citations"][0]["section"] == "一（一）"
    assert [r["answered"] for r in replies[1:]] == [False, False, False, True, False]


def test_ask_with_arguments_prints_answer_and_citation() -> None:
    result = run_cli(["ask", "法治组组长是谁"])
    assert result.returncode == 0
    assert "张德宽" in result.stdout and "〔三（二）〕" in result.stdout


def test_chat_keeps_follow_up_context() -> None:
    result = run_cli(["chat"], stdin="法治组组长是谁\n那它负责什么呢\n")
    assert result.returncode == 0
    assert "张德宽" in result.stdout and "法律审核" in result.stdout


def test_no_token_starts_the_terminal_chat_with_a_one_line_notice() -> None:
    result = run_cli([], stdin="协调小组组长是谁\n")
    assert result.returncode == 0
    assert result.stderr.strip().splitlines() == ["未设置 TELEGRAM_BOT_TOKEN，改为启动终端对话。"]
    assert "唐良智" in result.stdout


def test_a_broken_config_stops_with_exit_code_2_naming_file_and_field(tmp_path: Path) -> None:
    config = tmp_path / "config.yaml"
    config.write_text("engine:\n  fuzzy_floor: 300\n", encoding="utf-8")
    result = run_cli(["ask", "法治组组长是谁"], env={"BOT_CONFIG": str(config)})
    assert result.returncode == 2
    assert f"{config}: engine.fuzzy_floor: must be between 50 and 100" in result.stderr
    assert result.stdout == ""


def test_ask_context_answers_the_lines_as_one_conversation() -> None:
    lines = "市大数据发展局在哪些组\n这些组的组长分别是谁\n"
    together = [json.loads(line) for line in run_cli(["ask", "--json", "--context"], stdin=lines).stdout.splitlines()]
    apart = [json.loads(line) for line in run_cli(["ask", "--json"], stdin=lines).stdout.splitlines()]
    assert "罗蔺" in together[1]["answer"] and "许洪斌" in together[1]["answer"]
    assert not apart[1]["answered"]


def test_ask_stops_quietly_when_its_reader_goes_away() -> None:
    """``python -m bot ask … | head -1``: the reader closes the pipe; no traceback, exit 0."""
    import subprocess
    import sys

    root = Path(__file__).resolve().parent.parent
    ask = subprocess.Popen(
        [sys.executable, "-m", "bot", "ask"],
        cwd=root,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert ask.stdin is not None and ask.stdout is not None
    ask.stdin.write(("综合组组长是谁\n" * 2000).encode())
    ask.stdin.close()
    assert ask.stdout.readline().decode().startswith("问：综合组组长是谁")
    ask.stdout.close()  # the reader goes away, as head does
    assert ask.wait(timeout=120) == 0
    assert ask.stderr is not None
    err = ask.stderr.read()
    assert b"Traceback" not in err and b"BrokenPipe" not in err
