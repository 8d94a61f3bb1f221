"""The parts of a document title: its type, sender, recipient and subject.

Read shapes: "Cable, Mao Zedong to Filippov [Stalin]"; "Ciphered Telegram No. 709, Filippov
[Stalin] to Krasovsky, for Mao Zedong"; "Cable from Ambassador Pauls to the Foreign Office,
'German-Chinese Relations'"; "Note Number 399 from Pierre Cerles to Michel Debré";
"Bierut's Telephone Conversation with Stalin"; "Record of Conversation between A and B";
"Conversation of Mao Zedong with B"; "From the Diary of A, 'Record of a Conversation with B'";
"Report of A for B about ..."; "Letter to B"; "Memorandum for B"; "Address by A at ...";
"TASS Digest Distributed to B"; "CPSU Central Committee Decision"; "A, office, to B, office,
Telegram number N"; "Hungarian Embassy in the DPRK, Telegram, 10 July 1972. Subject: ...".
The subject follows a quote, a dash, "Re:", "regarding" or "concerning"; numbers, dates and
classifications closing a title name no one. A title of none of these shapes gives its type
alone, or empty parts, never a guess. "to" after a role ("Soviet Ambassador to China N.V. Roshchin") is not
the recipient's "to"; "for" before a time ("for the Years 1978/1979", "for 7 March 1960") is
not a recipient; a place after a name ("Mao Zedong, Moscow") is not part of the name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from chancery.model import Party

_KINDS = (r"cable|telegram|telex|dispatch|airgram|letter|memorandum|memo|note|notes|report|"
          r"information|diary|diaries|journal|directive|decree|resolution|decision|instructions?|"
          r"speech|toast|address|transcript|stenogram|minutes|message|statement|declaration|"
          r"announcement|communiqu[eé]|draft|protocol|agreement|treaty|excerpt|extract|"
          r"appeal|order|circular|proposal|request|reply|summary|abstract|record|digest|"
          r"bulletin|list|plan|program(?:me)?|interview|conversation|assessment|analysis|"
          r"study|estimate|conclusions?|theses|outline|questionnaire|biography|chronology|"
          r"discussion|talks|meeting|consultation|negotiations|letters|telegrams|cables|reports|"
          r"memoranda|conversations")
_CLASSIFIED = r"(?:(?:top\s+|strictly\s+)?secret|urgent|confidential)\s+"
# A kind, perhaps after another ("Memo Report") and with what it records ("Record of a Second
# Conversation", "Minutes of the Meeting", "Notes from a Conversation")
_RECORDED = (r"(?:\s+(?:of|on|about|from)\s+(?:a\s+|the\s+)?"
             r"(?:(?:first|second|third|last|private|telephone|confidential|official)\s+)?"
             r"(?:conversations?|talks?|meeting|discussion|negotiations|"
             r"the\s+[\w-]+\s+(?:meeting|session|plenum|conference)))?")
_TYPES = (rf"(?:(?:ciphered|coded|cipher|encrypted|handwritten|telephone|official|joint|"
          rf"final|short)\s+)*"
          rf"(?:(?:(?:{_KINDS})\s+(?=(?:{_KINDS})\b))?(?:{_KINDS}){_RECORDED})")
# "No. 709", "Number 399", "Nº 75511", "#600428/sh"
_NUMBER = r"(?:\s+(?:(?:No\.|Nº|№|Number|#)\s*[\w./-]+|\d[\d./-]*))?"
_HEAD = rf"^(?:{_CLASSIFIED})?(?P<type>{_TYPES}){_NUMBER}"  # a title's type at its head
_TYPE_FIRST = re.compile(
    rf"{_HEAD}(?:\s*,\s+|\s+from\s+|\s+of\s+(?=(?-i:(?:the\s+)?[A-Z\[]))(?!(?:{_KINDS})\b))"
    rf"(?P<rest>.+)$", re.I)
_TYPE_WITH = re.compile(rf"{_HEAD}\s+with\s+(?P<rest>.+)$", re.I)
_TYPE_TO = re.compile(rf"{_HEAD}\s+to\s+(?P<rest>.+)$", re.I)
_POSSESSIVE = re.compile(rf"^(?!(?:{_CLASSIFIED})?(?:{_KINDS})\b)\[?(?P<a>[^\[\]]+?)['’]s\]?\s+"
                         rf"(?P<type>{_TYPES}|audience)(?:\s+with\s+(?P<b>.+)|\s+(?P<tail>(?:at|in|on|"
                         rf"to|before)\s.+)|)$", re.I)
# The record of someone's meeting: "Record of Chairman Liu Shaoqi’s Conversation with ...",
# "Conversation from [Mao Zedong's] Audience with ...", "Handwritten Notes from Khrushchev’s
# Talks with ..."
_RECORD_OF_POSSESSIVE = re.compile(
    rf"^(?P<record>{_TYPES}|handwritten\s+notes)\s+(?P<link>of|from)\s+(?!(?:a|the)\s)"
    rf"\[?(?P<a>[^\[\]]+?)['’]s\]?\s+(?P<kind>audience|talks?|meeting|conversation|discussion|"
    rf"speech)\s+with\s+(?P<b>.+)$", re.I)
_BETWEEN = re.compile(rf"{_HEAD}\s+between\s+(?P<a>.+?)\s+(?:and|with)\s+(?P<b>.+)$", re.I)
_WITH = re.compile(rf"{_HEAD}\s+of\s+(?=(?-i:[A-Z\[]))(?!(?:{_KINDS})\b)(?P<a>.+?),?\s+with\s+"
                   rf"(?P<b>.+)$", re.I)
# "Memorandum for Mr. Horace Nickels, ...": the one it is for; "Address by Zhou Enlai at ...":
# its author
_TYPE_FOR = re.compile(rf"{_HEAD}\s+for\s+(?P<rest>.+)$", re.I)
_TYPE_BY = re.compile(rf"{_HEAD}\s+by\s+(?P<rest>.+)$", re.I)
_TYPE_SENT_BY = re.compile(rf"{_HEAD}\s+(?:sent|prepared|kept|written|submitted|signed|compiled|"
                           rf"given|presented|delivered|made)\s+by\s+(?P<rest>.+)$", re.I)
_TYPE_GIVEN_TO = re.compile(rf"{_HEAD}\s+(?:given|presented|delivered|made|sent)\s+to\s+"
                            rf"(?P<rest>.+)$", re.I)
# "Hungarian Embassy in the DPRK, Telegram, 10 July 1972. Subject: ...": author, type, date
_AUTHOR_COMMA_TYPE = re.compile(rf"^(?P<a>[^,]+?),\s+(?P<type>{_TYPES}){_NUMBER}(?=,|\.|$)", re.I)
_BARE_TO = re.compile(r"^(?P<a>[A-Z][^'‘\"“]*?)\s+to\s+(?P<b>[^'‘\"“]+)$")
_TRAILING_TYPE = re.compile(rf",\s+(?P<type>{_TYPES})(?:\s+(?:number|no\.)\s*[\w./-]+)?\s*$", re.I)
_TYPE_ONLY = re.compile(rf"{_HEAD}(?![\w-])", re.I)
# "Memorandum Regarding the Creation of ...": a type and its subject, no parties
_TYPE_ABOUT = re.compile(rf"{_HEAD}\s+(?:regarding|concerning|on|about|re:?)\s+(?P<subject>.+)$",
                         re.I)
_FROM_DIARY = re.compile(
    rf"^from\s+the\s+(?P<kind>diary|journal|notebook)\s+of\s+(?P<a>.+?)\s*[,:]\s*['‘\"“]?"
    rf"(?P<inner>.+?)['’\"”]?$", re.I)
# "TASS Digest Distributed to Cde. I.V. Stalin and ...": the author before the type
_AUTHOR_TYPE_TO = re.compile(
    rf"^(?P<a>(?-i:[A-Z][\w.&'’-]*)(?:\s+(?:(?-i:[A-Z][\w.&'’-]*)|of|the|and|for|"
    rf"consulate|embassy|legation)){{0,6}}?)\s+(?P<type>{_TYPES}){_NUMBER}"
    rf"(?:(?:\s+(?:distributed|sent|addressed|forwarded|delivered))?\s+to\s+(?P<rest>.+)|"
    rf"\s+(?:from|by)\s+(?P<from>.+)|\s*,\s*(?P<tail>.+)|)$", re.I)
# "reply to Zhou Enlai’s cable of 3 June 1954": the one replied to is the recipient
_REPLY_TO = re.compile(r"^(?:in\s+)?(?:reply|answer|response)\s+to\s+(?P<who>.+?)['’]s\s", re.I)
_SUBJECT = re.compile(r"\s+[-–—]\s+|,?\s+(?i:re:|regarding|concerning)\s+|"
                      r",\s+(?:Concerning|Regarding|Subject:?)\s+|"
                      r",\s+(?=['‘\"“]|(?!(?:for|to|and)\s)[a-z]|re:|on\s)")
# Pieces that close a title without naming anyone: numbers, dates, classification
_TRAILING = re.compile(r"(?:,\s*(?:(?:No\.?\s*)?[\d][\w./-]*|(?:top\s+|strictly\s+)?secret|"
                       r"urgent|confidential|regular|priority|immediate|flash|routine|"
                       r"[A-Z][a-z]+\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[A-Z][a-z]+\s+\d{4}))+\s*$", re.I)
_DATE_TAIL = re.compile(r"(?:,\s*|\s+(?:on|of|dated)\s+)(?:\d{1,2}(?:-\d{1,2})?\s+[A-Z][a-z]+"
                        r"|[A-Z][a-z]+\s+\d{1,2},?)\s+\d{4}\s*$")
_HONORIFIC = re.compile(r"^(?:(?:the\s+|an?\s+|cdes?\.\s*|comrades?\s+|com\.\s*|tov\.\s*|prof\.\s*|"
                        r"dr\.\s*))+", re.I)
_IDENTIFIED = re.compile(r"^(?P<name>.*?)\s*[\[(](?P<who>[^\])]+)[\])]\s*$")
# Role words that take "to" without it being the recipient's "to"
_ROLE_TO = re.compile(r"(?:ambassador|minister|envoy|representative|delegation|embassy|consul|"
                      r"mission|legation|attach[eé]|advis[eo]r|counsel+or|delegate|"
                      r"chargé d['’]affaires|adviser)$", re.I)
# "for" before a time is the period covered, not a recipient
_FOR_TIME = re.compile(r"^(?:the\s+)?(?:years?|period|months?|quarter|first|second|\d)", re.I)
# Lower-case words that belong inside names and offices ("Minister of Foreign Affairs")
_NAME_PARTICLES = {"of", "the", "and", "for", "de", "la", "du", "von", "van", "in", "al", "at"}
_SURNAME_PARTICLES = {"de", "du", "la", "le", "von", "van", "der", "al", "bin", "da", "di"}
# "Delegation ..., Headed by Comrade Beqir Balluku": who led it is no part of its name
_HEADED_BY = re.compile(r",?\s+(?:headed|haded|led)\s+by\s+[^,]*,?", re.I)
# Offices held by a person named beside them
_OFFICE = re.compile(r"\b(?:minister|ambassador|secretary|chairman|president|premier|counsel+or|"
                     r"consul|director|head|chief|attach[eé]|envoy|charg[eé]|leader)\b", re.I)
# Posts abroad, after which a capitalised name is their city ("Mexican Embassy, Havana")
_POST = re.compile(r"\b(?:embassy|legation|consulate|mission|delegation|representation)$", re.I)
_PLACES = {"moscow", "beijing", "peking", "pyongyang", "seoul", "berlin", "warsaw", "budapest",
           "prague", "bucharest", "sofia", "tirana", "hanoi", "washington", "london", "paris",
           "bonn", "belgrade", "ulaanbaatar", "havana", "new york", "geneva", "tokyo"}
_TITLE_WORDS = re.compile(r"^(?:prof\.|dr\.|cdes?\.|mr\.|mrs\.|(?:comrades?|general|marshal|"
                          r"ambassador|minister|president|premier|chairman|vice|deputy|first|"
                          r"secretary|sir)\b)", re.I)


@dataclass(frozen=True, slots=True)
class TitleParts:
    document_type: str = ""
    senders: tuple[Party, ...] = ()
    recipients: tuple[Party, ...] = ()
    subject: str = ""


def parse_title(title: str) -> TitleParts:
    """Read type, senders, recipients and subject; empty parts when the title has no such form."""
    title = " ".join(title.split()).strip(" .")
    # the editors' note of what is given ("(fragments)", "(Excerpt)") is no part of a name
    title = re.sub(r"\s*\((?:fragments?|excerpts?|extracts?|summary)\)$", "", title, flags=re.I
                   ).strip(" .")
    diary = _FROM_DIARY.match(title)
    if diary:
        inner = parse_title(diary.group("inner"))
        if inner.document_type:
            return TitleParts(inner.document_type, parties(diary.group("a")),
                              inner.recipients or inner.senders, inner.subject)
        return TitleParts(_type(diary.group("kind")), parties(diary.group("a")), (),
                          diary.group("inner").strip(" '‘’\"“”"))
    match = _RECORD_OF_POSSESSIVE.match(title)
    if match:
        second, subject = _second_party(match.group("b"))
        kind = match.group("record") + (f" of {match.group('kind')}"
                                        if match.group("link").lower() == "of" else "")
        return TitleParts(_type(kind), parties(match.group("a")),
                          _without_others(parties(second)), subject)
    match = _POSSESSIVE.match(title)
    if match:
        second, subject = _second_party(match.group("b") or "")
        return TitleParts(_type(match.group("type")), parties(match.group("a")),
                          _without_others(parties(second)), subject or (match.group("tail") or ""))
    for pattern in (_BETWEEN, _WITH):
        match = pattern.match(title)
        if match:
            second, subject = _second_party(match.group("b"))
            first = _HEADED_BY.sub("", match.group("a"))
            if pattern is _BETWEEN and "," in first and " and " not in first:
                first = first.replace(", ", " and ")  # "between A, B and C": A and B, then C
            return TitleParts(_type(match.group("type")), parties(first), parties(second),
                              subject)
    match = _TYPE_WITH.match(title)
    if match:
        second, subject = _second_party(match.group("rest"))
        return TitleParts(_type(match.group("type")), (), parties(second), subject)
    match = _TYPE_TO.match(title)
    if match:
        recipient, subject = _second_party(match.group("rest"))
        return TitleParts(_type(match.group("type")), (), parties(recipient), subject)
    match = _TYPE_ABOUT.match(title)
    if match:
        return TitleParts(_type(match.group("type")), subject=match.group("subject"))
    match = _TYPE_FIRST.match(title)
    if match:
        return _from_to(_type(match.group("type")), match.group("rest"))
    match = _TYPE_SENT_BY.match(title)
    if match:
        return _from_to(_type(match.group("type")), match.group("rest"))
    match = _TYPE_GIVEN_TO.match(title)
    if match:
        recipient, subject = _second_party(match.group("rest"))
        return TitleParts(_type(match.group("type")), (), parties(recipient), subject)
    for pattern, sender_first in ((_TYPE_FOR, False), (_TYPE_BY, True)):
        match = pattern.match(title)
        if match and not _FOR_TIME.match(match.group("rest")):
            party, subject = _second_party(re.split(r"\s+(?:at|in|during)\s+(?=the\s|[A-Z])",
                                                    match.group("rest"), maxsplit=1)[0])
            found = parties(party)
            return TitleParts(_type(match.group("type")), found if sender_first else (),
                              () if sender_first else found, subject)
    match = _AUTHOR_TYPE_TO.match(re.sub(rf"^{_CLASSIFIED}", "", title, flags=re.I))
    if match and match.group("from"):
        return _from_to(_type(match.group("type")), match.group("from"))
    if match:
        recipient, subject = _second_party(match.group("rest") or "")
        subject = subject or _TRAILING.sub("", ", " + (match.group("tail") or "")).strip(" ,")
        return TitleParts(_type(match.group("type")), parties(match.group("a")),
                          parties(recipient), subject)
    match = _AUTHOR_COMMA_TYPE.match(title)
    if match and _org_like(match.group("a")):
        return TitleParts(_type(match.group("type")), parties(match.group("a")))
    bare = _BARE_TO.match(title)
    if bare:  # "L. Beria to Cde. V.M. Molotov", "A, role, to B, role, Telegram number 538-540"
        kind = _TRAILING_TYPE.search(bare.group("b"))
        recipient = bare.group("b")[:kind.start()] if kind else bare.group("b")
        sender, recipient = _split_to(f"{bare.group('a')} to {recipient}")
        if _org_like(_bare_name(sender)) and _org_like(_bare_name(recipient)):
            return TitleParts(_type(kind.group("type")) if kind else "", parties(sender),
                              parties(recipient))
    match = _TYPE_ONLY.match(title)
    if match:  # a type and nothing this reader can place: the type alone
        return TitleParts(_type(match.group("type")))
    return TitleParts()


def _from_to(kind: str, rest: str) -> TitleParts:
    """"A to B, for C, 'subject'" or "A for B about subject" after the type; for a
    conversation, "A and B, Place" are its two sides."""
    sides = re.match(r"^(?P<a>.+?)\s+with\s+(?P<b>.+)$", rest)
    if re.search(r"conversation|meeting|talks|discussion|audience", kind) and sides and \
            " to " not in rest:
        second, subject = _second_party(sides.group("b"))
        return TitleParts(kind, parties(_without_date(_TRAILING.sub("", sides.group("a")))),
                          parties(second), subject)
    if "conversation" in kind and " to " not in rest and " and " in rest:
        first, _, second = _without_date(_TRAILING.sub("", rest)).partition(" and ")
        second = _bare_name(second)
        return TitleParts(kind, parties(first), parties(second))
    rest, subject = _split_subject(rest)
    rest = _without_date(_TRAILING.sub("", rest))
    extra: tuple[Party, ...] = ()
    rest = re.split(r"\s+(?:about|concerning|regarding)\s+(?=the\s|[A-Z])|\s+on\s+the\s+(?=[A-Z])",
                    rest, maxsplit=1)[0] if not subject else rest
    for_part = re.search(r"(?<!Committee)(?<!Commission)(?<!Council)(?<!Ministry)(?<!Institute)"
                         r"(?<!Agency)(?<!Office)(?<!Department)(?<!Bureau)(?<!Minister)"
                         r"(?<!Ministers)(?<!Affairs)(?<!Administration)(?<!Directorate)"
                         r"(?<!Commissariat)(?<!Division)(?<!Section)(?<!State)(?<!Secretary)"
                         r",?\s+for\s+(?P<who>.+)$", rest)
    if for_part and not _FOR_TIME.match(for_part.group("who")):
        who = for_part.group("who")
        about = re.search(r"\s+(?:about|on|concerning|regarding)\s+", who)
        if about:
            subject = subject or who[about.end():].strip()
            who = who[:about.start()]
        extra = parties(who)
        rest = rest[:for_part.start()]
    elif for_part:
        subject = subject or for_part.group("who")
        rest = rest[:for_part.start()]
    sender, recipient = _split_to(rest)
    recipients = parties(recipient) + extra
    reply = _REPLY_TO.match(subject)
    if reply and not recipients:
        recipients = parties(reply.group("who"))
    return TitleParts(kind, parties(sender), recipients, subject)


def _without_others(found: tuple[Party, ...]) -> tuple[Party, ...]:
    """"... the Albanian Prosecutor General and Others": "Others" is no party."""
    return tuple(party for party in found if party.name.casefold() not in {"others", "other"})


def _second_party(text: str) -> tuple[str, str]:
    """"Hungary on Cultural Cooperation for the Years 1978/1979" -> Hungary and the subject."""
    text, subject = _split_subject(_without_date(_TRAILING.sub("", text)))
    text = _without_date(_TRAILING.sub("", text))
    tail = re.search(r"\s+(?:on|(?i:concerning|regarding|about))\s+(?=the\s|[A-Z])|\s+for\s+(?=the\s+"
                     r"years?\b|the\s+period\b|\d)|\s+related\s+to\s|,\s+with\s", text)
    if tail:
        subject = subject or text[tail.start():].strip()
        text = text[:tail.start()]
    return text, subject


def _split_to(text: str) -> tuple[str, str]:
    """Sender and recipient at the first " to " that is not a role's ("Ambassador to China")."""
    for match in re.finditer(r"\s+to\s+", text):
        if not _ROLE_TO.search(text[:match.start()]):
            recipient = _without_phrase(text[match.end():])
            recipient = re.split(r"\s+(?:on|concerning|regarding|about)\s+(?=the\s|[A-Z])",
                                 recipient, maxsplit=1)[0]
            return text[:match.start()], recipient
    return text, ""


def _without_phrase(text: str) -> str:
    """"Romanian Ministry of Foreign Affairs, Pol Pot’s Visit to the DPRK" -> the ministry: a
    comma before words no name has ("to", "’s") starts the subject."""
    for match in re.finditer(r",\s+", text):
        after = text[match.end():]
        words = re.findall(r"[\w’']+", after)
        if any(word[:1].islower() and word not in _NAME_PARTICLES for word in words) or \
                re.search(r"\w['’]s\b", after):
            return text[:match.start()]
    return text


def _split_subject(rest: str) -> tuple[str, str]:
    match = _SUBJECT.search(rest)
    if not match:
        return rest, ""
    return rest[:match.start()], rest[match.end():].strip(" '‘’\"“”")


def _without_date(text: str) -> str:
    """"N.V. Roshchin on 1 January 1950" -> "N.V. Roshchin", and what follows such a date
    ("... on 24 January 1975 in the Soviet Embassy")."""
    text = re.sub(r",?\s+(?:on|of|dated)\s+(?:\d{1,2}(?:-\d{1,2})?\s+[A-Z][a-z]+\s+\d{4}|"
                  r"\d{1,2}\.[IVXivx\d]+\.\d{2,4})\b.*$", "", text)
    return _DATE_TAIL.sub("", text).strip(" ,")


def _type(text: str) -> str:
    return " ".join(text.split()).lower()


def parties(text: str) -> tuple[Party, ...]:
    """"Cdes. Shtykov and Vasil'yev" -> two parties; "Filippov [Stalin]" keeps who it was."""
    text = text.strip(" ,")
    if not text:
        return ()
    pieces = [text]
    if " and " in text and "[" not in text and not _one_body(text):
        candidates = [piece.strip() for piece in re.split(r",\s*(?:and\s+)?|\s+and\s+", text)]
        if len(candidates) > 1 and all(piece[:1].isupper() or _HONORIFIC.match(piece)
                                       for piece in candidates) and \
                all(_name_like(piece) or _TITLE_WORDS.match(piece) or _HONORIFIC.match(piece)
                    for piece in candidates):
            pieces = candidates
    return tuple(_party(piece) for piece in pieces if piece)


def _one_body(text: str) -> bool:
    """"Minister of Culture and Propaganda Jeong Ryul": the "and" inside an office's name."""
    before = text.split(" and ", 1)[0]
    return " of " in before and " and " in text and not _HONORIFIC.match(
        text.split(" and ", 1)[1])


def _party(text: str) -> Party:
    text = re.sub(r"(?<![A-Z])\.$", "", text.strip())  # "Tsedenbal." but not "V.M."
    text = _HEADED_BY.sub("", text)
    inner = re.search(r"\s*\(([^()]+)\)(?=,)", text)  # "Embassy in Washington (Drozniak), ..."
    if inner:
        text = text[:inner.start()] + text[inner.end():] + f" ({inner.group(1)})"
    identified = _IDENTIFIED.match(text)
    name = identified.group("name") if identified else text
    who = identified.group("who").strip() if identified else ""
    return Party(text=text, name=_HONORIFIC.sub("", _bare_name(name)).strip(), identified_as=who)


def _bare_name(text: str) -> str:
    """The name without a place after it ("Mao Zedong, Moscow"), an apposition ("Heo Dam, the
    leader of ...") or the office before it ("the Deputy Chairman of ..., Prof. Pushkov")."""
    pieces = [piece.strip() for piece in text.split(",")]
    while len(pieces) > 1 and (pieces[-1].casefold() in _PLACES or (
            _POST.search(pieces[-2]) and _org_like(pieces[-1]) and len(pieces[-1].split()) <= 3)):
        pieces.pop()  # "Mexican Embassy, Guatemala City": the post's city
    if len(pieces) > 1 and _POST.search(pieces[-1]) and _name_like(pieces[0]):
        return pieces[0]  # "L.D. Wilgress, Canadian Embassy"
    if len(pieces) > 1 and re.match(r"(?:the|a|an)\s", pieces[1], re.I):
        return pieces[0]
    if len(pieces) > 1 and _TITLE_WORDS.match(pieces[-1]) and _name_like(pieces[-1]):
        return pieces[-1]
    if len(pieces) == 2 and bool(_OFFICE.search(pieces[0])) != bool(_OFFICE.search(pieces[1])):
        person = pieces[1] if _OFFICE.search(pieces[0]) else pieces[0]
        if _name_like(person):  # "Maurice Couve de Murville, French Foreign Minister"
            return person
    if len(pieces) > 1 and _name_like(pieces[0]) and not _name_like(pieces[-1]):
        return pieces[0]  # "Kim Il Sung, General Secretary of the KWP CC"
    if len(pieces) > 1 and not _name_like(pieces[0]) and _name_like(pieces[-1]) and \
            len(pieces[-1].split()) <= 3:
        return pieces[-1]  # "the Head of the KGB Administration ..., Fesenko"
    return ", ".join(pieces)


def _org_like(text: str) -> bool:
    """Capitalised words and the particles of names ("Hungarian Embassy in the DPRK")."""
    words = text.split()
    return 0 < len(words) <= 8 and words[0][:1].isupper() and all(
        word[:1].isupper() or word in _NAME_PARTICLES for word in words)


def _name_like(text: str) -> bool:
    """Capitalised words and initials only, as a name is ("Prof. Pushkov", "N.V. Roshchin")."""
    words = text.split()
    return 0 < len(words) <= 5 and words[0][:1].isupper() and all(
        word[:1].isupper() or word[:1] == "[" or word in _SURNAME_PARTICLES for word in words)
