"""The bot as a separate process (``python -m bot``) against the fake Bot API, for what only a real
process shows: signals, restarts, exit codes, what reaches stdout and stderr."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from fake_bot_api import FakeBotApi

from bot.state import DATABASE_NAME

ROOT = Path(__file__).resolve().parents[1]

FAST_CONFIG = """\
telegram:
  request_timeout: 2
  retry_delay: 0.05
  max_retries: 10
  overall_max_rate: {rate}
  group_max_rate: {group_rate}
delivery:
  shutdown_deadline: {deadline}
"""


@dataclass
class BotProcess:
    """One ``python -m bot`` process; ``state`` is its state directory (kept across restarts)."""

    api: FakeBotApi
    state: Path
    config: Path
    token: str | None = None
    extra_env: dict[str, str] = field(default_factory=dict)
    process: subprocess.Popen[str] | None = None
    _log: list[str] = field(default_factory=list)
    _log_changed: threading.Condition = field(default_factory=threading.Condition)
    _reader: threading.Thread | None = None

    @classmethod
    def prepare(
        cls, api: FakeBotApi, directory: Path, rate: float = 100, group_rate: float = 1000, deadline: float = 2
    ) -> BotProcess:
        config = directory / "config.yaml"
        config.write_text(FAST_CONFIG.format(rate=rate, group_rate=group_rate, deadline=deadline), encoding="utf-8")
        return cls(api, directory / "state", config)

    def env(self) -> dict[str, str]:
        inherited = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "BOT_"))}
        return (
            inherited
            | {
                "TELEGRAM_BOT_TOKEN": self.token or self.api.token,
                "TELEGRAM_BASE_URL": self.api.base_url,
                "BOT_STATE_DIR": str(self.state),
                "BOT_CONFIG": str(self.config),
                "PTB_TIMEDELTA": "true",
            }
            | self.extra_env
        )

    def start(self) -> BotProcess:
        self._reader, self._log = None, []
        self.process = subprocess.Popen(
            [sys.executable, "-m", "bot"],
            cwd=ROOT,
            env=self.env(),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )
        return self

    def follow_log(self) -> BotProcess:
        """Read stderr as it is written (for ``wait_log``); ``wait`` then returns what was read."""
        assert self.process is not None and self.process.stderr is not None
        stream = self.process.stderr

        def read() -> None:
            for line in stream:
                with self._log_changed:
                    self._log.append(line)
                    self._log_changed.notify_all()

        self._reader = threading.Thread(target=read, daemon=True)
        self._reader.start()
        return self

    def wait_log(self, text: str, after: int = 0, timeout: float = 30) -> int:
        """Until a log line after the first ``after`` ones holds ``text``; returns the count of lines read
        up to it (the ``after`` for the next wait)."""

        def found() -> int | None:
            return next((i + 1 for i in range(after, len(self._log)) if text in self._log[i]), None)

        with self._log_changed:
            if not self._log_changed.wait_for(lambda: found() is not None, timeout):
                raise AssertionError(f"no log line with {text!r} within {timeout} s:\n{''.join(self._log[-30:])}")
            return found()  # type: ignore[return-value]

    def log_lines(self) -> list[str]:
        with self._log_changed:
            return list(self._log)

    def signal(self, signum: int) -> None:
        assert self.process is not None
        self.process.send_signal(signum)

    def wait(self, timeout: float = 20) -> tuple[int, str, str]:
        """Exit code, stdout and stderr once the process ends (killed after ``timeout``)."""
        assert self.process is not None
        if self._reader is not None:  # stderr is being followed: wait for the end of it
            try:
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
                raise AssertionError(f"the bot did not exit within {timeout} s") from None
            self._reader.join(timeout=5)
            out = self.process.stdout.read() if self.process.stdout is not None else ""
            return self.process.returncode, out, "".join(self._log)
        try:
            out, err = self.process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            out, err = self.process.communicate()
            raise AssertionError(f"the bot did not exit within {timeout} s; stderr:\n{err[-3000:]}") from None
        return self.process.returncode, out, err

    def stop(self) -> None:
        """Make sure the process is gone (test clean-up)."""
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            if self._reader is not None:
                self.process.wait()
            else:
                self.process.communicate()

    def journal(self) -> tuple[int, int]:
        """(pending, done) updates in the state database, read as a second SQLite client would."""
        path = self.state / DATABASE_NAME
        if not path.exists():
            return 0, 0
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5) as connection:
            row = connection.execute("SELECT count(*) - count(done_at), count(done_at) FROM updates").fetchone()
        return int(row[0]), int(row[1])

    def wait_journal(self, predicate: object, timeout: float = 15) -> tuple[int, int]:
        """Poll the journal until ``predicate((pending, done))`` holds, within ``timeout`` seconds."""
        deadline = time.monotonic() + timeout
        while True:
            counts = self.journal()
            if predicate(counts):  # type: ignore[operator]
                return counts
            if time.monotonic() > deadline:
                raise AssertionError(f"journal {counts} did not reach the condition within {timeout} s")
            time.sleep(0.02)
