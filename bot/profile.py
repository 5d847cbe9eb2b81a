"""The bot's profile: the "What can this bot do?" text (``setMyDescription``, at most 512 characters) and
the short one on its profile page and in shares (``setMyShortDescription``, 120), set at start-up from
messages.yaml ``profile`` and the loaded notices.

Each notice is named by its title and 文号 where that fits, else by its 文号 (or title) alone, else the
text says how many notices it answers; a failure is logged, never fatal (the bot answers without it).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from telegram import Bot
from telegram.error import TelegramError

from knowledge.library import Library

if TYPE_CHECKING:
    from bot.handlers import Services

DESCRIPTION_LIMIT, SHORT_LIMIT = 512, 120  # Bot API limits
_LOGGER = logging.getLogger(__name__)


@dataclass(frozen=True)
class ProfileTexts:
    """messages.yaml ``profile``: {notices} is filled with the loaded notices, {count} their number."""

    description: str
    short_description: str
    notice: str  # {title}, {number}
    separator: str
    several: str  # {count}: when naming them all does not fit


def describe(template: str, library: Library, texts: ProfileTexts, limit: int) -> str:
    """``template`` naming the notices as fully as fits in ``limit`` characters."""
    full = []
    for notice in library.notices:
        title, number = notice.engine.kb.field("title"), notice.engine.kb.field("number")
        named = texts.notice.format(title=title.value, number=number.value) if title and number else notice.label
        full.append(named)
    for names in (full, [n.label for n in library.notices]):
        text = template.format(notices=texts.separator.join(names))
        if len(text) <= limit:
            return text
    return template.format(notices=texts.several.format(count=len(library.notices)))[:limit]


async def set_profile(bot: Bot, shared: Services) -> None:
    texts, library = shared.messages.profile, shared.engine
    try:
        await bot.set_my_description(describe(texts.description, library, texts, DESCRIPTION_LIMIT))
        await bot.set_my_short_description(describe(texts.short_description, library, texts, SHORT_LIMIT))
    except TelegramError as error:
        _LOGGER.warning("could not set the bot's description: %s", error)
    except Exception:  # the profile is a nicety: whatever went wrong, the bot still starts and answers
        _LOGGER.exception("could not build the bot's description")
