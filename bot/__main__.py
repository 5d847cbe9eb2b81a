"""Command line: ``python -m bot`` runs the Telegram bot (or the terminal chat without a token);
``python -m bot serve`` runs the bot and, without a token, chats only on a terminal, else exits 2
(the Docker image's command: a restart policy must not loop on a prompt nobody sees);
``python -m bot health`` checks the liveness file (the image's HEALTHCHECK);
``python -m bot ask`` answers questions from arguments or stdin; ``python -m bot chat`` talks in the
terminal; ``python -m bot report`` sums up the question log. The ``ask``, ``chat`` and ``health`` paths import no Telegram code, so they start fast.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

from bot.config import AppConfig, ConfigError, config_path, load_config, read_token
from bot.layout import plain, subjects_of
from bot.messages import load_messages
from knowledge.answer import Answer, Context
from knowledge.library import Library
from knowledge.loader import KnowledgeError

EXIT_BAD_SETUP = 2


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot", description="政务通知问答机器人（渝府办发〔2020〕5号）")
    commands = parser.add_subparsers(dest="command")
    ask = commands.add_parser("ask", help="回答问题：参数中的问题，或标准输入中每行一个问题")
    ask.add_argument("questions", nargs="*", help="问题；省略时从标准输入逐行读取")
    ask.add_argument("--json", action="store_true", help="每个问题输出一行 JSON")
    ask.add_argument("--context", action="store_true", help="把各行当作同一段对话（支持追问），如同 chat")
    chat_ = commands.add_parser("chat", help="在终端里与机器人对话（支持追问）")
    for command in (ask, chat_):
        command.add_argument(
            "--knowledge",
            action="append",
            metavar="DIR",
            help="只用这些知识库目录（notice.txt、facts.yaml，可重复），例如 ingest 的输出；默认用配置中的 notices",
        )
    commands.add_parser("serve", help="运行 Telegram 机器人；没有 token 时仅在终端中改为对话，否则退出（退出码 2）")
    commands.add_parser("health", help="检查机器人是否在最近成功连接过 Telegram（退出码 0 健康，1 不健康）")
    report = commands.add_parser("report", help="提问记录的统计：回答率、每天的提问、最常被拒答和 👎 的问题")
    report.add_argument("--days", type=_days, default=7, help="统计最近几天（默认 7）")
    report.add_argument("--json", action="store_true", help="输出一行 JSON")
    report.add_argument("--export-questions", type=Path, metavar="FILE", help="把拒答和 👎 的问题写成题表草稿")
    report.add_argument("--export-facts", type=Path, metavar="FILE", help="为每组问题写出通知中最接近的条款，供审阅")
    args = parser.parse_args(argv)
    _utf8_streams()

    try:
        config = load_config(config_path())
        if args.command == "health":
            return health(config)
        if args.command == "report":
            from bot.report import run as report_run

            return report_run(config, args.days, args.json, args.export_questions, args.export_facts)
        if args.command in (None, "serve") and read_token(config):
            from bot.app import run  # Telegram is imported only on this path

            return run(config)
        if args.command == "serve" and not sys.stdin.isatty():
            print(NO_TOKEN, file=sys.stderr)
            return EXIT_BAD_SETUP
        engine = build_library(config, getattr(args, "knowledge", None))
    except (ConfigError, KnowledgeError) as error:
        print(f"配置错误：{error}", file=sys.stderr)
        return EXIT_BAD_SETUP

    if args.command == "ask":
        lines = args.questions or (line.removesuffix("\n").removesuffix("\r") for line in sys.stdin)
        return answer_lines(engine, lines, as_json=args.json, conversation=args.context)
    if args.command in (None, "serve"):
        print("未设置 TELEGRAM_BOT_TOKEN，改为启动终端对话。", file=sys.stderr)
    return chat(engine)


NO_TOKEN = "未设置 TELEGRAM_BOT_TOKEN，也没有终端可以对话：请设置 TELEGRAM_BOT_TOKEN（docker run -e TELEGRAM_BOT_TOKEN=…）或 telegram.token_file。"


def _days(text: str) -> int:
    """--days: a whole number of days, at least 1."""
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"应为不小于 1 的整数：{text!r}")
    return int(text)


def health(config: AppConfig) -> int:
    """Exit 0 when the bot polled Telegram (or served its webhook) recently, else 1; one line either way."""
    from bot.config import state_dir
    from bot.health import LIVENESS_NAME, check

    ok, line = check(state_dir(config) / LIVENESS_NAME, config.delivery.health_max_age)
    print(line, file=sys.stdout if ok else sys.stderr)
    return 0 if ok else 1


def build_library(config: AppConfig, knowledge: Sequence[str] | None = None) -> Library:
    """The notices to answer from: those given with ``--knowledge``, else the configured ones."""
    dirs = [Path(d) for d in knowledge] if knowledge else config.notice_dirs()
    return Library.build(dirs, config.engine, config.cache_path())


def answer_lines(engine: Library, questions: Iterable[str], as_json: bool, conversation: bool = False) -> int:
    """One answer per question, in order; with ``as_json`` exactly one JSON object per line. With
    ``conversation`` the questions are one chat: each sees the context of the last answered one."""
    context, words = Context(), load_messages().layout
    for question in questions:
        answer = engine.ask(question, context if conversation else None)
        context = answer.context
        if as_json:
            print(json_line(answer.as_json()), flush=True)
        else:
            print(f"问：{question}\n{plain(answer, words, subjects_of(engine.kb_for(answer), answer))}\n", flush=True)
    return 0


def json_line(value: object) -> str:
    """JSON on exactly one line: also escape the characters str.splitlines() breaks at (U+2028 …)."""
    text = json.dumps(value, ensure_ascii=False)
    return text.translate(_LINE_BREAKS)


_LINE_BREAKS = {ord(ch): f"\\u{ord(ch):04x}" for ch in "\x85\u2028\u2029"}


def chat(engine: Library) -> int:
    """A terminal conversation with follow-up context; empty line or Ctrl-D ends it."""
    print("政务通知问答机器人：请输入问题（例如“协调小组组长是谁”），空行或 Ctrl-D 退出。")
    context, words = Context(), load_messages().layout
    while True:
        try:
            question = input("问> ")
        except (EOFError, KeyboardInterrupt):
            print()
            return 0
        if not question.strip():
            return 0
        answer: Answer = engine.ask(question, context)
        context = answer.context
        print(plain(answer, words, subjects_of(engine.kb_for(answer), answer)) + "\n")


def _utf8_streams() -> None:
    """Chinese in and out whatever the locale; undecodable input bytes become U+FFFD, never a crash.
    Input lines end at "\n" only, so a stray "\r" inside a question does not split it in two."""
    for stream in (sys.stdin, sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8", errors="replace")
    if hasattr(sys.stdin, "reconfigure"):
        sys.stdin.reconfigure(newline="\n")


def run() -> int:
    """``main``, quiet when the reader of its output goes away (``python -m bot ask … | head``)."""
    try:
        return main()
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error at exit
        return 0


if __name__ == "__main__":
    sys.exit(run())
