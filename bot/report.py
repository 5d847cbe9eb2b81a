"""The question log's figures, for the operator: ``python -m bot report`` and, short, /stats.

Answer rate, questions per day, 👍/👎, the declined and the 👎 questions most asked and the subjects
most asked about. Questions are clustered so that 明天下雨吗 and 明天会下雨吗？ count as one: each is
normalised (knowledge/normalize.py: simplified characters, no punctuation, lower case), identical
forms are merged, then a form joins the most frequent cluster whose first form is within
``SIMILAR`` (rapidfuzz ratio) of it. The exports turn the clusters into stubs for the operator: a
question table in the format of tests/questions/ (to fill in and keep as regression cases), and
per cluster the nearest clause of the notice as the engine's clause index ranks it (to review).
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from dataclasses import asdict, dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import yaml
from rapidfuzz import fuzz, process

from bot.config import AppConfig, state_dir
from bot.messages import ReportTexts, load_messages
from bot.questionlog import DOWN, ERROR, UP, Logged, questions_since
from bot.state import Database, StateError
from knowledge.normalize import normalize

if TYPE_CHECKING:
    from knowledge.library import Library, Notice

SIMILAR = 90  # 明天下雨吗 / 明天会下雨吗 are 91; 法治组组长是谁 / 综合组组长是谁 (two questions) 86
TOP = 10  # clusters and topics listed
_SHORT = 60  # characters of a question /stats shows
_DAY = 86400.0


@dataclass(frozen=True)
class Cluster:
    """Questions asked in nearly the same words: the most asked form first, then the others."""

    question: str
    count: int
    variants: tuple[str, ...] = ()
    comments: tuple[str, ...] = ()


@dataclass(frozen=True)
class Report:
    start: str
    end: str
    days: int
    total: int
    outcomes: dict[str, int]
    answer_rate: float
    per_day: dict[str, int]
    up: int
    down: int
    declined: tuple[Cluster, ...]
    disliked: tuple[Cluster, ...]
    topics: dict[str, int]

    def as_json(self) -> dict[str, object]:
        return asdict(self)


def build(rows: list[Logged], days: int, now: float | None = None) -> Report:
    """The figures for ``rows``, the questions of the last ``days`` days up to ``now``."""
    end = time.time() if now is None else now
    outcomes = Counter(row.asked.outcome for row in rows)
    per_day = Counter(_date(row.asked_at) for row in rows)
    answered = outcomes["answered"] + outcomes["unstated"]  # 未载明 is the notice's answer too
    return Report(
        start=_date(end - days * _DAY + 1),
        end=_date(end),
        days=days,
        total=len(rows),
        outcomes={name: outcomes[name] for name in ("answered", "unstated", "declined", ERROR)},
        answer_rate=round(answered / len(rows), 4) if rows else 0.0,
        per_day=dict(sorted(per_day.items())),
        up=sum(row.vote == UP for row in rows),
        down=sum(row.vote == DOWN for row in rows),
        declined=tuple(clusters([r for r in rows if r.asked.outcome in ("declined", ERROR)])[:TOP]),
        disliked=tuple(clusters([r for r in rows if r.vote == DOWN])[:TOP]),
        topics=dict(Counter(r.asked.topic for r in rows if r.asked.topic).most_common(TOP)),
    )


def clusters(rows: list[Logged]) -> list[Cluster]:
    """The rows' questions grouped by their normalised form and then by near-identity, most asked first."""
    by_form: dict[str, list[Logged]] = {}
    for row in rows:
        by_form.setdefault(normalize(row.asked.question) or row.asked.question, []).append(row)
    groups: list[list[str]] = []  # forms, the first one the cluster's key
    keys: list[str] = []
    for form in sorted(by_form, key=lambda f: (-len(by_form[f]), f)):
        home = process.extractOne(form, keys, scorer=fuzz.ratio, score_cutoff=SIMILAR)
        if home is None:
            groups.append([form])
            keys.append(form)
        else:
            groups[home[2]].append(form)
    result = []
    for forms in groups:
        members = [row for form in forms for row in by_form[form]]
        asked = Counter(row.asked.question for row in members)
        (first, _), *others = asked.most_common()
        comments = tuple(dict.fromkeys(row.comment for row in members if row.comment))
        result.append(Cluster(first, len(members), tuple(q for q, _ in others), comments))
    result.sort(key=lambda c: (-c.count, c.question))
    return result


def text(report: Report, texts: ReportTexts) -> str:
    """The report for a terminal."""
    lines = [
        texts.header.format(start=report.start, end=report.end, days=report.days, total=report.total),
        _rate_line(report, texts),
        texts.votes.format(up=report.up, down=report.down),
        texts.per_day.format(days=" · ".join(f"{day[5:]} {n}" for day, n in report.per_day.items()) or "—"),
        texts.declined,
        *_cluster_lines(report.declined, texts),
        texts.disliked,
        *_cluster_lines(report.disliked, texts),
        texts.topics.format(topics=" · ".join(f"{name} {n}" for name, n in report.topics.items()) or "—"),
    ]
    return "\n".join(lines)


def short(report: Report, texts: ReportTexts) -> str:
    """/stats: the same figures in a few lines."""
    head = texts.stats.format(
        days=report.days, total=report.total, rate=_percent(report.answer_rate), up=report.up, down=report.down
    )
    top = [replace(c, question=c.question[:_SHORT], variants=()) for c in report.declined[:3]]
    return "\n".join([head, texts.declined, *_cluster_lines(tuple(top), texts, comments=False)])


def _rate_line(report: Report, texts: ReportTexts) -> str:
    return texts.rate.format(rate=_percent(report.answer_rate), **report.outcomes)


def _cluster_lines(found: tuple[Cluster, ...], texts: ReportTexts, comments: bool = True) -> list[str]:
    if not found:
        return [texts.none]
    lines = []
    for cluster in found:
        variants = texts.variants.format(variants=" / ".join(cluster.variants[:3])) if cluster.variants else ""
        lines.append(texts.cluster.format(count=cluster.count, question=cluster.question) + variants)
        if comments:
            lines += [texts.comment.format(comment=c) for c in cluster.comments[:3]]
    return lines


def _percent(share: float) -> str:
    return f"{share * 100:.1f}%"


def _date(stamp: float) -> str:
    return datetime.fromtimestamp(stamp).strftime("%Y-%m-%d")


# --- exports ---------------------------------------------------------------------------------------

_QUESTIONS_HEADER = """\
# Declined and 👎 questions from the question log ({start} – {end}), written by
# `python -m bot report --export-questions`. Each is a stub in the format of tests/questions/*.yaml
# (see tests/questions/README.md): choose its category (cat) and file, give it an id unique there,
# fill in must / forbid, or mark it none: true (out of scope) or unstated: true (the notice is silent).
"""

_FACTS_HEADER = """\
# The nearest clause of the notice to each cluster of declined and 👎 questions ({start} – {end}),
# written by `python -m bot report --export-facts`, as the engine's clause index ranks it. Review each:
# an alias or a lexicon rewrite may let the engine find it, a fact may be missing, or the question is
# out of scope.
"""


def export_clusters(report: Report) -> list[Cluster]:
    """What the exports cover: the declined clusters, then the 👎 ones not among them."""
    seen = {c.question for c in report.declined}
    return [*report.declined, *(c for c in report.disliked if c.question not in seen)]


def questions_stub(report: Report) -> str:
    """A question table stub: one case a cluster, with the question and an empty must."""
    lines = [_QUESTIONS_HEADER.format(start=report.start, end=report.end)]
    declined = {c.question for c in report.declined}
    for number, cluster in enumerate(export_clusters(report), start=1):
        why = "declined" if cluster.question in declined else "👎"
        source = f"question log {report.start} – {report.end}: {why} ×{cluster.count}"
        case = {"id": f"log{number}", "q": cluster.question, "cat": "TODO", "must": [], "source": source}
        lines.append(f"- {_flow(case)}  # TODO{_also(cluster)}")
    return "\n".join(lines) + "\n"


def facts_stub(report: Report, library: Library) -> str:
    """Per cluster, the nearest clause of the notice (its fact, section and text) and the questions."""
    entries = []
    for cluster in export_clusters(report):
        entry: dict[str, object] = {"questions": [cluster.question, *cluster.variants], "asked": cluster.count}
        entry["nearest"] = _nearest(library, cluster.question)
        if cluster.comments:
            entry["comments"] = list(cluster.comments)
        entry["todo"] = "review: alias / rewrite / missing fact / out of scope"
        entries.append(entry)
    header = _FACTS_HEADER.format(start=report.start, end=report.end)
    return header + yaml.safe_dump(entries, allow_unicode=True, sort_keys=False, width=1000)


def _nearest(library: Library, question: str) -> dict[str, object] | None:
    """The clause the engine's index ranks first for the question's content words (as the engine reads
    them), in the notice the question is routed to (or, naming none of several, in any), with its
    notice, fact, section and share of the question's weight; None when no clause shares any word."""
    routed = library.route(question)
    best: tuple[float, str, str, Notice] | None = None
    for notice in [routed] if routed is not None else library.notices:
        engine = notice.engine
        hits = engine.tools.index.search(list(engine.reader.read(engine.read_form(question)).content), limit=1)
        if hits and (best is None or hits[0].score > best[0]):
            best = (hits[0].score, hits[0].clause.fact, hits[0].clause.text, notice)
    if best is None:
        return None
    score, fact, clause, notice = best
    section = notice.engine.kb.facts[fact].section
    return {"notice": notice.label, "fact": fact, "section": section, "clause": clause, "score": round(score, 3)}


def _flow(case: dict[str, object]) -> str:
    return yaml.safe_dump(case, allow_unicode=True, default_flow_style=True, sort_keys=False, width=10_000).strip()


def _also(cluster: Cluster) -> str:
    return f"; also asked as: {' / '.join(cluster.variants[:3])}" if cluster.variants else ""


# --- the command ---------------------------------------------------------------------------------


def run(
    config: AppConfig,
    days: int,
    as_json: bool,
    export_questions: Path | None = None,
    export_facts: Path | None = None,
) -> int:
    """``python -m bot report``: read the state database the bot writes (same config), print the report,
    write the exports asked for. Exit 2 when the state database cannot be opened."""
    try:
        database = Database.open(state_dir(config))
    except StateError as error:
        print(f"状态目录不可用：{error}（见 state_dir / BOT_STATE_DIR）", file=sys.stderr)
        return 2
    try:
        now = time.time()
        report = build(questions_since(database, now - days * _DAY), days, now)
    finally:
        database.close()
    texts = load_messages().report
    print(json.dumps(report.as_json(), ensure_ascii=False) if as_json else text(report, texts))
    if export_questions is not None:
        export_questions.write_text(questions_stub(report), encoding="utf-8")
    if export_facts is not None:
        from knowledge.library import Library  # the notices are loaded for this export only

        library = Library.build(config.notice_dirs(), config.engine, config.cache_path())
        export_facts.write_text(facts_stub(report, library), encoding="utf-8")
    return 0
