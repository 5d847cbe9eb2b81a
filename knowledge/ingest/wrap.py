"""A text taken from a PDF: its page footers (— 1 —) out, and the lines it hard-wrapped at the page width put
back together where a line plainly goes on in the next (a word, a name or a title cut in two, a bracket left
open, a sentence of prose cut before its end, a list cut after its 、). Lines are only joined, never reworded."""

from __future__ import annotations

import logging
import re

from knowledge.ingest.draft import is_unit
from knowledge.ingest.names import ends_as_post, is_name
from knowledge.ingest.roster import bracketed_person

# — 1 — / - 2 - / －3－ / 第 4 页 / 第4页 共9页: a page's footer, not the notice's own text
PAGE_FOOTER = re.compile(
    r"^(?:[—\-－–]{1,2}\s*\d{1,3}\s*[—\-－–]{1,2}|第\s*\d{1,3}\s*页(?:\s*[,，/]?\s*共\s*\d{1,3}\s*页)?)$"
)
_CJK = "\u4e00-\u9fff"
# where a line may stop mid-sentence: a character of a word, a digit, an open bracket, a comma
_OPEN_END = re.compile(rf"[{_CJK}0-9A-Za-z（(，,]$")
_PROSE = re.compile(r"[，,。；;]")
# a line that starts something of its own: a heading, a role label, a table row, a date (a news report's
# 6月1日,记者… under its headline), a 文号, an annex
_STARTS_OWN = re.compile(
    rf"^(?:[一二三四五六七八九十]{{1,3}}、|[（(][一二三四五六七八九十]{{1,3}}[)）]|\d{{1,2}}[、.．](?!\d)|第[{_CJK}]{{1,4}}条"
    rf"|[{_CJK}]{{1,8}}[:：]|[|｜]|\d{{4}}年|\d{{1,2}}月\d{{1,2}}日|[{_CJK}]{{1,10}}[〔\[［]\d{{4}}|附件)"
)
_MIN_PROSE = 16  # a prose line this long that stops without its end goes on (a wrapped paragraph)
_MIN_WORDY = 12  # a shorter line goes on only where a word runs over the break or a bracket is open
# the words a unit's name joins its parts with (文化广播电视和旅游局, 人力资源与社会保障局): no title ends with one
_JOINING = ("和", "与", "及")


def drop_page_footers(lines: list[str]) -> list[str]:
    return [line for line in lines if not PAGE_FOOTER.match(line.strip())]


def rejoin_wrapped(lines: list[str], paragraph_ends: frozenset[str] = frozenset()) -> list[str]:
    """Each line joined with the next while it plainly goes on there (see the module's note); never a line that
    ends as one of a page's paragraphs does (``paragraph_ends``: their last characters, spaces out)."""
    out: list[str] = []
    for line in lines:
        ends_paragraph = bool(paragraph_ends) and _tail(out[-1] if out else "", paragraph_ends)
        if out and not ends_paragraph and _goes_on(out[-1], line):
            out[-1] += line
        else:
            out.append(line)
    return out


def _tail(line: str, ends: frozenset[str]) -> bool:
    size = len(next(iter(ends)))
    return re.sub(r"\s", "", line)[-size:] in ends


def _goes_on(line: str, after: str) -> bool:
    if _person_list_cut(line, after):
        return True  # 委员：王某（市某局副局长）、…、/ 李某（…）、…: a list of people cut between its entries
    if _title_cut_at_join(line, after):
        return True  # 熊某 县文化广播电视和 / 旅游局局长: a roster entry however short
    if _ends_entry(line):
        return False  # 县委宣传部副部长 孙丽华 / 县发展和改革局…: an entry in "post name" order ends at its name
    if line.endswith("、") and len(line) >= _MIN_WORDY and not (_STARTS_OWN.match(after) or _starts_entry(after)):
        return True  # 成员:县委宣传部、…、县交通运输局、/ 县水利局、…: a list cut after one of its items goes on
    if not _OPEN_END.search(line) or _STARTS_OWN.match(after) or _starts_entry(after):
        return False
    if _unit_cut_in_list(line, after):
        return True
    if _open_bracket(line):
        return True
    if len(line) >= _MIN_PROSE and _PROSE.search(line[:-1]):
        return True
    return len(line) >= _MIN_WORDY and _word_runs_over(line, after)


# 、 between the entries of a list, not inside an entry's brackets (王某（市某局局长、党组书记）)
_ENTRY_SEP = re.compile(r"、(?![^（(]*[)）])")


def _person_list_cut(line: str, after: str) -> bool:
    """A list of people joined by 、, each with their title in brackets (王某（市某局副局长）、李某（…）), cut after one of
    its 、 (the next line opens with the next entry) or between a name and its brackets (…、彭某 / （某公司副总经理）、…):
    two whole entries before the cut at least, and the next line goes on with the list."""
    items = _ENTRY_SEP.split(re.sub(rf"^[{_CJK}]{{1,8}}[:：]\s*", "", line))
    if len(items) < 3 or not all(bracketed_person(item) for item in items[:-1]):
        return False
    if not items[-1]:
        return bracketed_person(_ENTRY_SEP.split(after)[0].rstrip("。")) is not None
    return is_name(items[-1]) and re.match(r"^[（(][^()（）]+[)）](?:、|。?$)", after) is not None


def _unit_cut_in_list(line: str, after: str) -> bool:
    """A list of units cut inside one of them (…、市财政局、市自然资源和 / 规划局、市住房和城乡建设局…): the line's last
    item is no unit, but with the next line's first item it is one, and the next line goes on with the list."""
    items = line.split("、")
    last, first = items[-1], after.split("、")[0].rstrip("。")
    return len(items) >= 3 and "、" in after and not is_unit(last) and is_unit(last + first)


def _title_cut_at_join(line: str, after: str) -> bool:
    """Whether a roster entry (name, then title) stops at a word that joins a unit's name (…文化广播电视和) and the
    next line is only the rest of its post (旅游局局长): no name, no label, no sentence."""
    return (
        _starts_entry(re.sub(rf"^[{_CJK}]{{1,8}}[:：]\s*", "", line))  # 成员：熊某 … too
        and line.endswith(_JOINING)
        and ends_as_post(after)
        and len(after) <= 20
        and not re.search(r"[\s:：,，。;；、]", after)
        and not _starts_entry(after)
    )


def _open_bracket(line: str) -> bool:
    return line.count("（") + line.count("(") > line.count("）") + line.count(")")


def _ends_entry(line: str) -> bool:
    """A roster entry in "post name" order, whole: a name after a space ends it (县委宣传部副部长 孙丽华), whatever
    word the general dictionary reads across the break (华县)."""
    m = re.search(rf"\s([{_CJK}]{{2,3}})$", line)
    return m is not None and is_name(m.group(1)) and len(line) - len(m.group(0)) >= 2


def _starts_entry(line: str) -> bool:
    """A roster entry of its own: a name, then its title after a space or in brackets (孔丽 县长, 孔丽（县长）)."""
    m = re.match(rf"^([{_CJK}]{{2,3}})[ （(]", line)
    return m is not None and is_name(m.group(1))


def _word_runs_over(line: str, after: str) -> bool:
    """Whether the general dictionary reads a word across the break (县公|安局局长 → 公安局)."""
    import jieba  # only ingest needs the general dictionary

    jieba.setLogLevel(logging.WARNING)
    tail, head = line[-4:], after[:4]
    at = 0
    for word in jieba.cut(tail + head, HMM=False):
        if at < len(tail) < at + len(word) and len(word) >= 2:
            return True
        at += len(word)
    return False
