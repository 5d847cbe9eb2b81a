"""The document fields: title, 文号, dates, issuer, recipients, basis, what it adjusts, publication."""

from __future__ import annotations

import re

from knowledge.ingest.draft import CHECK, Draft, is_unit
from knowledge.ingest.sections import Line

_NUMBER = re.compile(r"^[(（]?([\u4e00-\u9fff]{1,10}[〔\[［(（]\d{4}[〕\]］)）]\s?\d{1,4}\s?号)[)）]?$")
_CN_DIGITS = "〇○零一二三四五六七八九"
_DATE_DIGITS = re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日$")
_DATE_CHINESE = re.compile(rf"^([{_CN_DIGITS}]{{4}})年([{_CN_DIGITS}十]{{1,2}})月([{_CN_DIGITS}十]{{1,3}})日$")
_PUBLISHED = re.compile(r"发布(?:时间|日期)[:：]\s*(\d{4}-\d{2}-\d{2})")
_DATE_ONLY = re.compile(r"^发布(?:时间|日期)[:：]\s*\d{4}-\d{2}-\d{2}(?: \d{1,2}:\d{2}(?::\d{2})?)?$")
# 某区人民政府办公室 2023年3月9日印发: the day the notice was printed and sent out (its 印发 date)
PRINTED = re.compile(r"^[\u4e00-\u9fff]{0,30}\s*(\d{4}年\d{1,2}月\d{1,2}日)\s*印发$")
COPIED_TO = re.compile(r"^(?:抄送|分送|主题词|关键词)\s*[:：]")  # the distribution lines after the signature: no rule
PUBLIC = re.compile(r"^[(（]\s*(此件[^)）]{0,8}(?:发布|公开))\s*[)）]$")
_ISSUER_END = ("办公厅", "办公室", "人民政府", "政府", "委员会", "街道办事处")
_TITLE_IN_TEXT = re.compile(r"[\u4e00-\u9fff“”]{2,40}?(?:办公厅|办公室|人民政府|政府)关于[^。:：,，;；]{4,80}?的通知")


# a signature the crawl ran onto the end of the last paragraph: issuer, date, and the publication note
_GLUED_SIGNATURE = re.compile(
    r"[。;；]([\u4e00-\u9fff]{4,30}?(?:办公厅|办公室|人民政府))(\d{4}年\d{1,2}月\d{1,2}日)[(（]?(此件公开发布)?[)）]?$"
)
# what a notice's title ends in: …的通知 / 决定 / 意见, and a reply …制度的函 / …的批复
_TITLE_ENDS = ("通知", "决定", "意见", "的函", "批复")
_CHROME = re.compile(
    r"字号[:：]|打印本页|关闭窗口|首页\s*[>＞]|【打印|【关闭|【字体|浏览次数|门户网站\s*[|｜]"
)  # the page's bar, never a title's line
_PAGE = re.compile(r"^来源：(\S+)(?: 发布时间：(\d{4}-\d{2}-\d{2}))?")


def chinese_date(text: str) -> str | None:
    """二○一三年四月二十九日 or 2013年4月29日 → 2013-04-29, or None if it is not a date."""
    m = _DATE_DIGITS.match(text)
    if m:
        year, month, day = (int(g) for g in m.groups())
    else:
        m = _DATE_CHINESE.match(text)
        if not m:
            return None
        year = int("".join(str(_digit(c)) for c in m.group(1)))
        month, day = small_number(m.group(2)), small_number(m.group(3))
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def _digit(char: str) -> int:
    return 0 if char in "〇○零" else _CN_DIGITS.index(char) - 2


def small_number(text: str) -> int:
    """十, 十二, 二十九, 三十一 → the number (-1 for what is none)."""
    if "十" not in text:
        return _digit(text) if len(text) == 1 else -1
    tens, _, ones = text.partition("十")
    return (_digit(tens) if tens else 1) * 10 + (_digit(ones) if ones else 0)


def add_field(
    draft: Draft, id_: str, label: str, value: str, quote: str, section: str, check: str | None = None
) -> None:
    if any(f["id"] == id_ for f in draft.document) or not draft.stands(value) or not draft.stands(quote):
        return
    entry: dict = {"id": id_, "label": label, "value": value, "quote": quote, "section": section}
    if check:
        entry[CHECK] = [check]
    draft.document.append(entry)


_ISSUES_DOCUMENT = re.compile(r"关于(?:印发|转发|公布|调整)《")


def read_title(lines: list[Line]) -> tuple[str, int] | None:
    """The title and how many of the first lines it takes: lines joined until one ends with 通知."""
    # not the page's 来源 bar, nor the publication date kept from its 信息公开 block (发布日期：2023-08-16)
    head = [
        line
        for line in lines[:8]
        if not line.level
        and not _PAGE.match(line.text)
        and not _DATE_ONLY.match(line.text)
        and not _CHROME.search(line.text)
    ]
    for start in range(len(head)):
        joined = ""
        for end in range(start, min(start + 4, len(head))):
            text = head[end].text
            if _NUMBER.match(text) or text.endswith((":", "：")) or (end > start and _whole_title(text)):
                break  # (a line that is a title on its own is not the end of the line before: the page's bar)
            joined += text.replace(" ", "")
            if joined.endswith(_TITLE_ENDS) and "关于" in joined and not joined.startswith("原标题"):
                if "《" in joined and not _ISSUES_DOCUMENT.search(joined):
                    break  # (根据《…的通知》: a document the text cites; but 关于印发《…名单》的通知 is a title)
                return joined, end + 1
    return None


def _whole_title(text: str) -> bool:
    """某某办公厅关于…的通知 on one line (not 关于…的通知 after its issuer's line)."""
    return text.find("关于") >= 2 and text.replace(" ", "").endswith(_TITLE_ENDS)


def read_document(draft: Draft, lines: list[Line], group_name: str | None) -> None:
    title = read_title(lines)
    if title is not None:
        add_field(draft, "title", "标题", title[0], title[0], "标题")
    else:
        m = _TITLE_IN_TEXT.search(draft.notice.replace("\n", ""))
        if m and draft.stands(m.group(0)):
            add_field(
                draft, "title", "标题", m.group(0), m.group(0), "标题", "title found inside the text, not as a heading"
            )
        elif lines and not lines[0].text.endswith((":", "：")) and len(lines[0].text) <= 60 and not lines[0].level:
            add_field(
                draft, "title", "标题", lines[0].text, lines[0].text, "标题", "title is the first line (no 关于…的通知)"
            )
        elif group_name:
            add_field(
                draft,
                "title",
                "标题",
                group_name,
                group_name,
                "标题",
                "the crawl has no title: the group's name stands in for it — replace it with the real title",
            )
    for line in lines[:10]:
        m = _NUMBER.match(line.text.replace(" ", ""))
        if m and draft.stands(m.group(1)):
            add_field(draft, "number", "文号", m.group(1), line.text, "文号")
            break
    m = _PUBLISHED.search(draft.notice)
    if m:
        add_field(draft, "published", "发布日期", m.group(1), m.group(0), "标题")
    _signature(draft, lines)
    _page_source(draft, lines)
    _recipients(draft, lines)
    _copied_to(draft, lines)
    _body_fields(draft, lines)


def _signature(draft: Draft, lines: list[Line]) -> None:
    # the signature stands at the end of the notice's own text, before an annex (附件 / 附件1 …)
    end = next((i for i, line in enumerate(lines) if line.section.startswith("附件")), len(lines))
    if lines and not lines[-1].annex:
        end = len(lines)  # 附件：成员单位职责分工 1.… 2.…, then 澜州省人民政府办公厅 2024年3月18日: signed after it
    for i in range(end - 1, max(-1, end - 8), -1):
        text = lines[i].text.replace(" ", "")
        printed = PRINTED.match(text)
        if printed and chinese_date(printed.group(1)):
            iso = chinese_date(printed.group(1))
            add_field(draft, "published", "印发日期", printed.group(1), lines[i].text, "落款", f"read as {iso}")
            continue
        m = PUBLIC.match(text)
        if m:
            add_field(draft, "public", "公开方式", m.group(1), lines[i].text, "落款")
            continue
        iso = chinese_date(text)
        if iso is None:
            glued = _GLUED_SIGNATURE.search(text)  # …自行撤销。江州市柳湾区人民政府办公室2024年3月18日(此件公开发布)
            if glued and chinese_date(glued.group(2)) and i == end - 1:
                date = glued.group(2)
                quote = f"{glued.group(1)}{date}"
                add_field(draft, "signed", "成文日期", date, quote, "落款", f"read as {chinese_date(date)}")
                add_field(draft, "issuer", "发文机关", glued.group(1), quote, "落款")
                if glued.group(3):
                    add_field(draft, "public", "公开方式", glued.group(3), glued.group(3), "落款")
                break
            continue
        issuer = lines[i - 1].text.replace(" ", "") if i else ""
        if (issuer.endswith(_ISSUER_END) or _titled_issuer(draft, issuer)) and len(issuer) <= 30:
            quote = f"{issuer}{text}"
            add_field(draft, "signed", "成文日期", text, quote, "落款", f"read as {iso}")
            add_field(draft, "issuer", "发文机关", issuer, quote, "落款")
        elif i and (joint := _joint_issuers(lines[i - 1].text)) is not None:
            # 中共东海大学委员会 东海大学 / 二〇二五年三月十日: two bodies sign it together
            add_field(draft, "signed", "成文日期", text, f"{lines[i - 1].text}{text}", "落款", f"read as {iso}")
            add_field(draft, "issuer", "发文机关", joint, lines[i - 1].text, "落款")
        else:
            add_field(draft, "signed", "成文日期", text, lines[i].text, "落款", f"read as {iso}")
        break
    title = next((f["value"] for f in draft.document if f["id"] == "title"), "")
    if "关于" in title and not any(f["id"] == "issuer" for f in draft.document):
        issuer = title.split("关于")[0]
        if issuer.endswith(_ISSUER_END):
            add_field(draft, "issuer", "发文机关", issuer, title, "标题", "issuer read from the title")


_BODY_END = (*_ISSUER_END, "大学", "学院", "集团", "公司", "局", "厅", "委")


def _joint_issuers(line: str) -> str | None:
    """A signature line of two or more bodies apart by spaces (中共某大学委员会 某大学), the line as it stands."""
    parts = line.split()
    if len(parts) < 2 or len(line) > 40 or not any(p.endswith(_ISSUER_END) for p in parts):
        return None
    return line.strip() if all(p.endswith(_BODY_END) for p in parts) else None


def _titled_issuer(draft: Draft, line: str) -> bool:
    """A signature line that is the body the title says issues the notice (南江省某某厅 above the date, 南江省某某厅关于…的通知):
    a 厅 or 局 signs its own notices, as a 人民政府 does."""
    title = next((f["value"] for f in draft.document if f["id"] == "title"), "")
    return len(line) >= 4 and title.startswith(line + "关于") and is_unit(line)


def _page_source(draft: Draft, lines: list[Line]) -> None:
    """A page that says who put it up and when (来源：启东市行政审批局 发布时间：2020-03-02): the issuer and the
    publication date, where the notice itself gives none."""
    found = next((m for line in lines[:6] if (m := _PAGE.match(line.text))), None)
    if found is None:
        return
    have = {f["id"] for f in draft.document}
    if "issuer" not in have:
        add_field(
            draft, "issuer", "发文机关", found.group(1), found.group(0), "标题", "issuer read from the page's 来源"
        )
    if found.group(2) and not have & {"published", "signed"}:
        add_field(
            draft, "published", "发布日期", found.group(2), found.group(0), "标题", "date read from the page's 发布时间"
        )


_COPIED = re.compile(r"^抄\s*送\s*[:：]\s*(.+?)[。.]?$")


def _copied_to(draft: Draft, lines: list[Line]) -> None:
    """抄送：省委教育工委，省教育厅。: whom the notice is copied to, after its signature."""
    for line in lines[-6:]:
        m = _COPIED.match(line.text)
        if m:
            add_field(draft, "copied", "抄送", m.group(1), line.text, "落款")
            return


def _recipients(draft: Draft, lines: list[Line]) -> None:
    for line in lines[:12]:
        text = line.text
        if line.level or not text.endswith((":", "：")) or len(text) > 120 or re.search("[。；;]|如下", text):
            continue  # (…收悉。经省人民政府同意，现函复如下: the reply's first sentence, not whom it is sent to)
        one = is_unit(text.rstrip(":："))  # 省人力资源社会保障厅: a 函's one addressee
        if one or re.search(r"人民政府|各部门|有关单位|各直属机构|管委会|各.{0,6}单位", text):
            add_field(draft, "recipients", "主送", text.rstrip(":："), text, "主送")
            return


# 《…的通知》（东政办函〔2019〕23号）同时废止: the earlier document this one repeals
_REPEALED = re.compile(
    r"((?:《[^》]{4,80}》)+(?:[(（][^)）]{4,30}[)）])?)(?:同时|即行|自即日起)?(?:废止|停止执行|不再执行)"
)
_RENAMED = re.compile(r"原[“\"]([^“”\"]{2,60})[”\"](?:更名为|名称改为|改名为)[“\"]([^“”\"]{2,60})[”\"]")
# 决定对X组成人员进行调整 / 现将A、B组成人员调整如下: the sentence that says what the notice adjusts
_ADJUSTED = re.compile(r"组成人员进行.{0,4}调整|决定.{0,6}调整|现将[^。]{2,80}?(?:组成人员|成员)调整如下")
# 你厅《关于建立…的请示》（云人社报〔2024〕22号）收悉: the request a 函 answers, what it is based on
_REPLY = re.compile(r"^你(?:厅|局|委|办|市|县|区|省|部|单位|们)?.{0,4}《[^》]{4,120}》.{0,40}?收悉")
_BASIS = re.compile(r"(?:^|[:：,，。])((?:为|根据|按照)[^。]{6,240}?(?:成立|设立|建立)[^。]*)")


def _body_fields(draft: Draft, lines: list[Line]) -> None:
    """The opening paragraph (why, by what basis) and a sentence that renames, adjusts or abolishes."""
    start = next(
        (
            i
            for i, line in enumerate(lines[:14])
            if line.text.endswith((":", "：")) and ("人民政府" in line.text or is_unit(line.text.rstrip(":：")))
        ),
        None,
    )
    if start is not None and start + 1 < len(lines) and not lines[start + 1].level:
        sentence = re.split(r"(?<=。)", lines[start + 1].text)[0].rstrip("。")
        sentence = re.split(r"[,，。]现(?:将|就)", sentence)[0]
        if sentence.startswith(("为", "根据", "按照", "经", "近年", "这些年", "因", "鉴于")) or _REPLY.match(sentence):
            add_field(draft, "basis", "依据/目的", sentence, sentence, "正文开头")
    if not any(f.get("id") == "basis" for f in draft.document):
        # no recipients line before it (a news repost): the sentence that says why the group is set up
        for line in lines[:15]:
            found = _BASIS.search(line.text)
            if found:
                clause = re.split(r"[,，。]现(?:将|就)", found.group(1))[0]
                add_field(draft, "basis", "依据/目的", clause, clause, "正文开头")
                break
    for line in lines:
        for sentence in re.split(r"(?<=[。;；])", line.text):
            sentence = sentence.strip().rstrip("。;；")
            if re.search(r"更名为|名称改为|改名为", sentence):
                renamed = _RENAMED.search(sentence)  # 原“X”更名为“Y”: the clause itself, not the sentence around it
                clause = renamed.group(0) if renamed else re.split(r"[,，](?=[^,，]*(?:决定将|将))", sentence)[-1]
                clause = re.sub(r"^[（(][一二三四五六七八九十\d]{1,3}[)）]", "", clause)  # （四）原X更名为Y
                # (决定对镇议事协调机构进行调整 … 原X更名为Y: the renaming, not the adjusting before it, is the change)
                draft.document[:] = [f for f in draft.document if not (f["id"] == "rename" and f["label"] == "调整")]
                add_field(draft, "rename", "更名", clause, clause, line.section)
            elif _ADJUSTED.search(sentence):
                clause = sentence.rstrip(":：")  # 现将…调整如下： the list follows
                add_field(draft, "rename", "调整", clause, clause, line.section)
            elif repealed := _REPEALED.search(sentence):
                add_field(draft, "repealed", "废止", repealed.group(1), sentence, line.section)
            elif "下设" in sentence and "办公室" not in sentence.split("下设")[1][:4]:
                add_field(draft, "structure", "下设机构", sentence, sentence, line.section)
