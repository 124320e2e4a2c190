"""Surnames: a person called by surname alone takes the full name the article wrote before
('Jim Acosta' ... 'Acosta said'; used by ``_canonical.canonical_speakers`` and ``_direct``)."""

from __future__ import annotations

import re
from functools import lru_cache

from ._entities import within as _within
from ._name_words import only_time_words
from ._speakers import _NOT_FIRST_NAMES, Mention, Voice
from ._vocab import HONORIFICS, ROLE_WORDS


def full_name_before(text: str, surname: str, before: int, named: list[Mention]) -> Voice | None:
    """The full name an article gave a person before calling them by surname alone ('Jim
    Acosta' ... 'Acosta said'): the last of :func:`full_names` within 20,000 characters before
    ``before``. A full name the alias table knows keeps its canonical voice ('Donald Trump' ->
    Trump)."""
    places = [place for place in full_names(text, surname) if before - 20000 <= place[0] and place[1] <= before]
    if not places:
        return None
    start, end, given = places[-1]
    known = [m.voice for m in _within(named, max(0, start - 80), end)   # ("President Donald Trump")
             if m.voice is not None and m.end > start and m.voice.gender]
    return known[-1] if known else Voice(f"{given} {surname}", "person")


@lru_cache(maxsize=256)   # keyed on (article, surname): an article asks for many surnames, each several times
def full_names(text: str, surname: str) -> tuple:
    """The places ``(start, end, given name)`` of 'Given [M.] Surname' in ``text`` whose first
    word is no title, honorific, sentence opener or date word ('President Acosta', 'When
    Acosta'), nor a word the article also writes in lower case or in capitals ('Whether Acosta',
    'ADVERTISEMENT Acosta'), and that are no part of a longer name ('Hwang Pyong So', 'Heritage
    Foundation Carafano'). (Once per article and surname: str.find, no search over the text.)"""
    places = []
    pos = text.find(surname)
    while pos != -1:
        end = pos + len(surname)
        given = _GIVEN_BEFORE.search(text, max(0, pos - 40), pos)
        if given is not None and not NAME_GOES_ON.match(text, end):
            word = given.group("given")
            if word not in _NOT_FIRST_NAMES and word.lower() not in ROLE_WORDS and word not in HONORIFICS \
                    and not only_time_words([word]) and not _name_goes_on_before(text, given.start()) \
                    and not _written_as_word(text, word.lower()) and not _written_as_word(text, word.upper()):
                places.append((given.start(), end, word))
        pos = text.find(surname, end)
    return tuple(places)


def _written_as_word(text: str, word: str) -> bool:
    """Whether ``word`` is one of the runs of ``[\\w’'-]`` in ``text`` (``word`` made of such
    characters): an occurrence with no such character on either side. (str.find over the text
    instead of a set of all its runs: asked for a few words per article.)"""
    pos = text.find(word)
    while pos != -1:
        end = pos + len(word)
        if not (pos and _WORD_CHAR.match(text, pos - 1)) and not _WORD_CHAR.match(text, end):
            return True
        pos = text.find(word, pos + 1)
    return False


_WORD_CHAR = re.compile(r"[\w’'-]")
_GIVEN_BEFORE = re.compile(r"(?<![\w’'.-])(?P<given>[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?)(?:\s+[A-Z]\.)?\s+$")
# after the surname: a word character (a longer word) or another capitalised name word ('Hwang Pyong So')
NAME_GOES_ON = re.compile(r"[\w’'-]|\s+[A-Z][a-z]")


_WORD_BEFORE = re.compile(r"([A-Z][\w.-]*)\s+$")


def _name_goes_on_before(text: str, start: int) -> bool:
    """A capitalised word before the given name that is no title ('Heritage Foundation Carafano',
    'Getty Images Trump'): the name is part of a longer one."""
    before = _WORD_BEFORE.search(text, max(0, start - 40), start)
    return before is not None and before.group(1).rstrip(".").lower() not in ROLE_WORDS and \
        before.group(1).rstrip(".") not in HONORIFICS
