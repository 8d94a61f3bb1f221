"""TEI P5 in: FRUS volumes (every ``div[@type='document']`` a document) and single TEI texts.

Each document's text becomes the model's blocks and stand-off marks (``tei_blocks``: every
element the FRUS volumes use has a rendering; an unknown one keeps its text, never its
markup); its date and place (``frus_dates``), sender and recipient (``frus_parties``) and
archival reference and classification (``frus_notes``) are read wherever the editors put them.

A FRUS volume is read as a stream (``VolumeReading``): each document is built, yielded and
let go in turn, with its own TEI fragment as its source and its place in the volume, and the
volume itself (publication data, chapters, lists of persons and terms) comes last.

XML is untrusted: no DTD, no entity expansion, no network (billion laughs and external
entities are refused by the parser), and errors name the file and line.
"""

from __future__ import annotations

import hashlib
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from lxml import etree

from chancery.errors import InputError
from chancery.formats import (frus_dates, frus_notes, frus_parties, frus_persons, ids,
                              tei_chancery)
from chancery.formats.source import DEFAULT_MAX_BYTES, decode, source_file
from chancery.formats.tei_blocks import Walker
from chancery.text.titles.vocabulary import KINDS
from chancery.model import (BlockKind, Chapter, Document, Entity, EntityKind, HistoricalDate,
                            ListEntry, Name, NameKind, NumberedDocument, PlaceInVolume,
                            Publication, Rendition, RenditionKind, SourceFile, Volume)

FORMAT = "tei"
VERSION = 11  # 2: each document its own fragment and place in its volume; 3: every element
# rendered, dates, notes and parties wherever they stand; 4: a volume's general editor apart;
# 5: dates by the neighbouring document's year and the source note, pointers checked
# 6: a note after a block is its footnote; a page break inside a name follows the name;
# a figure's caption keeps its names and notes; 7: an undated document is placed between its
# dated neighbours in its chapter (approximate), as the Office of the Historian dates them;
# 8: an untyped note numbered 0 is the source note (1961-63v22); 9: a heading's kind is its
# words before a number or a date ("special national intelligence estimate", not "special");
# 10: a source note in brackets or with "Source;" gives its repository ("Johnson Library");
# 11: such a kind ends in a kind's word ("U.S. Policy Toward Cuba" is "u.s." as before 9)
SUFFIXES = (".xml", ".tei")
TEI = "http://www.tei-c.org/ns/1.0"
FRUS = "http://history.state.gov/frus/ns/1.0"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
_NS = {"t": TEI}

_PARSE_OPTIONS = {"resolve_entities": False, "no_network": True, "load_dtd": False,
                  "dtd_validation": False, "huge_tree": False, "remove_comments": True,
                  "remove_pis": True}
_PARSER = etree.XMLParser(**_PARSE_OPTIONS)


def sniff(name: str, head: str) -> bool:
    """Whether a file looks like TEI."""
    return "http://www.tei-c.org/ns/1.0" in head[:2000]


def parse_xml(data: bytes, name: str, max_bytes: int = DEFAULT_MAX_BYTES) -> etree._Element:
    """The root of an XML file, parsed safely; InputError with the line if it is broken."""
    _checked(data, name, max_bytes)
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as error:
        raise InputError(f"malformed XML: {error.msg}", source=name,
                         line=error.lineno) from None
    if root.tag != f"{{{TEI}}}TEI":
        raise InputError(f"the root element is <{etree.QName(root).localname}>, not TEI's "
                         "<TEI>", source=name, line=root.sourceline)
    return root


def _checked(data: bytes, name: str, max_bytes: int) -> str:
    """The file's text, once its size, NUL bytes and UTF-8 are checked and it is known to
    declare no DOCTYPE or entity; InputError with the line at fault otherwise."""
    decoded = decode(data, name, max_bytes)
    if b"<!ENTITY" in data or b"<!DOCTYPE" in data:
        line = data.count(b"\n", 0, max(data.find(b"<!ENTITY"), data.find(b"<!DOCTYPE"))) + 1
        raise InputError("a DOCTYPE or entity declaration: refused (entity expansion "
                         "attacks, external entities)", source=name, line=line)
    return decoded


def read(data: bytes, name: str, max_bytes: int = DEFAULT_MAX_BYTES
         ) -> Iterator[Document | InputError]:
    """Every document of a TEI file: each ``div[@type='document']`` of a FRUS volume, or
    the file's one text; a file Chancery wrote comes back as the document it was."""
    yield from read_volume(data, name, max_bytes).documents()


def read_volume(data: bytes, name: str, max_bytes: int = DEFAULT_MAX_BYTES) -> VolumeReading:
    """A TEI file to be read as a stream: its documents one by one, then its volume."""
    return VolumeReading(data, name, max_bytes)


_DIV, _PB, _HEADER = f"{{{TEI}}}div", f"{{{TEI}}}pb", f"{{{TEI}}}teiHeader"
_XML_IDS = re.compile(rb"""\bxml:id\s*=\s*["']([^"']+)["']""")


@dataclass
class _Frame:
    """A ``div`` being read: a document, a part of one, or a chapter (any other div)."""

    element: etree._Element
    kind: str  # "document", "part" (a div inside a document), "chapter"
    id: str = ""
    page: str = ""  # the last page break before it began
    children: int = 0  # chapters begun inside it so far (for the ids of those without one)
    title: str | None = None  # its head's text, read once it is needed
    last_date: HistoricalDate | None = None  # of the last dated document read in it
    documents: list[str] = field(default_factory=list)
    chapters: list[Chapter] = field(default_factory=list)

    def heading(self) -> str:
        if self.title is None:
            head = self.element.find("t:head", _NS)
            self.title = _text_without_notes(head) if head is not None else ""
        return self.title


class VolumeReading:
    """A TEI file read as a stream (lxml ``iterparse``), so that memory stays bounded
    whatever the volume's size.

    ``documents()`` yields each document of a FRUS volume as soon as the next one is met
    (that is when its ``next`` is known), with its place in the volume (number, chapters,
    previous, next, first page) and its own TEI fragment as its source; what has been read
    is let go as it goes. Once ``documents()`` has run to its end, ``volume`` holds the
    volume (publication data, chapters, lists of persons and terms, the documents in order);
    it stays None for a TEI file that is not a volume (one text, or a file Chancery wrote),
    which is read whole. ``source`` is the whole file, which documents' fragments name as
    their ``container``.

    The publisher's slips do not lose a volume: a repeated ``xml:id`` is read past (and
    listed in ``slips``), and a document without a heading is an InputError of its own while
    the others go in. Broken XML ends the reading where it breaks: the documents before it
    are kept, then an InputError names the line (raised if there were none).
    """

    def __init__(self, data: bytes, name: str, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        decoded = _checked(data, name, max_bytes)
        self.data, self.name = data, name
        self.source = source_file(data, name, FORMAT, decoded)
        self.volume: Volume | None = None
        self.slips: list[str] = []
        self.breaks_at, self.break_message = 0, ""  # the first line the XML is broken on
        self._seen = 0  # entries of the parser's log already read
        self._pointers: list[tuple[str, int, str]] = []  # (id, line, attribute) to check

    def documents(self) -> Iterator[Document | InputError]:
        return frus_dates.between_neighbours(self._documents())

    def _documents(self) -> Iterator[Document | InputError]:
        context = etree.iterparse(io.BytesIO(self.data), events=("start", "end"),
                                  tag=(_DIV, _PB, _HEADER), recover=True, **_PARSE_OPTIONS)
        frames: list[_Frame] = []
        top: list[Chapter] = []
        order: list[NumberedDocument] = []
        lists: dict[str, tuple[ListEntry, ...]] = {}
        header: _Volume | None = None
        page = ""
        chancery = met = False  # met: a document div has been met
        pending: Document | None = None  # sound, yielded once the next one is
        candidate: tuple[Document, int] | None = None  # read last, and the line it starts on
        for event, element in context:
            self._logged(context)
            if event == "start":
                if candidate is not None:  # it has ended before this element: was it sound?
                    if self._broken_within(candidate[1], element.sourceline):
                        candidate = None
                        break
                    if pending is not None:
                        yield _placed(pending, next=candidate[0].id)
                    pending = candidate[0] if pending is None else \
                        _placed(candidate[0], previous=pending.id)
                    candidate = None
                if self.breaks_at and element.sourceline > self.breaks_at:
                    break  # the parser's recovery may have misread all from here on
            if element.tag == _HEADER:
                if event == "end":
                    root = self._root(element.getroottree().getroot())
                    chancery = tei_chancery.is_chancery_tei(root)
                    header = _Volume.of(root, self.name)
                continue
            if element.tag == _PB:
                if event == "start":
                    page = element.get("n", page)
                continue
            if chancery:
                continue
            if event == "start":
                frames.append(self._frame(element, frames, page))
                continue
            frame = frames.pop()
            if frame.kind == "part":
                continue
            if frame.kind == "chapter":
                self._end_chapter(frame, frames, top, lists, header, met)
                continue
            if header is None:
                header = _Volume.of(self._root(element.getroottree().getroot()), self.name)
            met, number, line = True, element.get("n", ""), element.sourceline
            document = self._document(element, frame, frames, header)
            element.clear(keep_tail=True)
            if isinstance(document, InputError):
                yield document
                continue
            order.append(NumberedDocument(document.id, number))
            if frames:
                frames[-1].documents.append(document.id)
            candidate = (document, line)
        self._logged(context)
        if candidate is not None and not self._broken_within(candidate[1], None):
            if pending is not None:
                yield _placed(pending, next=candidate[0].id)
            pending = candidate[0] if pending is None else \
                _placed(candidate[0], previous=pending.id)
        if self.breaks_at:
            broken = InputError(f"malformed XML: {self.break_message}", source=self.name,
                                line=self.breaks_at)
            if pending is not None:
                yield pending
            if met:
                yield broken
                return
            raise broken
        if pending is not None:
            yield pending
        root = self._root(context.root)
        if not met:
            volume = header or _Volume.of(root, self.name)
            yield tei_chancery.read(root, self.source) if chancery else \
                _single_text(root, volume, self.source)
            return
        assert header is not None
        self.volume = _publication(root, header, self.source.sha256, tuple(top),
                                   lists, tuple(order))
        self._dangling()

    def _dangling(self) -> None:
        """A slip for each pointer to an id the file does not have (checked once the whole
        file is read: a pointer may name an id further on). The ids are found in the bytes,
        as the documents' elements have been let go."""
        ids = {found.decode() for found in _XML_IDS.findall(self.data)}
        self.slips += [f"{self.name}:{line}: {attribute} points to #{identifier}, which this "
                       "file does not have: read past (its text is kept"
                       + ("; not a link)" if attribute.startswith("ref/")
                          else "; the name is linked by its letters alone)")
                       for identifier, line, attribute in self._pointers
                       if identifier not in ids]
        self._pointers = []

    def _root(self, root: etree._Element | None) -> etree._Element:
        if root is None or root.tag != f"{{{TEI}}}TEI":
            local = etree.QName(root).localname if root is not None else "?"
            raise InputError(f"the root element is <{local}>, not TEI's <TEI>",
                             source=self.name, line=root.sourceline if root is not None else 1)
        return root

    def _broken_within(self, start: int, end: int | None) -> bool:
        """Whether the XML breaks between two lines (``end`` None: the end of the file)."""
        return bool(self.breaks_at) and start <= self.breaks_at and (
            end is None or self.breaks_at < end)

    def _logged(self, context: etree.iterparse) -> None:
        """Read the parser's new complaints: a repeated xml:id is a slip, read past; anything
        else breaks the XML, and the reading ends at the first such line. The parser reads
        ahead of the elements handed over, so a complaint may come before its line does."""
        log = context.error_log
        if len(log) == self._seen:
            return
        for entry in list(log)[self._seen:]:
            if entry.type_name == "DTD_ID_REDEFINED":
                self.slips.append(f"{self.name}:{entry.line}: {entry.message} (read past)")
            elif entry.level >= etree.ErrorLevels.ERROR and not self.breaks_at:
                self.breaks_at, self.break_message = entry.line or 1, entry.message
        self._seen = len(log)

    @staticmethod
    def _frame(element: etree._Element, frames: list[_Frame], page: str) -> _Frame:
        # A volume's documents: its numbered documents, and the sections FRUS marks as
        # historical documents (a President's message in the front matter; the papers of
        # some 19th-century volumes), each once: a document inside another is part of it.
        if any(frame.kind != "chapter" for frame in frames):
            return _Frame(element, "part")
        if element.get("type") == "document" or \
                element.get("subtype") == "historical-document":
            return _Frame(element, "document", page=page)
        parent = frames[-1] if frames else None
        position = 1
        if parent is not None:
            parent.children += 1
            position = parent.children
        return _Frame(element, "chapter", element.get(XML_ID) or (
            f"{parent.id}.{position}" if parent is not None else str(position)))

    def _document(self, element: etree._Element, frame: _Frame, frames: list[_Frame],
                  header: _Volume) -> Document | InputError:
        text = etree.tostring(element, encoding="unicode", with_tail=False)
        fragment = SourceFile(FORMAT, self.name, hashlib.sha256(text.encode()).hexdigest(),
                              text, container=self.source.sha256)
        first = element[0] if len(element) else None
        chapters = [chapter for chapter in frames if chapter.heading()]
        parent = frames[-1] if frames else None
        try:
            document = _frus_document(element, header, fragment, self.name, self.slips,
                                      near=parent.last_date if parent is not None else None,
                                      pointers=self._pointers)
        except InputError as error:
            return error
        if parent is not None and document.date is not None:
            parent.last_date = document.date
        return replace(document, in_volume=PlaceInVolume(
            header.id, element.get("n", ""), tuple(chapter.heading() for chapter in chapters),
            tuple(chapter.id for chapter in chapters),
            page=first.get("n", "") if first is not None and first.tag == _PB else frame.page))

    def _end_chapter(self, frame: _Frame, frames: list[_Frame], top: list[Chapter],
                     lists: dict[str, tuple[ListEntry, ...]], header: _Volume | None,
                     met: bool) -> None:
        if frame.id in ("persons", "terms") and header is not None:
            root = frame.element.getroottree().getroot()
            lists[frame.id] = tuple(
                ListEntry(source.partition("#")[2], listed, rest)
                for listed, rest, source, _key in _list_entries(
                    root, header, frame.id, "persName" if frame.id == "persons" else "term"))
        if frame.documents or frame.chapters:
            (frames[-1].chapters if frames else top).append(Chapter(
                frame.id, frame.heading(), tuple(frame.documents), tuple(frame.chapters)))
        if met:  # from the first document on, what has been read is let go
            frame.element.clear(keep_tail=True)


def _placed(document: Document, **neighbours: str) -> Document:
    assert document.in_volume is not None
    return replace(document, in_volume=replace(document.in_volume, **neighbours))


def _publication(root: etree._Element, header: _Volume, sha256: str,
                 chapters: tuple[Chapter, ...], lists: dict[str, tuple[ListEntry, ...]],
                 documents: tuple[NumberedDocument, ...]) -> Volume:
    """The volume: its publication data from the titles of its teiHeader (series, sub-series,
    "Volume XIX, Part 1", the volume's own title), its structure and its lists."""
    titles = {title.get("type", "").replace("-", ""): _squash(title.xpath("string()")) for title in
              root.iterfind("t:teiHeader/t:fileDesc/t:titleStmt/t:title", _NS)}
    numbering = titles.get("volumenumber", "")
    number = re.match(r"Volumes?\s+([^,]+)", numbering)
    part = re.search(r"\bPart\s+([^,\s]+)", numbering)
    return Volume(header.id, header.title, series=titles.get("series", ""),
                  period=titles.get("subseries", ""),
                  number=number.group(1).strip() if number else "",
                  part=part.group(1) if part else "", subtitle=titles.get("volume", ""),
                  editors=header.editors, general_editor=header.general_editor,
                  publisher=header.publisher, place=header.place, year=header.year,
                  chapters=chapters, persons=lists.get("persons", ()),
                  terms=lists.get("terms", ()), source_sha256=sha256, documents=documents)


def listed_entities(data: bytes, name: str, max_bytes: int = DEFAULT_MAX_BYTES
                    ) -> tuple[list[Entity], list[Entity]]:
    """The people of a volume's list of persons and the terms of its list of terms."""
    root = parse_xml(data, name, max_bytes)
    volume = _Volume.of(root, name)
    return _persons(root, volume), _terms(root, volume)


def persons(data: bytes, name: str, max_bytes: int = DEFAULT_MAX_BYTES) -> list[Entity]:
    """The people of a FRUS volume's list of persons, each with the volume's id for them
    ("frus:frus1955-57v03#p_DJF1"), the name as listed and in natural order, and the role the
    volume gives them ("Secretary of State"). Empty for a TEI file without such a list."""
    root = parse_xml(data, name, max_bytes)
    return _persons(root, _Volume.of(root, name))


def _persons(root: etree._Element, volume: _Volume) -> list[Entity]:
    return frus_persons.entities(_list_entries(root, volume, "persons", "persName"))


def _list_entries(root: etree._Element, volume: _Volume, list_id: str, element: str
                  ) -> Iterator[tuple[str, str, str, str]]:
    """(the entry as listed, what follows it, the volume's id for it, an entity key) for each
    item of one of a volume's lists: "Dulles, John Foster, Secretary of State"."""
    for item in root.xpath(f"//t:div[@xml:id='{list_id}']//t:item[.//t:{element}[@xml:id]]",
                           namespaces=_NS):
        entry = item.xpath(f".//t:{element}[@xml:id]", namespaces=_NS)[0]
        listed = _squash(entry.xpath("string()"))
        rest = _squash(item.xpath("string()")).removeprefix(listed).lstrip(" ,;:")
        key = re.sub(r"[^a-z0-9]+", "-", entry.get(XML_ID).lower()).strip("-")
        yield listed, rest, f"{volume.id}#{entry.get(XML_ID)}", f"{volume.id.lower()}-{key}"


def terms(data: bytes, name: str, max_bytes: int = DEFAULT_MAX_BYTES) -> list[Entity]:
    """The abbreviations and terms of a FRUS volume's list of terms ("NSC, National Security
    Council"), each with the volume's id for it ("frus:frus1955-57v03#t_NSC1") and what it
    stands for as its description. Empty for a TEI file without such a list."""
    root = parse_xml(data, name, max_bytes)
    return _terms(root, _Volume.of(root, name))


def _terms(root: etree._Element, volume: _Volume) -> list[Entity]:
    return [Entity(f"term/{key}", EntityKind.TERM,
                   (Name(written, NameKind.PREFERRED, "en", source=source, note=meaning),),
                   description=meaning, identifiers=(f"frus:{source}",))
            for written, meaning, source, key in _list_entries(root, volume, "terms", "term")]


@dataclass(frozen=True, slots=True)
class _Volume:
    id: str
    title: str
    publisher: str
    place: str
    year: str
    editors: tuple[str, ...]  # the volume's own, not the series' general editor
    general_editor: str = ""

    @classmethod
    def of(cls, root: etree._Element, name: str) -> _Volume:
        statement = root.find("t:teiHeader/t:fileDesc", _NS)

        def text(path: str) -> str:
            found = statement.find(path, _NS) if statement is not None else None
            return _squash(found.xpath("string()")) if found is not None else ""

        identifier = text("t:publicationStmt/t:idno[@type='frus']") or \
            root.get(XML_ID) or re.sub(r"\W+", "-", name.rsplit("/", 1)[-1].rsplit(".", 1)[0])
        title = text("t:titleStmt/t:title[@type='complete']") or text("t:titleStmt/t:title")
        # FRUS names the series' general editor beside the volume's ("role='general'", the
        # others "primary"); the Office of the Historian's citations leave the general editor
        # out. An editor without a role is the volume's; an empty editor element is skipped.
        editors = [(editor.get("role", ""), _squash(editor.xpath("string()"))) for editor in (
            statement.findall("t:titleStmt/t:editor", _NS) if statement is not None else ())]
        return cls(identifier, title, text("t:publicationStmt/t:publisher"),
                   text("t:publicationStmt/t:pubPlace"),
                   text("t:publicationStmt/t:date[@type='publication-date']")
                   or text("t:publicationStmt/t:date"),
                   tuple(name for role, name in editors if name and role != "general"),
                   next((name for role, name in editors if name and role == "general"), ""))


def _frus_document(division: etree._Element, volume: _Volume, source: SourceFile,
                   name: str, slips: list[str] | None = None,
                   near: HistoricalDate | None = None,
                   pointers: list[tuple[str, int, str]] | None = None) -> Document:
    """One document of a FRUS volume, from its ``div`` and the date of the document before
    it in its chapter (``near``, for a day and month printed without a year). The slips read
    past (no heading: titled by its number; a date malformed or outside the volume's years)
    are added to ``slips`` as "file:line: what was wrong and what was taken instead"; its
    pointers into the file (id, line, attribute), to ``pointers``, to be checked."""
    slips = [] if slips is None else slips
    number = division.get("n", "")
    identifier = division.get(XML_ID) or f"d{number}"
    head = division.find("t:head", _NS)
    title = re.sub(r"^\s*\d+[A-Za-z]?\.\s*", "", _text_without_notes(head)) \
        if head is not None else ""
    if not title:
        title = f"Document {number}" if number else f"Document {identifier}"
        slips.append(f"{name}:{division.sourceline}: document {identifier} has no heading: "
                     f"titled {title!r}")
    walker = Walker(references=f"frus:{volume.id}", volume=volume.id)
    if head is not None:  # as printed, with its footnote numbers and the editors' tagging
        walker.walk_block(head)
    walker.walk_children(division, skip_head=True)
    if pointers is not None:
        pointers += walker.pointers
    source_text = walker.source_note.text if walker.source_note is not None else ""
    dated: list[tuple[str, int]] = []
    date = frus_dates.document_date(division, frus_dates.period(volume.title), dated, near)
    slips += [f"{name}:{line}: {message}" for message, line in dated]
    senders, recipients = frus_parties.parties(head, title)
    pages = [block.n for block in walker.blocks if block.kind is BlockKind.PAGE]
    return Document(
        id=ids.checked(f"frus:{volume.id}/{identifier}", name, division.sourceline),
        title=title,
        date=date,
        document_type=_document_type(title),
        senders=senders,
        recipients=recipients,
        original_languages=("en",),
        citation=_citation(volume, number),
        permalink=published_at(f"frus:{volume.id}/{identifier}") or "",
        archival_references=frus_notes.references(source_text),
        publications=(Publication(volume.title, "published in", volume.title, ", ".join(
            part for part in (f"Document {number}" if number else "",
                              f"p. {pages[0]}" if pages else "") if part)),)
        if volume.title else (),
        collections=(volume.title,) if volume.title else (),
        renditions=(Rendition(RenditionKind.TRANSCRIPTION, "en",
                              tuple(walker.blocks + walker.notes), label="Document text"),),
        cable=frus_notes.classification(source_text),
        source=source,
    )


def _single_text(root: etree._Element, volume: _Volume, source: SourceFile) -> Document:
    body = root.find("t:text", _NS)
    if body is None:
        raise InputError("no <text> element", source=source.name, line=root.sourceline)
    walker = Walker(page_kind=BlockKind.FOLIO)  # a manuscript's leaves, not printed pages
    walker.walk_children(body)
    language = body.get("{http://www.w3.org/XML/1998/namespace}lang") or \
        root.get("{http://www.w3.org/XML/1998/namespace}lang") or "en"
    blocks = walker.blocks + [replace(note, lang=language) if note.lang else note
                              for note in walker.notes]
    date_element = root.find("t:teiHeader//t:sourceDesc//t:date", _NS)
    return Document(
        id=ids.checked(f"tei:{volume.id}", source.name, root.sourceline),
        title=volume.title or volume.id,
        date=_when(date_element) if date_element is not None else None,
        original_languages=(language,),
        renditions=(Rendition(RenditionKind.TRANSCRIPTION, language, tuple(blocks),
                              label="Text"),),
        source=source,
    )


def _local(element: etree._Element) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def _squash(text: str) -> str:
    return " ".join(text.split())


def _text_without_notes(element: etree._Element) -> str:
    parts = [element.text or ""]
    for child in element:
        if _local(child) != "note":
            parts.append(_text_without_notes(child))
        parts.append(child.tail or "")
    return _squash("".join(parts))


def _when(element: etree._Element) -> HistoricalDate | None:
    when = (element.get("when") or element.get("notBefore") or "")[:10]
    if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", when):
        return None
    end = (element.get("notAfter") or element.get("when") or when)[:10]
    precision = {4: "year", 7: "month", 10: "day"}[len(when)]
    return HistoricalDate(_squash(element.xpath("string()")) or when, when, end, precision)


_KIND_WORD = re.compile(KINDS, re.I)
_FRUS_DOCUMENT = re.compile(r"frus:(?P<volume>[\w-]+)/(?P<document>[\w-]+)")


def published_at(document_id: str) -> str | None:
    """Where the Office of the Historian publishes a FRUS document this reader names
    ("frus:frus1961-63v05/d383"): its copy on history.state.gov; None for other ids."""
    match = _FRUS_DOCUMENT.fullmatch(document_id)
    return f"https://history.state.gov/historicaldocuments/{match['volume']}/{match['document']}" \
        if match else None


def _document_type(title: str) -> str:
    """The kind a heading names before its parties ("Telegram From ...", "Memorandum of
    Conversation"), else before its number or date ("National Intelligence Estimate 13-2-61",
    "Editorial Note"), as printed, in lower case."""
    if not title:
        return ""
    match = re.match(r"(.+?)\s+(?:From|of|by|to|for|Prepared|Between|on|With)\b", title)
    if match:
        return match.group(1).lower()
    words: list[str] = []
    for word in title.split():  # up to a number, a date, a quotation or a comma
        if re.search(r"\d|^[(“\"‘']", word):
            break
        words.append(word.rstrip(",:;"))
        if word[-1] in ",:;":
            break
    if words and words[-1].lower() in ("no.", "number"):  # "... Memorandum No. 124"
        words.pop()
    # a run of words is a kind only if it ends in one ("Contact Report"; not "U.S. Policy
    # Toward Cuba", which keeps its first word as before)
    if 0 < len(words) <= 6 and _KIND_WORD.fullmatch(words[-1]):
        return " ".join(words).lower()
    return title.split()[0].lower()


def _citation(volume: _Volume, number: str) -> str:
    parts = [volume.title]
    if volume.editors:
        parts.append("ed. " + ", ".join(volume.editors))
    imprint = ": ".join(part for part in (volume.place, volume.publisher) if part)
    if imprint or volume.year:
        parts[-1] += f" ({imprint}{', ' if imprint and volume.year else ''}{volume.year})"
    return ", ".join(parts) + (f", Document {number}." if number else ".")
