"""The engine's sentences (``data/wording.yaml``): templates filled from the facts, never f-strings in
the steps, so every word the bot says can be read and changed in one place."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from knowledge.loader import DATA_DIR, KnowledgeError, load_file

# The templates the code uses; the file must have exactly these.
KEYS = frozenset(
    [
        "apology",
        "section_is",
        "section_titled",
        "section_of_kind",
        "section_unstated",
        "section_of",
        "part_title",
        "part_title_unstated",
        "parts_counted",
        "items_counted",
        "section_group",
        "ask_for_question",
        "which_group",
        "other_groups_too",
        "no_answer",
        "no_group_for",
        "did_you_mean",
        "who_does",
        "you_may_ask",
        "which_one",
        "procedure",
        "what_if",
        "attribute",
        "attribute_of",
        "quantity",
        "foreign_unit",
        "foreign_group",
        "elsewhere",
        "other_year",
        "other_number",
        "no_dates",
        "unknown_person",
        "no_such_post",
        "unit_head_unstated",
        "unit_place_unstated",
        "no_office",
        "claim_unstated",
        "claim_not_said",
        "yes",
        "no",
        "has",
        "has_not",
        "aspect_of",
        "sides_of_kind",
        "clause_own",
        "clause_of_group",
        "clause_requirement",
        "clause_of_unit",
        "clause_of_notice",
        "clause_common",
        "pasted_of_group",
        "pasted_line",
        "where_aspect",
        "holders_counted",
        "people_counted",
        "holder_groups",
        "leaders_missing",
        "leaders_counted",
        "most_deputies",
        "most_deputies_note",
        "silent_deputies",
        "cannot_compare",
        "difference",
        "intersection",
        "union",
        "sum",
        "listing",
        "listing_empty",
        "group_count",
        "equally_many",
        "more_of_two",
        "most_of_all",
        "more",
        "fewer",
        "led_by",
        "post_holder",
        "post_unstated",
        "same_holder",
        "other_holder",
        "two_people",
        "groups_shared",
        "no_group_shared",
        "holder_unknown",
        "small_talk_greeting",
        "small_talk_thanks",
        "small_talk_about_bot",
        "summary",
        "summary_kind",
        "office_unstated",
        "office_groups",
        "field_unstated",
        "which_notice",
        "name_unstated",
        "post_name_unstated",
        "before_unstated",
        "quote_of",
        "unit_duty_unstated",
        "answer_cited",
        "also_unstated",
        "answer_from",
        "answer_confirmed",
        "answer_not_other",
        "people_named",
        "people_by_title",
        "post_unheld",
        "groups_by_title",
        "group_by_holder",
        "holder_titled",
        "clauses_mention",
        "no_clause_mentions",
        "body_not_set_out",
        "body_not_dated",
        "short_name_is",
        "names_unstated",
        "own_date",
        "list_check_wrong",
        "list_check_missing",
        "list_check_complete",
        "choice_is",
        "choice_not",
        "choice_none",
        "choice_none_not",
        "place_held_by",
        "topic_owner",
        "no_group_by_title",
        "people_of_unit",
        "nobody_of",
        "places_with_people",
        "no_groups_under",
        "rule_items",
        "field_list_unstated",
        "item_named",
        "item_field",
        "item_field_unstated",
        "item_field_cut",
        "items_holding",
        "items_holding_none",
        "garbled_entry",
        "former_holder",
        "former_holder_succeeded",
        "former_now_unstated",
        "added_holder",
        "changed_counted",
    ]
)


@dataclass(frozen=True)
class Wording:
    templates: dict[str, str]
    fields: dict[str, str]  # what each document field is called, for one a notice does not give

    def field_label(self, field_id: str) -> str:
        return self.fields.get(field_id, field_id)

    def say(self, key: str, **fields: object) -> str:
        return self.templates[key].format(**fields)


def load_wording(path: Path = DATA_DIR / "wording.yaml") -> Wording:
    wording = load_file(Wording, path)
    missing, unknown = KEYS - set(wording.templates), set(wording.templates) - KEYS
    if missing or unknown:
        raise KnowledgeError(f"{path}: templates: missing {sorted(missing)}, unknown {sorted(unknown)}")
    return wording
