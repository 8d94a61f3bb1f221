"""The words of document titles, for the title grammar: the kinds of document and what modifies
them, offices and the prepositions they keep, titles of persons, the connectors of role phrases
and subjects, dates, and the tokens a title is cut into.

Word lists and regular expressions only; grammar.py, roles.py and party_extent.py read titles
with them.
"""

from __future__ import annotations

import re

# The kinds of document an archive catalogues (a title may print any of them in the plural);
# besides the kinds Wilson titles showed, those the FRUS editors head documents with (counted
# over the build volumes' document heads: despatch, cablegram, aide-mémoire, diary entry, oral
# and special message, action memorandum, position paper ...) and the diplomatic and
# administrative genres archives file (note verbale, non-paper, démarche, petition, leaflet ...)
KINDS = (r"(?:diary\s+entr(?:y|ies)|note\s+verbale|aide[-\s]m[ée]moire|non-paper|"
         r"d[ée]marche|talking\s+points|press\s+release|"
         r"despatch|cablegram|radiogram|telephonogram|communication|notification|petition|"
         r"manifesto|leaflet|pamphlet|newsletter|hearing|deposition|affidavit|confession|"
         r"proclamation|ultimatum|invitation|guidelines|regulations|"
         r"cable|telegram|telex|dispatch|airgram|letter|memorandum|memo|note|report|"
         r"information|diary|diaries|journal|directive|decree|resolution|decision|instruction|"
         r"speech|toast|address|transcript|stenogram|minutes|message|statement|declaration|"
         r"announcement|communiqu[eé]|draft|protocol|agreement|treaty|excerpt|extract|"
         r"appeal|order|circular|proposal|request|reply|summary|abstract|record|digest|"
         r"bulletin|list|plan|program(?:me)?|interview|conversation|assessment|analysis|"
         r"study|estimate|conclusion|theses|outline|questionnaire|biography|chronology|"
         r"discussion|talks|meeting|consultation|negotiations|memoranda|conference|gazette|"
         r"recollection|memoir|correspondence|intervention|paper|brief|briefing|notice|"
         r"account|testimony|lecture|remarks|review|overview|survey|evaluation|"
         r"commentary|article|editorial|q&a|"
         # a body's sitting, recorded as a document ("Session of the CPSU CC Politburo, 29
         # October 1981", "Plenum of the CC CPSU"), and a file put together on one matter
         # ("Special Dossier on ...")
         r"session|sitting|plenum|dossier|"
         # a cipher sent ("Ciphergram from ..."), agreements under other names, and what
         # was put together or foreseen ("Chronicle of Events", "Synopsis of the Talks")
         r"ciphergram|cipher|convention|accord|chronicle|synopsis|compilation|forecast|"
         # the British civil service's note ("Minute from the Foreign Secretary to the Prime
         # Minister"), and a paraphrase sent as a kind of its own
         r"minute|paraphrase)"
         r"(?:s|es)?")
CLASSIFIED = r"(?:(?:top\s+|strictly\s+)?secret|urgent|confidential)"
# Words that modify a kind: how it was sent or kept, its standing, its stage, and the nouns
# that make compound kinds ("Ciphered Telegram", "Stenographic Transcript", "Work Report",
# "Background Report", "Conversation Records", "Approved Message"); not "Untitled" or
# "Preliminary", which describe the copy rather than name its kind
MODIFIERS = (r"(?:(?:ciphered|coded|cipher|encrypted|handwritten|typewritten|telephone|official|"
             r"joint|final|short|political|stenographic|verbatim|"
             r"working|background|work|progress|situation|status|intelligence|position|"
             r"policy|press|annual|monthly|weekly|daily|quarterly|supplementary|additional|"
             r"personal|private|incoming|outgoing|approved|attached|enclosed|draft|"
             r"brief|full|detailed|summary|"
             r"action|oral|special|staff|editorial|operations|cover|covering|national|field|"
             r"research|open|"
             r"conversation|meeting|verbal)\s+)*")
# What a record records: "Record of a Second Conversation", "Minutes of the Meeting"
RECORDED_KIND = (r"(?:(?:first|second|third|last|private|telephone|confidential|official|final|"
                 r"farewell|closing|opening|initial|further|recent)\s+)?"
                 r"(?:conversations?|talks?|meeting|discussions?|negotiations|consultations?|"
                 r"interviews?|[\w-]+\s+(?:meeting|session|plenum|conference))")
# What was said, which a summary or record records as its talk ("Summary of Comments by A")
UTTERED = r"(?:comments|remarks|observations|statements)"
# Talks in the plural, which after "on" are a record's subject, not its kind
PLURAL_TALKS = (r"(?:discussions|talks|conversations|negotiations|consultations|meetings|"
                r"interviews)\b")
# Kinds whose "of" names what they are about, not who wrote them ("Assessment of the Military
# Content", "List of Questions", "Summary of A Meeting with B")
OBJECT_KINDS = re.compile(r"(?:assessment|analysis|study|evaluation|review|survey|overview|"
                          r"estimate|list|summary|chronology|outline|biography|chronicle|"
                          r"synopsis|compilation|forecast)s?$", re.I)
# The nouns of events that have sides ("A Meeting with B")
EVENT_NOUN = re.compile(r"^(?:meeting|conversation|talks?|discussion|visit|audience|interview|"
                        r"negotiations|consultation)s?$", re.I)
# A sitting, perhaps named by the body that sat and the party it is of ("the Central Committee
# Presidium Meeting", "the Politburo Session of the CPSU"); not a party named for one ("the
# Delegation to the Session of ...")
SITTING = re.compile(r"^(?:the\s+|an?\s+)?(?:(?!(?:to|at|in|for|with|of|on)\b)\S+\s+)*"
                     r"(?:meeting|session|sitting)s?(?:\s+of\s.*)?$", re.I)
# Kinds made between parties: "Agreement on Cooperation between A and B"
BETWEEN_KINDS = re.compile(r"agreement|treaty|protocol|convention|communiqu|declaration|accord",
                           re.I)
# Questions put to someone and the answers ("Questions to Yu. A. Gagarin and Answers of Yu. A.
# Gagarin"): an interview's record, whose one side named is who answered, and no kind (list 16,
# as list 13's "Interview with Ariel Levite" and list 1's "Several Questions Raised by ...")
QUESTIONS_ANSWERED = re.compile(
    r"^(?:the\s+)?questions\s+(?:(?:put|posed|addressed|asked)\s+)?to\s+(?P<who>.+?)\s+and\s+"
    r"(?:(?:his|her|their|the)\s+|[^,()]+?['’]s\s+)?answers\b"
    r"(?:\s+(?:of|by|from)\s+[^,()]+?)?(?P<rest>\s*[(,:].*)?$", re.I)
# Notes, which "on a Meeting between A and B" give the meeting's sides and keep their own kind
# ("Information on a Meeting between ...", "Note on Conversation Between ...": lists 14 and 16),
# and so do notes "on the Meeting with B", the talk the article points to (list 17); a note "on
# Conversation with B" or "On a Conversation with B" keeps what it records (lists 1 and 2), and a
# report on a meeting is a "report on a meeting" or "on the meeting" (list 5)
NOTE_KINDS = re.compile(r"\b(?:notes?|information)$", re.I)
# English adjectives and ordinals, which modify a kind rather than name its author ("Untitled
# report", "Preliminary Plan", "Working Record", "Stenographic Transcript", "First Assessment")
ADJECTIVE = re.compile(r"^(?:[A-Z][a-z]+(?:ed|ary|al|ic|ive|ing|ory|ous)|first|second|third|"
                       r"final|last|new|full|brief|short|long)$", re.I)
# A purpose after "for": "Draft for Transmission to ...", "for Approval"
ACTION_NOUN = re.compile(r"^[A-Z][a-z]+(?:ion|ment|ance|ence)$")
# A document's number or code after its kind ("No. 12", "7659", "A-163": an airgram's letter
# and number; "Nr. 17", "45/A")
NUMBER = (r"(?:\s+(?:(?:No\.|Nº|№|Nr\.?|Number|#)\s*[\w./-]+|\d[\d./-]*(?:(?-i:[A-Z])\b)?|"
          r"[A-Z]{1,4}-\d[\w./-]*|"
          # a series' name and number ("Polto 2514", "Secto 12", "SNIE 93-83"), not a month
          # and a day or a year ("March 5", "Moscow 1957")
          r"(?-i:(?!(?:January|February|March|April|May|June|July|August|September|October|"
          r"November|December)\b)[A-Z][a-z]{2,7}|[A-Z]{2,6})\s+(?!(?:1[89]|20)\d\d\b)"
          r"\d[\d./-]*(?![\w.])))")
HEAD = re.compile(
    rf"(?:{CLASSIFIED}\s+)?(?P<kind>{MODIFIERS}(?:(?:{KINDS})\s+(?=(?:{KINDS})\b))?"
    rf"(?:{KINDS})(?:\s+for\s+the\s+record)?)(?![\w-])"
    rf"(?:\s+(?:and|&)\s+{MODIFIERS}(?:{KINDS})(?![\w-]))?"  # "Resolution and Letter to B"
    # "Minutes of the Meeting", "Report on a Meeting": what the record records is part of its
    # kind; "Note on the Final Talk with B": a talk named with "the" after "on" is what the note
    # is about (its subject), as "Report on the 1st conference ..." is, and so are talks in
    # the plural ("Memo on discussions by A with B", "Report on Disarmament Negotiations")
    rf"(?P<recorded>\s+(?:(?P<link>of|from|about)\s+(?:an?\s+|the\s+)?|"
    rf"(?P<on>on)\s+(?:an?\s+)?(?!{PLURAL_TALKS}))"
    rf"(?:{RECORDED_KIND}|(?<=of\s){UTTERED})(?![\w-]))?"
    rf"{NUMBER}?", re.I)
# A possessive in the head: "Record of Chairman Liu Shaoqi’s Conversation with ...",
# "Conversation from [Mao Zedong's] Audience with ..."
HEAD_OF_POSSESSIVE = re.compile(
    rf"(?P<kind>{MODIFIERS}(?:{KINDS}))(?P<recorded>\s+of\s+(?:the\s+)?(?:conversation|talks))?"
    rf"\s+(?P<link>of|from)\s+(?!(?:a|the)\s)\[?(?P<who>[^\[\]:]+?)(?P<possessive>['’]s)?\]?\s+"
    rf"(?P<what>audience|talks?|meeting|conversation|discussion|speech)(?![\w-])", re.I)
# "Bierut's Telephone Conversation", "The Chancellor's [Helmut Kohl's] Meeting"
POSSESSIVE = re.compile(
    rf"(?:the\s+)?(?!(?:{CLASSIFIED}\s+)?(?:{KINDS})\b)"
    rf"\[?(?P<who>(?:(?!\s['‘\"“])[^\[\]‘\"“])+?)['’]s\]?"
    rf"(?:\s+\[(?P<identified>[^\]]+?)['’]s\])?\s+(?={MODIFIERS}(?:{KINDS}|audience)\b)", re.I)
AUDIENCE = re.compile(r"(?P<kind>audience)(?P<recorded>)(?P<link>)", re.I)
FROM_SOURCE = re.compile(
    r"from\s+the\s+(?P<kind>diary|journal|notebook)\s+of\s+(?P<who>.+?)\s*[,:]\s*['‘\"“]?"
    r"(?P<inner>.+?)['’\"”]?$", re.I)
# An entry of a diary or journal given its own kind ("Journal of Soviet Ambassador A,
# Memorandum of Conversation with B"): the entry is the document
ENTRY_OF = re.compile(r"(?:the\s+)?(?P<kind>diary|journal|notebook)\s+of\s+(?P<who>[^,:]+?)"
                      r"\s*[,:]\s+(?P<inner>.+)$", re.I)
QUOTED = re.compile(r"^(?P<prefix>[^'‘\"“]+?),?\s+['‘\"“](?P<inner>.+?)['’\"”]?$")
# A title quoted whole, with no other quote inside it (an apostrophe inside a word is none)
WHOLE_QUOTED = re.compile(r"['‘\"“](?P<inner>(?:[^'‘’\"“”]|(?<=\w)['’](?=\w))+)"
                          r"['’\"”],?")
STAGE = re.compile(rf"^(?:untitled|preliminary|first|second|third|fourth|fifth|last|new|revised|"
                   rf"rough|unsigned|undated)\s+(?={MODIFIERS}(?:{KINDS})\b)", re.I)
# An event with sides inside a subject ("the Negotiations by A with B")
TOLD_EVENT = re.compile(r"\b(?:meeting|conversation|talks|negotiations|discussions?|"
                        r"consultations?)s?(?=\s+(?:by|of|between)\s+\S)", re.I)
# Kinds that pass between two sides
EXCHANGE = re.compile(r"correspondence|exchange|letters|telegrams|cables", re.I)
# Bodies that write ("Central Intelligence Agency", "Ministry of ...")
BODY_AUTHOR = re.compile(r"\b(?:agency|ministry|committee|department|embassy|legation|council|"
                         r"directorate|office|bureau|commission|presidium|politburo)\b", re.I)
# A part of a document, a copy of it, or what was added to it: the document's own title follows
# ("Excerpts from Tsedenbal's diary ...", "Translation of Notes Kept by A ...", "Addition to
# Memorandum of Conversation between A and B")
# ("Excerpts from a Report by A to B", "PARAPHRASE of telegram sent from A to B", "Abstract of a
# Letter from A"); but a talk after the part is what the part records, the kind being the part's
# ("Excerpt from a Conversation between A and B": see grammar.py)
PART_OF = re.compile(r"^(?:(?:excerpts?|extracts?|fragments?|selections?|parts?|portions?|"
                     r"passages?)\s+(?:from|of)|"
                     # "English Translation of", "Unofficial Translation of", "Carbon Copy of"
                     r"(?:(?:[a-z]+\s+)?(?:translation|copy|paraphrase)|text|transcription|"
                     r"abstract)\s+of|"
                     r"(?:addition|addendum|supplement|annex|appendix|attachment|postscript)"
                     r"\s+to)\s+(?:the\s+|an?\s+)?(?=\S)", re.I)
# A subject, a colon, then the kind with its parties ("Fidel Castro's 1977 Southern Africa Tour: A
# Report to Honecker"): the document is the kind after the colon
KIND_AFTER_COLON = re.compile(rf"^(?P<about>(?:[^:'‘\"“]|(?<=\w)['’](?=\w))+?):\s+"
                              rf"(?:an?\s+|the\s+)?"
                              rf"(?P<document>{MODIFIERS}(?:{KINDS})\b.*)$", re.I)
# "reply to Zhou Enlai’s cable of 3 June 1954": the one replied to is the recipient
REPLY_TO = re.compile(r"^(?:in\s+)?(?:reply|answer|response)\s+to\s+(?P<who>.+?)['’]s\s", re.I)

MONTHS = (r"(?:January|February|March|April|May|June|July|August|September|October|November|"
          r"December|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)")
DATE = re.compile(
    rf"(?:on\s+|of\s+|dated\s+)?"
    rf"(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?"
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?(?:\s*[-–]\s*\d{{1,2}})?\s+{MONTHS}(?:,?\s+\d{{4}})?|"
    rf"{MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:\s*[-–]\s*\d{{1,2}})?,?\s+\d{{4}}|"
    rf"{MONTHS}\s+\d{{4}}|\d{{1,2}}\.[IVXivx\d]+\.\d{{2,4}})"
    rf"(?![\w])")
# An event a record tells of, whose sides follow ("from a Meeting with Stalin", "on a Phone Call
# from Stalin", "On the Visit of A ... with B"), perhaps dated inside ("of a 4 November 1956
# meeting of Party activists", "of the April 26, 1961, Meeting of the CPSU CC Presidium")
EVENT = re.compile(rf"(?:a|the)\s+(?:{DATE.pattern},?\s+)?(?:{RECORDED_KIND}|session|sitting|"
                   rf"(?:tele)?phone\s+call|call|visit|reception|audience|dinner|lunch|"
                   rf"luncheon)\s+"
                   rf"(?=(?:of|with|between|from|by)\s)", re.I)
TOKEN = re.compile(r"\[[^\]]*\]?|['‘\"“]\w+['’\"”](?=\s)|\([^)]*\)?|[,;]|:(?=\s)|[-–—](?=\s)|"
                   r"(?<![\w’'])['‘\"“]|"
                   r"[^\s,;\[\]()]+")
QUOTES = "'‘\"“"
# A quotation closed before the title ends (an apostrophe inside a word does not close it)
QUOTATION = re.compile(r"['‘\"“].+?['’\"”](?![\w’'])")
# Role words that take "to" as part of an office ("Soviet Ambassador to China N.V. Roshchin")
OFFICE_TO = {"ambassador", "ambassadors", "minister", "envoy", "representative", "delegation",
             "embassy", "consul", "mission", "legation", "attaché", "attache", "adviser",
             "advisor", "counselor", "counsellor", "delegate", "d’affaires", "d'affaires",
             "chargé", "charge"}
# Offices held to another office ("Special Assistant to the President"): that "to" is the
# office's when the title has a later "to" for its recipient
ASSISTANT_TO = {"assistant", "adviser", "advisor", "deputy", "secretary", "aide", "counselor",
                "counsellor", "consultant", "liaison", "representative", "delegate"}
# After "to", these begin a person or an office, not the place of an office
ADDRESSEE_WORDS = re.compile(
    r"^(?:mr\.|mrs\.|dr\.|prof\.|cdes?\.|comrades?|general|marshal|secretary|minister|ministry|"
    r"president|premier|prime|chairman|foreign|department|government|central|council|committee|"
    r"vice|deputy|head|chief|king|queen|director|first|leader|office|politburo|presidium)$", re.I)
# Bodies and offices that take "for" ("State Committee for Nuclear Energy", "Secretary of State
# for External Affairs", "Council of Ministers for Kiev Oblast")
FOR_BODY = {"committee", "commission", "council", "ministry", "institute", "agency", "office",
            "department", "bureau", "minister", "ministers", "affairs", "administration",
            "directorate", "commissariat", "division", "section", "state", "secretary",
            # offices ("Special Assistant for National Security Affairs", "Deputy Director for
            # Operations", "Coordinator for Mutual Security")
            "assistant", "adviser", "advisor", "director", "coordinator", "commissioner",
            "representative", "administrator", "counselor", "counsellor"}
# An office's business ("for Near Eastern, South Asian, and African Affairs")
AFFAIRS = re.compile(r"\bfor\s+(?:[A-Z][\w-]*,?\s+(?:and\s+)?){1,6}Affairs\b")
# Titles of persons, which after a body's "for" name whom a paper was for
PERSON_TITLE = re.compile(r"^(?:mr\.|mrs\.|dr\.|prof\.|cdes?\.|comrades?|general|marshal|"
                          r"president|premier|prime|chairman|secretary|minister|king|queen|"
                          r"vice|deputy|director|leader|ambassador)$", re.I)
# Bodies named for their business with "on" ("Committee on Public Information", "Conference on
# Disarmament")
ON_BODY = {"committee", "subcommittee", "commission", "council", "conference", "board", "panel",
           "group", "court", "tribunal", "institute"}
# Words after which "in" places an office or post ("Ambassador in Beijing", "Embassy of Hungary
# in North Korea") and "from" names its post ("Counselor from the Embassy of ...")
POSTED = re.compile(r"\b(?:ministry|department|committee|government|embassy|legation|consulate|"
                    r"mission|delegation|representation|ambassador|"
                    r"minister|consul|envoy|representative|attach[eé]|counsel+or|secretary|"
                    r"assistant|director|coordinator|"
                    r"charg[eé]|adviser|advisor|correspondent|resident|station)\b", re.I)
# ... and a body sent from its country ("a Governmental Delegation from the DPRK")
COUNSELOR_FROM = re.compile(r"(?:counsel+or|secretary|attach[eé]|adviser|advisor|delegate|"
                            r"representative|official|officer|correspondent|delegation|"
                            r"mission|group|team)$", re.I)
# "for" before a time is the period covered, not a recipient
FOR_TIME = re.compile(r"^(?:the\s+)?(?:years?|period|months?|quarter|first|second|\d)", re.I)
CLOSING = re.compile(rf"^(?:{CLASSIFIED}|top|strictly|regular|priority|immediate|flash|routine|"
                     rf"no|no\.[\w./-]*|nº|№|nr\.?|number|#\S*|\d[\d./-]*(?-i:[A-Z])?|"
                     rf"[a-z]{{1,4}}-\d[\w./-]*)$", re.I)
# The words of a numbered document's label ("SNIE 4-1-74", "NSC 68")
LABEL = re.compile(r"^[A-Z0-9][A-Z0-9./-]*$")
# A document's code, its series' letters then its number ("SNIE 93-83", "NSC 5412/2") or in one
# word ("A-163"), which names a paper, not a party
CODE_LETTERS = re.compile(r"^[A-Z]{2,6}$")
CODE_NUMBER = re.compile(r"^(?:[A-Z]{1,4}-)?\d[\d./-]*[A-Z]?$")
NICKNAME = re.compile(r"^['‘\"“]\w+['’\"”]$")  # Ernesto “Che” Guevara
# Journeys named without an article ("Report of Visit to Mozambique by A")
JOURNEY = re.compile(r"^(?:visit|trip|journey|tour|stay|voyage)s?$", re.I)
# A visit named by its visitor, its parts in brackets, then the talk it records ("Prime Minister
# A’s Visit to China (Part 3) (Discussion with Chairman B)")
VISIT_TALK = re.compile(
    r"(?:the\s+)?(?P<visitor>[A-Z][^,()'’]*?)['’]s\s+(?:official\s+|state\s+)?"
    r"(?:visit|trip|journey|tour|stay)\s+to\s+[^,()]+?(?:\s*\([^()]*\))*?\s*"
    r"\((?:discussions?|meetings?|talks?|conversations?|audience)\s+with\s+(?P<host>[^()]+)\)$",
    re.I)
# What a note is for, after its addressee's possessive ("Note for Comrade A’s Personal Use")
PURPOSE = re.compile(r"(?:(?:personal|private|official|own|exclusive)\s+)?(?:use|information|"
                     r"attention|eyes|consideration|approval|signature|perusal|reference)\b",
                     re.I)
# Common nouns whose name follows in quotes ("the journal 'Problemy Mira i Sotsializma'")
NAMED_THING = re.compile(r"^(?:journal|newspaper|magazine|periodical|weekly|daily|review|"
                         r"publishing\s+house|ship|vessel|steamer|plant|factory|works|"
                         r"enterprise|cooperative|kolkhoz|company|firm)$", re.I)
# Lower-case words inside a party's name: offices, posts, a comrade
LOWER_IN_NAME = {"chargé", "charge", "d’affaires", "d'affaires", "consulate", "embassy", "legation",
                 "comrade", "comrades", "under", "ambassador", "minister", "consul",
                 # a title in sentence case keeps offices in lower case ("Soviet leader A")
                 "leader", "leaders", "leadership", "government", "delegation", "side",
                 "president", "premier", "chairman", "secretary", "officials", "envoy"}
# Words that start a role phrase or a subject
MARKERS = {"to", "from", "by", "for", "with", "on", "about", "regarding", "concerning", "re",
           "re:", "at", "during", "between"}
# The verb of a titled act: "Vice Premier Li Xiannian receives A for a Discussion"
RECEIVES = {"receives", "meets", "greets", "hosts", "visits"}
# Words no name has, after which a comma starts the subject ("..., Pol Pot’s Visit to the DPRK")
NAME_WORDS = {"of", "the", "and", "for", "de", "la", "du", "von", "van", "in", "al", "at"}
PARTICLES = {"of", "the", "de", "du", "la", "le", "von", "van", "der", "al", "bin", "da", "di", "y",
             "and", "&", "a", "an"}
CONVERSATIONAL = re.compile(r"conversation|meeting|talks|discussion|audience|consultation|"
                            r"negotiations|interview", re.I)
# What a document carries with it ("with a Letter to Stalin", "with approved message", "with
# Supporting Cables", "with Accompanying Documents", "with Attachments")
ENCLOSED = re.compile(rf"(?:an?\s+|the\s+|its\s+)?(?:[A-Za-z]+ing\s+|[A-Za-z]+ed\s+)?{MODIFIERS}"
                      rf"(?:{KINDS}|documents?|materials?|attachments?|enclosures?|annex(?:es)?|"
                      rf"appendix|appendices|maps?|photographs?)\b", re.I)
# A second item after a document's parties ("between A and B and Comments on the Distribution
# of ...", "to B and Report on ..."): what was added to it, no party
ADDED_PART = re.compile(rf"(?:an?\s+|the\s+|his\s+|her\s+|their\s+)?{MODIFIERS}"
                        rf"(?:{KINDS}|{UTTERED})\s+(?:on|about|regarding|concerning)\s", re.I)
# A present participle ("Referring", "Requesting"), which after a comma starts a phrase
ING = re.compile(r"^[A-Za-z]{2,}ing$")
# Talks around which a record was made ("ahead of Meetings with B", "During a Conversation with")
TALK_AROUND = re.compile(
    rf"(?:during|ahead\s+of|before|after|following|prior\s+to|in\s+the\s+course\s+of)\s+"
    rf"(?:an?\s+|the\s+|his\s+|her\s+|their\s+)?{RECORDED_KIND}s?\s+(?=with\s)", re.I)
PARTICIPLE = re.compile(r"^(?:[a-z]+ed|given|sent|made|kept|written|taken|drawn|held|read|"
                        r"shown|brought|done)$", re.I)
# Participles of talking to someone, which after a name are no part of it ("Zhou Enlai Talking
# to Ho Chi Minh", "Mao Zedong Speaking with ..."): the name is one side, whom it is to the other;
# not "Meeting", a noun as often ("Summary of Averell Harriman Meeting with Stalin")
TALKING = re.compile(r"^(?:talking|speaking|writing|chatting|conversing|corresponding|"
                     r"conferring|negotiating|replying|responding)$", re.I)
# Participles of a document's making, after which "in" or "at" a body names its writer ("Paper
# Prepared in the Department of State", FRUS's heading for papers with no single author)
MADE = re.compile(r"^(?:prepared|drafted|written|compiled|produced|issued)$", re.I)
WRITING_BODY = re.compile(r"\b(?:agency|ministry|committee|council|department|embassy|"
                          r"legation|consulate|delegation|mission|directorate|office|bureau|"
                          r"commission|division|branch|staff|secretariat|white\s+house|"
                          r"headquarters|institute|section)\b", re.I)
# Participles of a document's own making and sending: after a subject they give its sender or
# recipient ("... sent by A to B", "... Submitted to B")
SENT = re.compile(r"^(?:sent|submitted|transmitted|forwarded|addressed|delivered|dispatched|"
                  r"despatched|relayed|conveyed|cabled|telegraphed|wired|radioed|passed)$",
                  re.I)
