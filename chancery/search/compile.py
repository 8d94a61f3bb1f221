"""From the query tree (``search.query``) to a tantivy query over the index's fields.

Words are analyzed as the index analyzed them (English and Russian stems, and exact forms),
so "городов" finds "города". A word or phrase that names an entity of the authority also
finds the documents linked to it under any other name: "Stalin" finds the cables signed
"Filippov". Field filters use entity ids, so every name form counts.

A word typed as a name (capitalised) is also looked up by its name key, among the keys of
every name form of the texts (``name_key``): "Хрущев" finds "Khrushchev" without an authority
entry. A run of such words that forms a name ("Mao Tse-tung", "Чжоу Эньлай") is searched as
that name (its entity, its key, the phrase) as well as the words.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import tantivy
from tantivy import Occur, Query

from chancery.search import analyzers
from chancery.search.query import AllOf, AnyOf, DateRange, Filter, Node, Not, Phrase, Term
from chancery.text.languages import code_for
from chancery.text.name_finder import looks_like_a_name
from chancery.text.names import query_keys

ENTITY_FIELDS = {"person": "person", "place": "place", "org": "org", "term": "term",
                 "from": "sender",
                 "to": "recipient"}
_LANGUAGE_FIELDS = (("title", analyzers.ENGLISH), ("text_en", analyzers.ENGLISH),
                    ("text_ru", analyzers.RUSSIAN), ("text_other", analyzers.EXACT))
KEYWORD_FIELDS = {"lang": "lang", "original": "original_lang", "rendition": "rendition_lang",
                  "archive": "archive", "collection": "collection", "type": "type",
                  "classification": "classification"}



@dataclass(frozen=True, slots=True)
class Resolved:
    """What a name typed in a filter stands for: entity ids; for a pseudonym, the dates it was
    used (the filter keeps to them); for a surname several people share, their names."""

    ids: tuple[str, ...] = ()
    within: tuple[str, str] | None = None  # ISO days
    candidates: tuple[str, ...] = ()


# Resolves what a reader typed to entity ids: ("person", "Stalin") -> ["person/stalin"], or
# to a Resolved when it says more.
Resolver = Callable[[str, str], "list[str] | Resolved"]
_LONGEST_NAME = 4  # words in a run of query words tried as one name
# The boost of a scored term, (field, tokens) -> factor: chancery.search.statistics.Weights
Weigh = Callable[[str, list[str]], float]


class Compiler:
    """Turns query trees into tantivy queries for one index."""

    def __init__(self, index: tantivy.Index, resolve: Resolver,
                 searcher: tantivy.Searcher | None = None, weigh: Weigh | None = None) -> None:
        self.schema = index.schema
        self.resolve = resolve
        self.searcher = searcher  # with it, fields where a word never occurs are left out
        self.weigh = weigh  # with it, scores count only the documents a reader may see
        self._analyzers = analyzers.analyzers()
        self.entities: set[str] = set()  # entities the query's words or filters named
        self.fields: set[str] = set()  # text fields the query's words were looked up in
        self.warnings: list[str] = []  # what the reader should know about how it was read
        # the analyzed words looked up in each text field and found there: a snippet is cut
        # only from a field of a hit that holds one of them (chancery.search.index)
        self.terms: dict[str, set[str]] = {}

    def compile(self, node: Node | None) -> Query:
        if node is None:
            return Query.all_query()
        if isinstance(node, AllOf):
            clauses = [(Occur.MustNot if isinstance(child, Not) else Occur.Must,
                        self.compile(child.node if isinstance(child, Not) else child))
                       for child in self._names_in(node.nodes)]
            if all(occur is Occur.MustNot for occur, _ in clauses):
                clauses.append((Occur.Must, Query.all_query()))
            return Query.boolean_query(clauses)
        if isinstance(node, AnyOf):
            return Query.boolean_query([(Occur.Should, self.compile(child))
                                        for child in node.nodes])
        if isinstance(node, Not):
            return Query.boolean_query([(Occur.Must, Query.all_query()),
                                        (Occur.MustNot, self.compile(node.node))])
        if isinstance(node, NameRun):
            return self._name_run(node)
        if isinstance(node, Term):
            return self._with_names(node.text, self._term(node))
        if isinstance(node, Phrase):
            return self._with_names(node.text, self._phrase(node.text, node.exact))
        if isinstance(node, DateRange):
            return Query.range_query(self.schema, "date", tantivy.FieldType.Integer,
                                     int(node.start.replace("-", "")),
                                     int(node.end.replace("-", "")))
        return self._filter(node)

    def _term(self, term: Term) -> Query:
        if term.prefix or term.fuzzy:
            word = analyzers.fold(term.text).lower()
            self.fields.update(("text_en", "text_ru", "text_other"))
            return Query.boolean_query([
                (Occur.Should, Query.fuzzy_term_query(self.schema, field, token,
                                                      distance=term.fuzzy, prefix=term.prefix))
                for field in ("text_exact", "title")
                for token in self._tokens(analyzers.EXACT, word)[:1]])
        return self._phrase(term.text, exact=False)

    def _phrase(self, text: str, exact: bool) -> Query:
        folded = analyzers.fold(text)
        # Each rendition's text is in one language field, analyzed as that field analyzes
        # it, so a word in any script is looked up in each: the English analyzer leaves
        # Cyrillic as written and the Russian one Latin. text_exact (every text again,
        # unstemmed) would only add the same documents a second time, at twice the cost.
        fields = (("text_exact", analyzers.EXACT),) if exact else _LANGUAGE_FIELDS
        self.fields.update(field for field, _ in fields)
        options = {}
        for field, analyzer in fields:
            tokens = self._tokens(analyzer, folded)
            if tokens and self._occurs(field, tokens):
                self.terms.setdefault(field, set()).update(tokens)
                options[field] = self._weighed(
                    Query.term_query(self.schema, field, tokens[0]) if len(tokens) == 1
                    else Query.phrase_query(self.schema, field, tokens), field, tokens)
        # A union costs about twice its largest part to evaluate, so parts that cannot
        # match are left out; and since the title is also in text_en, analyzed alike, a
        # title match only adds to the score of what text_en finds.
        title = options.pop("title", None) if "text_en" in options else None
        if not options:
            return Query.empty_query()
        found = next(iter(options.values())) if len(options) == 1 else Query.boolean_query(
            [(Occur.Should, option) for option in options.values()])
        if title is None:
            return found
        return Query.boolean_query([(Occur.Must, found), (Occur.Should, title)])

    def _occurs(self, field: str, tokens: list[str]) -> bool:
        """Whether every token is somewhere in the field (always, without a searcher)."""
        return self.searcher is None or all(self.searcher.doc_freq(field, token) > 0
                                            for token in tokens)

    def _with_names(self, text: str, words: Query) -> Query:
        """Also the documents linked to the entity the words name, under any of its names,
        and, for words typed as a name, those holding a name of the same key."""
        ids = _ids(self.resolve("name", text))
        self.entities.update(ids)
        names = [(Occur.Should, self._weighed(Query.term_query(self.schema, "entity", entity),
                                              "entity", [entity]))
                 for entity in ids]
        # a name the authority knows is found under all its names already: its key would
        # only read the same documents' postings a second time
        names += [(Occur.Should, self._weighed(Query.term_query(self.schema, "name_key", key),
                                               "name_key", [key]))
                  for key in ([] if ids else self._keys(text))]
        if not names:
            return words
        return Query.boolean_query([(Occur.Should, words)] + names)

    def _keys(self, text: str) -> list[str]:
        """The name keys of words typed as a name ("Хрущев", "Chou En-lai") that some text
        holds."""
        if not all(word[:1].isupper() for word in text.split()):
            return []
        keys = query_keys(text)
        if not any(looks_like_a_name(word) for word in text.split()) and \
                not any(key.startswith("zh:") for key in keys):
            return []  # "Chinese", "Central Committee": capitalised, but no one's name
        return sorted(key for key in keys if self._occurs("name_key", [key]))

    def _names_in(self, nodes: tuple[Node, ...]) -> list[Node]:
        """The nodes, with each run of plain words typed as a name that forms a known name
        (an entity's, or a key some text holds) made one NameRun: "Mao Tse-tung"."""
        result: list[Node] = []
        index = 0
        while index < len(nodes):
            run = _plain_names(nodes, index)
            for size in range(min(len(run), _LONGEST_NAME), 1, -1):
                text = " ".join(term.text for term in run[:size])
                ids = _ids(self.resolve("name", text))
                if ids or self._keys(text):
                    result.append(NameRun(tuple(run[:size])))
                    index += size
                    break
            else:
                result.append(nodes[index])
                index += 1
        return result

    def _name_run(self, run: NameRun) -> Query:
        """A name typed without quotes: its words, or the name as a phrase, its entity or
        its key."""
        text = " ".join(term.text for term in run.terms)
        words = Query.boolean_query([(Occur.Must, self._term(term)) for term in run.terms])
        phrase = self._phrase(text, exact=False)
        return self._with_names(text, Query.boolean_query([(Occur.Should, words),
                                                           (Occur.Should, phrase)]))

    def _filter(self, node: Filter) -> Query:
        if node.field in ENTITY_FIELDS:
            resolved = self.resolve(node.field, node.value)
            if not isinstance(resolved, Resolved):
                resolved = Resolved(tuple(resolved))
            if resolved.candidates:
                self.warnings.append(
                    f"'{node.field}:{node.value}' could be any of "
                    f"{len(resolved.candidates)}: {'; '.join(resolved.candidates)}. Give "
                    "more of the name, or the id")
            ids = resolved.ids
            self.entities.update(ids)
            field = ENTITY_FIELDS[node.field]
            found = Query.boolean_query([(Occur.Should, self._weighed(
                Query.term_query(self.schema, field, i), field, [i])) for i in ids]) \
                if ids else Query.empty_query()
            if ids and resolved.within:  # a pseudonym: the documents of the dates it was used
                start, end = (int(day.replace("-", "")) for day in resolved.within)
                found = Query.boolean_query([(Occur.Must, found), (Occur.Must, Query.range_query(
                    self.schema, "date", tantivy.FieldType.Integer, start, end))])
            return found
        value = keyword(node.field, node.value)
        field = KEYWORD_FIELDS[node.field]
        return self._weighed(Query.term_query(self.schema, field, value), field, [value])

    def _weighed(self, query: Query, field: str, tokens: list[str]) -> Query:
        """A scored term, weighed by the documents the reader may see (if they may not see
        all): prefixes, fuzzy words and dates score alike in every document, so they are not."""
        if self.weigh is None:
            return query
        return Query.boost_query(query, self.weigh(field, tokens))

    def _tokens(self, analyzer: str, text: str) -> list[str]:
        return [token for token in self._analyzers[analyzer].analyze(text)]


def keyword(field: str, value: str) -> str:
    """The indexed form of a filter value: lower case, languages as ISO codes."""
    value = re.sub(r"[-_]+", " ", value.strip()).lower() if field == "classification" \
        else value.strip().lower()
    if field in ("lang", "original", "rendition"):
        return code_for(value) or value
    return value


@dataclass(frozen=True, slots=True)
class NameRun:
    """Words typed without quotes that together form a name."""

    terms: tuple[Term, ...]


def _plain_names(nodes: tuple[Node, ...], start: int) -> list[Term]:
    """The plain words typed as a name (capitalised, neither prefix nor fuzzy) from
    ``start`` on."""
    run: list[Term] = []
    for node in nodes[start:start + _LONGEST_NAME]:
        if not isinstance(node, Term) or node.prefix or node.fuzzy or \
                not node.text[:1].isupper():
            break
        run.append(node)
    return run


def _ids(resolved: list[str] | Resolved) -> list[str]:
    return list(resolved.ids) if isinstance(resolved, Resolved) else list(resolved)
