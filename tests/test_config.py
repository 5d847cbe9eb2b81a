"""Configuration, secrets and trust: bad set-ups stop with exit code 2 before any network call."""

from __future__ import annotations

import io
import shutil
import socket
import subprocess
import sys
import threading
from pathlib import Path

import httpx
import pytest
import yaml
from fake_bot_api import FakeBotApi, text_message
from harness import run_cli, runtime_for
from telegram.error import InvalidToken

from bot.app import build_application
from bot.config import AppConfig, ConfigError, RunMode, TelegramConfig, WebhookConfig, load_config, read_token
from bot.logs import install_excepthook
from bot.messages import load_messages
from knowledge.engine import Engine
from knowledge.library import Library
from knowledge.loader import BUNDLED

ROOT = Path(__file__).resolve().parents[1]


def start_bot(config: Path, api: FakeBotApi, **env: str) -> subprocess.CompletedProcess[str]:
    """``python -m bot`` (the Telegram path when a token is given) against the fake server."""
    return run_cli([], env={"BOT_CONFIG": str(config), "TELEGRAM_BASE_URL": api.base_url} | env)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("engine:\n  fuzzy_flor: 80\n", "config.yaml: engine: unknown key 'fuzzy_flor'"),
        (
            "engine:\n  topic_min_score: high\n",
            "config.yaml: engine.topic_min_score: expected a number, got the text 'high'",
        ),
        ("engine:\n  topic_min_score: 1.5\n", "config.yaml: engine.topic_min_score: must be above 0 and at most 1"),
        (
            "telegram:\n  mode: carrier_pigeon\n",
            "config.yaml: telegram.mode: 'carrier_pigeon' is not one of polling, webhook",
        ),
        ("telegram:\n  token: 123:abc\n", "config.yaml: telegram: unknown key 'token'"),
        ("telegram: [\n", "config.yaml: not valid YAML at line 2"),
        (
            "question_log:\n  retention_days: 0\n",
            "config.yaml: question_log.retention_days: must be between 1 and 3650",
        ),
        ("admins: [alice]\n", "config.yaml: admins[0]: expected a whole number, got the text 'alice'"),
    ],
)
def test_a_broken_config_stops_start_up_with_exit_2_before_any_network_call(
    tmp_path: Path, api: FakeBotApi, text: str, message: str
) -> None:
    config = tmp_path / "config.yaml"
    config.write_text(text, encoding="utf-8")
    result = start_bot(config, api, TELEGRAM_BOT_TOKEN=api.token)
    assert result.returncode == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert api.calls() == []


def test_a_missing_config_file_stops_start_up_with_exit_2(tmp_path: Path, api: FakeBotApi) -> None:
    result = start_bot(tmp_path / "absent.yaml", api, TELEGRAM_BOT_TOKEN=api.token)
    assert result.returncode == 2
    assert f"{tmp_path / 'absent.yaml'}: cannot be read (No such file or directory)" in result.stderr
    assert api.calls() == []


def test_a_broken_facts_file_stops_start_up_with_exit_2(tmp_path: Path, api: FakeBotApi) -> None:
    knowledge = tmp_path / "knowledge"
    shutil.copytree(BUNDLED, knowledge)
    facts = yaml.safe_load((knowledge / "facts.yaml").read_text(encoding="utf-8"))
    facts["groups"][6]["roles"][0]["quote"] = "组长由张三担任"
    (knowledge / "facts.yaml").write_text(yaml.safe_dump(facts, allow_unicode=True), encoding="utf-8")
    config = tmp_path / "config.yaml"
    config.write_text(f"notices: [{knowledge}]\n", encoding="utf-8")
    result = start_bot(config, api, TELEGRAM_BOT_TOKEN=api.token)
    assert result.returncode == 2
    assert "facts.yaml: groups[6] (legal).roles[0].quote: not found in the notice" in result.stderr
    assert api.calls() == []


def test_the_shipped_config_has_no_secret_and_loads() -> None:
    text = (ROOT / "config.yaml").read_text(encoding="utf-8")
    assert load_config(ROOT / "config.yaml") == AppConfig()
    assert "token:" not in text.replace("token_file:", "").replace("secret_token_file:", "")


def test_the_token_can_come_from_a_file_named_in_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TELEGRAM_BOT_TOKEN", raising=False)
    secret = tmp_path / "token.txt"
    secret.write_text("123456:FROM-FILE\n", encoding="utf-8")
    config = AppConfig(telegram=TelegramConfig(token_file=str(secret)))
    assert read_token(config) == "123456:FROM-FILE"
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "123456:FROM-ENV")
    assert read_token(config) == "123456:FROM-ENV"


def test_a_missing_token_file_is_a_config_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TELEGRAM_BOT_TOKEN", raising=False)
    config = AppConfig(telegram=TelegramConfig(token_file=str(tmp_path / "absent.txt")))
    with pytest.raises(ConfigError, match=r"absent\.txt: cannot be read .*telegram\.token_file"):
        read_token(config)


def test_webhook_mode_without_a_secret_stops_with_exit_2(tmp_path: Path, api: FakeBotApi) -> None:
    config = tmp_path / "config.yaml"
    config.write_text(
        "telegram:\n  mode: webhook\n  webhook:\n    url: https://bot.example/telegram\n", encoding="utf-8"
    )
    result = start_bot(config, api, TELEGRAM_BOT_TOKEN=api.token)
    assert result.returncode == 2
    assert "webhook mode needs TELEGRAM_WEBHOOK_SECRET" in result.stderr
    assert api.calls() == []


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


async def test_webhook_requests_without_the_secret_token_are_refused(api: FakeBotApi, engine: Engine) -> None:
    webhook = WebhookConfig(url="https://bot.example/telegram")
    telegram = TelegramConfig(base_url=api.base_url, request_timeout=2.0, mode=RunMode.WEBHOOK, webhook=webhook)
    config = AppConfig(telegram=telegram)
    application = build_application(config, Library.of(engine), load_messages(), api.token)
    port = free_port()
    runtime = runtime_for(application, secret="s3cret", webhook_port=port)
    await runtime.start()
    update = {"update_id": 1} | text_message(42, "法治组组长是谁")
    url = f"http://127.0.0.1:{port}/telegram"
    try:
        async with httpx.AsyncClient() as client:
            missing = await client.post(url, json=update)
            wrong = await client.post(url, json=update, headers={"X-Telegram-Bot-Api-Secret-Token": "guess"})
            right = await client.post(url, json=update, headers={"X-Telegram-Bot-Api-Secret-Token": "s3cret"})
        await api.wait_for(lambda a: len(a.sent_messages()) == 1)
    finally:
        await runtime.stop()
    assert (missing.status_code, wrong.status_code, right.status_code) == (403, 403, 200)
    assert api.calls("setWebhook")[0].params["secret_token"] == "s3cret"
    assert "张德宽" in api.sent_messages()[0]["text"]


@pytest.mark.parametrize(
    ("name", "damage", "message"),
    [
        (
            "config.yaml",
            b"engine:\n  fuzzy_floor: 80\n  fuzzy_floor: 90\n",
            "line 3, column 3: duplicate key 'fuzzy_floor'",
        ),
        ("config.yaml", b"# \xe6\x94\xbf\xff\nengine: {}\n", "config.yaml: line 1: not valid UTF-8 (byte 0xff)"),
        ("notice.txt", b"\n\n\xc0\xafnotice", "notice.txt: line 3: not valid UTF-8 (byte 0xc0)"),
        (
            "facts.yaml",
            b"document: []\ngroups: []\ndocument: []\n",
            "facts.yaml: not valid YAML at line 3, column 1: duplicate key 'document'",
        ),
        ("lexicon.yaml", b"\xfe", "lexicon.yaml: line 1: not valid UTF-8 (byte 0xfe)"),
        (
            "token.txt",
            b"123456:\xff\xfe\n",
            "token.txt: line 1: not valid UTF-8 (byte 0xff), named by telegram.token_file",
        ),
    ],
)
def test_undecodable_files_and_duplicate_keys_stop_start_up_with_exit_2_naming_file_and_line(
    tmp_path: Path, api: FakeBotApi, name: str, damage: bytes, message: str
) -> None:
    knowledge = tmp_path / "knowledge"
    shutil.copytree(BUNDLED, knowledge)
    token = tmp_path / "token.txt"
    token.write_text(api.token, encoding="utf-8")
    config = tmp_path / "config.yaml"
    config.write_text(f"notices: [{knowledge}]\ntelegram:\n  token_file: {token}\n", encoding="utf-8")
    {"config.yaml": config, "token.txt": token}.get(name, knowledge / name).write_bytes(damage)
    result = run_cli([], env={"BOT_CONFIG": str(config), "TELEGRAM_BASE_URL": api.base_url})
    assert result.returncode == 2, result.stderr
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
    assert api.calls() == []


def test_an_uncaught_exception_prints_its_traceback_without_the_token(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    stream = io.StringIO()
    install_excepthook(["123456:SECRET-PART-OF-TOKEN"], stream=stream)
    try:
        raise InvalidToken("The token `123456:SECRET-PART-OF-TOKEN` was rejected by the server.")
    except InvalidToken as error:
        sys.excepthook(type(error), error, error.__traceback__)
    printed = stream.getvalue()
    assert "Traceback" in printed and "InvalidToken" in printed and "[REDACTED]" in printed
    assert "SECRET-PART-OF-TOKEN" not in printed
