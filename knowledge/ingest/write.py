"""Write ``facts.yaml`` with ``# CHECK`` comments, and make sure it loads.

Each entry is written on its own with its CHECK notes above it. The file is then loaded with
``load_knowledge``; an entry the loader refuses is dropped (the refusal becomes a CHECK note at the
top) and the file written again, so what is written always loads.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from knowledge.ingest.draft import CHECK, Draft
from knowledge.loader import KnowledgeError, load_knowledge

_SECTIONS = ("document", "groups", "people", "units", "requirements")
_PATH = re.compile(r"([a-z_]+)\[(\d+)\](?: \([^)]*\))?")
MAX_REPAIRS = 200


@dataclass(frozen=True)
class Summary:
    groups: int
    people: int
    units: int
    duties: int
    requirements: int
    checks: int
    dropped: tuple[str, ...]


def _tables(draft: Draft) -> dict[str, list[dict]]:
    return {
        "document": draft.document,
        "groups": draft.groups,
        "people": [p for p in draft.people.values() if p["titles"] or _referenced(draft, p["id"])],
        "units": list(draft.units.values()),
        "requirements": draft.requirements,
    }


def _referenced(draft: Draft, person_id: str) -> bool:
    return person_id in yaml.safe_dump(draft.groups)


def _plain(value: object) -> object:
    """The entry without its CHECK notes, empty lists dropped (a person may have no title)."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items() if k != CHECK and v != []}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _notes(value: object, where: str) -> list[str]:
    out: list[str] = []
    if isinstance(value, dict):
        out += [f"{where}: {note}" for note in value.get(CHECK, [])]
        for key, sub in value.items():
            if key != CHECK:
                out += _notes(sub, f"{where}.{key}")
    elif isinstance(value, list):
        for i, sub in enumerate(value):
            out += _notes(sub, f"{where}[{i}]")
    return out


def render(tables: dict[str, list[dict]], header: list[str]) -> tuple[str, int]:
    lines = [
        "# Facts read by `python -m knowledge ingest` from notice.txt. Every quote stands in notice.txt;",
        "# what could not be read is left out (the bot says 未载明). Read every `# CHECK` before use.",
    ]
    lines += [f"# CHECK {note}" for note in header]
    count = len(header)
    for name in _SECTIONS:
        entries = tables[name]
        if not entries and name != "groups":
            continue
        lines.append("")
        lines.append(f"{name}:")
        for i, entry in enumerate(entries):
            for note in _notes(entry, f"{name}[{i}]"):
                lines.append(f"  # CHECK {note}")
                count += 1
            dumped = yaml.safe_dump([_plain(entry)], allow_unicode=True, sort_keys=False, width=10_000)
            lines += ["  " + line for line in dumped.rstrip("\n").split("\n")]
    return "\n".join(lines) + "\n", count


def write_until_loaded(draft: Draft, out: Path) -> Summary:
    tables = copy.deepcopy(_tables(draft))
    header = list(draft.notes)
    dropped: list[str] = []
    for _ in range(MAX_REPAIRS):
        text, checks = render(tables, header)
        (out / "facts.yaml").write_text(text, encoding="utf-8")
        try:
            load_knowledge(out)
        except KnowledgeError as error:
            message = str(error).split(": ", 1)[-1]
            if not _drop(tables, message):
                raise
            _keep_a_title(tables)
            dropped.append(message)
            header.append(f"dropped because the loader refused it: {message}")
            continue
        groups = tables["groups"]
        duties = sum(1 for g in groups if g.get("duty"))
        return Summary(
            len(groups),
            len(tables["people"]),
            len(tables["units"]),
            duties,
            len(tables["requirements"]),
            checks,
            tuple(dropped),
        )
    raise KnowledgeError("ingest: the facts would not load after many repairs")


def _keep_a_title(tables: dict[str, list[dict]]) -> None:
    """A title the loader refused (a page's bar run into it) gives way to the group's name, so the notice still loads."""
    if any(entry.get("id") == "title" for entry in tables["document"]) or not tables["groups"]:
        return
    group = tables["groups"][0]
    name = group.get("full_name") or group["name"]
    check = "the title could not be read: the group's name stands in for it — replace it with the real title"
    title = {"id": "title", "label": "标题", "value": name, "quote": name, "section": "标题", CHECK: [check]}
    tables["document"].insert(0, title)


def _drop(tables: dict[str, list[dict]], message: str) -> bool:
    """Remove the innermost list entry the loader's message names; False if it names none."""
    path = message.split(":", 1)[0]
    steps = _PATH.findall(path)
    if not steps or steps[0][0] not in tables:
        return False
    parent: object = tables
    target: tuple[list, int] | None = None
    for key, index in steps:
        container = parent.get(key) if isinstance(parent, dict) else None
        if not isinstance(container, list) or int(index) >= len(container):
            break
        target = (container, int(index))
        parent = container[int(index)]
    if target is None:
        return False
    container, index = target
    if container is tables["groups"] and len(container) == 1:
        return False
    del container[index]
    return True
