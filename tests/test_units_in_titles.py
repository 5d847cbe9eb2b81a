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


# (roster, question, what the reply must say, what it must not, how it starts)
CASES = [
    # a unit by the first characters of its name's words, or without its kind word (武警部队 → 武警)
    ("national", "环保部谁参加了", ["李四海", "环境保护部"], [], ""),
    ("national", "住建部派的谁", ["周五德", "住房城乡建设部"], [], ""),
    ("national", "人社部有人吗", ["吴六安", "人力资源社会保障部"], [], ""),
    ("national", "武警那边谁", ["王八达", "武警部队"], [], ""),
    ("national", "北师大有人吗", ["冯九成", "北京师范大学"], [], ""),
    # 国土资源部: its first word with its kind; every person of it, counted
    ("national", "国土部有几个人", ["共2位", "钱二和", "郑七星"], [], ""),
    # a post after a unit's short form names its holder
    ("national", "北师大校长是哪位", ["冯九成"], [], ""),
    ("provincial", "发改委主任在里面啥角色", ["郑人杰"], [], ""),
    # a unit in no title and nowhere in the notice: 没有, and the members are the nearest fact
    ("national", "教育部有成员吗", ["冯九成"], [], "没有"),
    ("provincial", "市卫生健康委有人吗", ["郑人杰"], [], "没有"),
    # 省海洋综合执法总队 without its level and a middle word; by its leading word and 那边
    ("provincial", "海洋执法总队谁进了", ["罗蒲生"], [], ""),
    ("provincial", "海洋那边谁进了", ["罗蒲生"], [], ""),
    # a title two people hold names both, counts both, and is about one when the question names them
    ("provincial", "省政府副秘书长在里面干嘛", ["宫志成", "王贞国"], [], ""),
    ("provincial", "几个省政府副秘书长", ["共2位", "宫志成", "王贞国"], [], ""),
    ("provincial", "王贞国是省政府副秘书长吗", ["王贞国"], ["宫志成"], ""),
    # the places at the head of members' titles; a place with nobody: 没有, with the post's holders
    ("provincial", "哪几个市有人进了", ["广州市、珠海市", "张永明", "张宜民"], [], ""),
    ("provincial", "佛山有副市长在里面吗", ["张宜民"], [], "没有"),
    # a person right before the group they lead only says which group
    ("provincial", "林克勤牵头那个领导小组 发改委谁", ["郑人杰"], ["林克勤"], ""),
    # a unit standing only in titles is in the group through its people
    ("national", "环境保护部在领导小组里吗", ["李四海"], [], "是"),
    # 高校: a class of units, named …大学 / …学院 (lexicon.yaml unit_classes)
    ("national", "高校的有哪些人", ["冯九成"], ["李四海"], ""),
]


@pytest.mark.parametrize(("roster", "question", "present", "absent", "start"), CASES, ids=[c[1] for c in CASES])
def test_people_named_by_the_units_in_their_titles(
    request: pytest.FixtureRequest, roster: str, question: str, present: list[str], absent: list[str], start: str
) -> None:
    answer = request.getfixturevalue(roster).ask(question)
    assert answer.answered and answer.text.startswith(start)
    assert all(word in answer.text for word in present) and not any(word in answer.text for word in absent)


def test_a_short_form_fitting_two_units_asks_which(provincial: Engine) -> None:
    answer = provincial.ask("教育局派谁")  # 市教育局 and 县教育局, both without their level
    assert not answer.answered and "市教育局" in answer.text and "县教育局" in answer.text


def test_another_place_after_a_place_question_names_its_people(provincial: Engine) -> None:
    first = provincial.ask("广州谁进了")
    text = provincial.ask("珠海呢", first.context).text
    assert "张宜民" in text and "张永明" not in text
