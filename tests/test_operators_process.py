"""The operators' loop with the bot as a process: a declined question is in ``python -m bot report``
after a SIGKILL, SIGHUP picks up a changed facts file, and a broken one leaves the old knowledge."""

from __future__ import annotations

import json
import signal
from pathlib import Path

import yaml
from bot_process import BotProcess
from fake_bot_api import FakeBotApi, text_message
from harness import copy_knowledge, rename_in, run_cli


def ask(api: FakeBotApi, chat: int, question: str) -> str:
    """Push a question and return the text of the reply it gets."""
    before = len(api.sent_messages(chat))
    api.push_update(text_message(chat, question))
    api.wait_until(lambda a: len(a.sent_messages(chat)) > before, timeout=30)
    return api.sent_messages(chat)[before]["text"]


def report(bot: BotProcess, *args: str) -> str:
    """``python -m bot report`` on the bot's state directory, with the bot's config."""
    result = run_cli(["report", *args], env={"BOT_STATE_DIR": str(bot.state), "BOT_CONFIG": str(bot.config)})
    assert result.returncode == 0, result.stderr
    return result.stdout


def run_then_stop(
    api: FakeBotApi, tmp_path: Path, bots: list[BotProcess], asked: list[tuple[int, str]], signum: int
) -> BotProcess:
    """Run the bot, ask each (chat, question) and wait for its reply, then stop it with ``signum``."""
    bot = BotProcess.prepare(api, tmp_path)
    bots.append(bot.start())
    for chat, question in asked:
        ask(api, chat, question)
    bot.signal(signum)
    bot.wait()
    return bot


def test_a_declined_question_is_in_the_report_after_a_sigkill(
    api: FakeBotApi, tmp_path: Path, bots: list[BotProcess]
) -> None:
    asked = [(7001, "法治组组长是谁"), (7001, "明天重庆会下雨吗？"), (7002, "明天重庆会下雨吗")]
    bot = run_then_stop(api, tmp_path, bots, asked, signal.SIGKILL)
    assert "抱歉" in api.sent_messages(7002)[0]["text"]

    shown = report(bot)
    assert "共 3 个问题" in shown
    assert "回答率：33.3%（已回答 1，通知未载明 0，拒答 2，出错 0）" in shown
    assert "  2× 明天重庆会下雨吗" in shown  # the two askings, one cluster
    figures = json.loads(report(bot, "--json", "--days", "1"))
    assert figures["total"] == 3 and figures["declined"][0]["count"] == 2


def test_the_exports_are_stubs_for_a_question_table_and_the_nearest_clauses(
    api: FakeBotApi, tmp_path: Path, bots: list[BotProcess]
) -> None:
    asked = [(7003, "推荐一家火锅店"), (7003, "公司注销流程复杂吗"), (7003, "法治组组长是谁")]
    bot = run_then_stop(api, tmp_path, bots, asked, signal.SIGTERM)

    questions, facts = tmp_path / "questions.yaml", tmp_path / "facts.yaml"
    report(bot, "--export-questions", str(questions), "--export-facts", str(facts))
    text = questions.read_text(encoding="utf-8")
    cases = yaml.safe_load(text)
    assert [case["q"] for case in cases] == ["公司注销流程复杂吗", "推荐一家火锅店"]  # declined only
    assert all(case["must"] == [] and case["cat"] == "TODO" for case in cases)
    assert text.count("# TODO") == len(cases)
    nearest = {entry["questions"][0]: entry["nearest"] for entry in yaml.safe_load(facts.read_text(encoding="utf-8"))}
    assert nearest["推荐一家火锅店"] is None  # nothing in the notice is near it
    assert nearest["公司注销流程复杂吗"]["section"] == "二（三）" and "注销" in nearest["公司注销流程复杂吗"]["clause"]


def test_sighup_reloads_a_changed_facts_file_and_a_broken_one_keeps_the_old_knowledge(
    api: FakeBotApi, tmp_path: Path, bots: list[BotProcess]
) -> None:
    data = copy_knowledge(tmp_path)
    bot = BotProcess.prepare(api, tmp_path)
    with bot.config.open("a", encoding="utf-8") as config:
        config.write(f"notices: [{json.dumps(str(data))}]\n")
    bots.append(bot.start().follow_log())
    assert "张德宽" in ask(api, 7010, "法治组组长是谁")

    rename_in(data, "张德宽", "张德全")
    bot.signal(signal.SIGHUP)
    read = bot.wait_log("reload (SIGHUP): knowledge reloaded")
    assert "张德全" in ask(api, 7010, "法治组组长是谁")

    facts = data / "facts.yaml"
    facts.write_text(facts.read_text(encoding="utf-8").replace("张德全担任", "张德全出任"), encoding="utf-8")
    bot.signal(signal.SIGHUP)
    line_count = bot.wait_log("reload (SIGHUP) failed, still answering from the knowledge loaded before", read)
    assert "facts.yaml" in bot.log_lines()[line_count - 1]
    assert "张德全" in ask(api, 7010, "法治组组长是谁")
