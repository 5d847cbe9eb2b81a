"""The knowledge base: provenance, coverage, the unstated parts, and validation of broken files."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from knowledge.engine import Engine
from knowledge.facts import Aspect, FactKind, Knowledge, RoleKind
from knowledge.loader import BUNDLED, KnowledgeError, load_knowledge, squeeze

SHARED_NOTICE = Path(__file__).resolve().parents[2] / "shared" / "notice" / "000_d084ee602badfcb7.txt"


@pytest.fixture(scope="module")
def kb() -> Knowledge:
    return load_knowledge()


def test_notice_is_the_crawl_unmodified(kb: Knowledge) -> None:
    if not SHARED_NOTICE.exists():
        pytest.skip("../shared is not beside this checkout")
    assert kb.notice == SHARED_NOTICE.read_text(encoding="utf-8")


def test_every_stated_fact_quotes_the_notice_verbatim(kb: Knowledge) -> None:
    notice = squeeze(kb.notice)
    quotes = [fact.quote for fact in kb.facts.values() if fact.quote is not None]
    assert len(quotes) >= 40
    assert [q for q in quotes if squeeze(q) not in notice] == []


def test_every_fact_names_its_section(kb: Knowledge) -> None:
    assert all(fact.section for fact in kb.facts.values())


def test_the_coordination_group_and_seven_groups_are_covered(kb: Knowledge) -> None:
    kinds = [group.kind for group in kb.groups.values()]
    assert kb.top == "coordination" and kinds.count("协调小组") == 1
    assert kinds.count("专题组") == 4
    assert kinds.count("保障组") == 3
    assert kb.kinds() == ["专题组", "保障组"]
    assert all(g.parent == "coordination" for g in kb.under_top())
    names = {group.name for group in kb.groups.values()}
    assert names >= {
        "精简行政审批组",
        "激励创业创新组",
        "深化商事制度改革组",
        "改善社会服务组",
        "综合组",
        "法治组",
        "督查组",
    }


def test_every_group_has_a_leader_and_a_duty_fact_stated_or_not(kb: Knowledge) -> None:
    for group in kb.groups.values():
        assert f"group.{group.id}.leader" in kb.facts
        assert f"group.{group.id}.duty" in kb.facts


def test_every_topic_group_has_a_duty_for_each_aspect(kb: Knowledge) -> None:
    for group in kb.groups.values():
        if group.kind == "专题组":
            assert {duty.aspect for duty in group.aspects} == set(Aspect)


def test_all_seven_people_are_named_with_titles(kb: Knowledge) -> None:
    names = {person.name for person in kb.people.values()}
    assert names == {"唐良智", "吴存荣", "欧顺清", "罗蔺", "许洪斌", "唐英瑜", "张德宽"}
    assert all(person.titles for person in kb.people.values())


def test_luo_lin_holds_four_positions(kb: Knowledge) -> None:
    titles = [t.title for t in kb.people["luo_lin"].titles]
    roles = {(r.group, r.kind) for r in kb.roles_of("luo_lin")}
    assert titles == ["市政府副秘书长"]
    assert roles == {
        ("coordination", RoleKind.OFFICE_DEPUTY_DIRECTOR),
        ("streamline", RoleKind.LEADER),
        ("general", RoleKind.LEADER),
    }


def test_every_unit_named_in_the_groups_is_known(kb: Knowledge) -> None:
    referenced = {unit for group in kb.groups.values() if group.deputies for unit in group.deputies.units}
    assert len(referenced) == 21
    assert referenced <= set(kb.units)
    assert all(kb.roles_of(unit) for unit in kb.units if not kb.units[unit].umbrella)


def test_the_document_number_and_dates_are_facts(kb: Knowledge) -> None:
    assert kb.document["number"].value == "渝府办发〔2020〕5号"
    assert kb.document["published"].value == "2020-01-19"
    assert kb.document["signed"].value == "2020年1月11日"


def test_parts_missing_from_the_crawl_are_unstated(kb: Knowledge) -> None:
    unstated = {fact.id for fact in kb.facts.values() if not fact.stated}
    assert unstated == {
        "group.social.leader",
        "group.social.deputies",
        "group.commerce.serve",
        "group.inspection.leader",
        "group.inspection.duty",
        "req.leadership_rest",
    }


def test_no_unstated_fact_carries_a_value(kb: Knowledge) -> None:
    social = kb.groups["social"]
    assert social.leader.person is None and social.leader.quote is None
    assert social.deputies is not None and social.deputies.units == () and social.deputies.persons == ()
    assert all(f.quote is None for f in kb.facts.values() if not f.stated)


def test_facts_have_unique_ids_and_kinds(kb: Knowledge) -> None:
    assert len(kb.facts) >= 80
    assert {fact.kind for fact in kb.facts.values()} == set(FactKind) - {
        FactKind.ROLE,
        FactKind.CHANGE,
    }  # no 秘书长 or 联络员, no changes here


# --- broken copies of facts.yaml fail at load, naming the file, the entry and the field ---------


def broken_copy(tmp_path: Path, edit: Callable[[dict], None]) -> Path:
    for name in ("notice.txt", "facts.yaml"):
        shutil.copy(BUNDLED / name, tmp_path / name)
    data = yaml.safe_load((tmp_path / "facts.yaml").read_text(encoding="utf-8"))
    edit(data)
    (tmp_path / "facts.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return tmp_path


def group(data: dict, group_id: str) -> dict:
    return next(g for g in data["groups"] if g["id"] == group_id)


BROKEN = {
    "missing key": (
        lambda d: group(d, "legal")["roles"][0].pop("role"),
        "groups[6] (legal).roles[0]: missing key 'role'",
    ),
    "unknown key": (
        lambda d: group(d, "legal")["roles"][0].update(persn="x"),
        "groups[6] (legal).roles[0]: unknown key 'persn'",
    ),
    "wrong type": (lambda d: group(d, "legal").update(aliases="法制组"), "groups[6] (legal).aliases: expected a list"),
    "bad enum": (
        lambda d: group(d, "coordination")["office"].update(status="maybe"),
        "groups[0] (coordination).office.status: 'maybe' is not one of",
    ),
    "quote not in notice": (
        lambda d: group(d, "legal")["roles"][0].update(quote="组长由市司法局局长张德宽兼任"),
        "groups[6] (legal).roles[0].quote: not found in the notice",
    ),
    "duplicate id": (lambda d: d["units"][1].update(id="ndrc"), "units[3].id: duplicate id 'ndrc'"),
    "unknown person": (
        lambda d: group(d, "legal")["roles"][0].update(persons=["zhang_de"]),
        "groups[6] (legal).roles[0].persons: 'zhang_de' is not a known person",
    ),
    "unknown unit": (
        lambda d: group(d, "commerce")["roles"][1]["units"].append("mars"),
        "groups[3] (commerce).roles[1].units: 'mars' is not a known unit",
    ),
    "unknown parent": (
        lambda d: group(d, "legal").update(parent="nowhere"),
        "groups[6] (legal).parent: 'nowhere' is not a known group",
    ),
    "no title": (lambda d: d["document"].pop(0), "document: the notice's title (id: title) is required"),
    "title at an unknown unit": (
        lambda d: d["people"][0]["titles"][0].update(unit="nowhere"),
        "people[0] (tang_liangzhi).titles[0].unit: 'nowhere' is not a known unit",
    ),
    "unstated with a value": (
        lambda d: group(d, "social")["roles"][0].update(persons=["luo_lin"]),
        "groups[4] (social).roles[0]: an unstated fact carries no quote and no value",
    ),
    "stated without a quote": (
        lambda d: group(d, "legal")["duty"].pop("quote"),
        "groups[6] (legal).duty: needs a quote, or unstated: true",
    ),
    "leader not in quote": (
        lambda d: group(d, "legal")["roles"][0].update(persons=["luo_lin"]),
        "groups[6] (legal).roles[0].quote: does not name 罗蔺",
    ),
    "office that is none but names a host": (
        lambda d: group(d, "coordination")["office"].update(status="none"),
        "groups[0] (coordination).office: a notice that sets up no office names nothing in it",
    ),
    "alias owned twice": (
        lambda d: group(d, "legal")["aliases"].append("审批组"),
        "groups[6] (legal).aliases: '审批组' already names streamline",
    ),
    "aspect twice": (
        lambda d: group(d, "streamline")["aspects"].append(group(d, "streamline")["aspects"][0]),
        "groups[1] (streamline).aspects: an aspect is listed twice",
    ),
}


@pytest.mark.parametrize("case", list(BROKEN))
def test_a_broken_facts_file_fails_at_load_naming_file_entry_and_field(tmp_path: Path, case: str) -> None:
    edit, expected = BROKEN[case]
    data_dir = broken_copy(tmp_path, edit)
    with pytest.raises(KnowledgeError) as error:
        load_knowledge(data_dir)
    assert str(error.value).startswith(f"{data_dir / 'facts.yaml'}: ")
    assert expected in str(error.value)


def test_invalid_yaml_names_the_line(tmp_path: Path) -> None:
    shutil.copy(BUNDLED / "notice.txt", tmp_path / "notice.txt")
    (tmp_path / "facts.yaml").write_text("document: [\n  - id: x\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"facts\.yaml: not valid YAML at line \d+"):
        load_knowledge(tmp_path)


def test_a_missing_notice_fails_clearly(tmp_path: Path) -> None:
    shutil.copy(BUNDLED / "facts.yaml", tmp_path / "facts.yaml")
    with pytest.raises(KnowledgeError, match=r"notice\.txt: cannot be read"):
        load_knowledge(tmp_path)


def test_a_unit_in_a_head_place_answers_about_that_unit(tmp_path: Path) -> None:
    """The schema lets a unit hold a group's head place (组长：市司法局): asked about the unit, the bot
    names that place, and never fails for want of a person at the head."""

    def unit_at_head(data: dict) -> None:
        head = group(data, "legal")["roles"][0]
        head.pop("persons")
        head["units"] = ["justice"]

    answer = Engine.build(data_dir=broken_copy(tmp_path, unit_at_head)).ask("市司法局在哪些组")
    assert answer.answered and "法治组组长单位" in answer.text
