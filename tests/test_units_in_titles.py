"""Units named inside people's titles, asked by the short forms people use (issue #9): two small invented
rosters, ingested as an operator would, asked through the engine (real jieba and rapidfuzz); the
assertions are on the reply text. The units stand only in the members' titles (李四海 环境保护部副部长)."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.engine import Engine
from knowledge.ingest import ingest

NATIONAL = """\
国务院办公厅关于成立全国测试普查领导小组的通知
各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
为做好全国测试普查工作，国务院决定成立全国测试普查领导小组。现将有关事项通知如下：
一、组成人员
组　长：赵一平　国务院副总理
副组长：钱二和　国土资源部部长
　　　　孙三立　统计局局长
成　员：李四海　环境保护部副部长
　　　　周五德　住房城乡建设部总规划师
　　　　吴六安　人力资源社会保障部副部长
　　　　郑七星　国土资源部副部长
　　　　王八达　武警部队副参谋长
　　　　冯九成　北京师范大学校长
二、工作机构
领导小组办公室设在统计局，承担领导小组的日常工作。
国务院办公厅
2020年5月6日
"""

PROVINCIAL = """\
某省人民政府办公厅关于成立某省测试产业发展工作领导小组的通知
各市人民政府，省政府各部门、各直属机构：
为推动测试产业发展，省政府决定成立某省测试产业发展工作领导小组。现将有关事项通知如下：
一、组成人员
组　长：林克勤　省委常委、常务副省长
副组长：陈良才　副省长
　　　　宫志成　省政府副秘书长
　　　　王贞国　省政府副秘书长
成　员：张永明　广州市委常委、常务副市长
　　　　张宜民　珠海市副市长
　　　　郑人杰　省发展改革委主任
　　　　罗蒲生　省海洋综合执法总队副总队长
　　　　李文东　市教育局局长
　　　　赵文西　县教育局局长
二、工作机构
领导小组办公室设在省发展改革委。
某省人民政府办公厅
2021年3月2日
"""


def _engine(text: str, tmp: Path) -> Engine:
    ingest(text, tmp / "notice")
    return Engine.build(cache_dir=tmp / "cache", data_dir=tmp / "notice")


@pytest.fixture(scope="module")
def national(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    return _engine(NATIONAL, tmp_path_factory.mktemp("national"))


@pytest.fixture(scope="module")
def provincial(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    return _engine(PROVINCIAL, tmp_path_factory.mktemp("provincial"))


@pytest.mark.parametrize(
    ("question", "person", "unit"),
    [
        ("环保部谁参加了", "李四海", "环境保护部"),  # the first characters of the name's words
        ("住建部派的谁", "周五德", "住房城乡建设部"),
        ("人社部有人吗", "吴六安", "人力资源社会保障部"),
        ("武警那边谁", "王八达", "武警部队"),  # the kind word 部队 left out
        ("北师大有人吗", "冯九成", "北京师范大学"),
    ],
)
def test_a_unit_asked_by_its_short_form_is_answered_with_its_people(
    national: Engine, question: str, person: str, unit: str
) -> None:
    answer = national.ask(question)
    assert answer.answered and person in answer.text and unit in answer.text


def test_every_person_of_a_unit_is_counted(national: Engine) -> None:
    text = national.ask("国土部有几个人").text  # 国土资源部: its first word and its kind
    assert "共2位" in text and "钱二和" in text and "郑七星" in text


def test_a_post_after_a_units_short_form_names_its_holder(national: Engine, provincial: Engine) -> None:
    assert "冯九成" in national.ask("北师大校长是哪位").text
    assert "郑人杰" in provincial.ask("发改委主任在里面啥角色").text


def test_a_unit_in_no_title_is_answered_no_with_the_members(national: Engine) -> None:
    text = national.ask("教育部有成员吗").text
    assert text.startswith("没有") and "冯九成" in text  # the members are the nearest fact


def test_a_name_without_its_level_and_a_middle_word_still_names_the_unit(provincial: Engine) -> None:
    assert "罗蒲生" in provincial.ask("海洋执法总队谁进了").text  # 省海洋综合执法总队


def test_a_title_two_people_hold_names_both(provincial: Engine) -> None:
    text = provincial.ask("省政府副秘书长在里面干嘛").text
    assert "宫志成" in text and "王贞国" in text


def test_a_title_asked_of_one_holder_by_name_is_about_that_holder(provincial: Engine) -> None:
    text = provincial.ask("王贞国是省政府副秘书长吗").text
    assert "王贞国" in text and "宫志成" not in text


def test_the_places_whose_officials_sit_in_the_group_are_listed(provincial: Engine) -> None:
    text = provincial.ask("哪几个市有人进了").text
    assert "广州市、珠海市" in text and "张永明" in text and "张宜民" in text


def test_a_place_with_nobody_in_the_group_is_answered_no(provincial: Engine) -> None:
    text = provincial.ask("佛山有副市长在里面吗").text
    assert text.startswith("没有") and "张宜民" in text  # the holders of the post are the nearest fact


def test_a_short_form_fitting_two_units_asks_which(provincial: Engine) -> None:
    answer = provincial.ask("教育局派谁")  # 市教育局 and 县教育局, both without their level
    assert not answer.answered and "市教育局" in answer.text and "县教育局" in answer.text


def test_a_person_before_the_group_they_lead_only_says_which_group(provincial: Engine) -> None:
    text = provincial.ask("林克勤牵头那个领导小组 发改委谁").text
    assert "郑人杰" in text and "林克勤" not in text


def test_a_title_several_people_hold_is_counted(provincial: Engine) -> None:
    text = provincial.ask("几个省政府副秘书长").text
    assert "共2位" in text and "宫志成" in text and "王贞国" in text


def test_a_unit_standing_only_in_titles_is_in_the_group_through_its_people(national: Engine) -> None:
    text = national.ask("环境保护部在领导小组里吗").text
    assert text.startswith("是") and "李四海" in text


def test_a_unit_the_notice_never_names_asked_for_its_people_is_answered_no(provincial: Engine) -> None:
    text = provincial.ask("市卫生健康委有人吗").text
    assert text.startswith("没有") and "郑人杰" in text


def test_a_units_leading_word_with_a_side_word_names_it(provincial: Engine) -> None:
    assert "罗蒲生" in provincial.ask("海洋那边谁进了").text  # 省海洋综合执法总队


def test_another_place_after_a_place_question_names_its_people(provincial: Engine) -> None:
    first = provincial.ask("广州谁进了")
    text = provincial.ask("珠海呢", first.context).text
    assert "张宜民" in text and "张永明" not in text


def test_a_class_of_units_names_the_people_of_its_units(national: Engine) -> None:
    text = national.ask("高校的有哪些人").text  # 高校: units named …大学 / …学院 (lexicon.yaml unit_classes)
    assert "冯九成" in text and "李四海" not in text
