"""/groups: a menu of a notice's groups that turns into a group's card and back, in one message.

PTB's inline-keyboard convention: a tap edits the message it was tapped on (``editMessageText``) rather
than sending another, and every card has a back button. The menu is built from the facts, never from
names written here: the top group (``kb.top``) on a row of its own, then the groups of each kind
(``kb.kinds()``: 专题组, 保障组 …) on rows of their own, at most ``_PER_ROW`` a row so long names stay
readable, and the organisation chart (/chart). A card says all the notice says of its group, so its
related questions are about the people and units in it (the inline search's questions, messages.yaml
``inline_cards``): who the head is beyond this group, which groups a deputy unit is in.
With several notices loaded, /groups first offers one button per notice.

Callback data (``n`` is the notice's place in the library): ``gn:`` the list of notices, ``gm:n`` a
notice's menu, ``g:n:group`` a card. A button the loaded knowledge no longer has (a reload, a
notice gone) is answered as stale.
"""

from __future__ import annotations

import html
from dataclasses import replace

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import ContextTypes

from bot.chart_photo import CHART
from bot.conversation import edit
from bot.handlers import send_answer, send_text, services
from bot.layout import subjects_of
from bot.messages import GroupsTexts
from bot.render import answer_messages, suggestion_keyboard
from knowledge.facts import Knowledge
from knowledge.library import Library, Notice

NOTICES, MENU, CARD = "gn:", "gm:", "g:"
_PER_ROW = 2
_RELATED = 3  # questions under a card


def menu_text(kb: Knowledge, texts: GroupsTexts) -> str:
    """What the menu says above its buttons: the top group and how many groups of each kind it has."""
    under = kb.under_top()
    counts = texts.separator.join(
        texts.kind.format(count=sum(g.kind == kind for g in under), kind=kind) for kind in kb.kinds()
    )
    if kb.top is not None and under:
        return texts.title.format(top=kb.groups[kb.top].name, kinds=counts)
    return texts.title_flat


def menu_keyboard(library: Library, index: int, texts: GroupsTexts) -> InlineKeyboardMarkup:
    """The notice's groups: the top one alone, then a kind a row (or rows), the chart, and back."""
    kb = library.notices[index].engine.kb

    def button(group_id: str) -> InlineKeyboardButton:
        return InlineKeyboardButton(kb.groups[group_id].name, callback_data=f"{CARD}{index}:{group_id}")

    rows = [[button(kb.top)]] if kb.top is not None else []
    for kind in kb.kinds():
        ids = [g.id for g in kb.under_top() if g.kind == kind]
        rows += [[button(i) for i in ids[start : start + _PER_ROW]] for start in range(0, len(ids), _PER_ROW)]
    if kb.top is None:  # no group above the others: every group, in the notice's order
        rows += [[button(g.id)] for g in kb.under_top()]
    rows.append([InlineKeyboardButton(texts.chart, callback_data=f"{CHART}{index}")])
    if len(library.notices) > 1:
        rows.append([InlineKeyboardButton(texts.back, callback_data=NOTICES)])
    return InlineKeyboardMarkup(rows)


def card_questions(kb: Knowledge, group_id: str, templates: dict[str, str]) -> tuple[str, ...]:
    """Questions about who is in the group: its people first, then its units, in the notice's order."""
    group = kb.groups[group_id]
    people = [p for h in group.roles if not h.unstated for p in h.persons if p in kb.people]
    units = [u for h in group.roles if not h.unstated for u in h.units if u in kb.units]
    asked = [templates["person"].format(name=kb.people[p].name) for p in dict.fromkeys(people)]
    asked += [templates["unit"].format(name=kb.units[u].name) for u in dict.fromkeys(units)]
    return tuple(asked[:_RELATED])


def notices_keyboard(library: Library) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(n.label, callback_data=f"{MENU}{i}")] for i, n in enumerate(library.notices)]
    )


async def groups_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """The menu of the notice's groups; with several notices, the notices first."""
    shared = services(context)
    library, texts = shared.engine, shared.messages.groups
    if len(library.notices) > 1:
        await send_text(update, context, texts.notices, notices_keyboard(library))
        return
    await send_text(update, context, menu_text(library.first.kb, texts), menu_keyboard(library, 0, texts))


async def on_browse(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A tap in the /groups menu: the message becomes the card, the menu or the list of notices."""
    query = update.callback_query
    if query is None:
        return
    shared = services(context)
    library, texts = shared.engine, shared.messages.groups
    data = query.data or ""
    if data == NOTICES:
        await query.answer()
        await _show(update, context, texts.notices, notices_keyboard(library))
        return
    if data.startswith(MENU) and (notice := _notice(library, data[len(MENU) :])) is not None:
        index = library.notices.index(notice)
        await query.answer()
        await _show(update, context, menu_text(notice.engine.kb, texts), menu_keyboard(library, index, texts))
        return
    place, _, group_id = data[len(CARD) :].partition(":")
    notice = _notice(library, place) if data.startswith(CARD) else None
    if notice is None or group_id not in notice.engine.kb.groups:
        await query.answer(shared.messages.stale_button)
        return
    await query.answer()
    card = replace(await shared.compute(notice.engine.group_card, group_id), notice=notice.label)
    chunks = answer_messages(
        card, shared.messages.layout, shared.telegram.max_message_chars, subjects=subjects_of(notice.engine.kb, card)
    )
    suggested = suggestion_keyboard(card_questions(notice.engine.kb, group_id, shared.messages.inline_cards))
    back = [InlineKeyboardButton(texts.back, callback_data=f"{MENU}{library.notices.index(notice)}")]
    keyboard = InlineKeyboardMarkup([*(suggested.inline_keyboard if suggested else ()), back])
    if len(chunks) > 1 or not await _edit(update, context, chunks[0], keyboard):
        await send_answer(update, context, card)  # too long for one message, or the menu is gone


def _notice(library: Library, place: str) -> Notice | None:
    return library.notices[int(place)] if place.isdigit() and int(place) < len(library.notices) else None


async def _show(update: Update, context: ContextTypes.DEFAULT_TYPE, text: str, keyboard: InlineKeyboardMarkup) -> None:
    await _edit(update, context, html.escape(text, quote=False), keyboard)


async def _edit(update: Update, context: ContextTypes.DEFAULT_TYPE, text: str, keyboard: InlineKeyboardMarkup) -> bool:
    """The tapped message, turned into ``text``; False when it cannot be edited (too old, deleted)."""
    message, chat = update.effective_message, update.effective_chat
    if message is None or chat is None:
        return False
    return await edit(context.bot, chat.id, message.message_id, text, keyboard)
