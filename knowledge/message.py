"""A message taken apart into its questions, each read once.

A message is cut into sentences (at 。？！；, line breaks and enumerations: 第一… 第二…), and each
sentence into clauses (at commas and colons). A clause is
- framing: it starts like a greeting, thanks or a self-introduction (您好 / 谢谢 / 我是区县发改委的)
  and asks nothing; what it names is the asker's own (我们单位 …), never the subject of the question;
- a question: it asks (谁 / 哪 / 吗 / 请问 …), or names a subject and a relation (法治组组长);
  framing before the ask inside one clause is cut off (我是住建系统的工程师想问下… → 想问下…);
- narrative: anything else (我看到罗蔺这个名字出现了好几次); what it names is what a pronoun of the
  question points at (…想问下他担任了哪些职务).
The question of a sentence is its question clauses when one of them names or points at a subject;
otherwise (协调小组下设3个专题组，对吗 / 创业融资难，哪个组负责) the sentence without its framing.
Every clause is read once and the work is bounded: a very long message keeps its head and its tail.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from itertools import pairwise

from knowledge.answer import Context
from knowledge.intents.about_answer import DOUBT
from knowledge.intents.elsewhere import SHOULD
from knowledge.lexicon import Cue, MessageWords
from knowledge.matcher import Entity, EntityKind
from knowledge.normalize import without_emoticons
from knowledge.resolve import ORDINAL_ANY, RELATION_CUES, bare_pronoun
from knowledge.tools import AFTER
from knowledge.understand import Query

# a question mark stays with its sentence: 罗蔺是法治组组长？ is a claim to judge, not a statement
_SENTENCE_END = re.compile(r"(?<=[?？])(?![?？])|[!！。;；\n]+")
_CLAUSE_BREAK = re.compile(r"[,，:：]+")
# a space typed between two words of two or more characters each may end a question (主任办公会议谁主持 多久开一次),
# not the spaces between single characters (法 治 组)
_SPACE = re.compile(r"(?<=[\u4e00-\u9fff]{2})\s+(?=[\u4e00-\u9fff]{2})")
# where a question typed on without a break may end (法治组组长是谁|负责啥, 商事组组长是谁|副组长单位有哪些)
_RUN_ON_LONGEST = 40  # characters: questions typed on without a break are short
_ASKED_END = re.compile(
    r"(?:是谁|是哪位|是什么|是啥|有哪些|有谁|在哪里|在哪儿|在哪|吗)(?![几些个里儿位种类方面家样]|一(?!共))(?=[\u4e00-\u9fff]{2})"
    r"|(?:是哪个|是哪家|有几个|是几个)(?![组小单部局委厅办会专工领指])(?=[\u4e00-\u9fff]{2})"  # …组长单位是哪个成员单位有哪些
)
_BREAKS = re.compile(r"[?？!！。;；\n,，:：]|[1-9][.、．)）]")
# 几 asks in 几个 / 几位 / 几号, not in 这几年 / 好几次 / 前面几页; the asking itself asks nothing yet
_NOT_ASKING = re.compile(
    r"[这近前好]几|几(?![个位家项条组号天月年次人名种类点职份级])|几乎|查一下|查查|帮我查|没什么|不知道"
)
_YEAR = re.compile(r"(?:19|20)\d{2} ?年")
_THIS = re.compile(r"这(?:套|种|些|项|类|样|个)?(?:做法|事情|事|问题|情况|工作|东西|措施|块)")
# 群里有人说X，是真的吗 / X，对吗: a claim heard and asked about, one yes/no question (X吗)
_HEARD = re.compile(
    r"^(?:(?:群里|听|据|有人|朋友|同事|领导|大家|网上|报道|新闻|媒体|帖子|文章)[^，,。？?]{0,6}?(?:说|讲|传|称)(?:的)?[:：，,]?\s*)?"
    r"(.{4,80}?)[，,。]?\s*(?:这|此话|这话|这个|这事)?(?:是真的吗|是真的不|是不是真的|真的吗|对吗|对不对|靠谱吗|属实吗|核实一下|帮忙核实|求证一下)"
    r"[？?。！!]*$"
)


# 我听说唐英瑜是市科技局局长: a claim heard, told with nothing asked — to be checked all the same
_HEARD_ONLY = re.compile(
    r"^(?:我)?(?:听说|据说|听人说|听别人说|听同事说)(?:了)?[,，:：]?\s*([^？?吗呢谁啥哪]{4,60}?)[。!！]?$"
)


def _heard_claim(message: str) -> str:
    """群里有人说多证合一是精简行政审批组负责的，是真的吗 → 多证合一是精简行政审批组负责的吗."""
    found = _HEARD.match(message.strip()) or _HEARD_ONLY.match(message.strip())
    # (听说2023年又调整了一次: a premise of the asker's, not a claim X是Y to judge)
    if found is None or (found.re is _HEARD_ONLY and ("是" not in found.group(1) or _YEAR.search(found.group(1)))):
        return message
    claim = found.group(1).rstrip("，,。？?")
    return claim if claim.endswith(("吗", "吧")) else claim + "吗"


_PREMISE = re.compile(r"^(?:既然|听说|据说|通知说|不是说|我听说|我记得|记得)")
_CORRECTION = ("我是说", "我说的是", "我问的是", "我想问的是")  # 我是说综合组: no self-introduction
_CONTINUATION = ("又", "还", "并且", "而且", "以及", "同时")
_WHERE_SITS = re.compile(r"哪(?:个|些|几个)?组|担任(?:什么|啥)|(?:什么|啥)(?:角色|关系)")
# 我也不知道找哪个窗口: a wondering told in a story
# 我也不知道… / …，怎么没说: told in a story or a complaint about the answer, not asked
_KINDS = frozenset({Cue.TOPIC_GROUPS, Cue.SUPPORT_GROUPS, Cue.ALL_GROUPS})
_FACETS = frozenset({Cue.LEADER, Cue.DEPUTY, Cue.MEMBERS, Cue.OFFICE_DIRECTOR, Cue.OFFICE_DEPUTY})
_WONDERING = re.compile(
    r"不知道|不清楚|不确定|搞不清|弄不清|^(?:那)?(?:怎么|为什么|为啥|咋)没(?:有)?(?:说|写|提|列)(?:呢|啊)?$"
)
_COUNTED = re.compile(r"(?:\d+|[一二两三四五六七八九十])个")  # 答4个对吗: a count claimed
# 协调小组本身负责什么（不是下面的专题组）: what the asker sets aside in brackets is not asked about
_SET_ASIDE = re.compile(r"[（(]\s*(?:不是|不要|不包括|不含|而不是|并非|非)[^（）()]{1,30}[）)]")
_NUMBERED = re.compile(r"\s*(?:[1-9][.、．)）]|[①-⑩])")  # an item of a numbered list (1) / 2、/ ③)
_QUOTED = re.compile(r"[“「『]([^”」』]{4,80})[”」』]")
_BACK = re.compile(
    r"这些|这种|这类|这事|这个事|这方面|这块|上述|以上|这句|这个说法|这种说法|这么写|这样写"
)  # what the story before told of
# 还有督查组 / 另外法治组: one more subject said after a question, nothing asked of it (the same is)
_AND_ALSO = re.compile(r"(?:^|[:：，,\s])(?:还有|以及|另外)([\u4e00-\u9fff]{2,20}?)(?=$|[^\u4e00-\u9fff])")
_TAKEN_BACK = re.compile(r"^\s*(?:不是|不对)[^，,。？?]{1,12}[，,]\s*(?=我是说|我说的是|我问的是|我想问的是|是)")
# a statement set as a true-or-false item (判断：…（对/错） / …，是否正确 / …。判断对错): a claim, read without the marks
TRUE_FALSE = re.compile(
    r"^判断题?[:：]?|[（(]\s*(?:对|正确|是)\s*[/／、或]\s*(?:错|错误|否)\s*[）)]|[,，]?是否正确"
    r"|[，,。.]?\s*(?:请)?(?:判断(?:对错|正误|真假)|对还是错|是对是错)[。.？?！!]*$"
)
# 我们区的督查组组长一般是区政府办主任，市里的…: what the asker says of their own government, before a question of
# the notice's, tells how they compare and asks nothing (但 我们区县要不要参照市里…: their own is asked)
_OURS_TOLD = re.compile(
    r"^[^。？?]*?(?:我们|咱们|我|咱)[^，,。？?]{0,6}?(?:区县|区|县|乡镇|镇|街道|乡)[^。？?]*?[，,。；;]\s*"
    r"(?=[^，,。？?]*?(?:市|省)(?:里|级|一级|上|政府|这边|那边))"
)
_THEIRS_AGAIN = re.compile(r"我们|咱们|咱")  # the asker's own named again after the notice's
# 下一题：… / 再来一题：… / 第三题：…: an item of a quiz, introduced
# 表格第六行：… / 第七行督查组: a row of a table being filled, introduced
_ITEM_FRAME = re.compile(
    r"^(?:(?:下一题|再来一题|再来一个|第[一二三四五六七八九十\d]{1,2}题)[：:，,]\s*"
    r"|(?:表格|表里|表上)?第[一二三四五六七八九十\d]{1,2}(?:行|栏)(?:[：:，,]\s*|(?![我的里漏])))"
)
# 法治组，同样两栏 / 督查组也一样: the same asked of it as of the one before
_SAME_AGAIN = re.compile(
    r"[，,\s]*(?:同样|一样|同上|也一样|也是这样|照样)的?(?:两栏|两项|这两项|这两栏|这几项|几栏)?(?:也?填一下)?[。.!！]*$"
)
# a lettered option of a quiz item (A.唐良智 / B、法治组 / C市公安局), and how such an item is introduced
_OPTION = re.compile(r"(?<![A-Za-z])([A-F])\s*[.．、:：)）]?\s*(?=[\u4e00-\u9fff“\"])")
_QUIZ_FRAME = re.compile(r"^(?:下一题|再来一题|再问|考试|考题|考卷)?[：:，,\s]*(?:单选题?|多选题?|选择题?)[：:，,\s]*")
_BLANK = re.compile(r"[（(]\s*[）)]|_{2,}")
_MAX_CLAUSES = 12  # of one sentence, the last ones: a question comes at the end of what frames it


def lettered_options(message: str) -> str:
    """A quiz item with lettered options (选择题：协调小组组长是（ ）A.吴存荣 B.唐良智 …) as one question: its stem,
    the blank as 哪个, then the options, each with its letter (A.吴存荣 B.唐良智), so no separator splits them off;
    any other message as it is."""
    markers = list(_OPTION.finditer(message))
    start = next((i for i, m in enumerate(markers) if m.group(1) == "A"), None)
    if start is None:
        return message
    run = [markers[start]]
    for marker in markers[start + 1 :]:
        if ord(marker.group(1)) == ord(run[-1].group(1)) + 1:
            run.append(marker)
    if len(run) < 2:
        return message
    stem = _BLANK.sub("哪个", _QUIZ_FRAME.sub("", message[: run[0].start()])).rstrip("？?：:，,。 \t")
    ends = [m.start() for m in run[1:]] + [len(message)]
    options = [f"{m.group(1)}.{message[m.end() : end].strip(' ，,、;；。')}" for m, end in zip(run, ends, strict=True)]
    return f"{stem} {' '.join(options)}"


@dataclass(frozen=True)
class Piece:
    """One question of a message: its text, and what the sentence's other clauses named."""

    text: str
    named: tuple[Entity, ...] = ()  # in narrative clauses: what 他 / 这个组 may point at
    introduced: tuple[Entity, ...] = ()  # in the asker's self-introduction: what 我们 means
    first_person: bool = False  # the question speaks of the asker (我们单位在哪个组)

    def context(self, chat: Context | None) -> Context | None:
        """The context the question is read in: the sentence's own names before the chat's."""
        own = self.introduced if self.first_person and self.introduced else self.named
        if not own:
            return chat
        people = tuple(e.id for e in own if e.kind is EntityKind.PERSON)
        return Context(entities=own, mentioned=own, people=people)


class MessageReader:
    def __init__(
        self,
        words: MessageWords,
        read_form: Callable[[str], str],
        read: Callable[[str], Query],
        has_topic: Callable[..., bool],
        names: Callable[[Entity], str],
    ) -> None:
        """``read_form`` normalises, ``read`` reads a clause; ``has_topic`` tells whether a clause
        names a piece of the notice's work of its own (科研经费, not 解决)."""
        self.words = words
        self.read_form = read_form
        self.read = read
        self.has_topic = has_topic
        self.names = names
        markers = "|".join(map(re.escape, sorted(words.enumeration, key=len, reverse=True)))
        self._enumeration = re.compile(f"(?:^|(?<=[,，、 ]))(?={markers})|(?<![\\d.])(?=[1-9][.、．)）])|(?=[①-⑩])")

    def split(self, message: str, cap: int) -> list[Piece]:
        """The questions of ``message``, in order; a message longer than ``cap`` keeps both ends.
        Sentences that ask nothing (谢谢，我在手机上看不方便) are left out when another one asks."""
        message = without_emoticons(message)
        if len(message) > cap:
            message = message[: cap // 2] + "。" + message[-cap // 2 :]
        message = lettered_options(_ITEM_FRAME.sub("", _SET_ASIDE.sub("", message)))
        message = _SAME_AGAIN.sub("呢", message) if _SAME_AGAIN.search(message) and len(message) < 40 else message
        told = _OURS_TOLD.match(message)
        theirs = told is not None and (SHOULD.search(message, told.end()) or _THEIRS_AGAIN.search(message, told.end()))
        if told is not None and not theirs:
            # 我们区的督查组组长一般是区政府办主任，市里的督查组是谁牵头: the notice's, asked of what it names (but 市里
            # 是谁 names nothing: the told clause says what is asked, its words read with it)
            rest = message[told.end() :]
            if self.read(self.read_form(rest)).mentions:
                message = rest
        message = _heard_claim(message)
        if TRUE_FALSE.search(message):  # 判断：许洪斌是市市场监管局局长。: one statement to judge
            return [Piece(message)]
        if not _BREAKS.search(message) and not _SPACE.search(message) and len(self._run_on(message)) == 1:
            return [Piece(message)] if message.strip() else []
        if DOUBT.match(message.strip()):  # 你确定吗，不是张德宽？: one doubt of the answer before, the name offered
            return [Piece(message)]
        message = _TAKEN_BACK.sub("", message)  # 不是海关，我说的是银保监局: what is taken back is not asked
        pieces: list[tuple[Piece, bool]] = []
        numbered = len(_NUMBERED.findall(message)) >= 2
        for sentence in _SENTENCE_END.split(message):
            for part in self._enumeration.split(sentence):
                if numbered and _NUMBERED.match(part) and not self._asks_in_words(self.read_form(part)):
                    part += "是什么"  # 1) …组长是谁；2) 这个组在监管方面的职责: a numbered item asks what it names
                pieces += self._pieces(part)
        if not any(asks for _, asks in pieces):
            # no sentence asks: each is its own question (海关也在里面？), what it names it names itself, and a
            # pronoun in it still points at the chat's subject
            return [replace(piece, named=()) for piece, _ in pieces]
        # A sentence that asks nothing is no question of its own here; what it names is what the next
        # question may point at (罗蔺！！！负责啥), and otherwise it is left out (谢谢，字太小了).
        kept: list[Piece] = []
        names: tuple[Entity, ...] = ()
        story = ""
        for piece, asks in pieces:
            also = _AND_ALSO.search(piece.text) if not asks and kept and piece.named else None
            if also:  # 组长是谁？ 法治组呢？ 还有督查组: one more subject, the same asked of it
                kept.append(replace(piece, text=f"{also.group(1)}呢", named=()))
                continue
            if asks and kept and self._name_only(piece.text):
                # 办公室副主任是谁？叫什么名字: the name of the one just asked, the same question again
                kept[-1] = replace(kept[-1], text=f"{kept[-1].text.rstrip('？?。')}，{piece.text}")
                continue
            if not asks:
                names = piece.named or names
                story = piece.text
                continue
            back = story and _BACK.search(piece.text) and not piece.named and not self._has_own_topic(piece.text)
            quoted = _QUOTED.search(story) if back else None  # 稿子里写“…”，这句对吗: the words quoted are the claim
            told = quoted.group(1) if quoted else self._told(story) if back else ""
            if told:  # …医疗保险异地联网办理…。请问这些是哪个组负责的: these are what the story told of
                piece = replace(piece, text=f"{told}，{piece.text}")
            story = piece.text  # (a question asked on the way is part of the story too)
            if names and not piece.named:
                kept.append(replace(piece, named=names))
                names = ()
            else:
                kept.append(piece)
                names = ()
        return kept

    def _name_only(self, text: str) -> bool:
        """Whether a question asks only a name, of nothing it names (叫什么名字 / 名字叫啥)."""
        query = self.read(self.read_form(text))
        return query.cues == frozenset({Cue.NAME}) and not query.entities and not query.content

    def _pieces(self, sentence: str) -> list[tuple[Piece, bool]]:
        """The questions of one sentence, each with whether it asks (a clause with 谁 / 吗 …)."""
        questions: list[list[str]] = []  # the clauses of each question
        named: list[list[Entity]] = []  # what the narrative before each question named
        subjectless: list[bool] = []  # the question asks a facet of nothing it names (组长是谁，…)
        narrative: list[str] = []
        describing: list[str] = []  # narrative clauses that name or describe a subject
        plain_describing: list[str] = []  # of those, the ones that only describe a piece of work
        names: list[Entity] = []
        introduced: list[Entity] = []
        own_names: list[str] = []  # how the introduction named the asker's unit (a name the notice may lack)
        first_person = False
        parts = [piece for part in _CLAUSE_BREAK.split(sentence) for piece in self._spaced(part) if piece.strip()]
        parts = parts[-_MAX_CLAUSES:]
        clauses = [clause for part in parts for clause in self._run_on(part)]
        candidates = ""
        for clause in clauses[-_MAX_CLAUSES:]:
            clause, candidates = candidates + clause, ""
            form = self.read_form(clause)
            if not form:
                continue
            query = self.read(form)
            asks = self.asks(form, query)
            if not asks and _listed(query):
                candidates = clause  # 吴存荣、欧顺清、罗蔺，谁不是副组长: the question chooses among them
                continue
            premise = _PREMISE.match(clause)
            holders = [e for e in query.entities if e.kind is not EntityKind.GROUP]
            if premise and not asks and holders and not _YEAR.search(form):
                # 既然许洪斌是法治组组长，那…: the premise is judged first (corrected where false), and what it
                # names is what the question after it points at
                questions.append([f"{clause[premise.end() :]}吗"])
                named.append([])
                subjectless.append(False)
                narrative, describing, plain_describing, names = [], [], [], list(query.entities)
                continue
            if form.startswith(self.words.framing) and not form.startswith(_CORRECTION):
                start = self._ask_start(clause)
                if not asks and start is None:
                    introduced += query.entities
                    own_names += [*map(self.names, query.entities), *filter(None, [query.foreign_unit])]
                    continue
                if start is not None:  # 我是住建系统的工程师想问下… / 烦请告知…: the question begins there
                    introduced += self.read(self.read_form(clause[:start])).entities
                    clause, form = clause[start:], self.read_form(clause[start:])
                    query = self.read(form)
                    asks = True
            if not asks:
                # a subject named bare (法治组，组长是谁) or with what is asked of it (就差协调小组领导这一页),
                # or described (那个管证照分离的组); not one met in passing (平时跟海关打交道比较多)
                bare_subject = bool(query.entities) and (not query.content or bool(query.cues & RELATION_CUES))
                described = self.has_topic(query) or query.has(Cue.DESCRIBED_GROUP) or bool(_YEAR.search(form))
                # (各专题组的共同职责，通知怎么说的: a kind of group and what is asked of it)
                kind_facet = bool(query.cues & _KINDS) and bool(query.cues & RELATION_CUES - _KINDS)
                names_subject = bare_subject or described or kind_facet  # (听说2023年又调整了一次: the year too)
                # 下一行是改善社会服务组，组长那栏我空着，该填谁: the place the question after it is about
                facet = not query.entities and bool(query.cues & _FACETS) and bool(describing)
                if questions and (form.startswith(_CONTINUATION) or (subjectless[-1] and names_subject)):
                    questions[-1].append(clause)  # …又担任B组组长 / 组长是谁，协调小组的
                    subjectless[-1] = subjectless[-1] and not names_subject
                else:
                    narrative.append(clause)
                    names += query.entities
                    if names_subject or facet:
                        describing.append(clause)
                        if not query.entities and not query.cues:
                            plain_describing.append(clause)  # the work alone, naming nothing else
                continue
            asker = next((w for w in self.words.first_person if w in clause), None)
            # 我们原来是工商局，现在合并成市场监管局了，我们局…: the unit the narrative named, where the
            # introduction named none the notice has
            units = [e for e in names if e.kind is EntityKind.UNIT]
            own = introduced[0] if introduced else units[-1] if asker and units else None
            if asker and own is not None:  # 我们单位是市经信委，…我们在哪个组: the asker is the unit introduced
                clause = clause.replace(asker, self.names(own), 1)
                form = self.read_form(clause)
                query = self.read(form)
            elif (
                own_names and not narrative and _of_asker(query) and not self.has_topic(query)
            ):  # 我们是市交通局，在哪个组 / 我单位是市卫健委，算哪个组的
                clause = own_names[0] + clause
                form = self.read_form(clause)
                query = self.read(form)
                asker = own_names[0]
            first_person = first_person or asker is not None
            points = query.has(Cue.PRONOUN) or bare_pronoun(form) is not None
            # 去政府办事窗口那些人态度差，哪个组监督他们: the pronoun points at what the sentence described
            points = points and not (describing and not names)
            topic = self.has_topic(query)
            # 最后一个呢 / 后面呢: one of what the chat just listed, or the rest of what it said
            picks = ORDINAL_ANY.search(form) is not None or AFTER.search(form) is not None
            if not (query.entities or points or topic or query.cues or query.content or query.document_fields or picks):
                continue  # 想先确认一下: the asking, not a question
            # 哪个组负责 asks for a group by its work; 办公室设在哪个单位 asks a facet of what it names
            asks_group = query.has(Cue.WHICH_GROUP) and not query.cues & (RELATION_CUES - {Cue.ROLES})
            # a kind of group is a subject (专题组有几个), unless it is what is asked for (哪个专题组牵头)
            kinds = query.has(Cue.TOPIC_GROUPS, Cue.SUPPORT_GROUPS, Cue.ALL_GROUPS) and not query.has(Cue.WHICH_GROUP)
            subject = bool(query.entities) or kinds
            # 这套做法是哪个组在推 / 这种事找哪个组: a demonstrative points at what the sentence described
            this = _THIS.search(form) is not None and not points and not query.entities and bool(narrative)
            if (subject or points or topic) and not (asks_group and not topic and not points) and not this:
                own = True  # 激励创业创新组的组长是谁 / 他本职是哪个单位的 / 科研经费归哪个组
            else:  # 谁是主任 (a facet: the context has the subject) stands; 对吗 / 哪个组负责 do not
                facet = bool(query.cues & RELATION_CUES) or bool(query.document_fields)  # 谁是主任 / 文号是什么
                # (由谁印发、哪天发的: who issued the notice, asked by 谁 as a group is)
                own = facet and (not asks_group or bool(query.document_fields)) and not query.has(Cue.YES_NO)
            if own and (subject or points or topic):
                # 课题经费报销条条框框太多，哪个组在推动改经费管理: a group asked for by its work takes the
                # work the sentence described along
                weak = query.has(Cue.WHICH_GROUP) and not self.has_topic(query, strong=True)
                # 精简行政审批组在服务方面的职责中，是否包含减证便民: a claim of work about the subject just named
                of_named = query.has(Cue.YES_NO) and not query.entities and not points and bool(names)
                claim = next((q.group(1) for c in narrative if points and (q := _QUOTED.search(c))), None)
                if claim is not None:  # 稿子里写“协调小组由常务副市长牵头”，这句对吗: the words quoted are judged
                    questions.append([claim, clause])
                else:
                    questions.append(
                        [*plain_describing, clause] if weak else [*describing, clause] if of_named else [clause]
                    )
                named.append(list(names) if points else [])  # names met in passing serve a pronoun only
                subjectless.append(False)
            elif own:  # a facet: of what the narrative before it described (那个管证照分离的组，组长叫啥),
                questions.append([*describing, clause])  # or of a group it named (…有个协调小组，副组长是谁)
                named.append([e for e in names if e.kind is EntityKind.GROUP])
                subjectless.append(not describing)
            elif questions:
                questions[-1].append(clause)  # 法治组的组长，是谁 / …，是协调小组里哪个组负责的
            elif narrative:  # 创业融资难，哪个组负责 / 协调小组下设3个专题组，对吗: the question is what the
                questions.append([*(describing or narrative), clause])  # sentence said of its subject
                named.append([])
                subjectless.append(not describing)
            elif (
                query.cues & RELATION_CUES
                or query.content
                or query.attribute is not None  # 电话多少 / 地址是啥: what the notice never gives, of the subject
                or (query.has(Cue.WHICH_GROUP) and _BACK.search(form) is not None)  # 这事归哪个组管: what was told
                or (query.has(Cue.YES_NO) and _COUNTED.search(form))
                or picks
            ):
                questions.append([clause])  # 组长是谁 / 答4个对吗 / 最后一个呢: a follow-up of the chat
                named.append([])
                subjectless.append(True)
            else:
                continue  # 行吧 / 好吧: a tag with nothing to ask about
            narrative, describing, plain_describing, names = [], [], [], []
        if not questions:
            if not narrative:
                return []
            text = "，".join(narrative)
            return [(Piece(text, tuple(dict.fromkeys(names)), tuple(dict.fromkeys(introduced))), False)]
        return [
            (
                Piece("，".join(q), tuple(dict.fromkeys(n)), tuple(dict.fromkeys(introduced)), first_person),
                True,
            )
            for q, n in zip(questions, named, strict=True)
        ]

    def asks(self, form: str, query: Query) -> bool:
        """Whether a clause asks: a question word (好几次 and 几乎 are none) or a yes/no ending, other
        than the asking itself (让我查一下 / 想确认一下 ask nothing yet)."""
        if _WONDERING.search(form):
            return False
        # (…，文号是？: a field and 是 left open asks its value)
        open_is = form.endswith("是") and bool(query.document_fields or query.cues & RELATION_CUES)
        return self._asks_in_words(form) or query.has(Cue.YES_NO) or open_is

    def _asks_in_words(self, form: str) -> bool:
        """Whether a clause has a question word (a yes/no ending aside), other than the asking itself."""
        text = _NOT_ASKING.sub("", form)
        for word in self.words.ask_starts:
            text = text.replace(word, "")
        return any(w in text for w in self.words.asking)

    def _run_on(self, clause: str) -> list[str]:
        """A clause cut where one question ends and another begins with no break typed: each piece after a
        cut must ask a relation of its own (负责啥, 副组长呢), so 是什么时候 / 有哪些单位参加 stay whole. Only
        a short clause is one typed on (a long one is read as it is), and each piece is read once."""
        ends = [found.end() for found in _ASKED_END.finditer(clause)]
        if not ends or len(clause) > _RUN_ON_LONGEST:
            return [clause]
        cuts = []
        for end, following in zip(ends, [*ends[1:], len(clause)], strict=True):
            form = self.read_form(clause[end:following])
            if _WONDERING.search(form) or not self._asks_in_words(form):
                continue  # (asking by its yes/no ending alone is no cut: read nothing)
            query = self.read(form)
            counts_groups = query.has(Cue.COUNT) and bool(query.cues & _KINDS)  # …是谁一共几个工作组
            if (query.cues & RELATION_CUES or counts_groups) and not query.has(Cue.YES_NO):
                cuts.append(end)
        bounds = [0, *cuts, len(clause)]
        return [clause[start:stop] for start, stop in pairwise(bounds)]

    def _has_own_topic(self, text: str) -> bool:
        return self.has_topic(self.read(self.read_form(text)))

    def _told(self, story: str) -> str:
        """The clauses of a story that name a piece of the notice's work (医疗保险异地联网办理) and nothing
        else the notice names."""
        clauses = [c for c in _CLAUSE_BREAK.split(story) if c.strip()][-_MAX_CLAUSES:]
        read = [(c, self.read(self.read_form(c))) for c in clauses]
        return "，".join(c for c, query in read if self.has_topic(query) and not query.entities)

    def _spaced(self, part: str) -> list[str]:
        """A clause cut at its spaces where every piece asks of its own (谁主持 / 多久开一次); else whole, so
        四（二）后面还有啥要求 考核问责那些 keeps what describes it."""
        pieces = _SPACE.split(part)
        if len(pieces) > 1 and all(any(w in p for w in self.words.asking) for p in pieces):
            return pieces
        return [part]

    def _ask_start(self, clause: str) -> int | None:
        """Where the question begins in a clause that starts as framing (我是…的想问下…)."""
        found = [clause.find(w) for w in self.words.ask_starts if w in clause]
        return min(found) if found else None


def _listed(query: Query) -> bool:
    """A clause that is nothing but two or more names of one kind (吴存荣、欧顺清、罗蔺 / A组和B组)."""
    kinds = {e.kind for e in query.entities}
    return len(query.entities) > 1 and len(kinds) == 1 and not query.content and not query.cues


def _of_asker(query: Query) -> bool:
    """A question with no subject of its own asking where one sits (在哪个组 / 担任啥): of the asker."""
    asks_where = _WHERE_SITS.search(query.text) is not None
    return not query.entities and asks_where and not query.has(Cue.PRONOUN, Cue.OFFICE, Cue.OFFICE_DIRECTOR)
