"""The bot's own texts and command menus (``messages.yaml``), validated at start-up."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bot.layout import LayoutWords
from bot.orgchart import ChartWords
from bot.profile import ProfileTexts
from knowledge.loader import load_file

MESSAGES_PATH = Path(__file__).parent / "messages.yaml"


@dataclass(frozen=True)
class Usage:
    leader: str
    duty: str
    who: str
    ask: str


@dataclass(frozen=True)
class Command:
    command: str
    description: str


@dataclass(frozen=True)
class CommandMenus:
    private: tuple[Command, ...]
    group: tuple[Command, ...]


@dataclass(frozen=True)
class FeedbackTexts:
    """👍/👎 under an answer (bot/feedback.py)."""

    up: str
    down: str
    chosen_up: str
    chosen_down: str
    thanks: str
    not_yours: str
    ask_why: str
    placeholder: str
    comment_saved: str


@dataclass(frozen=True)
class ReportTexts:
    """The question log's figures (bot/report.py): ``python -m bot report`` and /stats."""

    header: str
    rate: str
    votes: str
    per_day: str
    declined: str
    disliked: str
    topics: str
    cluster: str
    variants: str
    comment: str
    none: str
    stats: str


@dataclass(frozen=True)
class GroupsTexts:
    """/groups (bot/browse.py): the menu's heading, built from the facts, and its buttons."""

    title: str  # {top}: the top group; {kinds}: the ``kind`` of each, joined by ``separator``
    title_flat: str  # a notice without a group above the others
    kind: str  # {count}, {kind}
    separator: str
    notices: str
    back: str
    chart: str


@dataclass(frozen=True)
class OperatorTexts:
    """Replies to the admins' /reload (bot/admin.py)."""

    reloaded: str
    reload_failed: str


@dataclass(frozen=True)
class NoticesTexts:
    """/notices: what is loaded."""

    heading: str  # {count}
    line: str  # {label}, {title}, {groups}


@dataclass(frozen=True)
class Messages:
    welcome: str
    help: str
    group_mention_help: str
    not_text: str
    error: str
    too_many: str
    too_slow: str
    stale_button: str
    groups: GroupsTexts
    chart: ChartWords
    profile: ProfileTexts
    traditional_note: str
    layout: LayoutWords
    usage: Usage
    inline_button: str
    inline_no_answer: str
    inline_no_result_title: str
    inline_no_result: str
    inline_cards: dict[str, str]
    featured: tuple[str, ...]
    commands: CommandMenus
    feedback: FeedbackTexts
    report: ReportTexts
    operators: OperatorTexts
    notices: NoticesTexts


def load_messages(path: Path = MESSAGES_PATH) -> Messages:
    return load_file(Messages, path)
