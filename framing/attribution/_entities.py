"""The named voices of one document, indexed by position (issue 12: linear cost).

The rules look names up by position ("the names inside this span", "the last compatible voice
before this pronoun", "the last person named with this surname"). Scanning the whole list for
each lookup made ``framing.voices`` quadratic in document length; :class:`Entities` answers the
same questions from sorted keys and small dictionaries, with the results, including their order,
exactly those of the scans it replaces.
"""

from __future__ import annotations

from bisect import bisect_left, insort


class Entities(list):
    """A list of mentions (the order the rules see: first sorted by start, then as appended)
    with a position index. Add mentions only with :meth:`append`; a mention's ``start``,
    ``end`` and ``voice`` must not change once added.

    Examples
    --------
    >>> from framing.attribution._speakers import Mention, Voice
    >>> e = Entities([Mention(0, 5, Voice("Donald Trump")), Mention(20, 23, Voice("Kim Jong Un"))])
    >>> e.append(Mention(10, 13, Voice("Moon Jae-in")))
    >>> [m.voice.canonical for m in e.between(0, 15)]
    ['Donald Trump', 'Moon Jae-in']
    >>> e.last_person["Trump"].canonical
    'Donald Trump'
    """

    def __init__(self, mentions=()):
        super().__init__()
        self._keys: list[tuple[int, int]] = []   # (start, index in the list), sorted
        self.max_len = 0                         # the longest mention (end - start)
        self.last_person: dict = {}              # surname -> voice of the last person mention with it
        self.first_person: dict = {}             # first word -> voice of the last person mention with it
        self.first_channel: dict = {}            # canonical -> channel of the first mention with one
        self.canonical: set = set()              # canonical names of the non-document voices
        # (the state ``append`` one by one would leave, built at once)
        mentions = list(mentions)
        super().extend(mentions)
        self._keys = sorted((mention.start, index) for index, mention in enumerate(mentions))
        self.max_len = max([0] + [mention.end - mention.start for mention in mentions])
        for mention in mentions:
            self._add_voice(mention.voice)

    def append(self, mention) -> None:
        index = len(self)
        super().append(mention)
        key = (mention.start, index)
        if not self._keys or self._keys[-1] < key:
            self._keys.append(key)
        else:
            insort(self._keys, key)
        self.max_len = max(self.max_len, mention.end - mention.start)
        self._add_voice(mention.voice)

    def _add_voice(self, voice) -> None:
        if voice is None:
            return
        words = voice.canonical.split()
        if voice.type == "person" and words:
            self.last_person[words[-1]] = voice
            if len(words) > 1:
                self.first_person[words[0]] = voice
        if voice.channel:
            self.first_channel.setdefault(voice.canonical, voice.channel)
        if voice.type != "document":
            self.canonical.add(voice.canonical)

    def between(self, lo: int, hi: int) -> list:
        """The mentions with ``lo <= start < hi``, in list order."""
        keys = self._keys
        first, last = bisect_left(keys, (lo, -1)), bisect_left(keys, (hi, -1))
        if last - first <= 1:   # (most lookups find one mention or none)
            return [self[keys[first][1]]] if last > first else []
        return [self[i] for i in sorted([i for _, i in keys[first:last]])]

    def overlapping(self, lo: int, hi: int) -> list:
        """The mentions that may end after ``lo`` and start before ``hi``, in list order (a
        superset: callers filter on ``end``)."""
        return self.between(lo - self.max_len, hi)

    def before(self, position: int):
        """The mentions with ``start < position``, latest start first (equal starts in list
        order): ``sorted(..., key=start, reverse=True)`` over the list, lazily."""
        keys = self._keys
        i = bisect_left(keys, (position, -1))
        while i > 0:
            start = keys[i - 1][0]
            k = i - 1
            while k > 0 and keys[k - 1][0] == start:
                k -= 1
            for t in range(k, i):
                yield self[keys[t][1]]
            i = k


def within(entities, lo: int, hi: int) -> list:
    """The mentions with ``lo <= start < hi``, in list order (indexed for :class:`Entities`)."""
    if isinstance(entities, Entities):
        return entities.between(lo, hi)
    return [m for m in entities if lo <= m.start < hi]


def near(entities, lo: int, hi: int) -> list:
    """A superset of the mentions that end at or after ``lo`` and start before ``hi``, in list order."""
    if isinstance(entities, Entities):
        return entities.overlapping(lo, hi)
    return [m for m in entities if m.start < hi]
