"""Webhook mode, hardened: our own small Tornado server instead of PTB's, feeding the same
``application.update_queue`` through the journal (PTB's custom-webhook pattern).

Differences from PTB's built-in server: 200 only after the update is in the journal; malformed JSON
or a body that is not an update → 400 (not 500); the secret header is compared in constant time;
bodies over ``max_body_bytes`` are refused; headers must arrive within ``header_timeout`` and bodies
within ``body_timeout`` seconds; an idle keep-alive connection is closed after ``header_timeout``;
at most ``max_connections`` are open at once (the rest are closed on accept, so a flood of idle
connections cannot exhaust file descriptors); and no update's contents are logged at any level.
Listen on 127.0.0.1 (the default) behind a TLS-terminating reverse proxy.
"""

from __future__ import annotations

import hmac
import json
import logging
from dataclasses import dataclass
from typing import Any

import tornado.web
from telegram import Update
from telegram.ext import Application
from tornado.httpserver import HTTPServer
from tornado.iostream import IOStream

from bot.config import WebhookConfig
from bot.intake import accept
from bot.journal import Journal

_LOGGER = logging.getLogger(__name__)
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


class _UpdateHandler(tornado.web.RequestHandler):
    def initialize(self, bot_application: Application, journal: Journal, secret: bytes) -> None:
        self.bot_application = bot_application
        self.journal = journal
        self.secret = secret

    async def post(self) -> None:
        given = self.request.headers.get(SECRET_HEADER, "").encode()
        if not hmac.compare_digest(given, self.secret):
            self._reply(403, "forbidden")
            return
        try:
            data = json.loads(self.request.body)
            update = Update.de_json(data, self.bot_application.bot) if isinstance(data, dict) else None
        except Exception:  # any malformed body: the sender's fault, not a server error
            update = None
        if update is None or not isinstance(data.get("update_id"), int):
            self._reply(400, "not a Telegram update")
            return
        await accept(self.bot_application, self.journal, [update])
        self._reply(200, "ok")

    def _reply(self, status: int, text: str) -> None:
        self.set_status(status)
        self.set_header("Content-Type", "text/plain; charset=utf-8")
        self.finish(text)

    def log_exception(self, typ: Any, value: Any, tb: Any) -> None:
        _LOGGER.error("webhook request failed: %s", typ.__name__ if typ else "?")  # never the body


class _CappedServer(HTTPServer):
    """An HTTPServer that closes connections accepted beyond ``max_open``."""

    max_open = 100

    def handle_stream(self, stream: IOStream, address: tuple[Any, ...]) -> None:
        if len(self._connections) >= self.max_open:
            stream.close()
            return
        super().handle_stream(stream, address)


@dataclass
class WebhookServer:
    application: Application
    journal: Journal
    settings: WebhookConfig
    secret: str
    port: int | None = None  # overrides settings.port (tests bind a free one)
    _server: _CappedServer | None = None

    def start(self) -> None:
        routes = tornado.web.Application(
            [
                (
                    f"/{self.settings.path.strip('/')}",
                    _UpdateHandler,
                    {
                        "bot_application": self.application,
                        "journal": self.journal,
                        "secret": self.secret.encode(),
                    },
                )
            ],
            log_function=lambda handler: None,  # no access log: it is neither needed nor private
        )
        server = _CappedServer(
            routes,
            max_body_size=self.settings.max_body_bytes,
            max_buffer_size=self.settings.max_body_bytes,
            idle_connection_timeout=self.settings.header_timeout,
            body_timeout=self.settings.body_timeout,
        )
        server.max_open = self.settings.max_connections
        server.listen(self.port or self.settings.port, self.settings.listen)
        self._server = server
        _LOGGER.info("webhook listening on %s:%d", self.settings.listen, self.port or self.settings.port)

    async def stop(self) -> None:
        if self._server is not None:
            self._server.stop()
            await self._server.close_all_connections()
            self._server = None
