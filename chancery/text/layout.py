"""What each paragraph of a record is: heading, point, address, signature, folio, stamp...

Decided from the paragraph's own text and marks and from where it stands (the opening blocks
before the first long paragraph, the closing blocks after the last), never from the file it
came from. Anything not recognised stays a plain paragraph: nothing is dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from chancery.model import BlockKind, Mark, MarkKind
from chancery.text.dates import parse_date


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph read from a source, before its kind is known."""

    text: str
    marks: tuple[Mark, ...]
    lang: str
    line: int = 0


_FOLIO = re.compile(r"^(?:л\.\s*|l\.\s*|f\.\s*)?(\d{1,4}(?:\s*(?:об|ob|v|r)\.?)?)$", re.I)
_POINT = re.compile(r"^(\d{1,3}|[IVX]{1,6}|[a-zа-я])[.)]\s+\S")
_CONTINUATION = re.compile(r"^\(?\s*(?:см\.?\s*(?:сл\.?|след\.?)\s*(?:лист|стр\.?)|"
                           r"see next (?:page|sheet|leaf)|continued(?: on next page)?|"
                           r"продолжение следует)\s*\)?\.?$", re.I)
# Handling instructions, distribution and certification: phrases anywhere in a short block,
# or openings of one. Plain substring tests: a long alternation scanned over every paragraph
# was the reader's slowest step.
_HANDLING_PHRASES = ("снятие копий", "подлежит возврату", "о подлинном верно", "копию посла",
                     "поправки нанесены", "copying prohibited", "copying is prohibited",
                     "receives copy", "receive copy", "receives a copy", "return within")
_HANDLING_OPENINGS = ("верно:", "отп.", "distribution:", "distribution list", "разослано",
                      "рассылка", "to be returned")
_HANDLING_NUMBERED = re.compile(r"№\s*\d+\s*[-–]\s*тов\.|copy\s*(?:no\.?|nº|№)\s*\d+\s*[-–]\s*to\b",
                                re.I)


# A cipher office's log of a cable's way, a line for each step: "Sent by wire on 10/14/50 at
# 03:15 a.m.", "Received in Moscow on ...", "Deciphered by Morozov on ...", "Typed by ...",
# "Отправлена 4.II.49 в 03 ч. 20 м.". The verb is a step's only when a colon or a clock time
# follows it: "Received your telegram of 12 October." opens a letter, not a log.
_TRANSMISSION_VERB = (
    r"(?:sent|dispatched|transmitted|received|arrived|deciphered|decoded|decrypted|"
    r"enciphered|encoded|typed|отправлен[аоы]?|получен[аоы]?|поступил[аои]?|"
    r"расшифрован[аоы]?|зашифрован[аоы]?|отпечатан[аоы]?|abgesandt|абгесандт|eingegangen)")
_TRANSMISSION = re.compile(
    rf"^(?P<verb>{_TRANSMISSION_VERB})\b(?P<colon>\s*:)?\s*(?P<rest>\S.*\d.*)$", re.I)
# A block none of whose lines opens with such a verb holds no step: one search of the block
# spares most paragraphs the line-by-line test (asked of every paragraph of 80 words or less)
_STEP_VERB_AT_LINE_START = re.compile(rf"^\s*{_TRANSMISSION_VERB}\b", re.I | re.M)
# a time of day, not a date's numbers ("03:15", "18.30", "8 a.m.", "08 hours", "03 ч."; not
# "12.10.50")
_CLOCK = re.compile(r"(?<![\d.])\d{1,2}[:.]\d{2}(?![\d.])|"
                    r"\d\s*(?:[ap]\.\s?m\.|час|ч\.|hours?\b|hrs?\b|uhr\b)", re.I)


def transmission_step(line: str) -> tuple[str, str] | None:
    """(verb, the rest of the line as printed) if a line is a step of a cable's
    transmission log: "Sent by wire on 10/14/50 at 03:15 a.m." -> ("sent", "by wire on
    10/14/50 at 03:15 a.m.")."""
    step = _TRANSMISSION.match(" ".join(line.split()))
    if step is None or not (step.group("colon") or _CLOCK.search(step.group("rest"))):
        return None
    return step.group("verb").lower(), step.group("rest")


def is_transmission_line(line: str) -> bool:
    """Whether a line is a step of a cable's transmission log (a verb, then when)."""
    return transmission_step(line) is not None


def _is_clerks_marks(text: str) -> bool:
    """Whether a block is a cipher office's marks, line by line: a transmission log, with
    perhaps the cable's number and date among its lines ("No. 1476/sh / 14 October 1950 /
    Typed by Bantsekina on 10/14/50 at 13:30 p.m.")."""
    if not _STEP_VERB_AT_LINE_START.search(text):
        return False
    lines = [" ".join(line.split()) for line in text.split("\n") if line.strip()]
    if not any(is_transmission_line(line) for line in lines):
        return False
    return all(is_transmission_line(line)
               or (_words(line) <= 4 and STAMP_PATTERNS.match(line) is not None)
               or (_words(line) <= 6 and parse_date(line) is not None) for line in lines)


def is_handling(flat: str) -> bool:
    """Whether a short block is a handling, distribution or certification note."""
    lowered = flat.lower()
    return (lowered.startswith(_HANDLING_OPENINGS) or bool(_HANDLING_NUMBERED.match(lowered))
            or any(phrase in lowered for phrase in _HANDLING_PHRASES))


CLASSIFICATION = {
    "строго секретно": "top secret", "совершенно секретно": "top secret",
    "секретно": "secret", "особая папка": "special file", "top secret": "top secret",
    "strictly secret": "top secret", "secret": "secret", "confidential": "confidential",
    "eyes only": "eyes only", "streng geheim": "top secret", "geheim": "secret",
    "vs-vertraulich": "confidential", "ściśle tajne": "top secret", "tajne": "secret",
    "绝密": "top secret", "机密": "secret", "秘密": "secret",
}
STAMP_PATTERNS = re.compile(
    r"(?:экз\.?|copy|ausfertigung|egz\.?)\s*(?:№|no\.?|nº|nr\.?)\s*\d+\s*$|"
    r"шифртелеграмма|копия\s+исх|(?:cable|telegram|telex|ciphered telegram)\s*(?:no\.?|nº|№|nr\.?)|"
    r"(?:nº|№|no\.)\s*[\d/\-]+", re.I)
_ADDRESS = re.compile(r"^(?:\[?to\]?\s|тов\.\s|товарищу\s|т\.\s|an\s|à\s|do\s)", re.I)
_SALUTATION = re.compile(r"^(?:dear|com\[?rade\]?|comrade|cde?s?\.|товарищ|уважаем|дорогой|"
                         r"lieber|liebe|sehr geehrte|drogi|szanown|cher|chère|mr\.|mister)\b",
                         re.I)
_WORD = re.compile(r"[^\W\d_][\w'’\-]*")
_NO_BRACKETS = re.compile(r"\[[^\]]*\]")
_LONG = 20  # words: a paragraph at least this long is running text
_YEAR = re.compile(r"\d{4}")


def classify(paragraphs: list[Paragraph], transcription: bool) -> list[tuple[BlockKind, str]]:
    """The kind (and number, for folios, points and notes) of each paragraph."""
    # a long transmission log or distribution list above a cable's text is not its text
    counts = [_words(p.text) for p in paragraphs]  # once a paragraph: the long ones are split
    long_indexes = [i for i, (p, words) in enumerate(zip(paragraphs, counts))
                    if words >= _LONG and not _is_footnote(p)
                    and not (words <= 80 and _is_clerks_marks(p.text))
                    and not (words <= 40 and is_handling(" ".join(p.text.split())))]
    first_long = long_indexes[0] if long_indexes else len(paragraphs)
    last_long = long_indexes[-1] if long_indexes else -1
    kinds = []
    for index, paragraph in enumerate(paragraphs):
        opening = index < first_long
        closing = index > last_long
        kinds.append(_kind(paragraph, opening, closing, transcription, counts[index]))
    return kinds


def _kind(paragraph: Paragraph, opening: bool, closing: bool,
          transcription: bool, words: int) -> tuple[BlockKind, str]:
    """``words``: how many the paragraph has (classify counted them)."""
    text = paragraph.text.strip()
    if _is_footnote(paragraph):
        return BlockKind.NOTE, paragraph.marks[0].value
    if words <= 80 and _is_clerks_marks(text):
        return BlockKind.STAMP, ""
    if words > 40:  # running text: only a numbered point or a plain paragraph
        point = _POINT.match(text)
        return (BlockKind.ITEM, point.group(1)) if point else (BlockKind.PARAGRAPH, "")
    flat = " ".join(text.split())
    folio = _FOLIO.match(flat)
    if folio:
        return BlockKind.FOLIO, folio.group(1)
    if _CONTINUATION.match(flat):
        return BlockKind.NOTE, ""
    bare = _NO_BRACKETS.sub("", flat).strip()
    if is_handling(flat):
        return BlockKind.HANDLING, ""
    if words <= 8 and (STAMP_PATTERNS.match(flat) or "шифртелеграмма" in flat.lower()
                       or _classification(flat)):
        return BlockKind.STAMP, ""
    if words <= 8 and _YEAR.search(flat) and parse_date(flat) is not None:
        return BlockKind.DATELINE, ""
    point = _POINT.match(flat)
    if point and words >= 3:
        return BlockKind.ITEM, point.group(1)
    if transcription and _whole(paragraph, (MarkKind.ADDED,)) and words < 40:
        return BlockKind.MARGINAL, ""
    if opening or words <= 12:
        kind = _opening_kind(paragraph, flat, bare, opening, closing)
        if kind is not None:
            return kind, ""
    if closing and _is_signature(text):
        return BlockKind.SIGNATURE, ""
    return BlockKind.PARAGRAPH, ""


def _opening_kind(paragraph: Paragraph, flat: str, bare: str, opening: bool,
                  closing: bool) -> BlockKind | None:
    short = _words(bare) <= 12
    if short and _ADDRESS.match(flat):
        return BlockKind.ADDRESS
    if short and re.search(r"\s[-–]\s*[A-ZА-Я][A-ZА-Я]+У\.?$", flat):
        return BlockKind.ADDRESS  # "ОСОБЫЙ РАЙОН КИТАЯ - АНДРЕЕВУ": channel, then addressee
    if short and re.fullmatch(r"[A-ZА-ЯЁ][A-ZА-ЯЁ\-]+(?:ОВУ|ЕВУ|ИНУ|ЫНУ|ЕНУ|КОМУ|У)[.:]?", flat):
        return BlockKind.ADDRESS  # "АНДРЕЕВУ.": a surname in the dative
    if opening and short and flat.endswith((",", ":", "!")) and _SALUTATION.match(flat):
        return BlockKind.SALUTATION
    if opening and _whole(paragraph, (MarkKind.EMPHASIS,)):
        return BlockKind.HEADING
    if opening and short and not flat.endswith((".", ":", ",", ";")) and not closing:
        return BlockKind.HEADING
    if opening and flat.startswith("(") and flat.endswith(")") and not closing:
        return BlockKind.HEADING
    if opening and short and re.match(r"^(?:re|here|subject|betr|betreff|тема):", flat, re.I):
        return BlockKind.HEADING
    return None


def _is_signature(text: str) -> bool:
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if not lines or len(lines) > 4:
        return False
    name, rest = lines[0], lines[1:]
    if any(parse_date(line) is None for line in rest):
        return False
    bare = _NO_BRACKETS.sub("", name).strip(" .")
    words = _WORD.findall(bare)
    if not words or len(words) > 6 or re.search(r"\d", bare):
        return False
    return all(word[0].isupper() or word.lower() in ("of", "the", "and", "der", "von", "de")
               for word in words)


def _is_footnote(paragraph: Paragraph) -> bool:
    first = paragraph.marks[0] if paragraph.marks else None
    return first is not None and first.kind is MarkKind.FOOTNOTE_REF and first.start == 0


def _whole(paragraph: Paragraph, kinds: tuple[MarkKind, ...]) -> bool:
    """Whether one mark of these kinds covers the paragraph (footnote signs aside)."""
    text = paragraph.text
    for mark in paragraph.marks:
        if mark.kind in kinds and not text[:mark.start].strip():
            tail = text[mark.end:].strip()
            if not tail or all(m.kind is MarkKind.FOOTNOTE_REF for m in paragraph.marks
                               if m.start >= mark.end):
                return True
    return False


def _classification(flat: str) -> str:
    return CLASSIFICATION.get(flat.lower().strip(" .!"), "")


def _words(text: str) -> int:
    return len(text.split())
