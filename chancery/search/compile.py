"""From the query tree (``search.query``) to a tantivy query over the index's fields.

Words are analyzed as the index analyzed them (English and Russian stems, and exact forms),
so "городов" finds "города". A word or phrase that names an entity of the authority also
finds the documents linked to it under any other name: "Stalin" finds the cables signed
"Filippov". Field filters use entity ids, so every name form counts.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import tantivy
from tantivy import Occur, Query

from chancery.search import analyzers
from chancery.search.query import AllOf, AnyOf, DateRange, Filter, Node, Not, Phrase, Term
from chancery.text.languages import code_for

ENTITY_FIELDS = {"person": "person", "place": "place", "org": "org", "term": "term",
                 "from": "sender",
                 "to": "recipient"}
_LANGUAGE_FIELDS = (("title", analyzers.ENGLISH), ("text_en", analyzers.ENGLISH),
                    ("text_ru", analyzers.RUSSIAN), ("text_other", analyzers.EXACT))
KEYWORD_FIELDS = {"lang": "lang", "original": "original_lang", "rendition": "rendition_lang",
                  "archive": "archive", "collection": "collection", "type": "type",
                  "classification": "classification"}

# Resolves what a reader typed to entity ids: ("person", "Stalin") -> ["person/stalin"].
Resolver = Callable[[str, str], list[str]]
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
        # the analyzed words looked up in each text field and found there: a snippet is cut
        # only from a field of a hit that holds one of them (chancery.search.index)
        self.terms: dict[str, set[str]] = {}

    def compile(self, node: Node | None) -> Query:
        if node is None:
            return Query.all_query()
        if isinstance(node, AllOf):
            clauses = [(Occur.MustNot if isinstance(child, Not) else Occur.Must,
                        self.compile(child.node if isinstance(child, Not) else child))
                       for child in node.nodes]
            if all(occur is Occur.MustNot for occur, _ in clauses):
                clauses.append((Occur.Must, Query.all_query()))
            return Query.boolean_query(clauses)
        if isinstance(node, AnyOf):
            return Query.boolean_query([(Occur.Should, self.compile(child))
                                        for child in node.nodes])
        if isinstance(node, Not):
            return Query.boolean_query([(Occur.Must, Query.all_query()),
                                        (Occur.MustNot, self.compile(node.node))])
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
        """Also the documents linked to the entity the words name, under any of its names."""
        ids = self.resolve("name", text)
        if not ids:
            return words
        self.entities.update(ids)
        names = [(Occur.Should, self._weighed(Query.term_query(self.schema, "entity", entity),
                                              "entity", [entity]))
                 for entity in ids]
        return Query.boolean_query([(Occur.Should, words)] + names)

    def _filter(self, node: Filter) -> Query:
        if node.field in ENTITY_FIELDS:
            ids = self.resolve(node.field, node.value)
            self.entities.update(ids)
            field = ENTITY_FIELDS[node.field]
            return Query.boolean_query([(Occur.Should, self._weighed(
                Query.term_query(self.schema, field, i), field, [i])) for i in ids]) \
                if ids else Query.empty_query()
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
