"""Split news text into voices: headline, narration, direct and reported speech, page furniture.

Every segment names who said it (``speaker``) and the voice it counts for in comparisons
(``source``): the channel that carried the words. The rules, in the order they apply:

0. **The page** (``framing.attribution._page``), before any sentence: a wire dateline
   ("SEOUL (Reuters) - ") is narration and makes the agency the voice of uncredited narration;
   photo captions and credits ("REUTERS/Jonathan Ernst", "... Pool via Reuters", "FILE
   PHOTO: ..."), inline related-story cards ("Donald John TrumpTrump predicts ... MORE"),
   links and link labels ("RELATED:", "VIDEO:", a label glued to a linked headline "More:...", a
   linked headline ending "Read more"), listen bars ("LISTEN TO ARTICLE 2:41"), video cards,
   "Photographer: Name/Agency" credits, bylines, contributor lines ("— With assistance by ...",
   "This piece originally appeared in ...") are ``boilerplate``; a paragraph signed "— Donald J.
   Trump (@realDonaldTrump) June 12, 2018" is an embedded tweet, the account holder's
   ``direct`` speech (the signature line is boilerplate and the cue). The sentence rules read
   the text without them.
1. **Paragraphs and sentences** come from ``framing.text``; a sentence boundary inside a quote
   does not split it.
2. **Headline**: the first paragraph when more follow and it has no sentence-final punctuation
   (or is short and in title case); the words a cue in it reports ("Rep. Ross slams the toll")
   are reported speech, read by the sentence rules over the headline as one unit.
   **Boilerplate**: a short paragraph matching a pattern in
   ``framing/data/voices/en/boilerplate.csv`` ("Leave a Reply", ...), with empty source.
3. **Direct quotes** (pairing in ``_quotes.find_quotes``): a quote is its own ``direct`` segment when a
   cue stands right after it (``”, he said``, ``”, said Kim``), right before it (``said:``,
   ``said, “``, ``told reporters that “``, ``asked a rally crowd, “``), after a colon (the sentence's subject speaks),
   when it continues a quote over paragraphs or across an inside cue (``“X,” he said, “Y.”``),
   or when it stands alone as a sentence (then the previous speaking voice goes on, confidence
   x0.7: the last quote's or sure speech verb's voice, not a weak verb's such as "Fields showed").
   A quote that opens its sentence and is followed by more words and ``..., said X`` is X's
   (the words after it are X's reported speech); a quote paragraph followed by a signature
   paragraph ("- Sanders.") is the signer's; a quote followed by "read" is the words of the
   thing read (``“...,” the email read (in part)``, ``“...,” read the sign``); a whole quote
   that opens its sentence and closes without a comma before its speaker and a sure speech
   verb (``“...” Press Secretary Jane Roe said``) is that speaker's. Other quotes (scare quotes, partial quotes such as
   *sees “much potential”*, *said “it gets me mad” every time ...*, a sentence ending in a
   partial quote before ``, said X``) stay inside the surrounding (reported) segment. A quote's
   closing period followed by a capitalised new sentence ("... “false.” He said ...") ends the
   sentence even where the splitter keeps both together.
4. **Reported speech** (``indirect``): ``X said (that) ...`` (content: the rest of the sentence,
   up to a trailing attribution), ``..., X said.`` and ``..., said X.`` (content: the clause
   before the comma), ``According to X, ...``, ``..., according to X.`` and ``That’s according to X.``
   (when X names a source: a name, a pronoun, a document or a person or group noun; not "That
   was according to plan"). Cue verbs come from
   ``framing/data/voices/en/cues.csv``; belief, stance and evidence verbs ("thinks", "endorsed",
   "shows") need "that" or a named subject; "In a new poll, ..." and "... in a new poll."
   credit a poll, survey or study. "X seems/appears to ..." and "it seems likely that ..."
   in a sentence's main clause are reported impressions with no speaker. A new clause
   ("..., but he gave ...") ends the reported words. The subject of a participle or a second verb ("...,
   adding that", "... and said") is the clause's subject; when nothing names the speaker
   right before a sure speech verb, the short stretch opening the clause does ("many
   workers say"). Passives: "X was quoted as saying" (X speaks), "The meeting was first
   reported by Politico" (the subject is the content, the agent speaks), "The winners will be
   announced" (the subject is the content, no speaker), "When asked by a reporter
   whether ..." (the question, voiced by the asker), "X is expected to ..." (no speaker).
   "Asked (on Fox News) whether ..." opening a sentence reports the question. A stance noun
   with a possessor ("his support for X", "Trump's criticism of Y") reports its object for
   the possessor (named by the clause's subject when a pronoun possessor follows its verb: "she
   escalated her attacks on Y"); with no possessor, for a name or pronoun opening the clause
   ("Ross opened with a call for a recount", "Lee has been a critic of the plan"; a role noun
   only after a copula, a feeling only after a verb that voices it: not "met critics of",
   "brushed off concerns about", "won the endorsement of", "faced criticism of").
   "..., citing Z" reports Z (up to the next comma) for the clause's subject. A document or
   evidence noun (``evidence.csv``: "poll", "results", "records") heading the subject of
   "show", "find", "reveal", "indicate" or "suggest" speaks ("The results show that ...",
   "..., campaign records show."). "Nonetheless, he sought to ..." is no trailing
   "..., he said" cue: an infinitive after the verb is its content. A report made in a
   relative clause ("X, who has called Y “toxic,” portrayed ...") ends where the main
   clause goes on; "who" and "which" subjects count as named for weaker verbs ("The union,
   which endorsed X"). A lone one-word report is dropped (mostly a misread cue); so are words after "said" that
   only say where or when ("..., Ross said in December.").
   A cue word after an article or inside a name is a noun ("a tweet", "think tank").
   "X spoke out sharply against Y" reports Y, as "X spoke about Y" does.
   "X reportedly ..." is a report of no named voice; passive views ("is seen as", "was viewed
   as") read like "is expected to", unless an agent holds the view ("... by most voters"); a
   stance adjective after "be" ("is critical of") is a stance cue; a headline "Poll: ..." is
   the poll's report.
   A new clause ("..., while B backed Y") ends the words reported before it; so does the
   comma before the subject of a participle opening the sentence ("Noting that X, Ross said"),
   and the comma closing a subordinate clause that opens it ("While X says ..., ...", "After
   Ross argued that X, Hill said ...", "Despite ...").
4b. **Speaker labels**: a paragraph that opens with a short name and a colon ("FALLIN: I
   think ...", "Q: ...") or a headline "Name: ..." / "Name Says ..." attributes the words
   after the label; the label itself stays narration (or headline); a first line in title case
   counts as a headline here even with a final period. Attributions inside the paragraph keep
   their own voices (also the speaker's own "I think ...", as PolNeAR annotates it).
   A block quote, a first-person paragraph without quote marks after a paragraph that ends
   "... said in a statement:", is the lead-in speaker's ``direct`` speech (one paragraph); after
   a lead-in that names a speech act ("Law professor Jane Roe, an expert on courts, told the
   Times:", "Recall what Roe told a reporter:") the person named last before the speech verb
   speaks, and the paragraph may quote others inside it; after "His latest remark about it
   betrays ...:" the person "his" stands for speaks. Page furniture between the two
   ("Advertisement:") is not read.
5. **Speakers**: the words before the cue, past auxiliaries and adverbs ("has also said",
   "is asking", "he's said", "falsely claimed", "went on to say") (alias table, pronoun, description, capitalised
   name, or a short noun phrase such as "officials"; after the cue also a titled name such as
   "said former Obama adviser David Axelrod"); pronouns and descriptions resolve to the last
   compatible named voice outside quotes (``_speakers.resolve``). A description with a
   head noun ("the official", "the spokesman") resolves only to a voice named with that noun
   ("a South Korean official", "according to a campaign spokesman"), else it stays a generic
   voice ("official"); the mention stays on the description. The mention is the subject of
   the attribution's own clause, as PolNeAR marks it: past verb words the cue left out
   ("Jolly, who ..., doesn't see"); a participle or coordinated verb takes the main clause's
   subject ("Carson said he plans ..., insisting"), a trailing reporter's ("..., Spicer said,
   adding"), a relative pronoun's ("the candidate who launched his campaign by declaring") or,
   in an opening participle phrase, the subject after its comma ("Having announced ...,
   Judge Berman"); opening adverbs and time phrases are no subjects ("Eight years ago, he").
   An inverted cue names the speaker after it ("Said Comey, “...”"); "Adding, “...”" and
   "..., he added" continue the last speaker; "..., said another" is a new voice; a
   possessor in an opening phrase ("Going back to Okafor’s speech, he") is the antecedent.
   Past the subject's own words: verb words hanging from a clause before a hinge ("X moved to
   Ohio and began writing", "..., while seeking to defend") take that clause's subject (a
   coordinated verb: the nearest clause's); an infinitive of purpose after the main verb phrase
   ("Hale, a councillor, stood at a rally here to say") is the main clause subject's, but after
   a verb's object that can speak ("hired a lawyer to argue", "appointed a panel to say") the
   object's; a name after a participle and its preposition is its object ("A city engineer
   speaking to Reuters said": the engineer); a relative "that" after a text put out ("Brook
   released figures on Monday that suggest", "The Post ran a piece that noted") is the
   publisher's; an adjunct set off by commas ("Ann Ford, during interviews on Monday, said") and
   the stop of an initial ("citing figures from the U.K. Home Office, said") end no subject; a
   determined noun phrase before a participle or relative set off by commas ("The survey,
   released on Monday by the Institute of Ohio, showed") is the subject, not a name inside; a
   clause whose words open with a verb ("..., sketched a contrast, saying") is a verb phrase, the
   last voice named before it speaks; a capitalised organisation word and "of" make one name
   ("The Ruritanian Ministry of Harbour Affairs said"); a report noun whose phrase holds a
   channel's name ("The earlier KCNA report said") speaks for the channel; a lower-case verb
   after a name is no part of the voice a later pronoun finds ("Mayor Lena Ardent took
   questions. She said").
6. **Speaker vs source**: ``source`` is the speaker's channel from the alias table (Kim Jong
   Un -> KCNA), else the speaker; words reported inside another report take the outer
   report's source. An outer and an inner report combine into one voice: in "Kim said X,
   KCNA said" the words "Kim said X" are one segment with speaker Kim Jong Un and source KCNA,
   and in "Kim spoke highly of Trump, state media said" a media voice reporting a speech act
   ("spoke", "expressed", any cue verb) of a person makes that person the speaker (source
   KCNA). A weaker cue inside reported words ("Walsh noted that Ohio boasted ...") stays part
   of them; a sure speech verb ("said") or another named voice with a belief or stance verb
   ("Smith said Jones thinks ...") opens a nested report (``outer_speaker``: Smith), and so
   does any cue verb whose subject opens a subordinate clause ("X defended the plan, even as Y
   conceded that ...", "when he argued", "after she hinted") or a clause after a comma or a dash
   ("X mocked the plan — Y conceded that ...": ``_boundaries.subordinate_subject``); a
   coordinated verb with its own that-clause ("He said X and noted that Y") is the subject's
   second report, and so is a cue whose subject pronoun follows "and" ("She said X and she
   accused Y of Z": X ends before "and") or ", with" ("X agreed Y, with Z calling it a mess": X
   ends at the comma), and so is a report whose subject follows an object
   relative pronoun ("X cited the rules, which he said had hurt Y": "which" opens its words, X's
   report ends before it); so is a report whose subject follows "and", "but" or "while" after the
   words of a report named first ("Washington warned that X and Pyongyang countered Y":
   Pyongyang's own source, not Washington's channel); any other report whose cue stands in an earlier report's
   words keeps that report's voice as its ``outer_speaker`` too ("Ford kept wondering
   whether she ought to write ..."). Unresolved speakers get source ``unknown``. Coverage rules
   (``framing.attribution._coverage``): "X and Y (both) said", "the two leaders said" give one
   joint voice "X & Y"; a channel named with the report ("said via its official KCNA news
   agency", "Through its state media, the North described") is the source; "“...,” the
   spokesman was quoted as saying" is the spokesman's quote, relayed by the voice that cited
   him ("KCNA said, citing a foreign ministry spokesman"); "Trump, who plans to meet Kim, ..."
   (an intention in a relative clause) is no report; speakers get one name across outlets (an
   alias inside a longer name, a name past its titles and possessor, a name in apposition:
   "Trump’s national security adviser, John Bolton, said" -> John Bolton; "the official" -> the
   earlier "a White House official"; the one an apposition describes, not a body named inside it:
   "The Daily Planet, a paper run by the ruling party’s Gazette, said" -> Daily Planet, unless
   the name is a preposition's object, "a lawyer for Ruritania Watch, a group ...,", or the cue
   is a participle; "he" or "she" opening a clause taken for the speaker, "he kept up his attack
   on the levy saying, “...”", gives the person the pronoun resolves to, if one of known gender).
   Governments speak under their country's name ("Pyongyang warned" -> North Korea), from the
   alias table; "Jane Roe of Seoul National University in South Korea warned" and "Roe in a
   post on Twitter wrote" are Jane Roe's (``_heads``: the name opening the subject, not the
   place or site in its affiliation or adjunct); a
   clause opening "Kim is reported to have ..." keeps the voice the name resolves to; a
   negated verb ("Don't let anyone think") opens no speaker phrase; a one-word alias followed by another capitalised word is a longer name
   ("Kim Hee-sung" is not Kim Jong Un); a surname alone takes the full name written before
   it (``_surnames``). Carried voices (``framing.attribution._carried``): a pronoun or description that
   continues a speaker keeps the channel that speaker spoke through; "KCNA quoted Kim as
   saying X" and "X, KCNA said, citing a spokesman" are the quoted person's words through
   the agency.
7. **Outlet credits and their reach**: a sentence that ends ``..., Reuters writes.`` or
   ``..., Politico informs.``, or carries the credit mid-sentence (``..., Reuters writes, as
   ...``) (a news outlet or agency from the alias table, a present-tense credit verb flagged
   in cues.csv; a credit wins over the "is expected to" rule in its sentence) credits **all
   narration of its paragraph** to that outlet
   (confidence 0.8), and that credit **carries forward to the narration of the following
   paragraphs** (confidence 0.6) until another paragraph carries its own credit. Narration
   before the first credit counts for ``outlet`` (else ``narrator``). A credit covers
   **narration only**: quotes and reported speech inside credited sentences keep their own
   speakers and channels ("Kim himself spoke highly of Trump, state media said ..., Reuters
   writes": source KCNA, not Reuters). Past-tense reports ("DongA Ilbo reported", "KCNA
   said") are ordinary attributions, not credits.

Where each rule lives
---------------------
``_segments.analyse`` walks the paragraphs; ``_segments.analyse_unit`` runs the ordered tuple
``_segments.UNIT_RULES`` over each sentence unit's state (``_model.Unit``); a unit with no
quote and no cue gets only ``mark_subject`` (every later rule starts from a quote or a cue: a
rule that does not must change that shortcut), and so does every unit of a paragraph with no quote
where ``_cues.may_hold_cue`` is False and no rule trigger may match (a new kind of cue in
``_cues.find_cues`` must be added to ``may_hold_cue``). Adding a construction means one function, one
tuple entry and one test.

0. ``_page.read_page`` runs ``_page.PAGE_RULES``: ``wire_dateline``, ``photo_furniture``,
   ``related_cards``, ``related_links``, ``byline``, ``embedded_tweets`` (patterns in
   ``furniture.csv``); ``_page.reading_text`` and ``_page.merge`` (in ``_segments.analyse``).
1. ``text.paragraph_spans``, ``_layout._units``
2. ``_layout._looks_like_headline``, ``_segments._headline_reports``, ``_vocab.boilerplate`` (in
   ``_segments.analyse``)
3. ``_direct.direct_quotes`` runs ``_direct.QUOTE_RULES``: ``_coverage.quote_quoted_as_saying``
   (a cue of the quote's own), ``quote_cue_after``, ``quote_read_after``, ``quote_cue_before``, ``quote_after_colon``, then
   ``quote_continues_group``, ``quote_before_reported_words``, ``quote_alone`` (context);
   ``_direct.split_quotes`` (``“X,” he said, “Y.”``); signatures ``_labels.signature_attribution``;
   block quotes ``_direct.block_quotes`` (in ``_segments.analyse``).
4. ``_reported.read_cues`` runs ``_reported.CUE_RULES``: ``cue_given_to_quote``,
   ``_coverage.intent_infinitive``, ``according_to``, ``verb_of_reported_words``, ``_passive.passive_expected``,
   ``_cue_readings.reportedly``, ``impression``,
   ``_cue_readings.in_editors_note``, ``asked_whether``, ``said_name_after_comma``, ``_passive.passive_by``,
   ``_cue_readings.passive_announcement``, ``cue_subject``,
   ``_cue_readings.support_noun``, ``noun_not_verb``, ``editors_note``, ``intro_before_subject``, ``trailing_cue``,
   ``forward_cue``; then ``_report_stages.REPORT_STAGES``:
   ``trailing_reports``, ``resumed_reports``, ``_boundaries.subordinate_clause_stop``,
   ``_boundaries.opening_participle_stop``, ``_boundaries.second_report_stop``,
   ``_boundaries.with_clause_stop``, ``_boundaries.with_clause_subject``,
   ``forward_reports``,
   ``_boundaries.relative_clause_report``
   (its start: ``_boundaries._start_after_cue``), ``credit_over_expectation``,
   ``partial_quotes_in_reports``, ``_stance_nouns.possessed_stance``, ``_stance_nouns.unowned_stance``,
   ``drop_lone_words``,
   ``_boundaries.adjunct_only_report``,
   ``_coverage.relative_clause_subject``, ``_coverage.joint_speakers``, ``relay``,
   ``_carried.coordinated_report_keeps_its_voice``,
   ``_coverage.channel_named``, ``_carried.pronoun_keeps_channel``, ``_carried.quoted_as_saying_object``,
   ``_carried.media_citing_a_source``, ``_carried.added_continues_the_last_speaker``,
   ``_heads.person_before_affiliation``, ``_canonical.canonical_speakers``, ``_relay.report_in_a_report``.
4b. ``_labels.label_attribution`` (in ``_segments.analyse``; headline evidence labels
   ``_labels._HEADLINE_EVIDENCE``)
5. ``_segments.mark_subject``, ``_grammar.speaker_of``, ``_subjects.subject_before`` (verb words
   past the subject: ``_verb_tails``; organisations ``_subjects._organisation_of``, report
   channels ``_subjects._channel_in_report``),
   ``_clause_subjects.main_clause_subject``, ``_clause_subjects.opening_participle_subject``,
   ``_after._name_after`` (past a time: ``_after._past_time``), ``_clause_subjects._clause_subject``, ``_cue_readings.plural_subject``,
   ``_cue_readings._subject_before_appositive``, ``_cue_readings.long_speech_subject``,
   ``_cue_readings.stance_stretch_subject``, ``_after.apposed_name``, ``_subjects._possessor_in_opening``,
   ``_speakers.resolve``
6. ``_relay._relay`` (stage ``_report_stages.relay``)
7. ``_reported.trailing_cue`` (a credit), its reach in ``_segments.analyse``

The word lists are data (``framing/data/voices/en/*.csv``), read by ``_vocab`` only.
"""

from ._frame import SEGMENT_COLUMNS, default_alias_frame, voices, voices_frame
from ._unresolved import unresolved_speakers

__all__ = ["SEGMENT_COLUMNS", "voices", "voices_frame", "default_alias_frame", "unresolved_speakers"]
