"""Webhook mode, hardened: journal before 200, malformed bodies 400, size and connection limits,
a repeat answered once, and no update contents in the DEBUG log."""

from __future__ import annotations

import asyncio
import io
import logging
import socket
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx
import pytest
from fake_bot_api import FakeBotApi, text_message
from harness import application_for, runtime_for
from telegram.ext import Application

from bot.config import AppConfig, RunMode, WebhookConfig
from bot.logs import setup_logging
from knowledge.engine import Engine

SECRET = "webhook-s3cret"
HEADERS = {"X-Telegram-Bot-Api-Secret-Token": SECRET}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@asynccontextmanager
async def serving(api: FakeBotApi, engine: Engine, header_timeout: float) -> AsyncIterator[tuple[Application, str]]:
    """The bot in webhook mode on a free port, with small limits so that tests can reach them."""
    application = application_for(api, engine)
    built: AppConfig = application.bot_data["config"]
    settings = WebhookConfig(
        url="https://bot.example/hook", max_connections=4, header_timeout=header_timeout, body_timeout=0.5
    )
    config = AppConfig(
        telegram=type(built.telegram)(**{**built.telegram.__dict__, "mode": RunMode.WEBHOOK, "webhook": settings}),
        delivery=built.delivery,
    )
    port = free_port()
    runtime = runtime_for(application, config, secret=SECRET, webhook_port=port)
    await runtime.start()
    try:
        yield application, f"http://127.0.0.1:{port}/telegram"
    finally:
        await runtime.stop()


@pytest.fixture
async def webhook(api: FakeBotApi, engine: Engine) -> AsyncIterator[tuple[Application, str]]:
    async with serving(api, engine, header_timeout=0.5) as served:
        yield served


def test_the_webhook_listens_on_localhost_by_default() -> None:
    assert WebhookConfig().listen == "127.0.0.1"


async def a_real_update_is_answered(api: FakeBotApi, url: str, update_id: int) -> None:
    """A well-formed, authenticated update still gets through and is answered."""
    update = {"update_id": update_id} | text_message(42, "综合组组长是谁")
    async with httpx.AsyncClient() as client:
        response = await client.post(url, json=update, headers=HEADERS)
    assert response.status_code == 200
    await api.wait_for(lambda a: len(a.sent_messages()) == 1)


async def test_malformed_bodies_get_400_and_a_repeated_update_is_answered_once(
    api: FakeBotApi, webhook: tuple[Application, str]
) -> None:
    application, url = webhook
    update = {"update_id": 41} | text_message(42, "法治组组长是谁")
    async with httpx.AsyncClient() as client:
        broken = await client.post(url, content=b"{not json", headers=HEADERS)
        a_list = await client.post(url, json=[1, 2], headers=HEADERS)
        no_id = await client.post(url, json={"message": {}}, headers=HEADERS)
        first = await client.post(url, json=update, headers=HEADERS)
        assert sum(application.bot_data["state"].journal.counts()) == 1  # in the journal before the 200
        again = await client.post(url, json=update, headers=HEADERS)  # Telegram retries when unsure
    await api.wait_for(lambda a: len(a.sent_messages()) == 1)
    await application.update_processor.wait_idle()  # type: ignore[attr-defined]
    assert [r.status_code for r in (broken, a_list, no_id, first, again)] == [400, 400, 400, 200, 200]
    assert len(api.sent_messages()) == 1 and "张德宽" in api.sent_messages()[0]["text"]


async def test_a_body_over_the_limit_is_refused(api: FakeBotApi, webhook: tuple[Application, str]) -> None:
    _, url = webhook
    huge = {"update_id": 43} | text_message(42, "法" * 600_000)  # about 1.8 MB of UTF-8
    async with httpx.AsyncClient() as client:
        try:
            response = await client.post(url, json=huge, headers=HEADERS)
            status = response.status_code
        except httpx.HTTPError:
            status = 0  # the server may close the connection instead of answering
    assert status in (0, 400, 413)
    assert api.sent_messages() == []


def idle_connections(port: int, count: int) -> list[socket.socket]:
    """Connections that never send a byte."""
    sockets = []
    for _ in range(count):
        sock = socket.create_connection(("127.0.0.1", port))
        sock.setblocking(False)
        sockets.append(sock)
    return sockets


async def closed_by_server(sock: socket.socket, timeout: float = 5) -> bool:
    return await asyncio.wait_for(asyncio.get_running_loop().sock_recv(sock, 1), timeout) == b""


async def test_connections_beyond_the_cap_are_closed_at_once(api: FakeBotApi, engine: Engine) -> None:
    async with serving(api, engine, header_timeout=60) as (_, url):
        idle = idle_connections(int(url.split(":")[2].split("/")[0]), 12)  # three times the cap of 4
        try:
            beyond = [await closed_by_server(sock) for sock in idle[4:]]  # long before the 60 s time-out
            assert beyond == [True] * 8
            for sock in idle[:4]:
                with pytest.raises(BlockingIOError):  # still open: waiting for their headers
                    sock.recv(1)
        finally:
            for sock in idle:
                sock.close()
        await a_real_update_is_answered(api, url, 46)


async def test_idle_connections_time_out_and_real_requests_get_through(
    api: FakeBotApi, webhook: tuple[Application, str]
) -> None:
    _, url = webhook
    idle = idle_connections(int(url.split(":")[2].split("/")[0]), 4)  # the cap, all idle
    try:
        assert [await closed_by_server(sock) for sock in idle] == [True] * 4  # header_timeout 0.5 s
    finally:
        for sock in idle:
            sock.close()
    await a_real_update_is_answered(api, url, 44)


async def test_no_update_contents_in_the_debug_log(api: FakeBotApi, webhook: tuple[Application, str]) -> None:
    _, url = webhook
    stream = io.StringIO()
    root = logging.getLogger()
    saved = (root.handlers[:], root.level)
    setup_logging("DEBUG", [api.token, SECRET], stream=stream)
    try:
        update = {"update_id": 45} | text_message(42, "罗蔺担任哪些职务")
        async with httpx.AsyncClient() as client:
            await client.post(url, json=update, headers=HEADERS)
        await api.wait_for(lambda a: len(a.sent_messages()) == 1)
    finally:
        root.handlers[:], _ = saved[0], root.setLevel(saved[1])
    logged = stream.getvalue()
    assert "sendMessage" in logged and "update 45" in logged  # DEBUG lines were written
    assert "罗蔺" not in logged and SECRET not in logged and api.token not in logged
