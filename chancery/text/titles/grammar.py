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
- the head last, or none: "A, office, to B, office, Telegram number N"; "L. Beria to V.M. Molotov";
  "A to B, 'Revision of the EURATOM Treaty'" (a quote after two sides is their subject, also
  when it opens with a kind: "'Reply to U.K. Paper ...'"); "Mao Zedong, 'Settlement of ...'";
- any of these quoted whole: "'Agreement Between the Government of [Nation] and the IAEA ...'".

The head is a kind (Telegram, Letter, Minutes, Notes, Speech, Diary ...), perhaps after another
("Memo Report") or a modifier ("Ciphered"), perhaps with what it records ("Record of a Second
Conversation", "Minutes of the Meeting"), then a number. Role phrases: from/by/of A (sender),
to/for B (recipient), with B (the other side), between A and B, a participle and by/to ("Sent by",
"Distributed to"); a subject after on/about/regarding/concerning/Re:, a quote or a dash (after
a quote, a participle of making goes on: "'...,' Prepared by A"); an occasion after at/during/on
the occasion of, whose host and guest ("Granted by A to B") are a conversation's sides only when
both are named; dates, numbers and classifications name no one.
Inside a party, an office keeps its prepositions: "Ambassador to China N.V. Roshchin", "Minister of
Foreign Affairs of the USSR", "Embassy of Hungary in North Korea", "State Committee for Nuclear
Energy", "Counselor from the Embassy of ...". A title of none of these shapes gives its type alone,
or empty parts, never a guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from chancery.model import Party
from chancery.text.titles.offices import (
    body_noun, nationalities, nationality, office_word, place,
)
from chancery.text.titles.parties import name_like, org_like, parties
from chancery.text.titles.roles import Roles
from chancery.text.titles.vocabulary import (
    ADJECTIVE, AUDIENCE, BODY_AUTHOR, CLASSIFIED, CONVERSATIONAL, ENTRY_OF, EXCHANGE, FROM_SOURCE,
    HEAD, HEAD_OF_POSSESSIVE, KIND_AFTER_COLON, KINDS, MARKERS, MODIFIERS, NAME_WORDS, NOTE_KINDS,
    NUMBER, PARTICLES, PART_OF, POSSESSIVE, QUESTIONS_ANSWERED, QUOTED, REPLY_TO, STAGE, TALKING, TOLD_EVENT,
    WHOLE_QUOTED,
)

__all__ = ["TitleParts", "parse_title"]


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
    title = re.sub(r"\s*(?:[(\[](?:fragments?|excerpts?|extracts?|summary)[)\]]|"
                   r"\[approved for release[^\]]*\])$", "", title, flags=re.I).strip(" .")
    # how far the copy got ("Untitled report", "First Assessment"): no part of the kind
    title = STAGE.sub("", title)
    answered = QUESTIONS_ANSWERED.match(title)
    if answered:  # "Questions to A and Answers of A": A once, as whom the questions went to
        return TitleParts("", (), parties(answered.group("who")),
                          (answered.group("rest") or "").strip(" ,:()"))
    whole = WHOLE_QUOTED.fullmatch(title)
    if whole:  # "'Agreement Between the Government of [Nation] and the IAEA ...'": one title
        return parse_title(whole.group("inner"))
    part = PART_OF.match(title)
    told = HEAD.match(title)
    if part and not (told and told.group("recorded")):
        # "Excerpts from a Report by A to B" is the report; "Excerpt from a Conversation
        # between A and B" an excerpt from a conversation, the talk it records
        whole = parse_title(title[part.end():])
        if whole.document_type:
            return whole
    source = FROM_SOURCE.match(title)
    if source:
        return _within(parse_title(source.group("inner")), source.group("who"),
                       source.group("kind"), source.group("inner"))
    entry = ENTRY_OF.match(title)
    if entry and HEAD.match(entry.group("inner")):
        inner = parse_title(entry.group("inner"))
        if inner.document_type:
            return _within(inner, entry.group("who"), entry.group("kind"), entry.group("inner"))
    head = HEAD_OF_POSSESSIVE.match(title)
    pair = head and re.match(r"^(?P<a>[^–—-]+?)\s+[–—-]\s+(?P<b>[^–—-]+)$", head.group("who"))
    if head and pair and not head.group("possessive"):  # "Minutes of A – B Meeting in Sofia"
        read = Roles(title[head.end():], head.group("kind"))
        return TitleParts(_kind_text(head.group("kind")), parties(pair.group("a")),
                          parties(pair.group("b")), read.subject)
    if head and (head.group("possessive") or org_like(head.group("who")) and not (
            HEAD.match(title) and HEAD.match(title).group("recorded"))):
        kind = head.group("kind") + (head.group("recorded") or "")
        if head.group("link").lower() == "of" and head.group("possessive"):
            kind += f" of {head.group('what')}"
        read = Roles(title[head.end():], kind)
        return _parts(kind, parties(head.group("who")) + read.senders(), read)
    possessive = POSSESSIVE.match(title)
    if possessive:
        head = HEAD.match(title, possessive.end()) or AUDIENCE.match(title, possessive.end())
        who = possessive.group("who") + (f" [{possessive.group('identified')}]"
                                         if possessive.group("identified") else "")
        read = Roles(title[head.end():], head.group("kind"), occasion_parties=False)
        return _parts(_kind(head), parties(who), read)
    head = HEAD.match(title)
    if head:
        sat = re.search(r"(?:the|an?)\s+(?P<body>(?:[A-Z][\w-]*\s+)+)(?:meeting|session|plenum|"
                        r"sitting)$", head.group("recorded") or "", re.I)
        body = sat and sat.group("body").split()[-1]
        rest = title[head.end():]
        # "Telegram 1234 Embassy Moscow to Secretary of State": after a numbered kind, "A to B"
        # with no role word before A, read as after a comma
        bare = bool(re.search(r"\d", head.group()) and re.match(r"\s+[A-Z]", rest) and
                    re.search(r"\sto\s", rest) and
                    not re.match(rf"\s+(?:{'|'.join(MARKERS)})\b", rest, re.I))
        kind = _kind(head)
        if head.group("on") and NOTE_KINDS.search(head.group("kind")) and (
                re.match(r"\s+between\s", rest, re.I) or
                re.match(r"on\s+the\s", head.group("recorded").strip(), re.I) and
                re.search(r"\swith\s", rest, re.I)):
            # "Note on Conversation Between A and B"; "Information on the Meeting [of A] with
            # B": a talk between two sides, or the one the article points to with its other
            # side, is what the note is about; "Note on the Session of the ... Committee", a
            # body's sitting with no other side, is what it records
            kind = _kind_text(head.group("kind"))
        # "Notes from the Politburo meeting": the body that sat
        return _parts(kind, parties(sat.group("body")) if body and body[:1].isupper() and
                      body_noun(body) else (), Roles(rest, _kind(head), bare=bare))
    quoted = QUOTED.match(title)
    if quoted and not HEAD.search(quoted.group("prefix")):
        sides = _author_first(quoted.group("prefix").strip(" ,"))
        if sides.senders and sides.recipients:
            # "A to Prime Minister B, 'Revision of the EURATOM Treaty'": a letter's two sides and
            # its subject, also when the subject opens with a kind's word ("'Reply to U.K.
            # Paper on Safeguards'", "'Memorandum on ...'"): the kind named is what the letter
            # is about, its parties none of the letter's
            return TitleParts(sides.document_type, sides.senders, sides.recipients,
                              quoted.group("inner").strip(" ,'‘’\"“”"))
        inner = parse_title(quoted.group("inner"))
        if inner.document_type:
            return _within(inner, quoted.group("prefix"), "", quoted.group("inner"))
        prefix = quoted.group("prefix").strip(" ,")
        if BODY_AUTHOR.search(prefix) and _author_like(prefix) or all(
                _person(name) for name in re.split(r",\s*(?:and\s+)?|\s+and\s+", prefix)) or \
                _office_holder(prefix):
            # "Central Intelligence Agency, Directorate of Intelligence, 'India’s ...'"; a
            # person's name ("Mao Zedong, 'Settlement of the Questions ...'"), or two: the
            # authors
            return TitleParts("", parties(quoted.group("prefix").strip(" ,")), (),
                              quoted.group("inner").strip(" '‘’\"“”"))
    about = KIND_AFTER_COLON.match(title)
    if about:
        told = parse_title(about.group("document"))
        if told.document_type and (told.senders or told.recipients):
            # "Fidel Castro's 1977 Southern Africa Tour: A Report to Honecker": the kind after
            # the colon is the document; a traveller's own journey before it, when the kind
            # names no sender, is whose account it is (list 17; not "The Soviet Union's Policy")
            owner = re.match(r"(?:[Tt]he\s+)?(?P<who>[A-Z][^'’]*?)['’]s\s+(?:[\w-]+\s+){0,4}"
                             r"(?i:visit|trip|journey|tour|stay|voyage)s?(?:\s+(?:to|in)\s.+)?$",
                             about.group("about"))
            senders = told.senders or (parties(owner.group("who")) if owner and
                                       name_like(owner.group("who")) else ())
            return TitleParts(told.document_type, senders, told.recipients,
                              about.group("about"))
    return _author_first(title)


def _kind_text(text: str) -> str:
    return " ".join(text.split()).lower()


def _kind(head: re.Match) -> str:
    link = head.groupdict().get("link") or head.groupdict().get("on")
    recorded = head.group("recorded") if link and link.lower() != "about" else ""
    return " ".join(f"{head.group('kind')}{recorded or ''}".split()).lower()


def _parts(kind: str, senders: tuple[Party, ...], read: Roles) -> TitleParts:
    senders = senders or read.senders()
    recipients = read.recipients()
    if not senders and not recipients and read.subject[:1].isupper():
        # "Memorandum of Conversation: President Bush's Meeting with Chairman Deng": a record
        # naming no one, about a meeting whose two sides its subject names, is of those sides
        told = parse_title(read.subject)
        if told.senders and told.recipients and CONVERSATIONAL.search(told.document_type):
            senders, recipients = told.senders, told.recipients
    event = not senders and not recipients and TOLD_EVENT.search(read.subject)
    if event:
        # "Information about the Results of the Negotiations by A with B": the event's sides
        told = Roles(read.subject[event.end():], event.group())
        if told.senders() and told.recipients():
            senders, recipients = told.senders(), told.recipients()
    reply = REPLY_TO.match(read.subject)
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
    senders, others = parties(author), inner.recipients or inner.senders
    own = nationalities(author)
    ours = tuple(party for party in others if own & nationalities(party.text))
    if own and ours and len(ours) < len(others):
        # "Journal of Soviet Ambassador A, ... with B and Delegation of the Soviet Academy of
        # Sciences": those of the author's own country sit on his side
        senders += ours
        others = tuple(party for party in others if party not in ours)
    return TitleParts(inner.document_type, senders, others, inner.subject)


def _author_first(title: str) -> TitleParts:
    """An author before the head ("CPSU Central Committee Decision"), the head last ("A to B,
    Telegram number N"), or no head ("L. Beria to Cde. V.M. Molotov")."""
    text = re.sub(rf"^{CLASSIFIED}\s+", "", title, flags=re.I)
    for start in (match.start() for match in re.finditer(r"(?<=[\s,])\S", text)):
        head = HEAD.match(text, start)
        author = text[:start].strip(" ,")
        if head and re.match(r"(?:on|about|regarding|concerning)\s", author, re.I) and \
                text[start - 2:start] == ", ":
            # "On the Three Principles of National Reunification, Conversations with B": the
            # work's own title, then its kind (list 17, as list 15's "A, Outline of ...")
            read = Roles(text[head.end():], _kind(head))
            parts = _parts(_kind(head), (), read)
            return TitleParts(parts.document_type, parts.senders, parts.recipients, author)
        if not head or not _author_like(author) or re.match(r"[\w-]", text[head.end():][:1]) or \
                re.search(r"\s(?:a|an|the|of|on|for|to|with|in|about)$", author, re.I):
            continue  # "The Question of a Conference ...": the head is governed, not authored
        if all(ADJECTIVE.match(word) for word in author.split()):
            kind = f"{author} {_kind(head)}"  # "Working Record of a Conversation of A with B"
            return _parts(kind, (), Roles(text[head.end():], kind))
        read = Roles(text[head.end():], _kind(head))
        sides = re.match(r"\s*,\s*(?P<a>[^,]*?)\sto\s", text[head.end():])
        if read.read_bare() and not CONVERSATIONAL.search(_kind(head)) and not (
                sides and (place(sides.group("a")) or _person(sides.group("a")) and
                           len(sides.group("a").split()) > 1)):
            # "South African Cabinet Memorandum, Research in the Field of ...": the author is
            # named before the kind, so the words after its comma are what it is about (or
            # its roles, "..., to B"), not a second author read bare; but "Embassy Telegram
            # 2345, Buenos Aires to Washington" names the two sides after the comma
            read = Roles(text[head.end():].lstrip(" ,"), _kind(head))
        pair = re.match(r"^(?P<a>.+?)\s+and\s+(?P<b>.+)$", author)
        if pair and EXCHANGE.search(_kind(head)) and not read.senders():
            # "Bhabha and Jawaharlal Nehru Correspondence": the two sides of the letters
            return TitleParts(_kind(head), parties(pair.group("a")), parties(pair.group("b")),
                              read.subject)
        if read.senders():  # "CDS Report No. 62 from A": the words before name a series
            return _parts(_kind(head), (), read)
        return _parts(_kind(head), parties(author), read)
    # "A to B, Telegram number N"; "A to B, paraphrase of telegram": the kind after its part
    trailing = re.search(rf",\s+(?:(?:paraphrase|copy|translation|excerpts?|extracts?)\s+"
                         rf"(?:of|from)\s+(?:an?\s+|the\s+)?)?"
                         rf"(?P<kind>{MODIFIERS}(?:{KINDS})){NUMBER}?\s*$", text, re.I)
    body = text[:trailing.start()] if trailing else text
    read = Roles(body, "", bare=True)
    senders, recipients = read.senders(), read.recipients()
    if not re.search(r"\s(?:to|receives|meets|greets|hosts|visits)\s", body, re.I) and not any(
            TALKING.match(word) for word in re.findall(r"(\w+)\s+with\s", body)):
        # only "A to B", "A receives B" and "A Speaking with B" name parties without a type
        return TitleParts()
    if senders and recipients and all(_capitalised(party.name) for party in senders + recipients):
        return TitleParts(trailing.group("kind").lower() if trailing else "", senders, recipients)
    return TitleParts()


def _office_holder(text: str) -> bool:
    """An office, then its holder's name ("Soviet Ambassador Puzanov", "Deputy Foreign Minister
    Vaclav David"): capitalised words, an office among them, a name last."""
    words = text.split()
    office = [at for at, word in enumerate(words) if office_word(word)]
    return _author_like(text) and bool(office) and office[-1] < len(words) - 1 and \
        name_like(" ".join(words[office[-1] + 1:])) and not place(words[-1])


def _person(text: str) -> bool:
    """A person's name alone ("Mao Zedong", "President Lyndon B. Johnson"): no place, body,
    nationality or kind."""
    words = text.split()
    return name_like(text) and len(words) <= 4 and not place(text) and not HEAD.search(text) \
        and not any(body_noun(word) or nationality(word) or place(word) for word in words)


def _capitalised(text: str) -> bool:
    """Capitalised words and the particles of names, as a party with no type before it is."""
    words = text.split()
    return bool(words) and words[0][:1].isupper() and all(
        word[:1].isupper() or word in NAME_WORDS for word in words)


def _author_like(text: str) -> bool:
    """An author's name before a type: capitalised words, particles, a post ("Bombay consulate")."""
    words = re.sub(r"\([^()]*\)", " ", text).replace(",", " ").split()
    return 0 < len(words) <= 8 and words[0][:1].isupper() and all(
        word[:1].isupper() or word.lower() in PARTICLES | {"in", "for", "consulate", "embassy",
                                                           "legation"} for word in words)


