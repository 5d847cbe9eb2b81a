"""The application's configuration (``config.yaml``), validated at start-up before any network call."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from knowledge.engine import EngineConfig
from knowledge.loader import KnowledgeError, read_yaml
from knowledge.schema import SchemaError, build

DEFAULT_CONFIG = Path("config.yaml")


class ConfigError(ValueError):
    """config.yaml is malformed; the message names the file and the field."""


@dataclass(frozen=True)
class AppConfig:
    engine: EngineConfig = field(default_factory=EngineConfig)
    cache_dir: str | None = None


def config_path() -> Path | None:
    """``$BOT_CONFIG``, else ``./config.yaml`` when it exists, else none (all defaults)."""
    if env := os.environ.get("BOT_CONFIG"):
        return Path(env)
    return DEFAULT_CONFIG if DEFAULT_CONFIG.exists() else None


def load_config(path: Path | None) -> AppConfig:
    if path is None:
        return AppConfig()
    try:
        raw = read_yaml(path)
        config = build(AppConfig, {} if raw is None else raw, "")
    except (KnowledgeError, SchemaError) as error:
        message = str(error).removeprefix(f"{path}: ").lstrip(".")
        raise ConfigError(f"{path}: {message}") from None
    _check_ranges(config.engine, path)
    return config


def _check_ranges(engine: EngineConfig, path: Path) -> None:
    checks = [
        ("engine.fuzzy_floor", 50 <= engine.fuzzy_floor <= 100, "between 50 and 100"),
        ("engine.fuzzy_margin", 0 <= engine.fuzzy_margin <= 50, "between 0 and 50"),
        ("engine.topic_min_score", 0 < engine.topic_min_score <= 1, "above 0 and at most 1"),
        ("engine.topic_margin", 0 <= engine.topic_margin < 1, "at least 0 and below 1"),
        ("engine.max_question_chars", 10 <= engine.max_question_chars <= 4096, "between 10 and 4096"),
        ("engine.max_suggestions", 0 <= engine.max_suggestions <= 10, "between 0 and 10"),
    ]
    for name, ok, allowed in checks:
        if not ok:
            raise ConfigError(f"{path}: {name}: must be {allowed}")
