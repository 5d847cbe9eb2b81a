"""Fake Telegram Bot API server for end-to-end tests of the bot with the real PTB stack.

The server speaks enough of the Bot API (``/bot<token>/<method>``) for
``telegram.Bot`` / ``telegram.ext.Application`` to initialize, long-poll for updates and send
replies, records every call, and can inject faults (HTTP 500, 429, hung responses, dropped
connections) at run time. It uses only the standard library and runs on a background thread,
bound to 127.0.0.1 on a free port::

    with FakeBotApi() as api:
        app = ApplicationBuilder().token(api.token).base_url(api.base_url).build()
        ...
        api.push_update(text_message(42, "你好"))
        await api.wait_for_calls("sendMessage", 1)

Request decoding: PTB sends every parameter as a form field (urlencoded, or multipart when
files are uploaded) and JSON-encodes nested objects (``reply_markup``, ``results``,
``commands``, ``scope``, ``link_preview_options``, ``reply_parameters``, ...). Every field is
decoded; a field whose value is valid JSON decoding to a dict or list is replaced by the decoded
object, except for fields that are always plain strings in the Bot API (see ``STRING_FIELDS``,
so a ``text`` of ``"[1]"`` stays a string). Scalars keep the string form they arrive in
(``chat_id`` is ``"42"``, booleans are ``"true"``); use ``Call.get_int`` / ``as_int`` for an
int view. Uploaded files land in ``Call.files``. JSON request bodies are accepted too.

Update builders (``text_message``, ``callback_query``, ...) return the *full update dict minus
``update_id``*, e.g. ``{"message": {...}}``; ``FakeBotApi.push_update`` assigns the id.

Run by hand: ``python tests/fake_bot_api.py --port 8081 --token 123:ABC`` serves until Ctrl-C,
prints each call on one line, and accepts updates on ``POST /_push`` (a full update, or the
shorthand ``{"chat_id": 42, "text": "/start"}``).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import email.message
import email.utils
import itertools
import json
import random
import re
import select
import socket
import sys
import threading
import time
from collections import Counter, deque
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

__all__ = [
    "BOT_FIRST_NAME",
    "BOT_ID",
    "DEFAULT_BOT_USERNAME",
    "DEFAULT_TOKEN",
    "DEFAULT_USER_ID",
    "FAULT_KINDS",
    "STRING_FIELDS",
    "ApiError",
    "Call",
    "FakeBotApi",
    "UploadedFile",
    "as_int",
    "auto_entities",
    "bot_user",
    "callback_query",
    "channel_post",
    "chat",
    "decode_request",
    "decode_value",
    "edited_message",
    "format_call",
    "inline_query",
    "location_message",
    "photo_message",
    "sticker_message",
    "text_message",
    "user",
    "voice_message",
]

DEFAULT_TOKEN = "123456:TEST-TOKEN"
DEFAULT_BOT_USERNAME = "zhengwu_test_bot"
BOT_ID = 1000
BOT_FIRST_NAME = "政务通知问答"
DEFAULT_USER_ID = 10001
FAULT_KINDS = frozenset({"500", "429", "timeout", "drop"})

# Bot API parameters that are always plain strings, so JSON-looking text is never decoded.
STRING_FIELDS = frozenset(
    {
        "text",
        "caption",
        "query",
        "data",
        "callback_query_id",
        "inline_query_id",
        "inline_message_id",
        "parse_mode",
        "description",
        "short_description",
        "name",
        "title",
        "question",
        "explanation",
        "next_offset",
        "switch_pm_text",
        "switch_pm_parameter",
        "url",
        "emoji",
        "action",
        "business_connection_id",
        "message_effect_id",
        "secret_token",
        "language_code",
    }
)

# Methods that answer with a Message (besides sendMessage), so PTB can parse their result.
MESSAGE_METHODS = frozenset(
    {
        "sendPhoto",
        "sendDocument",
        "sendSticker",
        "sendAnimation",
        "sendVoice",
        "sendAudio",
        "sendVideo",
        "sendVideoNote",
        "sendLocation",
        "sendVenue",
        "sendContact",
        "sendDice",
        "sendPoll",
        "forwardMessage",
    }
)
EDIT_METHODS = frozenset({"editMessageText", "editMessageCaption", "editMessageReplyMarkup"})

_PATH_RE = re.compile(r"/bot(?P<token>[^/]+)/(?P<method>[A-Za-z0-9_]+)/?")


# --------------------------------------------------------------------------------------------
# Records and small value helpers
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class UploadedFile:
    """A file part of a multipart request, kept so tests can assert on uploads."""

    filename: str | None
    content_type: str | None
    data: bytes


@dataclass
class Call:
    """One recorded Bot API request; ``time`` is ``time.monotonic()`` at arrival.

    ``status`` is the HTTP status answered (0 for ``timeout``/``drop`` faults), ``fault`` the
    injected fault kind, ``result`` the ``result`` field of a successful answer (for getUpdates it
    is filled in once the long-poll returns).
    """

    method: str
    params: dict[str, Any]
    time: float
    fault: str | None = None
    status: int = 200
    result: Any = None
    files: dict[str, UploadedFile] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """Whether the call was answered successfully (no fault, HTTP 200)."""
        return self.fault is None and self.status == 200

    def get_int(self, name: str, default: int | None = None) -> int | None:
        """Return parameter ``name`` as int (form fields arrive as strings)."""
        return as_int(self.params.get(name), default)

    def get_bool(self, name: str, default: bool | None = None) -> bool | None:
        """Return parameter ``name`` as bool (form fields arrive as ``"true"``/``"false"``)."""
        value = self.params.get(name)
        if value is None:
            return default
        if isinstance(value, bool):
            return value
        return str(value).lower() in ("true", "1")


class ApiError(Exception):
    """Raise from a handler installed with ``FakeBotApi.set_handler`` to answer with an error."""

    def __init__(self, code: int, description: str, parameters: dict[str, Any] | None = None) -> None:
        super().__init__(description)
        self.code = code
        self.description = description
        self.parameters = parameters

    def payload(self) -> dict[str, Any]:
        """The Bot API error body for this error."""
        body: dict[str, Any] = {"ok": False, "error_code": self.code, "description": self.description}
        if self.parameters:
            body["parameters"] = self.parameters
        return body


def as_int(value: Any, default: int | None = None) -> int | None:
    """Int view of a decoded parameter (``"42"`` → 42); ``default`` when absent or not numeric."""
    if value is None or isinstance(value, bool):
        return default
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def _as_float(value: Any, default: float) -> float:
    """Float view of a decoded parameter, for timeouts."""
    try:
        return float(value)
    except (TypeError, ValueError):
        return default


def format_call(call: Call, limit: int | None = None) -> str:
    """One-line human summary of a call, used by the CLI and by wait_for failure messages."""
    tag = f" [fault={call.fault}]" if call.fault else ("" if call.status == 200 else f" [{call.status}]")
    params = json.dumps(call.params, ensure_ascii=False, separators=(",", ":"), default=str)
    files = "".join(f" +{name}({len(f.data)}B)" for name, f in call.files.items())
    line = f"{call.method}{tag} {params}{files}"
    return line if limit is None or len(line) <= limit else line[: limit - 1] + "…"


# --------------------------------------------------------------------------------------------
# Request body decoding
# --------------------------------------------------------------------------------------------


def decode_value(name: str, value: Any) -> Any:
    """Decode one field: JSON objects/arrays become dicts/lists, everything else is kept as is."""
    if not isinstance(value, str) or name in STRING_FIELDS:
        return value
    if not value.lstrip().startswith(("{", "[")):
        return value
    try:
        parsed = json.loads(value)
    except ValueError:
        return value
    return parsed if isinstance(parsed, dict | list) else value


def _header_param(header_value: str, param: str, header: str = "content-type") -> str | None:
    """Extract a parameter (boundary, name, filename) from a MIME header value."""
    message = email.message.Message()
    message[header] = header_value
    value = message.get_param(param, header=header)
    if value is None:
        return None
    return email.utils.collapse_rfc2231_value(value)


def _parse_multipart(content_type: str, body: bytes) -> tuple[dict[str, str], dict[str, UploadedFile]]:
    """Split a multipart/form-data body into text fields and files, byte-exact."""
    boundary = _header_param(content_type, "boundary")
    if not boundary:
        return {}, {}
    fields: dict[str, str] = {}
    files: dict[str, UploadedFile] = {}
    for chunk in body.split(b"--" + boundary.encode("latin-1"))[1:]:
        if chunk.startswith(b"--"):
            break
        chunk = chunk.removeprefix(b"\r\n").removesuffix(b"\r\n")
        head, _, content = chunk.partition(b"\r\n\r\n")
        headers = {}
        for line in head.decode("utf-8", "replace").split("\r\n"):
            key, _, value = line.partition(":")
            headers[key.strip().lower()] = value.strip()
        disposition = headers.get("content-disposition", "")
        name = _header_param(disposition, "name", "content-disposition")
        if name is None:
            continue
        filename = _header_param(disposition, "filename", "content-disposition")
        if filename is None:
            fields[name] = content.decode("utf-8")
        else:
            files[name] = UploadedFile(filename, headers.get("content-type"), content)
    return fields, files


def decode_request(content_type: str, body: bytes, query: str = "") -> tuple[dict[str, Any], dict[str, UploadedFile]]:
    """Decode query string plus a urlencoded, multipart or JSON body into (params, files)."""
    raw: dict[str, Any] = dict(parse_qsl(query, keep_blank_values=True))
    files: dict[str, UploadedFile] = {}
    media_type = content_type.split(";", 1)[0].strip().lower()
    if media_type == "multipart/form-data":
        fields, files = _parse_multipart(content_type, body)
        raw.update(fields)
    elif media_type == "application/json" and body.strip():
        loaded = json.loads(body)
        if isinstance(loaded, dict):
            raw.update(loaded)
    elif body:
        raw.update(parse_qsl(body.decode("utf-8"), keep_blank_values=True))
    return {name: decode_value(name, value) for name, value in raw.items()}, files


# --------------------------------------------------------------------------------------------
# Bot API object builders (shared by the server and by the update builders)
# --------------------------------------------------------------------------------------------

_user_message_ids = itertools.count(900_001)
_object_ids = itertools.count(1)


def bot_user(username: str = DEFAULT_BOT_USERNAME) -> dict[str, Any]:
    """The bot's User object as returned by getMe."""
    return {
        "id": BOT_ID,
        "is_bot": True,
        "first_name": BOT_FIRST_NAME,
        "username": username,
        "can_join_groups": True,
        "can_read_all_group_messages": False,
        "supports_inline_queries": True,
    }


def user(user_id: int = DEFAULT_USER_ID) -> dict[str, Any]:
    """A human User object with a predictable username."""
    return {
        "id": user_id,
        "is_bot": False,
        "first_name": "测试用户",
        "username": f"user{user_id}",
        "language_code": "zh-hans",
    }


def chat(chat_id: int | str, chat_type: str | None = None) -> dict[str, Any]:
    """A Chat object; the type is inferred from the id when not given (>0 private, <0 groups)."""
    if isinstance(chat_id, str) and chat_id.startswith("@"):
        return {"id": -1_009_999_999_999, "type": "channel", "title": "测试频道", "username": chat_id[1:]}
    numeric = as_int(chat_id, 0) or 0
    if chat_type is None and numeric > 0:
        chat_type = "private"
    elif chat_type is None:
        chat_type = "supergroup" if numeric <= -1_000_000_000_000 else "group"
    if chat_type == "private":
        return {"id": numeric, "type": "private", "first_name": "测试用户", "username": f"user{numeric}"}
    return {"id": numeric, "type": chat_type, "title": "测试频道" if chat_type == "channel" else "测试群"}


def _utf16_len(text: str) -> int:
    """Length in UTF-16 code units, the unit Telegram uses for entity offsets."""
    return len(text.encode("utf-16-le")) // 2


_COMMAND_RE = re.compile(r"/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{5,32})?(?![A-Za-z0-9_@])")
_MENTION_RE = re.compile(r"(?<![A-Za-z0-9_@/])@[A-Za-z][A-Za-z0-9_]{4,31}(?![A-Za-z0-9_])")


def auto_entities(text: str) -> list[dict[str, Any]]:
    """Entities Telegram would add: a leading /command and every @username mention."""
    entities: list[dict[str, Any]] = []
    command_end = 0
    command = _COMMAND_RE.match(text)
    if command:
        command_end = command.end()
        entities.append({"type": "bot_command", "offset": 0, "length": _utf16_len(command.group())})
    for mention in _MENTION_RE.finditer(text):
        if mention.start() < command_end:
            continue
        offset = _utf16_len(text[: mention.start()])
        entities.append({"type": "mention", "offset": offset, "length": _utf16_len(mention.group())})
    return entities


def _resolve_chat_type(chat_id: int, chat_type: str | None) -> str:
    """Default the chat type from the id and reject ids that contradict it."""
    if chat_type is None:
        return "private" if chat_id > 0 else "supergroup"
    if (chat_type == "private") != (chat_id > 0):
        raise ValueError(f"chat_type {chat_type!r} needs a {'positive' if chat_type == 'private' else 'negative'} id")
    return chat_type


def _user_message(
    chat_id: int,
    *,
    user_id: int | None,
    chat_type: str | None,
    message_id: int | None,
) -> dict[str, Any]:
    """Skeleton of a message a human sent to the bot (sender, chat, id, date)."""
    resolved = _resolve_chat_type(chat_id, chat_type)
    sender = user_id if user_id is not None else (chat_id if resolved == "private" else DEFAULT_USER_ID)
    return {
        "message_id": message_id if message_id is not None else next(_user_message_ids),
        "date": int(time.time()),
        "chat": chat(chat_id, resolved),
        "from": user(sender),
    }


def _bot_message(chat_id: int | str, message_id: int, text: str, bot_username: str) -> dict[str, Any]:
    """A message the bot sent earlier, for replies and callback queries."""
    return {
        "message_id": message_id,
        "date": int(time.time()),
        "chat": chat(chat_id),
        "from": bot_user(bot_username),
        "text": text,
    }


# --------------------------------------------------------------------------------------------
# Update builders: each returns the full update dict minus update_id.
# --------------------------------------------------------------------------------------------


def _text_body(
    chat_id: int,
    text: str,
    *,
    user_id: int | None,
    chat_type: str | None,
    message_id: int | None,
    reply_to_bot_message_id: int | None,
    entities: list[dict[str, Any]] | None,
    bot_username: str,
) -> dict[str, Any]:
    """The Message object shared by text_message and edited_message."""
    message = _user_message(chat_id, user_id=user_id, chat_type=chat_type, message_id=message_id)
    message["text"] = text
    found = auto_entities(text) if entities is None else entities
    if found:
        message["entities"] = found
    if reply_to_bot_message_id is not None:
        message["reply_to_message"] = _bot_message(chat_id, reply_to_bot_message_id, "（机器人消息）", bot_username)
    return message


def text_message(
    chat_id: int,
    text: str,
    *,
    user_id: int | None = None,
    chat_type: str | None = None,
    message_id: int | None = None,
    reply_to_bot_message_id: int | None = None,
    entities: list[dict[str, Any]] | None = None,
    bot_username: str = DEFAULT_BOT_USERNAME,
) -> dict[str, Any]:
    """``{"message": ...}`` with text; entities default to ``auto_entities(text)``.

    ``chat_type`` defaults to "private" for positive ids and "supergroup" for negative ones;
    ``user_id`` defaults to the chat id in private chats. Explicit ``entities`` replace the
    automatic ones.
    """
    body = _text_body(
        chat_id,
        text,
        user_id=user_id,
        chat_type=chat_type,
        message_id=message_id,
        reply_to_bot_message_id=reply_to_bot_message_id,
        entities=entities,
        bot_username=bot_username,
    )
    return {"message": body}


def edited_message(
    chat_id: int,
    text: str,
    *,
    message_id: int | None = None,
    user_id: int | None = None,
    chat_type: str | None = None,
    entities: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """``{"edited_message": ...}``: like text_message plus an ``edit_date``."""
    body = _text_body(
        chat_id,
        text,
        user_id=user_id,
        chat_type=chat_type,
        message_id=message_id,
        reply_to_bot_message_id=None,
        entities=entities,
        bot_username=DEFAULT_BOT_USERNAME,
    )
    body["edit_date"] = body["date"] + 1
    return {"edited_message": body}


def callback_query(
    chat_id: int,
    data: str,
    *,
    message_id: int,
    user_id: int | None = None,
    query_id: str | None = None,
    message_text: str = "（机器人消息）",
    bot_username: str = DEFAULT_BOT_USERNAME,
    reply_markup: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """``{"callback_query": ...}`` for a button pressed on bot message ``message_id``, which carries
    ``reply_markup`` (the keyboard as sent) when given, as Telegram's copy of the message does."""
    sender = user_id if user_id is not None else (chat_id if chat_id > 0 else DEFAULT_USER_ID)
    message = _bot_message(chat_id, message_id, message_text, bot_username)
    if reply_markup is not None:
        message["reply_markup"] = reply_markup
    return {
        "callback_query": {
            "id": query_id or f"cbq-{next(_object_ids)}",
            "from": user(sender),
            "chat_instance": f"ci-{chat_id}",
            "data": data,
            "message": message,
        }
    }


def inline_query(
    query: str, *, user_id: int | None = None, query_id: str | None = None, offset: str = ""
) -> dict[str, Any]:
    """``{"inline_query": ...}`` as typed in the inline mode of any chat."""
    return {
        "inline_query": {
            "id": query_id or f"iq-{next(_object_ids)}",
            "from": user(user_id if user_id is not None else DEFAULT_USER_ID),
            "query": query,
            "offset": offset,
            "chat_type": "sender",
        }
    }


def _media_message(chat_id: int, key: str, value: Any, **kwargs: Any) -> dict[str, Any]:
    """``{"message": ...}`` carrying one media field instead of text."""
    message = _user_message(chat_id, **kwargs)
    message[key] = value
    return {"message": message}


def _file_ids(kind: str) -> dict[str, str]:
    """Unique file_id / file_unique_id pair for a fake media object."""
    number = next(_object_ids)
    return {"file_id": f"fake-{kind}-{number}", "file_unique_id": f"u{kind}{number}"}


def sticker_message(
    chat_id: int, *, user_id: int | None = None, chat_type: str | None = None, message_id: int | None = None
) -> dict[str, Any]:
    """``{"message": ...}`` with a regular static sticker."""
    sticker = {
        **_file_ids("sticker"),
        "type": "regular",
        "width": 512,
        "height": 512,
        "is_animated": False,
        "is_video": False,
        "emoji": "👍",
    }
    return _media_message(chat_id, "sticker", sticker, user_id=user_id, chat_type=chat_type, message_id=message_id)


def photo_message(
    chat_id: int,
    *,
    caption: str | None = None,
    user_id: int | None = None,
    chat_type: str | None = None,
    message_id: int | None = None,
) -> dict[str, Any]:
    """``{"message": ...}`` with a photo in two sizes and an optional caption."""
    sizes = [{**_file_ids("photo"), "width": w, "height": w, "file_size": w * 40} for w in (90, 800)]
    update = _media_message(chat_id, "photo", sizes, user_id=user_id, chat_type=chat_type, message_id=message_id)
    if caption is not None:
        update["message"]["caption"] = caption
    return update


def voice_message(
    chat_id: int,
    *,
    duration: int = 3,
    user_id: int | None = None,
    chat_type: str | None = None,
    message_id: int | None = None,
) -> dict[str, Any]:
    """``{"message": ...}`` with a voice note."""
    voice = {**_file_ids("voice"), "duration": duration, "mime_type": "audio/ogg", "file_size": 4096}
    return _media_message(chat_id, "voice", voice, user_id=user_id, chat_type=chat_type, message_id=message_id)


def location_message(
    chat_id: int,
    *,
    latitude: float = 29.563,
    longitude: float = 106.551,
    user_id: int | None = None,
    chat_type: str | None = None,
    message_id: int | None = None,
) -> dict[str, Any]:
    """``{"message": ...}`` with a location (Chongqing by default)."""
    location = {"latitude": latitude, "longitude": longitude}
    return _media_message(chat_id, "location", location, user_id=user_id, chat_type=chat_type, message_id=message_id)


def channel_post(chat_id: int, text: str, *, message_id: int | None = None) -> dict[str, Any]:
    """``{"channel_post": ...}``: a text post in a channel (no ``from``, ``sender_chat`` set)."""
    channel = chat(chat_id, "channel")
    post: dict[str, Any] = {
        "message_id": message_id if message_id is not None else next(_user_message_ids),
        "date": int(time.time()),
        "chat": channel,
        "sender_chat": channel,
        "text": text,
    }
    entities = auto_entities(text)
    if entities:
        post["entities"] = entities
    return {"channel_post": post}


# --------------------------------------------------------------------------------------------
# The server
# --------------------------------------------------------------------------------------------


@dataclass
class _Reply:
    """What the HTTP handler should do: answer JSON, hold the connection, or drop it."""

    status: int = 200
    payload: dict[str, Any] | None = None
    action: str = "respond"  # "respond" | "hold" | "drop"


def _ok(result: Any) -> _Reply:
    """A successful Bot API answer."""
    return _Reply(200, {"ok": True, "result": result})


@dataclass
class _FaultPlan:
    """Random fault configuration plus the deterministic per-method queue."""

    rate: float = 0.0
    kinds: tuple[str, ...] = ()
    methods: frozenset[str] | None = None
    rng: random.Random = field(default_factory=lambda: random.Random(0))
    queued: dict[str, deque[str]] = field(default_factory=dict)


class FakeBotApi:
    """In-process fake of api.telegram.org; see the module docstring for an overview.

    ``long_poll_cap`` bounds how long getUpdates waits (keeps shutdown and PTB's read timeouts
    short), ``retry_after`` is sent with ``"429"`` faults, ``timeout_hold`` is how long a
    ``"timeout"`` fault holds a request open unless the client gives up first. All three may be
    changed while the server runs.
    """

    def __init__(
        self,
        token: str = DEFAULT_TOKEN,
        bot_username: str = DEFAULT_BOT_USERNAME,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        long_poll_cap: float = 1.0,
        retry_after: float = 1,
        timeout_hold: float = 2.0,
        on_call: Callable[[Call], None] | None = None,
    ) -> None:
        self.token = token
        self.bot_username = bot_username
        self.host = host
        self.long_poll_cap = long_poll_cap
        self.retry_after = retry_after
        self.timeout_hold = timeout_hold
        self.on_call = on_call
        self._requested_port = port
        self._lock = threading.RLock()
        self._cond = threading.Condition(self._lock)
        self._calls: list[Call] = []
        self._updates: list[dict[str, Any]] = []
        self._next_update_id = 1
        self._next_message_id = 1
        self._faults = _FaultPlan()
        self._fault_counts: Counter[str] = Counter()
        self._handlers: dict[str, Callable[[dict[str, Any]], Any]] = {}
        self._commands: dict[str, Any] = {}
        self._photos: dict[str, int] = {}  # file_id of each photo uploaded → its size in bytes
        self._profile: dict[str, str] = {}  # setMyDescription / setMyShortDescription
        self._async_waiters: set[tuple[asyncio.AbstractEventLoop, asyncio.Event]] = set()
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self._stopping = threading.Event()
        self._wake_r: socket.socket | None = None
        self._wake_w: socket.socket | None = None

    # ---- lifecycle -------------------------------------------------------------------------

    def start(self) -> FakeBotApi:
        """Bind the socket and serve on a daemon thread; returns self for chaining."""
        if self._server is not None:
            return self
        self._stopping.clear()
        self._wake_r, self._wake_w = socket.socketpair()
        self._server = _Server((self.host, self._requested_port), self)
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, name="fake-bot-api", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving: wake long-polls and held requests, close every connection, join threads."""
        server, self._server = self._server, None
        if server is None:
            return
        self._stopping.set()
        with self._cond:
            self._cond.notify_all()
        if self._wake_w is not None:
            with contextlib.suppress(OSError):
                self._wake_w.send(b"x")
        server.shutdown()
        server.close_connections()
        server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
        server.join_handlers(timeout=2)
        for sock in (self._wake_r, self._wake_w):
            if sock is not None:
                sock.close()
        self._wake_r = self._wake_w = None

    def __enter__(self) -> FakeBotApi:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    @property
    def port(self) -> int:
        """The bound TCP port (only valid after start())."""
        if self._server is None:
            raise RuntimeError("FakeBotApi is not running")
        return self._server.server_address[1]

    @property
    def url(self) -> str:
        """Root URL of the server, e.g. for ``/_push``."""
        return f"http://{self.host}:{self.port}"

    @property
    def base_url(self) -> str:
        """What ``ApplicationBuilder().base_url()`` / ``Bot(base_url=...)`` take; PTB appends the token."""
        return f"{self.url}/bot"

    # ---- recorded calls --------------------------------------------------------------------

    def calls(self, method: str | None = None, *, ok_only: bool = False) -> list[Call]:
        """Copy of the recorded calls, optionally filtered by method and success."""
        with self._lock:
            return [c for c in self._calls if (method is None or c.method == method) and (not ok_only or c.ok)]

    def sent_messages(self, chat_id: int | str | None = None) -> list[dict[str, Any]]:
        """Decoded params of every successful sendMessage, optionally for one chat."""
        return [
            c.params
            for c in self.calls("sendMessage", ok_only=True)
            if chat_id is None or str(c.params.get("chat_id")) == str(chat_id)
        ]

    def clear_calls(self) -> None:
        """Forget recorded calls (updates, faults and counters are kept)."""
        with self._lock:
            self._calls.clear()

    def summary(self, limit: int = 50) -> str:
        """Recorded calls as lines, the last ``limit`` of them, for assertion messages."""
        calls = self.calls()
        lines = [format_call(c, limit=300) for c in calls[-limit:]]
        skipped = len(calls) - len(lines)
        header = f"{len(calls)} recorded call(s)" + (f", showing last {len(lines)}" if skipped else "")
        return "\n".join([header, *("  " + line for line in lines)])

    # ---- updates ---------------------------------------------------------------------------

    def push_update(self, update: dict[str, Any]) -> int:
        """Queue an update (assigning ``update_id`` if absent), wake long-polls, return its id."""
        update = dict(update)
        with self._cond:
            if "update_id" not in update:
                update["update_id"] = self._next_update_id
            update_id = int(update["update_id"])
            self._next_update_id = max(self._next_update_id, update_id + 1)
            self._updates.append(update)
            self._updates.sort(key=lambda u: u["update_id"])
            self._notify_locked()
        return update_id

    def pending_updates(self) -> list[dict[str, Any]]:
        """Updates not yet confirmed by a getUpdates offset."""
        with self._lock:
            return list(self._updates)

    # ---- faults ----------------------------------------------------------------------------

    def set_faults(self, rate: float, kinds: list[str], methods: set[str] | None = None, seed: int = 0) -> None:
        """Fault a random ``rate`` of calls (to ``methods``, or all) with a kind drawn from ``kinds``."""
        _check_kinds(kinds)
        with self._lock:
            self._faults.rate = rate
            self._faults.kinds = tuple(kinds)
            self._faults.methods = frozenset(methods) if methods is not None else None
            self._faults.rng = random.Random(seed)

    def clear_faults(self) -> None:
        """Disable random faults and drop queued ``fail_next`` faults."""
        with self._lock:
            self._faults = _FaultPlan()

    def fail_next(self, method: str, kind: str, times: int = 1) -> None:
        """Fault the next ``times`` calls of ``method`` with ``kind`` (before random faults)."""
        _check_kinds([kind])
        with self._lock:
            self._faults.queued.setdefault(method, deque()).extend([kind] * times)

    @property
    def faults_injected(self) -> Counter[str]:
        """How many faults of each kind were injected so far (a copy)."""
        with self._lock:
            return Counter(self._fault_counts)

    def set_handler(self, method: str, handler: Callable[[dict[str, Any]], Any] | None) -> None:
        """Answer ``method`` with ``handler(params)`` (runs under the server lock; raise ApiError for errors).

        ``None`` restores the default answer.
        """
        with self._lock:
            if handler is None:
                self._handlers.pop(method, None)
            else:
                self._handlers[method] = handler

    # ---- waiting ---------------------------------------------------------------------------

    async def wait_for(self, predicate: Callable[[FakeBotApi], bool], timeout: float = 10.0) -> None:
        """Wait until ``predicate(self)`` holds, re-checking whenever a call or update is recorded."""
        loop = asyncio.get_running_loop()
        waiter = (loop, asyncio.Event())
        with self._lock:
            self._async_waiters.add(waiter)
        try:
            deadline = loop.time() + timeout
            while True:
                waiter[1].clear()
                if predicate(self):
                    return
                remaining = deadline - loop.time()
                if remaining <= 0:
                    raise AssertionError(f"condition not met within {timeout}s; {self.summary()}")
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(waiter[1].wait(), remaining)
        finally:
            with self._lock:
                self._async_waiters.discard(waiter)

    async def wait_for_calls(
        self, method: str, count: int = 1, timeout: float = 10.0, *, ok_only: bool = False
    ) -> list[Call]:
        """Wait until at least ``count`` calls of ``method`` were recorded and return them all."""
        await self.wait_for(lambda api: len(api.calls(method, ok_only=ok_only)) >= count, timeout)
        return self.calls(method, ok_only=ok_only)

    def wait_until(self, predicate: Callable[[FakeBotApi], bool], timeout: float = 10.0) -> None:
        """Blocking twin of wait_for for synchronous code (waits on the server's Condition)."""
        with self._cond:
            if not self._cond.wait_for(lambda: predicate(self), timeout):
                raise AssertionError(f"condition not met within {timeout}s; {self.summary()}")

    def _notify_locked(self) -> None:
        """Wake sync and async waiters; caller holds the lock."""
        self._cond.notify_all()
        for loop, event in self._async_waiters:
            with contextlib.suppress(RuntimeError):  # loop already closed
                loop.call_soon_threadsafe(event.set)

    def _record(self, call: Call) -> None:
        """Append a call, wake waiters, and report it to ``on_call``."""
        with self._cond:
            self._calls.append(call)
            self._notify_locked()
        if self.on_call is not None:
            self.on_call(call)

    # ---- request processing (server threads) -----------------------------------------------

    def _process(self, http_method: str, raw_path: str, content_type: str, body: bytes) -> _Reply:
        """Turn one HTTP request into a reply; runs on a handler thread."""
        parts = urlsplit(raw_path)
        if parts.path == "/_push" and http_method == "POST":
            try:
                return _ok(self.push_update(_push_payload(body)))
            except (ValueError, TypeError, AttributeError) as exc:
                return _Reply(400, {"ok": False, "error_code": 400, "description": f"Bad Request: {exc}"})
        match = _PATH_RE.fullmatch(parts.path)
        if match is None:
            return _Reply(404, {"ok": False, "error_code": 404, "description": "Not Found"})
        method = match["method"]
        try:
            params, files = decode_request(content_type, body, parts.query)
        except (ValueError, UnicodeDecodeError) as exc:
            return _Reply(400, {"ok": False, "error_code": 400, "description": f"Bad Request: {exc}"})
        call = Call(method, params, time.monotonic(), files=files)
        if match["token"] != self.token:
            call.status = 401
            self._record(call)
            return _Reply(401, {"ok": False, "error_code": 401, "description": "Unauthorized"})
        call.fault = self._take_fault(method)
        if call.fault is not None:
            return self._fault_reply(call)
        if method == "getUpdates" and method not in self._handlers:
            return self._get_updates(call)
        with self._lock:  # compute and record atomically so a recorded call always has its result
            reply = self._answer(call)
            self._calls.append(call)
            self._notify_locked()
        if self.on_call is not None:
            self.on_call(call)
        return reply

    def _take_fault(self, method: str) -> str | None:
        """Pick the fault for this call: queued ones first, then the random plan."""
        with self._lock:
            plan = self._faults
            queued = plan.queued.get(method)
            kind = queued.popleft() if queued else None
            eligible = plan.rate > 0 and plan.kinds and (plan.methods is None or method in plan.methods)
            if kind is None and eligible and plan.rng.random() < plan.rate:
                kind = plan.rng.choice(plan.kinds)
            if kind is not None:
                self._fault_counts[kind] += 1
            return kind

    def _fault_reply(self, call: Call) -> _Reply:
        """Record a faulted call and build its reply; the call has no other effect."""
        kind = call.fault
        if kind == "500":
            call.status = 500
            reply = _Reply(500, {"ok": False, "error_code": 500, "description": "Internal Server Error"})
        elif kind == "429":
            call.status = 429
            retry = self.retry_after
            shown = int(retry) if float(retry).is_integer() else retry
            reply = _Reply(
                429,
                {
                    "ok": False,
                    "error_code": 429,
                    "description": f"Too Many Requests: retry after {shown}",
                    "parameters": {"retry_after": shown},
                },
            )
        else:
            call.status = 0
            reply = _Reply(action="hold" if kind == "timeout" else "drop")
        self._record(call)
        return reply

    def _hold(self, connection: socket.socket) -> None:
        """Keep a 'timeout' request open until the client disconnects, stop(), or timeout_hold."""
        watched = [connection] + ([self._wake_r] if self._wake_r is not None else [])
        with contextlib.suppress(OSError, ValueError):
            select.select(watched, [], [], max(self.timeout_hold, 0))

    def _get_updates(self, call: Call) -> _Reply:
        """Long-poll: confirm ``offset``, then wait (capped) for updates or shutdown."""
        self._record(call)
        offset = call.get_int("offset")
        limit = min(max(call.get_int("limit", 100) or 100, 1), 100)
        wait = min(_as_float(call.params.get("timeout"), 0.0), self.long_poll_cap)
        deadline = time.monotonic() + wait
        with self._cond:
            self._confirm(offset)
            while not self._updates and not self._stopping.is_set():
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    break
                self._cond.wait(remaining)
            result = [dict(u) for u in self._updates[:limit]]
            call.result = result
            self._notify_locked()
        return _ok(result)

    def _confirm(self, offset: int | None) -> None:
        """Forget updates below ``offset`` (negative: keep only the last -offset), like Telegram."""
        if offset is None:
            return
        if offset < 0:
            self._updates = self._updates[offset:]
        else:
            self._updates = [u for u in self._updates if u["update_id"] >= offset]

    def _answer(self, call: Call) -> _Reply:
        """Compute the successful answer for a method (lock held); sets call.status/result."""
        try:
            if call.method == "sendPhoto" and call.method not in self._handlers:
                result = self._photo_message(call)
            else:
                result = self._result_for(call.method, call.params)
        except ApiError as exc:
            call.status = exc.code
            return _Reply(exc.code, exc.payload())
        call.result = result
        return _ok(result)

    def _result_for(self, method: str, params: dict[str, Any]) -> Any:
        """The ``result`` value for a successful call of ``method``."""
        if method in self._handlers:
            return self._handlers[method](params)
        if method == "getMe":
            return bot_user(self.bot_username)
        if method == "getWebhookInfo":
            return {"url": "", "has_custom_certificate": False, "pending_update_count": len(self._updates)}
        if method == "sendMessage":
            if not params.get("text"):
                raise ApiError(400, "Bad Request: message text is empty")
            return self._new_message(params)
        if method in MESSAGE_METHODS:
            return self._new_message(params)
        if method == "sendMediaGroup":
            media = params.get("media") if isinstance(params.get("media"), list) else []
            return [self._new_message({**params, "caption": m.get("caption")}) for m in media]
        if method == "copyMessage":
            return {"message_id": self._take_message_id()}
        if method in EDIT_METHODS:
            return True if params.get("inline_message_id") else self._edited_message(params)
        return self._command_result(method, params)

    def _photo_message(self, call: Call) -> dict[str, Any]:
        """sendPhoto: an upload gets a new file_id; a file_id sent again must be one this server issued
        (Telegram refuses another bot's, with 400), and the message carries it as Telegram's does."""
        upload = call.files.get("photo")
        if upload is not None:
            file_id = f"fake-photo-{len(self._photos) + 1}"
            self._photos[file_id] = len(upload.data)
        else:
            file_id = str(call.params.get("photo", ""))
            if file_id not in self._photos:
                raise ApiError(400, "Bad Request: wrong file identifier/HTTP URL specified")
        message = self._new_message(call.params)
        size = {"file_id": file_id, "file_unique_id": f"u{file_id}", "file_size": self._photos[file_id]}
        message["photo"] = [{**size, "width": 320, "height": 147}, {**size, "width": 1280, "height": 590}]
        return message

    def _command_result(self, method: str, params: dict[str, Any]) -> Any:
        """Bot command storage (set/get/deleteMyCommands) and the profile texts (set/getMyDescription,
        set/getMyShortDescription); any other method answers True."""
        key = json.dumps([params.get("scope"), params.get("language_code")], sort_keys=True)
        if method in ("setMyDescription", "setMyShortDescription"):
            field_name = "description" if method == "setMyDescription" else "short_description"
            limit = 512 if method == "setMyDescription" else 120
            text = str(params.get(field_name, ""))
            if len(text) > limit:
                raise ApiError(400, f"Bad Request: {field_name} is too long")
            self._profile[field_name] = text
        elif method in ("getMyDescription", "getMyShortDescription"):
            field_name = "description" if method == "getMyDescription" else "short_description"
            return {field_name: self._profile.get(field_name, "")}
        elif method == "setMyCommands":
            self._commands[key] = params.get("commands") or []
        elif method == "deleteMyCommands":
            self._commands.pop(key, None)
        elif method == "getMyCommands":
            return self._commands.get(key, [])
        return True

    def _take_message_id(self) -> int:
        """Next bot message id (per server, starting at 1)."""
        message_id = self._next_message_id
        self._next_message_id += 1
        return message_id

    def _message_shell(self, params: dict[str, Any], message_id: int) -> dict[str, Any]:
        """Message fields common to sent and edited messages, echoing what was sent."""
        target = chat(params.get("chat_id", 0))
        message: dict[str, Any] = {"message_id": message_id, "date": int(time.time()), "chat": target}
        if target["type"] == "channel":
            message["sender_chat"] = target
        else:
            message["from"] = bot_user(self.bot_username)
        for key in ("text", "caption", "entities", "caption_entities"):
            if params.get(key) is not None:
                message[key] = params[key]
        if isinstance(params.get("reply_markup"), dict) and "inline_keyboard" in params["reply_markup"]:
            message["reply_markup"] = params["reply_markup"]
        return message

    def _new_message(self, params: dict[str, Any]) -> dict[str, Any]:
        """A Message for a send* call, with a fresh message_id."""
        if params.get("chat_id") in (None, ""):
            raise ApiError(400, "Bad Request: chat not found")
        return self._message_shell(params, self._take_message_id())

    def _edited_message(self, params: dict[str, Any]) -> dict[str, Any]:
        """A Message for an edit* call on ``message_id``."""
        message = self._message_shell(params, as_int(params.get("message_id"), 0) or 0)
        message["edit_date"] = int(time.time())
        return message


def _check_kinds(kinds: list[str]) -> None:
    """Reject unknown fault kinds early instead of silently ignoring them."""
    unknown = set(kinds) - FAULT_KINDS
    if unknown:
        raise ValueError(f"unknown fault kind(s) {sorted(unknown)}; use {sorted(FAULT_KINDS)}")


def _push_payload(body: bytes) -> dict[str, Any]:
    """Body of ``POST /_push``: a full update, or ``{"chat_id": .., "text": ..}`` shorthand."""
    data = json.loads(body or b"{}")
    if set(data) <= {"chat_id", "text", "user_id", "update_id"} and "text" in data:
        update = text_message(int(data.get("chat_id", DEFAULT_USER_ID)), data["text"], user_id=data.get("user_id"))
        if "update_id" in data:
            update["update_id"] = data["update_id"]
        return update
    return data


class _Handler(BaseHTTPRequestHandler):
    """HTTP/1.1 keep-alive handler delegating each request to FakeBotApi._process."""

    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body are separate writes; avoid 40 ms delayed-ACK stalls
    server: _Server

    def setup(self) -> None:
        super().setup()
        self.server.track(self.connection)

    def finish(self) -> None:
        try:
            super().finish()
        finally:
            self.server.untrack(self.connection)

    def do_POST(self) -> None:
        body = self._read_body()
        api = self.server.api
        reply = api._process(self.command, self.path, self.headers.get("Content-Type", ""), body)
        if reply.action == "hold":
            api._hold(self.connection)
        if reply.action != "respond":
            self.close_connection = True
            with contextlib.suppress(OSError):
                self.connection.shutdown(socket.SHUT_RDWR)
            return
        self._send_json(reply.status, reply.payload or {})

    do_GET = do_POST

    def _read_body(self) -> bytes:
        """Read a Content-Length or chunked body so keep-alive stays in sync."""
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            chunks = []
            while True:
                size = int(self.rfile.readline().split(b";", 1)[0].strip() or b"0", 16)
                if size == 0:
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass
                    return b"".join(chunks)
                chunks.append(self.rfile.read(size))
                self.rfile.readline()
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def _send_json(self, status: int, payload: dict[str, Any]) -> None:
        """Write a JSON response with Content-Length (keep-alive friendly)."""
        data = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: Any) -> None:
        """Silence per-request stderr logging; calls are recorded instead."""


class _Server(ThreadingHTTPServer):
    """ThreadingHTTPServer that knows its FakeBotApi and can force-close open connections."""

    daemon_threads = True

    def __init__(self, address: tuple[str, int], api: FakeBotApi) -> None:
        super().__init__(address, _Handler)
        self.api = api
        self._conn_lock = threading.Lock()
        self._connections: dict[socket.socket, threading.Thread] = {}

    def track(self, connection: socket.socket) -> None:
        """Remember an open connection and the thread serving it."""
        with self._conn_lock:
            self._connections[connection] = threading.current_thread()

    def untrack(self, connection: socket.socket) -> None:
        """Forget a closed connection."""
        with self._conn_lock:
            self._connections.pop(connection, None)

    def close_connections(self) -> None:
        """Shut down every open keep-alive connection so handler threads exit."""
        with self._conn_lock:
            connections = list(self._connections)
        for connection in connections:
            with contextlib.suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)

    def join_handlers(self, timeout: float) -> None:
        """Wait (bounded) for handler threads to finish after close_connections()."""
        deadline = time.monotonic() + timeout
        with self._conn_lock:
            threads = list(self._connections.values())
        for thread in threads:
            thread.join(max(deadline - time.monotonic(), 0))

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Ignore connection resets (clients giving up, stop()); report anything else."""
        if isinstance(sys.exc_info()[1], OSError):
            return
        super().handle_error(request, client_address)


# --------------------------------------------------------------------------------------------
# Command line
# --------------------------------------------------------------------------------------------


def _parse_args(argv: list[str] | None) -> argparse.Namespace:
    """Command-line options for serving by hand."""
    parser = argparse.ArgumentParser(description="Fake Telegram Bot API server for local testing.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8081, help="0 picks a free port")
    parser.add_argument("--token", default=DEFAULT_TOKEN)
    parser.add_argument("--bot-username", default=DEFAULT_BOT_USERNAME)
    parser.add_argument("--long-poll-cap", type=float, default=10.0, help="max seconds getUpdates waits")
    return parser.parse_args(argv)


def _print_call(call: Call) -> None:
    """CLI on_call hook: one line per call with wall-clock time."""
    print(f"{time.strftime('%H:%M:%S')} {format_call(call)}", flush=True)


def main(argv: list[str] | None = None) -> None:
    """Serve until Ctrl-C, printing every call on one line."""
    args = _parse_args(argv)
    api = FakeBotApi(
        args.token,
        args.bot_username,
        host=args.host,
        port=args.port,
        long_poll_cap=args.long_poll_cap,
        on_call=_print_call,
    )
    api.start()
    try:  # Ctrl-C may come while the banner is still being written: a client can act on its first line
        print(f"Fake Bot API serving; TELEGRAM_BASE_URL={api.base_url} token={api.token}", flush=True)
        print(f'push an update: curl -d \'{{"chat_id": 42, "text": "/start"}}\' {api.url}/_push', flush=True)
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        api.stop()


if __name__ == "__main__":
    main()
