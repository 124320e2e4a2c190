"""Which mention a segment's speaker points to (our own snippets; PolNeAR marks the mention in
the attribution's own clause: the subject of the report, not a word that opens the sentence)."""

from __future__ import annotations

from framing import voices


def mention_of(text: str, phrase: str) -> tuple[str, str]:
    """(speaker, the mention's words) of the segment holding ``phrase``."""
    segs = voices(text)
    pos = text.index(phrase)
    row = segs[(segs.start <= pos) & (segs.end > pos)].iloc[0]
    assert row.mention_start >= 0, phrase
    return row.speaker, text[row.mention_start:row.mention_end]


def test_participle_after_a_comma_is_the_main_clause_subjects():
    text = "Carson said he plans to preview a strategy, insisting that leaders are too concerned."
    assert mention_of(text, "leaders are too") == ("Carson", "Carson")


def test_participle_in_the_opening_phrase_belongs_to_the_subject_after_it():
    text = "One month after announcing his support for Trump, Marco Rubio still believes the nominee is unfit."
    assert mention_of(text, "his support for")[1] == "Marco Rubio"


def test_verb_words_between_subject_and_cue_are_skipped():
    text = "Jolly, who was elected to Congress in 2014, doesn’t see the department’s role as antiquated."
    assert mention_of(text, "the department’s role") == ("Jolly", "Jolly")
    text = "Le Pen voiced support for the candidate on Wednesday."
    assert mention_of(text, "for the candidate")[1] == "Le Pen"


def test_opening_adverbs_and_time_phrases_are_no_speakers():
    text = "Eight years ago, he supported Obama and said, “Clinton has never done anything for us.”"
    assert mention_of(text, "Clinton has never")[1] == "he"
    text = "On Sunday morning Mr. Trump made a third attempt, writing on Twitter that the issue was terrorism."
    assert mention_of(text, "the issue was")[1] == "Mr. Trump"


def test_passive_and_modal_subjects_are_no_speakers():
    segs = voices("Sanders is viewed more positively by Republicans than Clinton is.")
    assert not (segs.speaker == "Sanders").any()


def test_coordinated_verb_and_contracted_pronoun_subjects():
    text = "Since her op-ed in May, she's tacked to the left, criticizing the pipeline plan as reckless."
    assert mention_of(text, "the pipeline plan")[1] == "she"


def test_a_bare_family_name_first_maps_to_the_full_name():
    text = ("Foreign Minister Ri Yong Ho spoke at the forum on Saturday. "
            "Ri said the talks had stalled because of the sanctions.")
    segs = voices(text)
    assert seg_speaker(text, segs, "the talks had stalled") == "Ri Yong Ho"


def seg_speaker(text, segs, phrase):
    pos = text.index(phrase)
    return segs[(segs.start <= pos) & (segs.end > pos)].iloc[0].speaker


def test_participle_after_coordinated_clauses_is_the_last_clauses_subject():
    text = ("Trump spoke in Ohio. More recently, Trump has spoken out against the law, and he was quick to "
            "make his pitch after the attacks, citing his tough approach to terror.")
    segs = voices(text)
    pos = text.index("his tough approach")
    row = segs[(segs.start <= pos) & (segs.end > pos)].iloc[0]
    assert (row.speaker, row.mention_start) == ("Trump", text.index("he was quick"))


def test_opening_participle_phrase_before_the_cue_belongs_to_the_subject_after_it():
    text = "Having announced that he would not send me to prison, Judge Berman proceeded to the sentence."
    assert mention_of(text, "he would not send")[1] == "Judge Berman"


def test_coordinated_verb_after_a_complement_takes_the_reporter():
    text = ("Ginsburg said in an interview last week that she did not want to think about it and "
            "predicted that Clinton will win.")
    assert mention_of(text, "Clinton will win")[1] == "Ginsburg"


def test_coordinated_verb_in_an_adverbial_clause_takes_that_clauses_subject():
    text = "Sue Dean was at the rally, and when she met the candidate she praised him and said the race was over."
    assert mention_of(text, "the race was over")[1] == "she"


def test_participle_in_a_relative_clause_is_the_relative_pronouns():
    text = "It is a rebuttal to the candidate who launched his campaign by declaring that the border was open."
    assert mention_of(text, "the border was open")[1] == "who"


def test_a_speaker_named_after_the_cue_is_the_antecedent_of_a_later_he():
    text = ("Trump said he had a different view.\n\n“We will retire the word,” said Larry Sabato, director "
            "of the Center for Politics.\n\n“It’s the new normal,” he wrote on Twitter.")
    assert mention_of(text, "the new normal") == ("Larry Sabato", "he")


def test_relative_pronoun_skips_a_possessor_in_an_appositive():
    text = ("The plan was opposed by hard-liners like John R. Bolton, now Mr. Trump’s national security adviser, "
            "who has argued that the North must dismantle its arsenal.")
    assert mention_of(text, "the North must") == ("John Bolton", "who")


def test_a_described_speaker_is_the_antecedent_of_he():
    text = ("“The talks went badly,” a North Korean foreign ministry spokesman said in a statement.\n\n"
            "He said the delegation insisted on its demands.")
    assert mention_of(text, "the delegation insisted") == ("North Korean foreign ministry spokesman", "He")


def test_participle_after_a_trailing_speech_cue_is_that_speakers():
    text = ("Mateen did not mingle but left as soon as prayers were finished, Nefzi said, adding, "
            "“He was not very religious.”")
    assert mention_of(text, "He was not very")[1] == "Nefzi"
    text = "Ryan and Trump will meet next week, Spicer said, adding that they need to sit down."
    assert mention_of(text, "they need to sit")[1] == "Spicer"


def test_an_opening_adverb_is_no_subject():
    text = ("Overall, conservative groups spent $6 million attacking Clinton, while liberal groups, "
            "including labor unions, reported spending only $1 million.")
    assert mention_of(text, "spending only")[1] == "liberal groups"


def test_participle_without_a_plain_main_subject_takes_the_last_subject_pronoun():
    text = ("Clinton campaigned upstate. It is a strategy for the one issue on which she is to the left of the "
            "senator, while emphasizing to upstate voters her record on jobs.")
    assert mention_of(text, "her record on jobs") == ("Clinton", "she")


def test_a_day_after_an_inverted_cue_is_no_speaker():
    # '“...,” said Sunday.': no name after the cue; the quote goes on the previous speaker
    text = "Ann Lee said taxes would rise. “We will not back down,” said Sunday. “We will fight,” she said."
    segs = voices(text)
    quote = segs[segs.text.str.startswith("“We will not")].iloc[0]
    assert quote.kind == "direct" and quote.speaker == "Ann Lee"
    assert "Sunday" not in set(segs.speaker)


def test_a_time_between_an_inverted_cue_and_its_speaker_is_skipped():
    text = "“We will not back down,” said on Sunday the governor of Ohio."
    assert mention_of(text, "We will not") == ("governor of ohio", "the governor of Ohio")
    text = "Taxes will rise, said yesterday Ann Lee, an aide. Ann Lee spoke again."
    assert mention_of(text, "Taxes will") == ("Ann Lee", "Ann Lee")


def test_a_day_after_a_cue_with_its_subject_before_keeps_the_subject():
    text = "“We will not back down,” Ann Lee, a senior adviser to the governor, said Sunday. She left."
    assert mention_of(text, "We will not") == ("Ann Lee", "Ann Lee")
    text = "Taxes will rise, Ann Lee said Sunday."
    assert mention_of(text, "Taxes will") == ("Ann Lee", "Ann Lee")


def test_a_titled_name_after_an_inverted_cue_is_the_person():
    text = "“We will not back down,” said Sunday the adviser John Smith."
    assert mention_of(text, "We will not") == ("John Smith", "John Smith")


def test_a_day_closing_the_words_after_a_cue_is_no_speaker():
    # ', referencing its gifts on Wednesday': no person after the cue, so none for a later 'she'
    text = ("Ann Lee said The Lee Fund had “full disclosure,” referencing its gifts on Wednesday, but reports "
            "say otherwise.\n\nShe was defending the group.")
    assert "Wednesday" not in set(voices(text).speaker)
    assert mention_of(text, "full disclosure") == ("Ann Lee", "Ann Lee")
    assert mention_of(text, "the group.") == ("Ann Lee", "She")
