"""`python -m knowledge ingest`: every shared notice ingests and loads; facts of four notices read
right (expectations written from the notice texts); the cleaning cases as small inline texts."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from knowledge.engine import Engine
from knowledge.facts import Knowledge, Tier
from knowledge.ingest import ingest
from knowledge.ingest.clean import clean
from knowledge.ingest.document import chinese_date
from knowledge.ingest.draft import unit_of_post
from knowledge.ingest.roster import unit_list
from knowledge.library import Library
from knowledge.loader import load_knowledge

REPO = Path(__file__).resolve().parent.parent
NOTICES = REPO.parent / "shared" / "notices"
SHARED = sorted(NOTICES.glob("*.txt")) if NOTICES.is_dir() else []
needs_notices = pytest.mark.skipif(not SHARED, reason="../shared/notices is not beside the repository")


def _load(name: str, tmp_path: Path) -> Knowledge:
    path = next(p for p in SHARED if p.name.startswith(name))
    ingest(path.read_text(encoding="utf-8"), tmp_path)
    return load_knowledge(tmp_path)


def _holders(knowledge: Knowledge, role: str, group: str | None = None) -> list[str]:
    g = knowledge.groups[group] if group else next(iter(knowledge.groups.values()))
    held = [h for h in g.roles if h.role == role]
    return [knowledge.people[p].name for h in held for p in h.persons]


@needs_notices
@pytest.mark.parametrize("path", SHARED, ids=[p.stem[:2] for p in SHARED])
def test_every_shared_notice_ingests_and_loads(path: Path, tmp_path: Path) -> None:
    ingest(path.read_text(encoding="utf-8"), tmp_path)
    knowledge = load_knowledge(tmp_path)
    assert knowledge.groups and knowledge.field("title") is not None


@needs_notices
def test_04_economic_census_roster_office_number_date(tmp_path: Path) -> None:
    k = _load("04", tmp_path)
    assert _holders(k, "组长") == ["张高丽"]
    assert _holders(k, "副组长") == ["肖捷", "丁向阳", "马建堂", "朱之鑫", "孙志军"]
    assert len(_holders(k, "成员")) == 7 and "徐一帆" in _holders(k, "成员")
    group = next(iter(k.groups.values()))
    assert k.people[group.office.director].name == "徐一帆"
    assert k.units[group.office.host].name == "统计局"
    assert k.field("number").value == "国办发〔2013〕30号"
    assert k.field("signed").value == "2013年4月29日"
    assert "國" not in k.notice and "张高丽" in k.notice  # traditional → simplified


@needs_notices
def test_11_taosi_task_force_roster_and_office(tmp_path: Path) -> None:
    k = _load("11", tmp_path)
    group = next(iter(k.groups.values()))
    assert group.kind == "工作专班"
    assert _holders(k, "组长") == ["熊继军"]
    assert _holders(k, "副组长") == ["卫英慧", "刘润民", "王延峰"]
    assert _holders(k, "成员") == ["闫中立", "王会波", "赵晓华", "白雪冰", "王云", "刘春林", "杜斌"]
    assert k.people[group.office.director].name == "刘润民"
    assert k.field("number").value == "晋政办函〔2024〕75号"
    assert any("2027年底" in (r.quote or "") for r in k.requirements)


@needs_notices
def test_15_linan_credit_group_from_jsp_source(tmp_path: Path) -> None:
    k = _load("15", tmp_path)
    assert _holders(k, "组长") == ["李文钢"]
    assert _holders(k, "副组长") == ["冯镭", "沈慧", "何洪明"]
    members = _holders(k, "成员")
    assert len(members) == 42 and members[-1] == "胡廖明" and "李家华" in members
    group = next(iter(k.groups.values()))
    assert k.people[group.office.director].name == "胡廖明"
    assert k.field("number").value == "临政办函[2013]89号"
    assert "&nbsp" not in k.notice and "<li" not in k.notice


@needs_notices
def test_16_pollution_census_adjustment(tmp_path: Path) -> None:
    k = _load("16", tmp_path)
    assert _holders(k, "组长") == ["韩正"]
    assert _holders(k, "副组长") == ["丁学东", "李干杰", "宁吉喆"]
    assert len(_holders(k, "成员")) == 14
    group = next(iter(k.groups.values()))
    assert k.people[group.office.director].name == "赵英民"
    assert k.field("number").value == "国办函〔2018〕74号"
    assert k.field("signed").value == "2018年11月5日"
    assert "\u3000" not in k.notice


@needs_notices
def test_14_several_bodies_without_a_parent(tmp_path: Path) -> None:
    k = _load("14", tmp_path)
    names = [g.name for g in k.groups.values()]
    assert names[:2] == ["市城市规划委员会", "市环境保护委员会"]
    assert all(g.parent is None for g in k.groups.values())
    environment = next(g for g in k.groups.values() if g.name == "市环境保护委员会")
    assert _holders(k, "副主任", environment.id) == ["卢焱群", "龙福清"]


def test_html_tags_entities_and_url_line_are_removed() -> None:
    raw = "http://example.com/a.htm\n<p>组&nbsp&nbsp长：李文钢</p><li>副组长：冯&nbsp;镭</li>\n"
    assert clean(raw) == "组长：李文钢\n副组长：冯镭\n"


def test_full_width_padding_inside_labels_and_names_is_removed() -> None:
    assert clean("组\u3000长：韩\u3000正\u3000\u3000国务院副总理\n") == "组长：韩正 国务院副总理\n"


def test_traditional_text_becomes_simplified() -> None:
    assert (
        clean("組 長:張高麗 國務院副總理\n副組長:肖 捷 國務院副秘書長\n")
        == "组长:张高丽 国务院副总理\n副组长:肖捷 国务院副秘书长\n"
    )


def test_padded_name_glued_to_its_title_keeps_a_separator() -> None:
    assert clean("副组长:陈良贤副省长\n王 曦副省长\n") == "副组长:陈良贤副省长\n王曦 副省长\n"


def test_anti_filter_dots_inside_words_are_removed() -> None:
    assert "外交部党委书记、副部长" in clean("张业遂外交部.党.委.书.记.、副部长\n")


def test_a_paragraph_and_a_split_title_given_twice_stay_once() -> None:
    raw = "某某办公室关于成立某某领导小组的通知\n某某办公室关于成立\n某某领导小组的通知\n正文第一段落在这里。\n正文第一段落在这里。\n"
    assert clean(raw) == "某某办公室关于成立某某领导小组的通知\n正文第一段落在这里。\n"


def test_glued_name_and_title_are_read_apart(tmp_path: Path) -> None:
    raw = "某省人民政府办公厅关于成立某省测试工作领导小组的通知\n二、组成人员\n组 长:林克庆省委常委、常务副省长\n副组长:陈良贤副省长\n王 曦副省长\n"
    k = _read(raw, tmp_path)
    assert _holders(k, "组长") == ["林克庆"] and _holders(k, "副组长") == ["陈良贤", "王曦"]
    assert [t.title for t in k.people["lin_keqing"].titles] == ["省委常委", "常务副省长"]


def _ask(tmp_path: Path, question: str) -> str:
    return Library.build([tmp_path]).ask(question).text


def _read(raw: str, tmp_path: Path) -> Knowledge:
    ingest(raw, tmp_path)
    return load_knowledge(tmp_path)


def test_roster_in_title_name_order_with_a_note_that_is_a_place(tmp_path: Path) -> None:
    """组长：市长 王海 / 副组长：副市长 李芳（常务副组长） / continuation lines "title name" with a padded name."""
    raw = (
        "某市人民政府办公室关于调整某市测试工作领导小组组成人员的通知\n"
        "组\u3000\u3000长：市长\u3000\u3000王海\n"
        "副组长：副市长\u3000李芳（常务副组长）\n"
        "\u3000\u3000\u3000\u3000市政府副秘书长\u3000高远\n"
        "成\u3000\u3000员：市教育局副局长\u3000周\u3000平\n"
        "\u3000\u3000\u3000\u3000市财政局副局长\u3000吴晓东\n"
    )
    k = _read(raw, tmp_path)
    assert _holders(k, "组长") == ["王海"] and _holders(k, "副组长") == ["李芳", "高远"]
    assert _holders(k, "常务副组长") == ["李芳"] and _holders(k, "成员") == ["周平", "吴晓东"]
    assert [t.title for t in k.people["zhou_ping"].titles] == ["市教育局副局长"]
    assert "李芳" in _ask(tmp_path, "常务副组长是谁")


def test_groups_under_numbered_headings_with_their_leading_units_and_duties(tmp_path: Path) -> None:
    raw = (
        "某区人民政府办公室关于成立某区测试工作指挥部的通知\n一、组成人员\n指挥长：张明（区长）\n"
        "二、工作组及职责\n指挥部下设2个工作组：\n"
        "（一）综合组。牵头单位：区发展改革局。职责：负责统筹协调和信息报送。\n"
        "（二）保障组。牵头单位：区财政局；配合单位：区审计局。职责：负责经费保障。\n"
    )
    k = _read(raw, tmp_path)
    groups = {g.name: g for g in k.groups.values()}
    top = groups["某区测试工作指挥部"]
    assert groups["保障组"].parent == top.id and groups["保障组"].kind == "工作组"
    assert groups["综合组"].duty.quote == "负责统筹协调和信息报送。" and top.duty is None
    assert "区财政局" in _ask(tmp_path, "保障组谁牵头") and "区审计局" in _ask(tmp_path, "保障组配合单位是谁")
    assert _ask(tmp_path, "综合组是区财政局牵头吗").startswith("不是")
    assert "未载明" in _ask(tmp_path, "综合组组长是谁")
    assert "张明" in _ask(tmp_path, "指挥长是谁")  # the only group with that place


def test_a_group_with_its_own_roster_in_an_annex(tmp_path: Path) -> None:
    raw = (
        "某省人民政府办公厅关于调整某省测试领导小组组成人员的通知\n组长：省长 王海\n成员：省统计局局长 周平\n"
        "领导小组下设数据专项工作组，组成人员名单见附件。\n附件：某省数据专项工作组组成人员名单\n某省人民政府办公厅\n"
        "2022年7月1日\n附件\n某省数据专项工作组组成人员名单\n组长：省数据局局长 李明\n"
        "成员：省财政厅、省统计局有关处室负责同志\n"
        "专项工作组负责推进数据共享等工作，办公室设在省数据局规划处，承担专项工作组日常工作。\n"
    )
    k = _read(raw, tmp_path)
    sub = next(g for g in k.groups.values() if g.name == "某省数据专项工作组")
    assert _holders(k, "组长", sub.id) == ["李明"] and _holders(k, "组长") == ["王海"]
    assert [k.units[u].name for h in sub.roles if h.role == "成员" for u in h.units] == ["省财政厅", "省统计局"]
    assert sub.duty.quote == "专项工作组负责推进数据共享等工作"
    assert k.units[sub.office.host].name == "省数据局规划处"
    assert next(iter(k.groups.values())).office is None


def test_places_given_as_descriptions_and_a_leading_unit(tmp_path: Path) -> None:
    raw = (
        "某市人民政府办公室关于建立某市测试工作联席会议制度的通知\n一、主要职能\n统筹协调全市测试工作。\n"
        "二、成员单位\n联席会议由市民政局牵头,成员单位包括市教育局、民政局、财政局。\n"
        "联席会议召集人由市政府分管副市长担任,成员为各成员单位分管负责同志。\n"
        "各成员单位确定1名科级干部为联络员,负责日常联系。\n"
    )
    k = _read(raw, tmp_path)
    group = next(iter(k.groups.values()))
    places = {h.role: h for h in group.roles}
    assert [k.units[u].name for u in places["牵头单位"].units] == ["市民政局"]
    assert [k.units[u].name for u in places["成员单位"].units] == ["市教育局", "市民政局", "市财政局"]
    assert places["成员"].posts == ("各成员单位分管负责同志",)
    assert places["联络员"].posts == ("各成员单位确定1名科级干部",)
    assert group.duty.quote == "统筹协调全市测试工作。"
    assert "市民政局" in _ask(tmp_path, "联席会议由哪个单位牵头")
    assert "科级干部" in _ask(tmp_path, "联络员是谁")
    assert "成员单位（3个）" in _ask(tmp_path, "成员单位有几个")  # who they send is no fourth member


def test_rules_on_member_changes_and_periodic_reports_are_requirements(tmp_path: Path) -> None:
    raw = (
        "某省人民政府办公厅关于调整某省测试领导小组组成人员的通知\n组长：省长 王海\n"
        "领导小组成员如有变动，由所在单位自行调整，报领导小组办公室备案，不再另行发文。"
        "专项工作组每季度向领导小组报告一次工作进展情况。\n"
    )
    quotes = [r.quote for r in _read(raw, tmp_path).requirements]
    assert quotes == [
        "领导小组成员如有变动，由所在单位自行调整，报领导小组办公室备案，不再另行发文。",
        "专项工作组每季度向领导小组报告一次工作进展情况。",
    ]


def test_title_name_entries_on_one_line_and_groups_headed_alone_or_in_an_annex(tmp_path: Path) -> None:
    raw = (
        "某县人民政府办公室关于成立某县防汛抗旱指挥部的通知\n一、指挥部组成\n指挥长：县长 王海\n"
        "成员：县水利局局长 陈明、县财政局局长 欧阳红\n二、工作组\n指挥部下设2个工作组。\n（一）综合协调组\n"
        "组长：赵刚（县应急管理局局长）\n职责：负责综合协调和信息报送。\n（二）后勤保障组\n牵头单位：县财政局\n"
        "某县人民政府办公室\n2023年6月1日\n附件1\n某县防汛抗旱专家组成员名单\n组长：周平（县水利局总工程师）\n"
    )
    k = _read(raw, tmp_path)
    assert _holders(k, "成员") == ["陈明", "欧阳红"] and k.field("signed").value == "2023年6月1日"
    groups = {g.name: g for g in k.groups.values()}
    assert groups["综合协调组"].kind == "工作组" and groups["综合协调组"].duty.quote == "负责综合协调和信息报送。"
    experts = groups["某县防汛抗旱专家组"]
    assert experts.kind == "专家组" and experts.section == "附件1"
    assert _holders(k, "组长", experts.id) == ["周平"] and [h.section for h in experts.roles] == ["附件1"]
    assert "周平" in _ask(tmp_path, "专家组组长是谁")
    assert "县财政局" in _ask(tmp_path, "后勤保障组谁牵头")


def test_an_adjustment_says_who_left_a_place_who_took_it_and_who_was_added(tmp_path: Path) -> None:
    raw = (
        "某市人民政府办公室关于调整某市测试工作领导小组组成人员的通知\n某府办函〔2022〕8号\n"
        "因工作需要，决定对某市测试工作领导小组（以下简称领导小组）组成人员进行调整。"
        "原领导小组组长张志强同志因工作调动，不再担任组长，由市长王海同志接任；增补市统计局局长周平同志为副组长。"
        "《某市人民政府办公室关于成立某市测试工作领导小组的通知》（某府办函〔2018〕3号）同时废止。\n"
        "组长：市长 王海\n副组长：市统计局局长 周平\n某市人民政府办公室\n2022年5月6日\n附件\n某市测试专项工作组组成人员名单\n"
        "组长：市统计局局长 周平\n"
    )
    k = _read(raw, tmp_path)
    assert _holders(k, "组长") == ["王海"]  # who left is never a holder
    assert k.field("signed").value == "2022年5月6日"  # the signature before the annex
    assert "某府办函〔2018〕3号" in k.field("repealed").value
    assert "张志强" in _ask(tmp_path, "组长原来是谁")
    answer = _ask(tmp_path, "张志强还是组长吗")
    assert answer.startswith("不是") and "王海" in answer
    assert "未载明" in _ask(tmp_path, "张志强现在任什么职务")
    assert _ask(tmp_path, "周平是新增补的副组长吗").startswith("是")
    assert "某府办函〔2018〕3号" in _ask(tmp_path, "哪个旧文件废止了")


def test_a_place_left_without_原_and_several_added_at_once(tmp_path: Path) -> None:
    raw = (
        "某市人民政府办公室关于调整某市安全生产委员会组成人员的通知\n"
        "现调整如下：张志强同志不再担任副主任；增补市应急管理局局长李明、市公安局副局长王刚为委员。\n"
        "主任：市长 王海\n委员：市应急管理局局长 李明\n市公安局副局长 王刚\n"
    )
    changes = next(iter(_read(raw, tmp_path).groups.values())).changes
    assert [(c.role, c.former, c.added) for c in changes] == [
        ("副主任", ("zhang_zhiqiang",), ()),
        ("委员", (), ("li_ming", "wang_gang")),
    ]
    assert _ask(tmp_path, "张志强还是副主任吗").startswith("不是")


def test_office_deputies_named_in_one_run_are_two_people_and_not_members(tmp_path: Path) -> None:
    raw = (
        "某县人民政府办公室关于成立某县测试工作领导小组的通知\n一、组成人员\n组长：陈立 县长\n"
        "成员：何平 县卫生健康局局长\n罗英 城关镇党委书记、\n人大主席团主席\n"
        "领导小组办公室设在县卫生健康局，办公室主任由何平兼任，"
        "副主任由县卫生健康局副局长林菊、县城市管理局副局长唐兵担任。\n"
    )
    k = _read(raw, tmp_path)
    titles = {p.name: [t.title for t in p.titles] for p in k.people.values()}
    assert titles["唐兵"] == ["县城市管理局副局长"] and titles["林菊"] == ["县卫生健康局副局长"]
    assert titles["罗英"] == ["城关镇党委书记", "人大主席团主席"]  # the title's wrapped line
    assert "唐兵" in _ask(tmp_path, "办公室副主任是谁")
    assert _ask(tmp_path, "林菊是领导小组成员吗").startswith("不是")


def test_a_roster_run_together_on_one_line_is_read_apart(tmp_path: Path) -> None:
    """Every line break lost (notice 05): 副 / 组长 broken, names and titles glued, the next heading glued on."""
    raw = (
        "国务院办公厅关于成立第一次全国测试普查领导小组的通知二、组成人员组长:张高丽国务院副总理副组长:"
        "姜大明国土资源部部长丁向阳国务院副秘书长成员:杜鹰发展改革委副主任翁孟勇交通运输部副部长"
        "黄海辉武警部队副参谋长三、工作机构领导小组办公室设在统计局。" + "普查工作。" * 60
    )
    k = _read(raw, tmp_path)
    assert _holders(k, "组长") == ["张高丽"]
    assert _holders(k, "副组长") == ["姜大明", "丁向阳"]
    assert _holders(k, "成员") == ["杜鹰", "翁孟勇", "黄海辉"]
    titles = {p.name: [t.title for t in p.titles] for p in k.people.values()}
    assert titles["杜鹰"] == ["发展改革委副主任"] and titles["黄海辉"] == ["武警部队副参谋长"]


def test_a_roster_line_under_two_bodies_is_kept_under_both(tmp_path: Path) -> None:
    raw = (
        "某市人民政府办公室关于调整部分非常设机构的通知\n一、保留的机构\n1、市城市规划委员会\n"
        "主 任 委 员:刘雪荣\n副主任委员:杨 智\n2、市爱国卫生运动委员会\n主 任 委 员:刘雪荣\n常务副主任委员:梅香雪\n"
    )
    k = _read(raw, tmp_path)
    heads = {g.name: g.leader.person for g in k.groups.values()}
    assert heads == {"市城市规划委员会": "liu_xuerong", "市爱国卫生运动委员会": "liu_xuerong"}
    assert _holders(k, "副主任委员", "scsghwyh") == ["杨智"]
    assert all(p.name != "副主" for p in k.people.values())


def test_an_office_cut_off_after_its_level_is_unstated_and_a_heading_is_no_passage(tmp_path: Path) -> None:
    """The crawl ends at 办公室设在市 (notice 08): no unit 市 is invented, the bot says 未载明; a heading on its own
    line (一、机构性质) is not quoted as if it answered 是什么性质的机构."""
    raw = (
        "某市人民政府关于成立某市测试工作领导小组的通知\n一、机构性质\n领导小组是市政府议事协调机构，在市政府领导下开展工作。\n"
        "二、组成人员\n组长由市政府分管副市长担任。\n三、工作机构\n领导小组办公室设在市"
    )
    k = _read(raw, tmp_path)
    assert all(u.name != "市" for u in k.units.values())
    library = Library.build([tmp_path])
    assert "未载明" in library.ask("办公室设在哪").text
    assert "议事协调机构，在市政府领导下" in library.ask("领导小组是什么性质的机构").text


def test_chinese_numeral_and_digit_dates() -> None:
    assert chinese_date("二○一三年四月二十九日") == "2013-04-29"
    assert chinese_date("二〇〇三年十二月十六日") == "2003-12-16"
    assert chinese_date("2018年11月5日") == "2018-11-05"
    assert chinese_date("2018年13月5日") is None


def test_unit_list_inherits_a_shared_prefix_only_where_most_items_lack_it() -> None:
    assert unit_list("省发展改革委、教育厅、科技厅") == ["省发展改革委", "\0省教育厅", "\0省科技厅"]
    assert unit_list("省财政厅、省税务局、广东银保监局相关负责同志") == ["省财政厅", "省税务局", "广东银保监局"]


def test_cli_unreadable_input_exits_2_with_a_clear_line(tmp_path: Path) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "knowledge", "ingest", str(tmp_path / "missing.txt"), "--out", str(tmp_path / "o")],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=REPO,
    )
    assert run.returncode == 2 and "无法读取" in run.stderr and "Traceback" not in run.stderr


@needs_notices
def test_cli_writes_summary_and_question_table(tmp_path: Path) -> None:
    notice = next(p for p in SHARED if p.name.startswith("16"))
    questions = tmp_path / "q.yaml"
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "knowledge",
            "ingest",
            str(notice),
            "--out",
            str(tmp_path / "o"),
            "--questions",
            str(questions),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=REPO,
    )
    assert run.returncode == 0, run.stderr
    assert "groups 1, people 18" in run.stdout
    table = questions.read_text(encoding="utf-8")
    assert "韩正" in table and "不是" in table and "none: true" in table


def test_a_roster_run_on_in_one_line_is_read_place_by_place(tmp_path: Path) -> None:
    """主任：A（title）；副主任：B（title）、C（title）；委员：… — every place of a roster in one paragraph."""
    raw = (
        "某市人民政府关于调整某市安全生产委员会组成人员的通知\n二、组成人员\n"
        "主任：周明（市长）；常务副主任：罗强（常务副市长）；副主任：何丽（副市长）、唐志（副市长、市公安局局长）；"
        "委员：陈新（市政府副秘书长）、王平（市应急管理局局长）。\n"
    )
    k = _read(raw, tmp_path)
    assert _holders(k, "主任") == ["周明"] and _holders(k, "常务副主任") == ["罗强"]
    assert _holders(k, "副主任") == ["何丽", "唐志"] and _holders(k, "委员") == ["陈新", "王平"]
    assert [t.title for t in k.people["tang_zhi"].titles] == ["副市长", "市公安局局长"]


def test_a_flattened_roster_table_is_read_row_by_row_and_a_row_without_a_name_is_a_post(tmp_path: Path) -> None:
    """职务 | 姓名 | 单位及职务 rows: one place per row; an empty name cell is the post alone, never a person
    made of its place (江州市…局长 is no 江州)."""
    raw = (
        "某区人民政府办公室关于成立某区测试工作专班的通知\n一、专班组成人员\n职务 | 姓名 | 单位及职务\n"
        "专班长 | 陈远 | 区长\n副专班长 |  | 区政府办公室主任\n成员 | 张伟 | 区财政局局长\n"
        "成员 |  | 江州市公安局某区分局局长\n成员 | 赵丽 | 区司法局局长\n"
    )
    k = _read(raw, tmp_path)
    assert _holders(k, "专班长") == ["陈远"] and _holders(k, "成员") == ["张伟", "赵丽"]
    members = next(h for h in next(iter(k.groups.values())).roles if h.role == "成员")
    assert "江州市公安局某区分局局长" in members.posts
    assert all(p.name != "江州" for p in k.people.values())
    assert "陈远" in _ask(tmp_path, "专班长是谁")


def _engine(raw: str, tmp_path: Path) -> Engine:
    ingest(raw, tmp_path / "notice")
    return Engine.build(cache_dir=tmp_path / "cache", data_dir=tmp_path / "notice")


_SUB_LISTS = (
    "国务院办公厅关于调整国家测试委员会组成人员的通知\n"
    "主任：孙春兰 国务院副总理\n秘书长：朱之文 教育部副部长\n委员：\n（一）部门委员\n"
    "梁言顺 中央宣传部副部长\n高培勇 社科院副院长\n陈刚 中国科协党组成员、书记处书记\n"
    "（二）专家委员（按姓氏笔划为序）\n马敏 教授、华中师范大学原党委书记\n文秋芳 教授、北京外国语大学学术委员会主任\n"
)


def test_labelled_sub_lists_of_a_role_are_counted_and_named_by_their_labels(tmp_path: Path) -> None:
    """（一）部门委员 / （二）专家委员（按姓氏笔划为序）: each sub-list its own holding with its label and note;
    高培勇 and 文秋芳 are read although the surname list lacks 高 and 文 (the rest of the line is a post)."""
    engine = _engine(_SUB_LISTS, tmp_path)
    assert "部门委员（3位）" in engine.ask("部门委员几个").text
    experts = engine.ask("专家委员多少人").text
    assert "专家委员（2位，按姓氏笔划为序）" in experts and "文秋芳" in experts and "高培勇" not in experts
    claim = engine.ask("马敏是部门委员吗").text
    assert claim.startswith("不是") and "专家委员" in claim
    assert "专家委员" in engine.ask("文秋芳是干什么的").text


def test_a_garbled_roster_line_is_counted_cited_verbatim_and_does_not_end_the_roster(tmp_path: Path) -> None:
    """Mojibake in one line (孜拉吾东·加拉力?。ㄊ兴贮h…): the members after it are still read, the line itself
    is one member, quoted as it stands and never read as a name."""
    raw = (
        "关于成立某市测试建设专班的通知\n一、专班组成人员\n主任:尼加提·尼亚孜(市政府副市长)\n"
        "成员:薛智林(市林草局党组副书记、局长)\n孜拉吾东·加拉力?。ㄊ兴贮h组副书记、局长)\n"
        "孙伟(国网吐鲁番供电公司党委副书记、总经理)\n帕拉哈提·托合太木(高昌区委副书记、区长)\n"
    )
    engine = _engine(raw, tmp_path)
    members = engine.ask("专班成员几个").text
    assert "成员（4位）" in members and "孙伟" in members and "帕拉哈提·托合太木" in members
    assert "“孜拉吾东·加拉力?。ㄊ兴贮h组副书记、局长)”" in members
    assert all("?" not in p.name for p in engine.kb.people.values())
    asked = engine.ask("孜拉吾东是哪个局的").text  # by the readable start of the line: quoted, not guessed
    assert "未载明" in asked and "孜拉吾东·加拉力?" in asked and "局长" not in asked.split("”")[-1]


def test_counts_and_abolished_bodies_stated_in_prose_are_answered(tmp_path: Path) -> None:
    """决定保留164个、撤销38 个 (a stray space in the crawl) and 撤销某某委员会: the notice's own counts and
    the body it abolishes, asked as 保留了几个 / 撤了几个 / 某某委员会还在不."""
    raw = (
        "某市人民政府办公室关于清理和调整部分非常设机构的通知\n"
        "经市政府研究,决定保留164个、撤销38 个。另撤销市测试保护委员会。\n"
        "一、保留的非常设机构\n1、市城市规划委员会\n主任委员:刘雪荣\n"
    )
    engine = _engine(raw, tmp_path)
    assert "164个" in engine.ask("保留了几个非常设机构").text
    assert "38个" in engine.ask("撤了几个").text
    assert "未载明" in engine.ask("撤销的是哪些机构").text  # the count is stated, the list is not
    facts = {f.id: f.value for f in engine.kb.document.values()}
    assert facts["abolished"] == "38个" and facts["kept"] == "164个"  # the count is the whole; the body is one


def test_a_body_abolished_in_a_sentence_of_its_own_is_answered(tmp_path: Path) -> None:
    raw = (
        "某省人民政府办公厅关于成立某省测试保护工作领导小组的通知\n组长:王书坚 省委常委、常务副省长\n"
        "撤销省测试保护委员会\n"
    )
    engine = _engine(raw, tmp_path)
    assert "省测试保护委员会" in engine.ask("撤了哪个机构").text
    assert "撤销" in engine.ask("省测试保护委员会还在不").text


def test_a_notice_that_abolishes_nothing_keeps_its_own_answers_for_such_words(tmp_path: Path) -> None:
    raw = "某省人民政府办公厅关于成立某省测试工作领导小组的通知\n组长:王书坚 省委常委、常务副省长\n"
    engine = _engine(raw, tmp_path)
    assert "abolished" not in engine.kb.document
    assert "撤销：" not in engine.ask("撤了哪个机构").text


_RULE_LIST = (
    "关于成立某市测试建设专班的通知\n一、专班组成人员\n主任:尼加提·尼亚孜(市政府副市长)\n二、工作制度\n"
    "(一)日常信息联系制度。明确专人负责联络,及时沟通最新信息。\n"
    "(二)信息例会制度。每2个月集中组织一次工作专班成员会议;根据具体事项紧急程度,随时召开临时会议。\n"
    "(三)督查通报制度。\n"
)


def test_numbered_rule_items_are_counted_and_each_answers_from_its_heading_and_text(tmp_path: Path) -> None:
    """二、工作制度 (一)–(三): each item one requirement (its heading with its text), the list counted by
    its heading; a question naming an item's heading (例会) finds the item's sentences."""
    engine = _engine(_RULE_LIST, tmp_path)
    counted = engine.ask("工作制度有几项").text
    assert "工作制度共3项" in counted and "信息例会制度" in counted and "督查通报制度" in counted
    assert "每2个月" in engine.ask("例会多久开一次").text


def test_an_item_the_crawl_ends_at_says_its_text_is_unstated(tmp_path: Path) -> None:
    engine = _engine(_RULE_LIST, tmp_path)
    assert "未载明" in engine.ask("督查通报制度具体咋弄").text


def test_a_post_that_begins_with_its_units_party_body_is_in_the_unit_itself() -> None:
    """北京外国语大学原党委书记 and 北京外国语大学学术委员会主任 are both posts of 北京外国语大学 (北外的有谁)."""
    assert unit_of_post("北京外国语大学原党委书记") == "北京外国语大学"
    assert unit_of_post("北京外国语大学学术委员会主任") == "北京外国语大学"
    assert unit_of_post("国网吐鲁番供电公司党委副书记") == "国网吐鲁番供电公司"
    assert unit_of_post("省政府办公厅副主任") == "省政府办公厅"


def test_a_detachments_head_is_a_post_of_the_detachment() -> None:
    """县消防救援支队支队长: the 支队 is his unit, as 大队 is a 大队长's."""
    assert unit_of_post("县消防救援支队支队长") == "县消防救援支队"
    assert unit_of_post("县消防救援大队大队长") == "县消防救援大队"


def test_a_breadcrumb_an_office_set_up_below_and_a_signature_run_onto_the_text(tmp_path: Path) -> None:
    """当前位置 chrome is dropped; 专班下设办公室,设在X names the office's host; a signature the crawl ran onto the
    last paragraph is read; 副专班长 asks for the deputies, though 专班 alone names the group."""
    raw = (
        "当前位置:首页 > 政务公开 > 通知公告\n某区人民政府办公室关于调整某区测试工作专班组成人员的通知\n一、专班组成人员\n"
        "专班长：陈远 区长\n副专班长：刘华 副区长\n二、专班办公室\n专班下设办公室,设在区住房和城乡建设局,承担专班日常工作。\n"
        "三、工作机制\n专班每周召开一次调度会。专班工作任务完成后自行撤销。某区人民政府办公室2024年3月18日(此件公开发布)\n"
    )
    k = _read(raw, tmp_path)
    assert "当前位置" not in k.notice
    assert k.field("signed").value == "2024年3月18日" and k.field("issuer").value == "某区人民政府办公室"
    group = next(iter(k.groups.values()))
    assert k.units[group.office.host].name == "区住房和城乡建设局"
    assert "刘华" in _ask(tmp_path, "副专班长有哪些")


def test_groups_listed_by_name_with_their_count_and_kind_are_groups_whose_leaders_are_unstated(tmp_path: Path) -> None:
    raw = (
        "某市推进测试改革协调小组工作规则\n第一条某市推进测试改革协调小组(以下简称协调小组)是市政府议事协调机构。\n"
        "组长由市政府分管副市长担任。\n"
        "第二条协调小组下设审批改革组、营商环境组2个专题组和综合组、督查组2个保障组。\n"
    )
    k = _read(raw, tmp_path)
    kinds = {g.name: g.kind for g in k.groups.values() if not k.is_top(g.id)}
    assert kinds == {"审批改革组": "专题组", "营商环境组": "专题组", "综合组": "保障组", "督查组": "保障组"}
    library = Library.build([tmp_path])
    assert "未载明" in library.ask("督查组组长是谁").text
    assert "审批改革组" in library.ask("下设哪些专题组").text


def test_lines_given_twice_by_the_crawl_stay_once_and_the_signature_is_kept(tmp_path: Path) -> None:
    """Every line doubled (a roster line too) and a breadcrumb on top: each line once; the issuers signing above the
    date, though they head the page too, are the signature."""
    lines = [
        "首页 > 乡镇 > 青石乡 > 公告",
        "中共青石乡委员会 青石乡人民政府",
        "关于成立青石乡测试工作领导小组的通知",
        "组长:钱明(乡党委书记)",
        "成员:孔丽(乡财政所所长)",
        "中共青石乡委员会 青石乡人民政府",
        "2023年4月2日",
    ]
    k = _read("\n".join(line for line in lines for _ in range(2)) + "\n【打印本页】 【关闭窗口】\n", tmp_path)
    assert k.notice.count("组长:钱明") == 1 and "首页" not in k.notice and "打印" not in k.notice
    assert _holders(k, "组长") == ["钱明"] and _holders(k, "成员") == ["孔丽"]
    assert k.field("issuer").value == "中共青石乡委员会青石乡人民政府"
    assert k.field("title").value == "中共青石乡委员会青石乡人民政府关于成立青石乡测试工作领导小组的通知"


def test_a_whole_text_given_twice_stays_once() -> None:
    text = "某县关于成立某县测试小组的通知\n组长:钱明 县长\n成员:孔丽 县财政局局长\n"
    assert clean(text + text) == text


def test_headings_spaced_out_character_by_character_are_headings(tmp_path: Path) -> None:
    raw = (
        "某省人民政府办公厅关于成立某省测试工作领导小组的通知\n一 、 组 成 人 员\n组　　长：钱明　　省长\n"
        "二 、 主 要 职 责\n领导小组负责统筹全省测试工作。\n"
    )
    k = _read(raw, tmp_path)
    assert "一、组成人员" in k.notice and "二、主要职责" in k.notice
    group = next(iter(k.groups.values()))
    assert group.duty.quote == "领导小组负责统筹全省测试工作。" and group.duty.section == "二"
    assert _holders(k, "组长") == ["钱明"]


def test_a_roster_whose_line_breaks_were_lost_is_cut_at_each_glued_label(tmp_path: Path) -> None:
    """组长：A 省长常务副组长：B … — each label glued to the title before it (the longest role word ending at the
    colon), a spaced-out label inside the line, a place's two "name title" entries run together, members as units."""
    raw = (
        "某省人民政府办公厅关于成立某省测试工作领导小组的通知\n一、组成人员\n"
        "组　　长：钱明　　省长常务副组长：孔丽　　省委常委、常务副省长副 组 长：严冬　　副省长　　　　"
        "韦华　　省政府秘书长成　　员：省财政厅、省统计局负责同志。\n"
    )
    k = _read(raw, tmp_path)
    assert _holders(k, "组长") == ["钱明"] and _holders(k, "常务副组长") == ["孔丽"]
    assert _holders(k, "副组长") == ["严冬", "韦华"]
    assert [t.title for t in k.people["kong_li"].titles] == ["省委常委", "常务副省长"]
    assert [t.title for t in k.people["wei_hua"].titles] == ["省政府秘书长"]
    members = next(h for h in next(iter(k.groups.values())).roles if h.role == "成员")
    assert [k.units[u].name for u in members.units] == ["省财政厅", "省统计局"] and not members.persons


def test_members_given_as_posts_only_among_named_people(tmp_path: Path) -> None:
    raw = (
        "某镇人民政府关于成立某镇测试工作领导小组的通知\n组长:钱明(镇党委书记)\n成员:孔丽(镇财政所所长)\n"
        "      镇司法所所长\n      各村(社区)主任\n二、工作要求\n各村要按时完成测试。\n"
    )
    k = _read(raw, tmp_path)
    members = next(h for h in next(iter(k.groups.values())).roles if h.role == "成员")
    assert _holders(k, "成员") == ["孔丽"] and members.posts == ("镇司法所所长", "各村(社区)主任")
    assert all(p.name not in ("各村", "镇司法") for p in k.people.values())


_TWO_BODIES = (
    "中共青石乡委员会 青石乡人民政府\n关于成立青石乡测试整治工作领导小组的通知\n"
    "经研究,决定成立青石乡测试整治工作领导小组,并在领导小组下设巡查工作专班。现将有关事项通知如下:\n"
    "一、领导小组组成人员\n组长:钱明(乡党委书记)\n      孔丽(乡长)\n成员:严冬(乡司法所所长)\n"
    "领导小组下设办公室,办公室设在乡综合服务中心,严冬同志兼任办公室主任,工作人员:韦华、蒋平。\n"
    "二、领导小组及办公室职责\n领导小组主要职责:1)统筹全乡测试整治;2)研究解决重大问题。\n"
    "办公室主要职责:1)承担领导小组日常工作;2)汇总巡查数据。\n"
    "三、巡查工作专班\n专班长:孔丽(乡长)\n副专班长:秦勇(乡财政所所长)\n"
    "专班成员:邵兰(乡司法所)、各村网格员各1名。\n专班主要职责:1)逐户巡查;2)每周报送进展。\n"
)


def test_a_task_force_set_up_under_the_group_is_a_second_body_with_its_own_roles_and_duties(tmp_path: Path) -> None:
    k = _read(_TWO_BODIES, tmp_path)
    top = next(g for g in k.groups.values() if k.is_top(g.id))
    force = next(g for g in k.groups.values() if g.name == "巡查工作专班")
    assert force.parent == top.id and force.kind == "工作专班" and force.section == "三"
    assert _holders(k, "组长", top.id) == ["钱明", "孔丽"] and _holders(k, "专班长", force.id) == ["孔丽"]
    assert _holders(k, "成员", force.id) == ["邵兰"] and _holders(k, "成员", top.id) == ["严冬"]
    members = next(h for h in force.roles if h.role == "成员")
    assert members.posts == ("各村网格员各1名",)
    assert [k.units[t.unit].name for t in k.people["shao_lan"].titles] == ["乡司法所"]  # 邵兰(乡司法所): her unit
    assert (
        top.duty.quote == "1)统筹全乡测试整治;2)研究解决重大问题。"
        and force.duty.quote == "1)逐户巡查;2)每周报送进展。"
    )
    assert top.office.duty.quote == "1)承担领导小组日常工作;2)汇总巡查数据。"
    staff = next(h for h in top.office.roles if h.role == "工作人员")
    assert [k.people[p].name for p in staff.persons] == ["韦华", "蒋平"]
    assert "秦勇" in _ask(tmp_path, "副专班长是谁")
    assert "逐户巡查" in _ask(tmp_path, "专班的职责是什么")  # the notice's own word for it (专班长, 专班主要职责)


_RENAMED = (
    "某省人民政府办公厅关于调整某省测试发展领导小组名称和组成人员的通知\n某府厅字〔2024〕3号\n"
    "各市人民政府:\n经省政府同意,原“某省测试发展领导小组”更名为“某省测试工作领导小组”(以下简称领导小组),"
    "并对组成人员进行调整。现将有关事项通知如下:\n一、组成人员\n组长:钱明 省长\n"
    "成员:省财政厅、省统计局负责同志。\n二、主要职责\n领导小组主要职责:一是统筹全省测试工作;二是研究重大政策;三是完成交办事项。\n"
    "三、办事机构\n领导小组办公室由设在省财政厅调整为设在省统计局,承担领导小组日常工作。"
    "办公室主任由省统计局主要负责同志兼任。\n"
)


def test_a_renamed_group_an_office_moved_and_a_director_given_as_a_post(tmp_path: Path) -> None:
    k = _read(_RENAMED, tmp_path)
    group = next(iter(k.groups.values()))
    assert k.field("rename").value == "原“某省测试发展领导小组”更名为“某省测试工作领导小组”"
    assert group.full_name == "某省测试工作领导小组"
    assert k.units[group.office.host].name == "省统计局" and group.office.duty.quote == "承担领导小组日常工作"
    director = next(h for h in group.office.roles if h.role == "主任")
    assert director.posts == ("省统计局主要负责同志",) and not director.persons
    assert group.duty.quote.startswith("一是统筹全省测试工作;二是")
    members = next(h for h in group.roles if h.role == "成员")
    assert [k.units[u].name for u in members.units] == ["省财政厅", "省统计局"]
    answer = _ask(tmp_path, "办公室设在哪")
    assert "省统计局" in answer and "设在省财政厅" not in answer.split("〔")[0]


def test_an_annex_table_of_liaisons_in_columns_gives_each_units_liaison(tmp_path: Path) -> None:
    """单位 姓名 职务 columns, tabs on some rows and runs of spaces on others, the crawl cut after the table."""
    raw = (
        "某省人民政府办公厅关于成立某省测试工作领导小组的通知\n组长:钱明 省长\n"
        "各成员单位确定1名处级干部为联络员(名单见附件)。\n某省人民政府办公厅\n2024年5月6日\n附件\n"
        "某省测试工作领导小组成员单位联络员名单\n单位\t姓名\t职务\n省财政厅\t孔丽\t预算处副处长\n"
        "省统计局    严冬    综合处处长\n注:联络员如有变动,请于变动后"
    )
    k = _read(raw, tmp_path)
    liaisons = next(h for h in next(iter(k.groups.values())).roles if h.role == "联络员")
    assert [k.people[p].name for p in liaisons.persons] == ["孔丽", "严冬"] and liaisons.section == "附件"
    title = k.people["yan_dong"].titles[0]
    assert title.title == "综合处处长" and k.units[title.unit].name == "省统计局"
    assert k.field("signed").value == "2024年5月6日"
    assert "严冬" in _ask(tmp_path, "省统计局的联络员是谁")


def test_a_liaison_list_of_names_with_their_units_in_brackets(tmp_path: Path) -> None:
    raw = (
        "某区人民政府办公室关于成立某区测试工作专班的通知\n专班长:钱明(区长)\n"
        "联络员名单如下:孔丽(区财政局)、严冬(某街道)。\n"
    )
    k = _read(raw, tmp_path)
    liaisons = next(h for h in next(iter(k.groups.values())).roles if h.role == "联络员")
    assert [k.people[p].name for p in liaisons.persons] == ["孔丽", "严冬"]
    assert k.units[k.people["kong_li"].titles[0].unit].name == "区财政局"
    assert "孔丽" in _ask(tmp_path, "区财政局的联络员是谁")


def test_a_pdf_text_loses_its_page_footers_and_its_hard_wrapped_lines_are_joined(tmp_path: Path) -> None:
    """A footer (— 1 —) in mid-sentence; a sentence, a place name (青\\n石县), a title (县财\\n政局) and a bracket cut
    by the page width: each line joined with the one it goes on in; a roster line of its own is never joined."""
    raw = (
        "https://example.gov.cn/a.pdf\n某县人民政府办公室\n关于成立青石县测试工作领导小组的通知\n"
        "经研究，决定成立青石县测试工作领导小组。现将有关事项通知如下：\n一、组成人员\n"
        "组长：钱明　县长\n副组长：孔丽（副县长、县财\n政局局长）、严冬（县统计局\n局长）\n"
        "成员：韦华　县教育局局长\n　　　蒋平　县民政局局长\n二、工作要求\n"
        "各成员单位要按照职责分工，认真做好本单位测试工作，并于每月底前将进展报送青\n"
        "— 1 —\n石县测试工作领导小组办公室。\n"
    )
    k = _read(raw, tmp_path)
    assert "— 1 —" not in k.notice and "报送青石县测试工作领导小组办公室。" in k.notice
    assert _holders(k, "副组长") == ["孔丽", "严冬"] and _holders(k, "成员") == ["韦华", "蒋平"]
    assert [t.title for t in k.people["kong_li"].titles] == ["副县长", "县财政局局长"]
    assert [t.title for t in k.people["yan_dong"].titles] == ["县统计局局长"]


def test_a_markdown_roster_table_goes_on_one_cell_per_line_after_a_page_break(tmp_path: Path) -> None:
    """| 职务 | 姓名 | 单位及职务 | rows (an empty 职务 cell goes on with the place above, an empty 姓名 cell is a post);
    after the page's footer the header cells again, one per line, and the rows' cells one per line, empty ones
    dropped: each read by the column it fits, the place still the table's."""
    raw = (
        "某县人民政府办公室关于成立某县测试工作领导小组的通知\n组长：钱明　县长\n"
        "| 职务 | 姓名 | 单位及职务 |\n|---|---|---|\n| 副组长 | 孔丽 | 副县长 |\n| 成员 | 严冬 | 县财政局局长 |\n"
        "|  | 韦　华 | 县教育局局长 |\n|  |  | 县统计局局长 |\n— 2 —\n职务\n姓名\n单位及职务\n"
        "蒋平\n县民政局局长\n成员\n邵兰\n县司法局局长\n秦勇\n县审计局局长\n二、工作要求\n各成员单位要按时完成测试。\n"
    )
    k = _read(raw, tmp_path)
    assert _holders(k, "副组长") == ["孔丽"]
    assert _holders(k, "成员") == ["严冬", "韦华", "蒋平", "邵兰", "秦勇"]
    members = next(h for h in next(iter(k.groups.values())).roles if h.role == "成员")
    assert members.posts == ("县统计局局长",)
    assert [t.title for t in k.people["qin_yong"].titles] == ["县审计局局长"]
    assert "职务" not in k.notice and "|" not in k.notice


def test_places_labelled_in_the_offices_own_part_of_the_notice_are_the_offices(tmp_path: Path) -> None:
    raw = (
        "某县人民政府办公室关于成立某县测试工作指挥部的通知\n一、组成人员\n指挥长：钱明　县长\n"
        "成员：孔丽　县财政局局长\n二、县测试指挥部办公室\n县测试指挥部办公室设在县财政局，承担日常工作。\n"
        "主任：孔丽（县财政局局长，兼）\n副主任：严冬（县财政局副局长）、韦华（县统计局副局长）\n三、工作要求\n"
        "各成员单位要按时完成测试。\n"
    )
    k = _read(raw, tmp_path)
    group = next(iter(k.groups.values()))
    assert [h.role for h in group.roles] == ["指挥长", "成员"]
    assert k.people[group.office.director].name == "孔丽" and k.units[group.office.host].name == "县财政局"
    deputies = next(h for h in group.office.roles if h.role == "副主任")
    assert [k.people[p].name for p in deputies.persons] == ["严冬", "韦华"]
    assert [t.title for t in k.people["kong_li"].titles] == ["县财政局局长"]  # 兼 is no title
    assert "严冬" in _ask(tmp_path, "指挥部办公室副主任是谁")


def test_a_short_name_without_its_kind_word_and_a_crawl_cut_inside_a_rule(tmp_path: Path) -> None:
    """（以下简称县测指）names the group too; asked with its place misheard (青时县 for 青石县) it is still this
    notice's; 办公室副主任 asks for the office's place, not for a member whose title is 县政府办公室副主任; the crawl
    breaking off inside the last rule leaves its rest unstated."""
    raw = (
        "青石县人民政府办公室关于调整青石县测试工作指挥部组成人员的通知\n"
        "经研究，决定对青石县测试工作指挥部（以下简称县测指）组成人员进行调整。\n一、组成人员\n"
        "指挥长：钱明　县长\n常务副指挥长：孔丽　常务副县长\n成员：严冬　县政府办公室副主任\n二、县测指办公室\n"
        "县测指办公室设在县财政局，承担日常工作。\n主任：韦华（县财政局局长）\n副主任：蒋平（县财政局副局长）\n"
        "三、工作制度\n（一）县测指成员因工作变动需要调整的，由所在单位提出，报\n"
    )
    k = _read(raw, tmp_path)
    group = next(iter(k.groups.values()))
    assert "县测指" in group.aliases
    lost = k.requirements[-1]
    assert lost.unstated and lost.section == "三（一）"
    assert "孔丽" in _ask(tmp_path, "青时县测指常务副指挥长是谁")
    answer = _ask(tmp_path, "县测指办公室副主任是谁")
    assert "蒋平" in answer and "严冬" not in answer


def test_a_political_commissar_heads_and_special_groups_run_on_in_one_line_have_leading_and_member_units(
    tmp_path: Path,
) -> None:
    """政委 is a place of its own (asked, it is answered, not the 指挥长); 专项工作组 whose items run on after sentences in one line, each with 组长单位 and
    成员单位: one sub-group each, its units holding; the duties' last item (…交办的其他事项) is no rule."""
    raw = (
        "某县人民政府办公室关于成立某县测试工作指挥部的通知\n一、组成人员\n指挥长：钱明　县长\n政　　委：孔丽　县委书记\n"
        "二、主要职责\n（一）统筹全县测试工作。\n（二）完成县委、县政府交办的其他事项。\n"
        "三、专项工作组指挥部下设2个专项工作组。（一）宣传组。组长单位：县委宣传部；成员单位：县融媒体中心、县文广局。"
        "（二）保障组。组长单位：县财政局；成员单位：县发展改革局、县供电公司。\n"
    )
    k = _read(raw, tmp_path)
    top = next(g for g in k.groups.values() if k.is_top(g.id))
    assert _holders(k, "政委", top.id) == ["孔丽"]
    assert "孔丽" in _ask(tmp_path, "政委是谁") and "钱明" in _ask(tmp_path, "指挥长是谁")
    subs = {g.name: g for g in k.groups.values() if g.parent == top.id}
    assert sorted(subs) == ["保障组", "宣传组"] and subs["宣传组"].kind == "专项工作组"
    lead = next(h for h in subs["保障组"].roles if h.role == "组长单位")
    members = next(h for h in subs["保障组"].roles if h.role == "成员单位")
    assert [k.units[u].name for u in lead.units] == ["县财政局"]
    assert [k.units[u].name for u in members.units] == ["县发展改革局", "县供电公司"]
    assert not any("其他事项" in (r.quote or "") for r in k.requirements)


def test_a_page_on_one_line_keeps_its_title_and_member_units_share_the_nearest_level(tmp_path: Path) -> None:
    """Chrome, title and 文号 on the line after the URL (<p> paragraphs after it): the title and 文号 read; units
    without their level take the nearest one before them (省科技厅、财政厅 → 省财政厅, not 省委's; 市场监管局 is
    no 市); the place ends with its sentence; 各成员单位有关负责同志为联席会议成员; posts joined by 、 named for no one."""
    raw = (
        "https://example.gov.cn/t1.html\n首页 > 政务公开 > 文件 来源:某省人民政府办公厅 发布时间:2024-05-06 09:00 "
        "字体:[大 中 小] 某省人民政府办公厅关于建立某省测试工作联席会议制度的通知 某政办函〔2024〕8号 "
        "<p>各市人民政府,省政府各部门:</p><p>&nbsp;&nbsp;经省政府同意,建立某省测试工作联席会议制度(以下简称联席会议)。</p>"
        "<p>召集人:钱明&nbsp;&nbsp;副省长</p><p>副召集人:孔丽&nbsp;&nbsp;省政府副秘书长</p>"
        "<p>省统计局局长、省妇联主席</p><p>成员单位:省委宣传部、省科技厅、财政厅、司法厅、市场监管局。"
        "各成员单位有关负责同志为联席会议成员。</p><p>某省人民政府办公厅</p><p>2024年5月6日</p>"
    )
    k = _read(raw, tmp_path)
    assert k.field("title").value == "某省人民政府办公厅关于建立某省测试工作联席会议制度的通知"
    assert k.field("number").value == "某政办函〔2024〕8号" and k.field("published").value == "2024-05-06"
    group = next(iter(k.groups.values()))
    units = next(h for h in group.roles if h.role == "成员单位")
    assert [k.units[u].name for u in units.units] == ["省委宣传部", "省科技厅", "省财政厅", "省司法厅", "省市场监管局"]
    members = next(h for h in group.roles if h.role == "成员")
    assert members.posts == ("各成员单位有关负责同志",)
    deputies = next(h for h in group.roles if h.role == "副召集人")
    assert _holders(k, "副召集人") == ["孔丽"] and deputies.posts == ("省统计局局长", "省妇联主席")


def test_site_chrome_and_related_links_are_no_facts_and_a_signing_date_glued_to_the_printing_line(
    tmp_path: Path,
) -> None:
    """The site's bar (门户网站 繁体版 | 简体版) is neither title nor issuer; 相关阅读 / 上一篇 / 下一篇 name other
    notices, never rules of this one; 二〇二四年五月六日X 2024年5月7日印发: the signing date and the 印发 date apart."""
    raw = (
        "https://example.gov.cn/t2.html\n某县人民政府门户网站 繁體版 | 簡體版\n"
        "某县人民政府办公室关于成立某县测试工作领导小组的通知\n某府办发〔2024〕3号\n各乡镇人民政府，县政府各部门：\n"
        "一、组成人员\n组长：钱明　县长\n成员：孔丽　县财政局局长\n二、其他事项\n领导小组成员如有变动，由接任者自行替补。\n"
        "某县人民政府办公室\n二〇二四年五月六日某县人民政府办公室 2024年5月7日印发\n【打印本页】【关闭窗口】\n"
        "相关阅读：\n某县人民政府办公室关于调整某县森林防火指挥部的通知\n上一篇：某县人民政府关于印发某县测试方案的通知\n"
        "下一篇：某县人民政府办公室关于做好春耕工作的通知\n"
    )
    k = _read(raw, tmp_path)
    assert k.field("title").value == "某县人民政府办公室关于成立某县测试工作领导小组的通知"
    assert k.field("issuer").value == "某县人民政府办公室"
    assert k.field("signed").value == "二〇二四年五月六日" and k.field("published").value == "2024年5月7日"
    assert [r.quote for r in k.requirements] == ["领导小组成员如有变动，由接任者自行替补。"]
    notice = (tmp_path / "notice.txt").read_text(encoding="utf-8")
    assert "门户网站" not in notice and "森林防火" not in notice and "上一篇" not in notice
    assert "2024年5月7日" in _ask(tmp_path, "哪天印发的")


def test_a_committee_and_its_sub_committees_with_leading_units_a_unit_list_and_a_name_spaced_in_a_sentence(
    tmp_path: Path,
) -> None:
    """关于调整X及其专业委员会的通知 names X (the 专业委员会 are bodies under it); each （一）…专业委员会。主任单位为…。负责…
    is one, with its leading unit and duties; 委员由… a list sharing 市 (公安局, first named whole in a title, is
    cited by the list too; 青石港务局, named for the notice's place, takes no 市); 局长卢 航兼任: one name."""
    raw = (
        "青石市人民政府办公室关于调整青石市消防安全委员会及其专业委员会的通知\n青府办发〔2024〕5号\n"
        "各区人民政府，市政府各部门：\n一、组成人员\n主任：钱明　市长\n副主任：孔丽　副市长、市公安局局长\n"
        "委员由市委宣传部、政法委，市教育局、公安局、民政局，青石港务局分管负责同志担任。\n"
        "二、办事机构\n市消安委办公室设在市消防救援支队。办公室主任由市消防救援支队支队长卢 航兼任。\n"
        "三、专业委员会\n市消安委下设2个专业委员会：\n"
        "（一）高层建筑消防专业委员会。主任单位为市住房城乡建设局。负责高层建筑消防隐患排查。\n"
        "（二）森林消防专业委员会。主任单位为市林业局。负责森林火灾预防，督促落实巡护制度。\n"
    )
    k = _read(raw, tmp_path)
    top = next(g for g in k.groups.values() if k.is_top(g.id))
    assert top.name == "青石市消防安全委员会"
    subs = {g.name: g for g in k.groups.values() if g.parent == top.id}
    assert sorted(subs) == ["森林消防专业委员会", "高层建筑消防专业委员会"]
    forest = subs["森林消防专业委员会"]
    lead = next(h for h in forest.roles if h.role == "主任单位")
    assert [k.units[u].name for u in lead.units] == ["市林业局"]
    assert forest.duty is not None and forest.duty.quote == "负责森林火灾预防，督促落实巡护制度。"
    members = next(h for h in top.roles if h.role == "委员")
    assert [k.units[u].name for u in members.units] == [
        "市委宣传部",
        "市委政法委",
        "市教育局",
        "市公安局",
        "市民政局",
        "青石港务局",
    ]
    director = next(h for h in top.office.roles if h.role == "主任")
    assert [k.people[p].name for p in director.persons] == ["卢航"]
    assert "市林业局" in _ask(tmp_path, "森林消防专业委员会的主任单位是哪个")


def test_an_html_roster_with_two_heads_and_a_post_wrapped_inside_a_word_and_a_rename_asked(tmp_path: Path) -> None:
    """<td>/<br>/&emsp; leftovers; two 组长 lines are one place of two; a member's post wrapped onto an indented line
    inside a word (副处<br>长) is his one post, not a member more; 原“A”更名为“B” is what 原来叫什么 cites."""
    raw = (
        'https://example.gov.cn/t3.html\n<td class="bt_title">某区人民政府办公室关于调整区测试工作领导小组组成人员的通知</td>\n'
        "<td>\n&nbsp;\n某府办发〔2024〕7号\n各街道办事处，区政府各部门：<br>\n"
        "&emsp;&emsp;经区政府同意，决定将原“区旧区测试工作领导小组”更名为“区测试工作领导小组”（以下简称领导小组）。<br>\n"
        "&emsp;&emsp;一、组成人员<br>\n&emsp;&emsp;组　长：钱　明　区委书记<br>\n&emsp;&emsp;组　长：孔丽华　区长<br>\n"
        "&emsp;&emsp;成　员：严立东　区财政局局长<br>\n&emsp;&emsp;　　　　韦　华　市税务局某区分局党委委员、副处<br>\n"
        "&emsp;&emsp;　　　　　　　　长<br>\n&emsp;&emsp;　　　　卓文涛　区统计局局长<br>\n</td>\n"
    )
    k = _read(raw, tmp_path)
    assert _holders(k, "组长") == ["钱明", "孔丽华"]
    assert _holders(k, "成员") == ["严立东", "韦华", "卓文涛"]
    assert [t.title for t in k.people["wei_hua"].titles] == ["市税务局某区分局党委委员", "副处长"]
    assert "区旧区测试工作领导小组" in _ask(tmp_path, "原来叫什么")


def test_the_pages_information_block_menu_bar_and_qr_prompt_are_chrome_but_its_publication_date_is_kept(
    tmp_path: Path,
) -> None:
    """索引号 / 发布机构 / 文号 / 发布日期 pairs before the title, a 首页 | … menu, 扫一扫…: the page's, not the notice's;
    the title is read without them, the page's 发布日期 stays; 附件：1.… lists the annexes and is no rule."""
    raw = (
        "https://example.gov.cn/t5.html\n首页 | 政务公开 | 办事服务 | 走进石桥\n"
        "索引号：SQ-001/2022-00012　　主题分类：综合政务\n发布机构：石桥县人民政府办公室　　发文日期：2022-06-01\n"
        "文　　号：石政办发〔2022〕3号　　发布日期：2022-06-03\n石桥县人民政府办公室关于成立县测试工作专班的通知\n"
        "石政办发〔2022〕3号\n各乡镇人民政府：\n　　经县人民政府同意，成立了县测试工作专班（以下简称专班）。\n"
        "一、有关要求\n专班为临时性工作机构，任务完成后自行撤销。\n附件：1.县测试工作专班组成人员名单\n"
        "石桥县人民政府办公室\n2022年6月1日\n扫一扫在手机打开当前页\n"
    )
    k = _read(raw, tmp_path)
    assert k.field("title").value == "石桥县人民政府办公室关于成立县测试工作专班的通知"
    assert k.field("published").value == "2022-06-03"
    assert next(iter(k.groups.values())).full_name == "县测试工作专班"  # 成立了: 了 is no part of the name
    assert [r.quote for r in k.requirements] == ["专班为临时性工作机构，任务完成后自行撤销。"]
    notice = (tmp_path / "notice.txt").read_text(encoding="utf-8")
    assert "索引号" not in notice and "扫一扫" not in notice and "政务公开" not in notice


def test_names_padded_inside_sentences_of_an_adjustment_are_joined() -> None:
    """原组长X　Y不再担任 / 接替X　Y； / 由X　Y同志兼任 / （一）X　Y（…）: a padded name wherever a sentence names a
    person; two items run on in one line are two lines."""
    text = clean(
        "一、组长：由县长孔明担任（原组长韩　冰不再担任）。\n（一）贺　峰（县财政局副局长）接替梅　兰；（二）增补凌云为成员；\n"
        "办公室主任由苗　青同志兼任。\n"
    )
    assert text == (
        "一、组长：由县长孔明担任（原组长韩冰不再担任）。\n（一）贺峰（县财政局副局长）接替梅兰；\n（二）增补凌云为成员；\n"
        "办公室主任由苗青同志兼任。\n"
    )


def test_a_notice_that_adjusts_only_some_places_reads_who_holds_them_now_and_what_changed(tmp_path: Path) -> None:
    """No roster: 组长：由Y担任（原组长X不再担任）, 增补Z（title）为副组长, A（title）接替B任副组长, items under 三、成员：
    (A接替B / 增补C为成员 / 原成员D、E不再担任), 办公室仍设在… with its 主任不变 (never named), 其他成员不变."""
    raw = (
        "某市人民政府办公室关于调整市测试工作领导小组部分成员的通知\n某府办字〔2023〕9号\n"
        "各县人民政府：\n　　现将领导小组部分成员调整如下：\n"
        "一、组长：由副市长孔明担任（原组长韩冰不再担任）。\n"
        "二、副组长：增补凌云（市政府副秘书长）为副组长；贺峰（市统计局局长）接替梅兰任副组长。\n三、成员：\n"
        "（一）苗青（市民政局副局长）接替尹默；\n（二）增补简宁（市水利局副局长）为成员；\n"
        "（三）原成员苏河、白露因工作变动不再担任领导小组成员。\n领导小组办公室仍设在市统计局，办公室主任不变。其他成员不变。\n"
    )
    k = _read(raw, tmp_path)
    assert _holders(k, "组长") == ["孔明"] and _holders(k, "副组长") == ["凌云", "贺峰"]
    assert _holders(k, "成员") == ["苗青", "简宁"]  # who left is never a holder
    group = next(iter(k.groups.values()))
    assert [(c.role, c.former, c.successors, c.added) for c in group.changes] == [
        ("组长", ("han_bing",), ("kong_ming",), ()),
        ("副组长", (), (), ("ling_yun",)),
        ("副组长", ("mei_lan",), ("he_feng",), ()),
        ("成员", ("yin_mo",), ("miao_qing",), ()),
        ("成员", (), (), ("jian_ning",)),
        ("成员", ("su_he", "bai_lu"), (), ()),
    ]
    assert [t.title for t in k.people["he_feng"].titles] == ["市统计局局长"]
    assert k.units[group.office.host].name == "市统计局" and group.office.director is None
    facts = (tmp_path / "facts.yaml").read_text(encoding="utf-8")
    assert "其他成员不变): these are the holders it names" in facts  # the place is not the whole roster
    assert "韩冰" in _ask(tmp_path, "原组长是谁")
    assert "未载明" in _ask(tmp_path, "办公室主任是谁")
    assert _ask(tmp_path, "梅兰还是副组长吗").startswith("不是")


def test_an_annex_liaison_table_with_its_header_broken_over_two_lines_and_empty_cells(tmp_path: Path) -> None:
    """| 单位 | 姓名 | / 职务 |: one header; a row with no title is the unit's person; a row with no name is no one
    (未载明, never guessed); 各镇分管负责同志 on a roster line is a post, not a unit 各镇."""
    raw = (
        "某县人民政府办公室关于成立县测试工作专班的通知\n附件1\n县测试工作专班组成人员名单\n专班长：孔明 副县长\n"
        "成　　员：贺峰 县财政局副局长\n　　　　　各镇分管负责同志\n附件2\n县测试工作专班联络员名单\n| 单位 | 姓名 |\n"
        " 职务 |\n|---|---|---|\n| 县财政局 | 凌　云 | 预算股股长 |\n| 县民政局 | 苗青 |  |\n| 县水利局 |  | 水政股股长 |\n"
    )
    k = _read(raw, tmp_path)
    assert _holders(k, "联络员") == ["凌云", "苗青"]
    assert [(t.title, k.units[t.unit].name) for t in k.people["miao_qing"].titles] == [("县民政局", "县民政局")]
    assert [(t.title, k.units[t.unit].name) for t in k.people["ling_yun"].titles] == [("预算股股长", "县财政局")]
    members = next(h for h in next(iter(k.groups.values())).roles if h.role == "成员")
    assert members.posts == ("各镇分管负责同志",) and not members.units
    assert "凌云" in _ask(tmp_path, "县财政局的联络员是谁")
    facts = (tmp_path / "facts.yaml").read_text(encoding="utf-8")
    assert "县水利局: no name in its row" in facts and "水政股股长" not in str(k.people)


def test_a_members_post_wrapped_alone_after_its_unit_is_his_title_not_a_label(tmp_path: Path) -> None:
    """Roster lines "name unit" whose post (副处长 / 副主任) the crawl put alone on the next line: the post is the member's,
    never a place of its own (a bare 副主任 is no office label)."""
    raw = (
        "某省林业局关于成立某省林业测试工作领导小组的通知\n一、组成人员\n组  长:祁文海　局长\n"
        "成  员:方  卓　规划财务处处长\n        卢明辉　森林资源管理处（林长制办公室）\n副处长\n"
        "        戴秋实　林业科学研究中心\n副主任\n        尹小川　造林绿化处处长\n"
    )
    k = _read(raw, tmp_path)
    titles = {p.name: [t.title for t in p.titles] for p in k.people.values()}
    assert titles["卢明辉"] == ["森林资源管理处（林长制办公室）副处长"]
    assert titles["戴秋实"] == ["林业科学研究中心副主任"]
    group = next(iter(k.groups.values()))
    members = next(h for h in group.roles if h.role == "成员")
    assert len(members.persons) == 4 and not members.posts
    assert not any(h.role == "副主任" for h in group.roles)


def test_a_bold_heading_run_on_after_the_last_item_is_a_section_of_its_own(tmp_path: Path) -> None:
    """<strong>三、其他</strong> glued to the last duty item and to its own first sentence: its own line, so the
    duties end before it and its sentence is a rule of section 三."""
    raw = (
        "<p>某县人民政府办公室关于成立某县护林工作领导小组的通知</p>\n<p>一、组成人员</p>\n"
        "<p>组长：韩立春 县长</p>\n<strong>二、工作职责</strong><br/>（一）统筹全县护林工作。（二）督促各乡镇落实护林责任。"
        "<strong>三、其他事项</strong><br/>&nbsp;&nbsp;各乡镇护林员名单报县林业局备案。\n"
    )
    k = _read(raw, tmp_path)
    group = next(iter(k.groups.values()))
    assert group.duty is not None and "其他事项" not in (group.duty.quote or "")
    assert "三、其他事项\n各乡镇护林员名单报县林业局备案。" in k.notice
    assert any(r.section == "三" and "护林员名单" in (r.quote or "") for r in k.requirements)


def test_a_chiefs_table_one_cell_per_line_makes_each_lake_a_place_with_its_chief_and_its_unit(tmp_path: Path) -> None:
    """序号 / 湖库名称 / 县级湖长 / 职务 / 联系单位 given one cell per line, bare serial numbers included: each row one
    line of the notice, each lake a place under the group, held by its chief (with the row's title) and its unit."""
    raw = (
        "某县人民政府办公室关于明确某县县级湖长的通知\n一、某县湖长制工作领导小组\n组长：万家宁 县长\n"
        "二、县级湖长及联系单位\n序号\n湖库名称\n县级湖长\n职务\n联系单位\n"
        "1\n月牙湖\n万家宁\n县长\n县水务局\n2\n金鸡水库\n包玉洁\n副县长\n县林草局\n3\n白鹭湖\n万家宁\n县长\n县文旅局\n"
        "三、工作要求\n各湖长每季度巡湖不少于一次。\n"
    )
    k = _read(raw, tmp_path)
    assert "| 2 | 金鸡水库 | 包玉洁 | 副县长 | 县林草局 |" in k.notice.splitlines()
    lake = next(g for g in k.groups.values() if g.name == "金鸡水库")
    assert lake.kind == "湖库" and lake.parent == next(iter(k.groups.values())).id
    assert [k.people[p].name for h in lake.roles if h.role == "县级湖长" for p in h.persons] == ["包玉洁"]
    assert [k.units[u].name for h in lake.roles if h.role == "联系单位" for u in h.units] == ["县林草局"]
    assert "副县长" in [t.title for t in next(p for p in k.people.values() if p.name == "包玉洁").titles]
    reply = _ask(tmp_path, "金鸡水库的湖长是谁")
    assert "包玉洁" in reply and "万家宁" not in reply


def test_a_serial_table_whose_row_lost_a_cell_is_left_as_the_crawl_gave_it(tmp_path: Path) -> None:
    """A row with a cell dropped cannot say which column it lost: the table is not rebuilt and no lake is read."""
    raw = (
        "某县人民政府办公室关于明确某县县级湖长的通知\n一、某县湖长制工作领导小组\n组长：万家宁 县长\n"
        "二、县级湖长\n序号\n湖库名称\n县级湖长\n职务\n联系单位\n1\n月牙湖\n万家宁\n县长\n县水务局\n"
        "2\n金鸡水库\n县林草局\n3\n白鹭湖\n包玉洁\n副县长\n县文旅局\n"
    )
    k = _read(raw, tmp_path)
    assert len(k.groups) == 1 and not any("|" in line for line in k.notice.splitlines())


def test_an_office_given_a_short_name_has_its_host_and_its_places_and_members_send_each_towns_posts(
    tmp_path: Path,
) -> None:
    """下设…办公室(以下简称县湖长办),设在X: X hosts it, and the places the sentences after it give with the short name
    (县湖长办主任由…) are the office's, never the group's; a deputy's name after a space is a person; members as units'
    heads then 各镇 posts are both read; 作为联络员 is the post before 作."""
    raw = (
        "某县人民政府办公室关于成立某县湖长制工作领导小组的通知\n一、组成人员\n组长：简国梁 县长\n"
        "成员：县水务局、县林草局、县文旅局主要负责人,各镇党委书记、镇长。\n"
        "领导小组下设县湖长制办公室(以下简称县湖长办),设在县水务局。县湖长办主任由县水务局局长冉少华兼任，"
        "副主任由县林草局副局长 俞晓帆、县文旅局副局长 车明担任。\n"
        "二、工作规则\n各成员单位确定一名科级干部作为联络员。\n"
    )
    k = _read(raw, tmp_path)
    group = next(iter(k.groups.values()))
    assert group.office is not None and k.units[group.office.host].name == "县水务局"
    deputies = next(h for h in group.office.roles if h.role == "副主任")
    assert [k.people[p].name for p in deputies.persons] == ["俞晓帆", "车明"]
    assert not any(h.role in ("主任", "副主任") for h in group.roles)
    members = next(h for h in group.roles if h.role == "成员")
    assert [k.units[u].name for u in members.units] == ["县水务局", "县林草局", "县文旅局"]
    assert members.posts == ("各镇党委书记、镇长",)
    assert next(h for h in group.roles if h.role == "联络员").posts == ("各成员单位确定一名科级干部",)


def test_a_group_set_up_under_in_one_sentence_with_its_members_left_to_a_later_notice(tmp_path: Path) -> None:
    """领导小组下设技术指导组，负责…，组成人员另行通知: a group under the top one with that duty and its members
    unstated (never the top group's members); 下设三个工作组 (a count) is no group of that name."""
    raw = (
        "某市农业农村局关于成立某市秸秆利用工作领导小组的通知\n一、组成人员\n组长：屈志远 局长\n"
        "成员：龚丽娜 科教科科长\n二、其他\n领导小组下设技术指导组，负责秸秆还田技术培训，组成人员另行通知。"
        "领导小组下设三个工作组，具体分工另行明确。\n"
    )
    k = _read(raw, tmp_path)
    sub = next(g for g in k.groups.values() if g.name == "技术指导组")
    top = next(iter(k.groups.values()))
    assert sub.parent == top.id and sub.duty is not None and sub.duty.quote == "负责秸秆还田技术培训"
    assert [h.unstated for h in sub.roles if h.role == "成员"] == [True]
    assert len(k.groups) == 2 and _holders(k, "成员", top.id) == ["龚丽娜"]


def test_a_ministrys_department_is_the_unit_of_its_directors_post(tmp_path: Path) -> None:
    """某某司司长 / 某某司副司长: the 司 is the member's unit (and the office's host is that same unit)."""
    assert unit_of_post("水土保持司副司长") == "水土保持司" and unit_of_post("国际合作司司长") == "国际合作司"
    assert unit_of_post("某集团公司总经理") == "某集团公司"
    raw = (
        "水利部办公厅关于成立水利部测试工作领导小组的通知\n一、组成人员\n组长：景远航 副部长\n"
        "成员：韶华 水土保持司司长\n柏青 国际合作司副司长\n领导小组办公室设在水土保持司，主任由韶华兼任。\n"
    )
    k = _read(raw, tmp_path)
    group = next(iter(k.groups.values()))
    member = next(p for p in k.people.values() if p.name == "韶华")
    assert group.office is not None and member.titles[0].unit == group.office.host
    assert k.units[group.office.host].name == "水土保持司"


def test_a_roster_given_in_the_founding_sentence_an_offices_listed_duties_and_the_sites_footer(tmp_path: Path) -> None:
    """决定成立以X为组长，A、B为副组长，C、D为成员单位的<name>: each clause one place (title before the name); 办公室主要
    职责是： with 1.… 2.… under it is the office's duty (its 其他事项 item no rule); an item cut mid-sentence is a rule
    whose rest is 未载明; 主办：… 网站标识码：… is the site's footer."""
    raw = (
        "某市人民政府办公厅关于成立某市河道保洁工作领导小组的通知\n某政办函〔2023〕5号\n各区人民政府：\n"
        "<p>经市政府同意，决定成立以市政府副市长柯文涛为组长，市政府副秘书长沈秋、市水务局局长符晓东为副组长，"
        "市委宣传部、市财政局、市水务局、市城市管理局为成员单位的某市河道保洁工作领导小组（以下简称领导小组）。"
        "现将有关事项通知如下：</p>\n<p>一、领导小组办公室</p>\n"
        "<p>领导小组办公室设在市水务局，承担日常工作。办公室主任由市水务局副局长蓝海兼任。办公室主要职责是：<br/>\n"
        "1.负责领导小组会议的组织；<br/>\n2.承办领导小组交办的其他事项。</p>\n<p>二、工作要求</p>\n"
        "<p>1.建立会商机制。各成员单位要明确1名分管负责同志和1名科级干部为联络员,领导小组每季度召开一次会议。</p>\n"
        "<p>2.领导小组成员单位如有人员变动，由接任工作的同志自行替补，并报</p>\n"
        "主办：某市人民政府办公厅&nbsp;&nbsp;网站标识码：1234567890\n"
    )
    k = _read(raw, tmp_path)
    assert _holders(k, "组长") == ["柯文涛"] and _holders(k, "副组长") == ["沈秋", "符晓东"]
    group = next(iter(k.groups.values()))
    members = next(h for h in group.roles if h.role == "成员单位")
    assert [k.units[u].name for u in members.units] == ["市委宣传部", "市财政局", "市水务局", "市城市管理局"]
    assert [t.title for t in k.people["ke_wentao"].titles] == ["市政府副市长"]
    assert group.office is not None and group.office.duty is not None
    assert group.office.duty.quote == "1.负责领导小组会议的组织；\n2.承办领导小组交办的其他事项。"
    assert not any("其他事项" in (r.quote or "") for r in k.requirements)
    assert [r.quote for r in k.requirements][-1:] == [None] and k.requirements[-1].unstated
    assert any((r.quote or "").startswith("领导小组成员单位如有人员变动") for r in k.requirements)
    assert "网站标识码" not in k.notice and "主办" not in k.notice
    liaison = next(h for h in group.roles if h.role == "联络员")
    assert liaison.posts == ("各成员单位要明确1名分管负责同志和1名科级干部",)
    assert "柯文涛" in _ask(tmp_path, "组长是谁")


def test_a_table_of_groups_one_cell_per_line_makes_each_group_a_sub_group_with_its_units_and_duty(
    tmp_path: Path,
) -> None:
    """组别 / 组长单位 / 成员单位 / 主要职责 then 4 cells per group: each row one line of the notice, each group under the
    top one with its 组长单位, 成员单位 and duty (the heading 工作组及职责 is not the top group's duty); a list line cut
    after its 、 goes on in the next line; 办公室负责… in a sentence of its own is the office's duty."""
    raw = (
        "某县人民政府办公室关于成立某县水库建设指挥部的通知\n各乡镇人民政府:\n"
        "经县人民政府研究,决定成立某县水库建设指挥部(以下简称指挥部)。\n一、指挥部组成人员\n指挥长:龙海平 县长\n"
        "成员:县委宣传部、县民政局、县财政局、\n县公安局、县水利局主要负责人。\n"
        "指挥部下设办公室,办公室设在县水利局,办公室主任由县水利局局长项明兼任。办公室负责指挥部日常工作,承担信息报送等事项。\n"
        "二、工作组及职责\n指挥部下设3个工作组:\n"
        "组别\n组长单位\n成员单位\n主要职责\n移民安置组\n县民政局、白沙镇人民政府\n县财政局、县公安局\n负责库区移民搬迁,做好安置工作\n"
        "资金保障组\n县财政局\n县发展和改革局\n负责筹措建设资金,管好用好专项资金\n"
        "宣传报道组\n县委宣传部\n县融媒体中心\n负责宣传报道和舆情应对\n三、工作要求\n各工作组每周报送一次工作进展。\n"
    )
    k = _read(raw, tmp_path)
    row = "| 移民安置组 | 县民政局、白沙镇人民政府 | 县财政局、县公安局 | 负责库区移民搬迁,做好安置工作 |"
    assert row in k.notice.splitlines()
    top = next(iter(k.groups.values()))
    subs = [g for g in k.groups.values() if g.parent == top.id]
    assert [g.name for g in subs] == ["移民安置组", "资金保障组", "宣传报道组"]
    assert all(g.kind == "工作组" for g in subs) and top.duty is None
    # 白沙镇人民政府 after 县民政局 has a place of its own: no 县 inherited
    assert [k.units[u].name for h in subs[0].roles if h.role == "组长单位" for u in h.units] == [
        "县民政局",
        "白沙镇人民政府",
    ]
    money = subs[1]
    assert [k.units[u].name for h in money.roles if h.role == "组长单位" for u in h.units] == ["县财政局"]
    assert [k.units[u].name for h in money.roles if h.role == "成员单位" for u in h.units] == ["县发展和改革局"]
    assert money.duty is not None and money.duty.quote == "负责筹措建设资金,管好用好专项资金"
    members = next(h for h in top.roles if h.role == "成员")
    assert len(members.units) == 5
    assert top.office is not None and top.office.duty is not None  # its own sentence says what the office does
    assert top.office.duty.quote == "负责指挥部日常工作,承担信息报送等事项"
    assert "县民政局" in _ask(tmp_path, "移民安置组组长单位是哪个")
    assert "筹措建设资金" in _ask(tmp_path, "资金保障组负责什么")


def test_a_table_of_groups_with_a_row_short_of_a_cell_is_left_as_the_crawl_gave_it(tmp_path: Path) -> None:
    raw = (
        "某县人民政府办公室关于成立某县水库建设指挥部的通知\n决定成立某县水库建设指挥部(以下简称指挥部)。\n"
        "一、工作组\n组别\n组长单位\n成员单位\n主要职责\n移民安置组\n县民政局\n负责库区移民搬迁\n"
        "资金保障组\n县财政局\n县发展和改革局\n负责筹措建设资金\n"
    )
    k = _read(raw, tmp_path)
    assert len(k.groups) == 1 and not any("|" in line for line in k.notice.splitlines())


def test_an_html_roster_in_one_paragraph_with_a_first_deputy_and_names_glued_to_the_post_before_them(
    tmp_path: Path,
) -> None:
    """A page's roster in one <p> with its breaks lost: 第一副组长 is a place of its own (never 组长's title 书记第一);
    each next name (padded: 罗 兰) glued to the post before it is a person with the title after it; the last title runs
    on into units' heads and each 社区's post, each read as what it is; the office <p> after it is no part of it."""
    raw = (
        '<div class="title">青石镇人民政府关于成立青石镇河道保洁工作领导小组的通知</div>\n'
        "<p>各村委会、各社区居委会，镇各站所：</p>\n<p>一、领导小组组成人员</p>\n"
        "<p>组长：柯文远 镇党委书记第一副组长：贺 鹏 镇党委副书记、镇长副组长：罗 兰 镇党委委员"
        "蒋安平 副镇长成员：苗 青 党政办主任阎志刚 农业服务中心主任城管中队、水利站负责人，各村党支部书记</p>\n"
        "<p>领导小组下设办公室，办公室设在镇水利站，阎志刚同志兼任办公室主任。</p>\n"
        "<p>二、有关要求</p>\n<p>各成员单位每月报告一次保洁情况。</p>\n"
        '<p style="text-align:right;">青石镇人民政府</p>\n<p style="text-align:right;">2024年5月6日</p>\n'
    )
    k = _read(raw, tmp_path)
    assert _holders(k, "组长") == ["柯文远"] and _holders(k, "第一副组长") == ["贺鹏"]
    assert _holders(k, "副组长") == ["罗兰", "蒋安平"]
    assert _holders(k, "成员") == ["苗青", "阎志刚"]
    group = next(iter(k.groups.values()))
    members = next(h for h in group.roles if h.role == "成员")
    assert [k.units[u].name for u in members.units] == ["城管中队", "水利站"]
    assert members.posts == ("各村党支部书记",)
    assert [t.title for t in next(p for p in k.people.values() if p.name == "阎志刚").titles] == ["农业服务中心主任"]
    assert group.office is not None and k.people[group.office.director].name == "阎志刚"
    assert k.field("issuer").value == "青石镇人民政府"
    reply = _ask(tmp_path, "第一副组长是谁")
    assert "贺鹏" in reply and "柯文远" not in reply


def test_a_table_of_areas_as_text_rows_makes_each_area_a_place_with_its_chief_and_its_communities(
    tmp_path: Path,
) -> None:
    """片区　片长　包含社区（村） rows kept apart by full-width padding, outside any table: each 片区 (every cell of the
    column ends with its header) a place under the group, held by its 片长 and listing its communities, each its own."""
    raw = (
        "东岭街道办事处关于成立东岭街道网格化工作领导小组的通知\n一、组成人员\n组长：尤振华 街道党工委书记\n"
        "成员：穆小川 党政办主任\n二、片区划分\n全街道划分为3个片区。\n"
        "片区　　　片长　　　包含社区（村）\n甲片区　　穆小川　　　枫林社区、竹溪村\n乙片区　　尤振华　　　石门社区\n"
        "丙片区　　穆小川　　　洪桥村、新塘社区、老街社区\n三、工作要求\n片长每月召开一次片区例会。\n"
    )
    k = _read(raw, tmp_path)
    areas = [g for g in k.groups.values() if g.kind == "片区"]
    assert [g.name for g in areas] == ["甲片区", "乙片区", "丙片区"]
    third = areas[2]
    assert third.parent == next(iter(k.groups.values())).id
    assert [k.people[p].name for h in third.roles if h.role == "片长" for p in h.persons] == ["穆小川"]
    listed = [k.units[u].name for h in third.roles if h.role == "包含社区（村）" for u in h.units]
    assert listed == ["洪桥村", "新塘社区", "老街社区"]
    reply = _ask(tmp_path, "乙片区的片长是谁")
    assert "尤振华" in reply and "穆小川" not in reply


def test_an_adjustment_that_merges_a_group_into_another_with_two_deputies_named_and_its_last_item_cut(
    tmp_path: Path,
) -> None:
    """将X并入Y is the field 并入 (never a group with members of its own); 甲、乙同志兼任办公室副主任 names two people
    (同志 said of both); the last item, cut by the crawl before its 。, is a requirement and the rest of it 未载明."""
    raw = (
        "云溪市人民政府办公室关于调整市乡村振兴工作领导小组组成人员的通知\n一、组成人员\n组长：董云飞 市长\n"
        "成员：苏明哲 市农业农村局局长\n邱雅琴 市财政局局长\n二、办公室\n"
        "领导小组下设办公室，办公室设在市农业农村局，苏明哲同志兼任办公室主任，邱雅琴、董云飞同志兼任办公室副主任。\n"
        "三、合并机构\n将市农村人居环境整治工作领导小组并入领导小组，其职责由领导小组承担。\n"
        "四、有关要求\n（一）成员单位每季度报送一次工作进展。\n"
        "（二）各县（市、区）要对照本通知开展清理，清理情况于2024年9月30日前报市政府办公室，对需要保留的，要说明理由并\n"
    )
    k = _read(raw, tmp_path)
    assert k.field("merged").value == "市农村人居环境整治工作领导小组并入领导小组"
    assert len(k.groups) == 1
    office = next(iter(k.groups.values())).office
    deputies = next(h for h in office.roles if h.role == "副主任")
    assert [k.people[p].name for p in deputies.persons] == ["邱雅琴", "董云飞"] and not deputies.posts
    cut = [r for r in k.requirements if r.section == "四（二）"]
    assert cut[0].quote.endswith("要说明理由并") and cut[-1].unstated


def test_a_two_column_roster_table_inherits_each_place_down_its_blank_cells(tmp_path: Path) -> None:
    """职务 | 姓名及单位职务: the name and its title in one cell (&nbsp; between them), the place cell blank on the rows
    that go on with the place above (tab first), one row broken at its cell (秘书长 / its holder in the next cell),
    one title wrapped onto a line of its own; （兼） after a title is no title of its own."""
    raw = (
        "https://example.gov.cn/t1.html\n<h1>某省人民政府办公厅关于调整某省测试运动委员会组成人员的通知</h1>\n"
        "<p>　　一、组成人员</p>\n<table><tbody>\n<tr><td>职务</td><td>姓名及单位职务</td></tr>\n"
        "主任委员\t卓远航&nbsp;&nbsp;副省长\n副主任委员\t秦　朗&nbsp;&nbsp;省政府副秘书长\n"
        "\t甘若水&nbsp;&nbsp;省体育局局长\n委员\t韦　彤&nbsp;&nbsp;省财政厅副厅长\n"
        "\t鲍思齐&nbsp;&nbsp;省卫生健康委一级巡视员、省健康办\n专职副主任\n\t温立言&nbsp;&nbsp;省体育局副局长\n"
        "<tr><td>秘书长</td><td>温立言&nbsp;&nbsp;省体育局副局长（兼）</td></tr>\n</tbody></table>\n"
        "<p>　　二、工作规则</p>\n<p>　　1. 委员会每年召开1次全体会议。</p>\n"
    )
    k = _read(raw, tmp_path)
    assert _holders(k, "主任委员") == ["卓远航"]
    assert _holders(k, "副主任委员") == ["秦朗", "甘若水"]
    assert _holders(k, "委员") == ["韦彤", "鲍思齐", "温立言"]
    assert _holders(k, "秘书长") == ["温立言"]
    assert [t.title for t in k.people["bao_siqi"].titles] == ["省卫生健康委一级巡视员", "省健康办专职副主任"]
    assert [t.title for t in k.people["wen_liyan"].titles] == ["省体育局副局长"]
    assert "职务" not in k.notice.split("二、")[0]
    assert "甘若水（省体育局局长）" in _ask(tmp_path, "副主任委员有哪些")


def test_the_notices_closing_words_after_its_last_item_are_cited_as_its_body_not_as_that_item(
    tmp_path: Path,
) -> None:
    """此前…以本通知为准 after 三、 / 2.: the notice's own closing, no part of rule 2; and 由主任委员或其委托的副主任委员召集
    names who convenes, no holder of 委员 (the 任 of 主任 is no 任)."""
    raw = (
        "某市人民政府办公室关于调整某市测试协调委员会组成人员的通知\n一、组成人员\n主任委员：卓远航 市长\n"
        "二、委员会办公室\n委员会办公室设在市体育局，承担日常工作。\n三、工作规则\n"
        "1. 委员会每年召开1次全体会议，由主任委员或其委托的副主任委员召集。\n"
        "2. 委员会组成人员需要调整的，由所在单位提出意见，报主任委员审定。\n"
        "此前有关文件与本通知不一致的，以本通知为准。\n某市人民政府办公室\n2023年5月6日\n"
    )
    k = _read(raw, tmp_path)
    sections = {r.quote: r.section for r in k.requirements}
    assert sections["此前有关文件与本通知不一致的，以本通知为准。"] == "正文"
    assert sections["委员会组成人员需要调整的，由所在单位提出意见，报主任委员审定。"] == "三2."
    assert [h.role for h in next(iter(k.groups.values())).roles] == ["主任委员"]
    assert "三2." not in _ask(tmp_path, "以什么为准")


def test_a_two_column_roster_table_in_markdown_with_bracketed_titles_and_a_post_without_a_name(
    tmp_path: Path,
) -> None:
    """| 职务 | 姓名及职务 | rows: a padded name inside its cell, "name（title）" cells kept as written, an empty
    place cell going on with the place above, a post no one is named for (its place's, never a person)."""
    raw = (
        "某县人民政府办公室关于调整某县测试工作领导小组组成人员的通知\n一、组成人员\n| 职务 | 姓名及职务 |\n|---|---|\n"
        "| 组长 | 葛　明（县长） |\n| 副组长 | 钱　进（副县长） |\n|  | 县政府办公室主任 |\n| 成员 | 翁海若（县财政局局长） |\n"
        "|  | 符　青（县教育局局长） |\n二、工作要求\n各成员单位要按时完成测试。\n"
    )
    k = _read(raw, tmp_path)
    assert _holders(k, "组长") == ["葛明"] and _holders(k, "副组长") == ["钱进"]
    assert _holders(k, "成员") == ["翁海若", "符青"]
    deputies = next(h for h in next(iter(k.groups.values())).roles if h.role == "副组长")
    assert deputies.posts == ("县政府办公室主任",)
    assert [t.title for t in k.people["fu_qing"].titles] == ["县教育局局长"]
    assert "|" not in k.notice and "组长：葛明（县长）" in k.notice


_SIDE_BY_SIDE = (
    "青岚县人民政府办公室关于调整部分县政府议事协调机构组成人员的通知\n"
    "各乡镇人民政府，县政府各部门:\n"
    "因人事变动，现将县防灾减灾委员会、县老龄工作委员会组成人员调整如下。"
    "钟明远同志不再担任县防灾减灾委员会常务副主任、县老龄工作委员会副主任。\n"
    "一、县防灾减灾委员会\n主　任：柏文峰　县长\n常务副主任：裘国安　副县长\n"
    "委　员：甘晓岚　县民政局局长\n　　　　鲍志成　县水利局局长\n"
    "县防灾减灾委员会办公室设在县应急管理局。\n"
    "二、县老龄工作委员会\n主　任：裘国安　副县长\n副主任：甘晓岚　县民政局局长\n"
    "委　员：鲍志成　县水利局局长\n　　　　尤慧娟　县卫生健康局局长\n"
    "县老龄工作委员会办公室设在县民政局，甘晓岚同志兼任办公室主任。\n"
)


def test_bodies_side_by_side_with_none_over_them_are_each_a_group_of_their_own(tmp_path: Path) -> None:
    """一、A委员会 / 二、B委员会 with no body over them: two top-level groups, each its own roster and office; a
    person's roster line under both is read under both (no repeat dropped); 不再担任A常务副主任、B副主任 is a change
    in each body named, never a 委员 of A."""
    k = _read(_SIDE_BY_SIDE, tmp_path)
    first, second = k.groups.values()
    assert (first.name, second.name) == ("县防灾减灾委员会", "县老龄工作委员会")
    assert first.parent is None and second.parent is None and k.top is None
    assert _holders(k, "委员", first.id) == ["甘晓岚", "鲍志成"]
    assert _holders(k, "委员", second.id) == ["鲍志成", "尤慧娟"]
    assert k.units[first.office.host].name == "县应急管理局" and k.units[second.office.host].name == "县民政局"
    assert first.office.director is None and k.people[second.office.director].name == "甘晓岚"
    left = {g.name: [(c.role, [k.people[p].name for p in c.former]) for c in g.changes] for g in k.groups.values()}
    assert left == {"县防灾减灾委员会": [("常务副主任", ["钟明远"])], "县老龄工作委员会": [("副主任", ["钟明远"])]}
    adjusted = k.field("rename")
    assert adjusted.label == "调整" and adjusted.value.endswith("县老龄工作委员会组成人员调整如下")
    assert "裘国安" in _ask(tmp_path, "县老龄工作委员会主任是谁")
    assert "县应急管理局" in _ask(tmp_path, "县防灾减灾委员会办公室设在哪")


def test_a_safety_committee_is_known_by_its_conventional_short_name(tmp_path: Path) -> None:
    """安全生产委员会 is called 安委会 (its office 安委办), though the notice never says so: 安生委 is no one's word."""
    raw = (
        "石屏县人民政府办公室关于调整县安全生产委员会组成人员的通知\n"
        "主　任：龚海潮　县长\n委　员：屠文斌　县应急管理局局长\n"
        "县安全生产委员会办公室设在县应急管理局，屠文斌同志兼任办公室主任。\n"
    )
    k = _read(raw, tmp_path)
    assert "安委会" in next(iter(k.groups.values())).aliases
    assert "龚海潮" in _ask(tmp_path, "安委会主任是谁")
    assert "县应急管理局" in _ask(tmp_path, "安委办设在哪")


def test_a_first_deputy_commander_is_a_deputy_place_of_its_own(tmp_path: Path) -> None:
    """第一副指挥长：name title — its own place (a deputy's), not lost between 指挥长 and 常务副指挥长."""
    raw = (
        "青岚县人民政府办公室关于成立青岚县河道清障工作指挥部的通知\n"
        "指 挥 长：闵少卿　县委书记\n第一副指挥长：甄海岳　县长\n常务副指挥长：祁晓曼　副县长\n"
    )
    k = _read(raw, tmp_path)
    assert _holders(k, "第一副指挥长") == ["甄海岳"]
    assert "甄海岳" in _ask(tmp_path, "第一副指挥长是谁")


def test_a_qualified_deputy_of_any_heads_word_is_a_place_of_its_own_and_counted_among_the_members(
    tmp_path: Path,
) -> None:
    """常务副总指挥 / 执行副召集人: a deputy place qualified, of whatever word the head's place is, read by rule (not
    only the labels listed), counted with everyone the body names."""
    raw = (
        "溪山县人民政府办公室关于调整溪山县地质灾害防治指挥部组成人员的通知\n"
        "总 指 挥：梅远航　县长\n常务副总指挥：史可敬　副县长\n副总指挥：宁兆丰　县自然资源局局长\n"
        "成　员：柏青山　县水利局局长\n"
    )
    k = _read(raw, tmp_path)
    assert _holders(k, "常务副总指挥") == ["史可敬"]
    reply = _ask(tmp_path, "常务副总指挥是谁")
    assert "史可敬" in reply and "未载明" not in reply
    assert "共4位" in _ask(tmp_path, "指挥部一共多少人")


def test_a_markdown_roster_row_broken_over_two_lines_is_one_row_and_the_rows_after_it_are_read(
    tmp_path: Path,
) -> None:
    """| 成员 | name | unit / post |, the crawl's break inside the last cell: the row joined again, its title whole,
    and every row after it still a member."""
    raw = (
        "溪山区人民政府办公室关于成立溪山区背街小巷整治工作领导小组的通知\n"
        "| 职务 | 姓名 | 单位及职务 |\n| --- | --- | --- |\n| 组长 | 梅远航 | 区长 |\n"
        "| 成员 | 史可敬 | 市规划局溪山分局\n局长 |\n| 成员 | 宁兆丰 | 区水利局局长 |\n"
    )
    k = _read(raw, tmp_path)
    assert _holders(k, "成员") == ["史可敬", "宁兆丰"]
    person = next(p for p in k.people.values() if p.name == "史可敬")
    assert [t.title for t in person.titles] == ["市规划局溪山分局局长"]


def test_a_tab_separated_table_of_groups_keeps_an_empty_leader_cell_in_its_column(tmp_path: Path) -> None:
    """组别 ⇥ 组长 ⇥ 职责 rows as tab-separated text: each row a group under the top one; a row whose 组长 cell is
    empty has its leader 未载明, never the next row's or its duty's words; a padded name cell is the name."""
    raw = (
        "梧岭县人民政府办公室关于成立梧岭县第三次土壤普查领导小组的通知\n"
        "一、领导小组组成人员\n组　长：尚思远　副县长\n"
        "二、领导小组办公室\n办公室下设3个工作组:\n"
        "组别\t组长\t职责\n"
        "技术组\t邱　岚\t负责采样点位核查和技术培训\n"
        "保障组\t\t负责经费测算和物资调配\n"
        "质控组\t童可欣\t负责样品流转和质量抽检\n"
    )
    k = _read(raw, tmp_path)
    by_name = {g.name: g for g in k.groups.values()}
    assert _holders(k, "组长", by_name["技术组"].id) == ["邱岚"]
    assert _holders(k, "组长", by_name["保障组"].id) == []
    assert _holders(k, "组长", by_name["质控组"].id) == ["童可欣"]
    assert by_name["保障组"].duty is not None and "经费测算" in by_name["保障组"].duty.quote
    answer = _ask(tmp_path, "保障组组长是谁")
    assert "未载明" in answer and "童可欣" not in answer and "邱岚" not in answer


def test_members_as_unit_posts_some_with_a_name_are_people_and_posts_never_a_shifted_name(tmp_path: Path) -> None:
    """成员:县某局副局长、县某局副局长张某、… — the named ones are people holding that post, the others posts named for
    no one (never given the next one's name), all in one 成员 place."""
    raw = (
        "梧岭县人民政府办公室关于成立梧岭县第三次土壤普查领导小组的通知\n"
        "一、领导小组组成人员\n"
        "组长:尚思远  副县长副组长:乔慕白  县农业农村局局长成员:县财政局副局长、县自然资源局副局长柯雨桐、"
        "县生态环境局副局长、县林业局副局长程书航\n"
    )
    k = _read(raw, tmp_path)
    assert _holders(k, "组长") == ["尚思远"] and _holders(k, "副组长") == ["乔慕白"]
    assert _holders(k, "成员") == ["柯雨桐", "程书航"]
    members = next(h for h in next(iter(k.groups.values())).roles if h.role == "成员")
    assert list(members.posts) == ["县财政局副局长", "县生态环境局副局长"]
    assert any(t.title == "县自然资源局副局长" for t in k.people[members.persons[0]].titles)


def test_a_list_of_member_units_cut_inside_a_unit_over_three_lines_is_one_list(tmp_path: Path) -> None:
    """成员：…、县水利和 / 湖泊局、…主要负责同 / 志。 — the crawl cut the list inside a unit's name and inside 同志:
    one list of units, the cut unit whole."""
    raw = (
        "青岚县人民政府办公室关于成立青岚县河道清障工作指挥部的通知\n"
        "指 挥 长：闵少卿　县委书记\n"
        "成　　员：县委办公室、县政府办公室、县财政局、县水利和\n"
        "湖泊局、县农业农村局、县应急管理局主要负责同\n志。\n"
    )
    k = _read(raw, tmp_path)
    members = next(h for h in next(iter(k.groups.values())).roles if h.role == "成员")
    names = [k.units[u].name for u in members.units]
    assert names == ["县委办公室", "县政府办公室", "县财政局", "县水利和湖泊局", "县农业农村局", "县应急管理局"]


def test_the_office_said_bare_is_the_groups_office_though_a_member_unit_is_a_levels_office(tmp_path: Path) -> None:
    """县委办公室 among the member units: 办公室设在哪 asks for the group's office, never for 县委办公室."""
    raw = (
        "青岚县人民政府办公室关于成立青岚县河道清障工作指挥部的通知\n"
        "指 挥 长：闵少卿　县委书记\n成　　员：县委办公室、县财政局、县水利局主要负责同志。\n"
        "指挥部下设办公室，办公室设在县水利局。\n"
    )
    _read(raw, tmp_path)
    assert "设在县水利局" in _ask(tmp_path, "办公室设在哪")
    assert "设在县水利局" in _ask(tmp_path, "指挥部办公室设在哪")


def test_a_sub_groups_leader_labelled_inside_its_line_is_a_person_and_a_post_only_leader_stays_a_post(
    tmp_path: Path,
) -> None:
    """(一)某组。组长:祁某(兼);牵头单位:… / （二）某组。组长：甄某；… — the leader is the person named (兼: besides
    the post the roster gives); （三）某组。组长由分管…的副县长担任 — a post, never a name guessed for it."""
    raw = (
        "青岚县人民政府办公室关于成立青岚县河道清障工作指挥部的通知\n"
        "一、指挥部组成人员\n指 挥 长：闵少卿　县委书记\n常务副指挥长：祁晓曼　副县长\n副 指 挥 长：甄海岳　副县长\n"
        "二、专项工作组\n"
        "(一)河岸整治组。组长:祁晓曼(兼);牵头单位:县水利局。负责河岸违建清理。\n"
        "（二）水质监测组。组长：甄海岳；牵头单位：县生态环境局。负责断面水质监测。\n"
        "（三）宣传引导组。组长由分管宣传工作的副县长担任；牵头单位：县委宣传部。负责宣传报道。\n"
    )
    k = _read(raw, tmp_path)
    by_name = {g.name: g for g in k.groups.values()}
    assert _holders(k, "组长", by_name["河岸整治组"].id) == ["祁晓曼"]
    assert _holders(k, "组长", by_name["水质监测组"].id) == ["甄海岳"]
    third = next(h for h in by_name["宣传引导组"].roles if h.role == "组长")
    assert not third.persons and list(third.posts) == ["分管宣传工作的副县长"]
    assert "甄海岳" in _ask(tmp_path, "水质监测组组长是谁")
    answer = _ask(tmp_path, "宣传引导组组长是谁")
    assert "分管宣传工作的副县长" in answer and "甄海岳" not in answer and "祁晓曼" not in answer


def test_an_office_place_held_by_a_named_comrade_with_titles_in_brackets_is_that_person(tmp_path: Path) -> None:
    """办公室主任由某某同志（A局副局长、B办主任）担任: the person, with both titles, never the whole phrase as a post."""
    raw = (
        "青岚县人民政府办公室关于成立青岚县河道清障工作指挥部的通知\n"
        "指 挥 长：闵少卿　县委书记\n"
        "指挥部下设办公室，办公室设在县水利局。办公室主任由柴远帆同志（县水利局副局长、县河长办主任）担任，"
        "常务副主任由邬静同志（县河长办副主任）担任。\n"
    )
    k = _read(raw, tmp_path)
    office = next(iter(k.groups.values())).office
    assert k.people[office.director].name == "柴远帆"
    titles = [t.title for t in k.people[office.director].titles]
    assert titles == ["县水利局副局长", "县河长办主任"]
    assert "邬静" in _ask(tmp_path, "常务副主任是谁")


def test_lower_levels_told_to_set_up_bodies_of_their_own_give_the_group_no_place(tmp_path: Path) -> None:
    """各镇相应成立…分指挥部，由镇党委书记任指挥长…: the 分指挥部's place, never the 指挥长 of the sub-group above the
    sentence; the sentence is a requirement on the 镇."""
    raw = (
        "青岚县人民政府办公室关于成立青岚县河道清障工作指挥部的通知\n"
        "一、指挥部组成人员\n指 挥 长：闵少卿　县委书记\n"
        "二、专项工作组\n指挥部下设2个专项工作组：\n"
        "（一）水质监测组。组长：闵少卿；牵头单位：县生态环境局。负责断面水质监测。\n"
        "（二）河岸整治组。组长：闵少卿；牵头单位：县水利局。负责河岸违建清理。\n"
        "各镇相应成立河道清障分指挥部，由镇党委书记任指挥长，并于2025年5月底前将名单报县指挥部办公室。\n"
    )
    k = _read(raw, tmp_path)
    sub = next(g for g in k.groups.values() if g.name == "河岸整治组")
    assert [h.role for h in sub.roles] == ["组长", "牵头单位"]
    assert any("各镇相应成立" in r.quote for r in k.requirements)


def test_a_time_schedule_and_a_funding_part_are_read_as_the_notices_rules(tmp_path: Path) -> None:
    """四、普查时间安排 / 五、经费保障: each sentence a requirement, so 标准时点 is answered from the notice."""
    raw = (
        "梧岭县人民政府办公室关于成立梧岭县第三次土壤普查领导小组的通知\n"
        "一、领导小组组成人员\n组　长：尚思远　副县长\n"
        "二、普查时间安排\n本次普查标准时点为2025年9月30日。2025年10月至12月开展外业采样工作。\n"
        "三、经费保障\n普查所需经费由县财政统筹安排，列入年度预算。\n"
    )
    k = _read(raw, tmp_path)
    quotes = [r.quote for r in k.requirements]
    assert quotes == [
        "本次普查标准时点为2025年9月30日。",
        "2025年10月至12月开展外业采样工作。",
        "普查所需经费由县财政统筹安排，列入年度预算。",
    ]
    assert "2025年9月30日" in _ask(tmp_path, "标准时点是哪天")


def test_an_annex_listed_but_lost_leaves_its_place_unstated_never_the_rosters_people(tmp_path: Path) -> None:
    """附件:某某领导小组办公室联络员名单 with the annex itself not in the crawl: the office has a 联络员 place whose
    holders are 未载明 (never the roster's people); an annex whose content follows is left to the roster."""
    raw = (
        "梧岭县人民政府办公室关于成立梧岭县第三次土壤普查领导小组的通知\n"
        "一、领导小组组成人员\n组　长：尚思远　副县长\n副组长：乔慕白　县农业农村局局长\n"
        "二、领导小组办公室\n领导小组下设办公室，办公室设在县农业农村局，办公室主任由乔慕白同志兼任。\n"
        "附件:梧岭县第三次土壤普查领导小组办公室联络员名单\n"
        "梧岭县人民政府办公室\n2025年4月2日\n"
    )
    k = _read(raw, tmp_path)
    office = next(iter(k.groups.values())).office
    liaison = next(h for h in office.roles if h.role == "联络员")
    assert liaison.unstated and not liaison.persons
    answer = _ask(tmp_path, "办公室联络员是谁")
    assert "未载明" in answer and "尚思远" not in answer and "乔慕白" not in answer


def test_a_roster_title_the_crawl_cut_after_a_joining_word_goes_on_in_the_next_line(tmp_path: Path) -> None:
    """甘某 县文化广播电视和 / 旅游局局长: a short roster line that stops at 和 is the start of its title, the line
    after it the rest of that post (never a post of its own, named for no one)."""
    raw = (
        "青苇县人民政府办公室关于成立青苇县文旅融合工作领导小组的通知\n一、组成人员\n组　长：柏文涛　县长\n"
        "成　员：甘小禾　县文化广播电视和\n旅游局局长\n　　　　鲍一鸣　县水利局局长\n二、工作要求\n各成员单位要按时报送进展。\n"
    )
    k = _read(raw, tmp_path)
    assert _holders(k, "成员") == ["甘小禾", "鲍一鸣"]
    members = next(h for h in next(iter(k.groups.values())).roles if h.role == "成员")
    assert members.posts == ()
    assert [t.title for t in k.people["gan_xiaohe"].titles] == ["县文化广播电视和旅游局局长"]
    assert "县文化广播电视和旅游局局长" in _ask(tmp_path, "甘小禾是干什么的")


def test_office_deputies_named_with_a_title_in_brackets_and_with_tongzhi(tmp_path: Path) -> None:
    """副主任由尤某(县某局副局长)、甘某同志担任: two people, the first with the title the brackets give (she is on no
    roster), the second the member named above — never one post made of the whole clause."""
    raw = (
        "青苇县人民政府办公室关于成立青苇县河道保洁工作领导小组的通知\n一、组成人员\n组　长：柏文涛　县长\n"
        "成　员：甘小禾　县农业农村局局长\n　　　　鲍一鸣　县水利局局长\n二、领导小组办公室\n"
        "领导小组办公室设在县水利局,承担领导小组日常工作。办公室主任由鲍一鸣同志兼任,"
        "副主任由尤佳慧(县水利局副局长)、甘小禾同志担任。\n"
    )
    k = _read(raw, tmp_path)
    office = next(iter(k.groups.values())).office
    assert [k.people[p].name for p in office.persons(Tier.DEPUTY)] == ["尤佳慧", "甘小禾"]
    assert k.people[office.director].name == "鲍一鸣"
    assert [t.title for t in k.people["you_jiahui"].titles] == ["县水利局副局长"]
    reply = _ask(tmp_path, "办公室副主任有谁")
    assert "尤佳慧（县水利局副局长）" in reply and "甘小禾" in reply


_LOST_BREAKS = (
    "霁州省人民政府办公厅关于成立霁州省智慧水利发展工作领导小组的通知\n一、组成人员\n"
    "组长：邝志远 省长副组长：高明川 常务副省长宁海燕 副省长、省水利厅厅长卓立人 省政府秘书长"
    "成员：祁永安 省财政厅厅长冉秋 省水利厅副厅长\n"
    "二、专项小组\n领导小组下设2个专项小组：\n"
    "（一）数据共享专项小组。由副省长、省水利厅厅长宁海燕任组长，省财政厅厅长祁永安任副组长，成员单位包括省财政厅、省统计局。"
    "主要负责推进全省涉水数据归集共享。\n"
    "（二）防灾预警专项小组。由省政府秘书长卓立人任组长，成员单位包括省气象局、省应急管理厅。主要负责健全汛期预警发布机制。\n"
)


def test_a_run_on_roster_whose_titles_are_joined_by_a_dunhao_reads_each_person(tmp_path: Path) -> None:
    """副组长：高某 常务副省长宁某 副省长、省水利厅厅长卓某 省政府秘书长 (line breaks lost): each next name glued to
    the titles before it, which may be several joined by 、 — three 副组长, never one with the rest as a title."""
    k = _read(_LOST_BREAKS, tmp_path)
    assert _holders(k, "副组长") == ["高明川", "宁海燕", "卓立人"]
    assert [t.title for t in k.people["ning_haiyan"].titles] == ["副省长", "省水利厅厅长"]
    assert [t.title for t in k.people["gao_mingchuan"].titles] == ["常务副省长"]
    assert "3位" in _ask(tmp_path, "副组长几个")


def test_a_sub_group_paragraph_gives_its_duties_after_its_places(tmp_path: Path) -> None:
    """（一）X专项小组。由…任组长，…，成员单位包括…。主要负责…。: what it is mainly responsible for is its duty."""
    k = _read(_LOST_BREAKS, tmp_path)
    shared = next(g for g in k.groups.values() if g.name == "数据共享专项小组")
    assert shared.duty is not None and shared.duty.quote == "主要负责推进全省涉水数据归集共享。"
    assert "涉水数据归集共享" in _ask(tmp_path, "数据共享专项小组负责什么")
    assert "汛期预警发布机制" in _ask(tmp_path, "防灾预警专项小组管什么")


def test_a_heading_over_a_table_of_task_forces_is_their_part_not_one_more_body(tmp_path: Path) -> None:
    """三、工作专班 over a table 专班 | 牵头区领导 | 牵头单位 | 配合单位 (下设3个工作专班): the three 专班 of the rows, each of
    the kind the notice sets up, led by the row's person and unit — the heading is no 工作专班 of its own."""
    raw = (
        "青苇区人民政府办公室关于成立青苇区招商引资工作领导小组的通知\n一、组成人员\n组　长：祁永安　区长\n"
        "副组长：尤佳慧　副区长\n　　　　甘小禾　副区长\n二、工作专班\n领导小组下设3个工作专班,具体如下：\n"
        "专班\t牵头区领导\t牵头单位\t配合单位\n招商引资专班\t尤佳慧\t区商务局\t区财政局、区自然资源局\n"
        "项目服务专班\t甘小禾\t区发展和改革局\t区住房和城乡建设局\n要素保障专班\t祁永安\t区财政局\t区自然资源局、区人力资源和社会保障局\n"
        "三、工作要求\n各工作专班要每月报送工作进展。\n"
    )
    k = _read(raw, tmp_path)
    under = [g for g in k.groups.values() if g.parent]
    assert [g.name for g in under] == ["招商引资专班", "项目服务专班", "要素保障专班"]
    assert {g.kind for g in under} == {"工作专班"}
    assert _holders(k, "牵头区领导", under[0].id) == ["尤佳慧"]
    assert "3个" in _ask(tmp_path, "有几个工作专班")
    assert "尤佳慧" in _ask(tmp_path, "招商引资专班的牵头区领导是谁")


def test_the_office_asked_bare_is_the_groups_not_a_member_units_office(tmp_path: Path) -> None:
    """办公室设在哪, in a notice whose members include a 县委办公室主任: the group's office (设在县水利局), never
    县委办公室 by its name with the level left off; 县委办公室主任 still asks for that member."""
    raw = (
        "青苇县人民政府办公室关于成立青苇县河道保洁工作领导小组的通知\n一、组成人员\n组　长：祁永安　县长\n"
        "成　员：甘小禾　县委办公室主任\n　　　　鲍一鸣　县水利局局长\n二、领导小组办公室\n"
        "领导小组办公室设在县水利局,承担领导小组日常工作。办公室主任由鲍一鸣同志兼任。\n"
    )
    _read(raw, tmp_path)
    assert "县水利局" in _ask(tmp_path, "办公室设在哪")
    assert "鲍一鸣" in _ask(tmp_path, "办公室主任是谁")
    assert "甘小禾" in _ask(tmp_path, "县委办公室主任是谁")


def test_first_level_headings_run_on_in_turn_are_broken_apart_and_no_other() -> None:
    """一、例会。…。二、巡河通报。…: the heading after the one the line opens with, in turn, begins a line; a 三、
    out of turn (the crawl's 三、 after 一、) or inside a sentence (分三、四个批次) stays where it is."""
    run_on = "一、例会。每两月一次。二、巡河通报。分三、四个批次。三、约谈。约谈负责人。\n"
    assert clean(run_on).split("\n")[:3] == [
        "一、例会。每两月一次。",
        "二、巡河通报。分三、四个批次。",
        "三、约谈。约谈负责人。",
    ]
    out_of_turn = "一、例会。每月召开。三、约谈。约谈负责人。\n"
    assert clean(out_of_turn) == out_of_turn


_RULES_ANNEX = (
    "青苇区人民政府办公室关于成立青苇区河湖保洁工作领导小组的通知\n一、组成人员\n组　长：祁永安　区长\n"
    "成　员：甘小禾　区水利局局长\n二、领导小组办公室\n领导小组办公室设在区水利局,承担领导小组日常工作。\n"
    "附件：青苇区河湖保洁工作领导小组议事规则\n青苇区人民政府办公室\n2024年5月6日\n附件\n"
    "青苇区河湖保洁工作领导小组议事规则\n为明确议事程序，制定本规则。\n"
    "一、例会。例会每两个月召开一次，由组长主持。二、巡河通报。各成员单位于每周一前报送上周巡河情况。"
    "三、约谈。对整改不力的单位，由组长约谈其主要负\n"
)


def test_an_annex_of_rules_gives_each_numbered_item_as_a_rule_of_its_list(tmp_path: Path) -> None:
    """附件 / X议事规则 / 一、例会。… 二、巡河通报。…: each item one rule with its heading, in the annex's sections
    (附件二, not the notice's own 二、); the title and the preamble are no rule; the list is counted by its title's
    word (议事规则) and an item answers by its heading; the item the crawl cuts off says its rest is 未载明."""
    k = _read(_RULES_ANNEX, tmp_path)
    listed = [(r.section, r.item) for r in k.requirements if r.heading == "议事规则"]
    assert listed == [("附件一", "例会"), ("附件二", "巡河通报"), ("附件三", "约谈")]
    assert not any(
        "制定本规则" in (r.quote or "") or r.quote == "青苇区河湖保洁工作领导小组议事规则" for r in k.requirements
    )
    assert any(r.unstated and r.section == "附件三" for r in k.requirements)
    assert "议事规则共3项" in _ask(tmp_path, "议事规则有几项")
    assert "每周一前" in _ask(tmp_path, "巡河通报有什么要求")


def test_a_street_offices_head_is_a_post_of_the_street_office() -> None:
    """青苇街道办事处主任: the 街道办事处 is the unit (as 街道党工委 is a 书记's), not 青苇街道办 with a post 事处主任."""
    assert unit_of_post("青苇街道办事处主任") == "青苇街道办事处"
    assert unit_of_post("青苇街道办事处副主任") == "青苇街道办事处"
    assert unit_of_post("县政府办公室主任") == "县政府办公室"


def test_groups_the_office_sets_up_are_the_offices_and_answer_as_such(tmp_path: Path) -> None:
    """办公室下设2个工作组 over a table of them: the two groups stand under the group, and its office says they are
    its own (cited by the sentence that sets them up), so 办公室下设几个组 counts them and each answers for itself."""
    raw = (
        "青苇县人民政府办公室关于成立青苇县河道保洁工作领导小组的通知\n一、组成人员\n组　长：祁永安　县长\n"
        "成　员：鲍一鸣　县水利局局长\n二、领导小组办公室\n"
        "领导小组办公室设在县水利局,承担领导小组日常工作。办公室下设2个工作组，分工如下:\n"
        "| 组别 | 组长 | 职责 |\n| --- | --- | --- |\n| 材料组 | 鲍一鸣 | 负责材料汇总 |\n| 巡查组 | 甘小禾 | 负责巡查通报 |\n"
        "三、工作要求\n各成员单位要按时报送进展。\n"
    )
    k = _read(raw, tmp_path)
    top = next(g for g in k.groups.values() if g.parent is None)
    assert top.office is not None and top.office.groups is not None
    assert [k.groups[g].name for g in top.office.groups.ids] == ["材料组", "巡查组"]
    assert "办公室下设2个组：材料组、巡查组" in _ask(tmp_path, "办公室下设几个组")
    assert "甘小禾" in _ask(tmp_path, "巡查组组长是谁")


def test_the_notices_closing_words_in_a_numbered_item_are_no_item_heading(tmp_path: Path) -> None:
    """（三）本通知自印发之日起施行。…同时废止。 under 有关要求: a sentence, not the item's own heading, so the list is not
    counted as if it had one item named so; each sentence is a rule of its own."""
    raw = (
        "青苇县人民政府办公室关于调整青苇县河道保洁工作领导小组的通知\n一、组成人员\n组　长：祁永安　县长\n"
        "二、有关要求\n（一）成员因工作变动需要调整的，由接任者自然替补。\n（二）领导小组每年召开一次全体会议，研究部署重点工作。\n"
        "（三）本通知自印发之日起施行。原通知同时废止。\n"
    )
    k = _read(raw, tmp_path)
    assert not any(r.item for r in k.requirements)
    assert [r.quote for r in k.requirements if r.section == "二（三）"] == [
        "本通知自印发之日起施行。",
        "原通知同时废止。",
    ]


def test_the_list_of_annexes_after_the_last_item_is_the_notices_not_the_items(tmp_path: Path) -> None:
    """三、工作要求 … 附件：X办公室联络员名单 (the annex lost): the place the annex lists is unstated, cited in the notice's
    body (正文), not as part of 三."""
    raw = (
        "青苇县人民政府办公室关于成立青苇县河道保洁工作领导小组的通知\n一、组成人员\n组　长：祁永安　县长\n"
        "二、领导小组办公室\n领导小组办公室设在县水利局,承担领导小组日常工作。\n三、工作要求\n各成员单位要按时报送进展。\n"
        "附件：青苇县河道保洁工作领导小组办公室联络员名单\n青苇县人民政府办公室\n2024年5月6日\n"
    )
    k = _read(raw, tmp_path)
    office = next(g for g in k.groups.values() if g.parent is None).office
    assert office is not None
    assert [(h.role, h.unstated, h.section) for h in office.roles] == [("联络员", True, "正文")]


_COMMITTEE = (
    "http://www.qingwei.gov.cn/art/2025/3/2/art_1.html\n"
    "首页 > 政务公开 > 通知公告\n"
    "青苇市人民政府办公室关于成立2025青苇龙舟赛组织委员会的通知\n青政办函〔2025〕9号\n"
    "各区人民政府，市政府各部门：\n"
    "为办好龙舟赛，经市政府同意，决定成立2025青苇龙舟赛组织委员会（以下简称组委会）。现将有关事项通知如下：\n"
    "一、组委会组成人员\n主　　任：祁永安　副市长\n"
    "委　　员：尤佳慧（市体育局副局长）、甘小禾（市水利局副局长）、鲍一鸣（市公安局副局长）、\n"
    "邝志远（市文化广电旅游局副局长）、卓立人（市卫生健康委副主任）、冉　秋\n"
    "（市气象局副局长）、宁海燕（团市委副书记）\n"
    "二、工作要求\n组委会在赛事结束后自动撤销。\n"
    "青苇市人民政府办公室\n2025年3月1日\n"
    "扫一扫在手机打开当前页\n主办单位：青苇市人民政府办公室　　技术支持：青苇市大数据中心\n"
)


def test_a_bracketed_list_of_people_cut_over_lines_is_one_list_and_the_sites_footer_is_chrome(tmp_path: Path) -> None:
    """委员：A（…）、B（…）、 / C（…）、…、冉某 / （…）、D（…）: a list cut after its 、 and between a name and its
    brackets is one list of seven; 主办单位：… 技术支持：… at the foot of the page is the site's, no requirement."""
    k = _read(_COMMITTEE, tmp_path)
    members = _holders(k, "委员")
    assert members == ["尤佳慧", "甘小禾", "鲍一鸣", "邝志远", "卓立人", "冉秋", "宁海燕"]
    assert [t.title for t in k.people["ran_qiu"].titles] == ["市气象局副局长"]
    assert "技术支持" not in k.notice
    assert [r.quote for r in k.requirements] == ["组委会在赛事结束后自动撤销。"]
    assert "7" in _ask(tmp_path, "委员有几个")


_WORK_DEPARTMENTS = (
    "青苇市人民政府办公室关于成立2025青苇龙舟赛组织委员会的通知\n"
    "为办好龙舟赛，经市政府同意，决定成立2025青苇龙舟赛组织委员会（以下简称组委会）。现将有关事项通知如下：\n"
    "一、组委会组成人员\n主　　任：祁永安　副市长\n副 主 任：尤佳慧　市体育局局长\n"
    "二、组委会办公室\n组委会下设办公室（秘书处），设在市体育局，负责组委会日常工作。秘书长由尤佳慧同志兼任；"
    "副秘书长由甘小禾、鲍一鸣（市政府办公室秘书一处处长）担任。\n"
    "三、工作部及职责\n组委会下设3个工作部:\n"
    "(一)赛事部。部长:邝志远。牵头单位:市体育局;配合单位:市水利局。负责赛程编排和裁判选派等工作。\n"
    "(二)保卫部。部长由市公安局分管副局长担任。牵头单位:市公安局。负责水上安全和现场秩序维护工作。\n"
    "（三）志愿服务部。部长：卓立人。牵头单位：团市委。\n"
)


def test_work_departments_a_notice_sets_up_are_groups_led_by_a_person_or_a_post(tmp_path: Path) -> None:
    """下设3个工作部: (一)赛事部。部长:某。牵头单位:…;配合单位:…。负责…: each 部 a group of the kind 工作部 under the
    组委会, its 部长 a person or a post named for no one (never a guessed name), its units and its duty; one that states
    no duty has none. 办公室（秘书处），设在… is the office; a title in brackets naming 办公室 is no office place."""
    k = _read(_WORK_DEPARTMENTS, tmp_path)
    under = [g for g in k.groups.values() if g.parent]
    assert [g.name for g in under] == ["赛事部", "保卫部", "志愿服务部"] and {g.kind for g in under} == {"工作部"}
    races, guard, volunteers = under
    assert _holders(k, "部长", races.id) == ["邝志远"] and races.leader.persons
    assert [h.posts for h in guard.roles if h.role == "部长"] == [("市公安局分管副局长",)]
    assert [k.units[u].name for h in races.roles if h.role == "配合单位" for u in h.units] == ["市水利局"]
    assert races.duty.quote == "负责赛程编排和裁判选派等工作。" and volunteers.duty is None
    top = k.groups[k.top]
    assert top.duty is None and k.units[top.office.host].name == "市体育局"
    assert _holders(k, "副秘书长") == ["甘小禾", "鲍一鸣"]
    assert "未载明" in _ask(tmp_path, "保卫部部长是谁") and "邝志远" in _ask(tmp_path, "赛事部部长是谁")
    assert "未载明" in _ask(tmp_path, "志愿服务部负责什么")


_BUREAU_OWN_GROUP = (
    "青苇省水利厅关于成立河湖长制考核问题整改工作领导小组的通知\n来源：河湖管理处　发布时间：2025-04-02\n"
    "<p>青水发〔2025〕6号</p>\n厅机关各处室、各直属单位：\n"
    "为抓好考核问题整改，经厅党组研究，决定成立青苇省水利厅河湖长制考核问题整改工作领导小组（以下简称领导小组）。"
    "现将有关事项通知如下：\n"
    "一、领导小组组成\n组&nbsp;&nbsp;长：祁永安&nbsp;&nbsp;厅长<br />\n成&nbsp;&nbsp;员：河湖管理处、规划计划处、水资源处主要负责人。\n"
    "二、领导小组职责及办公室\n领导小组负责统筹推进考核问题整改，审定整改任务销号。领导小组下设办公室，设在河湖管理处，"
    "办公室主任由河湖管理处处长担任。\n"
    "三、工作要求\n各牵头处室于每月20日前报送整改进展。\n"
    "青苇省水利厅\n2025年4月1日\n附件\n青苇省水利厅河湖长制考核问题整改任务清单\n"
    "<p>1. 清理河道采砂乱象（牵头处室：河湖管理处；配合单位：水资源处；完成时限：2025年9月底前）</p>\n"
    "<p>2. 补齐取水计量设施（配合单位：规划计划处；完成时限：2025年12月底前）</p>\n"
    "<p>3. 开展水库安全鉴定（牵头处室：规划计划处；配合单位：水资</p>\n"
)


def test_a_bureaus_own_group_is_signed_by_the_bureau_and_its_annexed_tasks_are_requirements(tmp_path: Path) -> None:
    """A 厅's own notice: the 厅 above the date is the issuer (not the page's 来源 处, nor a rule); a part headed by the
    duties and the office opens with the group's duty; an annex's numbered tasks with their 牵头 / 配合 / 时限 in brackets
    are requirements under the list's title — never the group's 配合单位 — a task naming no 牵头 and one the crawl cut
    are quoted as far as they go."""
    k = _read(_BUREAU_OWN_GROUP, tmp_path)
    assert k.field("issuer").value == "青苇省水利厅"
    group = k.groups[k.top]
    assert group.duty.quote == "领导小组负责统筹推进考核问题整改，审定整改任务销号。"
    assert not any(h.role == "配合单位" for h in group.roles)
    tasks = [r for r in k.requirements if r.heading == "青苇省水利厅河湖长制考核问题整改任务清单"]
    assert [t.item for t in tasks] == ["清理河道采砂乱象", "补齐取水计量设施", "开展水库安全鉴定"]
    assert "牵头" not in tasks[1].quote and tasks[2].quote.endswith("配合单位：水资")
    assert any(r.unstated and r.section == tasks[2].section for r in k.requirements)
    assert not any(r.quote == "青苇省水利厅" for r in k.requirements)
    assert "统筹推进考核问题整改" in _ask(tmp_path, "领导小组负责什么")


_REPLY_LETTER = (
    "https://www.example.gov.cn/zwgk/t20240322.html\n"
    "首页 > 政务公开 > 政府文件    字号:[ 大 中 小 ]  打印本页  关闭窗口\n"
    "某省人民政府办公厅关于同意建立某省促进测试经济发展联席会议制度的函\n"
    "某政办函〔2024〕7号\n"
    "省发展改革委:\n"
    "省政府同意建立某省促进测试经济发展联席会议制度(以下简称联席会议)。\n"
    "一、主要职责\n"
    "（一）统筹协调全省促进测试经济发展工作。\n"
    "二、成员单位\n"
    "联席会议由省发展改革委牵头，成员单位包括省发展改革委、省工业和信息化厅、省财政厅、省市场监管局、省税务局，共5个部门和单位。\n"
    "联席会议由副省长柯文涛担任召集人，省发展改革委主任沈秋担任副召集人，各成员单位分管负责同志为联席会议成员。\n"
    "附件：成员单位职责分工\n"
    "1. 省发展改革委：负责联席会议办公室日常工作，推动民间投资重大项目落地。\n"
    "2. 省工业和信息化厅：负责推动中小企业发展，牵头做好防范和化解拖欠中小企业账款工作。\n"
    "3. 省财政厅：负责统筹安排支持测试经济发展的相关资金。\n"
    "4. 省市场监管局：负责维护公平竞争市场秩序，牵头开展涉企违规收费整治。\n"
    "某省人民政府办公厅\n"
    "2024年3月18日\n"
)


def test_a_reply_letter_names_its_convener_before_担任_counts_its_units_and_annexes_each_units_duties(
    tmp_path: Path,
) -> None:
    """A 函 under the site's bar is titled …的函; 由副省长柯文涛担任召集人 names 柯文涛 (not 柯文涛担); ，共5个部门和单位 is the
    list's count, no unit; 附件：成员单位职责分工 with its items on the lines after is the annex itself, each item a unit's
    duty — asked by the unit, or by the work it names (拖欠账款 → 省工业和信息化厅) — and the signature after it is read."""
    k = _read(_REPLY_LETTER, tmp_path / "notice")
    assert k.field("title").value == "某省人民政府办公厅关于同意建立某省促进测试经济发展联席会议制度的函"
    assert _holders(k, "召集人") == ["柯文涛"]
    assert not any("部门和单位" in u.name for u in k.units.values())
    assert k.field("signed").value == "2024年3月18日" and k.field("issuer").value == "某省人民政府办公厅"
    engine = _engine(_REPLY_LETTER, tmp_path)
    assert "负责统筹安排支持测试经济发展的相关资金" in engine.ask("省财政厅负责什么").text
    owed = engine.ask("我们公司的尾款被拖欠两年了，这种拖欠账款的问题联席会议里归哪个单位管？").text
    assert owed.startswith("由省工业和信息化厅负责") and "省财政厅" not in owed
    assert "未载明省税务局的职责" in engine.ask("省税务局在联席会议里负责什么").text


_TOWN_BODIES = (
    "某镇人民政府关于调整镇议事协调机构的通知\n"
    "某政发〔2024〕3号\n"
    "各村(社区):\n"
    "因镇领导班子成员调整，决定对镇议事协调机构进行调整。现将有关事项通知如下：\n"
    "一、调整后的镇议事协调机构\n"
    "（一）某镇安全生产委员会\n"
    "主  任：罗峰  镇长\n"
    "委  员：镇党政办、镇派出所主要负责人。\n"
    "（二）某镇河长制工作领导小组\n"
    "总河长：谭志远  镇党委书记\n"
    "副总河长：罗峰  镇长\n"
    "领导小组下设镇河长制办公室（简称镇河长办），办公室设在镇水利站，由镇水利站站长梁斌兼任主任。"
    "镇河长办负责河长制日常工作，组织开展巡河督查。\n"
    "二、撤销和更名的议事协调机构\n"
    "（一）撤销某镇森林防火指挥部，其工作由镇安全生产委员会承担。\n"
    "（二）撤销某镇美丽乡村建设领导小组，其工作并入镇河长制工作领导小组。\n"
    "（三）原某镇水利工作领导小组更名为某镇河长制工作领导小组。\n"
    "某镇人民政府\n2024年3月12日\n"
)


def test_a_town_notice_abolishes_bodies_saying_where_their_work_goes_and_its_河长办_is_named_and_directed(
    tmp_path: Path,
) -> None:
    """Each body abolished is its own field, quoted with where its work goes (asked by its name, its core, or the work
    it did); the renaming, not the 调整 before it, is the change; 总河长 / 副总河长 are the head and deputy; the office set
    up 设在镇水利站，由…梁斌兼任主任 is directed by 梁斌, and 镇河长办负责… is its duty, asked as 河长办."""
    k = _read(_TOWN_BODIES, tmp_path / "notice")
    assert [f.value for f in k.fields("abolished")] == ["某镇森林防火指挥部", "某镇美丽乡村建设领导小组"]
    assert k.field("rename").value == "原某镇水利工作领导小组更名为某镇河长制工作领导小组"
    river = next(g for g in k.groups.values() if g.kind == "领导小组")
    assert river.leader.role == "总河长" and _holders(k, "副总河长", river.id) == ["罗峰"]
    assert river.office.duty.quote == "负责河长制日常工作，组织开展巡河督查"
    engine = _engine(_TOWN_BODIES, tmp_path)
    assert "其工作由镇安全生产委员会承担" in engine.ask("森林防火指挥部还有没得").text
    assert "撤销（2个）" in engine.ask("撤销了几个机构").text
    assert "梁斌" in engine.ask("河长办主任是哪个").text
    assert "其工作由镇安全生产委员会承担" in engine.ask("山上防火的事现在归哪个管").text


_NUMBERED_ROSTER = (
    "某市人民政府办公室关于成立某市测试工作专班的通知\n"
    "某政办发〔2024〕5号\n"
    "一、组成人员\n"
    "专班长：韩立钧（市人民政府副市长）\n"
    "成员：\n"
    "序号\t姓名\t单位及职务\n"
    "1\t何建国\t市委网信办主任\n"
    "2\t郑启明\t市工业和信息化局局长\n"
    "3    唐海燕    市财政局副局长\n"
    "二、工作组设置\n"
    "（一）综合协调组。由市发展改革委牵头，市财政局、市统计局参与，负责专班日常运转和督查考核等工作。\n"
    "（二）人才保障组。市人力资源社会保障局、市教育局参与，负责人才引进培养。\n"
    "三、专班办公室\n"
    "专班办公室设在市工业和信息化局，办公室主任由市工业和信息化局局长兼任。\n"
)


def test_a_numbered_member_table_working_groups_in_one_sentence_and_a_post_its_table_names(tmp_path: Path) -> None:
    """序号 姓名 单位及职务 with its rows apart by tabs or spaces are the members above it; （一）综合协调组。由X牵头，Y、Z参与，
    负责… gives the 牵头单位, the 参与单位 and the duty, and a group naming no 牵头 is a group too; the office's director
    given as a post (市工业和信息化局局长) is the one member with that title, and never said to be unnamed."""
    k = _read(_NUMBERED_ROSTER, tmp_path / "notice")
    assert _holders(k, "成员") == ["何建国", "郑启明", "唐海燕"]
    groups = {g.name: g for g in k.groups.values()}
    joint = next(h for h in groups["综合协调组"].roles if h.role == "参与单位")
    assert [k.units[u].name for u in joint.units] == ["市财政局", "市统计局"]
    assert groups["综合协调组"].duty.quote == "负责专班日常运转和督查考核等工作。"
    assert "人才保障组" in groups and groups["人才保障组"].duty.quote == "负责人才引进培养。"
    engine = _engine(_NUMBERED_ROSTER, tmp_path)
    said = engine.ask("专班办公室主任是谁，叫什么名字").text
    assert "郑启明" in said and "未载明" not in said
    assert "专班办公室主任" in engine.ask("郑启明担任哪些职务").text


def test_a_roster_of_post_name_lines_is_not_joined_across_a_word_the_dictionary_reads_over_the_break(
    tmp_path: Path,
) -> None:
    """孙丽华 / 县发展… reads 华县 across the break, 郑国强 / 县财政局 reads 强县: each line is an entry of its own."""
    raw = (
        "某县人民政府关于调整县测试委员会组成人员的通知\n"
        "主\u3000\u3000任：县长\u3000周明远\n"
        "委\u3000\u3000员：县委宣传部副部长\u3000孙丽华\n"
        "\u3000\u3000\u3000\u3000县发展和改革局副局长\u3000钱卫东\n"
        "\u3000\u3000\u3000\u3000县公安局副局长\u3000郑国强\n"
        "\u3000\u3000\u3000\u3000县财政局副局长\u3000冯 建华\n"
    )
    k = _read(raw, tmp_path)
    assert _holders(k, "委员") == ["孙丽华", "钱卫东", "郑国强", "冯建华"]
    assert "冯建华" in _ask(tmp_path, "县财政局的委员是谁")


def test_a_reply_letters_unit_duty_table_named_liaisons_and_request(tmp_path: Path) -> None:
    """A 函 to one unit, in answer to its 请示; members as name（unit post）with surnames a list lacks; a unit's own
    named liaison in prose; an annex table 成员单位 | 主要职责."""
    raw = (
        "某省人民政府办公厅关于同意建立某省测试工作联席会议制度的函\n"
        "某政办函〔2024〕4号\n"
        "省人力资源社会保障厅：\n"
        "你厅《关于建立某省测试工作联席会议制度的请示》（某人社报〔2024〕2号）收悉。经省人民政府同意，现函复如下：\n"
        "召集人：韦昌明　副省长\n"
        "成员：柏嘉树（省发展改革委副主任）、尹 晓岚（省财政厅副厅长）、杭成志（省交通运输厅副厅长）。\n"
        "各成员单位确定一名处级干部为联络员，其中，省交通运输厅联络员为建设管理处处长骆建平。\n"
        "附件\n"
        "成员单位 | 主要职责\n"
        "省发展改革委 | 负责审核政府投资项目资金来源。\n"
        "省财政厅 | 负责督促及时拨付工程款。\n"
        "省交通运输厅 | 负责督促交通运输工程建设项目落实工资支付保障制度。\n"
    )
    k = _read(raw, tmp_path)
    assert _holders(k, "成员") == ["柏嘉树", "尹晓岚", "杭成志"]
    assert "骆建平" in _holders(k, "联络员")
    assert "省人力资源社会保障厅" in _ask(tmp_path, "是发给哪个单位的")
    assert "某人社报〔2024〕2号" in _ask(tmp_path, "这个函是回复谁的请示")
    assert "拨付工程款" in _ask(tmp_path, "省财政厅负责什么")
    assert "骆建平" in _ask(tmp_path, "交通运输厅的联络员是谁")
    liaisons = _ask(tmp_path, "联络员有哪些")
    assert "（1位）" in liaisons and "各成员单位确定一名处级干部" in liaisons  # a description is counted as no one


def test_a_run_on_group_name_of_many_words_builds_in_bounded_time(tmp_path: Path) -> None:
    """A crawl whose title runs on into the page's and the issuer's names gives a group a name of 25 words: its
    short forms are runs of them, not every choice (2^25 of them took the build out of memory)."""
    name = "网络安全和信息化领导小组的通知东海大学信息公开网中共东海大学委员会东海大学关于成立网络安全和信息化领导小组"
    raw = f"{name}的通知\n组长：郑怀远　党委书记\n"
    k = _read(raw, tmp_path)
    assert len(next(iter(k.groups.values())).aliases) < 5_000
    assert "郑怀远" in _ask(tmp_path, "组长是谁")


def test_a_roster_whose_breaks_were_all_lost_post_then_name_glued(tmp_path: Path) -> None:
    """成员：省委宣传部副部长吴某某省财政厅副厅长钱某某… — every break lost, an &nbsp; kept, and the line after a
    <br> goes on."""
    raw = (
        "某省人民政府办公厅关于调整省测试指挥部组成人员的通知\n一、省测试指挥部组成人员\n"
        "总指挥：张振华省长成员：省委宣传部副部长吴海燕省财政厅副厅长&nbsp;钱丽君<br>"
        "省水利厅厅长周启明武警某省总队副司令员韩冬国网某省电力有限公司副总经理唐宏伟\n"
        "二、其他\n各成员单位要加强协作。\n"
    )
    k = _read(raw, tmp_path)
    assert _holders(k, "成员") == ["吴海燕", "钱丽君", "周启明", "韩冬", "唐宏伟"]
    assert [t.title for t in k.people["han_dong"].titles] == ["武警某省总队副司令员"]
    assert "唐宏伟" in _ask(tmp_path, "电力公司的成员是谁")


def test_member_units_counted_in_one_sentence_and_the_lead_unit_said_after_them(tmp_path: Path) -> None:
    """联席会议由A、B、…等N个部门和单位组成，A为牵头单位: the units are the members, A the lead unit."""
    raw = (
        "国务院办公厅关于同意建立测试部际联席会议制度的函\n一、成员单位\n"
        "联席会议由民政部、教育部、财政部、中国人民银行等4个部门和单位组成，民政部为牵头单位。\n"
        "二、组成人员\n召集人：邵明远 民政部部长\n联席会议设联络员，由各成员单位有关司局负责同志担任。\n"
    )
    k = _read(raw, tmp_path)
    group = next(iter(k.groups.values()))
    units = {h.role: [k.units[u].name for u in h.units] for h in group.roles if h.units}
    assert units == {"牵头单位": ["民政部"], "成员单位": ["民政部", "教育部", "财政部", "中国人民银行"]}
    assert "中国人民银行" in _ask(tmp_path, "央行是不是成员单位")
    assert "有关司局负责同志" in _ask(tmp_path, "联络员由什么人担任")


def test_a_table_whose_name_column_is_the_place_with_rows_run_together(tmp_path: Path) -> None:
    """| 村（单位） | 联络员 | under 联络员名单如下：, two rows the crawl ran together with ||: each village's liaison."""
    raw = (
        "某镇人民政府关于成立测试工作专班的通知\n一、专班组成\n召集人：镇党委书记 赵建国\n"
        "二、联络员\n各村确定一名联络员。联络员名单如下：\n| 村（单位） | 联络员 |\n| --- | --- |\n"
        "| 柳河村 | 杨春燕 |\n| 后刘村 | 刘建军 || 石桥村 | 许　磊 |\n"
    )
    k = _read(raw, tmp_path)
    assert _holders(k, "联络员") == ["杨春燕", "刘建军", "许磊"]
    assert "许磊" in _ask(tmp_path, "石桥村的联络员是谁")


def test_a_first_leader_above_the_leader_and_members_kept_as_table_cells(tmp_path: Path) -> None:
    """第一组长 above 组长, and members as <td>post</td><td>name</td> rows (one cut at its start): both heads are said
    when asked who leads, each member is read with the post in its row."""
    raw = (
        "某省人民政府关于成立测试领导小组的通知\n<p>一、组成人员</p>\n第一组长：邵明远　省委书记\n组　　长：贺廷章　省长\n"
        "副 组 长：周 斌　副省长\n成　　员：\n<td>省发展改革委主任</td><td>李　军</td>\n"
        "省财政厅厅长</td><td>孔令洁<br>\n<td>省能源局局长</td><td>牛建华</td></tr>\n二、其他\n各成员单位要加强协作。\n"
    )
    k = _read(raw, tmp_path)
    assert _holders(k, "第一组长") == ["邵明远"] and _holders(k, "组长") == ["贺廷章"]
    assert _holders(k, "成员") == ["李军", "孔令洁", "牛建华"]
    assert [t.title for t in k.people["niu_jianhua"].titles] == ["省能源局局长"]
    both = _ask(tmp_path, "第一组长和组长分别是谁")
    assert "邵明远" in both and "贺廷章" in both
    assert "周斌" in _ask(tmp_path, "副组长是谁")


def test_member_units_duties_run_together_in_one_paragraph(tmp_path: Path) -> None:
    """三、成员单位职责 区委宣传部负责…。区公安分局负责…。区财政局负责…。: each unit's sentence is its own item."""
    raw = (
        "某区人民政府关于成立测试领导小组的通知\n一、组成人员\n组长：林志远　区长\n"
        "成员：区委宣传部、区公安分局、区财政局分管负责同志。\n二、主要职责\n（一）统筹全区测试工作。\n"
        "三、成员单位职责\n区委宣传部负责宣传工作的组织协调。区公安分局负责组织开展户口整顿工作。"
        "区财政局负责经费保障。其他成员单位按照各自职责做好相关工作。\n"
    )
    _read(raw, tmp_path)
    police = _ask(tmp_path, "公安那边负责啥")
    assert "户口整顿" in police and "经费保障" not in police
    assert "经费保障" in _ask(tmp_path, "区财政局负责什么")
