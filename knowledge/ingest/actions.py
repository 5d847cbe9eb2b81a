"""What the notice does to bodies, in its own prose: the bodies it abolishes (撤销省未成年人保护委员会), the
counts it states (决定保留164个、撤销38 个) and what it merges into what (将X并入Y), as document fields asked by
撤了哪个 / 保留了几个 / 并入哪个."""

from __future__ import annotations

import re

from knowledge.ingest.document import add_field
from knowledge.ingest.draft import Draft
from knowledge.ingest.groups import KINDS
from knowledge.ingest.sections import Line

# The actions a notice takes on bodies: field id and label, and the verbs that say it.
ACTIONS = {"abolished": ("撤销", "撤销|撤并|撤消"), "kept": ("保留", "保留")}
_TAKEN_OVER = re.compile(r"^[,，]\s*(?:其|相关|原)[^。;；]*(?:工作|职能|职责|任务)[^。;；]*$")
_COUNT = r"(\d+\s?|[一二两三四五六七八九十百]+)个"
_BODY = r"((?:[^,，。;；:：、\s]{2,30}?(?:" + "|".join(KINDS) + r")、?)+)"


# 将市甲工作领导小组并入市乙工作领导小组: the body merged and the one it goes into, both by their names
_MERGED = re.compile(
    rf"(?:将)?([^,，。;；:：、\s将]{{2,40}}?(?:{'|'.join(KINDS)}))(?:整体)?(?:并入|合并到|合并至|归并到)"
    rf"([^,，。;；:：、\s]{{2,40}}?(?:{'|'.join(KINDS)}))"
)


def read_merged(draft: Draft, lines: list[Line]) -> None:
    """What the notice merges into what (将X并入Y), as the field 并入: "X并入Y" as written."""
    for line in lines:
        for sentence in re.split(r"(?<=[。;；])", line.body):
            m = _MERGED.search(sentence)
            if m:
                add_field(draft, "merged", "并入", m.group(0).removeprefix("将"), m.group(0), line.section)


def read_actions(draft: Draft, lines: list[Line]) -> None:
    """A count the notice states (保留164个) wins over a body named (撤销X): a stated count is the whole."""
    for line in lines:
        for sentence in re.split(r"(?<=[。;；])", line.body):
            for field_id, (label, verbs) in ACTIONS.items():
                count = re.search(rf"(?:{verbs}){_COUNT}", sentence)
                if count:
                    value = re.sub(r"\s", "", count.group(0)[len(label) :])  # 撤销38 个: the crawl's stray space
                    add_field(draft, field_id, label, value, count.group(0), line.section)
    found = 0
    for line in lines:
        for sentence in re.split(r"(?<=[。;；])", line.body):
            named = re.search(rf"(?:{ACTIONS['abolished'][1]})(?!的){_BODY}", sentence)
            if named is None:  # 保留X is what the rest of the notice lists
                continue
            value, quote = named.group(1).rstrip("、"), named.group(0).rstrip("、")
            alone = quote == line.text.rstrip("。")
            check = "a 撤销 line of its own: check it is the notice's text, not a news subhead" if alone else None
            rest = sentence.strip()[named.end() :].rstrip("。;；")
            if _TAKEN_OVER.match(rest):  # 撤销X，其工作由Y承担: where its work goes is said with it
                quote += rest
            found += 1  # (一)撤销X… (二)撤销Y…: each body its own field, abolished, abolished2, …
            add_field(
                draft, "abolished" if found == 1 else f"abolished{found}", "撤销", value, quote, line.section, check
            )
