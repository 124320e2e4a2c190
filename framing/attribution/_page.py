"""Page rules: what a reader takes in at a glance, before reading any sentence.

News pages carry things that are not sentences of the story: a wire dateline, photo captions
and credits, links to other stories, bylines, embedded tweets with their signature line. The
rules of :data:`PAGE_RULES` run in order over the whole text before the sentence rules; each
is one function of the page's state (:class:`Page`) and adds rows ``(start, end, kind,
attribution)``. The sentence rules read the text without those rows (:func:`reading_text`),
and their rows are mapped back onto the text (:func:`merge`).

1. :func:`wire_dateline`: "SEOUL (Reuters) - ", "Seoul, South Korea (CNN) ", "WASHINGTON — "
   opening the first paragraph is narration; an agency or outlet named in the parentheses
   (alias table) becomes the voice of the article's uncredited narration.
2. :func:`photo_furniture`: a paragraph that is a photo credit ("REUTERS/Jonathan Ernst",
   "Andrew Harnik/Pool via Reuters", "AP"), ends with one, or opens like a caption ("FILE
   PHOTO:", "Image copyright ...") is boilerplate, and so is the caption paragraph right above
   a credit paragraph when it holds no quotation mark and no speech verb. Patterns:
   ``framing/data/voices/en/furniture.csv`` (``where`` = whole, start or end of a paragraph),
   which also lists links ("Related: ..."), contributor lines, calls to action, ad markers
   ("Advertisement:", "AD"), video cards ("Play Video 1:10 ...", "JUST WATCHED ... Replay More
   Videos ..."), audio and share bars ("LISTEN TO ARTICLE 5:33 ..."), "Photographer: Name/Agency"
   credits, "— With assistance by ..." lines and captions opening with a share bar ("Facebook
   Twitter Pinterest ...").
3. :func:`related_cards`: inline cards that repeat a name (full, perhaps with a nickname in
   parentheses) glued to headlines of other stories ("Donald John TrumpTrump predicts ...
   MORE", "Addison (Mitch) Mitchell McConnellGOP senators ... MORE") are boilerplate inside
   their sentence.
4. :func:`related_links`: a paragraph in capitals of six or more words (a link to another
   story: "POMPEO DISMISSES ...") and the paragraph after "SEE ALSO:" are boilerplate.
5. :func:`byline`: a short name paragraph followed by a paragraph that only names an outlet
   ("Doug Stanglin" / "USA TODAY") opening the text: both boilerplate.
6. :func:`embedded_tweets`: a paragraph ending with a tweet's signature "— Donald J. Trump
   (@realDonaldTrump) June 12, 2018" is that account's ``direct`` speech (speaker from the
   alias table, handle first: "@realDonaldTrump" -> Trump, source his channel or himself);
   the signature line is boilerplate and is the segment's cue.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from operator import itemgetter

from ..text import paragraph_spans
from ._model import NARRATOR, Attribution, with_changes
from ._speakers import AliasTable, voice_for_name
from ._vocab import MONTH, furniture, furniture_end_literals, whole_furniture

ROW_START = itemgetter(0)   # a row's start (the sort key of rows)
_QUOTE_MARK = re.compile(r"[\"“”]")
_SPEECH = re.compile(r"\b(?:said|says|told|tells|added|according to|tweeted|wrote|asked)\b")
_DATELINE_AGENCY = re.compile(
    r"(?P<place>[A-Z][\w.’'/-]*(?: [A-Z][\w.’'/-]*)*(?:, [A-Z][\w.]*(?: [A-Z][\w.]*)*)?)?"   # ('(AFP) — ': no place)
    r"\s*\((?P<agency>[A-Z][\w .&-]{0,30})\)\s*(?:[-–—]+\s*)?(?=[A-Z“\"‘'])")
_DATELINE_CAPS = re.compile(r"(?P<place>[A-Z][A-Z.’'/ -]{2,30}(?:, [A-Z][\w.]+(?: [A-Z][\w.]+)?)?)"
                            r"\s+[-–—]+\s+(?=\S)")
_CARD = re.compile(r"(?<![\w’'])(?P<last>[A-Z][\w’'.-]*)\s+(?P<card>(?:[A-Z][\w’'.-]*\s+|\([A-Z][\w’'. -]*\)\s+){0,5}"
                   r"(?P=last)(?=[A-Z0-9‘“\"'][\w’'])[^\n]{0,600}?\sMORE)\b")
_CAPS_WORD = re.compile(r"[A-Z][A-Z’'.:-]*")
_LOWER = re.compile(r"[a-z]")
_SEE_ALSO = re.compile(r"SEE ALSO:?\s*", re.IGNORECASE)
_NAME_LINE = re.compile(r"(?:[A-Z][\w’'.-]+\s){1,3}[A-Z][\w’'.-]+")
_MONTH = "(?:" + MONTH + ")"
_DATE = re.compile(_MONTH + r"\s+\d{1,2},\s+\d{4}")
_TWEET_SIGNATURE = re.compile(r"\s[—–-]+\s*(?P<name>[^\n()—–]{1,60}?)\s*\((?P<handle>@\w{1,30})\)\s*"
                              + _MONTH + r"\s+\d{1,2},\s+\d{4}\s*$")


@dataclass
class Page:
    """The state of one text while the page rules run over it."""

    text: str
    table: AliasTable
    paragraphs: list
    outlet: str = ""                             # the voice of uncredited narration
    rows: list = field(default_factory=list)     # (start, end, kind, Attribution or None)
    voice: str = ""                              # the agency a wire dateline names
    taken: set = field(default_factory=set)      # paragraphs (indices) wholly given to rows

    def take(self, p: int, kind: str = "boilerplate", attr: Attribution | None = None) -> None:
        """Give paragraph ``p`` wholly to one row."""
        start, end = self.paragraphs[p]
        self.rows.append((start, end, kind, attr))
        self.taken.add(p)

    def free(self, p: int) -> bool:
        return 0 <= p < len(self.paragraphs) and p not in self.taken


def wire_dateline(page: Page) -> None:
    """Rule 1: a dateline opening the first paragraph is narration, of the agency it names."""
    for p in range(min(2, len(page.paragraphs))):
        start, end = page.paragraphs[p]
        match = _DATELINE_AGENCY.match(page.text, start, end)
        agency = None
        if match is not None:
            found = page.table.find(match.group("agency"))
            if found and found[0].voice.type in ("agency", "outlet") and found[0].end == len(match.group("agency")):
                agency = found[0].voice.canonical
            else:
                match = None
        if match is None:
            match = _DATELINE_CAPS.match(page.text, start, end)
        if match is None or match.end() >= end:
            continue
        page.voice = agency or ""
        stop = match.end()
        while page.text[stop - 1].isspace():
            stop -= 1
        page.rows.append((start, stop, "narration", Attribution("", agency or page.outlet or NARRATOR, confidence=0.9)))
        return


def photo_furniture(page: Page) -> None:
    """Rule 2: photo credits and captions, links and other furniture of ``furniture.csv``."""
    _, start_of, end_of = furniture()
    literals = furniture_end_literals()   # every credit holds one of them: no slow search where none is
    text = page.text
    for p, (start, end) in enumerate(page.paragraphs):
        if not page.free(p):
            continue
        para = text[start:end]
        short = len(para) <= 300   # whole-paragraph furniture is short; long paragraphs are text
        # every credit names its agency after a slash or "via": no slow search where neither is
        credited = ("/" in para or "via" in para.lower()) and (
            literals is None or any(literal in para for literal in literals))   # (a link's '/' is no credit)
        if (short and (credited and end_of.fullmatch(para) or whole_furniture(para))) or start_of.match(para):
            page.take(p)
            if credited and end_of.fullmatch(para) and page.free(p - 1) and \
                    _caption(text[slice(*page.paragraphs[p - 1])]):
                page.take(p - 1)   # the caption of the photo credited below it
            continue
        tail = max(0, len(para) - 160)   # a credit is short: look at the paragraph's end only
        if not credited or "/" not in para[tail:] and "via" not in para[tail:].lower():
            continue
        credit = end_of.search(para, tail)
        if credit is not None:
            if _QUOTE_MARK.search(para[:credit.start()]):
                page.rows.append((start + credit.start(), end, "boilerplate", None))
            else:
                page.take(p)


def _caption(para: str) -> bool:
    """A photo caption: no quotation mark, no speech verb, and a date, the word photo or no final period."""
    if _QUOTE_MARK.search(para) or _SPEECH.search(para) or len(para) > 600:
        return False
    return bool(_DATE.search(para) or "photo" in para.lower() or not para.rstrip().endswith((".", "?", "!")))


def related_cards(page: Page) -> None:
    """Rule 3: 'Name NameHeadline ... MORE' cards inside sentences."""
    if "MORE" not in page.text:
        return   # (every card ends with MORE: no paragraph to look at)
    for p, (start, end) in enumerate(page.paragraphs):
        if page.free(p) and page.text.find("MORE", start, end) >= 0:   # (every card ends with MORE)
            for match in _CARD.finditer(page.text, start, end):
                page.rows.append((match.start("card"), match.end("card"), "boilerplate", None))


def related_links(page: Page) -> None:
    """Rule 4: a capitals-only paragraph of six or more words, and the link after 'SEE ALSO:'."""
    text = page.text
    for p, (start, end) in enumerate(page.paragraphs):
        if page.free(p) and not _LOWER.search(text, start, end):   # (a lower-case letter rules out capitals only)
            words = text[start:end].split()
            if len(words) >= 6 and all(_CAPS_WORD.fullmatch(w.strip("‘’'\"“”,!?")) for w in words):
                page.take(p)
        if _SEE_ALSO.fullmatch(text, start, end):
            if page.free(p):
                page.take(p)
            if page.free(p + 1):
                page.take(p + 1)


def byline(page: Page) -> None:
    """Rule 5: 'Doug Stanglin' above 'USA TODAY' opening the text."""
    if len(page.paragraphs) < 3 or not page.free(0) or not page.free(1):
        return
    first, second = (page.text[s:e] for s, e in page.paragraphs[:2])
    if len(first) > 40 or not _NAME_LINE.fullmatch(first):
        return   # (before the names of the second paragraph are looked up)
    found = page.table.find(second)
    if found and found[0].start == 0 and found[0].end == len(second) and found[0].voice.type in ("outlet", "agency"):
        page.take(0)
        page.take(1)


def embedded_tweets(page: Page) -> None:
    """Rule 6: a paragraph signed '— Name (@handle) Month D, YYYY' is the account's direct speech."""
    text = page.text
    if "(@" not in text:
        return   # (every signature holds '(@handle)')
    for p, (start, end) in enumerate(page.paragraphs):
        if not page.free(p):
            continue
        match = _TWEET_SIGNATURE.search(text, start, end) if text.find("(@", start, end) >= 0 else None
        if match is None:   # (every signature holds '(@handle)')
            continue
        handle, name = match.group("handle"), match.group("name").strip()
        found = page.table.find(handle) or page.table.find(name)
        if found:
            voice = found[0].voice
        else:
            voice = voice_for_name(name.title() if name.islower() else name, [])
        sign = match.start() + len(match.group()) - len(match.group().lstrip())
        body_end = match.start()
        while body_end > start and text[body_end - 1].isspace():
            body_end -= 1
        attr = Attribution(voice.canonical, voice.channel or voice.canonical, text[sign:end].strip(), sign, end,
                           match.start("name"), match.end("handle"), confidence=0.9, speaker_type=voice.type)
        if body_end > start:
            page.rows.append((start, body_end, "direct", attr))
        page.rows.append((sign, end, "boilerplate", None))
        page.taken.add(p)


PAGE_RULES = (wire_dateline, photo_furniture, related_cards, related_links, byline, embedded_tweets)


def read_page(text: str, table: AliasTable, outlet: str = "") -> Page:
    """Run :data:`PAGE_RULES` over ``text`` (``outlet``: the voice of uncredited narration)."""
    page = Page(text, table, paragraph_spans(text), outlet)
    for rule in PAGE_RULES:
        rule(page)
    page.rows.sort(key=ROW_START)
    return page


def reading_text(text: str, rows: list) -> tuple[str, list]:
    """``text`` without the page rows' text, and the original offset of each of its positions.

    A hidden stretch leaves one space, so the words around a card inside a sentence read as
    one sentence ("President Trump on Monday slammed ...").
    """
    spans = sorted((start, end) for start, end, _kind, _attr in rows)
    pieces, index, pos = [], [], 0
    for start, end in spans:
        if start < pos:
            start = pos
        if end <= start:
            continue
        pieces.append(text[pos:start])
        index.extend(range(pos, start))
        pieces.append(" ")
        index.append(start)
        pos = end
    pieces.append(text[pos:])
    index.extend(range(pos, len(text) + 1))
    return "".join(pieces), index


def merge(text: str, rows: list, page_rows: list, index: list) -> list:
    """The sentence rules' ``rows`` (offsets into the reading text) mapped back onto ``text``,
    plus the page rows, sorted."""
    mapped: dict[int, Attribution] = {}
    out = []
    hidden = sorted(page_rows, key=ROW_START)
    hidden_starts = [r[0] for r in hidden]
    for start, end, kind, attr in rows:
        if attr is not None and id(attr) not in mapped:
            mapped[id(attr)] = with_changes(attr, cue_start=_start(index, attr.cue_start), cue_end=_end(index, attr.cue_end),
                                       mention_start=_start(index, attr.mention_start),
                                       mention_end=_end(index, attr.mention_end),
                                       outer_start=_start(index, attr.outer_start),
                                       outer_end=_end(index, attr.outer_end))
        attr = mapped[id(attr)] if attr is not None else None
        a, b = index[start], index[end - 1] + 1
        # a row that spans hidden text (a card inside its sentence) goes around it
        pos = a
        # (the page rows that start in [a, b]: one starting later cannot end by b)
        for k in range(bisect_left(hidden_starts, a), bisect_right(hidden_starts, b)):
            hs, he = hidden[k][0], hidden[k][1]
            if hs >= pos and he <= b:
                out.extend(_trimmed(text, pos, hs, kind, attr))
                pos = he
        out.extend(_trimmed(text, pos, b, kind, attr))
    out.extend(page_rows)
    return sorted(out, key=ROW_START)


def _start(index: list, pos: int) -> int:
    return index[pos] if pos >= 0 else pos


def _end(index: list, pos: int) -> int:
    return index[pos - 1] + 1 if pos > 0 else pos


def _trimmed(text: str, start: int, end: int, kind: str, attr) -> list:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return [(start, end, kind, attr)] if end > start else []
