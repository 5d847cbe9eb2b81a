"""``python -m knowledge ingest NOTICE.txt --out DIR [--questions FILE]``: a crawled notice → knowledge."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from knowledge.ingest import ingest
from knowledge.ingest.questions import dump, question_table
from knowledge.loader import KnowledgeError, load_knowledge

EXIT_BAD_INPUT = 2


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m knowledge", description="通知知识库工具 / notice knowledge tools")
    commands = parser.add_subparsers(dest="command", required=True)
    cmd = commands.add_parser("ingest", help="把爬取的通知文本读成 notice.txt 和 facts.yaml / read a crawled notice")
    cmd.add_argument("notice", type=Path, help="爬取的通知文本 (UTF-8) / the crawled notice text")
    cmd.add_argument("--out", type=Path, required=True, help="输出目录 / output directory")
    cmd.add_argument("--questions", type=Path, help="另写一份回归问题表 / also write a question table")
    args = parser.parse_args(argv)
    try:
        raw = args.notice.read_bytes().decode("utf-8-sig")
    except OSError as error:
        print(f"无法读取 {args.notice}：{error.strerror} / cannot read {args.notice}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except UnicodeDecodeError:
        print(f"{args.notice} 不是 UTF-8 文本 / not UTF-8 text", file=sys.stderr)
        return EXIT_BAD_INPUT
    if not raw.strip():
        print(f"{args.notice} 是空文件 / the file is empty", file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        result = ingest(raw, args.out)
    except OSError as error:
        print(f"无法写入 {args.out}：{error.strerror} / cannot write {args.out}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KnowledgeError as error:
        print(f"读出的事实无法加载 / the facts do not load: {error}", file=sys.stderr)
        return 1
    s = result.summary
    print(
        f"{args.out}: groups {s.groups}, people {s.people}, units {s.units}, duties {s.duties}, "
        f"requirements {s.requirements}, CHECK {s.checks}"
    )
    if args.questions is not None:
        try:
            args.questions.write_text(dump(question_table(load_knowledge(args.out))), encoding="utf-8")
        except OSError as error:
            print(f"无法写入 {args.questions}：{error.strerror} / cannot write {args.questions}", file=sys.stderr)
            return EXIT_BAD_INPUT
    return 0


if __name__ == "__main__":
    sys.exit(main())
