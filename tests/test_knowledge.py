"""The knowledge base: provenance, coverage, the unstated parts, and validation of broken files."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from knowledge.facts import Aspect, FactKind, GroupKind, Knowledge, RoleKind
from knowledge.loader import DATA_DIR, KnowledgeError, load_knowledge, squeeze

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
    assert kinds.count(GroupKind.COORDINATION) == 1
    assert kinds.count(GroupKind.TOPIC) == 4
    assert kinds.count(GroupKind.SUPPORT) == 3
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
        if group.kind is GroupKind.TOPIC:
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
    assert {fact.kind for fact in kb.facts.values()} == set(FactKind)


# --- broken copies of facts.yaml fail at load, naming the file, the entry and the field ---------


def broken_copy(tmp_path: Path, edit: Callable[[dict], None]) -> Path:
    for name in ("notice.txt", "facts.yaml"):
        shutil.copy(DATA_DIR / name, tmp_path / name)
    data = yaml.safe_load((tmp_path / "facts.yaml").read_text(encoding="utf-8"))
    edit(data)
    (tmp_path / "facts.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return tmp_path


def group(data: dict, group_id: str) -> dict:
    return next(g for g in data["groups"] if g["id"] == group_id)


BROKEN = {
    "missing key": (lambda d: group(d, "legal").pop("duty"), "groups[6] (legal): missing key 'duty'"),
    "unknown key": (
        lambda d: group(d, "legal")["leader"].update(persn="x"),
        "groups[6] (legal).leader: unknown key 'persn'",
    ),
    "wrong type": (lambda d: group(d, "legal").update(aliases="法制组"), "groups[6] (legal).aliases: expected a list"),
    "bad enum": (lambda d: group(d, "legal").update(kind="工作组"), "groups[6] (legal).kind: '工作组' is not one of"),
    "quote not in notice": (
        lambda d: group(d, "legal")["leader"].update(quote="组长由市司法局局长张德宽兼任"),
        "groups[6] (legal).leader.quote: not found in the notice",
    ),
    "duplicate id": (lambda d: d["units"][1].update(id="ndrc"), "units[3].id: duplicate id 'ndrc'"),
    "unknown person": (
        lambda d: group(d, "legal")["leader"].update(person="zhang_de"),
        "groups[6] (legal).leader.person: 'zhang_de' is not a known person",
    ),
    "unknown unit": (
        lambda d: group(d, "commerce")["deputies"]["units"].append("mars"),
        "groups[3] (commerce).deputies.units: 'mars' is not a known unit",
    ),
    "title at an unknown unit": (
        lambda d: d["people"][0]["titles"][0].update(unit="nowhere"),
        "people[0] (tang_liangzhi).titles[0].unit: 'nowhere' is not a known unit",
    ),
    "unstated with a value": (
        lambda d: group(d, "social")["leader"].update(person="luo_lin"),
        "groups[4] (social).leader: an unstated fact carries no quote and no value",
    ),
    "stated without a quote": (
        lambda d: group(d, "legal")["duty"].pop("quote"),
        "groups[6] (legal).duty: needs a quote, or unstated: true",
    ),
    "leader not in quote": (
        lambda d: group(d, "legal")["leader"].update(person="luo_lin"),
        "groups[6] (legal).leader.quote: does not name 罗蔺",
    ),
    "alias owned twice": (
        lambda d: group(d, "legal")["aliases"].append("审批组"),
        "groups[6] (legal).aliases: '审批组' already names streamline",
    ),
    "missing aspect": (
        lambda d: group(d, "streamline")["aspects"].pop(),
        "groups[1] (streamline).aspects: a 专题组 lists 放权, 监管 and 服务 once each",
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
    shutil.copy(DATA_DIR / "notice.txt", tmp_path / "notice.txt")
    (tmp_path / "facts.yaml").write_text("document: [\n  - id: x\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"facts\.yaml: not valid YAML at line \d+"):
        load_knowledge(tmp_path)


def test_a_missing_notice_fails_clearly(tmp_path: Path) -> None:
    shutil.copy(DATA_DIR / "facts.yaml", tmp_path / "facts.yaml")
    with pytest.raises(KnowledgeError, match=r"notice\.txt: cannot be read"):
        load_knowledge(tmp_path)
