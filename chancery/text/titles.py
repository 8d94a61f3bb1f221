"""The parts of a document title: its type, sender, recipient and subject, read by a small grammar.

A title is a document-type head, then role phrases, in any of these orders:

- head first: "Ciphered Telegram No. 709, Filippov [Stalin] to Krasovsky, for Mao Zedong";
  "Memorandum of Conversation between A and B"; "Report of A for B about ...";
- a possessive before the head: "Bierut's Telephone Conversation with Stalin"; "The Chancellor's
  [Helmut Kohl's] Meeting with ..."; or inside it: "Record of I.V. Stalin’s Conversation with ...";
- an author before the head: "CPSU Central Committee Decision"; "TASS Digest Distributed to ...";
  "Hungarian Embassy in the DPRK, Telegram, 10 July 1972. Subject: ...";
- an author before a quoted title: "Embassy of the GDR ..., 'Note about a Conversation of A with B'";
  "From the Journal of A, 'Record of a Conversation with B'";
- the head last, or none: "A, office, to B, office, Telegram number N"; "L. Beria to V.M. Molotov".

The head is a kind (Telegram, Letter, Minutes, Notes, Speech, Diary ...), perhaps after another
("Memo Report") or a modifier ("Ciphered"), perhaps with what it records ("Record of a Second
Conversation", "Minutes of the Meeting"), then a number. Role phrases: from/by/of A (sender),
to/for B (recipient), with B (the other side), between A and B, a participle and by/to ("Sent by",
"Distributed to"); a subject after on/about/regarding/concerning/Re:, a quote or a dash; an
occasion after at/during/on the occasion of, whose host and guest ("Granted by A to B") are a
conversation's sides only when both are named; dates, numbers and classifications name no one.
Inside a party, an office keeps its prepositions: "Ambassador to China N.V. Roshchin", "Minister of
Foreign Affairs of the USSR", "Embassy of Hungary in North Korea", "State Committee for Nuclear
Energy", "Counselor from the Embassy of ...". A title of none of these shapes gives its type alone,
or empty parts, never a guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from chancery.model import Party
from chancery.text.title_parties import HEADED_BY, name_like, org_like, parties

__all__ = ["TitleParts", "parse_title", "parties"]

# The kinds of document an archive catalogues (a title may print any of them in the plural);
# besides the kinds Wilson titles showed, those the FRUS editors head documents with (counted
# over the build volumes' document heads: despatch, cablegram, aide-mémoire, diary entry, oral
# and special message, action memorandum, position paper ...) and the diplomatic and
# administrative genres archives file (note verbale, non-paper, démarche, petition, leaflet ...)
_KINDS = (r"(?:diary\s+entr(?:y|ies)|note\s+verbale|aide[-\s]m[ée]moire|non-paper|"
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
          r"commentary|article|editorial|q&a)(?:s|es)?")
_CLASSIFIED = r"(?:(?:top\s+|strictly\s+)?secret|urgent|confidential)"
# Words that modify a kind: how it was sent or kept, its standing, its stage, and the nouns
# that make compound kinds ("Ciphered Telegram", "Stenographic Transcript", "Work Report",
# "Background Report", "Conversation Records", "Approved Message"); not "Untitled" or
# "Preliminary", which describe the copy rather than name its kind
_MODIFIERS = (r"(?:(?:ciphered|coded|cipher|encrypted|handwritten|typewritten|telephone|official|"
              r"joint|final|short|political|stenographic|verbatim|"
              r"working|background|work|progress|situation|status|intelligence|position|"
              r"policy|press|annual|monthly|weekly|daily|quarterly|supplementary|additional|"
              r"personal|private|incoming|outgoing|approved|attached|enclosed|draft|"
              r"brief|full|detailed|summary|"
              r"action|oral|special|staff|editorial|operations|cover|covering|national|field|"
              r"research|"
              r"conversation|meeting|verbal)\s+)*")
# What a record records: "Record of a Second Conversation", "Minutes of the Meeting"
_RECORDED_KIND = (r"(?:(?:first|second|third|last|private|telephone|confidential|official|final|"
                  r"farewell|closing|opening|initial|further|recent)\s+)?"
                  r"(?:conversations?|talks?|meeting|discussions?|negotiations|consultations?|"
                  r"interviews?|[\w-]+\s+(?:meeting|session|plenum|conference))")
# An event a record tells of, whose sides follow ("from a Meeting with Stalin", "on a Phone Call
# from Stalin", "On the Visit of A ... with B")
_EVENT = re.compile(rf"(?:a|the)\s+(?:{_RECORDED_KIND}|(?:tele)?phone\s+call|call|visit|reception|"
                    rf"audience|dinner|lunch|luncheon)\s+(?=(?:of|with|between|from|by)\s)", re.I)
# Kinds whose "of" names what they are about, not who wrote them ("Assessment of the Military
# Content", "List of Questions", "Summary of A Meeting with B")
_OBJECT_KINDS = re.compile(r"(?:assessment|analysis|study|evaluation|review|survey|overview|"
                           r"estimate|list|summary|chronology|outline|biography)s?$", re.I)
# The nouns of events that have sides ("A Meeting with B")
_EVENT_NOUN = re.compile(r"^(?:meeting|conversation|talks?|discussion|visit|audience|interview|"
                         r"negotiations|consultation)s?$", re.I)
# Kinds made between parties: "Agreement on Cooperation between A and B"
_BETWEEN_KINDS = re.compile(r"agreement|treaty|protocol|convention|communiqu|declaration|accord",
                            re.I)
# English adjectives and ordinals, which modify a kind rather than name its author ("Untitled
# report", "Preliminary Plan", "Working Record", "Stenographic Transcript", "First Assessment")
_ADJECTIVE = re.compile(r"^(?:[A-Z][a-z]+(?:ed|ary|al|ic|ive|ing|ory|ous)|first|second|third|"
                        r"final|last|new|full|brief|short|long)$", re.I)
# A purpose after "for": "Draft for Transmission to ...", "for Approval"
_ACTION_NOUN = re.compile(r"^[A-Z][a-z]+(?:ion|ment|ance|ence)$")
_NUMBER = r"(?:\s+(?:(?:No\.|Nº|№|Number|#)\s*[\w./-]+|\d[\d./-]*))"
_HEAD = re.compile(
    rf"(?:{_CLASSIFIED}\s+)?(?P<kind>{_MODIFIERS}(?:(?:{_KINDS})\s+(?=(?:{_KINDS})\b))?"
    rf"(?:{_KINDS})(?:\s+for\s+the\s+record)?)(?![\w-])"
    rf"(?:\s+(?:and|&)\s+{_MODIFIERS}(?:{_KINDS})(?![\w-]))?"  # "Resolution and Letter to B"
    # "Minutes of the Meeting", "Report on a Meeting": what the record records is part of its
    # kind; "Note on the Final Talk with B": a talk named with "the" after "on" is what the note
    # is about (its subject), as "Report on the 1st conference ..." is
    rf"(?P<recorded>\s+(?:(?P<link>of|from|about)\s+(?:an?\s+|the\s+)?|(?P<on>on)\s+(?:an?\s+)?)"
    rf"{_RECORDED_KIND}(?![\w-]))?"
    rf"{_NUMBER}?", re.I)
# A possessive in the head: "Record of Chairman Liu Shaoqi’s Conversation with ...",
# "Conversation from [Mao Zedong's] Audience with ..."
_HEAD_OF_POSSESSIVE = re.compile(
    rf"(?P<kind>{_MODIFIERS}(?:{_KINDS}))(?P<recorded>\s+of\s+(?:the\s+)?(?:conversation|talks))?"
    rf"\s+(?P<link>of|from)\s+(?!(?:a|the)\s)\[?(?P<who>[^\[\]:]+?)(?P<possessive>['’]s)?\]?\s+"
    rf"(?P<what>audience|talks?|meeting|conversation|discussion|speech)(?![\w-])", re.I)
# "Bierut's Telephone Conversation", "The Chancellor's [Helmut Kohl's] Meeting"
_POSSESSIVE = re.compile(
    rf"(?:the\s+)?(?!(?:{_CLASSIFIED}\s+)?(?:{_KINDS})\b)\[?(?P<who>(?:(?!\s['‘\"“])[^\[\]‘\"“])+?)['’]s\]?"
    rf"(?:\s+\[(?P<identified>[^\]]+?)['’]s\])?\s+(?={_MODIFIERS}(?:{_KINDS}|audience)\b)", re.I)
_AUDIENCE = re.compile(r"(?P<kind>audience)(?P<recorded>)(?P<link>)", re.I)
_FROM_SOURCE = re.compile(
    r"from\s+the\s+(?P<kind>diary|journal|notebook)\s+of\s+(?P<who>.+?)\s*[,:]\s*['‘\"“]?"
    r"(?P<inner>.+?)['’\"”]?$", re.I)
_QUOTED = re.compile(r"^(?P<prefix>[^'‘\"“]+?),?\s+['‘\"“](?P<inner>.+?)['’\"”]?$")
_STAGE = re.compile(rf"^(?:untitled|preliminary|first|second|third|fourth|fifth|last|new|revised|"
                    rf"rough|unsigned|undated)\s+(?={_MODIFIERS}(?:{_KINDS})\b)", re.I)
# An event with sides inside a subject ("the Negotiations by A with B")
_TOLD_EVENT = re.compile(r"\b(?:meeting|conversation|talks|negotiations|discussions?|"
                         r"consultations?)s?(?=\s+(?:by|of|between)\s+\S)", re.I)
# Kinds that pass between two sides
_EXCHANGE = re.compile(r"correspondence|exchange|letters|telegrams|cables", re.I)
# Bodies that write ("Central Intelligence Agency", "Ministry of ...")
_BODY_AUTHOR = re.compile(r"\b(?:agency|ministry|committee|department|embassy|legation|council|"
                          r"directorate|office|bureau|commission|presidium|politburo)\b", re.I)
# A part of a document, a copy of it, or what was added to it: the document's own title follows
# ("Excerpts from Tsedenbal's diary ...", "Translation of Notes Kept by A ...", "Addition to
# Memorandum of Conversation between A and B")
_PART_OF = re.compile(r"^(?:(?:excerpts?|extracts?|fragments?|selections?)\s+(?:from|of)|"
                      r"(?:(?:english\s+)?translation|copy|text|transcription)\s+of|"
                      r"(?:addition|addendum|supplement|annex|appendix|attachment|postscript)"
                      r"\s+to)\s+(?:the\s+)?(?=\S)", re.I)
# "reply to Zhou Enlai’s cable of 3 June 1954": the one replied to is the recipient
_REPLY_TO = re.compile(r"^(?:in\s+)?(?:reply|answer|response)\s+to\s+(?P<who>.+?)['’]s\s", re.I)

_MONTHS = (r"(?:January|February|March|April|May|June|July|August|September|October|November|"
           r"December|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)")
_DATE = re.compile(
    rf"(?:on\s+|of\s+|dated\s+)?(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?"
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?(?:\s*[-–]\s*\d{{1,2}})?\s+{_MONTHS}(?:,?\s+\d{{4}})?|"
    rf"{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:\s*[-–]\s*\d{{1,2}})?,?\s+\d{{4}}|"
    rf"{_MONTHS}\s+\d{{4}}|\d{{1,2}}\.[IVXivx\d]+\.\d{{2,4}})"
    rf"(?![\w])")
_TOKEN = re.compile(r"\[[^\]]*\]?|['‘\"“]\w+['’\"”](?=\s)|\([^)]*\)?|[,;]|:(?=\s)|[-–—](?=\s)|(?<![\w’'])['‘\"“]|"
                    r"[^\s,;\[\]()]+")
_QUOTES = "'‘\"“"
# Role words that take "to" as part of an office ("Soviet Ambassador to China N.V. Roshchin")
_OFFICE_TO = {"ambassador", "ambassadors", "minister", "envoy", "representative", "delegation",
              "embassy", "consul", "mission", "legation", "attaché", "attache", "adviser",
              "advisor", "counselor", "counsellor", "delegate", "d’affaires", "d'affaires",
              "chargé", "charge"}
# Offices held to another office ("Special Assistant to the President"): that "to" is the
# office's when the title has a later "to" for its recipient
_ASSISTANT_TO = {"assistant", "adviser", "advisor", "deputy", "secretary", "aide", "counselor",
                 "counsellor", "consultant", "liaison", "representative", "delegate"}
# After "to", these begin a person or an office, not the place of an office
_ADDRESSEE_WORDS = re.compile(
    r"^(?:mr\.|mrs\.|dr\.|prof\.|cdes?\.|comrades?|general|marshal|secretary|minister|ministry|"
    r"president|premier|prime|chairman|foreign|department|government|central|council|committee|"
    r"vice|deputy|head|chief|king|queen|director|first|leader|office|politburo|presidium)$", re.I)
# Bodies and offices that take "for" ("State Committee for Nuclear Energy", "Secretary of State
# for External Affairs", "Council of Ministers for Kiev Oblast")
_FOR_BODY = {"committee", "commission", "council", "ministry", "institute", "agency", "office",
             "department", "bureau", "minister", "ministers", "affairs", "administration",
             "directorate", "commissariat", "division", "section", "state", "secretary",
             # offices ("Special Assistant for National Security Affairs", "Deputy Director for
             # Operations", "Coordinator for Mutual Security")
             "assistant", "adviser", "advisor", "director", "coordinator", "commissioner",
             "representative", "administrator", "counselor", "counsellor"}
# An office's business ("for Near Eastern, South Asian, and African Affairs")
_AFFAIRS = re.compile(r"\bfor\s+(?:[A-Z][\w-]*,?\s+(?:and\s+)?){1,6}Affairs\b")
# Titles of persons, which after a body's "for" name whom a paper was for
_PERSON_TITLE = re.compile(r"^(?:mr\.|mrs\.|dr\.|prof\.|cdes?\.|comrades?|general|marshal|"
                           r"president|premier|prime|chairman|secretary|minister|king|queen|"
                           r"vice|deputy|director|leader|ambassador)$", re.I)
# Bodies named for their business with "on" ("Committee on Public Information", "Conference on
# Disarmament")
_ON_BODY = {"committee", "subcommittee", "commission", "council", "conference", "board", "panel",
            "group", "court", "tribunal", "institute"}
# Words after which "in" places an office or post ("Ambassador in Beijing", "Embassy of Hungary
# in North Korea") and "from" names its post ("Counselor from the Embassy of ...")
_POSTED = re.compile(r"\b(?:ministry|department|committee|government|embassy|legation|consulate|mission|delegation|representation|ambassador|"
                     r"minister|consul|envoy|representative|attach[eé]|counsel+or|secretary|"
                     r"assistant|director|coordinator|"
                     r"charg[eé]|adviser|advisor|correspondent|resident|station)\b", re.I)
# ... and a body sent from its country ("a Governmental Delegation from the DPRK")
_COUNSELOR_FROM = re.compile(r"(?:counsel+or|secretary|attach[eé]|adviser|advisor|delegate|"
                             r"representative|official|officer|correspondent|delegation|"
                             r"mission|group|team)$", re.I)
# "for" before a time is the period covered, not a recipient
_FOR_TIME = re.compile(r"^(?:the\s+)?(?:years?|period|months?|quarter|first|second|\d)", re.I)
_CLOSING = re.compile(rf"^(?:{_CLASSIFIED}|top|strictly|regular|priority|immediate|flash|routine|"
                      rf"no|no\.[\w./-]*|nº|№|number|#\S*|\d[\d./-]*)$", re.I)
_NICKNAME = re.compile(r"^['‘\"“]\w+['’\"”]$")  # Ernesto “Che” Guevara
# Journeys named without an article ("Report of Visit to Mozambique by A")
_JOURNEY = re.compile(r"^(?:visit|trip|journey|tour|stay|voyage)s?$", re.I)
# What a note is for, after its addressee's possessive ("Note for Comrade A’s Personal Use")
_PURPOSE = re.compile(r"(?:(?:personal|private|official|own|exclusive)\s+)?(?:use|information|"
                      r"attention|eyes|consideration|approval|signature|perusal|reference)\b",
                      re.I)
# Common nouns whose name follows in quotes ("the journal 'Problemy Mira i Sotsializma'")
_NAMED_THING = re.compile(r"^(?:journal|newspaper|magazine|periodical|weekly|daily|review|"
                          r"publishing\s+house|ship|vessel|steamer|plant|factory|works|"
                          r"enterprise|cooperative|kolkhoz|company|firm)$", re.I)
# Lower-case words inside a party's name: offices, posts, a comrade
_LOWER_IN_NAME = {"chargé", "charge", "d’affaires", "d'affaires", "consulate", "embassy", "legation",
                  "comrade", "comrades", "under", "ambassador", "minister", "consul",
                  # a title in sentence case keeps offices in lower case ("Soviet leader A")
                  "leader", "leaders", "leadership", "government", "delegation", "side",
                  "president", "premier", "chairman", "secretary", "officials", "envoy"}
# Words that start a role phrase or a subject
_MARKERS = {"to", "from", "by", "for", "with", "on", "about", "regarding", "concerning", "re",
            "re:", "at", "during", "between"}
# The verb of a titled act: "Vice Premier Li Xiannian receives A for a Discussion"
_RECEIVES = {"receives", "meets", "greets", "hosts", "visits"}
# Words no name has, after which a comma starts the subject ("..., Pol Pot’s Visit to the DPRK")
_NAME_WORDS = {"of", "the", "and", "for", "de", "la", "du", "von", "van", "in", "al", "at"}
_PARTICLES = {"of", "the", "de", "du", "la", "le", "von", "van", "der", "al", "bin", "da", "di", "y",
              "and", "&", "a", "an"}
_CONVERSATIONAL = re.compile(r"conversation|meeting|talks|discussion|audience|consultation|"
                             r"negotiations|interview", re.I)
# What a document carries with it ("with a Letter to Stalin", "with approved message")
_ENCLOSED = re.compile(rf"(?:an?\s+|the\s+)?{_MODIFIERS}(?:{_KINDS})\b", re.I)
# A present participle ("Referring", "Requesting"), which after a comma starts a phrase
_ING = re.compile(r"^[A-Za-z]{2,}ing$")
# Talks around which a record was made ("ahead of Meetings with B", "During a Conversation with")
_TALK_AROUND = re.compile(
    rf"(?:during|ahead\s+of|before|after|following|prior\s+to|in\s+the\s+course\s+of)\s+"
    rf"(?:an?\s+|the\s+|his\s+|her\s+|their\s+)?{_RECORDED_KIND}s?\s+(?=with\s)", re.I)
_PARTICIPLE = re.compile(r"^(?:[a-z]+ed|given|sent|made|kept|written|taken|drawn|held|read|"
                         r"shown|brought|done)$", re.I)
# Participles of a document's making, after which "in" or "at" a body names its writer ("Paper
# Prepared in the Department of State", FRUS's heading for papers with no single author)
_MADE = re.compile(r"^(?:prepared|drafted|written|compiled|produced|issued)$", re.I)
_WRITING_BODY = re.compile(r"\b(?:agency|ministry|committee|council|department|embassy|"
                           r"legation|consulate|delegation|mission|directorate|office|bureau|"
                           r"commission|division|branch|staff|secretariat|white\s+house|"
                           r"headquarters|institute|section)\b", re.I)
# Participles of a document's own making and sending: after a subject they give its sender or
# recipient ("... sent by A to B", "... Submitted to B")
_SENT = re.compile(r"^(?:sent|submitted|transmitted|forwarded|addressed|delivered|dispatched|"
                   r"despatched)$", re.I)


@dataclass(frozen=True, slots=True)
class TitleParts:
    document_type: str = ""
    senders: tuple[Party, ...] = ()
    recipients: tuple[Party, ...] = ()
    subject: str = ""


def parse_title(title: str) -> TitleParts:
    """Read type, senders, recipients and subject; empty parts when the title has no such form."""
    title = " ".join(title.split()).strip(" .")
    # the editors' notes of what is given ("(fragments)", "[Approved for Release, March 2009]")
    title = re.sub(r"\s*(?:\((?:fragments?|excerpts?|extracts?|summary)\)|\[approved for release"
                   r"[^\]]*\])$", "", title, flags=re.I).strip(" .")
    # how far the copy got ("Untitled report", "First Assessment"): no part of the kind
    title = _STAGE.sub("", title)
    part = _PART_OF.match(title)
    if part:
        whole = parse_title(title[part.end():])
        if whole.document_type:
            return whole
    source = _FROM_SOURCE.match(title)
    if source:
        return _within(parse_title(source.group("inner")), source.group("who"),
                       source.group("kind"), source.group("inner"))
    head = _HEAD_OF_POSSESSIVE.match(title)
    pair = head and re.match(r"^(?P<a>[^–—-]+?)\s+[–—-]\s+(?P<b>[^–—-]+)$", head.group("who"))
    if head and pair and not head.group("possessive"):  # "Minutes of A – B Meeting in Sofia"
        read = _Roles(title[head.end():], head.group("kind"))
        return TitleParts(_kind_text(head.group("kind")), parties(pair.group("a")),
                          parties(pair.group("b")), read.subject)
    if head and (head.group("possessive") or org_like(head.group("who")) and not (
            _HEAD.match(title) and _HEAD.match(title).group("recorded"))):
        kind = head.group("kind") + (head.group("recorded") or "")
        if head.group("link").lower() == "of" and head.group("possessive"):
            kind += f" of {head.group('what')}"
        read = _Roles(title[head.end():], kind)
        return _parts(kind, parties(head.group("who")) + read.senders(), read)
    possessive = _POSSESSIVE.match(title)
    if possessive:
        head = _HEAD.match(title, possessive.end()) or _AUDIENCE.match(title, possessive.end())
        who = possessive.group("who") + (f" [{possessive.group('identified')}]"
                                         if possessive.group("identified") else "")
        read = _Roles(title[head.end():], head.group("kind"), occasion_parties=False)
        return _parts(_kind(head), parties(who), read)
    head = _HEAD.match(title)
    if head:
        return _parts(_kind(head), (), _Roles(title[head.end():], _kind(head)))
    quoted = _QUOTED.match(title)
    if quoted and not _HEAD.search(quoted.group("prefix")):
        inner = parse_title(quoted.group("inner"))
        if inner.document_type:
            return _within(inner, quoted.group("prefix"), "", quoted.group("inner"))
        if _BODY_AUTHOR.search(quoted.group("prefix")) and _author_like(quoted.group("prefix")):
            # "Central Intelligence Agency, Directorate of Intelligence, 'India’s ...'"
            return TitleParts("", parties(quoted.group("prefix").strip(" ,")), (),
                              quoted.group("inner").strip(" '‘’\"“”"))
    return _author_first(title)


def _kind_text(text: str) -> str:
    return " ".join(text.split()).lower()


def _kind(head: re.Match) -> str:
    link = head.groupdict().get("link") or head.groupdict().get("on")
    recorded = head.group("recorded") if link and link.lower() != "about" else ""
    return " ".join(f"{head.group('kind')}{recorded or ''}".split()).lower()


def _parts(kind: str, senders: tuple[Party, ...], read: _Roles) -> TitleParts:
    senders = senders or read.senders()
    recipients = read.recipients()
    if not senders and not recipients and read.subject[:1].isupper():
        # "Memorandum of Conversation: President Bush's Meeting with Chairman Deng": a record
        # naming no one, about a meeting whose two sides its subject names, is of those sides
        told = parse_title(read.subject)
        if told.senders and told.recipients and _CONVERSATIONAL.search(told.document_type):
            senders, recipients = told.senders, told.recipients
    event = not senders and not recipients and _TOLD_EVENT.search(read.subject)
    if event:
        # "Information about the Results of the Negotiations by A with B": the event's sides
        told = _Roles(read.subject[event.end():], event.group())
        if told.senders() and told.recipients():
            senders, recipients = told.senders(), told.recipients()
    reply = _REPLY_TO.match(read.subject)
    if reply and not recipients:
        recipients = parties(reply.group("who"))
    return TitleParts(" ".join(kind.split()).lower(), senders, recipients, read.subject)


def _within(inner: TitleParts, author: str, kind: str, text: str) -> TitleParts:
    """A title inside another's ("From the Journal of A, 'Record of a Conversation with B'"): the
    record's two sides where it names both, else its author and the side it names."""
    if not inner.document_type:
        return TitleParts(kind.lower(), parties(author), (), text.strip(" '‘’\"“”"))
    if inner.senders and inner.recipients:
        return inner
    return TitleParts(inner.document_type, parties(author), inner.recipients or inner.senders,
                      inner.subject)


def _author_first(title: str) -> TitleParts:
    """An author before the head ("CPSU Central Committee Decision"), the head last ("A to B,
    Telegram number N"), or no head ("L. Beria to Cde. V.M. Molotov")."""
    text = re.sub(rf"^{_CLASSIFIED}\s+", "", title, flags=re.I)
    for start in (match.start() for match in re.finditer(r"(?<=[\s,])\S", text)):
        head = _HEAD.match(text, start)
        author = text[:start].strip(" ,")
        if not head or not _author_like(author) or re.match(r"[\w-]", text[head.end():][:1]) or \
                re.search(r"\s(?:a|an|the|of|on|for|to|with|in|about)$", author, re.I):
            continue  # "The Question of a Conference ...": the head is governed, not authored
        if all(_ADJECTIVE.match(word) for word in author.split()):
            kind = f"{author} {_kind(head)}"  # "Working Record of a Conversation of A with B"
            return _parts(kind, (), _Roles(text[head.end():], kind))
        read = _Roles(text[head.end():], _kind(head))
        pair = re.match(r"^(?P<a>.+?)\s+and\s+(?P<b>.+)$", author)
        if pair and _EXCHANGE.search(_kind(head)) and not read.senders():
            # "Bhabha and Jawaharlal Nehru Correspondence": the two sides of the letters
            return TitleParts(_kind(head), parties(pair.group("a")), parties(pair.group("b")),
                              read.subject)
        if read.senders():  # "CDS Report No. 62 from A": the words before name a series
            return _parts(_kind(head), (), read)
        return _parts(_kind(head), parties(author), read)
    trailing = re.search(rf",\s+(?P<kind>{_MODIFIERS}(?:{_KINDS})){_NUMBER}?\s*$", text, re.I)
    body = text[:trailing.start()] if trailing else text
    read = _Roles(body, "", bare=True)
    senders, recipients = read.senders(), read.recipients()
    if not re.search(r"\s(?:to|receives|meets|greets|hosts|visits)\s", body, re.I):
        return TitleParts()  # only "A to B" and "A receives B" name parties without a type
    if senders and recipients and all(_capitalised(party.name) for party in senders + recipients):
        return TitleParts(trailing.group("kind").lower() if trailing else "", senders, recipients)
    return TitleParts()


def _capitalised(text: str) -> bool:
    """Capitalised words and the particles of names, as a party with no type before it is."""
    words = text.split()
    return bool(words) and words[0][:1].isupper() and all(
        word[:1].isupper() or word in _NAME_WORDS for word in words)


def _author_like(text: str) -> bool:
    """An author's name before a type: capitalised words, particles, a post ("Bombay consulate")."""
    words = re.sub(r"\([^()]*\)", " ", text).replace(",", " ").split()
    return 0 < len(words) <= 8 and words[0][:1].isupper() and all(
        word[:1].isupper() or word.lower() in _PARTICLES | {"in", "for", "consulate", "embassy",
                                                           "legation"} for word in words)


class _Roles:
    """The role phrases after a head, read left to right into senders, recipients, subject."""

    def __init__(self, text: str, kind: str, *, bare: bool = False,
                 occasion_parties: bool = True) -> None:
        self.text = text
        self.tokens = list(_TOKEN.finditer(text))
        self.conversational = bool(_CONVERSATIONAL.search(kind))
        self.between_kind = bool(_BETWEEN_KINDS.search(kind))
        self.object_kind = bool(_OBJECT_KINDS.search(kind))
        self.occasion_parties = occasion_parties
        self._senders: list[str] = []
        self._recipients: list[str] = []
        self._bare_senders: list[str] = []
        self.subject = ""
        self._read(bare or text.startswith(","))

    def senders(self) -> tuple[Party, ...]:
        return tuple(party for text in self._senders for party in parties(text))

    def recipients(self) -> tuple[Party, ...]:
        return tuple(party for text in self._recipients for party in parties(text))

    # -- the phrase loop
    def _word(self, index: int) -> str:
        return self.tokens[index].group() if index < len(self.tokens) else ""

    def _rest(self, index: int) -> str:
        return self.text[self.tokens[index].start():] if index < len(self.tokens) else ""

    def _date_at(self, index: int) -> int:
        """The index after a date starting at index, or index when none starts there."""
        if index >= len(self.tokens):
            return index
        match = _DATE.match(self.text, self.tokens[index].start())
        if not match:
            return index
        while index < len(self.tokens) and self.tokens[index].start() < match.end():
            index += 1
        return index

    def _read(self, bare: bool) -> None:
        index, count = 0, len(self.tokens)
        occasion_by: list[str] = []
        while index < count:
            word = self._word(index)
            low = word.lower()
            if re.fullmatch(r"\[(?:between|and|with|to|from|by|of)\]", low):
                low = word = low.strip("[]")  # an editor's "[between]" reads as the word
            following = self._word(index + 1).lower()
            event = _EVENT.match(self._rest(index + 1)) if low in {"from", "of", "on"} and \
                not self._recipients else None
            if event:
                end = self.tokens[index + 1].start() + event.end()
                while index < count and self.tokens[index].start() < end:
                    index += 1  # "from a Meeting with Stalin": the meeting's sides follow
                self.conversational = True
                continue
            if word == "," and following in {"the", "a", "an"} and \
                    (self._senders or self._recipients):
                # "sent by A, the Albanian ambassador in Belgrade, to B": who A is, then the
                # roles go on
                index = self._after_apposition(index + 1)
                continue
            if word in {",", ";"} or low in {"and", "the"}:
                index += 1
                continue
            after_date = self._date_at(index)
            if after_date != index:
                index = after_date
                continue
            if word[:1] in _QUOTES or word in {"-", "–", "—", ":"} or low in {"re:", "subject:"} \
                    or (low in {"re", "subject"} and following == ":"):
                self.subject = self._rest(index).lstrip("-–—: ").strip(" '‘’\"“”")
                if low in {"re", "subject", "re:", "subject:"}:
                    self.subject = re.sub(r"^(?:re|subject)\s*:?\s*", "", self.subject, flags=re.I)
                return
            if low in {"on", "about", "regarding", "concerning", "rergarding", "related"} or \
                    (low in {"reply", "answer", "response"} and following == "to") or \
                    (low == "in" and following in {"reply", "response", "answer"}):
                if low == "on" and re.match(r"the\s+occasion\s+of\b", self._rest(index + 1), re.I):
                    index += 4
                    index, occasion_by = self._occasion(index, occasion_by)
                    continue
                talk = re.match(rf"(?P<owner>a\s+|an\s+|the\s+|his\s+|her\s+|their\s+)?"
                                rf"{_RECORDED_KIND}\s+(?=(?P<link>with|between)\s)",
                                self._rest(index + 1), re.I)
                owner = talk and (talk.group("owner") or "").strip().lower()
                # "Notes Kept by A Regarding Conversations with B", "A's diary on his
                # conversation with B": the writer's own talks, whose other side follows
                own = talk and talk.group("link") == "with" and not self._recipients and (
                    low != "on" or owner in {"his", "her", "their"})
                # "Note regarding the Meeting between A and B": a record naming no one gives
                # the sides of the meeting it is about
                sides = talk and talk.group("link") == "between" and not (
                    self._senders or self._recipients)
                if own or sides:
                    end = self.tokens[index + 1].start() + talk.end()
                    while index < count and self.tokens[index].start() < end:
                        index += 1
                    self.conversational = True
                    continue
                resumed = self._after_subject(index + 1, self.between_kind)
                self.subject = self._span(index + (low in {"on", "about", "regarding",
                                                          "concerning", "rergarding"}),
                                          resumed) if resumed > index + 1 else ""
                if resumed >= count:
                    return
                index = resumed
                continue
            talk = _TALK_AROUND.match(self._rest(index)) if low in {
                "during", "ahead", "before", "after", "following", "prior", "in"} else None
            if talk and not self._recipients:
                # "Notes by A ahead of Meetings with B", "Questions from A During a
                # Conversation with B": the other side of the talks the record was made around
                end = self.tokens[index].start() + talk.end()
                while index < count and self.tokens[index].start() < end:
                    index += 1
                self.conversational = True
                continue
            if low in {"with", "in"} and re.match(r"(?:the\s+)?presence\s+of\s", self._rest(
                    index + 1), re.I):
                # "with the Presence of A": a witness, no side
                index = self._party_end(self._word(index + 1).lower() == "the" and index + 4 or
                                        index + 3)
                continue
            if low == "in" and self._word(index + 1)[:1].isupper():
                place = index + 1
                while place < count and self._word(place)[:1].isupper() and \
                        self._word(place).lower() not in _MARKERS:
                    place += 1
                if self._word(place).lower() in {"to", "for", "with", "from", "by"}:
                    index = place  # "A.I. Mikoyan in New York to CC CPSU": where A was
                    continue
            if low in {"at", "during", "in"}:
                index, occasion_by = self._occasion(index + 1, occasion_by)
                continue
            if low == "of" and _JOURNEY.match(self._word(index + 1)):
                # "Report of Visit to Mozambique by a Cuban Delegation": the journey and its
                # place are what the report is of; who made it follows with "by"
                index += 2
                if self._word(index).lower() == "to":
                    index += 1
                    while index < count and (self._word(index)[:1].isupper() or self._word(
                            index).lower() in {"the", "of"}) and \
                            self._word(index).lower() not in _MARKERS:
                        index += 1
                continue
            bare_party = False
            if _PARTICIPLE.match(word) and following in {"during", "at", "in"} and not (
                    _MADE.match(word) and following != "during" and self._body_at(index + 2)):
                index, occasion_by = self._occasion(index + 2, occasion_by)  # "Notes Kept during"
                continue
            if _MADE.match(word) and following in {"in", "at"}:
                # "Paper Prepared in the Policy Planning Council": the body that wrote it
                role, index = "sender", index + 2
            elif _PARTICIPLE.match(word) and following in {"by", "to"}:
                role, index = ("sender" if following == "by" else "recipient"), index + 2
                if role == "sender" and self._bare_senders == self._senders:
                    self._senders = []  # "Several Questions Raised by A": the questions are no one
            elif low == "of" and re.match(rf"(?:a\s+|the\s+)?(?:{_KINDS})\b", self._rest(index + 1),
                                          re.I) and not self._senders:
                nested = _HEAD.match(self.text, self.tokens[index + 1].start() + len(
                    re.match(r"(?:a\s+|the\s+)?", self._rest(index + 1), re.I).group()))
                if not nested:  # "of report-like": no kind after all
                    self.subject = self.subject or self._rest(index)
                    return
                while index < count and self.tokens[index].start() < nested.end():
                    index += 1  # "Draft of Record of a Meeting between ...": one head
                self.conversational = self.conversational or bool(
                    _CONVERSATIONAL.search(nested.group()))
                continue
            elif low == "of" and self.object_kind and not self._senders:
                # "Assessment of the Military Content ...", "List of Questions from A": what is
                # assessed or listed; "Summary of A Meeting with B": the meeting's first side
                self.object_kind = False
                end = self._party_end(index + 1)
                words = self._span(index + 1, end).split()
                if words and _EVENT_NOUN.match(words[-1]) and self._word(end).lower() in {
                        "with", "between"} and len(words) > 1:
                    self._senders.append(" ".join(words[:-1]))
                    self.conversational = True
                elif end > index + 1:
                    self.subject = self.subject or self._span(index + 1, end)
                index = max(end, index + 1)
                continue
            elif bare and _OBJECT_KINDS.fullmatch(word) and following == "of":
                self.object_kind = True  # "Cable, Summary of ...": a second head
                index += 1
                continue
            elif low in {"from", "by", "of"}:
                role, index = "sender", index + 1
                if low == "from" and self.conversational and self._senders:
                    role = "recipient"  # "Notes of A on a Phone Call from B": the other side
            elif low == "to" and self._word(index + 1)[:1].isupper() and \
                    self._word(index + 2).lower() in {"the", "a", "an"}:
                # "Decision to Adopt the Attached Draft": an infinitive and its object, since no
                # name runs on into an article
                self.subject = self.subject or self._rest(index)
                return
            elif low == "with" and _ENCLOSED.match(self._rest(index + 1)):
                # "Cipher Message from A with a Letter to Stalin from ...": what it carries
                self.subject = self.subject or self._rest(index + 1)
                return
            elif low in {"to", "with"}:
                role, index = "recipient", index + 1
            elif low == "for":
                noun = index + 1
                while _ADJECTIVE.match(self._word(noun)) and self._word(noun + 1)[:1].isupper():
                    noun += 1  # "for Operational Invigilation": the purpose's noun
                if _FOR_TIME.match(self._rest(index + 1)) or following in {"a", "an"} or \
                        _ACTION_NOUN.match(self._word(noun)):
                    # the period covered, or a purpose ("for a Discussion on ..."): no one
                    self.subject = self._rest(index)
                    return
                role, index = "recipient", index + 1
            elif low == "between":
                end = self._party_end(index + 1)
                self._sides(self._span(index + 1, end))
                index = end
                continue
            elif _CLOSING.match(word):
                index += 1
                continue
            elif bare and low in _RECEIVES:
                role, index = "recipient", index + 1
            elif bare and (word[:1].isupper() or word[:1] in "[" or word[:1].isdigit()):
                role = "sender" if not self._senders else "recipient"
                bare_party = True
            else:
                sent = self._sent_at(index)
                if sent is None:
                    self.subject = self.subject or self._rest(index)
                    return
                self.subject = self.subject or self._span(index, sent)
                index = sent  # "... of the non-aligned countries sent by A to B"
                continue
            end = self._party_end(index)
            if end == index:  # a role word with no one after it: the rest says something else
                sent = self._sent_at(index)
                if sent is None:
                    self.subject = self.subject or self._rest(index)
                    return
                self.subject = self.subject or self._span(index, sent)
                index = sent
                continue
            text = self._span(index, end)
            if _PURPOSE.match(self._rest(end)):
                text = re.sub(r"['’]s$", "", text)
            if role == "sender" and self.conversational and bare and not self._senders and \
                    " and " in text and not self._has_to(end):
                self._sides(text)  # "Memorandum of Conversation, A and B, Place"
            elif role == "sender":
                self._senders.append(text)
                if bare_party:
                    self._bare_senders.append(text)
            else:
                self._recipients.append(text)
            index = end

    def _phrase_follows(self, index: int) -> bool:
        """After a comma, words no name has ("..., Pol Pot’s Visit to the DPRK") start a phrase;
        a name, an office or a post ("..., Headed by A", "..., Moscow") does not."""
        if self._word(index).lower() in {"headed", "led", "haded"}:
            return False
        if _PARTICIPLE.match(self._word(index)):
            return True
        if _ING.match(self._word(index)) and self._word(index + 1)[:1].islower():
            return True  # "..., Referring to Bilateral Relations": a participle's phrase
        while index < len(self.tokens) and self._word(index) != ",":
            word = self._word(index)
            if _NAMED_THING.match(word) and self._word(index + 1)[:1] in _QUOTES:
                index += 1  # "..., Editor-in-Chief of the journal 'Problemy Mira ...'"
                while index < len(self.tokens) and not re.search(r"\w['’\"”]$",
                                                                 self._word(index)):
                    index += 1
                index += 1
                continue
            if word.lower() in _MARKERS:
                return False
            if re.search(r"\w['’]s$", word) or (word[:1].islower() and word not in _NAME_WORDS
                                                and word not in _LOWER_IN_NAME):
                return True
            index += 1
        return False

    def _after_subject(self, index: int, between: bool = False) -> int:
        """A subject runs to the end or to a comma before a role phrase ("Memorandum on a
        Consultation about ..., Provided to A by B"); an agreement's to its parties
        ("Agreement on Cooperation between A and B")."""
        while index < len(self.tokens):
            if between and self._word(index).lower() == "between":
                return index
            if self._word(index) == "," and _PARTICIPLE.match(self._word(index + 1)) and \
                    self._word(index + 2).lower() in {"by", "to"}:
                return index + 1
            if _SENT.match(self._word(index)) and self._word(index + 1).lower() in {"by", "to"} \
                    and self._word(index + 2)[:1].isupper():
                # "Report on the 1st conference ... sent by A to B": how the document itself
                # went, so its sender and recipient, even with no comma before it
                return index
            index += 1
        return index

    def _after_apposition(self, index: int) -> int:
        """The index after "the Albanian ambassador in Belgrade," when a role word follows its
        closing comma; index itself when the words are no apposition."""
        for at in range(index + 1, min(len(self.tokens), index + 12)):
            word = self._word(at)
            if word == ",":
                return at + 1 if self._word(at + 1).lower() in {"to", "for", "from", "by",
                                                                "with"} else index
            if word.lower() in _MARKERS - {"in", "at"} or word[:1] in _QUOTES:
                return index
        return index

    def _body_at(self, index: int) -> bool:
        """A body ("the Department of State", "the White House", "the U.S. Delegation") is
        named from index to the end of its party."""
        end = self._party_end(index)
        return end > index and bool(_WRITING_BODY.search(self._span(index, end)))

    def _sent_at(self, index: int) -> int | None:
        """Where a participle of the document's own sending starts after a subject that begins
        at index ("... sent by A to B"), or None."""
        for at in range(index + 1, len(self.tokens)):
            if _SENT.match(self._word(at)) and self._word(at + 1).lower() in {"by", "to"} and \
                    self._word(at + 2)[:1].isupper():
                return at
        return None

    def _later_to(self, index: int) -> bool:
        """Another "to" after index, outside quotes, that the one before can leave to it."""
        for at in range(index, len(self.tokens)):
            word = self._word(at)
            if word[:1] in _QUOTES or word in {"-", "–", "—", ":"}:
                return False
            if word.lower() == "to":
                return True
        return False

    def _has_to(self, index: int) -> bool:
        return any(token.group().lower() == "to" for token in self.tokens[index:])

    def _sides(self, text: str) -> None:
        """"A and B", "A, B and C", "A with B": the first side(s) and the second."""
        text = HEADED_BY.sub(",", text).strip(" ,")
        if not text:
            return
        # "the Assistant Secretary for Near Eastern, South Asian, and African Affairs (Allen)
        # and B": the "and" of an office's business is not the one between the sides
        text = _AFFAIRS.sub(lambda found: found.group().replace(" and ", " \0 "), text)
        match = re.match(r"^(?P<a>.+?)\s+(?:and|with)\s+(?P<b>(?!others\b).+)$", text, re.I)
        if match:
            self._sides_of(match.group("a").replace(" \0 ", " and "),
                           match.group("b").replace(" \0 ", " and "))
            return
        self._senders.append(text.replace(" \0 ", " and "))

    def _sides_of(self, first: str, second: str) -> None:
        """The first side(s) and the second, split at their "and" or "with"."""
        if first.endswith(","):  # "A's office, A's name, and B": one side in apposition
            self._senders.append(first.rstrip(","))
            self._recipients.append(second)
            return
        shared = re.match(r"^(?:the\s+)?(?P<a>[A-Z][\w-]+)$", first)
        plural = re.match(r"^(?P<b>[A-Z][\w-]+)\s+(?P<noun>[A-Z]\w+)s$", second)
        if shared and plural:  # "the Soviet and Chinese Delegations": two delegations
            noun = plural.group("noun")
            self._senders.append(f"{shared.group('a')} {noun}")
            self._recipients.append(f"{plural.group('b')} {noun}")
            return
        if "," in first and not _AFFAIRS.search(first):
            first = first.replace(", ", " and ")  # "between A, B and C": A and B, then C
        self._senders.append(first)
        self._recipients.append(second)

    def _occasion(self, index: int, hosts: list[str]) -> tuple[int, list[str]]:
        """"at the Lunch Organized in Honor of ...", "on the Occasion of the Audience Granted by A
        to B": skip to the end, reading a host and a guest as a conversation's sides only when
        both are named."""
        count = len(self.tokens)
        host = guest = ""
        while index < count:
            word, following = self._word(index), self._word(index + 1).lower()
            if word[:1] in _QUOTES or word in {"-", "–", "—"}:
                break
            if word.lower() == "by" or (_PARTICIPLE.match(word) and following == "by"):
                index += 1 if word.lower() == "by" else 2
                end = self._party_end(index, person=True)
                host, index = self._span(index, end), end
                if re.match(r"in\s+hono(?:u)?r\s+of\s", self._rest(index), re.I):
                    index += 3
                    end = self._party_end(index)
                    guest, index = self._span(index, end), end
                    continue
                if self._word(index).lower() in {"of", "to", "with"}:
                    end = self._party_end(index + 1)
                    guest, index = self._span(index + 1, end), end
                continue
            if _PARTICIPLE.match(word) and following == "to":
                end = self._party_end(index + 2)
                guest, index = self._span(index + 2, end), end
                continue
            if word.lower() == "with" and not host:
                break
            index += 1
        if host and guest and self.occasion_parties and not self._senders:
            self._senders.append(host)
            self._recipients.append(guest)
        return index, hosts

    def _span(self, start: int, end: int) -> str:
        if end <= start:
            return ""
        return self.text[self.tokens[start].start():self.tokens[end - 1].end()].strip(" ,")

    def _party_end(self, index: int, person: bool = False) -> int:
        """The index after a party's words: names, offices with their prepositions, a post's
        city or a person after commas; it ends at a role word, a quote, a date or a subject."""
        start, count = index, len(self.tokens)
        while index < count:
            word = self._word(index)
            low, following = word.lower(), self._word(index + 1)
            previous = self._word(index - 1).lower() if index > start else ""
            if word == ",":
                if self._phrase_follows(index + 1):
                    break
                if following.lower() in {"headed", "led", "haded"}:
                    index += 1
                    continue
                if not following or following[:1] in _QUOTES or self._date_at(index + 1) != \
                        index + 1 or _CLOSING.match(following) or \
                        re.match(rf"(?:{_KINDS})$", following, re.I) or \
                        following.lower() in {"to", "from", "by", "for", "with", "on", "about",
                                              "regarding", "concerning", "re", "re:", "in",
                                              "at", "during", "subject", "subject:"} or \
                        (_PARTICIPLE.match(following) and self._word(index + 2).lower() in
                         {"by", "to"} and following.lower() not in {"headed", "led", "haded"}) or \
                        not (following[:1].isupper() or following[:1] in "[(" or
                             following.lower() == "and" or following[:1].isdigit() and
                             not _CLOSING.match(following)):
                    break
            elif _NICKNAME.match(word):
                pass
            elif re.search(r"\w['’]s$", word) and _PURPOSE.match(self._rest(index + 1)):
                index += 1  # "for Comrade A’s Personal Use": A is the one it is for
                break
            elif _NAMED_THING.match(word) and following[:1] in _QUOTES:
                pass
            elif word[:1] in _QUOTES and _NAMED_THING.match(previous):
                # "Editor-in-Chief of the journal 'Problemy Mira i Sotsializma'": a name in
                # quotes after what it names is part of the office
                close = index + 1
                while close < count and not re.search(r"\w['’\"”]$", self._word(close)):
                    close += 1
                if close >= count:
                    break
                index = close
            elif word[:1] in _QUOTES or word in {"-", "–", "—", ":", ";"}:
                break
            elif self._date_at(index) != index:
                break
            elif low == "to":
                place = self._word(index + 2) if following.lower() == "the" else following
                office = previous if previous != "general" or index - 2 < start else \
                    self._word(index - 2).lower()  # "Consul General to the USSR"
                if office in _ASSISTANT_TO and place[:1].isupper() and \
                        self._word(index + 1).lower() == "the" and self._later_to(index + 1):
                    pass  # "the Special Assistant to the President (Cutler) to the Secretary"
                elif office not in _OFFICE_TO or not place[:1].isupper() or \
                        _ADDRESSEE_WORDS.match(place):
                    break
            elif low == "in" and previous in {"commander", "officer"} and \
                    following.lower() in {"chief", "charge", "chief,"}:
                pass  # "Commander in Chief, Pacific", "Officer in Charge"
            elif low == "for":
                body = self._word(index + 2) if following.lower() == "the" else following
                affairs = re.match(r"(?:the\s+)?(?:[A-Z][\w-]*,?\s+(?:and\s+)?){0,5}Affairs\b",
                                   self._rest(index + 1))
                if affairs:
                    pass  # "Assistant Secretary of Defense for International Security Affairs"
                elif previous not in _FOR_BODY or not body[:1].isupper() or \
                        _PERSON_TITLE.match(body):
                    break  # "the Central Committee for the Communist Party ..." goes on; "the
                    # Department of State for President Johnson" names whom it was for
            elif low == "on":
                if previous not in _ON_BODY or not following[:1].isupper():
                    break  # "the Committee on Public Information", "Commission on Human Rights"
            elif low in {"in", "at"}:
                place = self._word(index + 2) if following.lower() == "the" else following
                if not (place[:1].isupper() or place[:1].isdigit()) or \
                        not _POSTED.search(self._span(start, index)) or \
                        self._date_at(index + 1) != index + 1:
                    break  # a post's place, not a date ("... of North Korea at 21 Dec., 1974")
            elif low == "from":
                if not _COUNSELOR_FROM.search(previous):
                    break
            elif low in {"headed", "led", "haded"} and following.lower() == "by":
                index += 2
                continue
            elif low in _PARTICLES or low.startswith(("d’", "d'")) or low in _LOWER_IN_NAME:
                if person and low == "of" and name_like(self._span(start, index)) and \
                        not _POSTED.search(self._span(start, index)):
                    break  # "the Reception by A of B": a person's "of" names the guest
                if low in {"of", "and", "&", "a", "an"} and not (following[:1].isupper() or following[:1] in
                                                       "[(" or following.lower() in
                                                       {"the", "a", "an"} or
                                                       following[:1].isdigit()):
                    break
            elif word[:1] in "[(":
                pass
            elif word[:1].isupper() or word[:1].isdigit():
                if low in {"regarding", "concerning", "about", "re", "re:", "on", "to", "with",
                           "from", "by", "for", "between", "subject", "subject:", "at",
                           "rergarding", "during", "ahead", "before", "after", "prior"} or \
                        (_PARTICIPLE.match(word) and following.lower() in {"by", "to"}) or \
                        (_CLOSING.match(word) and not word[:1].isdigit() and index > start):
                    break
            else:
                break
            index += 1
        while index > start and self._word(index - 1).lower() in {",", "and", "of", "the", "&"}:
            index -= 1
        return index
