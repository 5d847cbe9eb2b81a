"""Average length of the bot's answers as the user sees them: Telegram HTML and plain text (never a test).

Every question of tests/questions/*.yaml is asked once; each answer is rendered as the bot sends it
(the HTML of its messages, tags included, as Telegram counts them: UTF-16 units) and as the terminal
prints it. It also checks that the layout keeps every citation: each cited section appears in the HTML,
and each quoted clause appears in it whole (in the answer or in the citation box) or is named by its
opening words beside its section (a clause the answer already states word for word).
Usage: python bench/bench_answer_length.py
"""

from __future__ import annotations

import statistics
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.layout import plain, subjects_of  # noqa: E402
from bot.messages import load_messages  # noqa: E402
from bot.render import answer_messages, size  # noqa: E402
from knowledge.engine import Engine  # noqa: E402

TABLES = sorted((ROOT / "tests" / "questions").glob("*.yaml"))


def main() -> None:
    engine = Engine.build()
    messages = load_messages()
    questions = [case["q"] for path in TABLES for case in yaml.safe_load(path.read_text(encoding="utf-8"))]
    html_sizes, plain_sizes, lost = [], [], 0
    for question in questions:
        answer = engine.ask(question)
        subjects = subjects_of(engine.kb, answer)
        html = "\n".join(answer_messages(answer, messages.layout, 4096, subjects=subjects))
        html_sizes.append(size(html))
        plain_sizes.append(size(plain(answer, messages.layout, subjects)))
        unescaped = html.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
        shown = [c.quote for c in answer.citations if c.quote in unescaped or c.quote[:8] in unescaped]
        for citation in answer.citations:
            named = any(citation.quote in quote for quote in shown)  # itself, or inside a quote shown
            lost += citation.section not in unescaped or not named
    print(f"questions: {len(questions)} (tests/questions/*.yaml)")
    print(f"Telegram HTML: mean {statistics.mean(html_sizes):.1f}, median {statistics.median(html_sizes):.0f}")
    print(f"plain text:    mean {statistics.mean(plain_sizes):.1f}, median {statistics.median(plain_sizes):.0f}")
    print(f"longest HTML: {max(html_sizes)}; citations not shown: {lost}")


if __name__ == "__main__":
    main()
