"""Languages: names to ISO 639-1 codes, and the language of a paragraph.

Script decides most cases at once (Cyrillic, Han, Hangul...). Only when two candidate
languages share a script (an English translation of a German original) is a statistical
detector asked, and then only among the languages the record itself declares.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# The languages of the archive's sources, as record headers spell them.
_CODES = {
    "english": "en", "russian": "ru", "chinese": "zh", "german": "de", "polish": "pl",
    "french": "fr", "korean": "ko", "japanese": "ja", "vietnamese": "vi", "hungarian": "hu",
    "czech": "cs", "slovak": "sk", "romanian": "ro", "bulgarian": "bg", "serbian": "sr",
    "croatian": "hr", "serbo-croatian": "sh", "slovenian": "sl", "ukrainian": "uk",
    "belarusian": "be", "mongolian": "mn", "albanian": "sq", "italian": "it", "spanish": "es",
    "portuguese": "pt", "dutch": "nl", "swedish": "sv", "finnish": "fi", "norwegian": "no",
    "danish": "da", "greek": "el", "turkish": "tr", "arabic": "ar", "persian": "fa",
    "farsi": "fa", "hebrew": "he", "hindi": "hi", "georgian": "ka", "armenian": "hy",
    "macedonian": "mk", "lithuanian": "lt", "latvian": "lv", "estonian": "et",
    "indonesian": "id", "khmer": "km", "lao": "lo", "thai": "th", "burmese": "my",
    "azerbaijani": "az", "kazakh": "kk", "uzbek": "uz", "latin": "la",
}
_SCRIPT_LANGUAGES = {
    "Cyrillic": ("ru", "uk", "be", "bg", "sr", "mk", "mn", "kk"),
    "Han": ("zh", "ja"), "Hangul": ("ko",), "Kana": ("ja",), "Greek": ("el",),
    "Arabic": ("ar", "fa"), "Hebrew": ("he",), "Georgian": ("ka",), "Armenian": ("hy",),
    "Thai": ("th",), "Khmer": ("km",), "Devanagari": ("hi",),
}
_LATIN_LANGUAGES = frozenset(_CODES.values()) - {
    code for codes in _SCRIPT_LANGUAGES.values() for code in codes} | {"sr", "az", "uz"}
_LETTER = re.compile(r"[^\W\d_]")


_NAMES = {code: name.capitalize() for name, code in reversed(_CODES.items())}


def name_for(code: str) -> str:
    """English name of a language code ("ru" -> "Russian"); the code itself when unknown."""
    return _NAMES.get(code, code)


def code_for(name: str) -> str:
    """ISO 639-1 code for a language name ("Russian" -> "ru"); "" when unknown."""
    key = name.strip().lower()
    if key in _CODES.values():
        return key
    return _CODES.get(key, "")


def parse_language_list(text: str) -> tuple[str, ...]:
    """Codes for a header such as "Russian", "Chinese, Russian" or "German and English"."""
    parts = re.split(r"\s*(?:,|;|/|\band\b|\n|-)\s*", text.strip())
    codes = [code_for(part.strip("*. ")) for part in parts if part.strip("*. ")]
    return tuple(dict.fromkeys(code for code in codes if code))


_ASCII_LETTER = re.compile(r"[A-Za-z]")
_CYRILLIC_LETTER = re.compile(r"[\u0400-\u052f]")
_KANA = re.compile(r"[\u3040-\u30ff]")
_COMMON_SCRIPTS = (("Latin", re.compile(r"[A-Za-z\u00c0-\u024f]")),
                   ("Cyrillic", re.compile(r"[\u0400-\u052f]")),
                   ("Han", re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf]")))


def script_of(text: str) -> str:
    """The script most of the letters of ``text`` are written in; "" when it has none."""
    sample = text[:200]
    if sample.isascii():
        return "Latin" if _ASCII_LETTER.search(sample) else ""
    cyrillic = len(_CYRILLIC_LETTER.findall(sample))
    if cyrillic * 2 > len(sample) - sample.count(" "):
        return "Cyrillic"  # the other common case, with one expression
    counts = [(len(pattern.findall(sample)), script) for script, pattern in _COMMON_SCRIPTS]
    best, script = max(counts)
    if best and best * 2 >= sum(count for count, _ in counts):
        if script != "Han" or not _KANA.search(sample):
            return script  # the usual case, decided by regular expressions alone
    return _script_by_letter(sample)


def _script_by_letter(text: str) -> str:
    counts: dict[str, int] = {}
    for char in _LETTER.findall(text):
        if char < "\u0250":
            script = "Latin"
        elif "\u0400" <= char <= "\u052f":
            script = "Cyrillic"
        elif "\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf":
            script = "Han"
        elif "\uac00" <= char <= "\ud7af" or "\u1100" <= char <= "\u11ff":
            script = "Hangul"
        elif "\u3040" <= char <= "\u30ff":
            script = "Kana"
        else:
            script = _unicode_script(char)
        counts[script] = counts.get(script, 0) + 1
    if not counts:
        return ""
    if counts.get("Kana"):
        counts["Kana"] += counts.pop("Han", 0)
    return max(counts, key=counts.__getitem__)


def _unicode_script(char: str) -> str:
    name = unicodedata.name(char, "")
    for script in ("GREEK", "ARABIC", "HEBREW", "GEORGIAN", "ARMENIAN", "THAI", "KHMER",
                   "DEVANAGARI", "LATIN", "CYRILLIC", "CJK", "HANGUL"):
        if name.startswith(script):
            return {"CJK": "Han", "HANGUL": "Hangul"}.get(script, script.title())
    return "Other"


_SHORT = 40  # letters: below this a statistical guess is no better than the first candidate


def detect(text: str, candidates: tuple[str, ...] = ("en",)) -> str:
    """The language of a paragraph, chosen among ``candidates`` where the script allows.

    Where the script leaves a choice, the first candidate wins for short text ("St.: Except
    for Mikołajczyk?" is English). Returns "" for text with no letters (folio numbers).
    """
    script = script_of(text)
    if not script:
        return ""
    if script == "Latin":
        latin = tuple(code for code in candidates if code in _LATIN_LANGUAGES)
        if len(latin) <= 1 or len(_LETTER.findall(text[:200])) < _SHORT:
            return latin[0] if latin else "en"
        return _statistical(text, latin)
    possible = _SCRIPT_LANGUAGES.get(script, ())
    for code in candidates:
        if code in possible:
            return code
    return possible[0] if possible else ""


def _statistical(text: str, candidates: tuple[str, ...]) -> str:
    detector = _detector(tuple(sorted(candidates)))
    if detector is None:
        return candidates[0]
    found = detector.detect_language_of(text[:300])  # enough to tell; cost grows with length
    return found.iso_code_639_1.name.lower() if found is not None else candidates[0]


@lru_cache(maxsize=32)
def _detector(candidates: tuple[str, ...]):  # noqa: ANN202 - lingua's type
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    codes = [getattr(IsoCode639_1, code.upper(), None) for code in candidates]
    codes = [code for code in codes if code is not None]
    if len(codes) < 2:
        return None
    return LanguageDetectorBuilder.from_iso_codes_639_1(*codes).with_low_accuracy_mode().build()


# A run of one script: from a letter of it to a letter of it, with the spaces, digits and
# punctuation between (a Russian date "4 февраля 1949 г" is one run), never a Latin letter
_RUN_LETTERS = {"Cyrillic": "\u0400-\u052f", "Greek": "\u0370-\u03ff",
                "Hangul": "\uac00-\ud7af\u1100-\u11ff", "Kana": "\u3040-\u30ff",
                "Han": "\u3400-\u4dbf\u4e00-\u9fff\u3000-\u303f\uff01-\uff5e",
                "Arabic": "\u0600-\u06ff", "Hebrew": "\u0590-\u05ff"}
_BETWEEN = r"\d\s.,;:!?«»\"'()\[\]\-–—№/"
_RUNS = re.compile("|".join(
    f"(?P<{script}>[{letters}](?:[{letters}{_BETWEEN}]*[{letters}])?)"
    for script, letters in _RUN_LETTERS.items()))


def script_runs(text: str, candidates: tuple[str, ...] = ("ru", "zh")) -> list[tuple[str, str]]:
    """The text cut where its script changes: (piece, language) with the language of each run
    of a script other than Latin (the first of ``candidates`` that script writes, else the
    script's usual language), "" for the rest. For marking runs of another language
    in a page ("as Чегулену", "draft with corrections (И. В. Сталиным)")."""
    pieces: list[tuple[str, str]] = []
    last = 0
    for run in _RUNS.finditer(text):
        script = run.lastgroup or ""
        if script == "Kana" or (script == "Han" and _KANA.search(text)):
            language = "ja"
        else:
            possible = _SCRIPT_LANGUAGES.get(script, ())
            language = next((code for code in candidates if code in possible),
                            possible[0] if possible else "")
        if run.start() > last:
            pieces.append((text[last:run.start()], ""))
        pieces.append((run.group(), language))
        last = run.end()
    if last < len(text):
        pieces.append((text[last:], ""))
    return pieces
