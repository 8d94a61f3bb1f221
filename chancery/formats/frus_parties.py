"""Who wrote a FRUS document and to whom, as its heading says.

Accepts, in this order:
1. the editors' tagging: ``gloss type="from"``/``"to"`` (or any element of that type) in the
   heading, each one party;
2. the heading's own words: "Telegram From X to Y", "Memorandum From X to Y", "Letter From
   X to Y" (any kind of document): X and Y as printed, without a leading "the", Y ending at
   the first comma. " to " inside an office ("the Ambassador to Japan (Allison)") does not
   split it. Where a side holds one tagged name (``persName``), that is the party's name
   ("Director of Central Intelligence (Dulles)" -> name "Dulles"); with several tagged names
   each is a party.
A heading without "From" names no parties.
"""

from __future__ import annotations

import re

from lxml import etree

from chancery.model import Party

TEI = "http://www.tei-c.org/ns/1.0"
_NS = {"t": TEI}
# offices that take "to": "Ambassador to Japan", "Representative to the United Nations"
_OFFICES = re.compile(r"(?:Ambassador|Ambassador-Designate|Representative|Delegation|Mission|"
                      r"Envoy|Minister|Assistant|Adviser|Advisor|Delegate|Observer|Deputy|"
                      r"Counselor|Consul|Secretary|Chargé|Commissioner|Liaison|Attaché|"
                      r"Negotiator|Spokesman|Member|Representatives)$")
_FROM = re.compile(r"\bFrom\s+(?P<rest>.+)$")


def parties(head: etree._Element | None, title: str) -> tuple[tuple[Party, ...],
                                                              tuple[Party, ...]]:
    """(senders, recipients) of a document from its heading element and title."""
    if head is None:
        return (), ()
    tagged = tuple(tuple(Party(_squash(element.xpath("string()")),
                               _squash(element.xpath("string()")))
                         for element in head.xpath(f".//t:*[@type='{direction}']"
                                                   "[not(ancestor::t:note)]", namespaces=_NS))
                   for direction in ("from", "to"))
    if tagged[0] or tagged[1]:
        return tagged[0], tagged[1]
    sides = split_heading(title)
    if sides is None:
        return (), ()
    names = [_squash(element.xpath("string()")) for element in
             head.xpath(".//t:persName[not(ancestor::t:note)]", namespaces=_NS)]
    return _side(sides[0], names), _side(sides[1], names)


def split_heading(title: str) -> tuple[str, str] | None:
    """("Embassy in Japan", "Department of State") from "Telegram From the Embassy in Japan
    to the Department of State"; None when the title names no sender and recipient."""
    match = _FROM.search(title)
    if not match:
        return None
    rest = match.group("rest")
    for found in re.finditer(r"\s+to\s+", rest):
        sender, recipient = rest[:found.start()], rest[found.end():]
        if _OFFICES.search(sender) or not recipient[:1].isupper() and \
                not recipient.startswith("the "):
            continue
        recipient = recipient.split(",", 1)[0]
        return _bare(sender), _bare(recipient)
    return None


def _side(text: str, names: list[str]) -> tuple[Party, ...]:
    inside = [name for name in names if name and name in text]
    if len(inside) > 1:
        return tuple(Party(name, name) for name in inside)
    return (Party(text, inside[0] if inside else text),)


def _bare(text: str) -> str:
    return re.sub(r"^the\s+", "", text.strip(" .,;:"))


def _squash(text: str) -> str:
    return " ".join(text.split())
