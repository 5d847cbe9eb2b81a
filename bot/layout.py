"""How an answer is laid out for a reader, whatever the output (Telegram HTML, inline result, terminal).

The engine's text states the facts in sentences, one fact's sentence after another; read in a chat it
repeats itself: the same label before every item of a list, the subject before every line of a card, a
clause quoted in the answer and again in its citation. The layout keeps every fact and every citation
and says each once:

- the subject (the answer's group, person or unit) in bold: a heading when several lines are about it,
  each line then labelled (组长 / 副组长单位 / 职责 / 放权 …, the rewrites in messages.yaml);
- a list as lines: a sentence ``label：a；b；c`` becomes the label and one item a line, and sentences
  that repeat one label (有关要求（四（一））：… ×4) share it;
- one citation box: quotes grouped by section, a quote inside another left out, and a quote the answer
  already states word for word named by its opening words only.

Pure text in, text out: bot/render.py escapes and wraps it for Telegram.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher

from knowledge.answer import Answer, Citation
from knowledge.facts import Knowledge
from knowledge.matcher import EntityKind

_OPENING = 8  # characters that name a quote the answer already states in full
_CARRIED = 0.75  # share of a quote's characters the answer must carry for the quote to count as stated
_STATED_MIN = 16  # shorter quotes are cheap to repeat and easier read whole
_STATED_RUN = 10  # characters of a quote the answer repeats word for word that make it stated
_LABEL_MAX = 24  # a "label：" prefix longer than this is a sentence, not a label
_WORDS = re.compile(r"[^\w]|_")  # what _stated ignores: punctuation, brackets, spaces
_PAIRS = {"（": "）", "(": ")", "“": "”", "〔": "〕", "《": "》"}


@dataclass(frozen=True)
class Rewrite:
    """A line of a card, its subject taken off, in the card's words: ``pattern`` (a regex) → ``to``."""

    pattern: str
    to: str


@dataclass(frozen=True)
class LayoutWords:
    """The layout's own words (messages.yaml ``layout``)."""

    bullet: str
    related: str
    tidy: tuple[Rewrite, ...]  # every line
    rewrites: tuple[Rewrite, ...]  # the lines of a card


@dataclass(frozen=True)
class Line:
    """One line of the answer; ``strong`` is the part shown in bold (the subject), found in ``text``."""

    text: str
    strong: str = ""


@dataclass(frozen=True)
class Layout:
    lines: tuple[Line, ...]
    citations: tuple[tuple[str, tuple[str, ...]], ...]  # (section, its quotes) in order of first citation


def subjects_of(kb: Knowledge, answer: Answer) -> tuple[str, ...]:
    """The names of what the answer is about (its context's subjects), the first one first."""
    tables = {EntityKind.GROUP: kb.groups, EntityKind.PERSON: kb.people, EntityKind.UNIT: kb.units}
    return tuple(tables[e.kind][e.id].name for e in answer.context.entities if e.id in tables[e.kind])


def lay_out(answer: Answer, words: LayoutWords, subjects: tuple[str, ...] = (), buttons: bool = False) -> Layout:
    """The answer's lines and its citation box. ``buttons``: the suggestions are shown as buttons, so a
    declined answer's list of them is not repeated in the text."""
    sentences = [_tidy(s, words) for line in answer.text.splitlines() for s in _sentences(line)]
    if buttons and not answer.answered:
        shown = {f"{words.bullet}{s}" for s in answer.suggestions}
        sentences = [s for s in sentences if s.strip() not in shown]
    lines = _lines(sentences, words, next((s for s in subjects if s), ""))
    return Layout(tuple(lines), _citations(answer.citations, answer.text))


def plain(answer: Answer, words: LayoutWords, subjects: tuple[str, ...] = ()) -> str:
    """The terminal's rendering: the same layout, the citations indented, related questions last."""
    layout = lay_out(answer, words, subjects)
    rows = [line.text for line in layout.lines]
    rows += [f"  {citation}" for citation in citation_lines(layout)]
    if answer.suggestions and answer.answered:
        rows.append(f"  {words.related}" + " / ".join(answer.suggestions))
    return "\n".join(rows)


def citation_lines(layout: Layout) -> list[str]:
    """One line a section: 〔二（三）〕“quote”“quote”."""
    return [f"〔{section}〕" + "".join(f"“{q}”" for q in quotes) for section, quotes in layout.citations]


# --- lines ---------------------------------------------------------------------------------------


def _sentences(line: str) -> list[str]:
    """A line cut after each 。 outside brackets and quotes."""
    return [p.strip() for p in _cut(line, "。", keep=True) if p.strip()]


def _split_top(text: str, separators: str) -> list[str]:
    """``text`` cut at ``separators`` outside brackets and quotes."""
    return [p for p in _cut(text, separators, keep=False) if p.strip()]


def _cut(text: str, separators: str, keep: bool) -> list[str]:
    """``text`` cut at ``separators`` outside brackets and quotes, each kept at the end of its piece or not."""
    pieces, depth, start = [], 0, 0
    closing = set(_PAIRS.values())
    for index, char in enumerate(text):
        if char in _PAIRS:
            depth += 1
        elif char in closing:
            depth = max(0, depth - 1)
        elif char in separators and depth == 0:
            pieces.append(text[start : index + 1 if keep else index])
            start = index + 1
    pieces.append(text[start:])
    return pieces


def _label(sentence: str) -> tuple[str, str]:
    """``label：body`` split at its first top-level colon, or ("", sentence)."""
    head = _split_top(sentence, "：")
    if len(head) > 1 and len(head[0]) <= _LABEL_MAX:
        return head[0] + "：", sentence[len(head[0]) + 1 :]
    return "", sentence


def _lines(sentences: list[str], words: LayoutWords, subject: str) -> list[Line]:
    card = subject != "" and sum(_about(s, subject, words) for s in sentences) >= 2
    if card:  # several sentences about one subject: a heading, then each sentence as a labelled line
        sentences = [_card_line(s, subject, words) if _about(s, subject, words) else s for s in sentences]
    lines: list[Line] = [Line(subject, subject)] if card else []
    labelled = [_label(s) for s in sentences if s]
    for index, (label, body) in enumerate(labelled):
        items = _split_top(body.removesuffix("。"), "；;") if label else [body]
        shared = label != "" and label in (labelled[index - 1][0] if index else "", _next_label(labelled, index))
        if label and (len(items) > 1 or shared):
            if index == 0 or labelled[index - 1][0] != label:
                lines.append(_strong(label, subject, card))
            lines += [Line(f"{words.bullet}{item.strip()}") for item in items]
        else:
            lines.append(_strong(label + body, subject, card))
    if not card and lines and not any(line.strong for line in lines):
        label, _ = _label(lines[0].text)  # no subject: the first line's label is what it is about
        lines[0] = Line(lines[0].text, label.removesuffix("："))
    return lines


def _next_label(labelled: list[tuple[str, str]], index: int) -> str:
    return labelled[index + 1][0] if index + 1 < len(labelled) else ""


def _about(sentence: str, subject: str, words: LayoutWords) -> bool:
    """A sentence of the subject's card: it starts with the subject or is one a rewrite knows."""
    return sentence.startswith(subject) or _card_line(sentence, subject, words) != sentence


def _tidy(sentence: str, words: LayoutWords) -> str:
    for rewrite in words.tidy:
        sentence = re.sub(rewrite.pattern, rewrite.to, sentence)
    return sentence


def _card_line(sentence: str, subject: str, words: LayoutWords) -> str:
    for rewrite in words.rewrites:
        changed = re.sub(rewrite.pattern.replace("{subject}", re.escape(subject)), rewrite.to, sentence)
        if changed != sentence:
            return changed
    return sentence.removeprefix(subject).removeprefix("。")


def _strong(text: str, subject: str, card: bool) -> Line:
    return Line(text, subject if subject and not card and subject in text else "")


# --- citations -----------------------------------------------------------------------------------


def _citations(citations: tuple[Citation, ...], text: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    quotes = list(dict.fromkeys(c.quote for c in citations))
    inside = {q for q in quotes if any(q != other and q in other for other in quotes)}
    sections: dict[str, list[str]] = {}
    for quote, section in dict.fromkeys((c.quote, c.section) for c in citations):
        if quote in inside:
            continue
        if len(quote) >= _STATED_MIN and _stated(quote, text):
            quote = quote[:_OPENING] + "…"
        sections.setdefault(section, []).append(quote)
    return tuple((section, tuple(quotes)) for section, quotes in sections.items())


def _stated(quote: str, text: str) -> bool:
    """The answer already says what the quote says: it carries at least ``_CARRIED`` of the quote's
    characters, in any order, punctuation and brackets aside (组长:唐良智市委副书记 by 组长：唐良智（市委副书记）;
    组长由市司法局局长张德宽担任 by 法治组组长：张德宽（市司法局局长）, all but 由担任), or it quotes a stretch of
    ``_STATED_RUN`` characters of it word for word (the item of a duty clause a topic question is about)."""
    quote, text = _WORDS.sub("", quote), _WORDS.sub("", text)
    wanted, present = Counter(quote), Counter(text)
    if sum((wanted & present).values()) >= _CARRIED * len(quote):
        return True
    run = SequenceMatcher(None, quote, text, autojunk=False).find_longest_match()
    return run.size >= _STATED_RUN
