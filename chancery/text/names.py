"""Name keys: where spelling systems and scripts meet.

A key is what a name sounds like once spelling conventions are set aside. Chinese names are
read as pinyin syllables whatever they were written in (pinyin, Wade-Giles, the Russian
Palladius system and its older cable spellings such as "Цзе-дун" or "Дзе-дун", or Chinese
characters). Russian and other names are reduced to a Latin skeleton that BGN/PCGN, Library of
Congress, ISO 9 and common English spellings share, after Russian case endings are removed
("Филиппову" -> "Филиппов"). Keys find candidates; the authority file decides identity.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_WORD = re.compile(r"[^\W\d_]+(?:['’ʼ][^\W\d_]+)*", re.UNICODE)
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_HAN = re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf]")
_MAX_SYLLABLES = 8


@lru_cache(maxsize=100_000)
def name_keys(text: str) -> frozenset[str]:
    """Every key of a name: its Chinese readings ("zh:mao ze dong") and its skeleton ("sk:...")."""
    text = unicodedata.normalize("NFC", text.strip()).replace("\u0361", "").replace("\u0311", "")
    if not text:
        return frozenset()
    keys = {f"zh:{reading}" for reading in chinese_readings(text)}
    # a Latin "x" is "ks" in Alexei (Алексей) and "kh" in México (Мехико): both readings of
    # a name of two words or more (a person's); a single word keeps "kh" alone: read as
    # "ks" the country Mexico met "Мексико", a Russian name of its capital, and the
    # authority's build merged the two places
    skeletons = {name_skeleton(text)} | (
        {name_skeleton(text, x_is_ks=True)} if "x" in text.lower() and len(text.split()) > 1
        else set())
    keys.update(f"sk:{skeleton}" for skeleton in skeletons if skeleton)
    return frozenset(keys)


# A capitalised word, and the capitalised words after it joined by a space or a hyphen:
# "Chou En-lai", "Khrushchev", "Мао Цзэ-дуна".
_NAME_RUN = re.compile(r"[A-ZА-ЯЁ][^\W\d_]+(?:['’ʼ][^\W\d_]+)*"
                       r"(?:(?: [A-ZА-ЯЁ]|-[^\W\d_])[^\W\d_]*(?:['’ʼ][^\W\d_]+)*)*")
_MAX_RUN = 3
_POSSESSIVE = re.compile(r"['’]s$")  # "Chou En-lai's" is Chou En-lai's name


def keys_in_text(text: str) -> set[str]:
    """The name keys of every name form a text may hold, known to an authority or not: of
    each capitalised word (its skeleton) and of each run of two or three (as a Chinese name
    too), so that a name typed in another script or spelling system finds it."""
    found: set[str] = set()
    for run in _NAME_RUN.findall(text):
        found |= _run_keys(run)
    return found


@lru_cache(maxsize=100_000)
def _run_keys(run: str) -> frozenset[str]:
    """The keys of a run of capitalised words, and of each part of two or three words
    (the same runs recur from document to document: worked out once)."""
    found: set[str] = set()
    words = [_POSSESSIVE.sub("", word) for word in run.split(" ")]
    for start in range(len(words)):
        for size in range(1, min(_MAX_RUN, len(words) - start) + 1):
            found.update(query_keys(" ".join(words[start:start + size])))
        if "-" in words[start]:  # "Johnson-Khrushchev": each name of the pair too
            for part in words[start].split("-"):
                if part[:1].isupper():
                    found.update(query_keys(part))
    return frozenset(found)


@lru_cache(maxsize=100_000)
def query_keys(name: str) -> frozenset[str]:
    """The keys a name form is found by: its skeleton; and its Chinese readings when it has
    two syllables or more in two words or a hyphenated one ("Chou En-lai", "Tse-tung"), since
    a single syllable ("He", "Long") would make a Chinese name of an English word."""
    keys = name_keys(name)
    if not _CYRILLIC.search(name) and not _HAN.search(name):
        # an English name as Russian writes it: "Киссинджер", "Никсон", "Джонсон", "Раск"
        # are Kissinger, Nixon, Johnson and Rusk by their sounds, not by transliteration
        transcribed = name_skeleton(name, x_is_ks=True, as_russian_writes=True)
        if transcribed:
            keys = keys | {f"sk:{transcribed}"}
    if " " in name.strip() or "-" in name:
        return keys
    return frozenset(key for key in keys if key.startswith("sk:"))


def same_name(first: str, second: str) -> bool:
    """Whether two written names may be the same name in other spellings."""
    return bool(name_keys(first) & name_keys(second))


# --- Chinese: pinyin, Wade-Giles, Palladius, characters -------------------------------------

_WORD_GAPS = re.compile(r"[\s,.]+")
_HYPHENS = re.compile(r"[-‐–]")


@lru_cache(maxsize=100_000)
def chinese_readings(text: str) -> frozenset[str]:
    """Pinyin readings of a name ("mao ze dong"); empty when it cannot be read as Chinese."""
    # cached: the linker asks it of every capitalised run, and the same runs recur
    if _HAN.search(text):
        return frozenset({_from_characters(text)} - {""})
    cyrillic = bool(_CYRILLIC.search(text))
    words = _WORD_GAPS.split(text.lower().replace("ё", "е"))
    if cyrillic:
        words = [nominative(word) for word in words if word]
    table = "cyrillic" if cyrillic else "latin"
    readings = [""]
    syllables = 0
    for word in filter(None, words):
        options = set()
        parts = [part for part in _HYPHENS.split(word) if part]
        for reading in _segmentations(parts, table):
            options.add(reading)
        if not options:
            return frozenset()
        syllables += min(option.count(" ") + 1 for option in options)
        if syllables > _MAX_SYLLABLES:
            return frozenset()
        readings = [f"{done} {option}".strip() for done in readings for option in options]
        if len(readings) > 64:  # Wade-Giles without apostrophes is ambiguous; stay bounded
            readings = readings[:64]
    return frozenset(readings)


def _segmentations(parts: list[str], table: str) -> set[str]:
    results = {""}
    for part in parts:
        found = _segment(part.replace("’", "'").replace("ʼ", "'"), table)
        if not found:
            return set()
        results = {f"{done} {reading}".strip() for done in results for reading in found}
    return results


@lru_cache(maxsize=65536)
def _segment(word: str, table: str) -> frozenset[str]:
    """All ways to read one written word as a run of syllables, in pinyin."""
    if not word:
        return frozenset({""})
    syllables = _palladius() if table == "cyrillic" else _latin()
    found: set[str] = set()
    for end in range(min(len(word), 7), 0, -1):
        head = syllables.get(word[:end])
        if not head:
            continue
        for rest in _segment(word[end:].lstrip("'"), table):
            found.update(f"{syllable} {rest}".strip() for syllable in head)
    if not found:
        return frozenset()
    fewest = min(reading.count(" ") for reading in found)  # "mao", never "ma o"
    return frozenset(reading for reading in found if reading.count(" ") == fewest)


def _from_characters(text: str) -> str:
    from pypinyin import Style, lazy_pinyin

    return " ".join(_fold(s) for s in lazy_pinyin(_HAN.findall(text) and "".join(
        _HAN.findall(text)), style=Style.NORMAL, v_to_u=True))


@lru_cache(maxsize=1)
def _pinyin_syllables() -> frozenset[str]:
    from pypinyin.pinyin_dict import pinyin_dict

    # 42,000 characters share about 1,500 written readings: each is stripped of its tone once
    written = {reading for readings in set(pinyin_dict.values())
               for reading in readings.split(",")}
    syllables = set()
    for reading in written:
        bare = "".join(c for c in unicodedata.normalize("NFD", reading)
                       if not unicodedata.combining(c) or c == "\u0308")
        syllables.add(unicodedata.normalize("NFC", bare))
    return frozenset(s for s in syllables if len(s) > 1 or s in ("a", "e", "o"))


def _fold(syllable: str) -> str:
    return syllable.replace("ü", "u").replace("v", "u")


@lru_cache(maxsize=1)
def _latin() -> dict[str, frozenset[str]]:
    """Written Latin syllable -> pinyin syllables: pinyin itself, and Wade-Giles."""
    from pypinyin import Style
    from pypinyin.style import convert

    table: dict[str, set[str]] = {}
    for syllable in _pinyin_syllables():
        pinyin = _fold(syllable)
        wade = convert(syllable.replace("ü", "v"), Style.WADEGILES, strict=True).replace("v", "ü")
        if syllable.endswith("ai") and wade.endswith("ei"):
            wade = wade[:-2] + "ai"  # pypinyin writes lai as lei, hai as hei
        for written in {pinyin, wade, wade.replace("ü", "u"), wade.replace("'", ""),
                        wade.replace("'", "").replace("ü", "u")}:
            table.setdefault(written, set()).add(pinyin)
    for written, pinyin in _WADE_VARIANTS.items():
        table.setdefault(written, set()).add(pinyin)
    return {written: frozenset(readings) for written, readings in table.items()}


# Spellings in common use that the systematic tables miss.
_WADE_VARIANTS = {"tse": "ze", "tze": "zi", "sze": "si", "szu": "si", "tsu": "zu",
                  "hsien": "xian", "yuen": "yuan", "kwang": "guang", "kuo": "guo",
                  "teh": "de", "shaw": "shao", "chiang": "jiang", "soong": "song",
                  "sun": "sun", "yat": "yi", "sen": "xian", "kai": "kai", "shek": "shi",
                  "peking": "bei jing", "nanking": "nan jing", "chungking": "chong qing",
                  "canton": "guang zhou", "tientsin": "tian jin", "mukden": "shen yang",
                  "kalgan": "zhang jia kou"}


@lru_cache(maxsize=1)
def _palladius() -> dict[str, frozenset[str]]:
    """Written Cyrillic syllable -> pinyin syllables: Palladius and its older cable forms."""
    from pypinyin import Style
    from pypinyin.style import convert

    table: dict[str, set[str]] = {}
    for syllable in _pinyin_syllables():
        cyrillic = convert(syllable.replace("ü", "v"), Style.CYRILLIC, strict=True)
        variants = {cyrillic, cyrillic.replace("э", "е"), cyrillic.replace("ь", "")}
        variants |= {v.replace("цз", "дз") for v in variants if v.startswith("цз")}
        variants |= {v.replace("ё", "е") for v in variants}
        for written in variants:
            table.setdefault(written, set()).add(_fold(syllable))
    return {written: frozenset(readings) for written, readings in table.items()}


# --- Russian and other names: the Latin skeleton ---------------------------------------------

_FOLD_STEPS = (
    ("shch", "shch"), ("šč", "shch"), ("ŝ", "shch"), ("č", "ch"), ("š", "sh"), ("ž", "zh"),
    ("û", "yu"), ("â", "ya"), ("è", "e"), ("ë", "yo"), ("ʹ", ""), ("ʺ", ""), ("'", ""),
    ("’", ""), ("ʼ", ""), ("ǐ", "i"),
)
_SKELETON_RULES = (
    (re.compile(r"dzh|dj"), "j"),
    (re.compile(r"(?<=[zcs]h)(?:yo|jo|o)(?=v|m|\b)"), "e"),  # Poskrebyshov = Poskrebyshev
    (re.compile(r"yo|jo|io(?=[^n]|$)"), "e"),
    (re.compile(r"kh|x(?=[aeiou])|h"), "h"),
    (re.compile(r"ck|c(?=[aoulr])|q(?=u)"), "k"),  # Castro = Кастро, Jackson = Джексон
    (re.compile(r"tz|ts|c(?![h])"), "c"),
    (re.compile(r"ks|x"), "ks"),
    (re.compile(r"w"), "v"),
    (re.compile(r"ph"), "f"),
    (re.compile(r"(?<=[aeiouy])j(?=[aeiou]|\b)|(?<=[aeiou])[iy](?=[aeou])"), ""),  # Mikojan
    # Vasil'yev, Vasiliev; not after "ch", "sh", "zh", where Wade-Giles' "i" is a sound of
    # its own ("Chiang" is not "Chang")
    (re.compile(r"(?<=[bcdfgklmnprstvz])[yi](?=[aeou])|(?<=[^csz\s]h)[yi](?=[aeou])"), ""),
    (re.compile(r"(?:iy|yy|ii|ij|yj|y)(?=\b)"), "i"),  # -sky, -skii, -skij, -skiy
    (re.compile(r"j"), "y"),
    (re.compile(r"([bcdfghjklmnpqrstvwxz])\1+"), r"\1"),  # Filippov = Filipov
)


# English spellings as Russian transcribes their sounds, before the skeleton's own rules
_AS_RUSSIAN_WRITES = (
    (re.compile(r"\bmc"), "mak"),  # McNamara: Макнамара
    (re.compile(r"g(?=[eiy])"), "dzh"),  # Kissinger: Киссинджер
    (re.compile(r"(?<=[aeiou])h(?=[^aeiouy\s])"), ""),  # Johnson: Джонсон
    (re.compile(r"u(?=[^aeiouy\s]{2}|[^aeiouy\s]\b)"), "a"),  # Rusk, Dulles: Раск, Даллес
    (re.compile(r"(?<=[^aeiou\s])y(?=[^aeiouy\s])"), "i"),  # Lyndon: Линдон
)


@lru_cache(maxsize=100_000)
def name_skeleton(text: str, x_is_ks: bool = False, as_russian_writes: bool = False) -> str:
    """The name with spelling conventions removed, for Latin and Cyrillic alike; a Latin "x"
    before a vowel read as "kh" (México), or with ``x_is_ks`` as "ks" (Alexei). With
    ``as_russian_writes``, an English name's letters as Russian renders their sounds: "Mc"
    as "Mak", a soft "g" as "дж", "u" before consonants as "а", an "h" after a vowel silent
    (McNamara, Kissinger, Rusk, Johnson: Макнамара, Киссинджер, Раск, Джонсон)."""
    words = [nominative(word) if _CYRILLIC.search(word) else word
             for word in _WORD.findall(text)]
    if not words:
        return ""
    latin = " ".join(_transliterate(word) if _CYRILLIC.search(word) else word
                     for word in words).lower()
    for written, plain in _FOLD_STEPS:
        latin = latin.replace(written, plain)
    latin = "".join(c for c in unicodedata.normalize("NFD", latin)
                    if not unicodedata.combining(c))
    latin = latin.replace("ł", "l").replace("ø", "o").replace("ß", "ss")
    if x_is_ks:
        latin = latin.replace("x", "ks")
    if as_russian_writes:
        for written, sounded in _AS_RUSSIAN_WRITES:
            latin = written.sub(sounded, latin)
    for pattern, replacement in _SKELETON_RULES:
        latin = pattern.sub(replacement, latin)
    words = (re.sub(r"[^a-z]", "", word) for word in latin.split())
    return " ".join(word for word in words if word)  # "" for scripts it cannot read


def _transliterate(word: str) -> str:
    import iuliia

    return iuliia.schemas.get("bgn_pcgn").translate(word.replace("ё", "е").replace("Ё", "Е"))


# Oblique endings of Russian surnames and the nominative they come from: regular enough to
# strip by rule, and a rule cannot mistake a surname for a common noun ("Штыков" is not
# the genitive plural of "штык" here).
_SURNAME_ENDINGS = (
    ("овым", "ов"), ("евым", "ев"), ("ёвым", "ёв"), ("иным", "ин"), ("ыным", "ын"),
    ("ову", "ов"), ("еву", "ев"), ("ёву", "ёв"), ("ину", "ин"), ("ыну", "ын"),
    ("ове", "ов"), ("еве", "ев"), ("ине", "ин"),
    ("ского", "ский"), ("скому", "ский"), ("ским", "ский"), ("ском", "ский"),
    ("цкого", "цкий"), ("цкому", "цкий"), ("цким", "цкий"),
)
_VOWELS = set("аеёиоуыэюяaeiouy")


@lru_cache(maxsize=65536)
def nominative(word: str) -> str:
    """A Russian name in the nominative: "Филиппову" -> "Филиппов", "Мао" stays "Мао"."""
    lowered = word.lower()
    for ending, nominative in _SURNAME_ENDINGS:
        if lowered.endswith(ending) and len(lowered) > len(ending) + 2:
            return _keep_case(word, lowered[: -len(ending)] + nominative)
    if len(lowered) >= 4 and lowered.endswith("у") and lowered[-2] not in _VOWELS:
        return word[:-1]  # "Цзе-дуну", "Ир Сену": a name declined like a masculine noun
    if len(lowered) >= 4 and lowered.endswith(("аю", "ею", "ою")):
        return _keep_case(word, lowered[:-1] + "й")  # "Эньлаю" -> "Эньлай"
    try:
        parses = _morph().parse(lowered)
    except ValueError:  # pymorphy3 asks unicodedata for names some characters do not have
        return word
    for parse in parses:
        if "Geox" in parse.tag.grammemes and "nomn" not in parse.tag.grammemes:
            return _keep_case(word, parse.normal_form)  # "Москве" -> "Москва"
    return word


def _keep_case(original: str, word: str) -> str:
    if original.isupper():
        return word.upper()
    return word[:1].upper() + word[1:] if original[:1].isupper() else word


@lru_cache(maxsize=1)
def _morph():  # noqa: ANN202 - pymorphy3's analyzer
    import pymorphy3

    return pymorphy3.MorphAnalyzer()
