"""``python -m knowledge ingest``: a crawled notice → ``notice.txt`` and ``facts.yaml`` that load.

The pipeline: clean → sections → groups → document → charges (a table's rows as places) → group_table (a table's rows as groups) →
the headings such tables stand under dropped as bodies → roster → changes → office → annexes the crawl lost → duties, rules and an annex's task list; then the
draft is written and loaded with ``load_knowledge``; whatever the loader refuses is dropped (and
noted as a CHECK) until it loads, so the output always loads and never states what it cannot prove.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from knowledge.ingest.actions import read_actions, read_merged
from knowledge.ingest.annex import read_missing_annexes
from knowledge.ingest.changes import read_changes
from knowledge.ingest.charges import read_charges
from knowledge.ingest.clean import clean
from knowledge.ingest.document import read_document, read_title
from knowledge.ingest.draft import Draft
from knowledge.ingest.group_table import read_group_table
from knowledge.ingest.groups import find_groups, without_table_parts
from knowledge.ingest.names import short_names
from knowledge.ingest.office import read_office
from knowledge.ingest.roster import read_roster
from knowledge.ingest.rules import read_duties, read_rules, read_unread_parts
from knowledge.ingest.sections import split_sections
from knowledge.ingest.tasks import read_tasks
from knowledge.ingest.write import Summary, write_until_loaded


@dataclass(frozen=True)
class Result:
    notice: str
    summary: Summary


def read(raw: str) -> Draft:
    """The facts of one crawled notice, as far as its patterns can be read."""
    draft = Draft(clean(raw))
    lines = split_sections(draft.notice)
    title = read_title(lines)
    scopes = find_groups(draft, lines, title[0] if title else None)
    read_document(draft, lines, scopes[0].entry.get("full_name") or scopes[0].entry["name"])
    scopes += read_charges(draft, lines, scopes)
    scopes += read_group_table(draft, lines, scopes)
    scopes = without_table_parts(scopes)
    read_roster(draft, lines, scopes)
    read_changes(draft, lines, scopes)
    read_office(draft, lines, scopes)
    read_missing_annexes(draft, lines, scopes)
    read_duties(draft, lines, scopes)
    read_rules(draft, lines)
    read_tasks(draft, lines)
    read_actions(draft, lines)
    read_merged(draft, lines)
    read_unread_parts(draft, lines, scopes)
    draft.groups = list({id(scope.entry): scope.entry for scope in scopes}.values())  # (an annex shares its group)
    _add_short_names(draft)
    return draft


def _add_short_names(draft: Draft) -> None:
    """Each group's initials forms (三经普领导小组, 未保组) as aliases, where no other name has them."""
    forms = {g["name"]: short_names(g.get("full_name") or g["name"]) for g in draft.groups}
    taken = [*(g["name"] for g in draft.groups), *draft.people, *draft.units]
    taken += [a for g in draft.groups for a in g.get("aliases", [])]
    counts = Counter(f for fs in forms.values() for f in fs)
    for group in draft.groups:
        own = [f for f in forms[group["name"]] if counts[f] == 1 and f not in taken]
        if own:
            group["aliases"] = [*group.get("aliases", []), *own]


def ingest(raw: str, out: Path) -> Result:
    draft = read(raw)
    out.mkdir(parents=True, exist_ok=True)
    (out / "notice.txt").write_text(draft.notice, encoding="utf-8")
    return Result(draft.notice, write_until_loaded(draft, out))
