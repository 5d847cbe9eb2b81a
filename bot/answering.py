"""Answering off the event loop: the engine's CPU work runs on a few worker threads, so one long
question never holds up the network, the other chats or a shutdown.

``WorkerPool`` is a minimal thread pool of *daemon* threads: a question that overruns its budget is
abandoned (the caller is told at once) and its thread is not waited for at exit, unlike
``concurrent.futures.ThreadPoolExecutor`` whose threads are joined when the interpreter exits and
would stretch a shutdown past its deadline. The engine is pure CPU over read-only knowledge, so
calling it from several threads at once is safe.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

T = TypeVar("T")


class AnswerTimeout(Exception):
    """A question took longer than its budget; the worker finishes it in the background."""


@dataclass
class _Job:
    function: Callable[..., Any]
    args: tuple[Any, ...]
    future: asyncio.Future[Any]
    loop: asyncio.AbstractEventLoop


@dataclass
class WorkerPool:
    """``size`` daemon threads taking jobs in arrival order; 0 means one per CPU."""

    size: int = 0
    _jobs: queue.SimpleQueue[_Job | None] = field(default_factory=queue.SimpleQueue)
    _threads: list[threading.Thread] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.size = self.size or max(1, os.cpu_count() or 1)

    async def run(self, budget: float, function: Callable[..., T], *args: Any) -> T:
        """``function(*args)`` on a worker; raises AnswerTimeout after ``budget`` seconds."""
        self._start()
        loop = asyncio.get_running_loop()
        future: asyncio.Future[T] = loop.create_future()
        self._jobs.put(_Job(function, args, future, loop))
        try:
            return await asyncio.wait_for(asyncio.shield(future), budget)
        except TimeoutError:
            future.cancel()  # a job not yet started is skipped; a running one is left to finish
            raise AnswerTimeout from None

    def close(self) -> None:
        """Ask the workers to stop after their current job; does not wait for them."""
        for _ in self._threads:
            self._jobs.put(None)
        self._threads.clear()

    def _start(self) -> None:
        while len(self._threads) < self.size:
            thread = threading.Thread(target=self._work, name=f"answer-{len(self._threads)}", daemon=True)
            thread.start()
            self._threads.append(thread)

    def _work(self) -> None:
        while (job := self._jobs.get()) is not None:
            if job.future.cancelled():
                continue
            try:
                outcome: tuple[bool, Any] = (True, job.function(*job.args))
            except BaseException as error:  # handed to the awaiting coroutine, which reports it
                outcome = (False, error)
            with contextlib.suppress(RuntimeError):  # the loop has closed: nobody is waiting any more
                job.loop.call_soon_threadsafe(_settle, job.future, outcome)


def _settle(future: asyncio.Future[Any], outcome: tuple[bool, Any]) -> None:
    if future.done():
        return
    ok, value = outcome
    if ok:
        future.set_result(value)
    else:
        future.set_exception(value)
