"""The answer policy: the question types in the order they are tried. The first that answers wins.

What the notice never gives comes first, so a known name in the question does not pull in an
unrelated answer; then the document and its requirements, the groups of a kind, yes/no claims,
numbers it does not give, questions naming a subject, the office, roles counted, and last the
ranked topic search. ``fallback`` always answers: it asks which group, or declines.
"""

from __future__ import annotations

from collections.abc import Callable

from knowledge.answer import Answer
from knowledge.intents import (
    about_answer,
    absent_post,
    aspect_of,
    by_count,
    by_holder_title,
    by_name_part,
    by_title,
    by_unit,
    changes,
    choice,
    compare,
    continued,
    dissolved,
    document,
    elsewhere,
    fallback,
    foreign_group,
    foreign_unit,
    garbled,
    group_list,
    item_field,
    list_check,
    mentions,
    named,
    office,
    pasted,
    people_named,
    quantity,
    requirement,
    rule,
    rule_items,
    section,
    small_talk,
    topic,
    unit_topic,
    unknown_attribute,
    yes_no,
)
from knowledge.tools import Tools
from knowledge.turn import Turn

Intent = Callable[[Turn, Tools], Answer | None]

POLICY: tuple[Intent, ...] = (
    # first: 你能做什么 must not ask which group's duty, 介绍一下这个通知 not decline; it takes only a message
    # that is nothing but small talk, so 你好，请问综合组组长是谁 goes on to named
    small_talk.answer,
    # before everything that reads names: 孜拉吾东是哪个局的 names the readable start of a garbled roster line
    garbled.answer,
    # before pasted, section and everything reading subjects: 你确定吗 / 原文怎么说的 / 这段出自第几部分 / 为什么 ask of
    # the answer just given (its cited facts), not of its subject's duty nor of the notice's parts
    about_answer.answer,
    # before section, rule, requirement and topic: a line of the notice pasted and asked about (“…”是对谁的要求 /
    # …这句话啥意思) is answered by the clause it stands in, whole, not by a search for its words
    pasted.answer,
    # before section, rule_items, rule and requirement: 第3项任务谁牵头 / 执法总队配合哪些任务 ask a labelled field of a
    # numbered list's item (牵头处室 / 配合单位 / 完成时限), not the whole item nor a clause that mentions the words
    item_field.answer,
    # before rule, document and requirement: 四（一）怎么说的 / 第三部分第二项 name a part of the notice by its
    # number; only a number the notice's own sections have (第二个组 is no part of it)
    section.answer,
    # before rule_items, rule and requirement: 后面还有吗 / 第二条后面还写了什么, after the requirements, asks the
    # rest of an item, which the crawl may have cut (never the whole list again)
    continued.answer,
    # before rule, foreign_group, document and named: 市政务公开工作领导小组并到哪去了 / 还保留着吗 names a body the notice
    # abolishes or merges, whose name ends in the short name of its own group
    dissolved.answer,
    # before rule: 工作制度有几项 counts the list the question names, not one clause of it
    rule_items.answer,
    # before unknown_attribute and quantity: 推进会多久开一次 / 成员工作变动了怎么调整 are answered by the
    # working rule whose words they use, not declined for 会议 / 多久; it takes a clause covering nearly all
    # of the question, and no question naming a person or a group other than the top one
    rule.answer,
    # before unknown_attribute, document and yes_no: 方建华现在任什么职务 / 组长原来是谁 / 方建华还是组长吗
    # are about who left a place the notice changed (not 现任 declined, not the former name, not a bare 不是)
    changes.answer,
    # before everything: 许洪斌的电话 must not become 许洪斌's roles, 怎么办营业执照 not a topic
    unknown_attribute.answer,
    # before named: 市卫生健康委是哪个组的 has no known subject but must not fall to the topic search
    foreign_unit.answer,
    # before named: 区城市体检工作领导小组组长是谁 ends in a short name of the notice's group, but names another
    foreign_group.answer,
    # before document: 双随机一公开属于哪个方面 names 公开 but asks the side of 放管服 of a duty
    aspect_of.answer,
    # before document, yes_no and named: 名称里带“委”字的成员单位有哪些 / 有没有姓李的领导 pick the notice's units
    # or people by a piece of their name, not the document's title nor the group's list
    by_name_part.answer,
    # before named and topic: 协调小组原来叫什么 / 哪年发的 are about the document, not the group
    document.answer,
    # before topic: 有关要求 ranks only the requirement clauses
    requirement.answer,
    # before named: 各区县的协调小组 names the group but asks about another government's
    elsewhere.answer,
    # before choice, compare and named: 副组长单位写的是市科技局、市教委，少没少 checks the list written against
    # the place, not each unit's groups nor a choice among them
    list_check.answer,
    # before compare and named: 吴存荣、欧顺清、罗蔺，谁不是副组长 / 单选题：以下哪个不是X的副组长单位？A.… B.…
    # judges each listed candidate, not the first name nor the two groups' sets
    choice.answer,
    # before group_list, yes_no and named: 法治组和综合组的组长是同一个人吗 / A和B共同的副组长单位 name
    # two groups and are about both
    compare.answer,
    # before group_list: 哪些单位在不止一个专题组里 names a kind but counts the units' groups
    by_count.answer,
    # before group_list, yes_no and named: 专题组的联络员是谁 / 秘书长是谁 ask a place no group has (未载明), not the
    # kind's list, a bare 不是 nor the group's head
    absent_post.answer,
    # before named: 有哪些专题组 / 法治组是保障组吗 name kinds, not one group's facets
    group_list.answer,
    # before named: 罗蔺是综合组组长吗 must be judged, not answered with 罗蔺's roles
    yes_no.answer,
    # before quantity and named: 民政厅来了几个人 / 住建部派的谁 count and name the unit's people, where the
    # unit stands only in their titles; a post after its name (市司法局的局长) is left to named
    by_unit.answer,
    # before quantity: 通知里点名的领导一共多少人 counts the notice's people, not a number it lacks
    people_named.answer,
    # before named and topic: 企业开办要压缩到几个工作日 asks a number the notice lacks
    quantity.answer,
    # before by_title and fallback: 哪几个组的组长是局长 asks for groups by their head's title, not for the
    # people titled 局长 nor which group
    by_holder_title.answer,
    # before named: 航空领导小组深圳派的谁 / 几个副省长 name no one but the group, and a word of people's titles
    by_title.answer,
    # before named and topic: 专题组的职责里哪一条提到了企业 lists the clauses using the word, not one best clause
    mentions.answer,
    # before named: 拖欠账款的问题联席会议里归哪个单位管 names the group only as where to look; the unit whose item
    # of a list of the member units' duties the words point at is asked
    unit_topic.answer,
    # the subjects the question names
    named.answer,
    # 办公室主任是谁 without a group: the 协调小组's office
    office.answer,
    # last with footing: which group's clause the words point at
    topic.answer,
    # always answers: which group, or a decline with suggestions
    fallback.answer,
)
