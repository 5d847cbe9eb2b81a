"""What a person is in charge of (分管), as the notice writes it beside their post: 副县长 刘晓燕（分管市场监管、
卫生健康工作） / 分管生态环境工作的副市长顾晓岚. A question that tells people of one post apart by it (分管市场监管
那个副县长 / 分管环保的副市长) picks the one whose charge says it, in the notice's words or their equivalents."""

from __future__ import annotations

import re

from knowledge.facts import Knowledge, Person

# 分管市场监管那个副县长 / 管环保的副市长 / 负责交通的那位: the charge asked, up to the word that ends it
_ASKED = re.compile(
    r"(?:分管|主管|负责|管)(?:着|的是)?([\u4e00-\u9fff、和及]{2,16}?)(?:工作|方面|这块|那块)?(?:的|那个|那位|那名)"
)
_SAID = re.compile(r"分管([^）)，,。；;的]{2,30})")
_PIECES = re.compile(r"[、和及与]")
_NOT_A_CHARGE = frozenset({"什么", "啥", "哪些", "哪个", "哪块", "谁"})


def charge_asked(text: str) -> list[str]:
    """The pieces of the charge a question names (市场监管, 卫生健康), or none."""
    found = _ASKED.search(text)
    if found is None:
        return []
    pieces = [p.removesuffix("工作") for p in _PIECES.split(found.group(1)) if p]
    return [p for p in pieces if len(p) >= 2 and p not in _NOT_A_CHARGE]


def charge_of(kb: Knowledge, person_id: str) -> str:
    """The charges the notice writes beside the person: in a title (分管生态环境工作的副市长) or in the
    brackets after their name (刘晓燕（分管市场监管、卫生健康工作）)."""
    person = kb.people[person_id]
    said = [m.group(1) for title in person.titles for m in _SAID.finditer(title.title)]
    return "、".join(dict.fromkeys([*said, *bracketed_charges(person)]))


def bracketed_charges(person: Person) -> list[str]:
    """The charges in brackets after the person's name in the lines giving their titles (刘晓燕（分管市场监管、
    卫生健康工作）): what the titles themselves leave out."""
    said = []
    for title in person.titles:
        at = title.quote.find(person.name)
        after = title.quote[at + len(person.name) :].lstrip() if at >= 0 else ""
        if after[:1] in "（(":
            said += [m.group(1) for m in _SAID.finditer(re.split(r"[）)]", after[1:])[0])]
    return list(dict.fromkeys(said))


def charged(kb: Knowledge, text: str, people: list[str], equivalent: dict[str, frozenset[str]]) -> list[str]:
    """Of ``people``, those whose charge says what the question names (none, where no one's does); all of them
    where it names none, or where the notice writes no one's charge."""
    pieces = charge_asked(text)
    if not pieces or not writes_charges(kb):
        return people
    return [
        p
        for p in people
        if (charge := charge_of(kb, p))
        and all(piece in charge or any(e in charge for e in equivalent.get(piece, ())) for piece in pieces)
    ]


def writes_charges(kb: Knowledge) -> bool:
    """Whether the notice writes what anyone is in charge of."""
    return any(charge_of(kb, p) for p in kb.people)
