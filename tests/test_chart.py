"""/chart: the organisation chart drawn from the facts in the bundled CJK font, sent as a photo, uploaded
once and re-sent by file_id; and the bot's profile set at start-up."""

from __future__ import annotations

import io

from fake_bot_api import FakeBotApi, callback_query, text_message
from PIL import Image, ImageDraw
from telegram.ext import Application

from bot.messages import load_messages
from bot.orgchart import FACE, Chart, draw, font
from knowledge.engine import Engine

PRIVATE = 7171
NOTDEF_PROBE = "\U0010fffd"  # a private-use code point no font has: Pillow draws the font's .notdef


def chart_of(engine: Engine) -> Chart:
    return draw(engine.kb, "渝府办发〔2020〕5号", load_messages().chart)


def test_the_font_is_the_packaged_noto_sans_cjk_sc() -> None:
    assert font(22).getname() == (FACE, "Regular")


def test_the_chart_has_its_size_and_every_group_name_drawn_in_real_glyphs(engine: Engine) -> None:
    chart = chart_of(engine)
    image = Image.open(io.BytesIO(chart.png))
    assert image.format == "PNG" and image.size == (chart.width, chart.height)
    assert 1200 <= chart.width <= 2560 and 500 <= chart.height <= 2560  # Telegram shows it without cutting
    drawn = {placed.text: placed for placed in chart.texts}
    for group in engine.kb.groups.values():
        placed = drawn[group.name]
        face = font(placed.size)
        notdef = bytes(face.getmask(NOTDEF_PROBE))
        assert all(bytes(face.getmask(char)) != notdef for char in group.name), group.name  # no tofu
        # and it is in the picture where the chart says: the same pixels as the name drawn alone
        left, top, right, bottom = face.getbbox(group.name)
        box = (placed.x + left, placed.y + top, placed.x + right, placed.y + bottom)
        crop = image.crop(box)
        alone = Image.new("RGB", image.size, image.getpixel((placed.x - 4, placed.y)))
        ink = min((colour for _, colour in crop.getcolors(1 << 16)), key=sum)  # the text's colour
        ImageDraw.Draw(alone).text((placed.x, placed.y), group.name, font=face, fill=ink)
        assert crop.tobytes() == alone.crop(box).tobytes(), group.name


def test_the_chart_shows_heads_deputy_counts_and_marks_what_the_notice_does_not_state(engine: Engine) -> None:
    texts = [placed.text for placed in chart_of(engine).texts]
    assert "组长：唐良智" in texts and "副组长单位：11个" in texts and "专题组（4个）" in texts
    assert texts.count("组长：通知原文未载明") == 2  # 改善社会服务组, 督查组: the crawl lost them
    assert any("灰字为通知原文未载明" in t for t in texts)


async def test_start_offers_the_chart_and_it_is_uploaded_once_then_sent_by_file_id(
    api: FakeBotApi, bot: Application
) -> None:
    api.push_update(text_message(PRIVATE, "/start"))
    (welcome,) = await api.wait_for_calls("sendMessage")
    rows = welcome.params["reply_markup"]["inline_keyboard"]
    assert rows[-1][0]["callback_data"] == "c:0" and "组织结构图" in rows[-1][0]["text"]
    api.push_update(callback_query(PRIVATE, "c:0", message_id=1))
    (first,) = await api.wait_for_calls("sendPhoto")
    upload = first.files["photo"].data
    assert upload.startswith(b"\x89PNG") and "渝府办发〔2020〕5号的组织结构图" in first.params["caption"]
    api.push_update(text_message(PRIVATE, "/chart"))
    second = (await api.wait_for_calls("sendPhoto", 2))[-1]
    assert second.files == {} and second.params["photo"] == first.result["photo"][-1]["file_id"]


async def test_a_file_id_telegram_refuses_is_forgotten_and_the_chart_uploaded_again(
    api: FakeBotApi, bot: Application
) -> None:
    api.push_update(text_message(PRIVATE, "/chart"))
    await api.wait_for_calls("sendPhoto", ok_only=True)
    api._photos.clear()  # as if the file belonged to another bot (a token changed)
    api.push_update(text_message(PRIVATE, "/chart"))
    calls = await api.wait_for_calls("sendPhoto", 2, ok_only=True)
    refused = [c for c in api.calls("sendPhoto") if not c.ok]
    assert len(refused) == 1 and "photo" in calls[-1].files


async def test_the_profile_is_set_at_start_up_from_the_messages_and_the_notice(
    api: FakeBotApi, bot: Application
) -> None:
    (description,) = await api.wait_for_calls("setMyDescription")
    (short,) = await api.wait_for_calls("setMyShortDescription")
    assert description.ok and short.ok  # within Telegram's 512 and 120 characters (the fake checks)
    assert "（渝府办发〔2020〕5号）" in description.params["description"]
    assert "引用通知原文" in description.params["description"]
    assert "渝府办发〔2020〕5号" in short.params["short_description"]
