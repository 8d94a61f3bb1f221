"""The Wilson Center Digital Archive's Markdown record format: reader and writer.

A record is a date heading (``## **April 26, 1948**``), a title heading (``### **...**``),
sections headed ``#### **Name:**`` (Citation, Summary, Credits, Original Language, Contents)
and the body after Contents: the English translation, then, where the archive has one, the
original-language transcription, which may hold several witnesses. Sections this reader does
not know are kept verbatim; so are paragraphs it cannot read (tables, images).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from chancery.errors import InputError
from chancery.model import (Block, BlockKind, Document, HistoricalDate, Mark, MarkKind,
                            Rendition, RenditionKind, Section)
from chancery.formats import ids
from chancery.formats.source import DEFAULT_MAX_BYTES, decode, source_file
from chancery.text import languages, references
from chancery.text.cable import cable_facts
from chancery.text.dates import parse_date
from chancery.text.language_runs import language_runs
from chancery.text.layout import Paragraph, classify
from chancery.text.markup import bracket_marks, parse_inline, to_inline
from chancery.text.titles import parse_title
from chancery.text.witnesses import describe, split_witnesses

FORMAT = "wilson-markdown"
VERSION = 13  # raise when the model read from the same bytes changes
SUFFIXES = (".md", ".markdown")

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*$")
_SECTION = re.compile(r"^\**\s*(?P<name>[^*:]{1,80}?)\s*:\s*\**\s*:?$")
_PERMALINK = re.compile(r"<?(https?://[^\s>]+/document/([^\s>?#]+?))/?(?:[?#][^\s>]*)?>?(?=\s|$)")
_ANY_URL = re.compile(r"<(https?://[^\s>]+)>")
_UNREADABLE = re.compile(r"^(?:\||!\[|<(?!/?(?:sup|u)>)[a-zA-Z/!]|```|~~~(?!~))")
_CONTENTS_LINE = re.compile(r"^(?:translation|transcript(?:ion)?|original|scan|summary)\b.*$|"
                            r"^[A-Z][a-z]+ (?:translation|transcript(?:ion)?)$", re.I)
_BODY_ENDING_SECTIONS = {"associated people & organizations", "associated people",
                         "associated places", "associated topics", "associated subjects",
                         "subjects discussed", "related documents", "keywords", "tags",
                         "collections", "associated collections", "rights", "source"}


def sniff(name: str, head: str) -> bool:
    """Whether a file looks like a record of this format."""
    return bool(re.search(r"^#{2,3}\s+\**[^\n]*\d{4}", head, re.M)) and "Citation" in head


@dataclass
class _Record:
    """A record cut into its headings and sections, with their line numbers."""

    name: str
    date: tuple[int, str] | None = None
    title: tuple[int, str] | None = None
    sections: list[tuple[int, str, list[str]]] = field(default_factory=list)
    preamble: list[str] = field(default_factory=list)
    body: list[tuple[int, str]] = field(default_factory=list)
    body_start: int = 0


def read(data: bytes, name: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read one record. InputError names the file and line when it is not a record."""
    text = decode(data, name, max_bytes)
    record = _cut(text.split("\n"), name)
    source = source_file(data, name, FORMAT, text)  # the same text, not a second copy
    sections = {heading.lower(): (line, lines) for line, heading, lines in record.sections}
    citation_line, citation_lines = _require(sections, "citation", record, name)
    citation, permalink, record_id = _citation(citation_lines, name, citation_line)
    title = record.title[1] if record.title else ""
    parts = parse_title(title)
    original = languages.parse_language_list(_section_text(sections, "original language")
                                             or _section_text(sections, "original languages"))
    contents, body = _contents(record.body)
    paragraphs = _paragraphs(body)
    del body
    record.body.clear()  # the lines: a big record's paragraphs are all that is read from here
    translators = references.translators(citation)
    archival = references.archival_references(citation)  # once: _publications asks it too
    renditions = _renditions(paragraphs, original, contents, translators, name)
    document = Document(
        id=ids.checked(f"wilson:{record_id}", name, citation_line),
        title=title,
        date=_date(record),
        document_type=parts.document_type,
        senders=parts.senders,
        recipients=parts.recipients,
        subject=parts.subject,
        summary=_section_text(sections, "summary"),
        original_languages=original,
        citation=citation,
        permalink=permalink,
        archival_references=archival,
        publications=_publications(citation, archival),
        translators=translators,
        provenance=references.provenance(citation),
        credits=_section_text(sections, "credits"),
        contents=contents,
        renditions=renditions,
        cable=cable_facts(renditions),
        sections=_kept_sections(record),
        source=source,
    )
    return document


def _cut(lines: list[str], name: str) -> _Record:
    record = _Record(name)
    current: list[str] | None = None
    in_body = False
    for number, line in enumerate(lines, start=1):
        heading = _HEADING.match(line)
        if in_body:
            section = _section_name(heading) if heading else None
            if section is None or section.lower() not in _BODY_ENDING_SECTIONS:
                record.body.append((number, line))
                continue
            in_body = False
        if heading is None:
            if current is not None:
                current.append(line)
            elif line.strip():
                record.preamble.append(line)
            continue
        text = _unbold(heading.group(2))
        if record.date is None:
            record.date = (number, text)
            continue
        if record.title is None:
            record.title = (number, text)
            continue
        section = _section_name(heading) or text
        current = []
        record.sections.append((number, section, current))
        if section.lower() == "contents":
            in_body = True
            record.body_start = number + 1
    if record.date is None:
        raise InputError("no date heading; expected a line such as '## **April 26, 1948**'",
                         source=name, line=1)
    if record.title is None:
        raise InputError("no title heading after the date; expected a line such as "
                         "'### **Cable, Mao Zedong to Filippov [Stalin]**'", source=name,
                         line=record.date[0] + 1)
    return record


def _section_name(heading: re.Match[str]) -> str | None:
    found = _SECTION.match(heading.group(2).strip())
    return found.group("name").strip() if found else None


def _unbold(text: str) -> str:
    text = text.strip()
    while len(text) >= 4 and text.startswith("**") and text.endswith("**"):
        text = text[2:-2].strip()
    return text


def _require(sections: dict[str, tuple[int, list[str]]], key: str, record: _Record,
             name: str) -> tuple[int, list[str]]:
    if key not in sections:
        after = record.title[0] if record.title else 1
        raise InputError(f"no '#### **{key.title()}:**' section after the title (is the "
                         "file truncated?)", source=name, line=after)
    return sections[key]


def _section_text(sections: dict[str, tuple[int, list[str]]], key: str) -> str:
    lines = sections.get(key, (0, []))[1]
    return _paragraphs_text(lines)


def _paragraphs_text(lines: list[str]) -> str:
    paragraphs, current = [], []
    for line in lines + [""]:
        if line.strip():
            current.append(line.rstrip())
        elif current:
            paragraphs.append("\n".join(current))
            current = []
    return "\n\n".join(paragraphs)


def _citation(lines: list[str], name: str, line: int) -> tuple[str, str, str]:
    text = _paragraphs_text(lines)
    link = _PERMALINK.search(text)
    if link is None:
        raise InputError("the Citation section has no permalink such as "
                         "<https://digitalarchive.wilsoncenter.org/document/113702>; the "
                         "record id comes from it", source=name, line=line)
    citation = (text[:link.start()] + text[link.end():]).strip()
    return citation, link.group(1), _record_id(link.group(2))


def _record_id(path: str) -> str:
    """The record's id from its permalink: "113702", "slug/113702", "a-slug-113702" give the
    number; a permalink with a slug alone ("telegram-stalin-to-mao") gives the slug."""
    number = re.search(r"(?:^|[/-])(\d+)$", path)
    return number.group(1) if number else path.rsplit("/", 1)[-1].lower()


def _publications(citation: str, archival: tuple) -> tuple:
    """What the citation says was published; ``archival``: its archival references."""
    found = references.publications(citation)
    if archival or found:
        return found
    # No archive named: what follows the archive's own name is the published source.
    rest = re.split(r"Digital Archive,\s*", citation, maxsplit=1)
    if len(rest) == 2:
        source = references.source_publication(re.split(r"\.\s+Translated\b", rest[1])[0])
        return (source,) if source else ()
    return ()


def _date(record: _Record) -> HistoricalDate:
    line, text = record.date  # type: ignore[misc]
    parsed = parse_date(text)
    return parsed or HistoricalDate(text=text, start="", end="", precision="unknown")


def _contents(body: list[tuple[int, str]]) -> tuple[tuple[str, ...], list[tuple[int, str]]]:
    """The Contents listing ("Translation - English", or a list) and the body after it."""
    index = 0
    while index < len(body) and not body[index][1].strip():
        index += 1
    items: list[str] = []
    while index < len(body) and re.match(r"^\s*[-*+]\s+\S", body[index][1]):
        items.append(re.sub(r"^\s*[-*+]\s+", "", body[index][1]).strip())
        index += 1
    if not items and index < len(body) and _CONTENTS_LINE.match(body[index][1].strip()):
        following = body[index + 1][1] if index + 1 < len(body) else ""
        if not following.strip():
            items.append(body[index][1].strip())
            index += 1
    return tuple(items), body[index:]


def _paragraphs(body: list[tuple[int, str]]) -> list[tuple[int, str, bool]]:
    """(first line, text, readable) for each paragraph; hard breaks become newlines."""
    found: list[tuple[int, str, bool]] = []
    current: list[str] = []
    start = 0
    for number, line in body + [(0, "")]:
        if line.strip():
            if not current:
                start = number
            current.append(line)
            continue
        if current:
            raw = "\n".join(current)
            readable = not _UNREADABLE.match(current[0].lstrip())
            text = "\n".join(part.strip() for part in current) if readable else raw
            found.append((start, text, readable))
            current = []
    return found


def _renditions(found: list[tuple[int, str, bool]], original: tuple[str, ...],
                contents: tuple[str, ...], translators: tuple, name: str) -> tuple[Rendition, ...]:
    """The renditions of the body's paragraphs (``found``, emptied as they are read: a big
    record's raw paragraphs go as their parsed texts come, not held twice)."""
    translation_langs = _translation_languages(contents)
    translation_lang = translation_langs[0]
    candidates = tuple(dict.fromkeys(translation_langs + original))
    paragraphs = []
    found.reverse()
    while found:
        line, raw, readable = found.pop()
        if not readable:
            paragraphs.append((Paragraph(raw, (), "", line), False))
            continue
        text, marks = parse_inline(raw)
        paragraphs.append((Paragraph(text, marks, languages.detect(text, candidates), line),
                           True))
    if not paragraphs:
        return ()
    translator = ", ".join(credit.translator for credit in translators)
    present = _languages_present([p for p, _ in paragraphs], candidates)
    if len(present) >= 3:  # an original and two translations: one rendition each
        runs = language_runs([p.lang for p, _ in paragraphs],
                             [len(p.text) for p, _ in paragraphs], present)
        parts = [(paragraphs[start:end], lang not in translation_langs and lang in original,
                  lang) for start, end, lang in runs]
    else:
        split, original_first = _split_point([p for p, _ in paragraphs], translation_lang)
        parts = [(paragraphs[:split], original_first, ""),
                 (paragraphs[split:], not original_first, "")]
    renditions: list[Rendition] = []
    for part, transcription, run_lang in parts:
        if not part:
            continue
        lang = run_lang or _majority([p for p, _ in part]) or (
            original[0] if transcription and original else translation_lang)
        is_translation = not transcription and (lang not in original or _says_translation(
            contents))
        blocks = _blocks(part, transcription=not is_translation)
        if is_translation:
            # the citation's translator made the first translation the Contents name
            renditions.append(Rendition(RenditionKind.TRANSLATION, lang, blocks,
                                        label=_translation_label(contents, lang),
                                        translator=translator if lang == translation_lang
                                        else ""))
            continue
        witnesses = split_witnesses(blocks)
        if len(witnesses) > 1:  # opening and closing blocks are each witness's own
            witnesses = [_reclassified(witness_blocks) for witness_blocks in witnesses]
        for index, witness_blocks in enumerate(witnesses):
            witness = describe(chr(ord("A") + index), witness_blocks) if len(
                witnesses) > 1 else None
            renditions.append(Rendition(RenditionKind.TRANSCRIPTION, lang, witness_blocks,
                                        label=_label(contents, "transcri", "original"),
                                        witness=witness))
    return tuple(renditions)


def _translation_languages(contents: tuple[str, ...]) -> tuple[str, ...]:
    """The languages of the translations the Contents lists, in its order; English if none."""
    found = []
    for item in contents:
        if "translation" in item.lower():
            codes = [code for word in re.findall(r"[A-Za-z]+", item)
                     if (code := languages.code_for(word))]
            found.extend(code for code in codes[:1] if code)
    return tuple(dict.fromkeys(found)) or ("en",)


def _translation_label(contents: tuple[str, ...], lang: str) -> str:
    for item in contents:
        if "translation" in item.lower() and any(
                languages.code_for(word) == lang for word in re.findall(r"[A-Za-z]+", item)):
            return item
    return _label(contents, "translation")


def _languages_present(paragraphs: list[Paragraph], candidates: tuple[str, ...]
                       ) -> tuple[str, ...]:
    """Candidate languages with text of their own: a tenth of the body, or two paragraphs
    (Chinese says in 150 characters what English says in 600)."""
    weight: dict[str, int] = {}
    count: dict[str, int] = {}
    for paragraph in paragraphs:
        weight[paragraph.lang] = weight.get(paragraph.lang, 0) + len(paragraph.text)
        count[paragraph.lang] = count.get(paragraph.lang, 0) + 1
    total = sum(weight.values()) or 1
    return tuple(lang for lang in candidates
                 if weight.get(lang, 0) >= max(200, total // 10)
                 or (count.get(lang, 0) >= 2 and weight.get(lang, 0) >= 50))


def _says_translation(contents: tuple[str, ...]) -> bool:
    return any("translation" in item.lower() for item in contents) or not contents


def _label(contents: tuple[str, ...], *words: str) -> str:
    for item in contents:
        if any(word in item.lower() for word in words):
            return item
    return ""


def _split_point(paragraphs: list[Paragraph], translation_lang: str) -> tuple[int, bool]:
    """Where one text ends and the other begins: the best single change of language.

    Returns the index and whether the original comes first (most records give the
    translation first; some give the original first).
    """
    weights = [len(p.text) for p in paragraphs]
    is_translation = [p.lang == translation_lang for p in paragraphs]
    is_original = [bool(p.lang) and p.lang != translation_lang for p in paragraphs]
    best = (len(paragraphs), False)  # no change of language, unless one scores higher
    best_score = sum(w for w, flag in zip(weights, is_translation) if flag)
    for original_first in (False, True):
        first, second = (is_original, is_translation) if original_first else (
            is_translation, is_original)
        before, after = 0, sum(w for w, flag in zip(weights, second) if flag)
        for index in range(len(paragraphs) + 1):
            if before + after > best_score:
                best, best_score = (index, original_first), before + after
            if index < len(paragraphs):
                before += weights[index] if first[index] else 0
                after -= weights[index] if second[index] else 0
    return best


def _majority(paragraphs: list[Paragraph]) -> str:
    weight: dict[str, int] = {}
    for paragraph in paragraphs:
        if paragraph.lang:
            weight[paragraph.lang] = weight.get(paragraph.lang, 0) + len(paragraph.text)
    return max(weight, key=weight.__getitem__) if weight else ""


def _blocks(part: list[tuple[Paragraph, bool]], transcription: bool) -> tuple[Block, ...]:
    paragraphs = [_as_handwriting(p) if transcription else p for p, _ in part]
    kinds = classify(paragraphs, transcription)
    blocks = []
    for (paragraph, readable), (kind, number) in zip(zip(paragraphs, (r for _, r in part)),
                                                      kinds):
        if not readable:
            blocks.append(Block(BlockKind.UNPARSED, paragraph.text))
            continue
        marks = paragraph.marks + bracket_marks(paragraph.text, paragraph.marks)
        marks = tuple(sorted(marks, key=lambda m: (m.start, -m.end, m.kind)))
        blocks.append(Block(kind, paragraph.text, marks, number, paragraph.lang))
    return tuple(blocks)


def _reclassified(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """The blocks of one witness, their kinds decided again within the witness alone."""
    kinds = classify([Paragraph(b.text, b.marks, b.lang) for b in blocks], transcription=True)
    return tuple(block if block.kind is BlockKind.UNPARSED else
                 replace(block, kind=kind, n=number)
                 for block, (kind, number) in zip(blocks, kinds))


def _as_handwriting(paragraph: Paragraph) -> Paragraph:
    """In a transcription an italic passage is the writer's hand, not the editor's italics."""
    if not any(mark.kind is MarkKind.ITALIC for mark in paragraph.marks):
        return paragraph
    marks = tuple(replace(m, kind=MarkKind.ADDED) if m.kind is MarkKind.ITALIC else m
                  for m in paragraph.marks)
    return replace(paragraph, marks=marks)


def _kept_sections(record: _Record) -> tuple[Section, ...]:
    known = {"citation", "summary", "credits", "original language", "original languages",
             "contents"}
    kept = [Section("(preamble)", "\n".join(record.preamble))] if record.preamble else []
    kept.extend(Section(heading, _paragraphs_text(lines)) for _, heading, lines in
                record.sections if heading.lower() not in known)
    return tuple(kept)


# --- writer -------------------------------------------------------------------------------------

def write(document: Document) -> str:
    """The document as a record of this format again."""
    out: list[str] = ["", "", "", ""]
    preamble = [s for s in document.sections if s.heading == "(preamble)"]
    if preamble:
        out = [preamble[0].text, "", "", ""]
    out += [f"## **{document.date.text if document.date else ''}**", "",
            f"### **{document.title}**", ""]
    citation = document.citation
    if document.permalink:
        citation += f"  \n<{document.permalink}>"
    out += _section("Citation", citation)
    out += _section("Summary", document.summary)
    out += _section("Credits", document.credits)
    out += _section("Original Language",
                    ", ".join(languages.name_for(code) for code in document.original_languages))
    out += ["#### **Contents:**", ""]
    if len(document.contents) == 1:
        out += [document.contents[0], ""]
    elif document.contents:
        out += [f"- {item}" for item in document.contents] + [""]
    for rendition in document.renditions:
        for block in rendition.blocks:
            out += [_block_text(block), ""]
    for section in document.sections:
        if section.heading != "(preamble)":
            out += _section(section.heading, section.text, keep_empty=True)
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out) + "\n"


def _section(heading: str, text: str, keep_empty: bool = False) -> list[str]:
    if not text and not keep_empty:
        return []
    return [f"#### **{heading}:**", "", text, ""] if text else [f"#### **{heading}:**", ""]


def _block_text(block: Block) -> str:
    if block.kind is BlockKind.UNPARSED:
        return block.text
    marks: tuple[Mark, ...] = block.marks
    text = to_inline(block.text, marks)
    text = "  \n".join(text.split("\n"))
    if re.match(r"^(?:[-*+]\s|#)", text):
        text = "\\" + text  # a leading sign would make a list item or a heading of it
    return text
