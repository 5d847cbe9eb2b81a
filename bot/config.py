"""The application's configuration (``config.yaml``), validated at start-up before any network call."""

from __future__ import annotations

import enum
import os
from dataclasses import dataclass, field, replace
from pathlib import Path

from knowledge.engine import EngineConfig
from knowledge.loader import KnowledgeError, load_file

DEFAULT_CONFIG = Path("config.yaml")


class ConfigError(ValueError):
    """config.yaml is malformed; the message names the file and the field."""


class RunMode(enum.Enum):
    POLLING = "polling"
    WEBHOOK = "webhook"


@dataclass(frozen=True)
class WebhookConfig:
    """Webhook mode: Telegram posts updates to ``url``; the bot listens on ``listen:port/path``."""

    url: str | None = None
    listen: str = "0.0.0.0"
    port: int = 8443
    path: str = "telegram"
    secret_token_file: str | None = None


@dataclass(frozen=True)
class TelegramConfig:
    base_url: str = "https://api.telegram.org/bot"
    token_file: str | None = None
    mode: RunMode = RunMode.POLLING
    webhook: WebhookConfig = field(default_factory=WebhookConfig)
    max_message_chars: int = 4096
    inline_cache_seconds: int = 300
    overall_max_rate: float = 30.0
    group_max_rate: float = 20.0
    max_retries: int = 4
    retry_delay: float = 0.5
    request_timeout: float = 10.0
    bootstrap_retries: int = 5


@dataclass(frozen=True)
class AppConfig:
    engine: EngineConfig = field(default_factory=EngineConfig)
    telegram: TelegramConfig = field(default_factory=TelegramConfig)
    cache_dir: str | None = None
    knowledge_dir: str | None = None

    def engine_paths(self) -> dict[str, Path]:
        """Engine.build's cache_dir and data_dir, where configured."""
        paths = {"cache_dir": self.cache_dir, "data_dir": self.knowledge_dir}
        return {name: Path(value) for name, value in paths.items() if value}


def config_path() -> Path | None:
    """``$BOT_CONFIG``, else ``./config.yaml`` when it exists, else none (all defaults)."""
    if env := os.environ.get("BOT_CONFIG"):
        return Path(env)
    return DEFAULT_CONFIG if DEFAULT_CONFIG.exists() else None


def load_config(path: Path | None) -> AppConfig:
    if path is None:
        return AppConfig()
    try:
        if not path.read_text(encoding="utf-8", errors="replace").strip():
            return AppConfig()  # an empty file: all defaults
    except OSError as error:
        raise ConfigError(f"{path}: cannot be read ({error.strerror})") from None
    try:
        config = load_file(AppConfig, path)
    except KnowledgeError as error:
        raise ConfigError(str(error)) from None
    _check_ranges(config, path)
    return config


def with_environment(config: AppConfig) -> AppConfig:
    """``TELEGRAM_BASE_URL`` overrides telegram.base_url (a self-hosted Bot API server, or the tests')."""
    base_url = os.environ.get("TELEGRAM_BASE_URL", "").strip()
    if not base_url:
        return config
    return replace(config, telegram=replace(config.telegram, base_url=base_url))


def read_token(config: AppConfig) -> str | None:
    """The bot token: ``$TELEGRAM_BOT_TOKEN``, else the file telegram.token_file names; never config.yaml."""
    token = os.environ.get("TELEGRAM_BOT_TOKEN", "").strip()
    if token or config.telegram.token_file is None:
        return token or None
    return _read_secret(config.telegram.token_file, "telegram.token_file")


def read_webhook_secret(config: AppConfig) -> str | None:
    secret = os.environ.get("TELEGRAM_WEBHOOK_SECRET", "").strip()
    if secret or config.telegram.webhook.secret_token_file is None:
        return secret or None
    return _read_secret(config.telegram.webhook.secret_token_file, "telegram.webhook.secret_token_file")


def _read_secret(path: str, field_name: str) -> str:
    try:
        secret = Path(path).read_text(encoding="utf-8").strip()
    except OSError as error:
        raise ConfigError(f"{path}: cannot be read ({error.strerror}), named by {field_name}") from None
    if not secret:
        raise ConfigError(f"{path}: is empty, named by {field_name}")
    return secret


def _check_ranges(config: AppConfig, path: Path) -> None:
    engine, telegram = config.engine, config.telegram
    checks = [
        ("engine.fuzzy_floor", 50 <= engine.fuzzy_floor <= 100, "between 50 and 100"),
        ("engine.fuzzy_margin", 0 <= engine.fuzzy_margin <= 50, "between 0 and 50"),
        ("engine.topic_min_score", 0 < engine.topic_min_score <= 1, "above 0 and at most 1"),
        ("engine.topic_margin", 0 <= engine.topic_margin < 1, "at least 0 and below 1"),
        ("engine.max_question_chars", 10 <= engine.max_question_chars <= 4096, "between 10 and 4096"),
        ("engine.max_suggestions", 0 <= engine.max_suggestions <= 10, "between 0 and 10"),
        ("telegram.base_url", telegram.base_url.startswith(("http://", "https://")), "an http(s) URL"),
        ("telegram.max_message_chars", 200 <= telegram.max_message_chars <= 4096, "between 200 and 4096"),
        ("telegram.inline_cache_seconds", 0 <= telegram.inline_cache_seconds <= 86400, "between 0 and 86400"),
        ("telegram.overall_max_rate", 0 < telegram.overall_max_rate <= 1000, "above 0 and at most 1000"),
        ("telegram.group_max_rate", 0 < telegram.group_max_rate <= 1000, "above 0 and at most 1000"),
        ("telegram.max_retries", 0 <= telegram.max_retries <= 10, "between 0 and 10"),
        ("telegram.retry_delay", 0 <= telegram.retry_delay <= 60, "between 0 and 60"),
        ("telegram.request_timeout", 0.1 <= telegram.request_timeout <= 300, "between 0.1 and 300"),
        ("telegram.bootstrap_retries", -1 <= telegram.bootstrap_retries <= 100, "between -1 and 100"),
        ("telegram.webhook.port", 1 <= telegram.webhook.port <= 65535, "a port number"),
        (
            "telegram.webhook.url",
            telegram.mode is not RunMode.WEBHOOK or bool(telegram.webhook.url),
            "set in webhook mode",
        ),
    ]
    for name, ok, allowed in checks:
        if not ok:
            raise ConfigError(f"{path}: {name}: must be {allowed}")
