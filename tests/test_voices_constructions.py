"""Constructions of the reported-speech rules that set where a report ends or who speaks it
(``framing.attribution._boundaries``, ``_reported`` and ``_report_stages``); snippets written for the test."""

import warnings

import framing


def _reports(text):
    """(speaker, reported words) of each indirect segment of one document."""
    docs = framing.make_documents([{"doc_id": "d", "text": text}])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        frame = framing.voices_frame(docs)
    return [(r.speaker, text[r.start:r.end]) for r in frame[frame["kind"] == "indirect"].itertuples()]


def test_report_in_an_opening_subordinate_clause_ends_at_its_comma():
    text = "While Senator Jane Ross says the tax must rise, her party plans a freeze next year."
    assert _reports(text) == [("Jane Ross", "the tax must rise")]


def test_main_clause_after_a_subordinate_report_has_its_own_report():
    text = "While Jane Ross said the tax must rise, Tom Hill maintained that it should fall."
    assert _reports(text) == [("Jane Ross", "the tax must rise"), ("Tom Hill", "it should fall.")]


def test_as_clause_with_a_speech_verb_reports_the_main_clause():
    text = "As Jane Ross told reporters, the tax must rise this year."
    assert _reports(text) == [("Jane Ross", "the tax must rise this year.")]


def test_trailing_cue_after_the_and_a_name():
    """'..., the Post said.': the name found is 'Post'; 'the' before it is no part of the words."""
    text = "The deficit will end this year, the Daily Courier reported on Tuesday."
    assert _reports(text) == [("Daily Courier", "The deficit will end this year")]


def test_according_to_at_the_end_without_a_comma():
    text = "Ross now leads Hill by 271 delegates according to a count by the Daily Courier."
    assert [words for _, words in _reports(text)] == ["Ross now leads Hill by 271 delegates"]


def test_adjunct_then_that_after_the_verb_reports_forward():
    """'X, Y, said on Friday that ...': the words before the comma are an appositive, not content."""
    text = "The county clerk, Jane Ross, said early Friday that 80 ballots were lost."
    assert _reports(text) == [("Jane Ross", "80 ballots were lost.")]


def test_that_of_the_object_opens_no_clause():
    """'rejected that idea', 'wants ... to make that happen': the object is the content."""
    assert _reports("Jane Ross rejected that idea.") == [("Jane Ross", "that idea.")]
    assert _reports("Jane Ross wants her party to make that happen.") == [
        ("Jane Ross", "her party to make that happen.")]
    assert _reports("Jane Ross believes that the vote was rigged.") == [("Jane Ross", "the vote was rigged.")]


def test_pronoun_object_of_a_stance_verb_is_its_content():
    assert _reports("State business leaders decried it.") == [("State business leaders", "it.")]


def test_irregular_plural_subject_of_a_stance_verb_speaks():
    assert _reports("About 6 in 10 white men supported the governor.") == [
        ("about 6 in 10 white men", "the governor.")]


def test_trailing_told_with_the_addressee_after_it():
    text = "The union will sit out the election, a union official told The Daily Courier."
    assert _reports(text) == [("union official", "The union will sit out the election")]


def test_according_to_after_a_colon_opens_the_report():
    text = "The trend is clear: According to recent polls, the governor holds only 14 percent."
    assert [words for _, words in _reports(text)] == ["the governor holds only 14 percent."]


def test_support_as_a_noun_reports_nothing():
    assert _reports("The senator continues to draw support among union members.") == []
    assert _reports("Many voters support the bill.") == [("voters", "the bill.")]


def test_agentless_passive_before_a_comma_reports_nothing():
    """'Judges were confirmed on Tuesday, bringing ...': the judges speak no report."""
    assert _reports("Two more judges were confirmed on Tuesday, bringing the total to 40.") == []
    assert _reports("Jane Ross said the judges were confirmed.") == [("Jane Ross", "the judges were confirmed.")]


def test_in_the_polls_is_no_poll_reporting():
    assert _reports("The mayor is spending the week attacking a challenger who trails her badly in the polls.") == []


def test_in_before_the_polls_is_no_medium():
    assert _reports("Voters in the northern county go to the polls on March 3.") == []
    assert [w for _, w in _reports("Ross leads Hill by 9 points in a poll taken before the debate.")] == [
        "Ross leads Hill by 9 points"]


def test_passive_expectation_is_its_clause():
    text = "The bill, which the Senate is expected to pass next week, returns power to the states."
    assert _reports(text) == [("", "which the Senate is expected to pass next week")]


def test_name_before_a_stretch_set_off_by_commas_is_the_subject():
    text = "Kim Jong Un, in a brief meeting on Saturday, said his country wants peace."   # a name of the alias table
    assert _reports(text) == [("Kim Jong Un", "his country wants peace.")]


def test_infinitive_inside_a_report_does_not_end_it():
    # 'decided to back' goes on with one clause: the outer report keeps its words and speaker
    text = "Ortega, who is 41, said he decided to back the mayor after the flood."
    assert _reports(text) == [("Ortega", "he decided to back the mayor after the flood.")]


def test_pronoun_opening_a_report_is_no_nested_voice():
    # 'they' after 'said' is the sayer, even when coreference links it to an earlier group
    text = "Republicans in Congress attacked the plan on Monday. Its organizers said they don't know how many people will attend."
    assert _reports(text)[1:] == [("Its organizers", "they don't know how many people will attend.")]


def test_reduced_relative_with_a_by_agent():
    # no 'was' before the participle: the noun before it is the content, the agent speaks
    text = "The merger, first reported by The Courier, will close in May."
    assert _reports(text) == [("Courier", "The merger")]
    text = "Ross responded by attacking the plan."   # 'by' and a gerund: no agent
    assert all(speaker != "attacking" for speaker, _ in _reports(text))
    # a participle inside another voice's report ('the chance presented by') is no new report
    text = "Dana Reyes, a fellow at the institute, told CNN it was up to the council to seize the chance presented by the summit."
    assert _reports(text) == [("Dana Reyes", "it was up to the council to seize the chance presented by the summit.")]


def test_addressee_before_that_is_no_infinitive():
    # 'to supporters' is whom the words go to: the report starts after 'that'
    text = "Jane Ross wrote in a letter to supporters that the port would reopen."
    assert _reports(text) == [("Jane Ross", "the port would reopen.")]


def test_stretch_opening_a_stance_verb_is_its_subject():
    # no name, pronoun or plural noun before 'think': the stretch opening the clause holds the view
    text = "Few on either side of the dispute think the toll will stay."
    assert _reports(text) == [("few on either side of the dispute", "the toll will stay.")]
    # a passive 'be' between the stretch and the verb: the stretch is what the view is about
    text = "The harbour toll was widely opposed in the spring."
    assert _reports(text) == []


def test_report_ends_before_others_who_said_the_same():
    text = "Jane Ross said the toll must go, as have several members of the council."
    assert _reports(text) == [("Jane Ross", "the toll must go")]


def test_stance_on_an_object_ends_before_an_adjunct():
    text = "Jane Ross endorsed the harbour toll at a town meeting in May."
    assert _reports(text) == [("Jane Ross", "the harbour toll")]


def test_long_stretch_opening_a_speech_verb_is_its_subject():
    text = "Dock workers clamoring to block the toll from the harbour plan say they are winning."
    [(speaker, words)] = _reports(text)
    assert words == "they are winning." and speaker.startswith("dock workers")


def test_reportedly_reports_its_whole_clause_for_no_voice():
    text = "Since May, the harbour fund has reportedly spent a million dollars, and the council is angry."
    assert _reports(text) == [("", "the harbour fund has reportedly spent a million dollars")]
    # before a speech verb it is the verb's auxiliary: the verb reports
    assert _reports("Jane Ross reportedly said the toll would fall.") == [("Jane Ross", "the toll would fall.")]


def test_passive_view_is_a_report_for_no_voice():
    text = "The harbour toll is widely seen as a tax on workers, and Ross knows it."
    assert _reports(text) == [("", "The harbour toll is widely seen as a tax on workers")]


def test_poll_label_of_a_headline_speaks():
    """'Poll: X leads': the headline's label is the poll's report (not page furniture there)."""
    text = "Poll: Ross Leads Hill in the Northern Towns\n\nVoters in the north went to the polls on Sunday."
    assert _reports(text) == [("Poll", "Ross Leads Hill in the Northern Towns")]


def test_stance_object_ends_before_its_medium():
    assert _reports("Senator Jane Ross mocked the mayor on Twitter.") == [("Jane Ross", "the mayor")]
    assert _reports("Jane Ross called the toll plan reckless in a statement on Friday.") == [
        ("Jane Ross", "the toll plan reckless")]


def test_appears_with_a_predicate_is_an_impression():
    assert _reports("The harbour plan appears doomed after the vote.") == [
        ("", "The harbour plan appears doomed after the vote.")]
    assert _reports("The governor appears on the evening news every week.") == []
    # (the cue runs on over a medium: 'appears in a new photo', 'appears on the show')
    assert _reports("Kim appears in a new photo released on Monday.") == []
    assert _reports("Mayor Lund appears on the show with her brother every week.") == []


def test_appears_to_is_an_impression_even_after_a_name():
    text = "Senator Jane Ross appears to be losing ground to her rival."
    assert _reports(text) == [("", text)]


def test_participle_saying_after_a_comma_is_a_verb():
    """'saying' is also a noun ('an old saying'); after a comma it is the participle of a report."""
    text = "The judge left the hearing early, saying the new toll was unfair to workers."
    assert [words for _, words in _reports(text)] == ["the new toll was unfair to workers."]


def test_trailing_cue_with_a_title_before_the_name():
    text = "Two fishing boats were lost in the storm, harbour authority spokesman Tom Reyes said."
    assert _reports(text) == [("Tom Reyes", "Two fishing boats were lost in the storm")]


def test_opening_participle_report_ends_at_the_comma_before_its_subject():
    text = "Arguing that the new toll hurts dock workers, Jane Ross voted against the harbour plan."
    assert _reports(text)[0] == ("Jane Ross", "the new toll hurts dock workers")


def test_verb_after_an_appositive_with_a_participle_after_its_object_is_no_inverted_cue():
    """'X, his aide, urged a stand, saying ...' is not '..., said Mr. Smith, an aide.'"""
    text = "Tom Reyes, the mayor's aide, urged a firm stand, saying that otherwise the toll would rise."
    assert ("Tom Reyes", "a firm stand") in _reports(text)
    assert all(not words.startswith("Tom Reyes") for _, words in _reports(text))


def test_trailing_told_with_an_addressee_ends_the_sentence():
    assert _reports("The new toll is fair to dock workers, Jane Ross told the committee.") == [
        ("Jane Ross", "The new toll is fair to dock workers")]


def test_comma_inside_a_number_is_no_clause_comma():
    text = "While one mill says there are more than 2,400 looms in the valley, the census counts fewer."
    assert _reports(text) == [("one mill", "there are more than 2,400 looms in the valley")]


def test_words_after_said_that_only_say_when_are_no_report():
    text = "“The toll is fair,” Jane Ross said on Monday. Tom Hill said after the vote in May."
    assert _reports(text) == []


def test_reported_from_a_place_is_a_byline_no_report():
    assert _reports("Jane Ross reported from Boston. Tom Hill said the toll was fair.") == [
        ("Tom Hill", "the toll was fair.")]


def test_but_that_goes_on_with_the_same_report():
    text = "Jane Ross said the town needs a new pier, but that she would not support a toll on workers."
    assert _reports(text) == [("Jane Ross", "the town needs a new pier, but that she would not support a toll on workers.")]


def test_see_with_a_view_as_its_object_reports_it():
    assert _reports("Jane Ross sees parallels between the toll and the old salt tax.") == [
        ("Jane Ross", "parallels between the toll and the old salt tax.")]
    assert _reports("Jane Ross saw him at the harbour on Monday.") == []
    assert _reports("Jane Ross saw a long parade in the harbour on Monday.") == []   # a thing seen, no view
    assert _reports("Jane Ross saw a real chance for the toll.") == [("Jane Ross", "a real chance for the toll.")]


def test_passive_announcement_without_agent_reports_its_subject():
    assert _reports("The winners of the harbour regatta will be announced on Sunday.") == [
        ("", "The winners of the harbour regatta")]
    # a person or a small clause announced: nothing said ('He' is no report)
    assert ("", "He") not in _reports("He was declared the winner of the regatta on Sunday.")
    assert ("", "The harbour") not in _reports("The harbour was declared a danger zone.")


def test_speech_act_with_a_topic_after_adverbs_reports_the_topic():
    assert _reports("Jane Ross also spoke out sharply against the new harbour toll.") == [
        ("Jane Ross", "the new harbour toll.")]


def test_a_cue_in_a_headline_reports_its_words():
    text = "Senator Jane Ross slams harbour toll, praises new pier\n\nThe senator spoke at the harbour on Monday."
    assert _reports(text) == [("Jane Ross", "harbour toll, praises new pier")]


def test_a_clause_after_the_adjunct_is_still_reported():
    """'said Friday he would ...': a subject, an auxiliary or 'that' after the time or place."""
    assert _reports("Tom Hill said Friday he would resign.") == [("Tom Hill", "Friday he would resign.")]
    assert _reports("Jane Ross told reporters in Dover it was over.") == [("Jane Ross", "in Dover it was over.")]
    assert _reports("Tom Hill said after the vote in May.") == []   # 'May' the month, no modal


def test_cue_with_its_own_pronoun_subject_after_and_is_a_second_report():
    text = "Jane Ross said the harbour toll was unfair to dock workers and she accused the mayor of hiding the costs."
    assert _reports(text) == [("Jane Ross", "the harbour toll was unfair to dock workers"),
                              ("Jane Ross", "the mayor of hiding the costs.")]
    frame = framing.voices(text)
    second = frame[frame["cue"] == "accused"].iloc[0]
    assert (second.mention_start, second.mention_end) == (text.index("she accused"), text.index("she accused") + 3)
    assert second.outer_speaker == ""   # its own report, not nested in the first


def test_cue_whose_subject_follows_comma_with_is_a_second_report():
    text = "Harbour staff agreed that the toll plan was vague, with Sen. Jane Ross calling it a mess."
    assert _reports(text) == [("Harbour staff", "the toll plan was vague"), ("Jane Ross", "it a mess.")]


def test_cue_after_comma_with_and_an_unnamed_subject_is_a_nested_report():
    text = "Most dock workers shrugged off the toll plan, with three in 10 saying it would not change their vote."
    frame = framing.voices(text)
    inner = frame[frame["cue"] == "saying"].iloc[0]
    assert (inner.kind, inner.speaker, inner.text) == ("indirect", "three in 10", "it would not change their vote.")
    assert inner.outer_speaker == "dock workers"   # nested in the workers' report


def test_weaker_cue_whose_subject_opens_a_subordinate_clause_is_a_nested_report():
    text = "Tom Hill defended the toll plan on Monday, even as Jane Ross conceded that the port needed money."
    frame = framing.voices(text)
    inner = frame[frame["cue"] == "conceded"].iloc[0]
    assert (inner.kind, inner.speaker, text[inner.start:inner.end]) == ("indirect", "Jane Ross", "the port needed money.")
    assert (inner.mention_start, inner.mention_end) == (text.index("Jane"), text.index("Jane") + len("Jane Ross"))
    # nested in Hill's report: its voice is kept as the outer speaker, with his mention's offsets
    assert (inner.outer_speaker, inner.outer_mention_start, inner.outer_mention_end) == ("Tom Hill", 0, 8)
    outer = frame[frame["cue"] == "defended"].iloc[0]
    assert text[outer.start:outer.end].startswith("the toll plan on Monday")


def test_report_after_an_object_relative_pronoun_is_its_own_and_holds_the_pronoun():
    text = "Tom Hill cited the old harbour rules, which he said had hurt the dock workers."
    frame = framing.voices(text)
    cited, said = frame[frame["cue"] == "cited"], frame[frame["cue"] == "said"]
    assert [text[r.start:r.end].rstrip(",") for r in cited.itertuples()] == ["the old harbour rules"]
    assert [text[r.start:r.end] for r in said.itertuples()] == ["which", "had hurt the dock workers."]
    assert set(said["speaker"]) == {"Tom Hill"} and set(said["mention_start"]) == {text.index("he said")}
    assert set(said["outer_speaker"]) == {""}   # not nested in the report of 'cited'


def test_weaker_cue_whose_subject_follows_a_dash_or_comma_is_a_nested_report():
    for text in ("Tom Hill mocked the harbour plan as a gift to the rich — Jane Ross conceded that the port needed money.",
                 "Tom Hill opposed the harbour plan for years, Jane Ross conceded that the port needed money."):
        frame = framing.voices(text)
        inner = frame[frame["cue"] == "conceded"].iloc[0]
        assert (inner.speaker, text[inner.start:inner.end]) == ("Jane Ross", "the port needed money.")
        assert (inner.outer_speaker, inner.outer_mention_start, inner.outer_mention_end) == ("Tom Hill", 0, 8)


def test_report_in_an_opening_after_clause_ends_at_its_comma():
    text = "After Tom Hill argued that the toll should be cut, Jane Ross said only that the port needed money."
    assert _reports(text) == [("Tom Hill", "the toll should be cut"), ("Jane Ross", "the port needed money.")]


def test_quote_followed_by_read_is_the_written_words_of_the_thing_read():
    text = "The campaign wrote to donors. “Friends, the count is close,” the email read. It asked for money."
    frame = framing.voices(text)
    row = frame[frame["kind"] == "direct"].iloc[0]
    assert (row.speaker, row.cue, row.text) == ("email", "read", "“Friends, the count is close,”")
    assert (row.mention_start, row.mention_end) == (text.index("the email"), text.index("the email") + 9)
    text = "“Vote early,” read the sign on the harbour gate."
    row = framing.voices(text).iloc[0]
    assert (row.kind, row.speaker, row.cue) == ("direct", "sign on the harbour gate", "read")
    text = "“We will not yield,” the statement read in part. Officials met."
    assert framing.voices(text).iloc[0][["kind", "speaker", "cue"]].tolist() == ["direct", "statement", "read"]
    text = "“I read it twice,” Jane Ross said."   # 'read' inside the quote: the cue after it speaks
    assert framing.voices(text).iloc[0].speaker == "Jane Ross"


def test_a_pronoun_and_its_verb_are_no_subject_of_a_noun_in_a_subordinate_clause():
    """'because he believed demand was strong': 'he believed' is a report nested in Smith's, not
    the subject of a report cued by 'demand'."""
    text = "Smith said prices rose because he believed demand was strong."
    rows = framing.voices(text)
    assert not rows["speaker"].str.contains("believed").any()
    inner = rows[rows.start == text.index("demand")].iloc[0]
    assert (inner.kind, inner.speaker, inner.cue, inner.text) == ("indirect", "Smith", "believed", "demand was strong.")


def test_any_subordinator_of_openers_csv_opens_a_nested_report():
    """'once she told the board that ...': 'once' is a subordinator (openers.csv), so the weaker cue
    after it opens a report of its own, nested in Lee's."""
    text = "Lee said the port would close once she told the board that costs had doubled."
    rows = framing.voices(text)
    inner = rows[rows.start == text.index("costs had")].iloc[0]
    assert (inner.kind, inner.speaker, inner.cue, inner.outer_speaker) == ("indirect", "Lee", "told", "Lee")


def test_a_condition_opened_by_unless_is_no_report():
    text = "The mayor threatened to close the port unless the city agrees to his demands; the city took it seriously."
    assert "agrees" not in set(framing.voices(text)["cue"])
