"""Editorial markup: inline Markdown of archive exports <-> plain text with stand-off marks.

The Wilson Center export marks a transcription with a small set of inline signs: ``~~struck~~``,
``*handwritten*``, ``**bold**``, ``<sup>above the line</sup>``, ``<u>underlined</u>``, and the
editor's square brackets (``Com[rade]``, ``Filippov [Stalin]``, ``[trans. note--...]``). Here
they become :class:`~chancery.model.Mark` spans over the plain text, and go back again.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from chancery.model import Block, Mark, MarkKind

ESCAPABLE = "\\*~<>_[]#-`"
_TOKEN = re.compile(r"\\[\\*~<>_\[\]#\-`]|\*\*|\*|~~|</?sup>|</?u>")
_SPECIAL = re.compile(r"[\\*~<]")
_TAG_KIND = {"sup": MarkKind.SUPERSCRIPT, "u": MarkKind.UNDERLINE}
_DELIMITER_KIND = {"~~": MarkKind.DELETED, "**": MarkKind.EMPHASIS}

# Marks that are written with a sign of their own; the rest are read off the text itself.
SYNTAX_MARKS = frozenset({MarkKind.DELETED, MarkKind.ADDED, MarkKind.ITALIC, MarkKind.EMPHASIS,
                          MarkKind.UNDERLINE, MarkKind.SUPERSCRIPT, MarkKind.FOOTNOTE_REF})
_SIGN = {MarkKind.DELETED: ("~~", "~~"), MarkKind.ADDED: ("*", "*"),
         MarkKind.ITALIC: ("*", "*"), MarkKind.EMPHASIS: ("**", "**"),
         MarkKind.UNDERLINE: ("<u>", "</u>"), MarkKind.SUPERSCRIPT: ("<sup>", "</sup>"),
         MarkKind.FOOTNOTE_REF: ("<sup>", "</sup>")}
_FOOTNOTE_NUMBER = re.compile(r"\[(\d{1,4}|[*†‡a-z])\]")


def parse_inline(source: str, italic: MarkKind = MarkKind.ITALIC) -> tuple[str, tuple[Mark, ...]]:
    """Split inline Markdown into plain text and the marks its signs make.

    ``italic`` says what a single asterisk means here: handwriting in a transcription,
    italics in a translation. Unmatched signs are kept as literal text.
    """
    if not _SPECIAL.search(source):
        return source, ()
    tokens = _tokenize(source)
    partner = _match_delimiters(tokens, source)
    text: list[str] = []
    length = 0
    opened: dict[int, int] = {}
    marks: list[Mark] = []
    for index, (start, end, kind) in enumerate(tokens):
        token = source[start:end]
        if kind == "text" or index not in partner:
            piece = token[1:] if kind == "escape" else token
            text.append(piece)
            length += len(piece)
            continue
        other = partner[index]
        if other > index:
            opened[index] = length
            continue
        mark_kind = _kind_of(source[tokens[other][0]:tokens[other][1]], italic)
        marks.append(Mark(mark_kind, opened.pop(other), length))
    plain = "".join(text)
    marks.sort(key=lambda mark: (mark.start, -mark.end))
    return plain, tuple(_footnote_refs(plain, marks))


def _tokenize(source: str) -> list[tuple[int, int, str]]:
    tokens: list[tuple[int, int, str]] = []
    position = 0
    for match in _TOKEN.finditer(source):
        if match.start() > position:
            tokens.append((position, match.start(), "text"))
        token = match.group()
        kind = "escape" if token[0] == "\\" else "sign"
        tokens.append((match.start(), match.end(), kind))
        position = match.end()
    if position < len(source):
        tokens.append((position, len(source), "text"))
    return tokens


def _match_delimiters(tokens: list[tuple[int, int, str]], source: str) -> dict[int, int]:
    """Pair opening and closing signs; a sign without a partner stays text."""
    partner: dict[int, int] = {}
    waiting: dict[str, list[int]] = {}
    for index, (start, end, kind) in enumerate(tokens):
        if kind != "sign":
            continue
        token = source[start:end]
        if token.startswith("</"):
            stack = waiting.get(token[2:-1])
            if stack:
                opener = stack.pop()
                partner[opener], partner[index] = index, opener
            continue
        if token.startswith("<"):
            waiting.setdefault(token[1:-1], []).append(index)
            continue
        before = source[start - 1] if start else " "
        after = source[end] if end < len(source) else " "
        stack = waiting.setdefault(token, [])
        if stack and not before.isspace():
            opener = stack.pop()
            partner[opener], partner[index] = index, opener
        elif not after.isspace():
            stack.append(index)
    return partner


def _kind_of(sign: str, italic: MarkKind) -> MarkKind:
    if sign == "*":
        return italic
    if sign in _DELIMITER_KIND:
        return _DELIMITER_KIND[sign]
    return _TAG_KIND[sign[1:-1]]


def _footnote_refs(text: str, marks: Iterable[Mark]) -> Iterable[Mark]:
    """A superscript that holds only "[1]" is a footnote reference, not an insertion."""
    for mark in marks:
        if mark.kind is MarkKind.SUPERSCRIPT:
            found = _FOOTNOTE_NUMBER.fullmatch(text[mark.start:mark.end].strip())
            if found:
                yield Mark(MarkKind.FOOTNOTE_REF, mark.start, mark.end, found.group(1))
                continue
        yield mark


def to_inline(text: str, marks: Iterable[Mark]) -> str:
    """Write plain text and its marks back as inline Markdown (the inverse of parse_inline)."""
    signed = [mark for mark in marks if mark.kind in SYNTAX_MARKS]
    if not signed:
        return escape(text)
    opens: dict[int, list[Mark]] = {}
    closes: dict[int, list[Mark]] = {}
    for mark in sorted(signed, key=lambda mark: (mark.start, -mark.end)):
        opens.setdefault(mark.start, []).append(mark)
        closes.setdefault(mark.end, []).insert(0, mark)
    cuts = sorted(set(opens) | set(closes) | {0, len(text)})
    out: list[str] = []
    for index, position in enumerate(cuts):
        out.extend(_SIGN[mark.kind][1] for mark in closes.get(position, ()))
        out.extend(_SIGN[mark.kind][0] for mark in opens.get(position, ()))
        if index + 1 < len(cuts):
            out.append(escape(text[position:cuts[index + 1]]))
    return "".join(out)


_NEEDS_ESCAPE = re.compile(r"[\\*~]|<(?=/?(?:sup|u)>)")


def escape(text: str) -> str:
    """Escape the characters that would otherwise be read as signs."""
    return _NEEDS_ESCAPE.sub(lambda match: "\\" + match.group(), text)


# --- the editor's square brackets -------------------------------------------------------------

_BRACKET = re.compile(r"\[([^\[\]\n]{1,400})\]")
_TRANSLATOR_NOTE = re.compile(r"^\s*trans(?:lator)?(?:'s)?\.?\s*note\s*(?:-+|:|—|–)\s*", re.I)
_UNCLEAR = re.compile(r"^\s*(?:illegible|unclear|\?|неразборчиво|нрзб\.?)\s*$", re.I)
_EDITORIAL = re.compile(r"^\s*(?:…|\.\.\.|signed|sic|sic!|подпись|stamp|seal|handwritten)\s*$",
                        re.I)


def bracket_marks(text: str, marks: tuple[Mark, ...] = ()) -> tuple[Mark, ...]:
    """Read the editor's square brackets and check marks: what each bracket does to the text."""
    if "[" not in text and "✓" not in text:
        return ()
    italic = [mark for mark in marks if mark.kind in (MarkKind.ITALIC, MarkKind.ADDED)]
    found: list[Mark] = []
    for match in _BRACKET.finditer(text):
        start, end = match.span()
        if any(m.kind is MarkKind.FOOTNOTE_REF and m.start <= start and end <= m.end
               for m in marks):
            continue
        found.append(Mark(_bracket_kind(text, match, italic), start, end,
                          _bracket_value(match.group(1))))
    found.extend(Mark(MarkKind.CHECK, m.start(), m.end()) for m in re.finditer("✓", text))
    return tuple(found)


def _bracket_kind(text: str, match: re.Match[str], italic: list[Mark]) -> MarkKind:
    inner = match.group(1)
    start, end = match.span()
    if _TRANSLATOR_NOTE.match(inner):
        return MarkKind.TRANSLATOR_NOTE
    if _UNCLEAR.match(inner):
        return MarkKind.UNCLEAR
    if _EDITORIAL.match(inner):
        return MarkKind.EDITORIAL
    if any(m.start <= start + 1 and end - 1 <= m.end for m in italic):
        return MarkKind.ORIGINAL_TERM
    before = text[:start]
    if before and before[-1].isalpha():
        return MarkKind.EXPANSION  # Com[rade]: letters the writer left out of a word
    word = before.rstrip().rsplit(None, 1)[-1] if before.strip() else ""
    word = word.strip("(\"'“")
    if _spells_out(word, inner):
        return MarkKind.EXPANSION  # CC [Central Committee]: an abbreviation spelled out
    if word[:1].isupper() and inner[:1].isupper() and before.endswith(" "):
        return MarkKind.IDENTIFICATION  # Filippov [Stalin]: who or what a name stands for
    return MarkKind.SUPPLIED


def _spells_out(word: str, inner: str) -> bool:
    letters = "".join(char for char in word if char.isalpha())
    if not (letters.isupper() and 2 <= len(letters) <= 8):
        return False
    initials = "".join(part[0] for part in re.findall(r"[^\W\d_]+", inner) if part[0].isupper())
    return initials.startswith(letters[:2])


def _bracket_value(inner: str) -> str:
    note = _TRANSLATOR_NOTE.match(inner)
    if note:
        return inner[note.end():].strip()
    return inner.strip().strip("*")


def reading_text(block: Block) -> str:
    """The text as finally sent: deletions dropped, everything else kept."""
    deleted = [m for m in block.marks if m.kind is MarkKind.DELETED]
    if not deleted:
        return block.text
    keep = [True] * len(block.text)
    for mark in deleted:
        keep[mark.start:mark.end] = [False] * (mark.end - mark.start)
    text = "".join(char for char, kept in zip(block.text, keep) if kept)
    return re.sub(r"[ \t]{2,}", " ", text).strip(" ")
