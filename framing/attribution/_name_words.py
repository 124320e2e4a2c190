"""Words next to a subject that are no part of its name: a time ('Last week', 'in November',
'said Sunday') and the place or body of a title before a name ('envoy for Ukraine Kurt Volker').
"""

from __future__ import annotations

import re

from ._vocab import MONTH, MONTHS, ORGANISATION_WORDS, ROLE_WORDS, WEEKDAY, WEEKDAYS, descriptions

TIME_WORDS = frozenset("morning afternoon evening night day days week weeks month months year years".split()) | frozenset(
    w.lower() for w in WEEKDAYS)

# a time right before a cue ('said Sunday', 'on Tuesday', 'in March'): no speaker
TIME_BEFORE = re.compile(
    r",?\s+(?:(?:on|last|this|early|late)\s+)?(?:(?<=this )past\s+)?(?:" + WEEKDAY + r"|"
    r"(?<=last |this |past )(?:week|month|year|night)|yesterday|today|tonight|earlier|recently)(?:\s+(?:morning|afternoon|evening|night))?,?$"
    # 'a U.N. report in March said', 'Trump in early June attacked': a month after its preposition
    r"|\s+(?:in|since|until|by|through|as\s+recently\s+as|last|this|next)\s+(?:(?:early|late|mid)[\s-])?(?:" + MONTH + r")(?:\s+\d{4})?$")

# the last word a time can end with: most windows end with none, and the cheap
# test spares a search from each of their positions (the patterns end with '\s+word$')
_TIME_LAST = frozenset(w.lower() for w in (*WEEKDAYS, *MONTHS)) | frozenset(
    "week month year night yesterday today tonight earlier recently morning afternoon evening".split())
_MONTHS_LOWER = frozenset(m.lower() for m in MONTHS)


def last_word(window: str) -> str:
    """The window's last run of non-blank characters after a blank ('' if none)."""
    words = window.rsplit(None, 1)
    return words[-1] if len(words) == 2 or (words and window[0].isspace()) else ""


def may_end_time(window: str) -> bool:
    """False when ``TIME_BEFORE`` cannot match at the window's end."""
    word = last_word(window)
    if not word:
        return False
    word = word[:-1].lower() if word.endswith(",") else word.lower()
    return word in _TIME_LAST or word.rpartition("-")[2] in _MONTHS_LOWER or word.isdigit()


_TITLE_OBJECT_BEFORE = re.compile(r"\b([a-z]+)\s+(?:for|to|of|on)\s+(?:the\s+)?$")
_PERSON_NAME_END = re.compile(r"[A-Z][\w’'-]*(?:\s+[A-Z]\.)?\s+[A-Z][\w’'-]*$")


def name_past_title_object(name: str, before: str) -> str:
    """'Ukraine Kurt Volker' after 'special envoy for' -> 'Kurt Volker': the place or body a title
    is for ('envoy to Ukraine', 'ambassador to the U.N.') is not part of the name after it."""
    title = _TITLE_OBJECT_BEFORE.search(before) if len(name.split()) >= 3 else None
    if title is None or (title.group(1) not in ROLE_WORDS and f"the {title.group(1)}" not in descriptions()):
        return name   # ('repeal of the Affordable Care Act', 'aboard Air Force One': no title)
    if _APPOSED_TITLE.search(before, 0, title.start(1)):
        return name   # 'Jo Lee, executive director of National Nurses United': the title is Jo Lee's
    person = name.split(None, 1)[1]   # (one word of place: a name may have three, 'Hong Yong Phyo')
    if person.split()[-1].lower() in ORGANISATION_WORDS or re.search(r"[’']", person) or \
            not _PERSON_NAME_END.search(person):
        return name   # 'chairman of the Denmark-DPRK Friendship Association': an organisation's name
    return person


_APPOSED_TITLE = re.compile(r"(?:,|\bwho)\s*(?:[\w.’'-]+\s+){0,4}$")


def only_time_words(words: list[str], before: str = "") -> bool:
    """'Last week', 'in November', 'as recently as February': a time, never a speaker's name
    (a bare month only after a preposition: 'Asked about it, May said')."""
    words = [w.rstrip(".,;:") for w in words]
    if not all(w in _MONTH_SET or w.lower() in TIME_WORDS or w.lower() in _TIME_MODIFIERS or w.isdigit()
               for w in words):
        return False
    return not all(w in _MONTH_SET for w in words) or bool(_PREPOSITION_BEFORE.search(before))


_MONTH_SET = frozenset(MONTHS)
_TIME_MODIFIERS = frozenset("last this next early late mid".split())
_PREPOSITION_BEFORE = re.compile(r"\b(?:in|since|until|by|through|as|early|late|mid|of|from|to)[\s-]+$", re.IGNORECASE)
