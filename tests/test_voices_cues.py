"""Cue verbs added from PolNeAR train's annotated cues (cues.csv versions 7 and 8): each reports its
object or clause for the subject before it (snippets written for the test)."""

import warnings

import pytest

import framing

CASES = [
    ("Senator Jane Ross voiced concern about the new tariff plan.", "voiced", "Jane Ross",
     "concern about the new tariff plan."),
    ("Jane Ross bemoaned the slow pace of the talks.", "bemoaned", "Jane Ross", "the slow pace of the talks."),
    ("Mr. Lee likened the tax bill to a bank robbery.", "likened", "Lee", "the tax bill to a bank robbery."),
    ("Governor Amy Hart outlined a plan to cut property taxes.", "outlined", "Amy Hart",
     "a plan to cut property taxes."),
    ("Jane Ross pleaded with voters to reject the measure.", "pleaded", "Jane Ross",
     "with voters to reject the measure."),
    ("Jane Ross issued a statement condemning the attack.", "issued", "Jane Ross",
     "a statement condemning the attack."),
    ("Senator Jane Ross named Tom Hill as her running mate.", "named", "Jane Ross", "Tom Hill as her running mate."),
    ("Mr. Lee is questioning whether the deal will hold.", "questioning", "Lee", "whether the deal will hold."),
    # version 8
    ("Senator Jane Ross voted against the harbour toll.", "against", "Jane Ross", "the harbour toll."),
    ("Mr. Lee came out in support of the port bond.", "of", "Lee", "the port bond."),
    ("Jane Ross knocked the council for its slow response.", "knocked", "Jane Ross",
     "the council for its slow response."),
    ("The court struck down the harbour toll.", "down", "court", "the harbour toll."),
    ("The dock union favors a lower toll.", "favors", "dock union", "a lower toll."),
    ("Jane Ross liked the new plan.", "liked", "Jane Ross", "the new plan."),
    ("Jane Ross has been supportive of the harbour toll.", "of", "Jane Ross", "the harbour toll."),
    ("Most dock workers are against the harbour toll.", "against", "dock workers", "the harbour toll."),
    ("Jane Ross raised concerns about the harbour toll.", "about", "Jane Ross", "the harbour toll."),
    ("Tom Hill cast his vote for the harbour toll.", "for", "Tom Hill", "the harbour toll."),
    ("Jane Ross is concerned that the toll will rise.", "that", "Jane Ross", "the toll will rise."),
    ("The council voted to raise the harbour toll.", "to", "council", "raise the harbour toll."),
    ("The judge ordered that the city release the files.", "ordered", "judge", "the city release the files."),
    ("Most voters in the district preferred the younger candidate.", "preferred", "voters in the district",
     "the younger candidate."),
    ("Jane Ross lists three reasons to vote no.", "lists", "Jane Ross", "three reasons to vote no."),
    ("The mayor would push to close the old harbour.", "to", "mayor", "close the old harbour."),
]


def _voices(text):
    """The segments of one document (the reader's warnings about the snippet are not the point)."""
    docs = framing.make_documents([{"doc_id": "d", "text": text}])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return framing.voices_frame(docs)


@pytest.mark.parametrize("text, cue, speaker, content", CASES)
def test_added_cue_verbs_report_their_content(text, cue, speaker, content):
    frame = _voices(text)
    reported = frame[frame["kind"] == "indirect"]
    assert len(reported) == 1
    row = reported.iloc[0]
    assert (row.cue.split()[-1], row.speaker, text[row.start:row.end]) == (cue, speaker, content)
    assert text[row.cue_start:row.cue_end].endswith(cue)


def test_an_order_relayed_by_a_medium_stays_the_medium_report():
    """'ordered' is a cue, but 'X ordered ..., KCNA said.' stays KCNA's report (RELAYED_WHOLE)."""
    text = "Kim Jong Un ordered new preparations for the summit, KCNA said."
    frame = _voices(text)
    reported = frame[frame["kind"] == "indirect"]
    assert list(reported["speaker"]) == ["KCNA"]


def test_a_passive_order_is_no_report_of_its_subject():
    """'had been ordered by the court to leave': the families are told, they report nothing."""
    text = "Officials said the families had been ordered by the court to leave the camp."
    frame = _voices(text)
    reported = frame[frame["kind"] == "indirect"]
    assert [(r.speaker, text[r.start:r.end]) for r in reported.itertuples()] == [
        ("officials", "the families had been ordered by the court to leave the camp.")]


def test_lists_as_a_noun_is_no_cue():
    """'The secret lists, alias ..., included': 'lists' needs a named subject (NOUN_LIKE)."""
    text = "The secret lists, alias the black lists, included every rival of the mayor."
    assert (_voices(text)["kind"] == "narration").all()


def test_editors_note_reports_nothing():
    text = ("Editor’s note: Jane Ross is a candidate who has repeatedly pledged to cut every tax in sight.\n\n"
            "Tom Hill said the plan would fail.")
    frame = _voices(text)
    reported = frame[frame["kind"] == "indirect"]
    assert [(r.speaker, text[r.start:r.end]) for r in reported.itertuples()] == [("Tom Hill", "the plan would fail.")]


@pytest.mark.parametrize("text, speaker, content", [
    ("Rival candidates have long criticized the governor for his tax plan.", "Rival candidates",
     "the governor for his tax plan."),
    ("Many voters feel that the race is already over.", "voters", "the race is already over."),
])
def test_plural_noun_subject_of_a_stance_verb_speaks(text, speaker, content):
    frame = _voices(text)
    reported = frame[frame["kind"] == "indirect"]
    assert [(r.speaker, text[r.start:r.end]) for r in reported.itertuples()] == [(speaker, content)]


def test_no_subject_for_a_stance_verb_after_a_conjunction():
    text = "While the governor backed the plan, it failed."
    frame = _voices(text)
    assert (frame["kind"] == "narration").all()


def test_opening_adjunct_before_the_subject_is_no_trailing_report():
    """'On Thursday, X argued before ... that Y': the report is Y, not 'On Thursday'."""
    text = "On Thursday, Senator Jane Ross argued before the committee that the law is unfair."
    frame = _voices(text)
    reported = frame[frame["kind"] == "indirect"]
    assert [(r.speaker, text[r.start:r.end]) for r in reported.itertuples()] == [("Jane Ross", "the law is unfair.")]


def test_two_medium_nouns_join_the_cue():
    # 'in a video message': both nouns are the medium, not the first word of the content
    text = "Jane Ross said in a video message that the port would reopen."
    row = _voices(text).query("kind == 'indirect'").iloc[0]
    assert (row.cue, row.speaker, text[row.start:row.end]) == (
        "said in a video message", "Jane Ross", "the port would reopen.")


def test_coming_out_for_an_event_is_no_stance():
    """'came out for the parade' is turning up; 'came out against / in favor of' takes a side."""
    assert _voices("Many people in the town came out for the parade.")["kind"].eq("narration").all()
    reported = _voices("Mr. Lee came out against the port bond.")
    assert list(reported.loc[reported["kind"] == "indirect", "speaker"]) == ["Lee"]


def test_a_cue_word_is_no_form_of_another_cue_row():
    """One row per cue ('worried' is a form of 'worry', not a row of its own); a cue may have
    rows of different categories ('announce' and 'announcement')."""
    from framing.attribution._vocab import _rows
    rows = _rows("cues.csv")
    owners = {}
    for row in rows:
        for form in row["pattern"].split("|"):
            owners.setdefault(form.strip().lower(), set()).add(row["cue"])
    assert [r["cue"] for r in rows if owners.get(r["cue"], {r["cue"]}) != {r["cue"]}] == []


def test_a_be_pattern_stands_for_each_form_of_be():
    """'BE wary of' in cues.csv is 'is wary of' ... 'be wary of', each a form of the row's verb."""
    from framing.attribution._vocab import cue_verbs
    forms = cue_verbs()
    assert {f: forms[f].lemma for f in ("is wary of", "were wary of", "been wary of", "be wary of")} == \
        dict.fromkeys(("is wary of", "were wary of", "been wary of", "be wary of"), "wary")
    assert "am wary of" not in forms and "wary of" in forms   # (the row also lists the bare adjective)


def test_the_object_of_a_cue_ending_with_its_preposition_is_no_speaker():
    """'X, an appositive, spoke about Y.': Y is what was spoken about, not an inverted speaker
    ('..., said Mr. Smith'); the same for a speech act read with its topic ('spoke highly of')."""
    for text in ("Ann Lee, a singer who won the prize last year, spoke about the value of quiet mornings.",
                 "Ann Lee, a singer who won the prize last year, spoke highly of the mayor's big garden."):
        row = _voices(text).query("kind == 'indirect'").iloc[0]
        assert text[row.start:].startswith(("the value", "the mayor")) and row.speaker not in text[row.start:]
