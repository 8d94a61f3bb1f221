"""The one door to an archive: ingest, get, list, export, check, the authority and links.

The CLI, the web app and the tests all go through :class:`Archive`, never around it to the
store. It composes the services that do the work, one module each: ingest
(chancery.ingest), facsimiles (chancery.images), proposals (chancery.proposals), accounts,
volumes and the index.
"""

from __future__ import annotations

import hmac
import shutil
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from functools import partial
from pathlib import Path

from tantivy import Query

from chancery import accounts, volume_lists
from chancery.access import Reader
from chancery.config import Settings
from chancery.curation import MetadataEdit, reverted, with_value
from chancery.errors import ConflictError, InputError, NotFoundError, StoreError
from chancery.formats import authority_jsonl, authority_yaml
from chancery.model import (Access, ArchiveState, Change, CurationConflict, Document, Entity,
                            EntityKind, HistoryEntry, IndexLag, IngestReport, Mention, Name,
                            OcrWord, PageImage, PageText, Proposal, Rendition, RenditionKind,
                            Role, Session, SourceDescription, User, Volume, VolumeListing)
from chancery.images import iiif_image, ocr
from chancery.images.decode import DEFAULT_MAX_PIXELS
from chancery.images.service import Facsimiles
from chancery.ingest import Ingestion
from chancery.search.facets import FACETS
from chancery.search import follow
from chancery.search.compile import Resolved
from chancery.search.index import WAIT_FOR_INDEX, Hit, Results, SearchIndex
from chancery.store import (authority, backup, changes, history, readings, schema, throttle,
                            users, volumes)
from chancery.store import pages as pages_store
from chancery.store import migrate as store_migration
from chancery.store import postgres
from chancery.store.authority import CONFIRMED, DocumentRole, LoadReport
from chancery.store.freshness import Freshness
from chancery.store.store import DATABASE_NAME, Listing, Outcome, Store, Visible, encode
from chancery.proposals import ProposalReview
from chancery.text.entities import Gazetteer, link
from chancery.text.ner import recognizer_for
from chancery.text import surnames

FACET_NAMES = tuple(FACETS)  # what a search can count (docs/search.md)
SECRET_FILE = "secret.key"  # the web sessions' key (chancery.web.session)
STARTER_AUTHORITY = Path(__file__).resolve().parent / "data" / "authority.yaml"
# what `chancery init` loads: the starter file, the FRUS lists' persons and GeoNames' places,
# built by scripts/build_authority.py (chancery/authority_build.py)
SHIPPED_AUTHORITY = Path(__file__).resolve().parent / "data" / "authority.jsonl.gz"
INDEX_FOLDER = "index"
IIIF_CACHE = "cache/iiif"  # IIIF tiles and answers: node-local, remade at will



class Archive:
    """An archive on disk: a folder holding the store (and, later, the search index)."""

    def __init__(self, folder: Path, store: Store, settings: Settings) -> None:
        self.folder = folder
        self.store = store
        self.settings = settings
        self._gazetteer: Gazetteer | None = None
        self._index: SearchIndex | None = None
        self._overview: dict[tuple, Results] = {}  # facet counts over all, per reader
        self._freshness: Freshness | None = None

    @classmethod
    def open(cls, folder: str | Path, create: bool = False,
             settings: Settings | None = None, database: str = "") -> Archive:
        """Open the archive in ``folder``; with ``create``, make it if it does not exist.
        ``database``: a postgresql:// URL for its store (see Store.open)."""
        path = Path(folder)
        return cls(path, Store.open(path, create=create, url=database), settings or Settings())

    def close(self) -> None:
        if self._freshness is not None:
            self._freshness.close()
        self.store.close()

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # --- writing -------------------------------------------------------------------------

    def ingest(self, paths: Iterable[str | Path],
               progress: Callable[[int], None] | None = None,
               written: Callable[[IngestReport], None] | None = None) -> IngestReport:
        """Read files and folders (recursively) into the archive; bad files are reported
        (chancery.ingest).

        ``progress(1)`` follows each file read; ``written(report)`` each batch of documents
        committed to the store, with the counts so far.
        """
        return self._ingestion().run(paths, progress, written)

    def add(self, document: Document, actor: str = "ingest") -> Outcome:
        """Store one document already in the model (from a reader or an editor)."""
        return self._ingestion().add(document, actor)

    def _ingestion(self) -> Ingestion:
        return Ingestion(self.store, self.settings, self.gazetteer, self._authority_changed,
                         lambda: self.index, self.facsimiles)

    # --- volumes of editions (chancery.store.volumes) ------------------------------------

    def volumes(self) -> list[VolumeListing]:
        """Every volume: id, title, how many documents, in id order."""
        return volumes.listing(self.store)

    def volume(self, volume_id: str) -> Volume:
        """The volume with this id (publication data, chapters, lists, documents in order);
        NotFoundError if there is none; each listed person and term carries the entity
        it was matched to or made as."""
        return volume_lists.with_entities(volumes.get(self.store, volume_id),
                                          self.gazetteer().by_identifier)

    def volume_source(self, volume_id: str) -> str:
        """The whole file a volume was read from, as kept (once, whatever its documents)."""
        return volumes.source_text(self.store, volume_id)

    # --- facsimiles: page images and their OCR (chancery.images) --------------------------

    def facsimiles(self, max_pixels: int = DEFAULT_MAX_PIXELS) -> Facsimiles:
        return Facsimiles(self.store, self.folder, max_pixels)

    def pages(self, document_id: str, reader: Reader | None = None) -> list[PageImage]:
        """A document's page images in order (NotFoundError for one the reader may not
        see)."""
        self.get(document_id, reader)
        return self.facsimiles().pages(document_id)

    def attach(self, document_id: str, paths: Sequence[str | Path], actor: str = "cli",
               labels: Sequence[str] = (), max_pixels: int = DEFAULT_MAX_PIXELS
               ) -> list[PageImage]:
        """Add the pages of image or PDF files after the document's pages (an edit with
        history); InputError naming the file that cannot be read, and nothing stored."""
        self.get(document_id)
        added = self.facsimiles(max_pixels).attach(document_id, paths, actor, labels)
        self.index.catch_up(self.store, wait=WAIT_FOR_INDEX)
        return added

    def ocr(self, document_id: str, languages: Sequence[str] = (), again: bool = False,
            jobs: int = 0, progress: Callable[[int], None] | None = None,
            actor: str = "ocr") -> Rendition:
        """Read the document's pages with Tesseract in the document's languages (or these)
        and make the text its OCR rendition (replacing an earlier one), which search finds."""
        document = self.get(document_id)
        facsimiles = self.facsimiles()
        pages = facsimiles.pages(document_id)
        if not pages:
            raise InputError(f"{document_id} has no page images",
                             hint="'chancery attach' adds them")
        chosen = list(languages) or list(document.original_languages) or ["en"]
        tesseract_languages = ocr.languages_for(chosen)
        texts = facsimiles.read_text(pages, tesseract_languages, again, jobs, progress)
        made = ocr.rendition(pages, texts, chosen[0])
        self._curate(document_id, lambda current: replace(current, renditions=tuple(
            rendition for rendition in current.renditions
            if rendition.kind is not RenditionKind.OCR) + (made,)), actor)
        self.index.catch_up(self.store, wait=WAIT_FOR_INDEX)
        return made

    def page_texts(self, document_id: str, reader: Reader | None = None
                   ) -> list[PageText | None]:
        """What OCR read on each of the document's pages, in order, in the languages of its
        OCR rendition (None for a page not read)."""
        document = self.get(document_id, reader)
        pages = self.facsimiles().pages(document_id)
        made = [rendition for rendition in document.renditions
                if rendition.kind is RenditionKind.OCR]
        if not made or not pages:
            return [None] * len(pages)
        texts = pages_store.texts(self.store, (page.sha256 for page in pages),
                                  ocr.languages_of(made[-1]))
        return [texts.get(page.sha256) for page in pages]

    def search_pages(self, document_id: str, query: str, reader: Reader | None = None
                     ) -> list[tuple[int, list[OcrWord]]]:
        """Where the query's words stand on the document's pages as OCR read them: (page
        number from 1, the words with their boxes) for each match (IIIF Content Search)."""
        return ocr.matches(self.page_texts(document_id, reader), query)

    def with_pages(self, reader: Reader | None = None) -> list[Document]:
        """The documents the reader may see that have page images, in id order (for IIIF
        collections)."""
        found = self.store.get_many(pages_store.documents_with_pages(self.store),
                                    self._in_store(reader))
        return [found[key] for key in sorted(found)]

    def page_image(self, sha256: str, reader: Reader | None = None) -> PageImage:
        """An image a document the reader may see shows; NotFoundError otherwise (an image
        of restricted documents only is as hidden as they are)."""
        found = pages_store.page_of(self.store, sha256)
        if found is None or not pages_store.documents_showing(self.store, sha256,
                                                              self._in_store(reader)):
            raise NotFoundError(f"no image {sha256}")
        return found

    def iiif_image(self, sha256: str, region: str, size: str, rotation: str,
                   quality_format: str, reader: Reader | None = None) -> tuple[bytes, str]:
        """An IIIF Image API 3.0 answer (bytes and media type) for an image the reader may
        see; IiifRequestError (a 400) for a region, size, rotation, quality or format the
        specification refuses."""
        page = self.page_image(sha256, reader)
        request = iiif_image.parse(region, size, rotation, quality_format, page.width,
                                   page.height)
        renderer = iiif_image.Renderer(self.folder / IIIF_CACHE)
        return (renderer.render(self.facsimiles().path(page), sha256, request),
                iiif_image.FORMATS[request.format])

    def listings(self, document_ids: Iterable[str], reader: Reader | None = None
                 ) -> dict[str, Listing]:
        """Id, date and title of each of these documents the reader may see, by id (a
        volume's table of contents, a document's neighbours), without reading them."""
        return volumes.titles(self.store, document_ids, self._in_store(reader))

    # --- search -------------------------------------------------------------------------

    @property
    def index(self) -> SearchIndex:
        """The search index, opened (or made) on first use."""
        if self._index is None:
            self._index = SearchIndex.open(self.folder / INDEX_FOLDER)
        return self._index

    def state(self, day: str) -> ArchiveState:
        """What every page depends on (the change log's last point, the embargoes around
        ``day``), cheap enough to ask on each request (chancery.store.freshness)."""
        if self._freshness is None:
            self._freshness = Freshness(self.store)
        return self._freshness.state(day)

    def _index_current(self) -> None:
        """The index caught up with the store before it is read. Whether it is behind is
        asked as cheaply as a page's state (a PRAGMA on SQLite: chancery.store.freshness);
        reading the change log after the index's last point costs a query on every search."""
        if self._freshness is None:
            self._freshness = Freshness(self.store)
        if not self.index.holds(self._freshness.last_seq()):
            self.index.catch_up(self.store)

    def index_applied(self) -> int | None:
        """The last change the search index holds, if this process has opened it."""
        return None if self._index is None else self._index.applied_seq()

    # --- who may see what (chancery.access) ------------------------------------------------
    # Every reading method takes ``reader``: None reads everything (the command line, run by
    # whoever holds the archive's folder); a Reader sees only what access allows it.

    def _in_store(self, reader: Reader | None) -> Visible:
        if reader is None or reader.sees_everything or not self.store.has_hidden():
            return None
        return reader.store_condition(schema.documents)

    def _in_index(self, reader: Reader | None) -> Query | None:
        if reader is None or reader.sees_everything or not self.store.has_hidden():
            return None
        return reader.index_query(self.index.index.schema)

    def may_see(self, document_id: str, reader: Reader | None) -> bool:
        return self.store.count_of(document_id, self._in_store(reader)) > 0

    def search(self, text: str, limit: int = 20, offset: int = 0, sort: str = "relevance",
               facets: bool | Iterable[str] = False, facet_size: int = 20,
               reader: Reader | None = None) -> Results:
        """Documents matching a query (docs/search.md), best (or, sorted by date, oldest)
        first, once the index has caught up with the store; ``facets``: True for every
        facet, or the names of those wanted. Hits carry scores only for a reader who sees
        every document (BM25 counts every document: chancery.search.statistics)."""
        if facets is True:
            facets = tuple(FACETS)
        elif facets is False:
            facets = ()
        self._index_current()
        return self.index.search(text, self._resolve, partial(authority.names_used, self.store),
                                 limit, offset, sort, facets, facet_size,
                                 visible=self._in_index(reader),
                                 scores=reader is None or reader.sees_everything)

    def overview(self, facets: Iterable[str], size: int = 20,
                 reader: Reader | None = None) -> Results:
        """Facet counts over the whole archive (what it holds), kept until the next change."""
        self._index_current()
        visible = self._in_index(reader)
        key = (self.index.applied_seq(), tuple(facets), size,
               None if visible is None else (tuple(sorted(reader.roles)), reader.day))
        if key not in self._overview:
            if len(self._overview) > 64:
                self._overview.clear()
            self._overview[key] = self.search("", limit=0, facets=key[1], facet_size=size,
                                              reader=reader)
        return self._overview[key]

    def related(self, document: Document, mentions: Iterable[Mention] | None = None,
                limit: int = 5, reader: Reader | None = None) -> list[Hit]:
        """Documents sharing people, places, organisations or dates with this one (whose
        links, if the caller has them already, need not be read again)."""
        if mentions is None:
            mentions, _ = authority.document_links(self.store, document.id)
        date = int(document.date.start.replace("-", "")) if document.date and \
            document.date.start else 0
        self._index_current()
        return self.index.related(document.id, {mention.entity_id for mention in mentions},
                                  date, limit, self._in_index(reader))

    def correspondence(self, start: str = "", end: str = "", reader: Reader | None = None
                       ) -> list[tuple[str, str, int]]:
        """Who wrote to whom (sender or signatory, to recipient or intermediary), in how many
        documents, between two years or ISO dates (either may be open)."""
        self._index_current()
        period = f"date:{start or '0001'}..{end or '9999'}" if start or end else ""
        return self.index.correspondence(period, self._resolve,
                                         visible=self._in_index(reader))

    def _resolve(self, field: str, value: str) -> list[str] | Resolved:
        """Entity ids for what a reader typed: an id, or a name of the authority; in a
        filter, also a pseudonym within its dates, or a surname alone (else the people it
        could be)."""
        kinds = {"person": ("person",), "place": ("place",), "org": ("org",),
                 "term": ("term",), "from": ("person", "org"), "to": ("person", "org")}.get(
                     field, ("person", "place", "org"))
        if value.split("/", 1)[0] in kinds and value in self.gazetteer().entities:
            return [value]
        if field == "term":
            return [term.id for term in self.gazetteer().terms.get(value.casefold(), [])]
        if field != "name":
            found = self.gazetteer().lookup(value, tuple(EntityKind(kind) for kind in kinds))
            return Resolved(found.ids, found.within, tuple(
                f"{entity.preferred} ({entity.id})" for entity in found.candidates))
        entity = self.gazetteer().resolve(value, ("", ""))
        return [entity.id] if entity is not None and entity.kind.value in kinds else []

    def reindex(self) -> int:
        """Build the search index again from the store; returns how many documents."""
        return self.index.rebuild(self.store)

    def follow_changes(self, poll: float = follow.POLL_SECONDS) -> threading.Event:
        """Keep this node's search index following the store's change log in a thread
        (woken by the store on PostgreSQL, polling too); set the event returned to stop."""
        return follow.start(self.store, self.index, poll)

    def index_lag(self) -> IndexLag:
        """How far this node's search index is behind the store (chancery.search.follow)."""
        return follow.lag(self.store, self.index)

    def shared_session_key(self) -> str:
        """The web sessions' key, when nodes share the store (PostgreSQL); "" otherwise."""
        return users.shared_session_key(self.store)

    def migrate_store(self, to: str, progress: Callable[[str, int], None] | None = None
                      ) -> dict[str, int]:
        """Copy the store whole to PostgreSQL (a URL: this archive then uses it) or to a new
        SQLite archive (a folder), verified by counts and hashes on both sides and the
        target's check (chancery.store.migrate); returns the rows copied by table."""
        copied = store_migration.move(self.store, self.folder, to, progress)
        if (self.folder / SECRET_FILE).exists() and not postgres.is_postgresql(to):
            shutil.copy2(self.folder / SECRET_FILE, Path(to) / SECRET_FILE)  # its sessions
        return copied

    # --- the authority and links -------------------------------------------------------

    def gazetteer(self) -> Gazetteer:
        """The authority's names, ready for linking (built once, rebuilt after changes)."""
        if self._gazetteer is None:
            self._gazetteer = Gazetteer(authority.all_entities(self.store))
        return self._gazetteer

    def load_authority(self, path: str | Path = STARTER_AUTHORITY,
                       relink: bool = True) -> LoadReport:
        """Load or update an authority file (all or nothing), then link every document again;
        YAML as people write it, or JSON Lines (.jsonl.gz) as the shipped authority is."""
        source = Path(path)
        try:
            data = source.read_bytes()
        except OSError as error:
            raise InputError(f"cannot read the file: {error.strerror}", source=str(source)) \
                from None
        loaded = authority_jsonl.read(data, str(source)) \
            if source.name.endswith(authority_jsonl.SUFFIXES) \
            else authority_yaml.read(data, str(source), self.settings.max_bytes)
        report = authority.load(self.store, loaded)
        self._gazetteer = None
        # an archive without documents has nothing to link again (`init`): the gazetteer of
        # the shipped authority is not built for nothing
        if relink and (report.added or report.updated) and self.count():
            self.link(ner=self.settings.ner)
        return report

    def entities(self, kind: EntityKind | None = None) -> list[Entity]:
        """Every entity (of a kind) by preferred name; people by surname, as an index of
        persons lists them ("Admiral", "Sir", "Dr." are not sort keys: text/surnames.py)."""
        found = authority.all_entities(self.store, kind)
        return sorted(found, key=surnames.sort_key) if kind is EntityKind.PERSON else found

    def entity(self, entity_id: str) -> Entity:
        return authority.get(self.store, entity_id)

    def entity_descriptions(self, entity_id: str) -> tuple[SourceDescription, ...]:
        """What each source (a volume's list) says of an entity, with the source."""
        return volume_lists.descriptions(self.entity(entity_id))

    def entity_documents(self, entity_id: str) -> list[DocumentRole]:
        """The documents an entity appears in, by role, with the name form used."""
        self.entity(entity_id)
        return list(authority.documents_of(self.store, entity_id))

    def add_name(self, entity_id: str, name: Name, actor: str = "cli") -> Entity:
        entity = authority.add_name(self.store, entity_id, name, actor)
        self._gazetteer = None
        return entity

    def remove_name(self, entity_id: str, name: Name, actor: str = "cli") -> Entity:
        entity = authority.remove_name(self.store, entity_id, name, actor)
        self._gazetteer = None
        return entity

    def merge_entities(self, keep_id: str, gone_id: str, actor: str = "cli") -> Entity:
        entity = authority.merge(self.store, keep_id, gone_id, actor)
        self._gazetteer = None
        return entity

    def links(self, document_id: str, reader: Reader | None = None
              ) -> tuple[list[Mention], list[Proposal]]:
        """The people, places and organisations linked to a document, and the proposals."""
        if not self.may_see(document_id, reader):
            raise NotFoundError(f"no document '{document_id}'",
                                hint="'chancery list' shows the ids")
        return authority.document_links(self.store, document_id)

    def link(self, progress: Callable[[int], None] | None = None, ner: bool = False,
             document_ids: Iterable[str] | None = None) -> int:
        """Link every document (or those of ``document_ids``) again with the current
        authority; returns how many.

        ``ner``: also ask Russian NER for names the authority does not hold (proposals).
        """
        gazetteer = self.gazetteer()
        recognizer = recognizer_for(ner)
        count = 0
        for document in self.store.documents() if document_ids is None else \
                self.store.get_many(document_ids).values():
            mentions, proposals = link(document, gazetteer, recognizer)
            revision = self.store.revision_count(document.id)
            with self.store.writer.begin() as connection:
                authority.replace_links(connection, document.id, mentions, proposals)
                # the index files documents under their entities: it must see this too
                changes.append(connection, document.id, "link", revision, "link")
            count += 1
            if progress:
                progress(1)
        return count

    @property
    def proposals(self) -> ProposalReview:
        """Names the linker proposed, and curators' decisions on them (chancery.proposals)."""
        return ProposalReview(self.store, lambda ids: self.link(ner=self.settings.ner,
                                                                document_ids=ids),
                              self._documents_using, self._authority_changed)

    def _documents_using(self, form: str) -> list[str]:
        """The documents whose text has a name form, as the index finds it written."""
        phrase = form.replace('"', " ").strip()
        found: list[str] = []
        while phrase:
            hits = self.search(f'="{phrase}"', limit=1000, offset=len(found)).hits
            found += [hit.id for hit in hits]
            if len(hits) < 1000:
                break
        return found

    def _authority_changed(self) -> None:
        self._gazetteer = None

    # --- reading -------------------------------------------------------------------------

    def get(self, document_id: str, reader: Reader | None = None) -> Document:
        """The document with this id; NotFoundError if the archive has none (or none the
        reader may see: a hidden document is answered as a missing one)."""
        return self.store.get(document_id, visible=self._in_store(reader))

    def listing(self, reader: Reader | None = None) -> Iterator[Listing]:
        return self.store.listing(self._in_store(reader))

    def recent(self, limit: int = 10, reader: Reader | None = None) -> list[Listing]:
        """The documents added or changed last, newest first."""
        return self.store.recent(limit, self._in_store(reader))

    def documents(self, reader: Reader | None = None) -> Iterator[Document]:
        return self.store.documents(visible=self._in_store(reader))

    def page(self, after: str = "", limit: int = 100, reader: Reader | None = None
             ) -> list[Listing]:
        """Id, date and title of the documents after an id, in id order."""
        return self.store.page(after, limit, self._in_store(reader))

    def ids(self, offset: int = 0, limit: int = 50_000, reader: Reader | None = None
            ) -> list[str]:
        """Document ids in id order, a page at a time."""
        return self.store.ids(offset, limit, self._in_store(reader))

    def current_changes(self, after: int = 0, limit: int = 500, reader: Reader | None = None
                        ) -> tuple[list[Change], int]:
        """Each document's latest write (or deletion) after a point of the change log, and
        the last point read (see Store.current_changes)."""
        return self.store.current_changes(after, limit, self._in_store(reader))

    def first_change_at(self, reader: Reader | None = None) -> str:
        return self.store.first_change_at(self._in_store(reader))

    def latest_change(self, document_id: str, reader: Reader | None = None) -> Change | None:
        """The change that wrote a document's current revision, if it has one."""
        return self.store.latest_change(document_id, self._in_store(reader))

    def get_many(self, document_ids: Iterable[str], reader: Reader | None = None
                 ) -> dict[str, Document]:
        """The documents with these ids that exist, by id."""
        return self.store.get_many(document_ids, self._in_store(reader))

    def count(self, reader: Reader | None = None) -> int:
        return self.store.count(self._in_store(reader))

    # --- curating: every edit is a change with who, when, before and after ------------------

    def set_access(self, document_id: str, access: Access, actor: str = "cli") -> Outcome:
        """Give a document a new access level, as a new revision (the index follows)."""
        return self._curate(document_id, lambda document: replace(document, access=access),
                            actor)

    def edit_metadata(self, document_id: str, edit: MetadataEdit, actor: str,
                      based_on: int | None = None) -> Outcome:
        """Change a document's title, type, summary, date or collections: a new revision.

        ``based_on``: the revision the editor saw; ConflictError if another has been
        written since (an ingest or another editor), so that neither is overwritten unseen.
        """
        return self._curate(document_id, edit.applied_to, actor, based_on)

    def revision(self, document_id: str) -> int:
        """The number of a document's current revision (0: there is none)."""
        return self.store.revision_count(document_id)

    def _curate(self, document_id: str, change: Callable[[Document], Document], actor: str,
                based_on: int | None = None) -> Outcome:
        """A curator's change, made to the document as it is when the change is written (in
        the writing transaction), so that a source read meanwhile is not undone by it."""
        def on_current(connection, _documents: list) -> list:  # noqa: ANN001
            revision, current = readings.current(connection, document_id)
            if based_on is not None and revision != based_on:
                raise ConflictError(f"{document_id} has changed since revision {based_on} "
                                    f"(it is at revision {revision})",
                                    hint="see its history, then make the change again")
            return [encode(change(current))]

        placeholder = encode(self.store.get(document_id))  # NotFoundError if there is none
        return self.store.put_many([placeholder], actor, rebase=on_current)[0]

    def conflicts(self, document_id: str | None = None) -> list[CurationConflict]:
        """Fields a curator changed that a new reading of the source changed too, unsettled:
        the curator's value stands meanwhile (docs/curation.md)."""
        with self.store.engine.connect() as connection:
            return readings.open_conflicts(connection, document_id)

    def settle_conflict(self, document_id: str, field_name: str, take: str,
                        actor: str = "cli") -> None:
        """Settle a conflict: ``take`` "source" gives the field the source's value (a new
        revision), "curator" keeps the curator's (a change that says so)."""
        found = [conflict for conflict in self.conflicts(document_id)
                 if conflict.field == field_name]
        if not found:
            raise NotFoundError(f"{document_id} has no open conflict over {field_name!r}",
                                hint="'chancery conflicts list' shows them")
        if take == "source":
            self.store.put(with_value(self.store.get(document_id), field_name,
                                      found[0].source_value), actor)
        elif take == "curator":
            with self.store.writer.begin() as connection:
                readings.settle(connection, document_id, field_name,
                                self.store.revision_count(document_id), actor)
        else:
            raise InputError(f"take {take!r}?", hint="source or curator")

    def link_rows(self, document_id: str) -> list[dict]:
        """Every link of a document as stored, rejected ones included (for its editors)."""
        self.store.get(document_id)
        return authority.link_rows(self.store, document_id)

    def set_link_state(self, document_id: str, key: tuple, state: int, actor: str) -> int:
        """Confirm (1) or reject (-1) a link, or give it back to the machine (0)."""
        rows = [row for row in self.link_rows(document_id) if authority.link_key(row) == key]
        if not rows:
            raise NotFoundError(f"{document_id} has no such link (any more)")
        return authority.edit_link(self.store, document_id, rows[0],
                                   {**rows[0], "confirmed": state},
                                   self.store.revision_count(document_id), actor)

    def add_link(self, document_id: str, entity_id: str, role: str, actor: str) -> int:
        """Link a document to an entity the linker did not find (to the whole document)."""
        self.store.get(document_id)
        entity = self.entity(entity_id)
        try:
            chosen = Role(role)
        except ValueError:
            raise InputError(f"unknown role {role!r}",
                             hint=", ".join(found.value for found in Role)) from None
        row = {"entity_id": entity.id, "role": chosen.value, "rendition": -1, "block": -1,
               "start": 0, "end": 0, "name": entity.preferred, "method": "curator",
               "confidence": 1.0, "confirmed": CONFIRMED}
        if any(authority.link_key(found) == authority.link_key(row)
               for found in authority.link_rows(self.store, document_id)):
            raise InputError(f"{document_id} is already linked to {entity.id} as {role}")
        return authority.edit_link(self.store, document_id, None, row,
                                   self.store.revision_count(document_id), actor)

    def history(self, subject: str) -> list[HistoryEntry]:
        """The changes to a document or an entity, newest first."""
        return history.of(self.store, subject)

    def change(self, seq: int) -> HistoryEntry:
        return history.entry(self.store, seq)

    def revert(self, seq: int, actor: str) -> None:
        """Undo one change by a new change; ConflictError if what it changed has changed
        again since (revert that first)."""
        entry = history.entry(self.store, seq)
        subject, action = entry.change.document_id, entry.change.action
        if action == "put":
            if entry.change.revision == 1:
                raise InputError(f"change {seq} added {subject}: there is nothing before it")
            before = self.store.get(subject, entry.change.revision - 1)
            after = self.store.get(subject, entry.change.revision)
            current = self.store.get(subject)
            self.store.put(replace(current, **reverted(before, after, current)), actor)
        elif action == "entity" and entry.before is not None and entry.after is not None:
            adapter = authority.ENTITY
            current = self.entity(subject)
            changed = reverted(adapter.validate_python(entry.before),
                               adapter.validate_python(entry.after), current)
            authority.put(self.store, replace(current, **changed), actor)
            self._gazetteer = None
        elif action == "link-edit":
            authority.edit_link(self.store, subject, entry.after, entry.before,
                                self.store.revision_count(subject), actor)
        elif action == pages_store.ACTION and entry.before is not None and entry.after:
            facsimiles = self.facsimiles()
            if pages_store.as_json(facsimiles.pages(subject)) != entry.after["pages"]:
                raise ConflictError(f"the pages of {subject} have changed since change {seq}",
                                    hint="revert the later changes first")
            facsimiles.set_pages(subject, pages_store.from_json(entry.before["pages"]), actor)
        else:
            raise InputError(f"change {seq} ({action}) cannot be undone here",
                             hint="only edits of documents, entities and links can")

    # --- accounts ----------------------------------------------------------------------

    def add_user(self, name: str, roles: tuple[str, ...], password: str) -> User:
        return users.add(self.store, accounts.checked_name(name),
                         accounts.checked_roles(roles), accounts.hash_password(password))

    def user(self, name: str) -> User | None:
        return users.get(self.store, name)

    def users(self) -> list[User]:
        return users.all_users(self.store)

    def change_user(self, name: str, roles: tuple[str, ...] = (), password: str = "") -> User:
        return users.change(self.store, name,
                            accounts.checked_roles(roles) if roles else None,
                            accounts.hash_password(password) if password else None)

    def remove_user(self, name: str) -> None:
        users.remove(self.store, name)

    def authenticate(self, name: str, password: str) -> User | None:
        """The user with this name and password; None otherwise (in the same time either
        way, so that timing does not tell which names exist)."""
        stored = users.password_hash(self.store, name)
        matches = accounts.password_matches(stored or accounts.UNKNOWN_USER_HASH, password)
        return users.get(self.store, name) if matches and stored else None

    def sign_in(self, name: str, password: str, address: str,
                now: float | None = None) -> Session | None:
        """A new session of the user with this name and password; None otherwise.

        The attempt is counted against the client's address and the name before the password
        is checked (TooManyAttempts when either has had ``accounts.ATTEMPTS`` within
        ``accounts.WINDOW``), and a success clears both counts.
        """
        keys = accounts.throttle_keys(name, address)
        wait = throttle.reserve(self.store, keys, accounts.ATTEMPTS, accounts.WINDOW,
                                time.time() if now is None else now)
        if wait:
            raise accounts.too_many_attempts(wait)
        if self.authenticate(name, password) is None:
            return None
        throttle.clear(self.store, keys)
        return users.session(self.store, name)

    def session_user(self, name: str, generation: str) -> User | None:
        """The user a session belongs to, while it is of their current generation."""
        found = users.session(self.store, name)
        if found is None or not generation or \
                not hmac.compare_digest(found.generation.encode(), generation.encode()):
            return None
        return found.user

    def end_sessions(self, name: str) -> None:
        """End every session of this user, wherever it was opened (signing out does)."""
        users.end_sessions(self.store, name)

    def revisions(self, document_id: str) -> list[Document]:
        """Every revision of a document, oldest first."""
        last = self.store.revision_count(document_id)
        return [self.store.get(document_id, number) for number in range(1, last + 1)]

    def check(self) -> list[str]:
        """Integrity problems of the archive (the store, then the search index against it);
        an empty list when all is well."""
        return self.store.check() + self._check_index()

    def _check_index(self) -> list[str]:
        with self.store.engine.connect() as connection:
            last = changes.last_seq(connection)
        applied = self.index.applied_seq()
        if applied > last:
            return [f"the search index holds changes up to {applied}, the store only up to "
                    f"{last} (was an older store put back?): run 'chancery reindex'"]
        self.index.catch_up(self.store, wait=WAIT_FOR_INDEX)  # as any use of the index does
        stored = set(self.store.ids(limit=10**12))
        indexed = self.index.ids()
        problems = []
        for missing, where in ((stored - indexed, "missing from the search index"),
                               (indexed - stored, "in the search index but not the store")):
            if missing:
                shown = ", ".join(sorted(missing)[:5])
                problems.append(f"{len(missing)} documents {where}: {shown}"
                                + (" ..." if len(missing) > 5 else "")
                                + " (run 'chancery reindex')")
        return problems

    # --- backups -------------------------------------------------------------------------

    def backup(self, target: str | Path) -> backup.Manifest:
        """A consistent copy of the store (documents, history, authority, accounts) in a new
        folder, taken while the archive is in use; and the authority as JSON Lines."""
        folder = Path(target)
        if self.store.dialect == "postgresql":
            raise StoreError(f"the store is in PostgreSQL ({self.store.url}): back it up "
                             "with PostgreSQL's own tools, not by copying a file",
                             hint="pg_dump --format=custom --file=chancery.dump URL, and "
                                  "pg_restore --dbname=URL chancery.dump (docs/scaling.md)")
        manifest = backup.back_up(self.folder / DATABASE_NAME, folder,
                                  (self.folder / SECRET_FILE,))
        with open(folder / "authority.jsonl", "wb") as file:
            for entity in self.entities():
                file.write(authority.ENTITY.dump_json(entity) + b"\n")
        return manifest

    @classmethod
    def restore(cls, source: str | Path, folder: str | Path) -> backup.Manifest:
        """Put a backup in place of the archive in ``folder`` (which must not be in use);
        the search index is rebuilt from it."""
        path, origin = Path(folder), Path(source)
        manifest = backup.restore(origin, path / DATABASE_NAME)
        if (origin / SECRET_FILE).exists():
            shutil.copy2(origin / SECRET_FILE, path / SECRET_FILE)
        shutil.rmtree(path / INDEX_FOLDER, ignore_errors=True)
        with cls.open(path) as archive:
            archive.reindex()
        return manifest
