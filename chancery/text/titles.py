"""The parts of a document title: its type, sender, recipient and subject.

"Cable, Mao Zedong to Filippov [Stalin]"; "Cable from Ambassador Pauls to the Foreign Office,
'German-Chinese Relations'"; "Bierut's Telephone Conversation with Stalin".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from chancery.model import Party

_TYPES = (r"(?:ciphered |coded |secret )?(?:cable|telegram|telex|letter|memorandum of conversation|"
          r"memorandum|record of (?:a )?conversation|minutes of (?:a |the )?[\w ]+?|minutes|"
          r"report|note|notes|diary entry|diary|directive|decree|resolution|instructions?|speech|"
          r"transcript|journal entry|telephone conversation|conversation|message|information|"
          r"statement|draft|protocol|agreement|treaty|excerpt|appeal|order|circular|"
          r"memo|summary|proposal|communiqu[eé])")
_TYPE_FIRST = re.compile(rf"^(?P<type>{_TYPES})(?:,\s+|\s+from\s+)(?P<rest>.+)$", re.I)
_POSSESSIVE = re.compile(rf"^(?P<a>.+?)['’]s\s+(?P<type>{_TYPES})\s+with\s+(?P<b>.+)$", re.I)
_BETWEEN = re.compile(rf"^(?P<type>{_TYPES})\s+(?:between|with)\s+(?P<a>.+?)\s+and\s+(?P<b>.+)$",
                      re.I)
_SUBJECT = re.compile(r",\s+(?=['‘\"“]|[a-z]|re:|on\s)")
_HONORIFIC = re.compile(r"^(?:the\s+|cdes?\.\s*|comrades?\s+|com\.\s*|tov\.\s*)", re.I)
_IDENTIFIED = re.compile(r"^(?P<name>.*?)\s*\[(?P<who>[^\]]+)\]\s*$")


@dataclass(frozen=True, slots=True)
class TitleParts:
    document_type: str = ""
    senders: tuple[Party, ...] = ()
    recipients: tuple[Party, ...] = ()
    subject: str = ""


def parse_title(title: str) -> TitleParts:
    """Read type, senders, recipients and subject; empty parts when the title has no such form."""
    title = " ".join(title.split()).strip(" .")
    match = _POSSESSIVE.match(title)
    if match:
        return TitleParts(_type(match.group("type")), parties(match.group("a")),
                          parties(match.group("b")))
    match = _TYPE_FIRST.match(title)
    if match:
        rest, subject = _split_subject(match.group("rest"))
        sender, _, recipient = rest.rpartition(" to ") if " to " in rest else (rest, "", "")
        return TitleParts(_type(match.group("type")), parties(sender), parties(recipient),
                          subject)
    match = _BETWEEN.match(title)
    if match:
        return TitleParts(_type(match.group("type")), parties(match.group("a")),
                          parties(match.group("b")))
    return TitleParts()


def _split_subject(rest: str) -> tuple[str, str]:
    match = _SUBJECT.search(rest)
    if not match:
        return rest, ""
    return rest[:match.start()], rest[match.end():].strip(" '‘’\"“”")


def _type(text: str) -> str:
    return text.strip().lower()


def parties(text: str) -> tuple[Party, ...]:
    """"Cdes. Shtykov and Vasil'yev" -> two parties; "Filippov [Stalin]" keeps who it was."""
    text = text.strip(" ,")
    if not text:
        return ()
    pieces = [text]
    if " and " in text and "[" not in text:
        candidates = [piece.strip() for piece in re.split(r",\s*|\s+and\s+", text)]
        if all(piece[:1].isupper() or _HONORIFIC.match(piece) for piece in candidates):
            pieces = candidates
    return tuple(_party(piece) for piece in pieces if piece)


def _party(text: str) -> Party:
    identified = _IDENTIFIED.match(text)
    name = identified.group("name") if identified else text
    who = identified.group("who").strip() if identified else ""
    return Party(text=text, name=_HONORIFIC.sub("", name).strip(), identified_as=who)
