"""Logging for the bot: one handler, and no secret in any line it writes, at any level.

python-telegram-bot logs the Bot API URL (which holds the token) at DEBUG and httpx logs every
request URL at INFO; exceptions from httpx carry the URL too. The formatter redacts every secret
from the finished line, message and traceback alike, so no code path can leak one.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterable
from typing import TextIO
from urllib.parse import quote

REDACTED = "[REDACTED]"
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class RedactingFormatter(logging.Formatter):
    def __init__(self, secrets: Iterable[str], fmt: str = _FORMAT) -> None:
        super().__init__(fmt)
        forms = {form for secret in secrets if secret for form in (secret, quote(secret, safe=""))}
        self._secrets = sorted(forms, key=len, reverse=True)

    def format(self, record: logging.LogRecord) -> str:
        text = super().format(record)
        for secret in self._secrets:
            text = text.replace(secret, REDACTED)
        return text


def setup_logging(level: str, secrets: Iterable[str], stream: TextIO | None = None) -> logging.Handler:
    """Route all logging through one redacting handler at ``level`` (LOG_LEVEL); returns the handler."""
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(RedactingFormatter(secrets))
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(_level(level))
    # httpx reports every request at INFO; keep that noise for DEBUG.
    logging.getLogger("httpx").setLevel(logging.DEBUG if _level(level) <= logging.DEBUG else logging.WARNING)
    return handler


def _level(name: str) -> int:
    level = logging.getLevelName(name.strip().upper() or "INFO")
    return level if isinstance(level, int) else logging.INFO
