"""The nouns of the archive: immutable dataclasses, no behaviour beyond small derived views.

A document keeps everything an edition gives a reader. Texts are stored as *blocks* of plain
text with *marks* standing off it by character offsets, so that a reading view (what was
finally sent) and a diplomatic view (every deletion, insertion and folio) are both derived from
the same data and nothing in the source is thrown away.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum, StrEnum


class BlockKind(StrEnum):
    PARAGRAPH = "paragraph"
    HEADING = "heading"
    ITEM = "item"  # a numbered point: "1. I have received the letter"
    SALUTATION = "salutation"
    ADDRESS = "address"  # "ОСОБЫЙ РАЙОН КИТАЯ - АНДРЕЕВУ", "To Cdes. Shtykov and Vasil'yev"
    DATELINE = "dateline"
    SIGNATURE = "signature"
    FOLIO = "folio"  # a leaf or page number standing alone: a page break
    STAMP = "stamp"  # printed or stamped markings: classification, copy number, cable number
    HANDLING = "handling"  # handling instructions, distribution, certification
    NOTE = "note"  # footnotes and archival notes ("(см. сл. лист)")
    MARGINAL = "marginal"  # text written beside or across the main text
    UNPARSED = "unparsed"  # kept verbatim because the reader did not understand it
    PAGE = "page"  # a printed page break of an edition ("p. 167"), not a leaf of a manuscript
    QUOTE = "quote"  # a passage the document quotes, set apart
    TABLE = "table"  # rows of cells: rows split by "\n", cells by "\t"; marks span the whole
    FIGURE = "figure"  # an image or other figure, by its caption; ``n``: the image's file


class MarkKind(StrEnum):
    DELETED = "deleted"  # ~~struck through~~
    ADDED = "added"  # *handwritten addition* in a transcription
    ITALIC = "italic"  # *italic* in a translation or note
    EMPHASIS = "emphasis"  # **bold**
    UNDERLINE = "underline"  # <u>underlined</u>
    SUPERSCRIPT = "superscript"  # <sup>insertion above the line</sup>
    FOOTNOTE_REF = "footnote_ref"  # <sup>[1]</sup>
    EXPANSION = "expansion"  # Com[rade], CC [Central Committee]
    IDENTIFICATION = "identification"  # Filippov [Stalin]
    SUPPLIED = "supplied"  # words the editor supplied: [and], [To]
    ORIGINAL_TERM = "original_term"  # [*zayavku*]: the original-language word
    TRANSLATOR_NOTE = "translator_note"  # [trans. note--...]
    REFERENCE = "reference"  # an editor's tagging of a name; value: the identifier it points to
    EDITORIAL = "editorial"  # [signed], [...]: the editor's remark on the source
    CHECK = "check"  # ✓
    UNCLEAR = "unclear"  # [illegible], [?]
    SMALLCAPS = "smallcaps"  # SECRET set in small capitals
    SUBSCRIPT = "subscript"
    LINK = "link"  # a cross-reference; value: the document id ("frus:frus1955-57v02/d12") or URL


_MARK_KINDS = {kind: index for index, kind in enumerate(MarkKind)}


class RenditionKind(StrEnum):
    TRANSLATION = "translation"
    TRANSCRIPTION = "transcription"
    SUMMARY = "summary"
    OCR = "ocr"


class AccessLevel(StrEnum):
    PUBLIC = "public"
    RESTRICTED = "restricted"
    EMBARGOED = "embargoed"


@dataclass(frozen=True, slots=True)
class Mark:
    """An inline mark over ``text[start:end]`` of its block; ``value`` carries what it says."""

    kind: MarkKind
    start: int
    end: int
    value: str = ""


@dataclass(frozen=True, slots=True)
class Block:
    """One block of a rendition. ``text`` is diplomatic: it keeps deleted words and brackets."""

    kind: BlockKind
    text: str
    marks: tuple[Mark, ...] = ()
    n: str = ""  # folio, point or footnote number
    lang: str = ""  # the language of this block (ISO 639-1), "" when it has no words

    def __post_init__(self) -> None:
        # one canonical order, so that every reader of the same text makes equal blocks
        if len(self.marks) > 1:
            object.__setattr__(self, "marks", tuple(sorted(self.marks, key=_mark_order)))


def _mark_order(mark: Mark) -> tuple[int, int, int, str]:
    return mark.start, -mark.end, _MARK_KINDS[mark.kind], mark.value


@dataclass(frozen=True, slots=True)
class Witness:
    """The physical copy a transcription follows ("cipher telegram, ll. 57-58")."""

    siglum: str
    description: str
    folios: str = ""


@dataclass(frozen=True, slots=True)
class Rendition:
    """One text of a document: a translation, or the transcription of one witness."""

    kind: RenditionKind
    language: str
    blocks: tuple[Block, ...]
    label: str = ""  # as the source names it: "Translation - English"
    translator: str = ""
    witness: Witness | None = None
    # machine-read (kind OCR): the mean confidence of its words, 0-100; None: read by people
    confidence: float | None = None


@dataclass(frozen=True, slots=True)
class PageImage:
    """One page image of a document, in the document's order: the image file is kept once
    by its content's SHA-256, whatever documents show it."""

    sha256: str
    media_type: str  # image/jpeg, image/png, image/tiff
    width: int
    height: int
    label: str = ""  # the leaf or page it shows, as the text names it: "f. 57", "p. 167"
    source: str = ""  # the file it came from, and its page there: "scan.pdf#3"


@dataclass(frozen=True, slots=True)
class OcrWord:
    """A word Tesseract read, with its box on the page (pixels) and confidence (0-100)."""

    text: str
    x: int
    y: int
    width: int
    height: int
    confidence: float
    line: int  # the number of its line on the page, from 0, in reading order


@dataclass(frozen=True, slots=True)
class PageText:
    """What OCR read on one page image: its words in reading order and their text."""

    sha256: str  # the page image's
    languages: str  # as Tesseract was asked: "rus+eng"
    engine: str  # "tesseract 5.3.0"
    confidence: float  # mean word confidence, 0-100
    words: tuple[OcrWord, ...]

    @property
    def lines(self) -> list[str]:
        found: dict[int, list[str]] = {}
        for word in self.words:
            found.setdefault(word.line, []).append(word.text)
        return [" ".join(words) for _, words in sorted(found.items())]


@dataclass(frozen=True, slots=True)
class HistoricalDate:
    """A date as printed, with the interval it covers and its precision."""

    text: str
    start: str  # ISO 8601 first day covered
    end: str  # ISO 8601 last day covered
    precision: str  # "day", "month", "year" or "range"
    approximate: bool = False

    @property
    def iso(self) -> str:
        """The date in ISO 8601 / EDTF form at its own precision ("1948-04", "1948~")."""
        if self.precision == "range":
            value = f"{self.start}/{self.end}"
        else:
            value = self.start[: {"day": 10, "month": 7, "year": 4}[self.precision]]
        return value + ("~" if self.approximate else "")


@dataclass(frozen=True, slots=True)
class ArchivalReference:
    """Repository / fond / opis / delo / box / folios, plus the string as printed.

    The parts are named after the Russian archives; other archives' units map onto them
    (zespół, Bestand -> fond; sorozat -> opis; ő. e., dosar, a.e., ar. j., teczka, Signatur ->
    delo); box is the container a file sits in (papka, doboz, karton, busta, svazek).
    """

    raw: str
    repository: str
    repository_name: str = ""
    fond: str = ""
    opis: str = ""
    delo: str = ""
    folios: str = ""
    folio_ranges: tuple[tuple[int, int], ...] = ()
    box: str = ""


@dataclass(frozen=True, slots=True)
class Publication:
    """Where the text also appeared; ``relation`` says how the citation names it."""

    raw: str
    relation: str  # "also published in", "archival citation after", "published in"
    title: str = ""
    pages: str = ""


@dataclass(frozen=True, slots=True)
class Party:
    """A sender or recipient as the title names them: "Filippov [Stalin]"."""

    text: str
    name: str
    identified_as: str = ""


@dataclass(frozen=True, slots=True)
class TranslationCredit:
    """Who translated the document, for whom and from which language."""

    translator: str
    translated_for: str = ""
    from_language: str = ""


@dataclass(frozen=True, slots=True)
class CableFact:
    """A piece of cable metadata, pointing at the block it was read from."""

    kind: str  # classification, copy, cipher_number, channel, addressee, distribution, ...
    text: str  # as printed
    value: str  # normalised: "top secret", "0862-0864", "1"
    rendition: int = -1
    block: int = -1


@dataclass(frozen=True, slots=True)
class Access:
    level: AccessLevel = AccessLevel.PUBLIC
    until: str = ""  # ISO date an embargo lifts
    roles: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Section:
    """A section of a record the reader keeps verbatim (unknown headings, lists of tags)."""

    heading: str
    text: str


@dataclass(frozen=True, slots=True)
class SourceFile:
    """The verbatim source a document was read from: the whole file, or, for a document
    that is one part of a bigger file (a FRUS volume), its own fragment of it, with the
    file it was cut from named by ``container`` (that file's SHA-256, kept once)."""

    format: str
    name: str
    sha256: str  # of ``text``
    text: str
    container: str = ""  # the SHA-256 of the whole file a fragment was cut from; "" if whole


# --- editions: volumes of a series (FRUS) ---------------------------------------------------

@dataclass(frozen=True, slots=True)
class Chapter:
    """A chapter of a volume, as printed: its heading, its documents in order (ids), and its
    sub-chapters."""

    id: str  # the volume's own id for it ("ch1"), or its position ("1.2")
    title: str
    documents: tuple[str, ...] = ()
    chapters: tuple[Chapter, ...] = ()


@dataclass(frozen=True, slots=True)
class SourceDescription:
    """What one source says of a person: a volume's list ("Soviet Foreign Minister")."""

    source: str  # the source's id for its entry: "frus1969-76v20#p_GAA1"
    volume: str  # the volume it is of: "frus1969-76v20"; "" for a source of another kind
    text: str


@dataclass(frozen=True, slots=True)
class ListEntry:
    """A person or term as a volume's list describes them ("Abrams, Creighton W., Jr.,
    General, USA; Commander, U.S. Military Assistance Command, Vietnam")."""

    key: str  # the volume's xml:id: "p_ACW1"
    text: str  # as listed: "Abrams, Creighton W., Jr."
    description: str  # what follows it in the list
    entity_id: str = ""  # the authority's entity it was matched to or made as


@dataclass(frozen=True, slots=True)
class NumberedDocument:
    """A document as its volume's table of contents lists it: its id and printed number."""

    id: str
    number: str = ""  # as printed (``div/@n``): "72A"


@dataclass(frozen=True, slots=True)
class Volume:
    """A volume of an edition (a FRUS volume), with its publication data and structure."""

    id: str  # "frus1969-76v19p1"
    title: str  # the complete title as printed
    series: str = ""  # "Foreign Relations of the United States"
    period: str = ""  # "1969-1976": the sub-series' years, as the series names them
    number: str = ""  # "XIX" (roman, as printed)
    part: str = ""  # "1"
    subtitle: str = ""  # "Korea, 1969-1972"
    editors: tuple[str, ...] = ()  # the volume's own editors (``editor/@role`` not "general")
    publisher: str = ""
    place: str = ""
    year: str = ""  # of publication
    general_editor: str = ""  # the series' general editor, whom citations leave out
    chapters: tuple[Chapter, ...] = ()
    persons: tuple[ListEntry, ...] = ()
    terms: tuple[ListEntry, ...] = ()
    source_sha256: str = ""  # the whole file, kept once in the store
    documents: tuple[NumberedDocument, ...] = ()  # every document, in the volume's order


@dataclass(frozen=True, slots=True)
class VolumeListing:
    """A volume as a list of volumes shows it."""

    id: str
    title: str
    documents: int  # how many


@dataclass(frozen=True, slots=True)
class PlaceInVolume:
    """Where a document stands in its volume: number, chapter, neighbours, first page."""

    volume: str  # the Volume's id
    number: str = ""  # as printed (``div/@n``): "8"
    chapters: tuple[str, ...] = ()  # chapter titles from the top down (the breadcrumb)
    chapter_ids: tuple[str, ...] = ()  # the same chapters' ids
    previous: str = ""  # the document id before it in the volume, "" for the first
    next: str = ""  # the document id after it, "" for the last
    page: str = ""  # the printed page it starts on ("167")


@dataclass(frozen=True, slots=True)
class Document:
    id: str
    title: str
    date: HistoricalDate | None
    document_type: str = ""
    senders: tuple[Party, ...] = ()
    recipients: tuple[Party, ...] = ()
    subject: str = ""
    summary: str = ""
    original_languages: tuple[str, ...] = ()
    citation: str = ""
    permalink: str = ""
    archival_references: tuple[ArchivalReference, ...] = ()
    publications: tuple[Publication, ...] = ()
    translators: tuple[TranslationCredit, ...] = ()
    provenance: str = ""
    credits: str = ""  # acknowledgements: "made possible with support from ..."
    rights: str = ""
    contents: tuple[str, ...] = ()
    collections: tuple[str, ...] = ()
    access: Access = Access()
    renditions: tuple[Rendition, ...] = ()
    cable: tuple[CableFact, ...] = ()
    sections: tuple[Section, ...] = ()
    source: SourceFile | None = None
    in_volume: PlaceInVolume | None = None  # for a document of an edition's volume (FRUS)


@dataclass(frozen=True, slots=True)
class CurationConflict:
    """A field a curator changed that the source changed too, as a reading found it: the
    curator's value stands until a curator settles it (docs/curation.md)."""

    document_id: str
    field: str
    source_value: object  # what the source now says, as JSON
    curated_value: object  # what readers see, as a curator left it, as JSON
    seq: int  # the change that read the source


# --- people, places and organisations ----------------------------------------------------------

class EntityKind(StrEnum):
    PERSON = "person"
    PLACE = "place"
    ORG = "org"
    TERM = "term"  # an abbreviation or term of a volume's glossary, linked where editors tag it


class NameKind(StrEnum):
    PREFERRED = "preferred"
    VARIANT = "variant"  # a surname alone, a short form
    PSEUDONYM = "pseudonym"  # nom de guerre, cover name: known only from the authority file
    TRANSLITERATION = "transliteration"  # with its system: pinyin, wade-giles, palladius...
    FORMER = "former"  # Beiping for Beijing
    EXONYM = "exonym"  # Пекин, Peking
    ABBREVIATION = "abbreviation"  # CCP CC


@dataclass(frozen=True, slots=True)
class Name:
    """One name of an entity, with where it comes from and when it was valid."""

    text: str
    kind: NameKind = NameKind.VARIANT
    lang: str = ""
    system: str = ""
    valid_from: str = ""  # ISO date (or year / month) the name came into use
    valid_to: str = ""
    source: str = ""
    note: str = ""


@dataclass(frozen=True, slots=True)
class Entity:
    """A person, place or organisation of the authority file."""

    id: str  # "person/stalin"
    kind: EntityKind
    names: tuple[Name, ...]
    description: str = ""
    born: str = ""
    died: str = ""
    coordinates: tuple[float, float] | None = None  # latitude, longitude
    coordinates_source: str = ""
    wikidata: str = ""
    identifiers: tuple[str, ...] = ()  # in other authorities: "frus:frus1955-57v03#p_DJF1"

    @property
    def preferred(self) -> str:
        """The English preferred name, else the first name."""
        for name in self.names:
            if name.kind is NameKind.PREFERRED and name.lang in ("en", ""):
                return name.text
        return self.names[0].text if self.names else self.id


class Role(StrEnum):
    SENDER = "sender"
    RECIPIENT = "recipient"
    INTERMEDIARY = "intermediary"
    SIGNATORY = "signatory"
    MENTIONED = "mentioned"


@dataclass(frozen=True, slots=True)
class Mention:
    """A link between a span of a document and an entity, with the name form used there.

    ``rendition`` is -1 for the title. ``method`` says how the link was made: "authority"
    (a name of the authority file), "key" (the same name in another spelling),
    "identification" (the editor's bracket: Filippov [Stalin]), "surname" (a surname alone
    that one person of the authority has), "heading" (a party of the title, by what its words
    in the heading were linked to) or "curator".
    """

    entity_id: str
    role: Role
    rendition: int
    block: int
    start: int
    end: int
    name: str
    method: str
    confidence: float = 1.0
    confirmed: bool = False


@dataclass(frozen=True, slots=True)
class Proposal:
    """A name the machine found but could not link: for a curator to decide."""

    text: str
    kind: EntityKind
    rendition: int
    block: int
    start: int
    end: int
    method: str  # why it is a name: "ner", "title", "initials", "run", "unknown word", ...
    suggested: str = ""  # the entity its name key (or surname) points to, "" for none


@dataclass(frozen=True, slots=True)
class ProposedName:
    """A name form the linker proposed, over every document it was proposed in: what a
    curator accepts (as a new entity, or as a name of an existing one) or rejects once."""

    text: str
    kind: EntityKind
    documents: int  # how many documents propose it
    occurrences: int
    suggested: str  # the entity its key or surname points to, "" for none
    method: str  # why it was taken for a name (one of the occurrences')
    example: str  # a document that proposes it


@dataclass(frozen=True, slots=True)
class User:
    """Someone with an account: a name and the roles access is granted to."""

    name: str
    roles: frozenset[str]


@dataclass(frozen=True, slots=True)
class Session:
    """A user signed in, and the generation of their sessions a cookie must carry: a new
    generation (at logout, or when their password or roles change) ends every older cookie."""

    user: User
    generation: str


# --- what the faces show: search, history, links ---------------------------------------------

@dataclass(frozen=True, slots=True)
class Listing:
    """A document as a list shows it, without reading it: id, title and its date as the first
    and last day it covers (ISO; equal for a day, a month's first and last for a month), so
    that the list writes the date at its precision."""

    id: str
    date: str  # the first day covered, "" if undated
    title: str
    changed: str = ""  # when its current revision was written (ISO 8601, UTC), where known
    date_end: str = ""  # the last day covered


@dataclass(frozen=True, slots=True)
class Snippet:
    """A fragment of a rendition with the hits in it, as character offsets."""

    lang: str
    text: str
    highlights: tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class FacetValue:
    """One value of a facet and how many documents have it."""

    value: str
    count: int


@dataclass(frozen=True, slots=True)
class Change:
    """One write of the change log."""

    seq: int
    document_id: str
    action: str  # "put", "delete", "link" (its entity links were made again), "settle", ...
    revision: int
    at: str
    actor: str


@dataclass(frozen=True, slots=True)
class ArchiveState:
    """What every page depends on: the change log's last point, and the embargoes lifted by
    ``day`` and lifting next (access changes at midnight without a change in the log)."""

    seq: int
    changed_at: str  # when change ``seq`` was written (ISO, UTC); "" for an empty log
    day: str  # the day access is judged on (ISO)
    last_lift: str  # the latest embargo date on or before ``day``; "" for none
    next_lift: str  # the first embargo date after ``day``; "" for none


@dataclass(frozen=True, slots=True)
class IndexLag:
    """How far a node's search index is behind the store's change log (/healthz)."""

    applied: int  # the last change the index holds
    last: int  # the last change the store holds
    seconds: float  # how long the oldest change not applied has waited; 0 if none

    @property
    def changes(self) -> int:
        return max(0, self.last - self.applied)


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """One change to a document or an entity, with what it changed where it is kept."""

    change: Change
    before: dict | None = None  # None: there was none (or the revisions say it)
    after: dict | None = None

    @property
    def seq(self) -> int:
        return self.change.seq


class LinkState(IntEnum):
    """Whose word a link between a document and an entity stands on."""

    REJECTED = -1  # a curator rejected it: the linker does not make it again
    MACHINE = 0  # the linker made it
    CONFIRMED = 1  # a curator confirmed (or added) it


@dataclass
class IngestReport:
    """What an ingest did: counts by outcome, and each failure with its message."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # files in folders of no known format
    # slips read past (a repeated xml:id, a document without a heading): file, "file:line: ..."
    warnings: list[tuple[str, str]] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return len(self.failures)

    def count(self, outcome: str) -> None:
        """One more document of this outcome: added, updated or unchanged."""
        setattr(self, str(outcome), getattr(self, str(outcome)) + 1)
