"""Liveness: a file in the state directory touched on every successful poll (and, in webhook mode,
every few seconds while the server runs). ``python -m bot health`` exits 0 when it is fresh, 1 with
one line saying why not; the Dockerfile's HEALTHCHECK runs it.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path

LIVENESS_NAME = "alive"


@dataclass
class Liveness:
    path: Path | None  # None: nothing to touch (tests with an in-memory state)

    def touch(self) -> None:
        if self.path is None:
            return
        try:
            self.path.touch()
            os.utime(self.path)
        except OSError:
            pass  # the health check will report the stale file


def check(path: Path, max_age: float, now: float | None = None) -> tuple[bool, str]:
    """Whether the liveness file was touched within ``max_age`` seconds, and a line saying so."""
    try:
        age = (time.time() if now is None else now) - path.stat().st_mtime
    except OSError:
        return False, f"不健康：{path} 不存在，机器人尚未成功连接 Telegram"
    if age > max_age:
        return False, f"不健康：{age:.0f} 秒没有成功连接 Telegram（上限 {max_age:.0f} 秒）"
    return True, f"健康：{age:.0f} 秒前成功连接 Telegram"
