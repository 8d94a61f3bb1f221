"""Persons as an edition's list prints them: "Abrams, Creighton W., Jr." read into its parts.

A FRUS volume lists each person surname first, with titles ("General", "Sir", "Lt. Gen.",
after the name or before the given names), a generation ("Jr.", "II"), other spellings in
brackets ("Mao Tse-tung (Mao Zedong)", "Assad (Asad), Hafez", "(also Kanellopoulos)"), a
nickname ("Bremer, L. Paul (Jerry)", "House, Edward “Colonel,”"), a party ("(R–Illinois)"),
or only a pointer to another entry ("Diem, see Ngo Dinh Diem"). ``read_listed`` gives the
name in natural order ("Creighton W. Abrams, Jr."), its parts and its other forms; what it
does not recognise stays in the name as printed. ``same_person`` says whether two names may
be one person's: the same surname in some spelling, the same generation, given names or
initials that agree (with ``whole``, none of them left out on one side). Titles that name
another person ("Mrs.", "Madame") are kept in the name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from chancery.text.names import name_skeleton

# Titles printed before given names or after a name, longest first. They are left out of
# the natural order, except those in _KEPT: a peer is known by the title ("Lord Chalfont",
# "Earl of Cromer"), and "Mrs. John F. Kennedy" or "Madame Ngo Dinh Nhu" is another person.
_TITLE_WORDS = """General of the Army|Lieutenant General|Major General|Brigadier General|
    Lieutenant Colonel|Vice Admiral|Rear Admiral|Fleet Admiral|Air Chief Marshal|Air Marshal|
    Field Marshal|Air Vice Marshal|Vice Marshal|Lt\\. ?Gen\\.|Maj\\. ?Gen\\.|Brig\\. ?Gen\\.|Lt\\. ?Col\\.|Rear Adm\\.|
    Vice Adm\\.|Rt\\. ?Hon\\.|Hon\\.|General|Gen\\.|Admiral|Adm\\.|Colonel|Col\\.|Major|Maj\\.|
    Brigadier|Captain|Capt\\.|Commander|Cmdr\\.|Lieutenant|Lt\\.|Marshal|Generalissimo|Sir|
    Dame|Dr\\.?|Mr\\.|Senator|Sen\\.|Representative|Rep\\.|Congressman|Ambassador|Judge|
    Justice|Reverend|Rev\\.|Father|Archbishop|Bishop|Cardinal|Monsignor|Professor|Prof\\.|
    President|Premier|Chairman|Chancellor|Secretary|Minister|Crown Prince|Princess|Prince|
    Lord|Lady|Earl of|Baroness|Baron|Viscount|King|Queen|Madame|Mme\\.|Mrs\\.|Miss|Sheikh|
    Shaikh|Emir|Amir|Sultan|Shah"""
_TITLE = "(?:" + re.sub(r"\s*\n\s*", "", _TITLE_WORDS) + ")"
_TITLES = re.compile(rf"((?:{_TITLE}(?:\s+|$))+)(.*)$")
_ONLY_TITLES = re.compile(rf"(?:{_TITLE}(?:\s+(?:and\s+)?|$))+")
_KEPT = frozenset(re.sub(r"\s*\n\s*", "", """Crown Prince|Princess|Prince|Lord|Lady|Earl of|
    Baroness|Baron|Viscount|King|Queen|Madame|Mme.|Mrs.|Miss|Sheikh|Shaikh|Emir|Amir|Sultan|
    Shah""").split("|"))
_ANOTHER_PERSON = frozenset({"Madame", "Mme.", "Mrs.", "Miss", "Lady"})  # the wife, not him
_SUFFIX = re.compile(r"(?:Jr|Sr)\.?|II|III|IV")
_TRAILING_SUFFIX = re.compile(r"^(.*\S)\s*,?\s+((?:Jr|Sr)\.?|II|III|IV)\.?$")
_BRACKET = re.compile(r"\s*(?:\(([^()]*)\)|\[([^\[\]]*)\]|[“\"]([^”\"]*)[”\"])")
_PARTY = re.compile(r"^[RDI]\s*[-–—]\s*\w")  # (R–Illinois), (D-Texas)
_INITIAL = re.compile(r"(?:^|\s)[A-Z]\.$")
_GIVEN_WORD = re.compile(r"(?:[A-Z]\.|[A-Z][\w’'.-]*[a-z][\w’'.-]*)$")
_SEE = re.compile(r"^[Ss]ee\s+(.+?)\.?$")
_TOKENS = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


@dataclass(frozen=True, slots=True)
class PersonName:
    """A person's name as a list prints it, read into its parts."""

    listed: str  # as printed: "Abrams, Creighton W., Jr."
    natural: str  # "Creighton W. Abrams, Jr."; as printed for a name in its own order
    surname: str = ""  # "Abrams"; "" for a name listed in its own order ("Mao Tse-tung")
    surnames: tuple[str, ...] = ()  # the surname in every spelling listed
    given: tuple[str, ...] = ()  # the given names in every form listed: ("Jimmy", "James E.")
    suffix: str = ""  # "Jr.", "II"
    titles: tuple[str, ...] = ()  # "General", "Sir"
    others: tuple[str, ...] = ()  # the whole name in other spellings: "Mao Zedong"
    nicknames: tuple[str, ...] = ()  # a nickname with the surname: "Jerry Bremer"
    description: str = ""  # what the list says of them after the name
    see: str = ""  # the entry this one only points to: "Ngo Dinh Diem" for "Diem, see ..."


def read_listed(listed: str, following: str = "") -> PersonName:
    """A listed name in its parts; ``following``: the rest of the entry, whose first parts
    complete a name printed as a surname alone ("Anghelis", ", General Odysseus, Chief ...")."""
    text = " ".join(listed.split()).strip(" ,;")
    text = re.sub(r"(?<=[a-z]{2})\.$", "", text)  # "Loan." but "Jr." and "W."
    rest = " ".join(following.split())
    if "," not in text and " " not in text and rest.startswith(","):
        text, rest = _completed(text, rest)
    description = rest.lstrip(" ,;:.")
    see = _SEE.match(description)
    brackets: list[tuple[str, bool, bool]] = []  # (content, after a comma, quoted)

    def take(match: re.Match) -> str:
        content = next(group for group in match.groups() if group is not None)
        brackets.append((content.strip(" ,“”\""), "," in text[:match.start()],
                         match.group(3) is not None or content.strip()[:1] in "“\""))
        return ""

    core = _BRACKET.sub(take, text)
    parts = [part.strip() for part in core.split(",") if part.strip()]
    if len(parts) == 1 and _INITIAL.search(parts[0]) and " " in parts[0]:
        parts = parts[0].split(" ", 1)  # "Jackson C. D.": a comma the printer left out
    titles: list[str] = []
    suffix = ""
    given: list[str] = []
    for part in parts[1:]:
        if _SUFFIX.fullmatch(part.rstrip(".") if part.startswith(("II", "IV")) else part):
            suffix = part.rstrip(".") if part.startswith(("II", "IV")) else part
        elif _ONLY_TITLES.fullmatch(part):
            titles += _split_titles(part)
        elif not given or _INITIAL.search(part):
            leading, part = _leading_titles(part)
            titles += leading
            found = _TRAILING_SUFFIX.match(part)
            if found:
                part, suffix = found.group(1), found.group(2)
            if part:
                given.append(part)
    head = parts[0] if parts else text
    if given and given[0][:1].islower():  # "Hussein I, ibn Talal": a name in its own order
        head, given = f"{head} {given[0]}", given[1:]
    inverted = len(parts) > 1 and bool(given or set(titles) & _KEPT)
    if not given:
        leading, head = _leading_titles(head)
        titles = leading + titles
    if suffix and not suffix.endswith(".") and suffix.startswith(("Jr", "Sr")):
        suffix += "."
    first = " ".join(given)
    kept = [title for title in titles if title in _KEPT]
    surname = head if inverted else ""
    name = PersonName(text, _natural(kept, first, head, suffix), surname, (head,) if surname
                      else (), (first,) if first else (), suffix, tuple(titles),
                      description=description, see=see.group(1) if see else "")
    for content, after_comma, quoted in brackets:
        name = _with_bracket(name, re.sub(r"^also\s+", "", content), after_comma, quoted, kept)
    return name


def _completed(surname: str, rest: str) -> tuple[str, str]:
    """A surname listed alone, with the given names and titles the entry goes on with."""
    taken = []
    parts = rest.lstrip(" ,").split(",")
    for part in parts:
        words = _BRACKET.sub("", part).split()
        if not words or words[0].casefold() == "see" or not (_ONLY_TITLES.fullmatch(" ".join(words)) or _SUFFIX.fullmatch(
                " ".join(words)) or all(_GIVEN_WORD.match(word) or _TITLES.match(word)
                                        for word in words)):
            break
        taken.append(part)
    if not taken:
        return surname, rest
    return ", ".join([surname] + [part.strip() for part in taken]), ",".join(
        parts[len(taken):])


def _with_bracket(name: PersonName, content: str, after_comma: bool, quoted: bool,
                  kept: list[str]) -> PersonName:
    """The name with what a bracket of its entry adds: other spellings, a nickname."""
    if not content or _PARTY.match(content):
        return name
    given = name.given[0] if name.given else ""
    if name.surname and not after_comma and not quoted:  # "Assad (Asad), Hafez"
        spellings = [part.strip() for part in content.split(",") if part.strip()]
        return _also(name, surnames=tuple(spellings), others=tuple(
            _natural(kept, given, spelling, name.suffix) for spelling in spellings))
    alternatives = [part.strip() for part in content.split(",") if part.strip()]
    if len(alternatives) > 1 and any(len(part.split()) == 1 for part in alternatives):
        return _also(name, others=(read_listed(content).natural,))  # "(Cho, Chung W.)"
    for alternative in alternatives:
        if quoted or len(alternative.split()) == 1:  # a nickname: "(Jerry)", "“Colonel,”"
            if name.surname:
                name = _also(name, nicknames=(f"{alternative} {name.surname}",))
        elif name.surname and _INITIAL.search(alternative):  # "Carter, Jimmy (James E.)"
            name = _also(name, given=(alternative,), others=(
                _natural(kept, alternative, name.surname, name.suffix),))
        else:  # the whole name otherwise: "(Mao Zedong)", "(Lord Harlech)"
            name = _also(name, others=(alternative,))
            words = alternative.split()
            if name.surname and given and words[0] == name.surname and \
                    words[1][0] == given[0]:
                # "Kim, Chung-yul (Kim Chung-yil)": a name whose surname comes first
                name = _also(name, natural=f"{name.surname} {given}")
    return name


def _also(name: PersonName, natural: str = "", **more: tuple[str, ...]) -> PersonName:
    values = {key: tuple(dict.fromkeys(getattr(name, key) + value)) for key, value in
              more.items()}
    if "surnames" in values:
        values["surnames"] = tuple(dict.fromkeys(name.surnames + more["surnames"]))
    fields = {field: getattr(name, field) for field in PersonName.__slots__}
    fields.update(values)
    if natural:
        fields["natural"] = natural
    fields["others"] = tuple(other for other in fields["others"] if other != fields["natural"])
    return PersonName(**fields)


def _natural(kept: list[str], given: str, surname: str, suffix: str) -> str:
    text = " ".join(part for part in (*kept, given, surname) if part)
    if suffix:
        text += f", {suffix}" if suffix.startswith(("Jr", "Sr")) else f" {suffix}"
    return text


def _leading_titles(part: str) -> tuple[list[str], str]:
    match = _TITLES.match(part)
    if not match or not match.group(2):
        return [], part
    return _split_titles(match.group(1)), match.group(2).strip()


def _split_titles(text: str) -> list[str]:
    return [found.strip() for found in re.findall(rf"{_TITLE}(?=\s|$)", text)]


def from_natural(text: str) -> PersonName:
    """A name in natural order ("Gerald R. Ford", "Creighton W. Abrams, Jr.") in its parts:
    the last word is taken for the surname."""
    text = " ".join(text.split())
    found = _TRAILING_SUFFIX.match(text)
    body, suffix = (found.group(1).rstrip(","), found.group(2)) if found else (text, "")
    if suffix.startswith(("Jr", "Sr")) and not suffix.endswith("."):
        suffix += "."
    titles, body = _leading_titles(body)
    words = body.split()
    if len(words) < 2:
        return PersonName(text, text, titles=tuple(titles))
    return PersonName(text, text, words[-1], (words[-1],), (" ".join(words[:-1]),), suffix,
                      tuple(titles))


def same_person(first: PersonName, second: PersonName, whole: bool = False) -> bool:
    """Whether two names, each with a surname and given names, may be one person's;
    ``whole``: with every given name or initial of each in the other ("George S." is then
    not "George")."""
    if not (first.surname and second.surname and first.given and second.given):
        return False
    if first.suffix != second.suffix or \
            set(first.titles) & _ANOTHER_PERSON != set(second.titles) & _ANOTHER_PERSON:
        return False
    if not {name_skeleton(s) for s in first.surnames} & {name_skeleton(s) for s in
                                                         second.surnames}:
        return False
    return any(_same_given(one, other, whole) for one in first.given for other in second.given)


def _same_given(first: str, second: str, whole: bool = False) -> bool:
    """ "C.P." and "Charles Pearre", "Walter B." and "Walter Bedell": each pair of given
    names the same, or an initial and a name it begins; a middle name may be left out beside
    a first name in full ("Robert" and "Robert B."), not beside an initial ("C. Tyler" is
    not "Chalmers", "D.A." not "Desmond")."""
    ones, others = _TOKENS.findall(first), _TOKENS.findall(second)
    if not ones or not others:
        return False
    if len(ones) != len(others) and (whole or len(ones[0]) == 1 or len(others[0]) == 1):
        return False  # a name left out is trusted only beside a first name in full
    for one, other in zip(ones, others):
        if len(one) == 1 or len(other) == 1:
            if one[0].casefold() != other[0].casefold():
                return False
        elif name_skeleton(one) != name_skeleton(other):
            return False
    return True



def given_agreement(first: PersonName, second: PersonName) -> float:
    """How well two names' given names agree, in their best forms: one for each name or
    initial the same, a half for an initial beside the name it begins ("Charles E." is
    nearer "Charles E." than "Charles Edward")."""
    best = 0.0
    for one in first.given:
        for other in second.given:
            if _same_given(one, other):
                best = max(best, sum(
                    1.0 if name_skeleton(a) == name_skeleton(b) else 0.5
                    for a, b in zip(_TOKENS.findall(one), _TOKENS.findall(other))))
    return best
