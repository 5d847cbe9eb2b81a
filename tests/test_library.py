"""Any notice, and several in one bot: a small 领导小组 notice written in the general schema is answered
by the same engine, and questions go to the notice they name (asking which where they name none)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from fake_bot_api import FakeBotApi, text_message
from harness import application_for, running

from knowledge.answer import Context
from knowledge.engine import Engine
from knowledge.library import Library, Notice
from knowledge.loader import BUNDLED

ROOT = Path(__file__).resolve().parent.parent

NOTICE = """兴安县人民政府办公室关于成立兴安县森林防火工作领导小组的通知
兴政办发〔2021〕7号
各乡镇人民政府，县直各单位：
为加强森林防火工作，经县人民政府同意，决定成立兴安县森林防火工作领导小组。现将有关事项通知如下：
一、领导小组组成人员
组　长：陈　明　县人民政府副县长
副组长：刘志强　县应急管理局局长
　　　　黄海燕　县林业局局长
成　员：县公安局、县财政局、县气象局分管负责人。
领导小组办公室设在县应急管理局，刘志强兼任办公室主任。
二、主要职责
统筹协调全县森林防火工作，研究解决森林防火工作中的重大问题。
兴安县人民政府办公室
2021年3月2日
"""

FACTS = """
document:
  - {id: title, label: 标题, value: 兴安县人民政府办公室关于成立兴安县森林防火工作领导小组的通知, quote: 兴安县人民政府办公室关于成立兴安县森林防火工作领导小组的通知, section: 标题}
  - {id: number, label: 文号, value: 兴政办发〔2021〕7号, quote: 兴政办发〔2021〕7号, section: 文号}
  - {id: signed, label: 成文日期, value: 2021年3月2日, quote: 兴安县人民政府办公室2021年3月2日, section: 落款}
groups:
  - id: fire
    name: 兴安县森林防火工作领导小组
    kind: 领导小组
    section: 一
    roles:
      - {role: 组长, persons: [chen_ming], quote: "组长：陈明县人民政府副县长", section: 一}
      - role: 副组长
        persons: [liu_zhiqiang, huang_haiyan]
        quote: "副组长：刘志强县应急管理局局长黄海燕县林业局局长"
        section: 一
      - role: 成员
        units: [police, finance, weather]
        quote: "成员：县公安局、县财政局、县气象局分管负责人。"
        section: 一
    office:
      host: emergency
      roles:
        - {role: 主任, persons: [liu_zhiqiang], section: 一}
      quote: 领导小组办公室设在县应急管理局，刘志强兼任办公室主任。
      section: 一
    duty: {quote: 统筹协调全县森林防火工作，研究解决森林防火工作中的重大问题。, section: 二}
people:
  - id: chen_ming
    name: 陈明
    titles: [{title: 县人民政府副县长, quote: 陈明县人民政府副县长, section: 一}]
  - id: liu_zhiqiang
    name: 刘志强
    titles: [{title: 县应急管理局局长, unit: emergency, quote: 刘志强县应急管理局局长, section: 一}]
  - id: huang_haiyan
    name: 黄海燕
    titles: [{title: 县林业局局长, quote: 黄海燕县林业局局长, section: 一}]
units:
  - {id: emergency, name: 县应急管理局, quote: 刘志强县应急管理局局长, section: 一}
  - {id: police, name: 县公安局, quote: 县公安局, section: 一}
  - {id: finance, name: 县财政局, quote: 县财政局, section: 一}
  - {id: weather, name: 县气象局, quote: 县气象局, section: 一}
"""


@pytest.fixture(scope="module")
def notice_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("xingan")
    (path / "notice.txt").write_text(NOTICE, encoding="utf-8")
    (path / "facts.yaml").write_text(FACTS, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def library(notice_dir: Path, engine: Engine) -> Library:
    other = Engine.build(data_dir=notice_dir)
    return Library([Notice(BUNDLED.name, engine), Notice(notice_dir.name, other)])


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("组长是谁", "陈明"),
        ("副组长有哪些", "刘志强"),
        ("办公室设在哪里", "县应急管理局"),
        ("办公室主任是谁", "刘志强"),
        ("文号是多少", "兴政办发〔2021〕7号"),
        ("什么时候发的", "2021年3月2日"),
        ("刘志强担任什么职务", "办公室主任"),
        ("主要职责是什么", "统筹协调全县森林防火工作"),
        ("成员单位有几个", "成员单位（3个）：县公安局、县财政局、县气象局"),
    ],
)
def test_a_notice_in_the_general_schema_is_answered_by_the_same_engine(
    notice_dir: Path, question: str, expected: str
) -> None:
    answer = Library.build([notice_dir]).ask(question)
    assert answer.answered, answer.text
    assert expected in answer.text
    assert "协调小组" not in answer.text and "重庆" not in answer.text


def test_a_notice_without_a_publication_date_says_so_rather_than_guess(notice_dir: Path) -> None:
    answer = Library.build([notice_dir]).ask("发布日期是哪天")
    assert "2021年3月2日" in answer.text or "未载明" in answer.text


def test_a_question_goes_to_the_notice_it_names_and_the_answer_names_that_notice(library: Library) -> None:
    fire = library.ask("森林防火领导小组组长是谁")
    assert "陈明" in fire.text and fire.notice == "兴政办发〔2021〕7号"
    chongqing = library.ask("综合组组长是谁")
    assert "罗蔺" in chongqing.text and chongqing.notice == "渝府办发〔2020〕5号"
    by_number = library.ask("兴政办发〔2021〕7号的副组长有哪些")
    assert "黄海燕" in by_number.text


def test_a_question_naming_no_notice_asks_which_with_one_offer_per_notice(library: Library) -> None:
    answer = library.ask("组长是谁")
    assert not answer.answered
    assert "哪份通知" in answer.text
    assert answer.suggestions == ("渝府办发〔2020〕5号：组长是谁", "兴政办发〔2021〕7号：组长是谁")
    # 渝府办发〔2020〕5号 has eight groups: its top one's, with the others offered
    assert "以上是协调小组的" in library.ask(answer.suggestions[0]).text
    assert "陈明" in library.ask(answer.suggestions[1]).text


def test_a_follow_up_stays_with_the_notice_of_the_conversation(library: Library) -> None:
    first = library.ask("森林防火工作领导小组的组长是谁")
    follow = library.ask("副组长呢", first.context)
    assert "刘志强" in follow.text
    assert Context.from_dict(json.loads(json.dumps(follow.context.to_dict()))).notice == follow.context.notice


def test_ask_with_knowledge_answers_from_exactly_those_notices(notice_dir: Path) -> None:
    command = [
        sys.executable,
        "-m",
        "bot",
        "ask",
        "--json",
        "--knowledge",
        str(notice_dir),
        "组长是谁",
        "综合组组长是谁",
    ]
    result = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, timeout=120, check=True)
    fire, chongqing = (json.loads(line) for line in result.stdout.splitlines())
    assert "陈明" in fire["answer"] and fire["notice"] == "兴政办发〔2021〕7号"
    assert "罗蔺" not in chongqing["answer"]


def test_ask_with_a_broken_knowledge_dir_exits_2_naming_the_file(tmp_path: Path) -> None:
    command = [sys.executable, "-m", "bot", "ask", "--knowledge", str(tmp_path), "组长是谁"]
    result = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 2
    assert "notice.txt" in result.stderr and "Traceback" not in result.stderr


# --- in Telegram, through the fake Bot API --------------------------------------------------------


async def _reply(api, update: dict) -> dict:  # type: ignore[no-untyped-def]
    before = len(api.sent_messages())
    api.push_update(update)
    await api.wait_for(lambda a: len(a.sent_messages()) > before)
    return api.sent_messages()[before]


async def test_notices_lists_what_is_loaded_and_a_question_naming_none_offers_one_button_each(
    api: FakeBotApi, library: Library
) -> None:
    async with running(application_for(api, library)):
        listed = await _reply(api, text_message(7, "/notices"))
        assert "2份通知" in listed["text"]
        assert "渝府办发〔2020〕5号" in listed["text"] and "兴政办发〔2021〕7号" in listed["text"]
        asked = await _reply(api, text_message(7, "组长是谁"))
        assert "哪份通知" in asked["text"]
        offers = [b["text"] for row in asked["reply_markup"]["inline_keyboard"] for b in row]
        assert "兴政办发〔2021〕7号：组长是谁" in offers
        answered = await _reply(api, text_message(7, "兴政办发〔2021〕7号：组长是谁"))
        assert "陈明" in answered["text"] and "兴政办发〔2021〕7号" in answered["text"]


HUNAN = """湖南省人民政府办公厅关于调整湖南省推进政府职能转变和“放管服”改革协调小组的通知
湘政办函〔2021〕9号
各市州人民政府，省政府各厅委、各直属机构：
经省人民政府同意，现将湖南省推进政府职能转变和“放管服”改革协调小组调整如下：
组　长：赵立新　省人民政府省长
副组长：钱文斌　省人民政府副省长
协调小组办公室设在省人民政府办公厅。
湖南省人民政府办公厅
2021年5月8日
"""


@pytest.fixture(scope="module")
def two_fangguanfu(tmp_path_factory: pytest.TempPathFactory, engine: Engine) -> Library:
    from knowledge.ingest import ingest

    path = tmp_path_factory.mktemp("hunan")
    ingest(HUNAN, path)
    return Library([Notice(BUNDLED.name, engine), Notice(path.name, Engine.build(data_dir=path))])


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("湖南那个放管服协调小组组长是谁", "赵立新"),  # a place only one notice is of
        ("湘放管服协调小组组长是谁", "赵立新"),  # a province by its one-character name
        ("省放管服协调小组组长是谁", "赵立新"),  # a level only one of the tied notices is of
        ("重庆放管服协调小组组长是谁", "唐良智"),
    ],
)
def test_a_question_goes_to_the_notice_of_the_place_it_names(
    two_fangguanfu: Library, question: str, expected: str
) -> None:
    answer = two_fangguanfu.ask(question)
    assert expected in answer.text, answer.text


def test_a_short_form_both_notices_make_asks_which(two_fangguanfu: Library) -> None:
    """放管服协调组 is as much Hunan's as Chongqing's, though only Chongqing's facts list 协调组 as an alias."""
    answer = two_fangguanfu.ask("放管服协调组组长是谁")
    assert not answer.answered and "哪份通知" in answer.text
