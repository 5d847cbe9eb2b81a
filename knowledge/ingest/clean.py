"""Crawled page text → the notice text the facts quote: chrome, HTML and padding out, words kept.

The result stays close to the crawl (the bot shows quotes from it to users): only what is plainly
not the notice's own text is removed or rejoined, and lines are never reworded.
"""

from __future__ import annotations

import html
import re
from functools import cache

import opencc

from knowledge.ingest.document import chinese_date, small_number
from knowledge.ingest.names import SURNAMES, ends_as_post, is_name
from knowledge.ingest.roster import ROLES
from knowledge.ingest.table import group_rows, serial_roster_rows, serial_rows, tabbed_group_rows, table_rows
from knowledge.ingest.wrap import drop_page_footers, rejoin_wrapped

_URL_LINE = re.compile(r"^\s*(?:https?://|www\.)\S*\s*$")
_BLOCKS = re.compile(r"<%.*?%>|<(style|script)\b.*?</\1\s*>|<!--.*?-->", re.S | re.I)
_BREAK_TAGS = re.compile(r"<\s*(?:br|/p|p|/li|li|/tr|tr|/div|div|/h\d|h\d|/td)\b[^>]*>", re.I)
_TAG = re.compile(r"<[^>]{0,400}>")
_NBSP = re.compile(r"&nbsp;?", re.I)
_SPACES = re.compile(r"[ \t\u00a0\u3000\u2002\u2003\u200b\ufeff]+")
_CJK = "\u4e00-\u9fff"
# Chrome lines of a page around the notice: source/time bars, font-size buttons, counters, "听新闻".
_CHROME = re.compile(
    r"^(?:来源[:：].*|.*(?:发布时间|更新时间|浏览次数|累计次数|字体[:：]).*|\d{4}-\d{2}-\d{2} \d{2}:\d{2}(?::\d{2})?.*|"
    r"听新闻|\d{1,2}|【?打印】?|【?关闭】?|(?:【[^】]{1,6}】\s*)+|分享到.*|(?:当前位置|您当前的位置|当前的位置|您现在的位置)[:：].*"
    r"|(?:网站)?首页\s*[>›»].*|(?:上一篇|下一篇)[:：].*"
    # the site's footer: 主办(单位)：某某办公厅 承办 / 技术支持：… / 网站标识码：… / 某ICP备…号 (the site's, never the notice's)
    r"|主办(?:单位)?[:：]\S+\s+(?:承办|协办|网站标识码|技术支持)(?:单位)?[:：].*|.*(?:网站标识码[:：]|ICP备\d|公网安备\d).*"
    # the site's menu bar (首页 | 政务公开 | 政务服务 …) and its QR-code prompt (扫一扫在手机打开当前页)
    r"|(?:网站)?首页(?:\s*[|｜]\s*[^|｜\s]{2,10}){2,}|扫一扫[^。，,]{0,12}(?:打开|阅读|浏览)[^。，,]{0,8}"
    # the site's own bar: 某市人民政府门户网站 繁体版 | 简体版 (never the notice's title or issuer)
    r"|[^，,。；;：:]{0,30}(?:门户网站|門戶網站|繁体版|简体版|繁體版|簡體版)"
    r"(?:\s*[|｜/]?\s*(?:繁体版|简体版|繁體版|簡體版|无障碍|English|手机版))*)$"
)
# 相关阅读： and the other notices' titles the page lists under it, to the end of that list
_RELATED = re.compile(r"^(?:相关阅读|相关链接|相关文章|相关新闻|相关文件|延伸阅读)[:：]?.*$")
_LISTED_TITLE = re.compile(r"^(?![一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[)）])[^。；;]{4,100}$")
# The page's source bar, kept as its source and publication time only (the rest is chrome).
_PAGE_SOURCE = re.compile(r"^来源[:：]\s*([^\s:：]{2,30})(?:\s+发布时间[:：]\s*(\d{4}-\d{2}-\d{2}))?")
# Pinyin a converter inserted after characters: 区(qū), 现(xiàn).
_PINYIN = re.compile(rf"(?<=[{_CJK}])\(([a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*)\)")
_SPACED_LABEL = re.compile(rf"^((?:[{_CJK}] ){{1,5}}[{_CJK}])(?=[:：])")
# a role label spaced out inside a line whose breaks were lost (…副省长副 组 长：邓晓红): joined where it is a role
_SPACED_INLINE_LABEL = re.compile(rf"(?<![{_CJK}] )((?:[{_CJK}] ){{1,5}}[{_CJK}])(?=[:：])")
# a heading spaced out character by character: 一 、 组 成 人 员 / （二） 主 要 职 责
_SPACED_HEADING = re.compile(
    rf"^((?:[一二三四五六七八九十]{{1,3}} ?、)|(?:[（(][一二三四五六七八九十]{{1,3}}[)）])) ?((?:[{_CJK}] )+[{_CJK}])$"
)


@cache
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def clean(raw: str) -> str:
    """The notice text of a crawled page: one paragraph per line, no blank lines."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    if lines and _URL_LINE.match(lines[0]):
        lines = lines[1:]
    text = "\n".join(lines)
    paragraphs: frozenset[str] = frozenset()
    if _looks_like_html(text):
        paragraphs = _paragraph_ends(text)
        text = _strip_html(text)
    text = _NBSP.sub(" ", text)
    text = _to_simplified(text)
    text = _PINYIN.sub("", text)
    text = _remove_filter_dots(text)
    out: list[str] = []
    related = False  # inside the page's list of related links: other notices' titles, never this one's text
    pieces = _joined_pipe_rows(tabbed_group_rows(serial_roster_rows(text.split("\n"))))
    cells = [p for p in (_SPACES.sub(" ", piece).strip() for piece in pieces) if p]
    for line in group_rows(serial_rows(cells)):
        related = bool(_RELATED.match(line)) or (related and bool(_LISTED_TITLE.match(line)))
        if related:
            continue
        kept = _page_metadata(line)
        if kept is not None:  # 索引号：… 主题分类：… / 发布机构：… 发文日期：…: the page's 信息公开 block
            out.extend(kept)
            continue
        if _CHROME.match(line):
            page = _PAGE_SOURCE.match(line)
            if page:  # 来源: 启东市行政审批局 发布时间:2020-03-02 10:14 累计次数: …: who put it up, and when
                out.append(f"来源：{page.group(1)}" + (f" 发布时间：{page.group(2)}" if page.group(2) else ""))
            elif dated := _PAGE_DATE.search(line):  # 发布时间：2022-06-14 16:32 来源：省政府办公厅 浏览次数：
                out.append(f"发布时间：{dated.group(1)}")
            out.extend(_after_chrome(line))
            continue
        if not out and (titled := _SITE_AFTER_TITLE.match(line)):  # …的通知-东海大学信息公开网: the page's title
            line = titled.group(1)
        if out and _BROKEN_LABEL.match(out[-1]):  # 副 / 组长: — a label the crawl broke over two lines
            line = out.pop() + line
        elif out and _BROKEN_ENTRY.search(out[-1]) and _TAIL_OF_ENTRY.match(line):
            line = out.pop() + line  # 罗建英 城关镇党委书记、/ 人大主席团主席: a title the crawl wrapped
        elif out and _post_cut_from_unit(out[-1], line):
            line = out.pop() + line  # 杨某 种植业管理司（农药管理司）/ 副司长: the post wrapped after its unit
        out.extend(piece for part in _restore_breaks(_tidy(line)) for piece in _date_apart(part))
    out = rejoin_wrapped(drop_page_footers(out), paragraphs)  # a PDF's text: footers out, hard-wrapped lines joined
    return "\n".join(_drop_repeats(table_rows(out))) + "\n"


# a pair of the page's 政府信息公开 block: 索引号：YN-001/2023-00087, 发布时间：2024-03-20 16:42, 阅读次数：
_METADATA_PAIR = re.compile(
    r"(索\s?引\s?号|主题分类|发布机构|发文机关|发文日期|成文日期|文\s?号|发布日期|发布时间|信息来源|阅读次数|浏览次数"
    r"|公开方式|公开范围|有效性|主\s?题\s?词|体裁分类|组配分类)\s?[:：]\s?(\S*(?: \d{1,2}:\d{2}(?::\d{2})?)?)\s*"
)
_PUBLICATION = ("发布日期", "发布时间")
_PAGE_DATE = re.compile(r"^(?:发布时间|发布日期)[:：]\s*(\d{4}-\d{2}-\d{2})")  # the page's date, its source after


def _joined_pipe_rows(lines: list[str]) -> list[str]:
    """A markdown table row the crawl broke over two lines (| 成员 | 赵某 | 市某局某分局 / 局长 |) made one again:
    a line that opens a row without closing it, and the next one that closes it without opening one."""
    out: list[str] = []
    for line in lines:
        plain = line.strip()
        last = out[-1].strip() if out else ""
        if last.startswith("|") and not last.endswith("|") and plain.endswith("|") and not plain.startswith("|"):
            out[-1] = last + plain
            continue
        out.append(line)
    return out


def _page_metadata(line: str) -> list[str] | None:
    """A line of the page's 政府信息公开 block (two or more "key：value" pairs such as 索引号 / 发布机构 / 发文日期 / 文号,
    and the page's 【打印】 buttons): the page's, never the notice's text, but for its publication date, which is kept
    as written (发布日期：2023-08-16); None for any other line (来源：… 发布时间：… is the page's source bar)."""
    if line.startswith("来源"):
        return None
    pairs, at = [], 0
    while m := _METADATA_PAIR.match(line, at):
        pairs.append(m)
        at = m.end()
    rest = line[at:].strip()
    if len(pairs) < 2 or (rest and not re.fullmatch(r"(?:【[^】]{1,6}】\s*)+", rest)):
        return None
    return [m.group(0).strip() for m in pairs if m.group(1) in _PUBLICATION and m.group(2)]


# the page's chrome at the start of a line that goes on with the notice: breadcrumb, source, time, counters, font
_CHROME_PIECE = re.compile(
    r"^(?:(?:您?当前(?:的)?位置[:：]\s*)?(?:网站)?首页(?:\s*[>›»]\s*[^\s>›»]+)+|来源[:：]\s*\S+"
    r"|(?:发布时间|发布日期|更新时间)[:：]\s*\d{4}-\d{2}-\d{2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?"
    r"|(?:浏览次数|累计次数|阅读次数)[:：]\s*\d+|字体[:：]\s*\[?\s*大\s*中\s*小\s*\]?|【[^】]{1,6}】)\s*"
)
_NUMBER_AT_END = re.compile(r"\s+(?=[\u4e00-\u9fff]{1,10}[〔\[［]\d{4}[〕\]］]\s?\d{1,4}\s?号$)")
_LEAST_NOTICE = 8  # what is left after the chrome must be this long to be the notice's own (a title)


def _after_chrome(line: str) -> list[str]:
    """What a chrome line carries of the notice after the chrome (…字体:[大 中 小] X关于…的通知 X〔2023〕57号 — a
    crawl that put everything after the URL on one line): the title and the 文号 as lines of their own."""
    rest, source, date = line, None, None
    while (m := _CHROME_PIECE.match(rest)) and m.group(0):
        piece = m.group(0).strip()
        source = source or (re.sub(r"^来源[:：]\s*", "", piece) if piece.startswith("来源") else None)
        date = date or (found.group(0) if (found := re.search(r"\d{4}-\d{2}-\d{2}", piece)) else None)
        rest = rest[m.end() :]
    if rest == line or len(rest) < _LEAST_NOTICE or _CHROME.match(rest):
        return []
    page = (
        [f"来源：{source}" + (f" 发布时间：{date}" if date else "")] if source and not _PAGE_SOURCE.match(line) else []
    )
    return page + [piece for piece in _NUMBER_AT_END.split(rest.strip()) if piece]


def _looks_like_html(text: str) -> bool:
    return len(re.findall(r"</?(?:p|li|br|td|div|span|strong)\b", text, re.I)) >= 2 or "&nbsp" in text


# …工作。<strong>四、其他事项</strong>…: a bold numbered heading is a line of its own, whatever runs on around it
_BOLD_HEADING = re.compile(
    r"<(?:strong|b)\b[^>]*>\s*([一二三四五六七八九十]{1,3}、[^<。]{1,30})\s*</(?:strong|b)\s*>", re.I
)


_PARAGRAPH_END = re.compile(r"</\s*(?:p|div|li|h\d|td)\s*>", re.I)
_PARAGRAPH_TAIL = 6  # how many characters (spaces out) tell where a page's paragraph ends


def _paragraph_ends(text: str) -> frozenset[str]:
    """How the page's paragraphs end (their last characters, spaces out): a line that ends so ends a <p>, which is
    never a line wrapped into the next (a <br> may be)."""
    text = _BLOCKS.sub("", text)
    ends = set()
    for m in _PARAGRAPH_END.finditer(text):
        before = html.unescape(_TAG.sub("", text[max(0, m.start() - 400) : m.start()]))
        tail = re.sub(r"\s", "", _NBSP.sub("", before))[-_PARAGRAPH_TAIL:]
        if len(tail) == _PARAGRAPH_TAIL:
            ends.add(tail)
    return frozenset(ends)


# <td>省发展改革委主任</td><td>李　军</td>: the cells of a row, kept apart as a table's are (省发展改革委主任 | 李　军)
_CELL_BREAK = re.compile(r"</\s*td\s*>[ \t]*<\s*td\b[^>]*>", re.I)


def _strip_html(text: str) -> str:
    text = _BLOCKS.sub("", text)
    text = _CELL_BREAK.sub(" | ", text)
    text = _BOLD_HEADING.sub(lambda m: f"\n{m.group(1)}\n", text)
    text = _BREAK_TAGS.sub("\n", text)
    text = _TAG.sub("", text)
    text = _NBSP.sub(" ", text)
    return html.unescape(text)


def _to_simplified(text: str) -> str:
    """Traditional → simplified, where the text is traditional: all of it, or the paragraphs that are (a page
    that has one paragraph in traditional characters); a simplified text stays as it is."""
    if _traditional(text, 5, 0.02):
        return _t2s().convert(text)
    return "\n".join(_t2s().convert(line) if _traditional(line, 3, 0.1) else line for line in text.split("\n"))


def _traditional(text: str, least: int, share: float) -> bool:
    converted = _t2s().convert(text)
    changed = sum(a != b for a, b in zip(text, converted, strict=False))
    cjk = len(re.findall(f"[{_CJK}]", text)) or 1
    return changed >= least and changed / cjk > share


def _remove_filter_dots(text: str) -> str:
    """党.委.书.记. → 党委书记: a dot between CJK characters that repeats is noise, not punctuation."""

    def run(match: re.Match[str]) -> str:
        return re.sub(r"[.·•]", "", match.group(0))

    return re.sub(rf"(?:[{_CJK}][.•]){{2,}}(?=[{_CJK}、，,])", run, text)


def _tidy(line: str) -> str:
    """Join a spaced-out heading (一 、 组 成 人 员 → 一、组成人员), a spaced-out label (组 长: → 组长:, there
    or inside a run-on roster) and a name padded to three characters (肖 捷 → 肖捷)."""
    heading = _SPACED_HEADING.match(line)
    if heading:
        return line.replace(" ", "")
    line = _SPACED_LABEL.sub(lambda m: m.group(1).replace(" ", ""), line)
    line = _SPACED_INLINE_LABEL.sub(_joined_role, line)
    return _SPACED_IN_TEXT.sub(_joined_name, _join_padded_names(line))


# 由市应急管理局局长魏 东兼任 / 原组长何 斌不再担任 / 接替刘 敏； / 主任由钟 磊同志兼任: a two-character name padded
# inside a sentence, right after its post, after 接替 or 由, before what the sentence says of it
_SPACED_IN_TEXT = re.compile(
    rf"(?<=[长任记员席替由])([{_CJK}]) ([{_CJK}])(?=(?:同志)?(?:兼任|担任|任|为|不再|接替|[，,。、；;（(]))"
)


def _joined_name(match: re.Match[str]) -> str:
    before = match.string[: match.start()]
    joined = match.group(1) + match.group(2)
    after = match.string[match.end() :]
    # after 由 only a person's own words follow (由钟 磊同志兼任), never a list's (由市 县…)
    named = before.endswith("接替") or (before.endswith("由") and re.match(r"同志|兼任|担任", after))
    return joined if match.group(1) in SURNAMES and (ends_as_post(before) or named) else match.group(0)


def _joined_role(match: re.Match[str]) -> str:
    joined = match.group(1).replace(" ", "")
    return joined if joined in ROLES else match.group(1)


def _join_padded_names(line: str) -> str:
    """A two-character name padded with a space stands where a name stands (line start, after a label
    or 、, glued to the post before it, or ending the line after its title): 王 曦副省长 → 王曦 副省长, 韩 正 国务院副总理 → 韩正
    国务院副总理, 省财政厅副厅长 唐 鸣 → 省财政厅副厅长 唐鸣."""
    starts = [0] + [m.end() for m in re.finditer(r"^[（(][一二三四五六七八九十]{1,3}[)）]\s*|[:：、（(]\s*", line)]
    for m in re.finditer(rf"(?<=[{_CJK}]) (?=[{_CJK}] [{_CJK}](?:$|[（(]))", line):
        if ends_as_post(line[: m.start()]):
            starts.append(m.end())
    # a roster whose breaks were lost: the next name glued to the post before it (…副书记陈 静 街道党工委委员)
    for m in re.finditer(rf"(?<=[{_CJK}])(?=[{_CJK}] [{_CJK}] [{_CJK}])", line):
        if ends_as_post(line[: m.start()]):
            starts.append(m.start())
    for start in sorted(set(starts), reverse=True):
        m = re.match(rf"([{_CJK}]) ([{_CJK}])(\s?)(?=(.?))", line[start:])
        if not m or m.group(1) not in SURNAMES:
            continue
        after = m.group(4)
        joined = m.group(1) + m.group(2)
        rest = line[start + m.end() :]
        if not m.group(3) and re.match(rf"[{_CJK}](?:[（(、，,]|$)", rest):
            joined += rest[0]  # 尹 晓岚（省财政厅副厅长）: a three-character name padded after its surname
            line = line[:start] + joined + rest[1:]
            continue
        if after and re.match(f"[{_CJK}]", after) and not m.group(3):
            joined += " "  # the title was glued to the padded name: keep a separator after the name
        elif m.group(3):
            joined += " "
        line = line[:start] + joined + line[start + m.end() :]
    # 县财政局副局长 冯 建华: a three-character name padded after its surname, ending the line after its title
    end = re.search(rf"(?<=[{_CJK}]) ([{_CJK}]) ([{_CJK}]{{2}})$", line)
    if end and end.group(1) in SURNAMES and ends_as_post(line[: end.start()]):
        line = f"{line[: end.start()]} {end.group(1)}{end.group(2)}"
    return line


# 一、 after a sentence, or glued to the last roster entry (…副参谋长三、工作机构), but not 三、四个 / 一、二级
_HEADING_INLINE = re.compile(
    r"(?:(?<=[。:：;；])\s*|(?<=[\u4e00-\u9fff]))(?=[一二三四五六七八九十]{1,3}、[^一二三四五六七八九十\d])"
)
_BROKEN_LABEL = re.compile(r"^(?:常务)?副$")
# the page's title: the notice's, then the site's name, perhaps after its column's (…的通知-东海大学信息公开网 /
# …的通知_省政府办公厅文件_某某省人民政府门户网站)
_SITE_AFTER_TITLE = re.compile(
    r"^(.{6,}?(?:通知|决定|函|意见|办法|批复))(?:\s*[-—_|｜]+\s*[^-—_|｜]{2,24}){0,2}?"
    r"\s*[-—_|｜]+\s*[^-—_|｜]{2,24}(?:网|网站|门户|平台)$"
)
# a roster entry that ends in 、 goes on in the next line, where that line is only more of its title
_BROKEN_ENTRY = re.compile(r"^.{4,}[\u4e00-\u9fff]、$")
_TAIL_OF_ENTRY = re.compile(r"^(?![一二三四五六七八九十]+、)[\u4e00-\u9fff、（）()]{2,30}$")
# a roster entry "name unit" whose post the crawl wrapped onto a line of its own (副司长 / 副主任 alone)
_ENTRY_AT_UNIT = re.compile(
    r"^(?:[\u4e00-\u9fff]{1,5}[:：])?\s*[\u4e00-\u9fff]{2,3} [\u4e00-\u9fff]{2,24}"
    r"(?:司|局|委|办|厅|处|室|中心|院|部|署)(?:[（(][\u4e00-\u9fff]{2,20}[)）])?$"
)
_POST_ALONE = re.compile(r"^(?:常务)?副?[\u4e00-\u9fff]{1,4}$")


def _post_cut_from_unit(entry: str, line: str) -> bool:
    """Whether ``line`` is only the post of the roster entry before it, which ends at its unit: a post by itself
    (副司长, 副主任) — not a label (副主任：), a name or a heading — after "name unit" (杨某 种植业管理司)."""
    return bool(_ENTRY_AT_UNIT.match(entry) and _POST_ALONE.match(line) and ends_as_post(line))


_LABEL_INLINE = re.compile(
    r"(?<=[\u4e00-\u9fff。)）])(?<!副)(?<!常务)(?<!第一)(?=(?:副组长|组长|成员|召集人|副召集人|指挥长|副指挥长|主任|副主任|委员|秘书长)[:：])"
)


# （二）抢险救援组。 after a sentence: a numbered item of its own
_ITEM_INLINE = re.compile(r"(?<=[。;；])\s*(?=[（(][一二三四五六七八九十]{1,3}[)）])")
_HEADING_AT_END = re.compile(r"(?<=[。;；])\s*[（(][一二三四五六七八九十]{1,3}[)）][^。;；，,：:]{2,20}$")


# 三、 after a sentence, not 三、四个 / 一、二级: a first-level heading run on after the one the line opens with
_HEADING_AFTER = re.compile(r"(?<=[。;；])\s*(?=([一二三四五六七八九十]{1,3})、[^一二三四五六七八九十\d])")
_HEADING_OPENS = re.compile(r"^([一二三四五六七八九十]{1,3})、")


def _headings_in_turn(line: str) -> str:
    """二、专题会议。…印发。三、联络员会议。…。四、信息报送。…: the headings that follow the one the line opens with
    in turn (三、 after 二、, then 四、), each after a sentence, are the notice's next parts; any other 三、 stays."""
    opens = _HEADING_OPENS.match(line)
    if opens is None:
        return line
    expected, start, pieces = small_number(opens.group(1)) + 1, 0, []
    for m in _HEADING_AFTER.finditer(line):
        if small_number(m.group(1)) == expected:
            pieces.append(line[start : m.start()])
            start, expected = m.end(), expected + 1
    return "\n".join([*pieces, line[start:]])


def _restore_breaks(line: str) -> list[str]:
    """A line that lost its breaks: numbered items run on after sentences (…工作。（一）综合协调组。…。（二）…) and
    first-level headings in turn after the one it opens with (二、…。三、…) are broken apart; a very long line also
    before any heading (一、) and role labels (组长:)."""
    line = _headings_in_turn(line)
    # （二）…接替熊某；（三）增补…: an item that opens the line and another run on after it, or several run on
    inline = len(_ITEM_INLINE.findall(line))
    if (
        inline >= 2
        or (inline and re.match(r"^[（(][一二三四五六七八九十]{1,3}[)）]", line))
        or (inline and _HEADING_AT_END.search(line))
    ):
        line = _ITEM_INLINE.sub("\n", line)
    if len(line) < 300:
        return line.split("\n")
    line = _HEADING_INLINE.sub("\n", line)
    parts: list[str] = []
    for part in line.split("\n"):
        parts.extend(p for p in _LABEL_INLINE.sub("\n", part).split("\n") if p)
    return parts


# 二〇二三年三月八日某区人民政府办公室 2023年3月9日印发: the signing date glued to the line that says when it was printed
_DATE_GLUED = re.compile(
    r"^((?:\d{4}|[〇○零一二三四五六七八九]{4})年[\d〇○零一二三四五六七八九十]{1,3}月[\d〇○零一二三四五六七八九十]{1,3}日)(.{4,}印发)$"
)


def _date_apart(line: str) -> list[str]:
    m = _DATE_GLUED.match(line)
    return [m.group(1), m.group(2).strip()] if m and chinese_date(m.group(1)) else [line]


_LABELLED = re.compile(r"^[\u4e00-\u9fff]{1,8}[:：]")


def _drop_repeats(lines: list[str]) -> list[str]:
    """A paragraph given twice stays once; so does a title given whole and again split over lines."""
    lines = _drop_doubled(lines)
    out: list[str] = []
    seen: set[str] = set()
    i = 0
    while i < len(lines):
        line = lines[i]
        key = line.replace(" ", "")
        signature = i + 1 < len(lines) and chinese_date(lines[i + 1].replace(" ", "")) is not None
        if _LABELLED.match(key) or signature or _roster_entry(line):  # 主任委员:刘雪荣 or 吕某 市某局局长 may stand
            out.append(line)  # under two bodies: a roster line is never a repeat; nor is the issuer signing above
            # the date (it headed the page too)
            i += 1
            continue
        if key in seen and len(key) >= 8:
            i += 1
            continue
        # a run of short lines that together repeat an earlier line
        joined, j = "", i
        while j < len(lines) and len(joined) < 120:
            joined += lines[j].replace(" ", "")
            j += 1
            if j > i + 1 and joined in seen:
                break
        if j > i + 1 and joined in seen:
            i = j
            continue
        seen.add(key)
        out.append(line)
        i += 1
    return out


def _roster_entry(line: str) -> bool:
    """A roster line of one person, name then post (吕某 市住房城乡建设局局长): one who sits on two bodies is
    named under each."""
    parts = line.split(maxsplit=1)
    return len(parts) == 2 and is_name(parts[0]) and ends_as_post(parts[1]) and not re.search(r"[。;；:：]", line)


def _drop_doubled(lines: list[str]) -> list[str]:
    """A crawl that gives every line twice, or the whole text twice: each line once, the text once. A line
    the same as the one before it is never the notice's own (a roster line too: 组长:陈建国 twice is one)."""
    keys = [line.replace(" ", "") for line in lines]
    half = len(lines) // 2
    if half >= 3 and len(lines) % 2 == 0 and keys[:half] == keys[half:]:
        lines, keys = lines[:half], keys[:half]
    return [line for k, line in enumerate(lines) if not k or keys[k] != keys[k - 1]]
