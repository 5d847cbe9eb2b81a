"""/chart and the chart buttons (on /start and in /groups): the organisation chart sent as a photo.

The chart is drawn once per loaded notice (on a worker: it takes about 0.1 s) and kept with that
notice's knowledge, so a reload draws the new one. Uploaded once: Telegram's ``file_id`` for it is
kept in the state database (table ``meta``, keyed by a hash of the picture), so later sends, after a
restart too, name the file instead of uploading it again; a file id Telegram no longer accepts is
forgotten and the picture uploaded anew.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from telegram import InlineKeyboardButton, Message, Update
from telegram.error import BadRequest
from telegram.ext import ContextTypes

from bot.orgchart import Chart, ChartWords, draw
from bot.state import Database
from knowledge.facts import Knowledge
from knowledge.library import Notice

if TYPE_CHECKING:
    from bot.handlers import Services

CHART = "c:"  # callback data: c:<the notice's place in the library>
_KEY = "chart_file_id:"
_LOGGER = logging.getLogger(__name__)


@dataclass
class ChartCache:
    """The drawn charts of the loaded notices and the file ids of those already uploaded."""

    database: Database
    _drawn: dict[int, tuple[Knowledge, Chart]] = field(default_factory=dict)

    def chart(self, notice: Notice, words: ChartWords) -> Chart:
        """The notice's chart, drawn the first time (runs on a worker thread)."""
        kb = notice.engine.kb
        kept = self._drawn.get(id(kb))
        if kept is not None and kept[0] is kb:
            return kept[1]
        drawn = draw(kb, notice.label, words)
        self._drawn = {k: v for k, v in self._drawn.items() if v[0] is not kb}
        self._drawn[id(kb)] = (kb, drawn)  # the knowledge kept with it, so its id is never reused
        return drawn

    def file_id(self, chart: Chart) -> str | None:
        row = self.database.connection.execute("SELECT value FROM meta WHERE key = ?", (_key(chart),)).fetchone()
        return row[0] if row else None

    def keep(self, chart: Chart, file_id: str | None) -> None:
        connection = self.database.connection
        if file_id is None:
            connection.execute("DELETE FROM meta WHERE key = ?", (_key(chart),))
        else:
            connection.execute(
                "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (_key(chart), file_id),
            )


def _services(context: ContextTypes.DEFAULT_TYPE) -> Services:
    return context.bot_data["services"]


def _key(chart: Chart) -> str:
    return _KEY + hashlib.sha256(chart.png).hexdigest()[:32]


def chart_button(label: str, index: int = 0) -> InlineKeyboardButton:
    return InlineKeyboardButton(label, callback_data=f"{CHART}{index}")


async def chart_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/chart: the first notice's chart."""
    await send_chart(update, context, 0)


async def on_chart_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.callback_query
    if query is None:
        return
    place = (query.data or "")[len(CHART) :]
    if not place.isdigit() or int(place) >= len(_services(context).engine.notices):
        await query.answer(_services(context).messages.stale_button)
        return
    await query.answer()
    await send_chart(update, context, int(place))


async def send_chart(update: Update, context: ContextTypes.DEFAULT_TYPE, index: int) -> None:
    """The chart of the ``index``-th notice as a photo: by file id when uploaded before."""
    shared, chat = _services(context), update.effective_chat
    if chat is None or shared.charts is None:
        return
    notice = shared.engine.notices[index]
    words = shared.messages.chart
    chart = await shared.compute(shared.charts.chart, notice, words)
    caption = words.caption.format(notice=notice.label)
    known = shared.charts.file_id(chart)
    if known is not None:
        try:
            await context.bot.send_photo(chat.id, known, caption=caption)
            return
        except BadRequest as error:  # not this bot's file (another token), or Telegram dropped it
            _LOGGER.info("chart file id refused (%s); uploading the chart again", error)
            shared.charts.keep(chart, None)
    sent = await context.bot.send_photo(chat.id, chart.png, caption=caption, filename="chart.png")
    shared.charts.keep(chart, _largest(sent))


def _largest(message: Message) -> str | None:
    """The file id of the photo's largest size (the one Telegram keeps closest to the upload)."""
    return message.photo[-1].file_id if message.photo else None
