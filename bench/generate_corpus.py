"""Deterministic generator of realistic archive records in the Wilson Center Markdown export format.

    python bench/generate_corpus.py N --out DIR [--seed 1] [--files-per-dir 1000]

writes N records as ``DIR/<shard>/<date>_<slug>-<id>.md``. Benchmarks that want the records in
memory call :func:`generate_records`; :func:`write_corpus` is the CLI's writer.

Each record copies the layout of the real exports in ``samples/wilson``: four blank lines, the
date and title headings, a citation (archival reference in one of several house styles,
publication notes, translator, two trailing spaces) followed by the document URL with a unique
record id, the summary, optional credits, original language, contents, then the body.

The body is an English translation (salutation with editorial brackets, numbered or ordinal
points, signature, dateline; or a conversation record, a memorandum, minutes). About half the
records, those whose original is Russian, carry the Russian transcription after the English:
folio numbers, cipher-office stamps, address line, the text itself, signature and dateline,
handling and certification notes, and sometimes a second, hand-corrected witness with deletions
(``~~...~~``), handwritten additions (``*...*``), insertions above the line (``<sup>``) and the
closing note on whose corrections they are.

Why it looks like this:

- Sentences come from paired English/Russian templates whose slots (cities, people, goods,
  workplaces...) are filled with concepts that carry every Russian case form, so the
  transcription is a plausible rendering of the translation and uses real inflected words
  (город/города/городов/городам...). All forms are built once at import; filling a slot is one
  weighted pick and one dictionary lookup, which keeps 100,000 records well under two minutes.
- Templates and slot vocabularies are drawn with Zipf-like weights, so a search benchmark finds
  very frequent terms ("Chinese", "comrades", "cities") next to rare ones (antimony, Kulja,
  the Lushan plenum) and unique ones (record ids, cipher numbers).
- Everything random comes from one ``random.Random(seed)``, consumed in record order: the same
  seed and N give byte-identical output, and the first k records never depend on N.

Pure standard library.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import os
import random
import re
import sys
import time
import unicodedata
from bisect import bisect_right
from collections.abc import Iterator
from itertools import accumulate

FIRST_YEAR, LAST_YEAR = 1945, 1991
CASES = ("nom", "gen", "dat", "acc", "ins", "prep")

# ------------------------------------------------------------------ Russian morphology
# Only what the templates need: nouns with all twelve forms, adjectives that agree with them,
# and the last word of a proper name declined by its ending.

_PLURAL_I = set("кгхжшчщ")  # after these consonants the plural ending is -и, never -ы
_HUSHING = set("жшчщц")  # after these an unstressed -ом/-ой is written -ем/-ей

_ADJ_ENDINGS = {
    "hard": {"m": ("ый", "ого", "ому", "", "ым", "ом"), "f": ("ая", "ой", "ой", "ую", "ой", "ой"),
             "n": ("ое", "ого", "ому", "ое", "ым", "ом"),
             "pl": ("ые", "ых", "ым", "", "ыми", "ых")},
    "velar": {"m": ("ий", "ого", "ому", "", "им", "ом"), "f": ("ая", "ой", "ой", "ую", "ой", "ой"),
              "n": ("ое", "ого", "ому", "ое", "им", "ом"),
              "pl": ("ие", "их", "им", "", "ими", "их")},
    "hushing": {"m": ("ий", "его", "ему", "", "им", "ем"),
                "f": ("ая", "ей", "ей", "ую", "ей", "ей"),
                "n": ("ее", "его", "ему", "ее", "им", "ем"),
                "pl": ("ие", "их", "им", "", "ими", "их")},
}


def _adjective(en: str, stem: str, kind: str = "hard", stressed: bool = False) -> dict[str, str]:
    """All forms of an adjective, keyed "case.gender"; "acca.*" is the animate accusative."""
    forms = {"en": en}
    for gender, endings in _ADJ_ENDINGS[kind].items():
        for case, ending in zip(CASES, endings):
            if case == "acc" and gender in ("m", "pl"):
                forms[f"acc.{gender}"] = forms[f"nom.{gender}"]
                forms[f"acca.{gender}"] = forms[f"gen.{gender}"]
            else:
                forms[f"{case}.{gender}"] = stem + ending
    if stressed:  # молодой, передовой: the ending carries the stress in the masculine nominative
        forms["nom.m"] = forms["acc.m"] = stem + "ой"
    return forms


def _noun(en: str, en_pl: str, sg: str, pl: str, gender: str,
          animate: bool = False) -> tuple[dict[str, str], str, bool]:
    """A noun from its six singular and six plural forms (space separated)."""
    forms = {"en": en, "en.pl": en_pl}
    for number, text in (("sg", sg), ("pl", pl)):
        for case, form in zip(CASES, text.split()):
            forms[f"{case}.{number}"] = form
    return forms, gender, animate


def _masc(en: str, en_pl: str, stem: str,
          animate: bool = False) -> tuple[dict[str, str], str, bool]:
    """A regular masculine noun ending in a hard consonant (завод, коммунист, танк)."""
    i = "и" if stem[-1] in _PLURAL_I else "ы"
    acc_sg = stem + "а" if animate else stem
    acc_pl = stem + "ов" if animate else stem + i
    return _noun(en, en_pl, f"{stem} {stem}а {stem}у {acc_sg} {stem}ом {stem}е",
                 f"{stem}{i} {stem}ов {stem}ам {acc_pl} {stem}ами {stem}ах", "m", animate)


def _agree(adjective: dict[str, str], noun: tuple[dict[str, str], str, bool]) -> dict[str, str]:
    """An adjective + noun phrase in every case and number ("больших городов")."""
    forms, gender, animate = noun
    out = {"en": f"{adjective['en']} {forms['en']}", "en.pl": f"{adjective['en']} {forms['en.pl']}"}
    for number in ("sg", "pl"):
        g = gender if number == "sg" else "pl"
        for case in CASES:
            key = f"acca.{g}" if case == "acc" and animate and g in ("m", "pl") else f"{case}.{g}"
            out[f"{case}.{number}"] = f"{adjective[key]} {forms[f'{case}.{number}']}"
    return out


def _declined_word(word: str, animate: bool, surname: bool) -> list[str]:
    """The six case forms of the last word of a name, read off its ending."""
    last = word[-1]
    if word.endswith(("ский", "цкий")):  # Вышинский, Трояновский: adjective declension
        stem = word[:-2]
        acc = stem + "ого" if animate else word
        return [word, stem + "ого", stem + "ому", acc, stem + "им", stem + "ом"]
    if surname and word.endswith(("ов", "ев", "ёв", "ин", "ын")):  # Молотов, Сталин: -ым
        return [word, word + "а", word + "у", word + "а", word + "ым", word + "е"]
    if last in "йь":  # Шанхай, Чэнь Юнь, Тяньцзинь (all masculine here)
        stem = word[:-1]
        acc = stem + "я" if animate else word
        return [word, stem + "я", stem + "ю", acc, stem + "ем", stem + "е"]
    if word.endswith("ия"):  # Маньчжурия, Германия
        stem = word[:-2]
        return [word, stem + "ии", stem + "ии", stem + "ию", stem + "ией", stem + "ии"]
    if last == "я":  # Корея
        stem = word[:-1]
        return [word, stem + "и", stem + "е", stem + "ю", stem + "ей", stem + "е"]
    if last == "а":  # Москва, Прага, Кульджа, Ходжа
        stem = word[:-1]
        gen = stem + ("и" if stem[-1] in _PLURAL_I else "ы")
        ins = stem + ("ей" if stem[-1] in _HUSHING else "ой")
        return [word, gen, stem + "е", stem + "у", ins, stem + "е"]
    if last in "аеёиоуыэюя":  # Лю Шаоци, Громыко, Токио: indeclinable
        return [word] * 6
    acc = word + "а" if animate else word
    ins = word + ("ем" if last in _HUSHING else "ом")
    return [word, word + "а", word + "у", acc, ins, word + "е"]


def _name(ru: str, animate: bool, surname: bool = False) -> dict[str, str]:
    """Case forms of a proper name. "a|b|c|d|e|f" lists them; a leading "!" means indeclinable;
    "провинция X" / "остров X" decline their first word."""
    if "|" in ru:
        return dict(zip(CASES, ru.split("|")))
    if ru.startswith("!"):
        return dict.fromkeys(CASES, ru[1:])
    if ru.startswith(("провинция ", "остров ")):
        head, rest = ru.split(" ", 1)
        return {case: f"{form} {rest}" for case, form in
                zip(CASES, _declined_word(head, False, False))}
    prefix, _, last = ru.rpartition(" ")
    prefix = prefix + " " if prefix else ""
    return {case: prefix + form for case, form in
            zip(CASES, _declined_word(last, animate, surname))}


# ------------------------------------------------------------------ people

class Person:
    """Someone who sends, receives, signs or is mentioned; active in the years y0..y1."""

    __slots__ = ("key", "full", "short", "forms", "y0", "y1", "side", "city", "initials",
                 "initials_ru", "note", "real", "channel", "role", "weight")

    def __init__(self, key: str, full: str, ru: str, y0: int, y1: int, side: str, city: str, *,
                 short: str | None = None, initials: str = "", initials_ru: str = "",
                 note: str = "", real: str = "", channel: str = "", role: str = "",
                 weight: float = 1.0) -> None:
        self.key, self.full, self.y0, self.y1, self.side, self.city = key, full, y0, y1, side, city
        self.short = short or full.split(" [")[0].split()[-1]
        self.initials, self.initials_ru, self.note, self.real = initials, initials_ru, note, real
        self.channel, self.role, self.weight = channel, role, weight
        self.forms = _name(ru, animate=True, surname=side == "su")
        self.forms.update({"en": self.short, "en.full": full})


def _people() -> list[Person]:
    p = Person
    return [
        # Moscow leadership; "real" links a pseudonym to the man behind it
        p("stalin", "Joseph Stalin", "Сталин", 1945, 1953, "su", "Moscow", initials="I.V.",
          initials_ru="И. В.", weight=6),
        p("filippov", "Filippov [Stalin]", "Филиппов", 1948, 1950, "su", "Moscow", real="stalin",
          note="'Comrade Filippov' was Stalin's nom de guerre", weight=9),
        p("fynsi", "Fyn Si [Stalin]", "!Фын Си", 1950, 1951, "su", "Moscow", real="stalin",
          short="Fyn Si", note="'Fyn Si' was one of Stalin's pseudonyms", weight=4),
        p("molotov", "Vyacheslav Molotov", "Молотов", 1945, 1957, "su", "Moscow", initials="V.M.",
          initials_ru="В. М.", weight=4),
        p("mikoyan", "Anastas Mikoyan", "Микоян", 1945, 1965, "su", "Moscow", initials="A.I.",
          initials_ru="А. И.", weight=3),
        p("vyshinsky", "Andrei Vyshinsky", "Вышинский", 1949, 1953, "su", "Moscow",
          initials="A.Ya.", initials_ru="А. Я.", weight=2),
        p("malenkov", "Georgy Malenkov", "Маленков", 1945, 1957, "su", "Moscow", initials="G.M.",
          initials_ru="Г. М."),
        p("bulganin", "Nikolai Bulganin", "Булганин", 1947, 1958, "su", "Moscow", initials="N.A.",
          initials_ru="Н. А."),
        p("vasilevsky", "Aleksandr Vasilevsky", "Василевский", 1945, 1953, "su", "Moscow",
          initials="A.M.", initials_ru="А. М."),
        p("khrushchev", "Nikita Khrushchev", "Хрущев", 1953, 1964, "su", "Moscow",
          initials="N.S.", initials_ru="Н. С.", weight=6),
        p("gromyko", "Andrei Gromyko", "!Громыко", 1957, 1985, "su", "Moscow", initials="A.A.",
          initials_ru="А. А.", weight=4),
        p("suslov", "Mikhail Suslov", "Суслов", 1947, 1982, "su", "Moscow", initials="M.A.",
          initials_ru="М. А."),
        p("brezhnev", "Leonid Brezhnev", "Брежнев", 1964, 1982, "su", "Moscow", initials="L.I.",
          initials_ru="Л. И.", weight=5),
        p("kosygin", "Aleksei Kosygin", "Косыгин", 1964, 1980, "su", "Moscow", initials="A.N.",
          initials_ru="А. Н.", weight=3),
        p("andropov", "Yuri Andropov", "Андропов", 1957, 1984, "su", "Moscow", initials="Yu.V.",
          initials_ru="Ю. В."),
        p("ponomarev", "Boris Ponomarev", "Пономарев", 1955, 1986, "su", "Moscow",
          initials="B.N.", initials_ru="Б. Н."),
        p("gorbachev", "Mikhail Gorbachev", "Горбачев", 1985, 1991, "su", "Moscow",
          initials="M.S.", initials_ru="М. С.", weight=5),
        p("shevardnadze", "Eduard Shevardnadze", "!Шеварднадзе", 1985, 1991, "su", "Moscow",
          initials="E.A.", initials_ru="Э. А.", weight=3),
        p("rogachev", "Igor Rogachev", "Рогачев", 1982, 1991, "su", "Moscow", initials="I.A.",
          initials_ru="И. А."),
        # Soviet representatives abroad: the cipher clerk addresses them by city
        p("andreev", "Andreev [Mikoyan]", "Андреев", 1949, 1949, "su", "Xibaipo", real="mikoyan",
          note="'Andreev' was Mikoyan's code name", channel="ОСОБЫЙ РАЙОН КИТАЯ", weight=5),
        p("terebin", "Terebin [Orlov]", "Теребин", 1947, 1949, "su", "Yan'an",
          note="Terebin was the code name of Andrei Orlov, Stalin's liaison to Mao Zedong",
          channel="ОСОБЫЙ РАЙОН КИТАЯ", weight=3),
        p("kovalev", "Ivan Kovalev", "Ковалев", 1948, 1950, "su", "Harbin", initials="I.V.",
          role="Soviet Representative", weight=3),
        p("petrov", "Apollon Petrov", "Петров", 1945, 1948, "su", "Nanjing", initials="A.A.",
          role="Soviet Ambassador"),
        p("roshchin", "Nikolai Roshchin", "Рощин", 1949, 1952, "su", "Beijing", initials="N.V.",
          role="Soviet Ambassador", weight=2),
        p("panyushkin", "Aleksandr Panyushkin", "Панюшкин", 1952, 1953, "su", "Beijing",
          initials="A.S.", role="Soviet Ambassador"),
        p("shtykov", "Terentii Shtykov", "Штыков", 1945, 1951, "su", "Pyongyang", initials="T.F.",
          role="Soviet Ambassador", weight=3),
        p("razuvaev", "Vladimir Razuvaev", "Разуваев", 1951, 1953, "su", "Pyongyang",
          initials="V.N.", role="Soviet Ambassador"),
        p("yudin", "Pavel Yudin", "Юдин", 1953, 1959, "su", "Beijing", initials="P.F.",
          role="Soviet Ambassador", weight=3),
        p("puzanov", "Aleksandr Puzanov", "Пузанов", 1957, 1962, "su", "Pyongyang",
          initials="A.M.", role="Soviet Ambassador"),
        p("chervonenko", "Stepan Chervonenko", "!Червоненко", 1959, 1965, "su", "Beijing",
          initials="S.V.", role="Soviet Ambassador", weight=2),
        p("moskovsky", "Vasily Moskovsky", "Московский", 1962, 1966, "su", "Pyongyang",
          initials="V.P.", role="Soviet Ambassador"),
        p("lapin", "Sergei Lapin", "Лапин", 1965, 1966, "su", "Beijing", initials="S.G.",
          role="Soviet Ambassador"),
        p("sudarikov", "Nikolai Sudarikov", "Судариков", 1967, 1973, "su", "Pyongyang",
          initials="N.G.", role="Soviet Ambassador"),
        p("shcherbakov", "Ilya Shcherbakov", "Щербаков", 1964, 1986, "su", "Hanoi",
          initials="I.S.", role="Soviet Ambassador"),
        p("tolstikov", "Vasily Tolstikov", "Толстиков", 1970, 1978, "su", "Beijing",
          initials="V.S.", role="Soviet Ambassador"),
        p("kriulin", "Gleb Kriulin", "Криулин", 1987, 1990, "su", "Pyongyang", initials="G.A.",
          role="Soviet Ambassador"),
        p("troyanovsky", "Oleg Troyanovsky", "Трояновский", 1986, 1990, "su", "Beijing",
          initials="O.A.", role="Soviet Ambassador"),
        # the other side of the correspondence
        p("mao", "Mao Zedong", "Мао Цзэдун", 1945, 1976, "cn", "Beijing", short="Mao Zedong",
          weight=12),
        p("zhou", "Zhou Enlai", "Чжоу Эньлай", 1945, 1976, "cn", "Beijing", short="Zhou Enlai",
          weight=8),
        p("liu", "Liu Shaoqi", "!Лю Шаоци", 1945, 1968, "cn", "Beijing", short="Liu Shaoqi",
          weight=5),
        p("zhu", "Zhu De", "!Чжу Дэ", 1945, 1976, "cn", "Beijing", short="Zhu De", weight=3),
        p("ren", "Ren Bishi", "!Жэнь Биши", 1945, 1950, "cn", "Beijing", short="Ren Bishi",
          weight=2),
        p("chenyun", "Chen Yun", "Чэнь Юнь", 1945, 1991, "cn", "Harbin", short="Chen Yun",
          weight=2),
        p("gaogang", "Gao Gang", "Гао Ган", 1945, 1954, "cn", "Mukden", short="Gao Gang",
          weight=3),
        p("dongbiwu", "Dong Biwu", "!Дун Биу", 1945, 1975, "cn", "Beijing", short="Dong Biwu"),
        p("peng", "Peng Dehuai", "Пэн Дэхуай", 1945, 1959, "cn", "Beijing", short="Peng Dehuai",
          weight=2),
        p("linbiao", "Lin Biao", "!Линь Бяо", 1945, 1971, "cn", "Beijing", short="Lin Biao"),
        p("wangjx", "Wang Jiaxiang", "Ван Цзясян", 1949, 1966, "cn", "Moscow",
          short="Wang Jiaxiang"),
        p("deng", "Deng Xiaoping", "Дэн Сяопин", 1952, 1991, "cn", "Beijing",
          short="Deng Xiaoping", weight=4),
        p("qiao", "Qiao Guanhua", "!Цяо Гуаньхуа", 1954, 1976, "cn", "Beijing",
          short="Qiao Guanhua"),
        p("huyaobang", "Hu Yaobang", "Ху Яобан", 1980, 1989, "cn", "Beijing", short="Hu Yaobang"),
        p("zhaoziyang", "Zhao Ziyang", "Чжао Цзыян", 1980, 1989, "cn", "Beijing",
          short="Zhao Ziyang", weight=2),
        p("lipeng", "Li Peng", "Ли Пэн", 1983, 1991, "cn", "Beijing", short="Li Peng", weight=2),
        p("kim", "Kim Il Sung", "Ким Ир Сен", 1945, 1991, "kr", "Pyongyang", short="Kim Il Sung",
          weight=7),
        p("pak", "Pak Hon-yong", "Пак Хен Ен", 1945, 1953, "kr", "Pyongyang",
          short="Pak Hon-yong"),
        p("ho", "Ho Chi Minh", "Хо Ши Мин", 1945, 1969, "vn", "Hanoi", short="Ho Chi Minh",
          weight=3),
        p("phamvandong", "Pham Van Dong", "Фам Ван Донг", 1954, 1986, "vn", "Hanoi",
          short="Pham Van Dong"),
        p("bierut", "Bolesław Bierut", "Берут", 1945, 1956, "pl", "Warsaw", weight=2),
        p("gomulka", "Władysław Gomułka", "Гомулка", 1956, 1970, "pl", "Warsaw"),
        p("ulbricht", "Walter Ulbricht", "Ульбрихт", 1945, 1971, "de", "Berlin", weight=2),
        p("honecker", "Erich Honecker", "Хонеккер", 1971, 1989, "de", "Berlin"),
        p("rakosi", "Mátyás Rákosi", "!Ракоши", 1945, 1956, "hu", "Budapest"),
        p("kadar", "János Kádár", "Кадар", 1956, 1988, "hu", "Budapest"),
        p("dimitrov", "Georgi Dimitrov", "Димитров", 1945, 1949, "bg", "Sofia"),
        p("gottwald", "Klement Gottwald", "Готвальд", 1945, 1953, "cs", "Prague"),
        p("tsedenbal", "Yumjaagiin Tsedenbal", "Цеденбал", 1952, 1984, "mn", "Ulan Bator"),
        p("hoxha", "Enver Hoxha", "Ходжа", 1945, 1985, "al", "Tirana"),
    ]


# ------------------------------------------------------------------ vocabularies
# Lists run from frequent to rare: the pickers weight them by rank (Zipf), so the head words
# recur across the corpus and the tail words appear in a handful of records.

_CITIES = [
    ("Moscow", "Москва", "МОСКВА"), ("Beijing", "Пекин", ""), ("Harbin", "Харбин", ""),
    ("Pyongyang", "Пхеньян", ""), ("Shanghai", "Шанхай", ""), ("Beiping", "Бэйпин", ""),
    ("Port Arthur", "Порт-Артур", ""),
    ("Dalian", "Дальний|Дальнего|Дальнему|Дальний|Дальним|Дальнем", ""),
    ("Mukden", "Мукден", ""), ("Changchun", "Чанчунь", ""), ("Tianjin", "Тяньцзинь", ""),
    ("Nanjing", "Нанкин", ""), ("Shijiazhuang", "Шицзячжуан", ""), ("Hanoi", "Ханой", ""),
    ("Vladivostok", "Владивосток", ""), ("Warsaw", "Варшава", ""), ("Berlin", "Берлин", ""),
    ("Kalgan", "Калган", ""), ("Wuhan", "Ухань", ""), ("Guangzhou", "!Гуанчжоу", ""),
    ("Ulan Bator", "Улан-Батор", ""), ("Urumqi", "!Урумчи", ""), ("Prague", "Прага", ""),
    ("Budapest", "Будапешт", ""), ("Kaesong", "Кэсон", ""), ("Wonsan", "Вонсан", ""),
    ("Seoul", "Сеул", ""), ("Andong", "Аньдун", ""), ("Chongqing", "Чунцин", ""),
    ("Xi'an", "Сиань", ""), ("Yan'an", "Яньань", ""), ("Xibaipo", "!Сибайпо", ""),
    ("Lanzhou", "!Ланьчжоу", ""), ("Anshan", "Аньшань", ""), ("Fushun", "Фушунь", ""),
    ("Jinan", "Цзинань", ""), ("Qingdao", "!Циндао", ""), ("Taiyuan", "Тайюань", ""),
    ("Sinuiju", "!Синыйчжу", ""), ("Qiqihar", "Цицикар", ""), ("Jilin", "Гирин", ""),
    ("Khabarovsk", "Хабаровск", ""), ("Chita", "Чита", ""), ("Irkutsk", "Иркутск", ""),
    ("Sofia", "София", ""), ("Bucharest", "Бухарест", ""), ("Belgrade", "Белград", ""),
    ("Tirana", "Тирана", ""), ("Geneva", "Женева", ""), ("Tokyo", "!Токио", ""),
    ("Washington", "Вашингтон", ""), ("London", "Лондон", ""), ("Paris", "Париж", ""),
    ("Haiphong", "Хайфон", ""), ("Saigon", "Сайгон", ""), ("Hamhung", "Хамхын", ""),
    ("Kaifeng", "Кайфын", ""), ("Hangzhou", "!Ханчжоу", ""), ("Fuzhou", "!Фучжоу", ""),
    ("Xiamen", "Сямэнь", ""), ("Kunming", "Куньмин", ""), ("Lhasa", "Лхаса", ""),
    ("Kulja", "Кульджа", ""), ("Kashgar", "Кашгар", ""), ("Baotou", "!Баотоу", ""),
    ("Zhangjiakou", "!Чжанцзякоу", ""), ("Novosibirsk", "Новосибирск", ""),
    ("Leningrad", "Ленинград", ""), ("Blagoveshchensk", "Благовещенск", ""),
    ("Manzhouli", "!Маньчжоули", ""), ("Mudanjiang", "Муданьцзян", ""),
    ("Jiamusi", "!Цзямусы", ""), ("Tonghua", "!Тунхуа", ""), ("Yingkou", "!Инкоу", ""),
    ("Suifenhe", "!Суйфэньхэ", ""), ("Heihe", "!Хэйхэ", ""),
]

_REGIONS = [
    ("Manchuria", "Маньчжурия"), ("Hebei province", "провинция Хэбэй"), ("Korea", "Корея"),
    ("Xinjiang", "Синьцзян"),
    ("Northeast China", "Северо-Восточный Китай|Северо-Восточного Китая|Северо-Восточному Китаю|"
     "Северо-Восточный Китай|Северо-Восточным Китаем|Северо-Восточном Китае"),
    ("Shandong province", "провинция Шаньдун"), ("Shanxi province", "провинция Шаньси"),
    ("North Korea", "Северная Корея|Северной Кореи|Северной Корее|Северную Корею|"
     "Северной Кореей|Северной Корее"),
    ("Mongolia", "Монголия"), ("Taiwan", "Тайвань"), ("Vietnam", "Вьетнам"),
    ("Inner Mongolia", "Внутренняя Монголия|Внутренней Монголии|Внутренней Монголии|"
     "Внутреннюю Монголию|Внутренней Монголией|Внутренней Монголии"),
    ("Tibet", "Тибет"), ("Indochina", "Индокитай"), ("Poland", "Польша"),
    ("Germany", "Германия"), ("Henan province", "провинция Хэнань"),
    ("Hubei province", "провинция Хубэй"), ("Guangdong province", "провинция Гуандун"),
    ("Fujian province", "провинция Фуцзянь"), ("Jiangsu province", "провинция Цзянсу"),
    ("Sichuan province", "провинция Сычуань"), ("Shaanxi province", "провинция Шэньси"),
    ("Gansu province", "провинция Ганьсу"), ("Rehe province", "провинция Жэхэ"),
    ("Chahar province", "провинция Чахар"), ("Liaoning province", "провинция Ляонин"),
    ("Heilongjiang province", "провинция Хэйлунцзян"), ("Yunnan province", "провинция Юньнань"),
    ("the Far East", "Дальний Восток|Дальнего Востока|Дальнему Востоку|Дальний Восток|"
     "Дальним Востоком|Дальнем Востоке"),
    ("the Maritime Province", "Приморье|Приморья|Приморью|Приморье|Приморьем|Приморье"),
    ("Hungary", "Венгрия"), ("Czechoslovakia", "Чехословакия"), ("Albania", "Албания"),
    ("Yugoslavia", "Югославия"), ("Romania", "Румыния"), ("Bulgaria", "Болгария"),
    ("Japan", "Япония"), ("Laos", "Лаос"), ("Cambodia", "Камбоджа"),
    ("South Korea", "Южная Корея|Южной Кореи|Южной Корее|Южную Корею|Южной Кореей|Южной Корее"),
    ("Hainan Island", "остров Хайнань"),
    ("the Liaodong Peninsula", "Ляодунский полуостров|Ляодунского полуострова|"
     "Ляодунскому полуострову|Ляодунский полуостров|Ляодунским полуостровом|"
     "Ляодунском полуострове"),
]

_NATIONS = [  # (English, Russian stem of the -ский/-цкий adjective)
    ("Chinese", "китайск"), ("Soviet", "советск"), ("Korean", "корейск"), ("Polish", "польск"),
    ("Vietnamese", "вьетнамск"), ("Mongolian", "монгольск"), ("German", "немецк"),
    ("Hungarian", "венгерск"), ("Czechoslovak", "чехословацк"), ("Albanian", "албанск"),
    ("Bulgarian", "болгарск"), ("Romanian", "румынск"), ("Japanese", "японск"),
    ("American", "американск"), ("British", "английск"), ("French", "французск"),
    ("Indonesian", "индонезийск"), ("Laotian", "лаосск"), ("Cambodian", "камбоджийск"),
]


def _people_nouns() -> list:
    n, m = _noun, _masc
    return [
        n("worker", "workers", "рабочий рабочего рабочему рабочего рабочим рабочем",
          "рабочие рабочих рабочим рабочих рабочими рабочих", "m", True),
        n("comrade", "comrades", "товарищ товарища товарищу товарища товарищем товарище",
          "товарищи товарищей товарищам товарищей товарищами товарищах", "m", True),
        m("communist", "communists", "коммунист", True),
        n("peasant", "peasants",
          "крестьянин крестьянина крестьянину крестьянина крестьянином крестьянине",
          "крестьяне крестьян крестьянам крестьян крестьянами крестьянах", "m", True),
        m("student", "students", "студент", True),
        m("specialist", "specialists", "специалист", True),
        m("officer", "officers", "офицер", True),
        m("engineer", "engineers", "инженер", True),
        n("soldier", "soldiers", "солдат солдата солдату солдата солдатом солдате",
          "солдаты солдат солдатам солдат солдатами солдатах", "m", True),
        n("office worker", "office workers",
          "служащий служащего служащему служащего служащим служащем",
          "служащие служащих служащим служащих служащими служащих", "m", True),
        n("teacher", "teachers", "учитель учителя учителю учителя учителем учителе",
          "учителя учителей учителям учителей учителями учителях", "m", True),
        m("miner", "miners", "шахтер", True),
        m("railwayman", "railwaymen", "железнодорожник", True),
        m("adviser", "advisers", "советник", True),
        n("doctor", "doctors", "врач врача врачу врача врачом враче",
          "врачи врачей врачам врачей врачами врачах", "m", True),
        m("intellectual", "intellectuals", "интеллигент", True),
        m("artisan", "artisans", "ремесленник", True),
        n("merchant", "merchants", "торговец торговца торговцу торговца торговцем торговце",
          "торговцы торговцев торговцам торговцев торговцами торговцах", "m", True),
        m("pilot", "pilots", "летчик", True),
        n("partisan", "partisans", "партизан партизана партизану партизана партизаном партизане",
          "партизаны партизан партизанам партизан партизанами партизанах", "m", True),
        n("refugee", "refugees", "беженец беженца беженцу беженца беженцем беженце",
          "беженцы беженцев беженцам беженцев беженцами беженцах", "m", True),
        n("prisoner of war", "prisoners of war",
          "военнопленный военнопленного военнопленному военнопленного военнопленным "
          "военнопленном", "военнопленные военнопленных военнопленным военнопленных "
          "военнопленными военнопленных", "m", True),
    ]


def _people_adjectives() -> list[dict[str, str]]:
    a = _adjective
    return [a("young", "молод", stressed=True), a("experienced", "опытн"),
            a("Chinese", "китайск", "velar"), a("Soviet", "советск", "velar"),
            a("reliable", "надежн"), a("local", "местн"), a("tried", "проверенн"),
            a("former", "бывш", "hushing"), a("Korean", "корейск", "velar"),
            a("qualified", "квалифицированн"), a("advanced", "передов", stressed=True),
            a("best", "лучш", "hushing"), a("rank-and-file", "рядов", stressed=True),
            a("party", "партийн"), a("demobilized", "демобилизованн")]


def _workplaces() -> list:
    n, m = _noun, _masc
    return [
        m("plant", "plants", "завод"),
        n("factory", "factories", "фабрика фабрики фабрике фабрику фабрикой фабрике",
          "фабрики фабрик фабрикам фабрики фабриками фабриках", "f"),
        n("enterprise", "enterprises",
          "предприятие предприятия предприятию предприятие предприятием предприятии",
          "предприятия предприятий предприятиям предприятия предприятиями предприятиях", "n"),
        n("mine", "mines", "шахта шахты шахте шахту шахтой шахте",
          "шахты шахт шахтам шахты шахтами шахтах", "f"),
        n("power station", "power stations",
          "электростанция электростанции электростанции электростанцию электростанцией "
          "электростанции", "электростанции электростанций электростанциям электростанции "
          "электростанциями электростанциях", "f"),
        m("airfield", "airfields", "аэродром"),
        n("railway station", "railway stations", "станция станции станции станцию станцией станции",
          "станции станций станциям станции станциями станциях", "f"),
        m("depot", "depots", "склад"),
        n("shipyard", "shipyards", "верфь верфи верфи верфь верфью верфи",
          "верфи верфей верфям верфи верфями верфях", "f"),
        m("ore mine", "ore mines", "рудник"),
        m("arsenal", "arsenals", "арсенал"),
        n("construction site", "construction sites",
          "стройка стройки стройке стройку стройкой стройке",
          "стройки строек стройкам стройки стройками стройках", "f"),
        m("placer mine", "placer mines", "прииск"),
    ]


def _workplace_adjectives() -> list[dict[str, str]]:
    a = _adjective
    return [a("large", "крупн"), a("new", "нов"), a("military", "военн"),
            a("state", "государственн"), a("Japanese", "японск", "velar"), a("local", "местн"),
            a("restored", "восстановленн"), a("metallurgical", "металлургическ", "velar"),
            a("textile", "текстильн"), a("private", "частн"), a("northern", "северн"),
            a("defense", "оборонн"), a("southern", "южн"), a("abandoned", "заброшенн")]


def _equipment() -> list:
    n, m = _noun, _masc
    return [
        m("truck", "trucks", "грузовик"), m("tank", "tanks", "танк"),
        m("aircraft", "aircraft", "самолет"),
        n("rifle", "rifles", "винтовка винтовки винтовке винтовку винтовкой винтовке",
          "винтовки винтовок винтовкам винтовки винтовками винтовках", "f"),
        m("machine gun", "machine guns", "пулемет"),
        n("antiaircraft gun", "antiaircraft guns",
          "зенитка зенитки зенитке зенитку зениткой зенитке",
          "зенитки зениток зениткам зенитки зенитками зенитках", "f"),
        m("locomotive", "locomotives", "паровоз"), m("railway car", "railway cars", "вагон"),
        m("tractor", "tractors", "трактор"),
        n("machine tool", "machine tools", "станок станка станку станок станком станке",
          "станки станков станкам станки станками станках", "m"),
        n("gun", "guns", "орудие орудия орудию орудие орудием орудии",
          "орудия орудий орудиям орудия орудиями орудиях", "n"),
        n("radio station", "radio stations",
          "радиостанция радиостанции радиостанции радиостанцию радиостанцией радиостанции",
          "радиостанции радиостанций радиостанциям радиостанции радиостанциями радиостанциях",
          "f"),
        n("fighter", "fighters", "истребитель истребителя истребителю истребитель истребителем "
          "истребителе", "истребители истребителей истребителям истребители истребителями "
          "истребителях", "m"),
        m("bomber", "bombers", "бомбардировщик"), m("mortar", "mortars", "миномет"),
        m("excavator", "excavators", "экскаватор"), m("generator", "generators", "генератор"),
        n("turbine", "turbines", "турбина турбины турбине турбину турбиной турбине",
          "турбины турбин турбинам турбины турбинами турбинах", "f"),
        n("motor vehicle", "motor vehicles",
          "автомобиль автомобиля автомобилю автомобиль автомобилем автомобиле",
          "автомобили автомобилей автомобилям автомобили автомобилями автомобилях", "m"),
        m("combine harvester", "combine harvesters", "комбайн"),
        m("bulldozer", "bulldozers", "бульдозер"), m("radar set", "radar sets", "радиолокатор"),
        m("motorcycle", "motorcycles", "мотоцикл"), m("measuring instrument",
                                                      "measuring instruments", "прибор"),
        n("patrol boat", "patrol boats", "катер катера катеру катер катером катере",
          "катера катеров катерам катера катерами катерах", "m"),
    ]


def _regular_mass(stem: str) -> str:
    """Singular forms of a regular masculine mass noun (цемент, каучук), "|" separated."""
    return f"{stem}|{stem}а|{stem}у|{stem}|{stem}ом|{stem}е"


_GOODS = [  # (English, Russian singular forms or stem of a regular masculine)
    ("coal", "уголь|угля|углю|уголь|углем|угле"),
    ("grain", "зерно|зерна|зерну|зерно|зерном|зерне"),
    ("oil", "нефть|нефти|нефти|нефть|нефтью|нефти"), ("rice", "рис"),
    ("steel", "сталь|стали|стали|сталь|сталью|стали"),
    ("wheat", "пшеница|пшеницы|пшенице|пшеницу|пшеницей|пшенице"),
    ("cotton", "хлопок|хлопка|хлопку|хлопок|хлопком|хлопке"), ("gasoline", "бензин"),
    ("cement", "цемент"), ("kerosene", "керосин"), ("rubber", "каучук"),
    ("salt", "соль|соли|соли|соль|солью|соли"), ("tea", "чай|чая|чаю|чай|чаем|чае"),
    ("sugar", "сахар"), ("flour", "мука|муки|муке|муку|мукой|муке"),
    ("copper", "медь|меди|меди|медь|медью|меди"), ("tin", "олово|олова|олову|олово|оловом|олове"),
    ("lead", "свинец|свинца|свинцу|свинец|свинцом|свинце"), ("tungsten", "вольфрам"),
    ("pig iron", "чугун"), ("wool", "шерсть|шерсти|шерсти|шерсть|шерстью|шерсти"),
    ("soybeans", "соя|сои|сое|сою|соей|сое"),
    ("timber", "древесина|древесины|древесине|древесину|древесиной|древесине"),
    ("meat", "мясо|мяса|мясу|мясо|мясом|мясе"), ("zinc", "цинк"), ("tobacco", "табак"),
    ("paper", "бумага|бумаги|бумаге|бумагу|бумагой|бумаге"), ("silk", "шелк"),
    ("antimony", "сурьма|сурьмы|сурьме|сурьму|сурьмой|сурьме"), ("uranium", "уран"),
    ("molybdenum", "молибден"), ("ore", "руда|руды|руде|руду|рудой|руде"), ("coke", "кокс"),
    ("TNT", "тротил"), ("gunpowder", "порох"),
    ("tung oil", "тунговое масло|тунгового масла|тунговому маслу|тунговое масло|"
     "тунговым маслом|тунговом масле"),
    ("mercury", "ртуть|ртути|ртути|ртуть|ртутью|ртути"),
    ("nickel", "никель|никеля|никелю|никель|никелем|никеле"), ("cobalt", "кобальт"),
    ("asbestos", "асбест"), ("graphite", "графит"), ("bauxite", "боксит"),
    ("magnesium", "магний|магния|магнию|магний|магнием|магнии"),
    ("beryllium", "бериллий|бериллия|бериллию|бериллий|бериллием|бериллии"),
    ("hog bristles", "щетина|щетины|щетине|щетину|щетиной|щетине"), ("penicillin", "пенициллин"),
    ("quinine", "хинин"),
]

_TOPICS = [  # (English, Russian "о ..." phrase, first year, last year)
    ("trade", "о торговле", 1945, 1991), ("the loan", "о кредите", 1945, 1991),
    ("the border", "о границе", 1945, 1991), ("the situation in Korea", "о положении в Корее",
                                              1945, 1991),
    ("land reform", "о земельной реформе", 1945, 1953),
    ("the Chinese Changchun Railway", "о Китайской Чанчуньской железной дороге", 1945, 1955),
    ("Port Arthur", "о Порт-Артуре", 1945, 1955),
    ("prisoners of war", "о военнопленных", 1945, 1956),
    ("the Treaty of Friendship, Alliance and Mutual Assistance",
     "о Договоре о дружбе, союзе и взаимной помощи", 1949, 1980),
    ("the armistice talks", "о переговорах о перемирии", 1951, 1953),
    ("Taiwan", "о Тайване", 1949, 1991), ("the situation in Xinjiang", "о положении в Синьцзяне",
                                           1945, 1991),
    ("the currency reform", "о денежной реформе", 1945, 1991),
    ("repatriation", "о репатриации", 1945, 1960), ("the five-year plan", "о пятилетнем плане",
                                                     1950, 1991),
    ("the training of cadres", "о подготовке кадров", 1945, 1991),
    ("the Geneva Conference", "о Женевском совещании", 1954, 1954),
    ("the joint stock companies", "о смешанных обществах", 1949, 1954),
    ("grain procurement", "о заготовках зерна", 1945, 1991),
    ("the Warsaw Pact", "о Варшавском договоре", 1955, 1991),
    ("the Berlin question", "о берлинском вопросе", 1948, 1971),
    ("the cult of personality", "о культе личности", 1956, 1965),
    ("the Twentieth Party Congress", "о XX съезде партии", 1956, 1960),
    ("the Hungarian events", "о венгерских событиях", 1956, 1957),
    ("the Polish events", "о польских событиях", 1956, 1982),
    ("the people's communes", "о народных коммунах", 1958, 1962),
    ("the Great Leap Forward", "о большом скачке", 1958, 1961),
    ("the offshore islands", "о прибрежных островах", 1954, 1960),
    ("the withdrawal of Soviet specialists", "об отзыве советских специалистов", 1960, 1962),
    ("nuclear weapons", "о ядерном оружии", 1949, 1991),
    ("uranium prospecting", "о разведке урана", 1949, 1962),
    ("the Sino-Indian border", "о китайско-индийской границе", 1959, 1991),
    ("aid to Vietnam", "о помощи Вьетнаму", 1954, 1979),
    ("the Vietnam War", "о войне во Вьетнаме", 1964, 1975),
    ("the Cultural Revolution", "о культурной революции", 1966, 1976),
    ("Damansky Island", "об острове Даманский", 1969, 1991),
    ("the border talks", "о переговорах по границе", 1964, 1991),
    ("the Czechoslovak events", "о чехословацких событиях", 1968, 1970),
    ("the normalization of relations", "о нормализации отношений", 1969, 1991),
    ("the three obstacles", "о трех препятствиях", 1979, 1989),
    ("Afghanistan", "об Афганистане", 1978, 1991), ("Cambodia", "о Камбодже", 1970, 1991),
    ("Gorbachev's visit to Beijing", "о визите Горбачева в Пекин", 1988, 1989),
    ("the student demonstrations", "о студенческих демонстрациях", 1986, 1991),
    ("Tibet", "о Тибете", 1949, 1991), ("the Dalai Lama", "о Далай-ламе", 1950, 1991),
    ("the Mongolian People's Republic", "о Монгольской Народной Республике", 1945, 1991),
    ("the Japanese peace treaty", "о мирном договоре с Японией", 1950, 1956),
    ("the admission of China to the United Nations", "о приеме Китая в ООН", 1949, 1971),
    ("the Marshall Plan", "о плане Маршалла", 1947, 1952),
    ("the Cominform", "об Информбюро", 1947, 1956), ("Yugoslavia", "о Югославии", 1948, 1991),
    ("the Albanian question", "об албанском вопросе", 1960, 1968),
    ("the Xinjiang oil company", "о Синьцзянской нефтяной компании", 1950, 1954),
    ("the Lanzhou-Urumqi railway", "о железной дороге Ланьчжоу-Урумчи", 1952, 1962),
    ("the Yalu River power station", "об электростанции на реке Ялу", 1945, 1960),
    ("the Panchen Lama", "о Панчен-ламе", 1950, 1989),
    ("the Laos question", "о лаосском вопросе", 1960, 1975),
    ("the Paris talks", "о парижских переговорах", 1968, 1973),
    ("Nixon's visit to China", "о визите Никсона в Китай", 1971, 1973),
    ("the nuclear test ban", "о запрещении ядерных испытаний", 1958, 1991),
    ("the Indonesian Communist Party", "о Коммунистической партии Индонезии", 1950, 1966),
    ("the Lushan plenum", "о Лушаньском пленуме", 1959, 1962),
    ("the Gao Gang affair", "о деле Гао Гана", 1954, 1956),
    ("the Rajk trial", "о процессе Райка", 1949, 1956),
    ("the Slánský trial", "о процессе Сланского", 1952, 1956),
    ("the Amur River navigation", "о судоходстве по Амуру", 1951, 1991),
    ("fishing rights", "о правах на рыболовство", 1945, 1991),
    ("the Tumen River", "о реке Туманган", 1945, 1991),
    ("the oil pipeline", "о нефтепроводе", 1955, 1991),
    ("the Chinese workers in the USSR", "о китайских рабочих в СССР", 1945, 1965),
    ("the Korean minority in Manchuria", "о корейском меньшинстве в Маньчжурии", 1945, 1960),
    ("the radio station in Harbin", "о радиостанции в Харбине", 1945, 1955),
    ("the ammunition deliveries", "о поставках боеприпасов", 1945, 1991),
    ("the hydroelectric station", "о гидроэлектростанции", 1945, 1991),
    ("the Kuomintang agents", "об агентах Гоминьдана", 1945, 1955),
    ("the Tito question", "о Тито", 1948, 1956),
]

_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December")
_MONTHS_RU = ("январь января январю январе", "февраль февраля февралю феврале",
              "март марта марту марте", "апрель апреля апрелю апреле", "май мая маю мае",
              "июнь июня июню июне", "июль июля июлю июле", "август августа августу августе",
              "сентябрь сентября сентябрю сентябре", "октябрь октября октябрю октябре",
              "ноябрь ноября ноябрю ноябре", "декабрь декабря декабрю декабре")
_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
# numbers that govern "тысяч", "миллионов", "процентов" (genitive plural) in Russian
_NUMBERS = ("5", "6", "7", "8", "10", "12", "15", "20", "25", "30", "40", "50", "60", "70", "75",
            "80", "90", "100", "120", "150", "200", "250", "300", "400", "500", "600", "800")
_PERCENTS = ("55", "60", "65", "70", "75", "80", "85", "87", "90", "95", "96", "97", "98", "100")

# ------------------------------------------------------------------ sentence templates
# (English, Russian or None, first year, last year). Slots are {category[digit][:form]}: the
# English side names English forms ("pl", "full"), the Russian side case forms ("gen.pl",
# "prep", "dat.m"; ".cap" capitalises). The same slot name gets the same concept on both sides.

_PAIRED = [
    ("Big cities must be turned into bases for communism.",
     "Большие города должны превратиться в базы коммунизма."),
    ("The Chinese comrades have not had experience in large industrial centers.",
     "Китайские товарищи не имели опыта работы в крупных промышленных центрах."),
    ("We are very pleased that the Chinese comrades control the majority of the {ppl:pl} in "
     "{reg}.", "Мы очень рады, что китайские товарищи овладели большинством {ppl:gen.pl} в "
     "{reg:prep}."),
    ("The party committees must strengthen their work with the {ppl:pl}.",
     "Партийные комитеты должны усилить работу с {ppl:ins.pl}."),
    ("The population of the large cities is suffering from a shortage of {good}.",
     "Население больших городов страдает от нехватки {good:gen}."),
    ("In each city committees of {ppl:pl} should be created.",
     "В каждом городе нужно создать комитеты {ppl:gen.pl}."),
    ("One should by all means and as soon as possible send more {appl:pl} to {city}.",
     "Нужно во что бы то ни стало и поскорее направить больше {appl:gen.pl} в {city:acc}."),
    ("We will help you.", "Мы Вам поможем."),
    ("One should not be afraid to occupy big cities.",
     "Не нужно бояться занимать большие города."),
    ("One should create groups of worker communists and communist sympathizers at the "
     "{awork:pl} of {city}.", "Нужно создать на {awork:prep.pl} {city:gen} группы "
     "рабочих-коммунистов и сочувствующих коммунистам."),
    ("I have received your telegram of {day} {mon}.",
     "Вашу телеграмму от {day} {mon:gen} получил."),
    ("One should help the {ppl:pl} to improve their material conditions.",
     "Нужно помочь {ppl:dat.pl} улучшить свое материальное положение."),
    ("Professional unions must be in the hands of the communists.",
     "Профсоюзы должны быть в руках коммунистов."),
    ("We can send you {num} thousand tons of {good}.",
     "Мы можем прислать Вам {num} тысяч тонн {good:gen}."),
    ("Please inform Comrade {per} of the content of this telegram.",
     "Прошу сообщить товарищу {per:dat} содержание этой телеграммы."),
    ("We explain this by the fact that the comrades in {city} have had little to do with large "
     "industrial centers.", "Объясняем это тем, что товарищи в {city:prep} мало имели дела с "
     "большими промышленными центрами."),
    ("Without such cadres one cannot run the country.",
     "Без таких кадров управлять страной нельзя."),
    ("The question of {topic} should be discussed with Comrade {per}.",
     "Вопрос {topic:o} следует обсудить с товарищем {per:ins}."),
    ("Currently we do not have {eq:pl} of foreign make.",
     "У нас нет теперь {eq:gen.pl} иностранного производства."),
    ("If the Chinese comrades desire, we can send them {eq:pl} of Soviet make.",
     "Если китайские товарищи хотят, мы можем послать им {eq:acc.pl} советского производства."),
    ("In {city} there are now more than {num} thousand {ppl:pl}.",
     "В {city:prep} сейчас насчитывается более {num} тысяч {ppl:gen.pl}."),
    ("Our CC has already moved to an area near {city} in {reg}.",
     "Наш ЦК уже переехал в район близ {city:gen} в {reg:prep}.", 1945, 1949),
    ("The Guomindang has concentrated around {num} thousand troops near {city}.",
     "Гоминьдан сосредоточил около {num} тысяч войск в районе {city:gen}.", 1945, 1950),
    ("The working class of {city} supports the people's government.",
     "Рабочий класс {city:gen} поддерживает народное правительство."),
    ("You need thousands and thousands of your own Chinese cadres.",
     "Вам нужны тысячи и тысячи своих китайских кадров."),
    ("I will be accompanied by Comrade {per}, who has been to the USSR more than once.",
     "Меня будет сопровождать товарищ {per}, который не раз бывал в СССР."),
    ("On arrival in {city} we will leave the radio station there.",
     "По прибытии в {city:acc} мы оставим там радиостанцию."),
    ("The question of deliveries of {good} must be decided before the end of {mon}.",
     "Вопрос о поставках {good:gen} должен быть решен до конца {mon:gen}."),
    ("Comrade {per} is now in charge of industry and the labor movement in {reg}.",
     "Товарищ {per} сейчас руководит промышленностью и рабочим движением в {reg:prep}."),
    ("He was in the USSR in {past}.", "В {past} году он был в СССР."),
    ("All of these measures will help you take control of the working class.",
     "Все эти мероприятия помогут Вам овладеть рабочим классом."),
    ("The enemy lost more than {num} thousand men in the fighting near {city}.",
     "В боях под {city:ins} противник потерял более {num} тысяч человек."),
    ("The railway between {city} and {city2} must be restored by {mon}.",
     "Железная дорога между {city:ins} и {city2:ins} должна быть восстановлена к {mon:dat}."),
    ("We ask you to send a group of {appl:pl} to {city} to help organize the work.",
     "Просим направить в {city:acc} группу {appl:gen.pl} для помощи в организации работы."),
    ("In {reg} the {ppl:pl} have received land and support the army.",
     "В {reg:prep} {ppl:nom.pl} получили землю и поддерживают армию.", 1945, 1953),
    ("Leftist tendencies in {reg} have already been thoroughly corrected.",
     "Левацкие уклоны в {reg:prep} уже основательно исправлены."),
    ("A new work spirit can be felt everywhere.", "Везде чувствуется новый дух в работе."),
    ("The situation in {city} remains difficult, and there is not enough {good}.",
     "Положение в {city:prep} остается трудным, не хватает {good:gen}."),
    ("We consider it necessary to strengthen the work among the {appl:pl}.",
     "Считаем необходимым усилить работу среди {appl:gen.pl}."),
    ("The Soviet government agrees to grant a loan for the purchase of {eq:pl}.",
     "Советское правительство согласно предоставить кредит на покупку {eq:gen.pl}."),
    ("The delegation will arrive in {city} in the beginning of {mon}.",
     "Делегация прибудет в {city:acc} в начале {mon:gen}."),
    ("The transport of {good} from {city} to {city2} has been delayed.",
     "Перевозка {good:gen} из {city:gen} в {city2:acc} задерживается."),
    ("One should open the membership of the party to tried {ppl:pl}.",
     "Нужно открыть прием в члены партии проверенных {ppl:gen.pl}."),
    ("Comrade {per} asks for advice and guidance on the question of {topic}.",
     "Товарищ {per} просит совета и указаний по вопросу {topic:o}."),
    ("Our troops have occupied {city} and are moving toward {city2}.",
     "Наши войска заняли {city:acc} и продвигаются к {city2:dat}."),
    ("The enemy is concentrating forces in the area of {city}.",
     "Противник сосредотачивает силы в районе {city:gen}."),
    ("We have decided to give the {nat} comrades {num} thousand tons of {good} to support "
     "them.", "Мы решили дать {nat:dat.pl} товарищам {num} тысяч тонн {good:gen}, чтобы "
     "поддержать их."),
    ("The {nat} comrades have agreed to this.", "С этим согласились {nat:nom.pl} товарищи."),
    ("Prior to issuing a statement, please notify {city} so as to coordinate the propaganda "
     "work.", "До опубликования заявления просим сообщить в {city:acc}, чтобы согласовать "
     "пропагандистскую работу."),
    ("The Central Committee agrees with your analysis of the situation in {reg}.",
     "ЦК согласен с Вашим анализом положения в {reg:prep}."),
    ("Your telegram dated {day} {mon} has been received.",
     "Ваша телеграмма от {day} {mon:gen} получена."),
    ("One should send more {ppl:pl} and young officers to schools or special courses.",
     "Нужно побольше направлять {ppl:acc.pl} и молодых офицеров в школы или специальные "
     "курсы."),
    ("The construction of {awork:pl} in {reg} must be completed in {next}.",
     "Строительство {awork:gen.pl} в {reg:prep} должно быть закончено в {next} году."),
    ("We request that you send specialists in the production of {good} to {city}.",
     "Просим направить в {city:acc} специалистов по производству {good:gen}."),
    ("Comrade {per} reported on the state of affairs in {reg}.",
     "Товарищ {per} доложил о положении дел в {reg:prep}."),
    ("From the report of Comrade {per} it became clear that the troops are not ready to act.",
     "Из доклада товарища {per:gen} выяснилось, что войска не готовы к действиям."),
    ("Concentrate part of the troops in the mountainous regions north of {city}.",
     "Сосредоточить часть войск в горных районах севернее {city:gen}."),
    ("The plan for the supply of {good} to {city} has been fulfilled by {pct} percent.",
     "План поставок {good:gen} в {city:acc} выполнен на {pct} процентов."),
    ("The Americans and the British are attempting to put pressure on the {nat} government.",
     "Американцы и англичане пытаются оказать давление на {nat:acc.n} правительство."),
    ("We consider it our duty to assist the {nat} people.",
     "Мы считаем своим долгом помочь {nat:dat.m} народу."),
    ("On {day} {mon} the {nat} delegation led by Comrade {per} will arrive in {city}.",
     "{day} {mon:gen} в {city:acc} прибудет {nat:nom.f} делегация во главе с товарищем "
     "{per:ins}."),
    ("The situation at the front near {city} has improved.",
     "Положение на фронте под {city:ins} улучшилось."),
    ("Please let us know your opinion on the question of {topic}.",
     "Просим сообщить Ваше мнение по вопросу {topic:o}."),
    ("Comrade {per} told me in confidence that the Central Committee is dissatisfied with the "
     "work in {city}.", "Товарищ {per} сказал мне доверительно, что ЦК недоволен работой в "
     "{city:prep}."),
    ("{per} expressed gratitude for the assistance rendered by the Soviet Union.",
     "{per} выразил благодарность за помощь, оказанную Советским Союзом."),
    ("In the course of two or three years the {nat} communists will be able to raise their own "
     "cadres.", "В течение двух-трех лет {nat:nom.pl} коммунисты сумеют вырастить свои кадры."),
    ("Deliveries of {eq:pl} will begin in {mon}.", "Поставки {eq:gen.pl} начнутся в {mon:prep}."),
    ("The cost of the equipment will be covered by deliveries of {good} and {good2}.",
     "Стоимость оборудования будет покрыта поставками {good:gen} и {good2:gen}."),
    ("The number of {ppl:pl} in the party organizations of {city} has doubled.",
     "Число {ppl:gen.pl} в партийных организациях {city:gen} удвоилось."),
    ("Reactionary elements in {city} are spreading rumors about an imminent war.",
     "Реакционные элементы в {city:prep} распространяют слухи о близкой войне."),
    ("In {city} the {awork:pl} are working at full capacity.",
     "В {city:prep} {awork:nom.pl} работают на полную мощность."),
    ("Comrade {per} asked me to convey his greetings to Comrade {per2}.",
     "Товарищ {per} просил передать привет товарищу {per2:dat}."),
    ("We have no objections to the proposal of Comrade {per}.",
     "Возражений против предложения товарища {per:gen} не имеем."),
    ("The conversation in {city} lasted about two hours.",
     "Беседа в {city:prep} продолжалась около двух часов."),
    ("In the opinion of Comrade {per}, the {ppl:pl} of {reg} are ready to support the new "
     "government.", "По мнению товарища {per:gen}, {ppl:nom.pl} {reg:gen} готовы поддержать "
     "новое правительство."),
    ("We believe that the Chinese comrades should not be afraid to occupy {city}.",
     "Мы считаем, что китайским товарищам не нужно бояться занимать {city:acc}.", 1945, 1950),
    ("Please take measures to ensure the safe transport of {eq:pl} through {reg}.",
     "Просим принять меры к обеспечению безопасной перевозки {eq:gen.pl} через {reg:acc}."),
    ("The harvest in {reg} is poor this year, and the peasants need {good}.",
     "Урожай в {reg:prep} в этом году плохой, и крестьяне нуждаются в {good:prep}."),
    ("The {nat} side insists on the withdrawal of troops from {city}.",
     "{nat:nom.f.cap} сторона настаивает на выводе войск из {city:gen}."),
    ("One should take control of the youth and the women's movement in {city}.",
     "Нужно овладеть молодежью и женским движением в {city:prep}."),
    ("The comrades from {reg} report that the reserves of {good} will last only until {mon}.",
     "Товарищи из {reg:gen} сообщают, что запасов {good:gen} хватит только до {mon:gen}."),
    ("The Politburo approved the draft of the reply to Comrade {per}.",
     "Политбюро одобрило проект ответа товарищу {per:dat}."),
    ("The answer will be given after consultation with Comrade {per}.",
     "Ответ будет дан после консультации с товарищем {per:ins}."),
    ("I ask you to receive Comrade {per} and to hear his report on the question of {topic}.",
     "Прошу принять товарища {per:acc} и выслушать его доклад по вопросу {topic:o}."),
    ("Over the past month {num} thousand {ppl:pl} have joined the party in {reg}.",
     "За последний месяц в {reg:prep} в партию вступило {num} тысяч {ppl:gen.pl}."),
    ("Enemy aircraft bombed {city} and the bridges across the river.",
     "Авиация противника бомбила {city:acc} и мосты через реку."),
    ("Our CC has merged with the working committee, which consisted of {per}, {per2}, [and] "
     "{per3}.", "Наш ЦК объединился с рабочей группой, в которую входили {per}, {per2} и "
     "{per3}.", 1945, 1949),
    ("More than six months will be required to supply [them] with {eq:pl}.",
     "Потребуется более шести месяцев, чтобы снабдить их {eq:ins.pl}."),
    ("I will ask for advice and guidance from the comrades in the {party} on political, "
     "military, economic, and other important questions.", "Я попрошу совета и указаний у "
     "товарищей из {party} по политическим, военным, экономическим и другим важным вопросам."),
    ("The draft was approved by the Politburo of the {party}.", "Проект одобрен Политбюро "
     "{party}."),
    ("The CCP CC considers it necessary to convene a plenum in {mon}.",
     "ЦК КПК считает необходимым созвать пленум в {mon:prep}."),
    ("The {awork:pl} of {reg} need {eq:pl} and experienced {ppl:pl}.",
     "{awork:nom.pl.cap} {reg:gen} нуждаются в {eq:prep.pl} и опытных {ppl:prep.pl}."),
    ("We have received information that {nat} troops are concentrating near {city}.",
     "Получены сведения, что {nat:nom.pl} войска сосредотачиваются вблизи {city:gen}."),
    ("The {nat} government asks for a loan of {num} million rubles.",
     "{nat:nom.n.cap} правительство просит предоставить заем в {num} миллионов рублей."),
    ("Comrade {per} expressed doubt about the expediency of such a step.",
     "Товарищ {per} выразил сомнение в целесообразности такого шага."),
    ("The Chinese comrades consider that the main danger now comes from the right.",
     "Китайские товарищи считают, что главная опасность сейчас идет справа."),
    ("The train with the delegation will leave {city} on {day} {mon}.",
     "Поезд с делегацией отправится из {city:gen} {day} {mon:gen}."),
    ("We agree to accept {num} {nat} students in Soviet higher educational institutions.",
     "Мы согласны принять в советские высшие учебные заведения {num} {nat:gen.pl} студентов."),
    ("The {nat} comrades ask us to send {num} {appl:pl} to {city}.",
     "{nat:nom.pl.cap} товарищи просят направить в {city:acc} {num} {appl:gen.pl}."),
    ("Reconstruction of the {awork:pl} in {city} is proceeding slowly owing to the lack of "
     "{good}.", "Восстановление {awork:gen.pl} в {city:prep} идет медленно из-за нехватки "
     "{good:gen}."),
    ("The military situation in {reg} is favorable for us.",
     "Военная обстановка в {reg:prep} для нас благоприятна."),
    ("The Chinese comrades are asking whether it is possible to speed up deliveries of "
     "{eq:pl}.", "Китайские товарищи спрашивают, нельзя ли ускорить поставки {eq:gen.pl}."),
    ("The work on supplying the fronts and on helping victims of disasters in {reg} has moved "
     "in the right direction.", "Работа по снабжению фронтов и помощи пострадавшим от "
     "бедствий в {reg:prep} пошла в правильном направлении."),
    ("We must help the cities and the industrial centers of {reg} with {good}.",
     "Нужно помочь городам и промышленным центрам {reg:gen} {good:ins}."),
    ("The city of {city} is surrounded by enemy troops.",
     "Город {city} окружен войсками противника.", 1945, 1953),
    ("Supplies of {good} to the cities have improved.",
     "Снабжение городов {good:ins} улучшилось."),
    ("Control over the city should be handed over to the military commission of {city}.",
     "Управление городом следует передать военной комиссии {city:gen}."),
    ("Comrade {per} has been entrusted with the leadership of the {appl:pl}.",
     "Товарищу {per:dat} поручено руководство {appl:ins.pl}."),
    ("Every {ppl} must know the decisions of the party.",
     "Каждый {ppl:nom.sg} должен знать решения партии."),
    ("Each {ppl} will be given a ration of {good}.",
     "Каждому {ppl:dat.sg} будет выдан паек {good:gen}."),
    ("The city committee of {city} has {num} communists.",
     "Городской комитет {city:gen} насчитывает {num} коммунистов."),
    ("Comrade {per} has been appointed head of the mission in {city}.",
     "Товарищ {per} назначен руководителем миссии в {city:prep}."),
    ("According to the information of Comrade {per}, the {appl:pl} in {city} are dissatisfied "
     "with the low wages.", "По сведениям товарища {per:gen}, {appl:nom.pl} в {city:prep} "
     "недовольны низкой заработной платой."),
    ("Besides, I would like to travel to {city} in order to study the work of the people's "
     "front.", "Кроме того, я хотел бы съездить в {city:acc}, чтобы изучить работу народного "
     "фронта."),
    ("We request permission to transfer {num} thousand tons of {good} from the reserves in "
     "{city}.", "Просим разрешения передать {num} тысяч тонн {good:gen} из резервов в "
     "{city:prep}."),
    ("The talks on {topic} will continue in {city} in {mon}.",
     "Переговоры {topic:o} продолжатся в {city:prep} в {mon:prep}."),
    ("We think that the question of {topic} can be postponed.",
     "Мы думаем, что вопрос {topic:o} можно отложить."),
    ("The Soviet Union will deliver {eq:pl} and {eq2:pl} in the course of {next}.",
     "Советский Союз поставит {eq:acc.pl} и {eq2:acc.pl} в течение {next} года."),
    ("I ask you to consider the request of the {nat} comrades for deliveries of {good}.",
     "Прошу рассмотреть просьбу {nat:gen.pl} товарищей о поставке {good:gen}."),
    ("This matter cannot be put off.", "Этого дела нельзя откладывать."),
    ("Please indicate to me whether we can do this.",
     "Прошу указать мне, можем ли мы это сделать."),
    ("We think that you will find this experience of ours useful.",
     "Мы думаем, что Вам пригодится этот наш опыт."),
    ("If you agree with this plan, we will act according to it.",
     "Если Вы согласны с этим планом, мы будем действовать согласно ему."),
    ("The Soviet specialists can only be a drop in the ocean.",
     "Советские специалисты могут составить лишь каплю в море."),
    ("We ask you to give us your advice on this question.",
     "Просим дать нам Ваш совет по этому вопросу."),
    ("We consider your proposal correct.", "Считаем Ваше предложение правильным."),
    ("Please confirm receipt of this telegram.", "Прошу подтвердить получение этой телеграммы."),
    ("My health is not good.", "Мое здоровье неважное."),
    ("The comrades in the cities must be given more attention.",
     "Товарищам в городах нужно уделять больше внимания."),
]

_ENGLISH_ONLY = [
    ("The Minister listened with visible interest to my explanations regarding {topic}.",),
    ("Here, as in other cases, it showed again that the {nat} interlocutors are well informed "
     "about individual facts.",),
    ("I suggested discussing {topic} in detail during the upcoming visit of Comrade {per}.",),
    ("Asked about {topic}, the Foreign Minister said he does not agree with the position of the "
     "{nat} side.",),
    ("The ambassador noted that the {nat} press has recently published several articles on "
     "{topic}.",),
    ("He emphasized that the {nat} leadership attaches great importance to {topic}.",),
    ("According to my information, the {ppl:pl} in {city} are unhappy with the rationing of "
     "{good}.",),
    ("The conversation took place in a friendly atmosphere.",),
    ("I thanked him for the information.",),
    ("In conclusion, Comrade {per} asked me to convey his best wishes to Comrade {per2}.",),
    ("The embassy considers it advisable to continue the exchange of opinions on {topic}.",),
    ("It would be wrong to close one's eyes to the realities.",),
    ("Experience shows that the {nat} side raises the question of {topic} whenever the talks "
     "reach a difficult stage.",),
    ("The {nat} press has not commented on {topic} so far.",),
    ("Deliveries of {good} from {reg} fell by {pct} percent compared with last year.",),
    ("The embassy will continue to follow developments in {reg} closely.",),
    ("He revealed, however, that he is insufficiently informed about {topic}.",),
    ("Even such an experienced politician as {per} apparently has difficulty understanding the "
     "danger emanating from {topic}.",),
    ("The interlocutor did not conceal his irritation with the position of {city} on {topic}.",),
    ("Comrade {per} spoke at length about the shortage of {eq:pl} in {reg}.",),
    ("The {nat} comrades are grateful for the {eq:pl} and the {good} received from the Soviet "
     "Union.",),
    ("In his opinion, the {ppl:pl} of {city} would welcome closer cooperation with the Soviet "
     "Union.",),
]

_DIALOGUE = [
    "I understand you.", "What is your other question?",
    "We will try to give it.", "Well, if you cannot do more, we will not insist.",
    "Thank you for your information.", "That is correct.", "No, that is all.",
    "Do you have any other questions?", "We consider it our duty to assist you.",
    "What is the situation in {city} now?", "How many {ppl:pl} are there in {city}?",
    "Who is in charge of the work in {reg}?", "Comrade {per} is in charge there.",
    "How much {good} would you like to receive?", "We are short of {num} thousand tons.",
    "Is your relationship with the {nat} comrades strengthening or deteriorating?",
    "Undoubtedly, in the recent period it has strengthened.", "I wish you success.",
    "Please tell me what these matters are.", "And what about {topic}?",
    "We have not yet discussed this question.", "Good. We will think about it.",
]

_RESOLUTIONS = [
    "To approve the draft reply to Comrade {per} (see attachment).",
    "To instruct Comrade {per} to prepare proposals on {topic} within {day} days.",
    "To accept the proposal of the Ministry of Foreign Affairs on {topic}.",
    "To send {num} thousand tons of {good} to {city} in {mon}.",
    "To agree to the request of the {nat} comrades for deliveries of {eq:pl}.",
    "To postpone the consideration of the question of {topic}.",
    "To instruct the Ministry of Foreign Trade to examine the supply of {good} to {reg}.",
    "To send a group of {appl:pl} to {city} for a period of up to one year.",
]

_NOTES = [
    "Comrade {per} arrived in {city} on {day} {mon}.",
    "See document No. {num} in this collection.",
    "Not printed here.",
    "Reference is to {topic}.",
    "The talks on {topic} began in {city} in {mon}.",
    "The text of the telegram is in the files of the CC, with a copy sent to Comrade {per}.",
    "The original is damaged; the reading of the name of {city} is uncertain.",
    "On {topic}, see also the conversation of Comrade {per} with Comrade {per2}.",
]

_SUMMARIES = [
    "{A} tells {B} about {topic}. {A} also discusses {topic2}.",
    "Cable from {A} to {B}, sent with the intent to be passed on to {C}. {A} discusses {topic} "
    "and gives advice on {topic2}.",
    "{A} informs {B} that the {nat} comrades have agreed to the proposal on {topic}.",
    "{A} and {B} discuss {topic} and {topic2}.",
    "{A} requests deliveries of {good} and {eq} and reports on {topic}.",
    "Instructions for {C} regarding {topic}.",
    "A report on {topic} and on the situation in {reg}.",
    "{A} describes the situation in {city} and asks {B} for advice on {topic}.",
    "{A} expresses concern about {topic} and urges {B} to take measures. The situation in {reg} "
    "is also discussed.",
    "{A} replies to {B}'s request concerning {topic}, explaining that deliveries of {good} "
    "cannot be increased before {month}.",
]

# the same without those that speak of a message passed on through a go-between ({C})
_SUMMARIES_DIRECT = [s for s in _SUMMARIES if "{C}" not in s]

_CREDITS = [
    "This document was made possible with support from the MacArthur Foundation.",
    "This document was made possible with support from MacArthur Foundation",
    "This document was made possible with support from the Leon Levy Foundation.",
    "This document was made possible with support from Henry Luce Foundation",
    "This document was made possible with support from the Carnegie Corporation of New York "
    "(CCNY).",
    "This document was made possible with support from the Korea Foundation.",
]

_TRANSLATORS = {
    "Russian": ["Sergey Radchenko", "Gary Goldberg", "Danny Rozas", "Vladislav Zubok",
                "David Wolff", "Kathryn Weathersby", "Mark Kramer", "Austin Jersild",
                "Svetlana Savranskaya", "Vladimir Tikhomirov"],
    "Chinese": ["Chen Jian", "Yafeng Xia", "Charles Kraus", "David Cowhig", "Neil Silver",
                "Li Xiaobing"],
    "German": ["Bernd Schaefer", "Christian F. Ostermann"],
    "Polish": ["Malgorzata Gnoinska", "L.W. Gluchowski"],
    "Hungarian": ["Balázs Szalontai", "Gwenyth A. Jones"],
    "Korean": ["Jong-dae Shin", "Charles Kraus"],
}

# the Russian signature block and cipher office: who checked, who got copies
_CLERKS = ((1953, ("Чечулину", "Поскребышеву", "Суханову")),
           (1964, ("Шуйскому", "Лебедеву", "Суханову")),
           (1982, ("Александрову", "Блатову", "Суханову")),
           (LAST_YEAR, ("Болдину", "Черняеву")))
_SHIFT_CHIEFS = ["Михайлов", "Сергеев", "Кузнецов", "Петрова", "Фомин", "Лаврентьев"]
_RU_INSERTS = ("совершенно", "немедленно", "также", "по возможности", "срочно", "всех", "наших",
               "своих", "дополнительно", "в первую очередь", "русских кадрах")
_RU_DELETES = ("из числа", "нас", "вообще", "пока", "еще", "также", "очень", "всячески")
_ORDINALS = (("First", "Первое"), ("Second", "Второе"), ("Third", "Третье"),
             ("Fourth", "Четвертое"), ("Fifth", "Пятое"), ("Sixth", "Шестое"),
             ("Seventh", "Седьмое"), ("Eighth", "Восьмое"), ("Ninth", "Девятое"),
             ("Tenth", "Десятое"), ("Eleventh", "Одиннадцатое"), ("Twelfth", "Двенадцатое"))
_TRANSLIT = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
                     ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n",
                      "o", "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y",
                      "'", "e", "yu", "ya"]))


# ------------------------------------------------------------------ compiled vocabulary

def _zipf(n: int, exponent: float = 0.9) -> list[float]:
    return [1.0 / (rank + 1) ** exponent for rank in range(n)]


def _pool(items: list, weights: list[float]) -> tuple[list, list[float], float]:
    """A weighted pool: pick with items[bisect_right(cum, random() * total)]."""
    cum = list(accumulate(weights))
    return items, cum, cum[-1]


def _pick(rng: random.Random, pool: tuple[list, list[float], float]):
    items, cum, total = pool
    return items[bisect_right(cum, rng.random() * total)]


_SLOT = re.compile(r"\{([a-z]+\d?)(?::([\w.]+))?\}")


def _compile(template: str | None, slots: list[str], english: bool) -> list | None:
    """Template text -> literal strings and (slot index, form key) pairs."""
    if template is None:
        return None
    parts: list = []
    position = 0
    for match in _SLOT.finditer(template):
        if match.start() > position:
            parts.append(template[position:match.start()])
        name, form = match.group(1), match.group(2)
        if name not in slots:
            slots.append(name)
        key = ("en." + form if form else "en") if english else (form or "nom")
        parts.append((slots.index(name), key))
        position = match.end()
    if position < len(template):
        parts.append(template[position:])
    return parts


def _template(en: str, ru: str | None) -> tuple[list, list | None, tuple[str, ...]]:
    slots: list[str] = []
    en_parts = _compile(en, slots, True)
    ru_parts = _compile(ru, slots, False)
    return en_parts, ru_parts, tuple(name.rstrip("0123456789") for name in slots)


def _static_pools() -> dict[str, tuple]:
    """Pools that do not depend on the year."""
    people = _people_nouns()
    adjectives = _people_adjectives()
    workplaces = _workplaces()
    work_adjectives = _workplace_adjectives()
    pools: dict[str, tuple] = {}
    ppl = [noun[0] for noun in people]
    pools["ppl"] = _pool(ppl, _zipf(len(ppl), 0.8))
    # adjective x noun phrases, weighted by the product of both ranks
    appl, weights = [], []
    for a_rank, adjective in enumerate(adjectives):
        for n_rank, noun in enumerate(people):
            appl.append(_agree(adjective, noun))
            weights.append(1.0 / ((a_rank + 1) * (n_rank + 1)) ** 0.8)
    pools["appl"] = _pool(appl, weights)
    awork, weights = [], []
    for a_rank, adjective in enumerate(work_adjectives):
        for n_rank, noun in enumerate(workplaces):
            awork.append(_agree(adjective, noun))
            weights.append(1.0 / ((a_rank + 1) * (n_rank + 1)) ** 0.8)
    pools["awork"] = _pool(awork, weights)
    eq = [noun[0] for noun in _equipment()]
    pools["eq"] = _pool(eq, _zipf(len(eq)))
    cities = []
    for en, ru, _ in _CITIES:
        forms = _name(ru, animate=False)
        forms["en"] = en
        cities.append(forms)
    pools["city"] = _pool(cities, _zipf(len(cities), 1.0))
    regions = []
    for en, ru in _REGIONS:
        forms = _name(ru, animate=False)
        forms["en"] = en
        regions.append(forms)
    pools["reg"] = _pool(regions, _zipf(len(regions), 1.0))
    goods = []
    for en, ru in _GOODS:
        forms = _name(ru if "|" in ru else _regular_mass(ru), animate=False)
        forms["en"] = en
        goods.append(forms)
    pools["good"] = _pool(goods, _zipf(len(goods), 1.1))
    nations = [_adjective(en, stem, "velar") for en, stem in _NATIONS]
    pools["nat"] = _pool(nations, _zipf(len(nations), 1.3))
    months = []
    for en, ru in zip(_MONTHS_EN, _MONTHS_RU):
        nom, gen, dat, prep = ru.split()
        months.append({"en": en, "nom": nom, "gen": gen, "dat": dat, "prep": prep})
    pools["mon"] = _pool(months, [1.0] * 12)
    pools["num"] = _pool([{"en": n, "nom": n} for n in _NUMBERS], [1.0] * len(_NUMBERS))
    pools["pct"] = _pool([{"en": n, "nom": n} for n in _PERCENTS], [1.0] * len(_PERCENTS))
    days = [{"en": str(d), "nom": str(d)} for d in range(1, 29)]
    pools["day"] = _pool(days, [1.0] * 28)
    return pools


class _Year:
    """Everything that depends on the year of a record, built once per year at import."""

    __slots__ = ("year", "pools", "paired", "english", "dialogue", "resolutions", "notes",
                 "leaders", "reps", "others", "people", "topics", "party_en", "party_ru")

    def __init__(self, year: int, static: dict[str, tuple], people: list[Person],
                 templates: dict[str, list]) -> None:
        self.year = year
        active = [p for p in people if p.y0 <= year <= p.y1]
        self.people = {p.key: p for p in people}
        self.leaders = _pool(*_weighted([p for p in active if p.side == "su" and
                                         p.city == "Moscow"]))
        self.reps = _pool(*_weighted([p for p in active if p.side == "su" and
                                      p.city != "Moscow"] or [self.people["kovalev"]]))
        self.others = _pool(*_weighted([p for p in active if p.side != "su"]))
        mentioned = [p for p in active if not p.note]  # pseudonyms are never third parties
        pools = dict(static)
        pools["per"] = _pool([p.forms for p in mentioned], [p.weight for p in mentioned])
        topics = [{"en": en, "o": ru} for en, ru, y0, y1 in _TOPICS if y0 <= year <= y1]
        pools["topic"] = _pool(topics, _zipf(len(topics), 0.9))
        self.topics = pools["topic"]
        self.party_en = "VKP(b) CC" if year < 1952 else "CPSU CC"
        self.party_ru = "ЦК ВКП(б)" if year < 1952 else "ЦК КПСС"
        pools["party"] = _pool([{"en": self.party_en, "nom": self.party_ru}], [1.0])
        past = [{"en": str(y), "nom": str(y)} for y in range(year - 20, year)]
        pools["past"] = _pool(past, [1.0] * len(past))
        nxt = [{"en": str(y), "nom": str(y)} for y in range(year + 1, year + 4)]
        pools["next"] = _pool(nxt, [1.0] * len(nxt))
        self.pools = pools
        self.paired = self._templates(templates["paired"])
        self.english = self._templates(templates["paired"] + templates["english"])
        self.dialogue = _pool(templates["dialogue"], _zipf(len(templates["dialogue"]), 0.5))
        self.resolutions = _pool(templates["resolutions"], [1.0] * len(templates["resolutions"]))
        self.notes = _pool(templates["notes"], _zipf(len(templates["notes"]), 0.7))

    def _templates(self, templates: list) -> tuple:
        # templates with slots rank first: a fixed sentence repeated across a third of the
        # corpus would look machine-made, while frequent words still come from the slotted ones
        valid = [t for y0, y1, t in templates if y0 <= self.year <= y1]
        valid.sort(key=lambda t: not t[2])
        return _pool(valid, _zipf(len(valid), 0.45))


def _weighted(people: list[Person]) -> tuple[list[Person], list[float]]:
    return people, [p.weight for p in people]


def _build_years() -> dict[int, _Year]:
    def compiled(rows: list) -> list:
        out = []
        for row in rows:
            en, ru = row[0], row[1] if len(row) > 1 else None
            y0, y1 = (row[2], row[3]) if len(row) > 2 else (FIRST_YEAR, LAST_YEAR)
            out.append((y0, y1, _template(en, ru)))
        return out

    templates = {"paired": compiled(_PAIRED), "english": compiled(_ENGLISH_ONLY),
                 "dialogue": [t for _, _, t in compiled([(s,) for s in _DIALOGUE])],
                 "resolutions": [t for _, _, t in compiled([(s,) for s in _RESOLUTIONS])],
                 "notes": [t for _, _, t in compiled([(s,) for s in _NOTES])]}
    static = _static_pools()
    _add_capitals(static, templates)
    people = _people()
    return {year: _Year(year, static, people, templates)
            for year in range(FIRST_YEAR, LAST_YEAR + 1)}


def _add_capitals(static: dict[str, tuple], templates: dict[str, list]) -> None:
    """Precompute the ".cap" forms the templates ask for, so filling never capitalises."""
    wanted: set[tuple[str, str]] = set()
    for _, _, (en_parts, ru_parts, cats) in templates["paired"]:
        for part in ru_parts or ():
            if isinstance(part, tuple) and part[1].endswith(".cap"):
                wanted.add((cats[part[0]], part[1]))
    for category, key in wanted:
        base = key[:-4]
        for concept in static[category][0]:
            value = concept[base]
            concept[key] = value[:1].upper() + value[1:]


_YEARS = _build_years()


# ------------------------------------------------------------------ text assembly

def _fill(rng: random.Random, pools: dict[str, tuple], template: tuple, russian: bool = False,
          gloss: bool = False, avoid: tuple = ()) -> tuple[str, str | None]:
    """One sentence from a template: (English, Russian when asked for and the template has it).

    avoid holds concepts that must not fill a slot (the writer and addressee of the record)."""
    en_parts, ru_parts, cats = template
    picked: list[dict[str, str]] = []
    for cat in cats:
        items, cum, total = pools[cat]
        concept = items[bisect_right(cum, rng.random() * total)]
        # "between Harbin and Harbin", "Mao Zedong ... Comrade Mao Zedong": draw again
        for _ in range(3):
            if concept not in picked and not any(concept is other for other in avoid):
                break
            concept = items[bisect_right(cum, rng.random() * total)]
        picked.append(concept)
    en = "".join([p if p.__class__ is str else picked[p[0]][p[1]] for p in en_parts])
    if not russian or ru_parts is None:
        return en, None
    ru = "".join([p if p.__class__ is str else picked[p[0]][p[1]] for p in ru_parts])
    if gloss:
        en = _gloss(en, en_parts, ru_parts, picked, cats)
    return en, ru


_GLOSSED = {"ppl", "appl", "awork", "eq", "good"}  # translators gloss words, not names


def _gloss(en: str, en_parts: list, ru_parts: list, picked: list, cats: tuple) -> str:
    """The translator's bracketed transliteration after a word: "a specification [*zayavku*]"."""
    for p in en_parts:
        if p.__class__ is tuple and cats[p[0]] in _GLOSSED:
            for q in ru_parts:
                if q.__class__ is tuple and q[0] == p[0]:
                    english = picked[p[0]][p[1]]
                    russian = picked[q[0]][q[1]].lower()
                    note = "".join(_TRANSLIT.get(ch, ch) for ch in russian)
                    return en.replace(english, f"{english} [*{note}*]", 1)
    return en


def _sentences(rng: random.Random, year: _Year, count: int, paired: bool,
               reports: bool = False, avoid: tuple = ()) -> tuple[list[str], list[str]]:
    """count sentences; with Russian when paired; reports adds the diplomats' report phrasing."""
    pool = year.english if reports else year.paired
    en_out, ru_out = [], []
    for _ in range(count):
        en, ru = _fill(rng, year.pools, _pick(rng, pool), paired,
                       gloss=paired and rng.random() < 0.03, avoid=avoid)
        en_out.append(en)
        if ru is not None:
            ru_out.append(ru)
    return en_out, ru_out


def _points(rng: random.Random, year: _Year, paragraphs: int, paired: bool,
            reports: bool = False, avoid: tuple = ()) -> list[tuple[str, str]]:
    """Body paragraphs: ordinal ("First."), numbered ("1.") or plain, English with Russian."""
    style = rng.random()
    out = []
    number = 0
    for index in range(paragraphs):
        count = 2 + int(rng.random() * 4) + (rng.random() < 0.3)
        en_s, ru_s = _sentences(rng, year, count, paired, reports, avoid)
        en, ru = " ".join(en_s), " ".join(ru_s)
        if style < 0.3 and number < len(_ORDINALS) and (index == 0 or rng.random() < 0.7):
            en_word, ru_word = _ORDINALS[number]
            en, ru = f"{en_word}. {en}", f"{ru_word}. {ru}"
            number += 1
        elif 0.3 <= style < 0.65 and (index == 0 or rng.random() < 0.75):
            number += 1
            en, ru = f"{number}. {en}", f"{number}. {ru}"
        out.append((en, ru))
    return out


def _date_en(day: _dt.date, padded: bool = False) -> str:
    return f"{_MONTHS_EN[day.month - 1]} {day.day:02d}, {day.year}" if padded else \
        f"{_MONTHS_EN[day.month - 1]} {day.day}, {day.year}"


def _dateline_en(day: _dt.date) -> str:
    return f"{day.day} {_MONTHS_EN[day.month - 1]} {day.year}"


def _dateline_ru(day: _dt.date, long: bool = False) -> str:
    month = _MONTHS_RU[day.month - 1].split()[1]
    return f"{day.day} {month} {day.year} года" if long else f"{day.day} {month} {day.year} г."


def _clerk(rng: random.Random, year: int) -> str:
    """Whom the cipher office sent the copy to: the aides of the leader of the day."""
    # a note dated the day after 31 December 1991 still belongs to the last era
    names = next((names for last, names in _CLERKS if year <= last), _CLERKS[-1][1])
    return names[int(rng.random() * len(names))]


def _upper_name(person: Person) -> str:
    real = person.short.upper()
    return f"{real} [{person.full.split('[')[1]}" if "[" in person.full else real


# ------------------------------------------------------------------ a record

class _Record:
    """The choices one record is made of, drawn in a fixed order from the shared generator."""

    def __init__(self, rng: random.Random, record_id: int) -> None:
        self.rng = rng
        self.id = record_id
        self.day = _random_date(rng)
        self.year = year = _YEARS[self.day.year]
        self.kind = _pick(rng, _KINDS)
        self.sender, self.recipient, self.via = self._correspondents()
        if self.kind not in _MESSAGES:  # only a cable or letter is passed on to a third man
            self.via = None
        # the people behind the letter are never "Comrade X" in their own text
        self.avoid = tuple(year.people.get(p.real, p).forms
                           for p in (self.sender, self.recipient, self.via) if p is not None)
        self.language = self._language()
        self.transcribed = (self.language == "Russian" and self.kind in _MESSAGES
                            and rng.random() < 0.82)
        self.padded = rng.random() < 0.2
        self.title = self._title()

    def _correspondents(self) -> tuple[Person, Person, Person | None]:
        """Moscow to its man abroad (to be passed on), a foreign leader to Moscow, or Moscow
        straight to a foreign leader."""
        rng, year = self.rng, self.year
        roll = rng.random()
        if roll < 0.4:
            rep = _pick(rng, year.reps)
            local = [p for p in year.others[0] if p.city == rep.city] or year.others[0][:1]
            return _pick(rng, year.leaders), rep, local[int(rng.random() * len(local))]
        if roll < 0.75:
            return _pick(rng, year.others), _pick(rng, year.leaders), None
        return _pick(rng, year.leaders), _pick(rng, year.others), None

    def _language(self) -> str:
        if self.kind in _MESSAGES:
            return "Russian" if self.rng.random() < 0.85 else _pick(self.rng, _LANGUAGES)
        return "Russian" if self.rng.random() < 0.6 else _pick(self.rng, _LANGUAGES)

    def _title(self) -> str:
        rng, a, b = self.rng, self.sender.full, self.recipient.full
        if self.recipient.role and rng.random() < 0.3:
            b = f"{self.recipient.role} {self.recipient.short}"
        roll = rng.random()
        topic = _pick(rng, self.year.topics)["en"]
        if self.kind == "Cable":
            if roll < 0.4:
                return f"Cable, {a} to {b}"
            if roll < 0.8:
                return f"Cable from {a} to {b}"
            if roll < 0.9:
                return f"Cable from {a} to {b}, '{_title_case(topic)}'"
            return f"Ciphered Telegram, {a} to {b}"
        if self.kind == "Telegram":
            return f"Telegram from {a} to {b}" if roll < 0.6 else f"Telegram, {a} to {b}"
        if self.kind == "Letter":
            if roll < 0.5:
                return f"Letter from {a} to {b}"
            return f"Letter, {a} to {b}" if roll < 0.8 else f"Letter from {a} to {b} on " \
                                                             f"{_title_case(topic)}"
        if self.kind == "Memorandum":
            if roll < 0.5:
                return f"Memorandum from {a} to {b}"
            return f"Memorandum, {a} to {b}, '{_title_case(topic)}'" if roll < 0.8 else \
                f"Memorandum of Conversation between {a} and {b}"
        if self.kind == "Record of Conversation":
            if roll < 0.45:
                return f"Record of Conversation between {a} and {b}"
            if roll < 0.7:
                return f"Record of a Conversation between {a} and {b}, {_dateline_en(self.day)}"
            if roll < 0.85:
                return f"From the Journal of {b}: Record of a Conversation with {a}"
            return f"{self.sender.short}'s Conversation with {self.recipient.short}"
        if roll < 0.5:
            return f"Minutes of Conversation between {a} and {b}"
        return f"Minutes of the Meeting of the Politburo of the {self.year.party_en}" \
            if roll < 0.75 else f"Minutes, {a} and {b}"

    # ---- the parts of the page

    def render(self) -> tuple[str, str]:
        rng = self.rng
        date_text = _date_en(self.day, self.padded)
        folios = self._folios()
        body = self._body(folios)
        citation = _citation(rng, self.title, date_text, self.language, folios, self.day.year)
        host = "digitalarchive.wilsoncenter.org" if rng.random() < 0.97 else \
            "wilson-center-digital-archive.dvincitest.com"
        lines = ["", "", "", "", f"## **{date_text}**", "", f"### **{self.title}**", "",
                 "#### **Citation:**", "", citation, f"<https://{host}/document/{self.id}>", "",
                 "#### **Summary:**", "", self._summary(), ""]
        if rng.random() < 0.4:
            lines += ["#### **Credits:**", "", _CREDITS[int(rng.random() * len(_CREDITS))], ""]
        lines += ["#### **Original Language:**", "", self.language, "", "#### **Contents:**", "",
                  self._contents(), "", body]
        name = f"{self.day.isoformat()}_{_slug(self.title)}-{self.id}.md"
        return name, "\n".join(lines)

    def _contents(self) -> str:
        if self.transcribed or self.rng.random() < 0.12:
            return "- English Translation\n- Scan of Original Document"
        return "Transcript - English" if self.language == "English" else "Translation - English"

    def _summary(self) -> str:
        rng, year = self.rng, self.year
        via = self.via or _pick(rng, year.others)
        fields = {"A": _plain(self.sender), "B": _plain(self.recipient), "C": _plain(via),
                  "topic": _pick(rng, year.topics)["en"], "topic2": _pick(rng, year.topics)["en"],
                  "nat": _pick(rng, year.pools["nat"])["en"],
                  "good": _pick(rng, year.pools["good"])["en"],
                  "eq": _pick(rng, year.pools["eq"])["en.pl"],
                  "reg": _pick(rng, year.pools["reg"])["en"],
                  "city": _pick(rng, year.pools["city"])["en"],
                  "month": _MONTHS_EN[int(rng.random() * 12)]}
        templates = _SUMMARIES if self.via is not None else _SUMMARIES_DIRECT
        text = templates[int(rng.random() * len(templates))].format(**fields)
        return text[:1].upper() + text[1:]

    def _folios(self) -> list[int]:
        """Leaf numbers of the file the document sits in; the citation quotes their range."""
        first = 1 + int(self.rng.random() * 320)
        return [first + i for i in range(2 + int(self.rng.random() * 5))]

    def _body(self, folios: list[int]) -> str:
        if self.kind == "Record of Conversation":
            return "\n\n".join(self._conversation())
        if self.kind == "Minutes" and self.title.startswith("Minutes of the Meeting"):
            return "\n\n".join(self._minutes())
        if self.kind == "Minutes":
            return "\n\n".join(self._conversation())
        if self.kind == "Memorandum":
            return "\n\n".join(self._memorandum())
        english, russian = self._message(folios)
        return "\n\n".join(english + russian)

    # ---- cables, telegrams and letters (with the Russian transcription when there is one)

    def _message(self, folios: list[int]) -> tuple[list[str], list[str]]:
        rng, year, sender, recipient = self.rng, self.year, self.sender, self.recipient
        paired = self.transcribed
        en: list[str] = []
        ru: list[str] = []
        if paired and rng.random() < 0.5:
            first, second = _pick(rng, year.topics)["en"], _pick(rng, year.topics)["en"]
            en.append(f"(On {first}. On {second})")
        real_sender = year.people.get(sender.real, sender)
        real_recipient = year.people.get(recipient.real, recipient)
        cipher = f"{int(rng.random() * 9000) + 100:04d}"
        if self.via is not None and rng.random() < 0.6:
            en.append(f"{_initials(real_sender)} to {_initials(real_recipient)} "
                      f"{_dateline_en(self.day)} (No. {cipher})")
        salutation = self._salutation(real_recipient)
        if salutation:
            en.append(salutation[0])
            if self.via is None:  # to a man abroad the address line of the cable names him
                ru.append(salutation[1])
        if self.via is not None:
            en.append(f"Convey to {self.via.short} the content of this telegram.")
            verb = "Передай" if rng.random() < 0.5 else "Передайте"
            ru.append(f"{verb} {self.via.forms['dat']} содержание этой телеграммы.")
        # the transcription doubles the text (and Cyrillic takes two bytes a letter), so
        # transcribed records get fewer points to stay in the 3-8 KB of the real exports
        count = 3 + int(rng.random() * 5) if paired else 5 + int(rng.random() * 7)
        points = _points(rng, year, count, paired, reports=self.language != "Russian",
                         avoid=self.avoid)
        en += [e for e, _ in points]
        ru += [r for _, r in points]
        if self.kind == "Letter":
            en.append("With communist greetings,")
            ru.append("С коммунистическим приветом")
        signature = _upper_name(sender) if rng.random() < 0.6 else sender.full
        if rng.random() < 0.5:
            en.append(f"{signature}  \n{_dateline_en(self.day)}")
        else:
            en += [signature, f"{_dateline_en(self.day)}."]
        self._english_extras(en)
        if not paired:
            return (_footnotes(rng, year, en) if rng.random() < 0.12 else en), []
        return en, self._transcription(ru, folios, cipher, real_sender)

    def _salutation(self, real_recipient: Person) -> tuple[str, str] | None:
        rng, recipient = self.rng, self.recipient
        if self.via is not None:
            return (f"TO {real_recipient.short.upper()}:", "") if rng.random() < 0.5 else None
        if recipient.note:
            return (f"Com[rade] {recipient.short} [trans. note--{recipient.note}],",
                    f"Товарищ {recipient.forms['nom']},")
        roll = rng.random()
        if roll < 0.35:
            return f"Comrade {recipient.short}!", f"Товарищ {recipient.forms['nom']}!"
        if roll < 0.7:
            return f"Dear Comrade {recipient.short}!", f"Дорогой товарищ {recipient.forms['nom']}!"
        if roll < 0.85:
            return f"To Comrade {recipient.short}:", f"Товарищу {recipient.forms['dat']}:"
        return None

    def _english_extras(self, en: list[str]) -> None:
        """Editorial expansions the translators add: "Our CC [Central Committee]"."""
        for index, paragraph in enumerate(en):
            if "Our CC " in paragraph:
                en[index] = paragraph.replace("Our CC ", "Our CC [Central Committee] ", 1)
                return

    def _transcription(self, text: list[str], folios: list[int], cipher: str,
                       real_sender: Person) -> list[str]:
        """The Russian original as the cipher office kept it, and sometimes the corrected draft."""
        rng, year, recipient = self.rng, self.year, self.recipient
        out: list[str] = []
        if rng.random() < 0.3:
            out.append(f"тов. {_clerk(rng, self.day.year)}")
        out.append(str(folios[0]))
        outgoing = recipient.side == "su" and recipient.city != "Moscow"
        if outgoing and rng.random() < 0.4:
            out.append("КОПИЯ ИСХ. ТЕЛЕГРАММЫ")
        out.append(("СТРОГО СЕКРЕТНО", "СОВЕРШЕННО СЕКРЕТНО", "СЕКРЕТНО")[int(rng.random() * 3)])
        out.append(f"Экз. № {1 + int(rng.random() * 3)}")
        if rng.random() < 0.4:
            out.append(f"ШИФРТЕЛЕГРАММА № {cipher}-{int(cipher) + 2:04d}")
        else:
            out.append(f"ШИФРТЕЛЕГРАММА № {cipher}")
        dative = recipient.forms["dat"].upper()
        if outgoing:
            channel = recipient.channel or _CITY_UPPER.get(recipient.city, "ПЕКИН")
            out.append(f"{channel} - {dative}")
        else:
            out.append(f"{dative}.")
        body = text
        leaf = 1
        if len(body) >= 4 and rng.random() < 0.5:
            cut = len(body) // 2
            out += body[:cut]
            out.append("(см. сл. лист)")
            out += self._handling()
            if rng.random() < 0.5 and leaf < len(folios):
                out.append(str(folios[leaf]))
                leaf += 1
            out += body[cut:]
        else:
            out += body
        signature = self.sender.forms["nom"].upper()
        out += [f"{signature}.", _dateline_ru(self.day)]
        if rng.random() < 0.5:
            clerk = _clerk(rng, self.day.year)
            number = 1000 + int(rng.random() * 900)
            out.append(f"Отп. один экз.  \n№ 1 - тов. {clerk}  \n№ {number}")
        if rng.random() < 0.4:
            chief = _SHIFT_CHIEFS[int(rng.random() * len(_SHIFT_CHIEFS))]
            out.append(f"Верно: Нач. смены - *{chief} {10 + int(rng.random() * 12)}."
                       f"{int(rng.random() * 60):02d}*")
        if rng.random() < 0.25:
            note = _handwritten_excerpt(rng, body)
            if note:
                out.append(note)
        if rng.random() < 0.35 and leaf < len(folios):
            out += self._second_witness(text, folios[leaf:], dative, real_sender)
        return out

    def _handling(self) -> list[str]:
        rng, day = self.rng, self.day + _dt.timedelta(days=1)
        party = "ЦК ВКП (б)" if day.year < 1952 else "ЦК КПСС"
        lines = [f"ПОДЛЕЖИТ ВОЗВРАТУ  \nв {_ROMAN[int(rng.random() * 6)]} часть ОС {party}  \n"
                 f"Экз. № {100 + int(rng.random() * 300)}/ис от {day.day}/{_ROMAN[day.month - 1]}"
                 f" - {day.year} г."]
        if rng.random() < 0.7:
            office = "отделение 8 Отдела Комитета Информации при Совете Министров Союза ССР." \
                if day.year < 1952 else "8 Управление Генерального штаба."
            lines.append(f"Снятие копий воспрещается. Подлежит возврату через "
                         f"{3 + int(rng.random() * 5)} суток в \"{office}\"")
        return lines

    def _second_witness(self, text: list[str], folios: list[int], dative: str,
                        real_sender: Person) -> list[str]:
        """The draft with corrections: same opening, paragraphs run together, marks by hand."""
        rng = self.rng
        out = [f"{dative}.", str(folios[0])]
        merged: list[str] = []
        for paragraph in text:
            if merged and rng.random() < 0.4 and not paragraph[:1].isdigit():
                joined = paragraph
                if rng.random() < 0.5:
                    joined = f"**{paragraph[0]}**{paragraph[1:]}"
                merged[-1] = f"{merged[-1]} {joined}"
            else:
                merged.append(paragraph)
        for index, paragraph in enumerate(merged):
            if index == 0:  # the opening stays legible: it is how the copy is recognised
                out.append(paragraph)
                continue
            revised = _revise(rng, paragraph)
            if revised is paragraph and rng.random() < 0.2 and ". " in paragraph:
                cut = paragraph.index(". ") + 2
                revised = f"{paragraph[:cut]}*{paragraph[cut:]}*"
            if rng.random() < 0.1:
                revised = "✓ " + revised
            out.append(revised)
        later = self.day + _dt.timedelta(days=1)
        signature = self.sender.forms["nom"].upper()
        out += [signature, _dateline_ru(self.day, long=True) + "."]
        clerk = _clerk(rng, later.year)
        out.append(f"~~О подлинном верно:~~  \nКопию послал тов. {clerk}  \n{_dateline_ru(later)}")
        if real_sender.initials_ru:
            out.append(f"{_dateline_ru(later, long=True)}.")
            out.append(f"Поправки нанесены  \nтоварищем {real_sender.initials_ru} "
                       f"{real_sender.forms['ins']}  \n{_dateline_ru(later)}")
        return out

    # ---- English-only kinds

    def _conversation(self) -> list[str]:
        rng, year = self.rng, self.year
        a, b = self.sender, self.recipient
        out = [f"**{self.title}**"]
        if rng.random() < 0.6:
            out.append(f"**on {_dateline_en(self.day)}, at {1 + int(rng.random() * 11)} "
                       f"{'a.m.' if rng.random() < 0.4 else 'p.m.'}**")
        if rng.random() < 0.4:
            third = _pick(rng, year.pools["per"])["en"]
            out.append(f"Present: Comrades {a.short}, {b.short}, {third}.")
        speakers = [a, b]
        # after the first turn each speaker is abbreviated ("<u>St</u>.:"), never ambiguously
        short = [a.short[:1], b.short[:2]]
        if short[1].startswith(short[0]):
            short[0] = a.short[:2] if a.short[:2] != short[1] else a.short[:3]
        seen: set[int] = set()
        for turn in range(8 + int(rng.random() * 14)):
            who = turn % 2
            speaker = speakers[who]
            label = f"<u>{speaker.short}</u>:" if who not in seen else f"<u>{short[who]}</u>.:"
            seen.add(who)
            roll = rng.random()
            if roll < 0.05 and turn:
                text = f"Yes, Comrade {speakers[1 - who].short}."
            elif roll < 0.35:
                text, _ = _fill(rng, year.pools, _pick(rng, year.dialogue))
            else:
                text = " ".join(_sentences(rng, year, 1 + int(rng.random() * 4), False,
                                           avoid=self.avoid)[0])
            out.append(f"{label} {text}")
        return out

    def _minutes(self) -> list[str]:
        rng, year = self.rng, self.year
        out = [f"**Minutes No. {1 + int(rng.random() * 120)}**",
               f"**Meeting of the Politburo of the {year.party_en}, {_dateline_en(self.day)}**"]
        members = {_pick(rng, year.leaders).short for _ in range(6)} - {"Filippov", "Fyn Si"}
        out.append("Present: Comrades " + ", ".join(sorted(members or {"Molotov"})) + ".")
        for item in range(1, 3 + int(rng.random() * 5)):
            topic = _pick(rng, year.topics)["en"]
            out.append(f"{item}. On {topic}.")
            speakers = sorted({_pick(rng, year.leaders).short for _ in range(2)})
            out.append("(Comrades " + ", ".join(speakers) + ")")
            resolution, _ = _fill(rng, year.pools, _pick(rng, year.resolutions))
            out.append(f"Resolved: {resolution}")
            if rng.random() < 0.7:
                out.append(" ".join(_sentences(rng, year, 2 + int(rng.random() * 4), False)[0]))
        secretary = year.people.get(self.sender.real, self.sender)
        out.append(f"Secretary of the CC  \n{secretary.full}")
        return out

    def _memorandum(self) -> list[str]:
        rng, year = self.rng, self.year
        topic = _pick(rng, year.topics)["en"]
        out = ["**Memorandum**", f"To: {self.recipient.full}", f"From: {self.sender.full}",
               f"Re: {_title_case(topic)}"]
        points = _points(rng, year, 4 + int(rng.random() * 6), False, reports=True,
                         avoid=self.avoid)
        out += [e for e, _ in points]
        out.append(f"(signed) {self.sender.full}")
        if rng.random() < 0.35:
            out = _footnotes(rng, year, out)
        return out


def _footnotes(rng: random.Random, year: _Year, paragraphs: list[str]) -> list[str]:
    """Editor's notes: <sup>[n]</sup> after a sentence, the notes themselves at the end."""
    notes = []
    out = list(paragraphs)
    for index in range(4, len(out) - 1):
        if rng.random() < 0.45:
            number = len(notes) + 1
            out[index] = f"{out[index]}<sup>[{number}]</sup>"
            note, _ = _fill(rng, year.pools, _pick(rng, year.notes))
            notes.append(f"<sup>[{number}]</sup>{note}")
    return out + notes


def _revise(rng: random.Random, paragraph: str) -> str:
    """A few handwritten corrections: struck words, additions, insertions above the line."""
    words = paragraph.split(" ")
    if len(words) < 8 or rng.random() < 0.3:
        return paragraph
    for _ in range(1 + int(rng.random() * 3)):
        i = 1 + int(rng.random() * (len(words) - 2))
        word = words[i]
        if not word[-1:].isalpha() or "*" in word or "~" in word or "<" in word:
            continue
        roll = rng.random()
        if roll < 0.35:
            other = words[1 + int(rng.random() * (len(words) - 2))].strip(".,;:!?\"()*~")
            if other and other != word and "<" not in other:
                words[i] = f"~~{word}~~ *{other}*"
        elif roll < 0.6:
            words[i] = f"~~{_RU_DELETES[int(rng.random() * len(_RU_DELETES))]}~~ {word}"
        elif roll < 0.9:
            words[i] = f"{word} <sup>{_RU_INSERTS[int(rng.random() * len(_RU_INSERTS))]}</sup>"
        elif len(word) > 4:
            words[i] = f"{word[:2]}-~~{word[2:]}~~"
    return " ".join(words)


def _handwritten_excerpt(rng: random.Random, body: list[str]) -> str:
    """A marginal copy of one sentence in the clerk's hand, broken into short lines."""
    candidates = [p for p in body if len(p) > 80 and not p[:1].isdigit()]
    if not candidates:
        return ""
    sentence = candidates[int(rng.random() * len(candidates))].split(". ")[0].rstrip(".") + "."
    words = sentence.split()
    if len(words) < 6:
        return ""
    words[0] = "(" + words[0]
    words[2] = words[2] + ")"
    lines = [" ".join(words[i:i + 4]) for i in range(0, len(words), 4)]
    return "*" + "  \n".join(lines) + "*"


def _plain(person: Person) -> str:
    return person.full.replace("[", "(").replace("]", ")") if person.note else person.short


def _initials(person: Person) -> str:
    return f"{person.initials} {person.short.upper()}" if person.initials else \
        person.full.upper()


def _title_case(text: str) -> str:
    small = {"of", "the", "and", "in", "on", "to", "a", "for"}
    words = text.split()
    return " ".join(w if (i and w in small) else w[:1].upper() + w[1:]
                    for i, w in enumerate(words))


_SLUG_DROP = {"of", "the", "from", "and", "a", "an", "with", "between", "on", "for", "in", "at"}


def _slug(title: str) -> str:
    """Short ASCII name for the file: "Cable, Mao Zedong to Filippov [Stalin]" -> cable-mao-..."""
    text = re.sub(r"\[[^\]]*\]", " ", title).replace("'", "").replace("’", "").replace("ł", "l")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    words = [w for w in re.findall(r"[a-z0-9]+", text) if w not in _SLUG_DROP]
    return "-".join(words[:6]) or "document"


# ------------------------------------------------------------------ citations

def _citation(rng: random.Random, title: str, date_text: str, language: str, folios: list[int],
              year: int) -> str:
    quoted = f"\"{title}\", {date_text}, " if rng.random() < 0.8 else f"“{title},” {date_text}, "
    archive = "Wilson Center Digital Archive" if rng.random() < 0.75 else \
        "History and Public Policy Program Digital Archive"
    reference = _reference(rng, language, folios)
    if language == "Russian" and rng.random() < 0.1:
        parts = [f"{quoted}{archive}, Provided to the National Security Archive/Svetlana "
                 f"Savranskaya by Sergo Mikoyan (translation published with permission of the "
                 f"National Security Archive). Also available in {reference}."]
    else:
        parts = [f"{quoted}{archive}, {reference}."]
    if language == "Russian" and year <= 1950 and rng.random() < 0.35:
        page = 100 + int(rng.random() * 500)
        parts.append("Archival citation in accordance with Andrei Ledovskii, Raisa Mirovitskaia "
                     "and Vladimir Miasnikov, *Sovetsko-Kitaiskie Otnosheniia*, Vol. 5, Book "
                     f"{1 + (year > 1948)}, 1946-February 1950 (Moscow: Pamiatniki Istoricheskoi "
                     f"Mysli, 2005), pp. {page}-{page + 1 + int(rng.random() * 3)}.")
    if rng.random() < 0.2:
        page = 50 + int(rng.random() * 300)
        parts.append(_PUBLISHED[int(rng.random() * len(_PUBLISHED))].format(a=page, b=page + 2))
    translators = _TRANSLATORS.get(language)
    if translators:
        name = translators[int(rng.random() * len(translators))]
        roll = rng.random()
        if roll < 0.4:
            parts.append(f"Translated for CWIHP from {language} by {name}.")
        elif roll < 0.85:
            parts.append(f"Translated by {name}.")
        else:
            parts.append(f"Translated for CWIHP by {name}.")
    return " ".join(parts) + "  "


def _short_range(a: int, b: int) -> str:
    """Printed page ranges drop the repeated hundreds: 142-44."""
    return f"{a}-{b % 100:02d}" if a >= 100 and a // 100 == b // 100 else f"{a}-{b}"


_PUBLISHED = [
    "Also published in Odd Arne Westad (ed.), *Brothers in Arms*, pp. {a}-{b}.",
    "Published in *Cold War International History Project Bulletin*, Issues 6-7, pp. {a}-{b}.",
    "Also published in *Cold War International History Project Bulletin*, Issue 16, "
    "pp. {a}-{b}.",
    "Also available in A.M. Ledovskii, *SSSR i Stalin v sud'bakh Kitaia* (Moscow: Pamiatniki "
    "istoricheskoi mysli, 1999), pp. {a}-{b}.",
]


def _reference(rng: random.Random, language: str, folios: list[int]) -> str:
    """An archival reference in one of the house styles, quoting the record's folios."""
    a, b = folios[0], folios[-1]
    roll = rng.random()
    number = 1 + int(rng.random() * 400)
    if language == "Russian":
        if roll < 0.25:
            return f"APRF: F. {(3, 39, 45, 4)[int(rng.random() * 4)]}, Op. 1, D. {number}, " \
                   f"Ll. {a}-{b}"
        if roll < 0.5:
            if rng.random() < 0.5:
                return f"RGASPI, f. 558, op. 11, d. {number}, ll. {a:04d}-{b:04d}"
            return f"RGASPI. F. {(558, 17, 82)[int(rng.random() * 3)]}, op. 11. d. {number}, " \
                   f"pp. {_short_range(a, b)}"
        if roll < 0.7:
            fond = ("07", "0100", "06", "0102", "059a")[int(rng.random() * 5)]
            return f"AVPRF, f. {fond}, op. {1 + int(rng.random() * 60)}a, d. {number}, " \
                   f"ll. {a}-{b}"
        if roll < 0.82:
            return f"RGANI, f. 5, op. {30 + int(rng.random() * 50)}, d. {number}, ll. {a}-{b}"
        if roll < 0.92:
            return f"GARF, f. R-5446, op. {90 + int(rng.random() * 40)}, d. {number}, " \
                   f"ll. {a}-{b}"
        return f"TsAMO, f. 5, op. {918795 + int(rng.random() * 100)}, d. {number}, ll. {a}-{b}"
    if language == "Chinese":
        if roll < 0.6:
            return f"CFMA, 109-00{100 + number}-0{1 + int(rng.random() * 9)}, pp. {a}-{b}"
        return f"Zhonggong zhongyang wenxian yanjiushi, ed., *Jianguo yilai Mao Zedong wengao*, " \
               f"vol. {1 + int(rng.random() * 13)} (Beijing: Zhongyang wenxian chubanshe, 1987), " \
               f"pp. {a}-{b}"
    if language == "German":
        if roll < 0.5:
            return f"SAPMO-BArch, DY 30/IV 2/20/{number}, pp. {a}-{b}"
        return f"PAAA, B 37, Bd. {number}, pp. {a}-{b}"
    if language == "Polish":
        return f"AAN, KC PZPR, {2000 + number}, k. {_short_range(a, b)}"
    if language == "Hungarian":
        return f"MNL OL, XIX-J-1-j-Kína-{number}, {1 + int(rng.random() * 20)}. doboz, " \
               f"pp. {a}-{b}"
    if language == "Korean":
        return f"AVPRF, f. 0102, op. {1 + int(rng.random() * 20)}, d. {number}, ll. {a}-{b}"
    return f"NARA, RG 59, Central Decimal File, box {1000 + number}, pp. {a}-{b}"


# ------------------------------------------------------------------ weighted choices and dates

_KINDS = _pool(["Cable", "Telegram", "Letter", "Memorandum", "Record of Conversation", "Minutes"],
               [45, 15, 12, 10, 12, 6])
_MESSAGES = ("Cable", "Telegram", "Letter")
_LANGUAGES = _pool(["Chinese", "German", "Polish", "Hungarian", "English", "Korean"],
                   [40, 20, 12, 10, 10, 8])
_CITY_UPPER = {en: ru.split("|")[0].lstrip("!").upper() for en, ru, _ in _CITIES}
_EARLY = (_dt.date(1945, 1, 1).toordinal(), _dt.date(1956, 12, 31).toordinal())
_LATE = (_dt.date(1957, 1, 1).toordinal(), _dt.date(1991, 12, 31).toordinal())


def _random_date(rng: random.Random) -> _dt.date:
    """Most of the corpus is the early Cold War (as the archive's China collections are)."""
    low, high = _EARLY if rng.random() < 0.55 else _LATE
    return _dt.date.fromordinal(low + int(rng.random() * (high - low + 1)))


# ------------------------------------------------------------------ public API

def generate_records(n: int, seed: int = 1) -> Iterator[tuple[str, str]]:
    """Yield n (filename, markdown_text) pairs; the same seed and n give the same records."""
    rng = random.Random(seed)
    for index in range(n):
        # ids climb in steps of 3 with a random offset: unique, yet not a plain counter
        record_id = 100000 + 3 * index + int(rng.random() * 3)
        yield _Record(rng, record_id).render()


def write_corpus(n: int, out_dir: str | os.PathLike[str], seed: int = 1,
                 files_per_dir: int = 1000) -> int:
    """Write n records under out_dir/<shard>/ (files_per_dir per shard); return the count."""
    written = 0
    shard_dir = ""
    for index, (name, text) in enumerate(generate_records(n, seed)):
        if index % files_per_dir == 0:
            shard_dir = os.path.join(out_dir, f"{index // files_per_dir:04d}")
            os.makedirs(shard_dir, exist_ok=True)
        with open(os.path.join(shard_dir, name), "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        written += 1
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="number of records")
    parser.add_argument("--out", required=True, help="output folder")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--files-per-dir", type=int, default=1000)
    args = parser.parse_args(argv)
    if args.n < 0 or args.files_per_dir < 1:
        parser.error("N must be >= 0 and --files-per-dir >= 1")
    started = time.perf_counter()
    count = write_corpus(args.n, args.out, seed=args.seed, files_per_dir=args.files_per_dir)
    print(f"wrote {count:,} records to {args.out} in {time.perf_counter() - started:.1f} s",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
