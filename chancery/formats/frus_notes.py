"""What a FRUS source note says: where the document is kept, and its classification.

Accepts the note as printed ("Source: Department of State, Central Files, 611.6112/8–862.
Secret; Priority. Drafted by …"). The archival reference is its first sentence, cut by a
sentence splitter that knows the abbreviations archival references use ("Vol. 3",
"No. 12", "pp. 4–5", "Lot 66 D 95", initials), so a reference is never cut inside them;
a sentence that starts with a classification or a drafting note always ends the reference.
The classification is the first classification label followed by ";", "." or ",".
"""

from __future__ import annotations

import re

from chancery.model import ArchivalReference, CableFact

CLASSIFICATIONS = ("Top Secret", "Secret", "Confidential", "Limited Official Use",
                   "Official Use Only", "Unclassified", "Eyes Only", "Restricted")
# words that end with a full stop without ending a sentence
_ABBREVIATIONS = frozenset(
    "vol vols no nos p pp ff f fol fols doc docs box ser ltr memo mr mrs ms dr gen adm col "
    "lt maj capt sen rep amb jr sr st ft mt ave dept div sec secs ch chap pt pts app encl "
    "ref tel misc rev est inc co corp bros ed eds cf viz etc approx nr ca pl".split())
_SENTENCE_STARTS = re.compile(
    r"(?:" + "|".join(CLASSIFICATIONS) + r"|No classification|Drafted|Sent|Repeated|"
    r"Transmitted|Received|Approved|Printed|Also|Attached|The|This|A\s)\b")
_END = re.compile(r"\.\s+(?=[A-Z\[“\"(])")


def sentences(text: str) -> list[str]:
    """The sentences of a note, not cut at abbreviations or initials."""
    found, start = [], 0
    for match in _END.finditer(text):
        before = text[start:match.start()].rsplit(None, 1)
        word = before[-1].lower().strip("(“\"") if before else ""
        following = text[match.end():]
        if (word in _ABBREVIATIONS or re.fullmatch(r"[a-z]|[a-z]\.[a-z]|\d+[a-z]?", word)) \
                and not _SENTENCE_STARTS.match(following):
            continue
        found.append(text[start:match.start() + 1].strip())
        start = match.end()
    if text[start:].strip():
        found.append(text[start:].strip())
    return found


def references(source_text: str) -> tuple[ArchivalReference, ...]:
    """The source note's first sentence (where the document is kept), as written."""
    # as printed, and as some notes are set: in the editors' brackets ("[Source: Johnson
    # Library, ...]"), with a semicolon for the colon ("Source; Department of State")
    text = source_text.strip()
    if text.startswith("[") and text.endswith("]"):
        text = text[1:-1].strip()
    text = re.sub(r"^Source\s*[:;]\s*", "", text)
    if not text:
        return ()
    where = sentences(text)[0].rstrip(".")
    repository = where.split(",", 1)[0].strip()
    return (ArchivalReference(raw=where, repository=repository),)


def classification(source_text: str) -> tuple[CableFact, ...]:
    for label in CLASSIFICATIONS:
        match = re.search(rf"(?:^|[.;]\s*)({re.escape(label)})(?=[;.,])", source_text)
        if match:
            return (CableFact("classification", match.group(1), label.lower()),)
    return ()
