"""The application's configuration (``config.yaml``), validated at start-up before any network call."""

from __future__ import annotations

import enum
import os
from dataclasses import dataclass, field, replace
from pathlib import Path

from knowledge.engine import EngineConfig
from knowledge.loader import BUNDLED, KnowledgeError, load_file, read_text

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
    listen: str = "127.0.0.1"
    port: int = 8443
    path: str = "telegram"
    secret_token_file: str | None = None
    max_body_bytes: int = 1_048_576
    max_connections: int = 100
    header_timeout: float = 10.0
    body_timeout: float = 10.0


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
class DeliveryConfig:
    """How updates are scheduled, kept and given up on (bot/delivery.py, bot/journal.py, bot/runtime.py)."""

    workers: int = 0
    answer_budget: float = 5.0
    concurrent_chats: int = 64
    max_pending_per_chat: int = 30
    max_reply_age: float = 900.0
    shutdown_deadline: float = 6.0
    context_ttl: float = 86400.0
    max_contexts: int = 100_000
    journal_keep: float = 86400.0
    health_max_age: float = 120.0


@dataclass(frozen=True)
class QuestionLogConfig:
    """The question log and 👍/👎 (bot/questionlog.py, bot/feedback.py); README: what is stored."""

    enabled: bool = True
    retention_days: int = 90
    feedback_in_groups: bool = False
    comment_timeout: float = 600.0
    salt_file: str | None = None


@dataclass(frozen=True)
class AppConfig:
    engine: EngineConfig = field(default_factory=EngineConfig)
    telegram: TelegramConfig = field(default_factory=TelegramConfig)
    delivery: DeliveryConfig = field(default_factory=DeliveryConfig)
    question_log: QuestionLogConfig = field(default_factory=QuestionLogConfig)
    admins: tuple[int, ...] = ()
    cache_dir: str | None = None
    notices: tuple[str, ...] = ()  # knowledge directories (notice.txt, facts.yaml); none: the bundled notice
    state_dir: str | None = None

    def notice_dirs(self) -> list[Path]:
        return [Path(d) for d in self.notices] or [BUNDLED]

    def cache_path(self) -> Path | None:
        return Path(self.cache_dir) if self.cache_dir else None


def state_dir(config: AppConfig) -> Path:
    """Where the journal and chat contexts live: ``$BOT_STATE_DIR``, else ``state_dir`` in config.yaml,
    else ``$XDG_STATE_HOME/zhengwu-bot``, else ``~/.local/state/zhengwu-bot``."""
    if env := os.environ.get("BOT_STATE_DIR", "").strip():
        return Path(env)
    if config.state_dir:
        return Path(config.state_dir)
    base = os.environ.get("XDG_STATE_HOME") or Path.home() / ".local" / "state"
    return Path(base) / "zhengwu-bot"


def config_path() -> Path | None:
    """``$BOT_CONFIG``, else ``./config.yaml`` when it exists, else none (all defaults)."""
    if env := os.environ.get("BOT_CONFIG"):
        return Path(env)
    return DEFAULT_CONFIG if DEFAULT_CONFIG.exists() else None


def load_config(path: Path | None) -> AppConfig:
    if path is None:
        return AppConfig()
    try:
        if not read_text(path).strip():
            return AppConfig()  # an empty file: all defaults
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
        secret = read_text(Path(path)).strip()
    except KnowledgeError as error:
        raise ConfigError(f"{error}, named by {field_name}") from None
    if not secret:
        raise ConfigError(f"{path}: is empty, named by {field_name}")
    return secret


def _check_ranges(config: AppConfig, path: Path) -> None:
    engine, telegram, delivery, webhook = config.engine, config.telegram, config.delivery, config.telegram.webhook
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
        ("telegram.webhook.port", 1 <= webhook.port <= 65535, "a port number"),
        ("telegram.webhook.max_body_bytes", 1024 <= webhook.max_body_bytes <= 50_000_000, "between 1024 and 50000000"),
        ("telegram.webhook.max_connections", 1 <= webhook.max_connections <= 10_000, "between 1 and 10000"),
        ("telegram.webhook.header_timeout", 0.1 <= webhook.header_timeout <= 300, "between 0.1 and 300"),
        ("telegram.webhook.body_timeout", 0.1 <= webhook.body_timeout <= 300, "between 0.1 and 300"),
        ("delivery.workers", 0 <= delivery.workers <= 64, "between 0 and 64"),
        ("delivery.answer_budget", 0.1 <= delivery.answer_budget <= 300, "between 0.1 and 300"),
        ("delivery.concurrent_chats", 1 <= delivery.concurrent_chats <= 10_000, "between 1 and 10000"),
        ("delivery.max_pending_per_chat", 1 <= delivery.max_pending_per_chat <= 10_000, "between 1 and 10000"),
        ("delivery.max_reply_age", 1 <= delivery.max_reply_age <= 30 * 86400, "between 1 and 2592000"),
        ("delivery.shutdown_deadline", 0.5 <= delivery.shutdown_deadline <= 300, "between 0.5 and 300"),
        ("delivery.context_ttl", 1 <= delivery.context_ttl <= 365 * 86400, "between 1 and 31536000"),
        ("delivery.max_contexts", 1 <= delivery.max_contexts <= 100_000_000, "between 1 and 100000000"),
        ("delivery.journal_keep", 60 <= delivery.journal_keep <= 365 * 86400, "between 60 and 31536000"),
        ("delivery.health_max_age", 5 <= delivery.health_max_age <= 86400, "between 5 and 86400"),
        ("question_log.retention_days", 1 <= config.question_log.retention_days <= 3650, "between 1 and 3650"),
        ("question_log.comment_timeout", 10 <= config.question_log.comment_timeout <= 86400, "between 10 and 86400"),
        (
            "telegram.webhook.url",
            telegram.mode is not RunMode.WEBHOOK or bool(telegram.webhook.url),
            "set in webhook mode",
        ),
    ]
    for name, ok, allowed in checks:
        if not ok:
            raise ConfigError(f"{path}: {name}: must be {allowed}")
