"""The query language a historian types, read into a small tree.

    Stalin "big cities"                words (all required) and phrases
    Stalin OR Filippov                 either
    cities -Moscow   cities NOT Moscow without
    commun*   Poskrebyshov~            prefix; fuzzy (one edit, ~2 for two)
    ="Мао Цзе-дун"                     exact phrase: no stemming
    type:cable lang:ru archive:RGASPI  field filters (see FIELDS)
    date:1948   date:1948-04..1949-02  dates and ranges

Reading never fails: a broken query (an unclosed quote or bracket, an unknown field, a
dangling OR, brackets nested deeper than MAX_DEPTH) is read as well as it can be, and each
repair is reported as a warning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from chancery.text.dates import last_day

FIELDS = frozenset({"person", "place", "org", "term", "from", "to", "lang", "original", "rendition",
                    "archive", "collection", "type", "classification", "date"})
_TOKEN = re.compile(r'\s*(?:(?P<open>\()|(?P<close>\))|(?P<exact>=")|(?P<quote>")|'
                    r'(?P<minus>-(?=[^\s-]))|(?P<word>[^\s()"]+))')
_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")
MAX_LENGTH = 1_000
MAX_CLAUSES = 64
# Brackets deeper than this are read as if they were not there: no one groups words ten deep,
# and reading (and compiling) a group is a recursion that a few hundred brackets would exhaust.
MAX_DEPTH = 10


@dataclass(frozen=True, slots=True)
class Term:
    text: str
    prefix: bool = False
    fuzzy: int = 0


@dataclass(frozen=True, slots=True)
class Phrase:
    text: str
    exact: bool = False


@dataclass(frozen=True, slots=True)
class Filter:
    field: str
    value: str


@dataclass(frozen=True, slots=True)
class DateRange:
    start: str  # ISO day
    end: str


@dataclass(frozen=True, slots=True)
class Not:
    node: Node


@dataclass(frozen=True, slots=True)
class AllOf:
    nodes: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class AnyOf:
    nodes: tuple[Node, ...]


Node = Term | Phrase | Filter | DateRange | Not | AllOf | AnyOf


@dataclass(frozen=True, slots=True)
class Parsed:
    node: Node | None  # None: the query asks for nothing (every document)
    warnings: tuple[str, ...] = ()


def parse(text: str) -> Parsed:
    """Read a query; never raises."""
    warnings: list[str] = []
    if len(text) > MAX_LENGTH:
        warnings.append(f"the query was cut to its first {MAX_LENGTH} characters")
        text = text[:MAX_LENGTH]
    reader = _Reader(text, warnings)
    node = reader.any()
    if reader.position < len(text.strip()):
        warnings.append("an unmatched ')' was ignored")
        rest = _Reader(text[reader.position:].lstrip(" )"), warnings).any()
        node = _combine(AllOf, [n for n in (node, rest) if n is not None])
    if reader.too_deep:
        warnings.append(f"brackets nested deeper than {MAX_DEPTH} were read as if they "
                        "were not there")
    if reader.clauses > MAX_CLAUSES:
        warnings.append(f"the query has more than {MAX_CLAUSES} parts; the rest were ignored")
    return Parsed(node, tuple(dict.fromkeys(warnings)))  # each repair said once


class _Reader:
    def __init__(self, text: str, warnings: list[str]) -> None:
        self.text = text
        self.position = 0
        self.warnings = warnings
        self.clauses = 0
        self.depth = 0  # groups open around the current position
        self.flattened = 0  # brackets opened past MAX_DEPTH, whose ')' are still to come
        self.too_deep = False

    def any(self) -> Node | None:
        options = [self.all()]
        while self._peek_word() == "OR":
            self._next()
            right = self.all()
            if right is None:
                self.warnings.append("OR with nothing after it was ignored")
            options.append(right)
        return _combine(AnyOf, [option for option in options if option is not None])

    def all(self) -> Node | None:
        parts: list[Node] = []
        while True:
            kind, value = self._peek()
            if kind == "close" and self.flattened:  # closes a bracket read as not there
                self._next()
                self.flattened -= 1
                continue
            if kind is None or kind == "close" or (kind == "word" and value == "OR"):
                return _combine(AllOf, parts)
            node = self.unary()
            if node is not None and self.clauses < MAX_CLAUSES:
                parts.append(node)

    def unary(self) -> Node | None:
        if self._peek()[0] == "minus" or (self._peek_word() == "NOT" and self._word_follows()):
            self._next()
            node = self.primary()
            return Not(node) if node is not None else None
        return self.primary()

    def primary(self) -> Node | None:
        kind, value = self._next()
        if kind == "open" and self.depth >= MAX_DEPTH:
            self.flattened += 1
            self.too_deep = True
            return None  # what the bracket holds is read at this depth
        self.clauses += 1
        if kind == "open":
            self.depth += 1
            node = self.any()
            self.depth -= 1
            if self._peek()[0] == "close":
                self._next()
            else:
                self.warnings.append("an unclosed '(' was closed at the end")
            return node
        if kind in ("quote", "exact"):
            return self._phrase(exact=kind == "exact")
        if kind == "word":
            return self._word(value)
        return None  # a stray ')' or '-' inside a group: nothing

    def _phrase(self, exact: bool) -> Node | None:
        end = self.text.find('"', self.position)
        if end < 0:
            self.warnings.append("an unclosed '\"' was closed at the end")
            end = len(self.text)
        words = self.text[self.position:end].strip()
        self.position = min(end + 1, len(self.text))
        if not words:
            return None
        return Phrase(words, exact) if " " in words or exact else Term(words)

    def _word(self, word: str) -> Node | None:
        field, colon, value = word.partition(":")
        if colon and field.lower() in FIELDS:
            if not value and self._peek()[0] in ("quote", "exact"):
                kind, _ = self._next()
                phrase = self._phrase(exact=True)
                value = phrase.text if isinstance(phrase, (Phrase, Term)) else ""
            if not value:
                self.warnings.append(f"'{field}:' needs a value; it was ignored")
                return None
            if field.lower() == "date":
                return self._date(value)
            return Filter(field.lower(), value)
        if colon and field and field.isalpha():
            self.warnings.append(f"'{field}:' is not a field Chancery knows; "
                                 f"'{word}' was searched as words")
        return _term(word)

    def _date(self, value: str) -> Node | None:
        first, _, second = value.partition("..")
        start, end = _date_bounds(first), _date_bounds(second or first)
        if start is None or end is None or start[0] > end[1]:
            self.warnings.append(f"'date:{value}' is not a date or range such as date:1948 or "
                                 "date:1948-04..1949-02; it was ignored")
            return None
        return DateRange(start[0], end[1])

    # --- tokens ---------------------------------------------------------------------------

    def _peek(self) -> tuple[str | None, str]:
        match = _TOKEN.match(self.text, self.position)
        if match is None or match.end() == self.position:
            return None, ""
        kind = match.lastgroup or ""
        return kind, match.group(kind)

    def _word_follows(self) -> bool:
        """Whether something to search for follows the next token ("NOT Mao", not a
        trailing "NOT", which is searched as a word)."""
        match = _TOKEN.match(self.text, self.position)
        following = _TOKEN.match(self.text, match.end()) if match else None
        return following is not None and following.lastgroup not in (None, "close") and \
            following.group(following.lastgroup or "") != "OR"

    def _peek_word(self) -> str:
        kind, value = self._peek()
        return value if kind == "word" else ""

    def _next(self) -> tuple[str | None, str]:
        match = _TOKEN.match(self.text, self.position)
        if match is None or match.end() == self.position:
            self.position = len(self.text)
            return None, ""
        self.position = match.end()
        kind = match.lastgroup or ""
        return kind, match.group(kind)


def _term(word: str) -> Node | None:
    fuzzy = 0
    fuzzy_match = re.search(r"~([12]?)$", word)
    if fuzzy_match:
        fuzzy = int(fuzzy_match.group(1) or 1)
        word = word[:fuzzy_match.start()]
    prefix = word.endswith("*")
    word = word.strip("*")
    if not re.search(r"\w", word):
        return None
    return Term(word, prefix=prefix, fuzzy=fuzzy)


def _date_bounds(text: str) -> tuple[str, str] | None:
    match = _DATE.match(text.strip())
    if not match:
        return None
    year, month, day = match.groups()
    try:
        start = f"{year}-{month or '01'}-{day or '01'}"
        precision = year + (f"-{month}" if month else "") + (f"-{day}" if day else "")
        end = last_day(precision)
        if month and not 1 <= int(month) <= 12:
            return None
        if day and not 1 <= int(day) <= 31:
            return None
    except ValueError:
        return None
    return start, end


def _combine(kind: type, nodes: list[Node]) -> Node | None:
    if not nodes:
        return None
    if len(nodes) == 1:
        return nodes[0]
    return kind(tuple(nodes))
