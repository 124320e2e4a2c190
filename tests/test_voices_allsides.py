"""framing.voices on real multi-outlet coverage (allsides_nk): the page and coverage rules, gold tables.

Gold tables (``tests/data/allsides_voices_gold.csv``)
----------------------------------------------------
Annotated by the framing team (helper "voices-coverage", 2026-11-30), by hand: each article of
``../shared/corpora/allsides_nk`` listed there was read in full, and for passages chosen to
cover every construction of the voices issue (wire datelines, photo captions and credits,
"... was quoted as saying", joint speakers, infinitives of intent, metonymic speakers,
canonical names across outlets, quoted and embedded tweets, KCNA and state media) plus plain
narration and quotes, the annotator wrote a few words that locate the passage and the
segment ``kind``, ``speaker`` and ``source`` (and where it matters the ``cue``) that a reader
of the outlet would credit it to. Rules followed: the segment contract of DESIGN.md; names as
in ``framing/data/aliases.md`` (people by name, governments by country: "Pyongyang said" is
``North Korea``; KCNA for state media; a tweet's source is the account holder, so Trump's
quoted and embedded tweets count for ``Trump``, as his tweets do in the tweet archive); joint
speakers "A & B"; photo captions, credits, links, bylines and contributor lines are
``boilerplate``; uncredited narration is the outlet's (``@outlet``) or, under a wire
dateline, the agency's. ``a|b`` accepts either of two defensible readings; ``*`` is not
checked.

* ``dev`` (13 articles: Reuters 4, The Hill, USA TODAY, Fox, BBC, NYT, Vox, Washington Times,
  ABC, CNN; 173 rows): the rules and alias entries were developed on these.
* ``heldout``, first part (5 articles: Reuters, The Hill, BBC, Washington Times, CNN; 86 rows):
  annotated from the raw article text without looking at the engine's output, never tuned on.

Second round (helper "allsides3", 2026-12-08), same rules and annotator conventions: 12 more
articles from 12 outlets absent from the table above, drawn at random and split at random::

    docs = load_allsides(); gold = <the table above>
    taken = docs[docs.doc_id.isin(gold.doc_id)]
    pool = docs[(docs.genre == "news") & ~docs.source.isin(taken.source)
                & docs.text.str.len().between(2000, 7000)        # (an article read in full)
                & (docs.text.str.count(r"North Korea|Pyongyang|Kim Jong") >= 3)]
    rng = np.random.default_rng(20261208)
    chosen = rng.permutation(sorted(pool.source.unique()))[:12]   # 12 of the pool's 26 outlets
    picks = [pool[pool.source == o].sort_values("doc_id").iloc[rng.integers((pool.source == o).sum())]
             for o in chosen]
    splits = rng.permutation(["dev2"] * 6 + ["heldout"] * 6)

Both halves were annotated (205 rows, 13-22 an article, committed before any engine run on
them) from the raw text, then scored once, blind: dev2 kind/speaker/source 0.862/0.819/0.685,
the new held-out rows 0.856/0.838/0.712 (the whole held-out set 0.898/0.832/0.756).

* ``dev2`` (6 articles: New York Post, Vanity Fair, Breitbart (an AFP wire), Daily Kos, CBN,
  Media Research Center; 94 rows): the second round's rules and aliases were developed on
  these and ``dev``.
* ``heldout``, second part (6 articles: Bloomberg, CBS News, The Daily Caller, The Wall Street
  Journal, Reason, TheBlaze; 111 rows): never tuned on. Its aggregate accuracy was printed at
  each measurement of the round (blind above; after the second round's changes 0.856/0.865/0.739;
  after the third round's and after the merge of all branches: the table); no change was chosen
  on it. Once, a reviewer's diagnostic script (2026-12-08, after all rules of the day were
  merged) printed its failing rows along with dev2's; the output was deleted, nothing was changed
  from it, and no later rule was written.

Agreement (helper "agree", 2026-12-08): a second annotator relabelled a seeded random sample of
120 rows (``tests/data/allsides_voices_gold_second.csv``), stratified 40 dev / 35 dev2 / 45
heldout::

    rng = np.random.default_rng(20261208)
    for split, n in {"dev": 40, "dev2": 35, "heldout": 45}.items():   # in this order
        part = gold[gold.split == split]
        sample.append(part.iloc[np.sort(rng.choice(len(part), n, replace=False))])

A script printed each row's split, doc_id, phrase and occurrence with the article text around
the passage (900 characters before, 300 after; further back where a pronoun needed it) and
nothing else: the second annotator wrote kind, speaker, source and cue from the text and the
rules above without seeing the first annotator's labels for those rows and without running
the engine, and committed the file before comparing. The rules were learnt from this docstring,
DESIGN.md, ``framing/data/aliases.md`` and the labels of the 344 rows not drawn (so this measures
agreement under shared conventions, not between two independent codebooks; one drawn row, an
obvious photo caption, had been seen in the table's first lines before the draw). Compared as
``benchmarks/allsides_voices.py`` does (``a|b`` agrees with either option, names after a
whole-name alias-table lookup, case- and order-free; ``*`` not compared), per column over the
120 rows, observed agreement / Krippendorff's nominal alpha: kind 0.992 / 0.988, speaker
0.983 / 0.980, source 0.983 / 0.982 (119 rows, one ``*``); the speaker on the 78 rows both call
reported speech 0.987 / 0.986. Per split: dev 0.975 on each column (40 rows), dev2 1.000 (35),
heldout kind 1.000, speaker and source 0.978 (45). Only one agreement needed an ``a|b`` option.
Two rows disagree: "at their June 12 summit" (dev; "pledged ... to move toward": a reported
pledge, ``indirect`` of Trump & Kim Jong Un, or an infinitive of intent, narration, as the table
reads "called on X to end") and "Mr. Trump's reaction to the deal" (heldout; the article's
spelling "Choe Sun Hui" against the alias table's canonical "Choe Son Hui"). Adjudication:
neither first label is wrong by the rules; the first is a judgement call whose two readings are
both defensible; the first annotation stays (agreement is reported on the labels as first
written) and both rows carry an "adjudicated 2026-12-08:" note. Labels changed: dev 0, dev2 0,
heldout 0 (the accuracies below are unchanged).

Third round (helper "allsides5", 2026-12-08), same rules and conventions: 8 more articles from
8 outlets absent from all the rows above, drawn at random and split at random::

    taken = docs[docs.doc_id.isin(gold.doc_id)]          # gold: dev, dev2 and heldout above
    pool = <the same filter as the second round>          # 38 articles, 14 outlets
    rng = np.random.default_rng(20261209)
    chosen = rng.permutation(sorted(pool.source.unique()))[:8]
    picks = [pool[pool.source == o].sort_values("doc_id").iloc[rng.integers((pool.source == o).sum())]
             for o in chosen]
    splits = rng.permutation(["dev3"] * 4 + ["heldout"] * 4)

The pool held 38 articles of 14 outlets, so all 8 were drawn. Both halves were annotated (168
rows, 18-22 an article) from the raw text, printed to a terminal only, and committed before any
engine run on them; then scored once, blind: dev3 kind/speaker/source 0.830/0.807/0.724, the
new held-out rows 0.863/0.785/0.731 (the whole held-out set, 15 articles: 0.884/0.830/0.756).

* ``dev3`` (4 articles: Salon, The Guardian, Politico, The Washington Post; 88 rows): the
  third round's rules and aliases were developed on these, ``dev`` and ``dev2`` (ad markers,
  video cards, share-bar captions and alert sign-ups as furniture; block quotes after a
  lead-in that names a speech act or a person's words, past an ad marker; a person before
  an affiliation or adjunct speaks; a name opening a passive report keeps its voice; a quote
  after "asked a rally crowd,"; party and media names are groups; a coordinated second report
  keeps its own channel; aliases Ian Bremmer, Stephen Miller, Republicans, Twitter and other
  sites). After them (and after merging main, 2026-12-08, where "countered" went back to a weak
  speech verb: as a sure one it cost a PolNeAR train speaker row): dev 1.000/0.977/0.971, dev2
  0.957/0.894/0.924 (unchanged), dev3 0.943/0.966/0.943.
* ``heldout``, third part (4 articles: The Atlantic, NPR, New York Magazine, Vice; 80 rows):
  never tuned on, its rows never printed. Only aggregates were printed: blind (above) and once
  at the end of the round (2026-12-08, after all the round's rules, and again after merging
  main): the whole held-out set 0.884/0.830/0.756, the new rows 0.863/0.785/0.731, both
  unchanged by the round's rules (which neither gained nor lost a held-out row). No change was
  chosen on them.

Fourth round (helper "allsides6", 2026-12-08), same rules and conventions: 8 more articles,
this time other articles of outlets already in the table (the issue's acceptance check reads
other articles of the corpus), one an outlet, drawn at random and split at random::

    taken = docs[docs.doc_id.isin(gold.doc_id)]          # gold: dev, dev2, dev3 and heldout above
    pool = docs[(docs.genre == "news") & docs.source.isin(taken.source) & ~docs.doc_id.isin(gold.doc_id)
                & docs.text.str.len().between(2000, 7000)
                & (docs.text.str.count(r"North Korea|Pyongyang|Kim Jong") >= 3)]   # 165 articles, 16 outlets
    rng = np.random.default_rng(20261210)
    chosen = rng.permutation(sorted(pool.source.unique()))[:8]
    picks = [pool[pool.source == o].sort_values("doc_id").iloc[rng.integers((pool.source == o).sum())]
             for o in chosen]
    splits = rng.permutation(["dev4"] * 4 + ["heldout"] * 4)

Both halves were annotated (177 rows, 17-30 an article) from the raw text, printed to a
terminal only, and committed before any engine run on them; then scored once, blind: dev4
kind/speaker/source 0.862/0.867/0.767, the new held-out rows 0.976/0.867/0.855 (the whole
held-out set, 19 articles: 0.906/0.838/0.779).

* ``dev4`` (4 articles: CNN, Bloomberg, CBS News, The New York Times (a video transcript whose
  quotes name no speaker: ``*``); 94 rows): the fourth round's rules were developed on these,
  ``dev``, ``dev2`` and ``dev3``, each written for a class of errors and kept only after its
  firings on unannotated articles were printed and judged and PolNeAR train content F1 and
  speaker accuracy did not drop (both stayed 0.78210 / 0.89514): page furniture of the two
  outlets' other articles ("LISTEN TO ARTICLE 5:33" bars, "JUST WATCHED ... Replay More Videos"
  cards, "Photographer: Name/Agency" credits with their caption, "— With assistance by" lines:
  65 firings in 28 unannotated articles, all right) and link labels ("RELATED:", "PHOTOS:",
  "QuickTake:": 9 firings in 3 articles, all right); the alias "Yonhap News Agency" (8
  occurrences in 6 articles); the name before an apposition speaks, not a body named inside it
  ("Col. Jane Roe, a Harbour Authority spokeswoman, said", our own example: 3 firings in 2 unannotated
  articles, all right; 3 PolNeAR train speakers, all right); a clause taken for the speaker
  ("he kept up his attack on the levy saying", our own example) gives the voice of its "he" or "she"
  when that is a person of known gender (27 firings in 25 unannotated articles, 19 of them
  judged: 15 right, 4 a wrong antecedent, where the clause had been wrong in all 19; 9 of 12
  sampled PolNeAR train firings right; on the KCNA archive, after two narrowing guards that
  its audit called for, 15 segments changed: 12 right, 2 wrong, 1 half right). After them (2026-12-08): dev4 0.915/0.889/0.844; dev, dev2
  and dev3 unchanged.
* ``heldout``, fourth part (4 articles: Reuters, CBN, BBC, The Hill; 83 rows): never tuned on,
  its rows never printed. Aggregates were printed blind (above) and at the end of the round
  (2026-12-08, after all its rules; printed a second time, unchanged, after the two guards the
  KCNA audit called for): the whole held-out set 0.917/0.838/0.791 (19 articles, 360
  rows), the new rows unchanged at 0.976/0.867/0.855, the 277 earlier rows 0.899/0.830/0.771
  (from 0.884/0.830/0.756: the first round whose rules moved held-out rows, 4 for kind and 4 for
  source; which rows was not looked at). One slip to declare: a script that
  listed the corpus paragraphs matching the furniture patterns ran before its list of held-out
  articles was filled, and printed four furniture paragraphs of the held-out Bloomberg article
  (its audio bar, two photo captions with their credits, its assistance line; raw text, no
  engine output). The
  patterns had been taken from the dev4 Bloomberg article before, and were not changed after.

One convention was settled later, on dev2 (2026-12-08, after the engine read "reportedly" as a
report of no named voice, as PolNeAR annotates it): a clause whose only source is "reportedly"
is the outlet's narration or an unnamed report, so its row accepts ``narration|indirect`` and
source ``@outlet|unknown`` (one dev2 row, "The president and Bolton reportedly"). Cues were written too but not compared
(they differ in span more than in choice: "said" / "has said").

Fifth round (helper "allsides7", 2026-12-08): an audit of unannotated articles instead of new
gold rows. Every segment of a seeded random sample of articles not in the table was printed to a
terminal only (kind, speaker, source, cue, first words) and judged by the rules above; an error
is a segment whose kind, speaker or source a reader would not credit, one class each::

    pool = docs[(docs.genre == "news") & ~docs.doc_id.isin(gold.doc_id | <earlier samples>)
                & docs.text.str.len().between(2000, 7000)].sort_values("doc_id")
    rng = np.random.default_rng(seed)                   # 20261211: 12 articles; 20261212: 6 more
    picks = pool.iloc[np.sort(rng.choice(len(pool), n, replace=False))]

* Before (seed 20261211; 306 articles, 32 outlets in the pool; 12 articles of 11 outlets: The
  Guardian, Newsmax, Reuters, Fox News 2, Bloomberg, CBN, National Review, USA Today, BBC,
  Washington Times, The Hill): 717 segments judged, 93 errors, 624 right (0.870). By class:
  a non-report read as a report (intent and stance infinitives "plans to", "want to", "is
  expected to"; "explains", "found himself", the nouns "talks", "question") 28; a wrong
  speaker (a participle, adverb or clause taken for it, a place in a prepositional phrase,
  "the president" given to another president) 19; page furniture read as narration or headline
  12 (USA Today "More:Headline" links 7, Guardian "... Read more" cards 2, a reprint line, a
  caption and a byline as headline); a speaker name not canonical ("NIAC statement", "the vice
  president", "France's president", a name in apposition left out) 11; a wrong pronoun 10; a
  missed report 4; an attribution tag read as report content 3; quote boundaries 3; an
  unresolved relative "who" 2; a wrong channel 1.
* Rules (kept only where the dev splits lost no row and PolNeAR train lost no speaker
  accuracy; the one content F1 loss is declared below): furniture rows for a label glued to a linked headline ("More:...", "Takeaways:...":
  86 paragraphs in 33 articles of the corpus, all USA Today links or calls to action, all right
  by reading the list), a linked headline ending "Read more" (19 in 10 Guardian articles, all
  right) and "This piece/column originally appeared in" (2, right); none fires on PolNeAR train.
  A quote closing without a comma before its speaker and a sure speech verb ("“He'll be ready”
  Press Secretary Jane Roe said": 11 firings in the corpus, all right; 3 PolNeAR train firings,
  all right, but content F1 0.78456 -> 0.78454: one "quoting ..." report after the cue is lost,
  as it is after a comma; speaker accuracy 0.89694 -> 0.89699); "It was revealed that" names
  no speaker (PolNeAR train unchanged). Tried and left out: "advise" as a speech verb (F1 0.78454 -> 0.78438, speaker
  accuracy 0.89699 -> 0.89669 on PolNeAR train, though it gains a dev4 row). On the first sample
  the rules fixed 11 errors and made none: 635 of 717 right (0.886; development data now).
* After (seed 20261212, the first sample left out of the pool: 294 articles; 6 articles: CBN 2,
  The New York Times 2 (one a video transcript whose clip quotes name no speaker: 8 segments
  not judged, as ``*`` in the table), Fox News, NPR): 282 segments judged, 38 errors, 244 right
  (0.865): a speaker name not canonical 13 ("the New York lawmaker", "the 46-year-old", "the
  Korean leaders"), a non-report read as a report 13, a wrong speaker 7, a wrong pronoun 4, an
  attribution tag read as content 1, furniture 0. The two samples are small and differ in
  genre (the first held a column, the second an op-ed and a transcript): the segment accuracy
  on unseen articles is about 0.87 either way, and the fixed classes (furniture, the comma-less
  quote) did not recur in the second.
* Gold after the round's rules (2026-12-08): dev, dev2 and dev3 unchanged, dev4 0.926/0.911/0.867
  (from 0.915/0.889/0.844: the comma-less quote and "it was revealed that", two of the items
  the fourth round left open, now read). Held-out, its aggregate printed once at the end and no
  row looked at: 0.917/0.844/0.796 (from 0.917/0.838/0.791); printed a second time, unchanged,
  after the comma-less quote rule let role words stand between the quote and the name.

After merging all the day's third-session branches (PolNeAR rules of "recall6", "speakers5",
"mismatch7", "mismatch8", "speakers6", the tidy branches and the lead's review mends; none
written on these rows), the lead regenerated the table (2026-12-08): dev, dev2 and dev3
unchanged, dev4 0.926/0.922/0.878, held-out (aggregate only) 0.917/0.847/0.796; the
thresholds below follow.

The acceptance check of the issue uses other articles and outlets; the thresholds below pin
the measured accuracy (``benchmarks/allsides_voices.py`` writes the table
``data/allsides_voices_gold.csv``) so that a change that loses ground fails.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import pandas as pd
import pytest

import framing
from framing import BrokenRecordWarning, voices, voices_frame
from framing.errors import FramingError
from framing.validation.attribution import score_phrase_gold

GOLD = Path(__file__).parent / "data" / "allsides_voices_gold.csv"


def seg_at(text: str, segs: pd.DataFrame, phrase: str) -> pd.Series:
    pos = text.index(phrase)
    row = segs[(segs.start <= pos) & (segs.end > pos)]
    assert len(row) == 1, phrase
    return row.iloc[0]


def check_partition(text: str, segs: pd.DataFrame) -> None:
    """Sorted, non-overlapping, each segment its text slice, nothing but white space between."""
    starts, ends = segs["start"].to_list(), segs["end"].to_list()
    assert all(e > s for s, e in zip(starts, ends)) and all(b >= a for a, b in zip(ends, starts[1:]))
    assert all(text[s:e] == t for s, e, t in zip(starts, ends, segs["text"]))
    gaps = zip([0] + ends, starts + [len(text)])
    assert not "".join(text[a:b] for a, b in gaps).strip()


# --- page rules (our own snippets) ---

def test_wire_dateline_opens_the_agency_narration():
    text = "BUSAN (Reuters) - The envoys met on Friday, officials said.\n\nTalks go on next week."
    segs = voices(text, outlet="Daily Planet")
    first = seg_at(text, segs, "BUSAN (Reuters)")
    assert (first.kind, first.source, first.text) == ("narration", "Reuters", "BUSAN (Reuters) -")
    assert seg_at(text, segs, "Talks go on").source == "Reuters"   # the wire copy's narration
    assert seg_at(text, segs, "The envoys met").speaker == "officials"


def test_outlet_dateline_without_dash_is_not_reported_speech():
    text = "Seoul, South Korea (CNN) The North is ready to talk, Seoul said Tuesday."
    segs = voices(text, outlet="CNN")
    assert seg_at(text, segs, "Seoul, South Korea").kind == "narration"
    content = seg_at(text, segs, "The North is ready")
    assert (content.kind, content.speaker) == ("indirect", "South Korea")


def test_photo_caption_and_credit_are_furniture():
    text = ("Talks opened in Hanoi.\n\nA delegate waves at the airport in Hanoi, Vietnam, March 1, 2019.\n\n"
            "REUTERS/Jane Doe\n\nEnvoys shake hands at the border, June 3, 2018. Jane Doe/Pool via Reuters\n\n"
            "FILE PHOTO: Envoys at a table.\n\nTalks closed.")
    segs = voices(text, outlet="Reuters")
    for phrase in ("A delegate waves", "REUTERS/Jane Doe", "Envoys shake hands", "FILE PHOTO"):
        row = seg_at(text, segs, phrase)
        assert (row.kind, row.source) == ("boilerplate", ""), phrase
    assert seg_at(text, segs, "Talks closed").kind == "narration"


def test_a_quote_above_a_credit_is_no_caption():
    text = '"We are close," she said.\n\nJohn Roe, Pool Photo via AP\n\nAll tests were done at the site.\n\nAP'
    segs = voices(text, outlet="ABC News")
    assert seg_at(text, segs, "We are close").kind == "direct"
    assert seg_at(text, segs, "John Roe").kind == "boilerplate"
    assert seg_at(text, segs, "All tests were done").kind == "narration"   # a sentence, not a caption


def test_inline_related_card_is_cut_out_of_its_sentence():
    text = "Senator Jane Roe Jane RoeRoe backs farm bill Roe urges calm MORE on Tuesday said the plan works."
    segs = voices(text, outlet="The Hill")
    card = seg_at(text, segs, "Jane RoeRoe")
    assert card.kind == "boilerplate" and card.text.startswith("Jane RoeRoe") and card.text.endswith("MORE")
    assert seg_at(text, segs, "the plan works").speaker == "Jane Roe"
    check_partition(text, segs)


def test_links_bylines_and_contributor_lines_are_furniture():
    text = ("Jane Roe\n\nUSA TODAY\n\nTalks resumed on Monday.\n\nTRADE TALKS STALL AS BOTH SIDES DIG IN\n\n"
            "SEE ALSO:\n\nFarm exports: a look at the numbers\n\nRelated: Ports reopen after storm\n\n"
            "RELATED: Envoys leave Geneva early\n\nPHOTOS: A week of talks\n\nQuickTake: Farm tariffs\n\n"
            "The Associated Press contributed to this report.")
    segs = voices(text, outlet="USA TODAY")
    kinds = {row.text: row.kind for row in segs.itertuples()}
    assert kinds.pop("Talks resumed on Monday.") == "narration"
    assert set(kinds.values()) == {"boilerplate"}



def test_story_continued_marker_is_furniture_and_list_numbers_are_no_speakers():
    """'Story Continued Below' between paragraphs (a page's ad break) and 'One:' opening a list
    item are page furniture and structure, not voices (our own snippet)."""
    text = ("The year brought three changes.\n\nOne: The court. Its new judges met on Monday.\n\n"
            "Story Continued Below\n\nTwo: Taxes. The cut passed in the spring.")
    segs = voices(text, outlet="Politico")
    assert seg_at(text, segs, "Story Continued").kind == "boilerplate"
    assert not set(segs.speaker) & {"One", "Two", "Story"}
    assert seg_at(text, segs, "Taxes. The cut").kind == "narration"
    check_partition(text, segs)

def test_label_colon_links_read_more_cards_and_reprint_lines_are_furniture():
    """'Harbour week:Ferries run late again' (a label glued to a linked headline), a linked
    headline ending in 'Read more' and 'This piece originally appeared in ...' are furniture; a
    sentence with a colon and a space after it is not (our own snippet)."""
    text = ("Talks resumed on Monday.\n\nMore:Ferries run late again after the storm\n\n"
            "Harbour week:Ferries run late again\n\nPorts reopen after the storm | Jane Roe Read more\n\n"
            "The mayor had one goal: Reopen the port.\n\nThis piece originally appeared in the Daily Planet.")
    segs = voices(text, outlet="Daily Planet")
    for phrase in ("More:Ferries", "Harbour week:", "Ports reopen", "This piece originally"):
        assert seg_at(text, segs, phrase).kind == "boilerplate", phrase
    assert seg_at(text, segs, "The mayor had one goal").kind == "narration"
    check_partition(text, segs)


def test_agency_dateline_without_a_place():
    text = "(AFP) — Envoys met on Friday.\n\nTalks go on next week."
    segs = voices(text, outlet="Daily Planet")
    first = seg_at(text, segs, "(AFP)")
    assert (first.kind, first.source, first.text) == ("narration", "AFP", "(AFP) —")
    assert seg_at(text, segs, "Talks go on").source == "AFP"


def test_read_watch_click_and_wires_lines_are_furniture():
    text = ("Talks resumed on Monday.\n\nREAD: Envoys meet again in Geneva\n\nWatch the full interview below:\n\n"
            "WANT MORE NEWS? Click Here to Get Our App\n\nTo see the full statement, click \u201cexpand.\u201d\n\n"
            "The envoy kept quiet, as the clip shows (click \u201cexpand\u201d):\n\nWith Post wires")
    segs = voices(text, outlet="Daily Planet")
    for phrase in ("READ: Envoys", "Watch the full", "WANT MORE", "To see the full", "With Post wires"):
        assert seg_at(text, segs, phrase).kind == "boilerplate", phrase
    assert seg_at(text, segs, "The envoy kept quiet").kind == "narration"   # a sentence, not a call to action
    check_partition(text, segs)


def test_embedded_tweet_is_the_account_holders_direct_speech():
    text = ("Trump praised the talks.\n\nGreat meeting today. Progress! — Donald J. Trump (@realDonaldTrump) "
            "March 1, 2019\n\nCritics disagreed.\n\nNot so fast. — jane roe (@janeroe) March 1, 2019")
    segs = voices(text, outlet="Vox")
    tweet = seg_at(text, segs, "Great meeting")
    assert (tweet.kind, tweet.speaker, tweet.source) == ("direct", "Trump", "Trump")
    assert tweet.text == "Great meeting today. Progress!" and "(@realDonaldTrump)" in tweet.cue
    assert text[tweet.cue_start:tweet.cue_end] == tweet.cue
    assert seg_at(text, segs, "— Donald J. Trump").kind == "boilerplate"
    other = seg_at(text, segs, "Not so fast")
    assert (other.kind, other.speaker) == ("direct", "Jane Roe")


# --- coverage rules (our own snippets) ---

def test_quote_then_spokesman_was_quoted_as_saying_relayed_by_kcna():
    text = ("KCNA said talks had stalled, citing a foreign ministry spokesman.\n\n"
            "“This is a provocation,” the spokesman was quoted as saying.")
    segs = voices(text, outlet="Reuters")
    quote = seg_at(text, segs, "This is a provocation")
    assert (quote.kind, quote.speaker, quote.source) == ("direct", "foreign ministry spokesman", "KCNA")
    assert "quoted as saying" in quote.cue


@pytest.mark.parametrize("text, phrase, speaker", [
    ("Kim and Moon said in a joint statement that the talks were a success.", "the talks were", "Kim Jong Un & Moon Jae-in"),
    ("China and Russia have urged both sides to calm down.", "both sides to calm", "China & Russia"),
    ("Trump met Kim in Hanoi on Friday. The two leaders said the talks went well.", "the talks went", "Trump & Kim Jong Un"),
    ("Bolton met Kang Kyung-wha on Monday and both said the visit had gone well.", "the visit had gone",
     "John Bolton & Kang Kyung-wha"),
])
def test_joint_speakers(text, phrase, speaker):
    row = seg_at(text, voices(text), phrase)
    assert row.kind == "indirect" and row.speaker == speaker


def test_joint_description_of_people_takes_people_not_governments():
    text = "Kim met Moon at the border. North Korea was pleased. The visit would go on, the two leaders said."
    assert seg_at(text, voices(text), "The visit would").speaker == "Kim Jong Un & Moon Jae-in"
    text = "Kim met Moon at the border. The pair said the visit had gone well."
    assert seg_at(text, voices(text), "the visit had").speaker == "Kim Jong Un & Moon Jae-in"


def test_infinitive_of_intent_is_no_report():
    text = "Trump, who plans to meet Kim next month, said talks would go on."
    segs = voices(text, outlet="Wire")
    assert seg_at(text, segs, "meet Kim next month").kind == "narration"
    assert seg_at(text, segs, "talks would go on").speaker == "Trump"


@pytest.mark.parametrize("text, phrase, speaker", [
    ("Pyongyang warned that it would respond.", "it would respond", "North Korea"),
    ("Washington insists that sanctions stay.", "sanctions stay", "United States"),
    ("Seoul said the drills would go ahead.", "the drills would", "South Korea"),
    ("North Korea said the test was a success.", "the test was", "North Korea"),
])
def test_metonymic_speakers_are_governments(text, phrase, speaker):
    row = seg_at(text, voices(text), phrase)
    assert (row.kind, row.speaker, row.source) == ("indirect", speaker, speaker)


@pytest.mark.parametrize("text, phrase", [
    ("The North said via its official KCNA news agency that the test was a success.", "the test was"),
    ("Through its state media, the North described the launch as a routine drill.", "the launch as"),
    ("“Talks are over,” a North Korean official said in a statement carried by state media.", "Talks are over"),
])
def test_channel_named_with_the_report_is_the_source(text, phrase):
    assert seg_at(text, voices(text), phrase).source == "KCNA"


def test_a_news_agency_citing_a_source_relays_the_sources_words():
    text = ("Ruritania must not provoke the North, KCNA said, citing a foreign ministry spokesman.\n\n"
            "“This is a dangerous act,” the spokesman was quoted as saying.\n\n"
            "Talks would resume, Jane Roe said, citing a report.")   # a person citing: her own words
    segs = voices(text, outlet="Daily Planet")
    row = seg_at(text, segs, "Ruritania must not")
    assert (row.kind, row.speaker, row.source, row.outer_speaker) == ("indirect", "foreign ministry spokesman", "KCNA", "KCNA")
    row = seg_at(text, segs, "This is a dangerous")
    assert (row.kind, row.speaker, row.source) == ("direct", "foreign ministry spokesman", "KCNA")
    assert seg_at(text, segs, "Talks would resume").speaker == "Jane Roe"


def test_a_pronoun_or_description_keeps_the_channel_its_antecedent_spoke_through():
    text = ("“Talks have failed,” a Ruritanian foreign ministry spokesman said in a statement carried by KCNA.\n\n"
            "He said the envoys had been rude. He argued for a new round.\n\n"
            "Jane Roe said on Monday that talks had failed. She said the envoys had left.\n\n"
            "“We will wait,” the spokesman said.")
    segs = voices(text, outlet="Daily Planet")
    for phrase in ("the envoys had been", "for a new round", "We will wait"):   # a pronoun, a description
        row = seg_at(text, segs, phrase)
        assert (row.speaker, row.source) == ("Ruritanian foreign ministry spokesman", "KCNA"), phrase
    assert seg_at(text, segs, "the envoys had left").source == "Jane Roe"   # no channel named with her


def test_a_name_in_apposition_after_according_to_a_description_is_the_source():
    text = "“We are leaving,” the envoy told a reporter, according to the reporter, Jane Okafor."
    assert seg_at(text, voices(text), "We are leaving").source == "Jane Okafor"
    text = "The talks went well, according to the envoy, Jane Okafor."
    assert seg_at(text, voices(text), "The talks went").speaker == "Jane Okafor"
    text = "According to the report, Kim Jong Un has left."   # a name that opens the reported words
    assert seg_at(text, voices(text), "Kim Jong Un has").speaker == "report"
    text = "The talks went well, according to the report, Washington Post."   # an outlet, no person
    assert seg_at(text, voices(text), "The talks went").speaker == "report"


@pytest.mark.parametrize("text, phrase, speaker, source", [
    ("KCNA quoted leader Kim Jong Un as saying the launch was a gift.", "the launch was", "Kim Jong Un", "KCNA"),
    ("Kim toured a farm. Later China’s state media quoted him as saying the harvest would be good.",
     "the harvest would", "Kim Jong Un", "Chinese state media"),
    ("The Times quoted a senior aide as saying that talks would resume.", "talks would resume", "senior aide", "Times"),
])
def test_quoted_as_saying_gives_the_words_to_the_one_quoted(text, phrase, speaker, source):
    segs = voices(text)
    row = seg_at(text, segs, phrase)
    assert (row.kind, row.speaker, row.source) == ("indirect", speaker, source)
    assert row.text.startswith(phrase)
    check_partition(text, segs)


@pytest.mark.parametrize("text, phrase, speaker", [
    ("Russian Foreign Minister Sergei Lavrov said talks must go on.", "talks must", "Sergei Lavrov"),
    ("U.S. Senator Jane Roe said the deal was weak.", "the deal was", "Jane Roe"),
    ("Trump’s national security adviser, John Bolton, on Sunday said the launch was a mistake.", "the launch was",
     "John Bolton"),
    ("“We see progress,” said a spokesman, Kim Eui-kyeom.", "We see progress", "Kim Eui-kyeom"),
    ("Kim Hee-sung, an analyst in Seoul, said the talks would fail.", "the talks would", "Kim Hee-sung"),
    ("Chairman Kim said the talks would go on.", "the talks would", "Kim Jong Un"),
    ("China’s state media quoted the envoy as saying the summit was useful.", "the envoy as saying", "Chinese state media"),
    ("Trump spoke in Tokyo. “We are in no hurry,” the president tweeted.", "We are in no", "Trump"),
])
def test_canonical_speakers_across_outlets(text, phrase, speaker):
    assert seg_at(text, voices(text), phrase).speaker == speaker


@pytest.mark.parametrize("text, phrase, speaker", [
    ("The network's correspondent Jane Okafor was upset. Okafor said the talks had failed.", "the talks had", "Jane Okafor"),
    ("Senator Jim Lanke of Ohio spoke first. Later, Lanke said the plan was weak.", "the plan was", "Jim Lanke"),
    ("Whether Lanke knew is unclear, and whether it matters. Lanke said the plan was weak.", "the plan was",
     "Lanke"),   # a word the article also writes in lower case is no given name
    ("Melania Trump waved. Trump said the talks went well.", "the talks went", "Trump"),          # an alias stays
    ("Senate Majority Whip Jo Lanke said the bill would pass.", "the bill would", "Jo Lanke"),
    ("Network correspondent Jo Lanke reports that the site is closed.", "the site is", "Jo Lanke"),
])
def test_surname_takes_the_full_name_written_before(text, phrase, speaker):
    assert seg_at(text, voices(text), phrase).speaker == speaker


def test_a_time_span_is_no_voice():
    text = "Days after reports that the plant had closed, the envoy warned that talks could end."
    segs = voices(text)
    assert (seg_at(text, segs, "the plant had").speaker, seg_at(text, segs, "the plant had").source) == ("unknown", "unknown")
    assert seg_at(text, segs, "talks could end").source == "envoy"   # not the time before the reports


def test_subject_before_a_relative_clause_and_head_of_a_prepositional_phrase():
    text = "Mr Xi and Russian President Vladimir Putin, who held a call last week, said the plan must start."
    assert seg_at(text, voices(text), "the plan must").speaker == "Xi Jinping & Vladimir Putin"
    text = "An official with deep knowledge of North Korea said the plan would fail."
    row = seg_at(text, voices(text), "the plan would")
    assert row.speaker == "official" and text[row.mention_start:row.mention_end].startswith("An official")
    text = "Some U.S. experts on North Korea said the plan would fail."   # a quantifier opens the phrase
    assert seg_at(text, voices(text), "the plan would").speaker == "U.S. experts"


def test_block_quote_after_a_lead_in_colon_is_the_lead_in_speakers_direct_speech():
    """A paragraph in the first person without quote marks after a lead-in ending in ':' is the
    lead-in's speaker's; only that one paragraph, and not after a colon with no person to speak."""
    text = ("Anchor keeps up attack\n\nThe anchor Dana Whitlow went on air after the vote. Undeterred, Whitlow doubled down:\n\n"
            "I think they never read the bill. We asked them twice and got nothing.\n\n"
            "I disagree with her, and our readers do too.\n\n"
            "Although Whitlow was given more time, the segment ended with more of the same:\n\n"
            "And we will keep asking until they answer us.\n\n"
            "Three things happened that night:\n\n"
            "We saw the lights go out at nine.")
    segs = voices(text, outlet="Daily Planet")
    for phrase in ("I think they never", "And we will keep"):
        row = seg_at(text, segs, phrase)
        assert (row.kind, row.speaker, row.source) == ("direct", "Dana Whitlow", "Dana Whitlow"), phrase
    assert seg_at(text, segs, "I think they never").text.endswith("got nothing.")
    assert seg_at(text, segs, "I disagree with her").kind == "narration"   # the next paragraph: the outlet again
    assert seg_at(text, segs, "We saw the lights").kind == "narration"     # no person gives the floor
    check_partition(text, segs)



def test_ad_markers_video_cards_share_bars_and_alert_sign_ups_are_furniture():
    """Ad markers between paragraphs ('Advertisement:', 'AD'), a video card, a caption that opens
    with the page's share bar and a news-alert sign-up box (our own snippets)."""
    text = ("Envoys met in Oslo.\n\nAdvertisement:\n\nThey spoke for an hour.\n\nAD\n\n"
            "Play Video 2:05 Envoys leave the hall – video\n\n"
            "Facebook Twitter Pinterest Two envoys at the door. Photograph: Jane Doe/Wire\n\n"
            "Breaking News Alerts Get the news as it breaks. Email Sign Up\n\nTalks end on Friday.")
    segs = voices(text, outlet="Daily Planet")
    for phrase in ("Advertisement:", "AD", "Play Video", "Facebook Twitter", "Breaking News Alerts"):
        assert seg_at(text, segs, phrase).kind == "boilerplate", phrase
    for phrase in ("Envoys met", "They spoke", "Talks end"):
        assert seg_at(text, segs, phrase).kind == "narration", phrase
    check_partition(text, segs)


def test_audio_bars_video_cards_photographer_credits_and_assistance_lines_are_furniture():
    """A listen-and-share bar, a video card ('JUST WATCHED ... Replay More Videos ...'), a caption
    ending with 'Photographer: Name/Agency' and an '— With assistance by' line (our own snippets)."""
    text = ("LISTEN TO ARTICLE 3:12 SHARE THIS ARTICLE Share Tweet Post Email\n\nEnvoys met in Oslo.\n\n"
            "JUST WATCHED Envoys meet in Oslo Replay More Videos ... MUST WATCH Envoys meet in Oslo 01:10\n\n"
            "Two envoys at the door on May 2. Photographer: Jane Doe/Wire\n\n"
            "They spoke for an hour, Jane Doe said.\n\n\u2014 With assistance by Sam Roe and Ann Lee")
    segs = voices(text, outlet="Daily Planet")
    for phrase in ("LISTEN TO", "JUST WATCHED", "Two envoys at", "\u2014 With assistance"):
        assert seg_at(text, segs, phrase).kind == "boilerplate", phrase
    assert seg_at(text, segs, "Envoys met").kind == "narration"
    assert seg_at(text, segs, "They spoke").speaker == "Jane Doe"   # a credit's name speaks elsewhere
    check_partition(text, segs)


def test_a_bar_glued_to_text_or_a_label_before_a_sentence_is_no_furniture():
    """Furniture patterns match a whole bar or link, not a paragraph that merely opens like one:
    text glued to a bar (another scrape's layout) and a label before a full sentence stay text."""
    text = ("LISTEN TO ARTICLE 3:00 Share Email Jane Roe said the talks went well.\n\n"
            "JUST WATCHED Roe talks trade Replay More Videos ... MUST WATCH Roe talks trade 00:50 Envoys met.\n\n"
            "VIDEO: The ministry said the talks had failed.")
    segs = voices(text, outlet="Daily Planet")
    assert "boilerplate" not in set(segs["kind"])
    assert seg_at(text, segs, "the talks went well").kind == "indirect"
    check_partition(text, segs)


def test_block_quote_after_a_lead_in_that_names_a_speech_act():
    """'X, <apposition>, told the Times:' and 'Recall what X told Y ...:' give the floor to X (not
    to the one spoken to), past an ad marker, and the paragraph may quote others inside it."""
    text = ("Judges were named last year.\n\nLaw professor Dana Whitlow, an expert on courts, told the Ledger:\n\n"
            "The bench is now our problem, and it will not fix itself.\n\n"
            "Critics agree. Recall what Whitlow told Sam Okoro on a podcast in May:\n\nAdvertisement:\n\n"
            "We keep hearing people say, \u201cWait and see.\u201d I think we waited long enough.\n\n"
            "The court did not respond.")
    segs = voices(text, outlet="Daily Planet")
    for phrase in ("The bench is now", "We keep hearing"):
        row = seg_at(text, segs, phrase)
        assert (row.kind, row.speaker) == ("direct", "Dana Whitlow"), phrase
    assert seg_at(text, segs, "We keep hearing").text.endswith("long enough.")
    assert seg_at(text, segs, "The court did not").kind == "narration"
    check_partition(text, segs)


def test_block_quote_after_a_lead_in_about_his_or_her_words():
    """'His latest remark about X shows ...:' gives the floor to the person 'his' stands for."""
    text = ("Mayor Rivera spoke in Ohio about the tariffs.\n\nHis latest remark about the plan shows some doubt:\n\n"
            "I am not sure we can pay for it, and I said so twice.\n\nThe council meets in May.")
    segs = voices(text, outlet="Daily Planet")
    row = seg_at(text, segs, "I am not sure")
    assert (row.kind, row.speaker) == ("direct", "Rivera")
    assert seg_at(text, segs, "The council meets").kind == "narration"


def test_a_person_before_an_affiliation_speaks_not_the_place_in_it():
    text = "Jane Okafor of Busan national college in South Korea warned that the talks would fail."
    row = seg_at(text, voices(text), "the talks would")
    assert (row.kind, row.speaker, row.source) == ("indirect", "Jane Okafor", "Jane Okafor")
    text = "Ann Okafor in a since-deleted post on Twitter wrote that the quote was real."
    assert seg_at(text, voices(text), "the quote was").speaker == "Ann Okafor"   # not the site she wrote on
    # no person's name opens the subject: the rule leaves it to the others (the government named)
    text = "Officials of the ministry in South Korea warned that the talks would fail."
    assert seg_at(text, voices(text), "the talks would").speaker == "South Korea"


@pytest.mark.parametrize("text, phrase, speaker", [
    ("Col. Jane Roe, a Harbour Authority spokeswoman, said in a statement that the drills go on.",
     "the drills go on", "Jane Roe"),
    # (this one needs the rule: without it the paper inside the apposition speaks)
    ("The Daily Planet, a paper run by the ruling party\u2019s Gazette, said the talks would fail.",
     "the talks would", "Daily Planet"),
])
def test_the_one_named_before_an_apposition_speaks_not_the_body_in_it(text, phrase, speaker):
    assert seg_at(text, voices(text), phrase).speaker == speaker


def test_a_name_after_a_preposition_is_no_one_an_apposition_describes():
    """'A lawyer for Ruritania Watch, a group that ...,': the name after 'for' is the object of a
    preposition; the apposition describes it, but it is no speaker (our own snippet)."""
    text = "A lawyer for Ruritania Watch, a group that sued the State Department, said the deal was weak."
    assert seg_at(text, voices(text), "the deal was").speaker != "Ruritania Watch"


def test_a_clause_taken_for_the_speaker_gives_the_voice_of_its_pronoun():
    """'he kept up his attack on the levy saying, “...”': he, not the clause, speaks."""
    text = ("Trump toured the farm on Monday. Though he decided not to stay, he kept up his attack on "
            "the levy saying, \"If they persist,\" the farmers \"will suffer.\"")
    segs = voices(text)
    for phrase in ("If they persist", "will suffer"):
        row = seg_at(text, segs, phrase)
        assert (row.kind, row.speaker, row.source) == ("direct", "Trump", "Trump"), phrase


@pytest.mark.parametrize("opening", ["KCNA ran the story on Monday.", "Ann Lee toured the farm on Monday."])
def test_a_pronoun_clause_keeps_the_clause_when_she_resolves_to_no_person_of_known_gender(opening):
    """'she' after a news agency, or after a name the alias table gives no gender: no voice to
    put for the clause (our own snippets)."""
    text = (opening + " Though she decided not to stay, she kept up her attack on the levy saying, "
            "\"If they persist,\" the farmers \"will suffer.\"")
    row = seg_at(text, voices(text), "If they persist")
    assert row.speaker == "she kept up her attack on the levy"


def test_a_name_opening_a_passive_report_keeps_its_voice_and_a_negated_verb_names_no_one():
    text = "Kim met the envoy. Kim is reported to have promised him that the tests would stop."
    row = seg_at(text, voices(text), "the tests would")
    assert (row.speaker, row.source) == ("Kim Jong Un", "KCNA")
    text = ("Trump spoke at the rally. Don't let anyone tell you otherwise. "
            "He later said that he was joking.")
    segs = voices(text)
    assert seg_at(text, segs, "he was joking").speaker == "Trump"
    assert not segs.speaker.str.startswith("Don").any()


def test_a_quote_after_the_one_asked_or_told_is_direct_speech():
    text = ("Rivera spoke in Ohio on Tuesday. Later he asked a rally crowd, \u201cWhere is the applause? "
            "Nobody claps for us.\u201d")
    row = seg_at(text, voices(text), "Where is the applause")
    assert (row.kind, row.speaker, row.cue) == ("direct", "Rivera", "asked")


@pytest.mark.parametrize("text, phrase", [
    ("Rivera spoke in Ohio on Tuesday. Western media criticized the plan. He said that the critics were wrong.",
     "the critics were"),
    ("Rivera spoke in Ohio on Tuesday. When Democrats would not applaud the plan, he said that they were rude.",
     "they were rude"),
])
def test_party_and_media_names_are_groups_no_he(text, phrase):
    assert seg_at(text, voices(text), phrase).speaker == "Rivera"


def test_a_quote_closing_without_a_comma_before_its_speaker_and_a_sure_verb():
    """'“X” Press Secretary Jane Roe said': the comma before the closing mark is missing; a quote
    of three or more words opening its sentence still goes to the speaker after it, a partial
    quote inside a sentence does not (our own snippets)."""
    text = "“He'll be ready\" Harbour Office spokeswoman Jane Roe said on Monday."
    row = seg_at(text, voices(text), "He'll be ready")
    assert (row.kind, row.speaker, row.cue) == ("direct", "Jane Roe", "said")
    text = "“The port opens in May” Mayor Ana Ruiz told reporters."
    assert seg_at(text, voices(text), "The port opens").speaker == "Ana Ruiz"
    text = "The union warned of a “long strike” if talks fail, Ana Ruiz said."
    assert seg_at(text, voices(text), "long strike").kind != "direct"


def test_it_was_revealed_that_names_no_speaker():
    """'It was revealed that ...': an agentless passive report; 'it' is no speaker (our own snippets)."""
    for text in ("It was revealed that the envoys had met twice in May.",
                 "It has also been reported on Monday that the envoys had met."):
        row = seg_at(text, voices(text, outlet="Daily Planet"), "the envoys had met")
        assert (row.kind, row.speaker, row.source) == ("indirect", "", "unknown"), text
    text = "The ferry was late. It said in a notice that the storm was to blame."   # a pronoun, no passive
    assert seg_at(text, voices(text), "the storm was").kind == "indirect"


def test_a_coordinated_second_report_is_not_nested_in_the_first():
    """'Washington warned that X and Seoul said Y': Seoul's words go through no US channel
    (their cue standing in the first report's words, ``_relay.report_in_a_report`` may still name
    the first speaker as ``outer_speaker``, as PolNeAR counts them); 'X said Y thinks Z' stays
    nested (our own snippets)."""
    text = "Washington warned that no aid would come until the talks ended and Seoul said it would not beg."
    row = seg_at(text, voices(text), "it would not beg")
    assert (row.kind, row.speaker, row.source) == ("indirect", "South Korea", "South Korea")
    text = "Jane Roe said that Seoul thinks the aid will come."
    row = seg_at(text, voices(text), "the aid will")
    assert (row.speaker, row.outer_speaker) == ("South Korea", "Jane Roe")

# --- unresolved speakers ---

def test_unresolved_speakers_counts_names_no_alias_resolved():
    docs = framing.make_documents([
        {"doc_id": "a", "text": "Ann Lee said talks failed. Trump said they went well."},
        {"doc_id": "b", "text": "Ann Lee said so again. Kim and Moon said in a joint statement that it was done."},
    ])
    table = framing.unresolved_speakers(voices_frame(docs))
    assert table.to_dict("records") == [{"speaker": "Ann Lee", "segments": 2, "documents": 2, "doc_ids": "a, b"}]
    assert framing.unresolved_speakers(voices_frame(docs), aliases={"Ann Lee": "Ann Lee"}).empty


def test_phrase_gold_names_a_phrase_that_is_not_there():
    docs = framing.make_documents([{"doc_id": "d", "text": "Talks resumed.", "source": "Wire"}])
    gold = pd.DataFrame({"doc_id": ["d"], "phrase": ["Talks ended"], "kind": ["narration"], "speaker": [""],
                         "source": ["@outlet"]})
    with pytest.raises(FramingError, match="Talks ended"):
        score_phrase_gold(voices_frame(docs), gold, docs)



def test_phrase_gold_kind_accepts_either_of_two_readings():
    docs = framing.make_documents([{"doc_id": "d", "text": "Talks resumed. Kim said the talks went well.",
                                    "source": "Wire"}])
    gold = pd.DataFrame({"doc_id": ["d"] * 3, "phrase": ["Talks resumed", "the talks went", "the talks went"],
                         "kind": ["narration", "narration | indirect", "direct|narration"],
                         "speaker": ["", "Kim Jong Un", "*"], "source": ["@outlet", "KCNA|Kim Jong Un", "*"]})
    scored = score_phrase_gold(voices_frame(docs), gold, docs)
    assert scored["pred_kind"].tolist() == ["narration", "indirect", "indirect"]
    assert scored["kind_ok"].tolist() == [True, True, False]

# --- the real corpus ---

@pytest.fixture(scope="session")
def allsides(corpora):
    from framing.datasets import load_allsides

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", BrokenRecordWarning)   # the 60 undated articles, counted by the reader
        return load_allsides(corpora / "allsides_nk")


@pytest.fixture(scope="session")
def allsides_segments(allsides):
    return voices_frame(allsides)


@pytest.fixture(scope="session")
def gold_scores(allsides, allsides_segments):
    gold = pd.read_csv(GOLD, dtype=str, keep_default_na=False)
    return score_phrase_gold(allsides_segments[allsides_segments.doc_id.isin(gold.doc_id)], gold, allsides)


def test_every_article_splits_into_a_partition(allsides, allsides_segments):
    assert allsides_segments["doc_id"].nunique() == len(allsides) == 615
    texts = dict(zip(allsides["doc_id"], allsides["text"]))
    for doc_id, segs in allsides_segments.groupby("doc_id", sort=False):
        check_partition(texts[doc_id], segs)


def test_gold_tables_cover_every_construction(gold_scores):
    assert gold_scores.groupby("split")["doc_id"].nunique().to_dict() == {"dev": 13, "dev2": 6, "dev3": 4, "dev4": 4, "heldout": 19}
    notes = " ".join(gold_scores.loc[gold_scores.split == "dev", "note"])
    for construction in ("dateline", "caption", "credit", "quoted as saying", "joint", "intent", "Pyongyang",
                         "Washington", "KCNA", "state media", "embedded tweet", "tweeted", "Mr. Trump"):
        assert construction in notes or construction in " ".join(gold_scores.cue), construction


# measured accuracy (benchmarks/allsides_voices.py, 2026-12-08) minus a margin of one to two rows
# (one row of 94 / 88 / 173 / 360 is 0.011 / 0.011 / 0.006 / 0.003)
@pytest.mark.parametrize("split, kind, speaker, source", [
    ("dev", 0.99, 0.965, 0.959),        # measured 1.000 / 0.977 / 0.971 (173 rows)
    ("dev2", 0.935, 0.872, 0.902),      # measured 0.957 / 0.894 / 0.924 (94 rows)
    ("dev3", 0.925, 0.948, 0.925),      # measured 0.943 / 0.966 / 0.943 (88 rows)
    ("dev4", 0.915, 0.91, 0.865),       # measured 0.926 / 0.922 / 0.878 (94 rows; 90 speakers and sources checked)
    ("heldout", 0.91, 0.84, 0.79),      # measured 0.917 / 0.847 / 0.796 (360 rows; 19 articles)
])
def test_gold_accuracy(gold_scores, split, kind, speaker, source):
    part = gold_scores[gold_scores.split == split]
    assert part["kind_ok"].mean() >= kind
    assert part["speaker_ok"].dropna().astype(bool).mean() >= speaker
    assert part["source_ok"].dropna().astype(bool).mean() >= source


# --- the second annotation (agreement of the gold) ---

def _allsides_benchmark():
    """benchmarks/allsides_voices.py as a module (it imports its sibling ``_record``)."""
    import importlib.util
    import sys

    folder = Path(__file__).resolve().parents[1] / "benchmarks"
    spec = importlib.util.spec_from_file_location("allsides_voices_bench", folder / "allsides_voices.py")
    module = importlib.util.module_from_spec(spec)
    sys.path.insert(0, str(folder))
    try:
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(folder))
    return module


SECOND = GOLD.with_name("allsides_voices_gold_second.csv")


def test_second_annotation_aligns_with_the_gold_rows():
    bench = _allsides_benchmark()
    gold, second = bench.read_gold(GOLD), bench.read_gold(SECOND)
    assert list(second.columns) == ["split", "doc_id", "phrase", "occurrence", "kind", "speaker", "source", "cue"]
    assert second.groupby("split").size().to_dict() == {"dev": 40, "dev2": 35, "heldout": 45}
    aligned = bench.align_annotations(gold, second)          # raises when a row locates no gold row
    assert len(aligned) == len(second) == len(second.drop_duplicates(bench.KEYS))
    assert (aligned["kind_first"] != "").all() and (aligned["kind_second"] != "").all()
    stray = second.iloc[:1].assign(phrase="no such phrase")
    with pytest.raises(FramingError, match="locate no gold row"):
        bench.align_annotations(gold, stray)


def test_annotation_agreement_on_a_hand_made_example():
    """Four rows labelled by two annotators (our own values), agreement worked out by hand.

    kind: n/n, direct/indirect, indirect / indirect|direct (agree on indirect), b/b: observed 3/4;
    values n2 d1 i3 b2 (n = 8), two disagreeing pairs: alpha = 1 - 7 * 2 / (64 - 18) = 16/23.
    speaker: "President Trump" is an alias of Trump and "A & B" is order- and case-free: all agree.
    source: "*" is not compared (3 rows); @outlet is Reuters here; KCNA / North Korea disagree:
    values 2 + 2 + 1 + 1 (n = 6), alpha = 1 - 5 * 2 / (36 - 10) = 8/13."""
    bench = _allsides_benchmark()
    aligned = pd.DataFrame({
        "split": ["dev"] * 4, "doc_id": ["d"] * 4, "phrase": ["p1", "p2", "p3", "p4"], "occurrence": ["1"] * 4,
        "kind_first": ["narration", "direct", "indirect", "boilerplate"],
        "kind_second": ["narration", "indirect", "indirect|direct", "boilerplate"],
        "speaker_first": ["", "Trump", "Kim Jong Un & Moon Jae-in", ""],
        "speaker_second": ["", "President Trump", "moon jae-in & kim jong un", ""],
        "source_first": ["@outlet", "Trump", "KCNA", ""],
        "source_second": ["Reuters", "*", "North Korea", ""],
    })
    aliases = pd.DataFrame({"alias": ["President Trump"], "canonical": ["Trump"]})
    table = bench.annotation_agreement(aligned, {"d": "Reuters"}, aliases).set_index(["split", "column"])
    assert table.loc[("all", "kind"), "rows"] == 4 and table.loc[("all", "kind"), "observed_agreement"] == 0.75
    assert table.loc[("all", "kind"), "alpha"] == round(16 / 23, 3)
    assert table.loc[("all", "speaker"), ["observed_agreement", "alpha"]].tolist() == [1.0, 1.0]
    assert table.loc[("all", "speaker_reported"), "rows"] == 2       # rows 2 and 3: direct or indirect for both
    assert table.loc[("all", "source"), "rows"] == 3
    assert table.loc[("all", "source"), "observed_agreement"] == round(2 / 3, 3)
    assert table.loc[("all", "source"), "alpha"] == round(8 / 13, 3)
    assert table.loc[("dev", "kind"), "alpha"] == table.loc[("all", "kind"), "alpha"]
