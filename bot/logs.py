"""Logging for the bot: one handler, and no secret in any line it writes, at any level.

python-telegram-bot logs the Bot API URL (which holds the token) at DEBUG and httpx logs every
request URL at INFO; exceptions from httpx carry the URL too. The formatter redacts every secret
from the finished line, message and traceback alike, so no code path can leak one.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
import traceback
from collections.abc import Iterable
from types import TracebackType
from typing import TextIO
from urllib.parse import quote

REDACTED = "[REDACTED]"
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def _forms(secrets: Iterable[str]) -> list[str]:
    """Each secret as written and URL-quoted, longest first; a token's secret half too."""
    forms = set()
    for secret in secrets:
        if not secret:
            continue
        parts = [secret, *(secret.split(":", 1)[1:] if ":" in secret else [])]
        forms.update(form for part in parts if len(part) >= 8 for form in (part, quote(part, safe="")))
        forms.update((secret, quote(secret, safe="")))
    return sorted(forms, key=len, reverse=True)


def redact(text: str, secrets: Iterable[str]) -> str:
    for secret in _forms(secrets):
        text = text.replace(secret, REDACTED)
    return text


class RedactingFormatter(logging.Formatter):
    def __init__(self, secrets: Iterable[str], fmt: str = _FORMAT) -> None:
        super().__init__(fmt)
        self._secrets = _forms(secrets)

    def format(self, record: logging.LogRecord) -> str:
        text = super().format(record)
        for secret in self._secrets:
            text = text.replace(secret, REDACTED)
        return text


def install_excepthook(secrets: Iterable[str], stream: TextIO | None = None) -> None:
    """Uncaught exceptions (main thread and others) print their traceback with every secret redacted,
    and the token from the environment even before it was read (PTB puts it in InvalidToken's text)."""
    known = [*secrets, os.environ.get("TELEGRAM_BOT_TOKEN", "").strip(), os.environ.get("TELEGRAM_WEBHOOK_SECRET", "")]

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        text = "".join(traceback.format_exception(kind, value, tb))
        print(redact(text, known), end="", file=stream or sys.stderr, flush=True)

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_type is not SystemExit and args.exc_value is not None:
            hook(args.exc_type, args.exc_value, args.exc_traceback)

    sys.excepthook = hook
    threading.excepthook = thread_hook


_CONTENT_TEMPLATES = {
    # python-telegram-bot at DEBUG: whole updates, request parameters (answers, chat ids) and results.
    "Processing update %s",
    "Dropping pending update: %s",
    "Calling Bot API endpoint `%s` with parameters `%s`",
    "Call to Bot API endpoint `%s` finished with return value `%s`",
}


class ContentFilter(logging.Filter):
    """Keeps what users wrote out of the log at every level: PTB's DEBUG lines that carry an update,
    request parameters or results keep their first argument (the endpoint) and lose the rest."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.msg in _CONTENT_TEMPLATES and isinstance(record.args, tuple) and record.args:
            first = record.args[0]
            shown = f"update {getattr(first, 'update_id', '?')}" if hasattr(first, "update_id") else first
            record.args = (shown, *("…" for _ in record.args[1:]))
        return True


def setup_logging(level: str, secrets: Iterable[str], stream: TextIO | None = None) -> logging.Handler:
    """Route all logging through one redacting handler at ``level`` (LOG_LEVEL); returns the handler."""
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(RedactingFormatter(secrets))
    handler.addFilter(ContentFilter())
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
