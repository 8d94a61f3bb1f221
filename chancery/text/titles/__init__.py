"""Document titles read by a small grammar into their type, senders, recipients and subject.

- grammar.py: the whole title, its head and where its roles are (``parse_title``);
- roles.py: the role phrases after a head, read left to right;
- party_extent.py: where a party's words end inside a role phrase;
- parties.py: a party's words read into persons and bodies;
- vocabulary.py: the words all of these know (kinds of document, offices, titles, connectors);
- offices.py: what a party is, read from the shipped authority (offices held, the words before
  them and their business, nationalities, places, groups that sit as one).
"""

from chancery.text.titles.grammar import TitleParts, parse_title
from chancery.text.titles.parties import parties

__all__ = ["TitleParts", "parse_title", "parties"]
