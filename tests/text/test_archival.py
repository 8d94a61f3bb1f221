"""Archival references in the citation forms of the repositories the Wilson Center cites.

One row per form: the citation as the Digital Archive prints it (after "Digital Archive,"),
and the repository and parts it must give. Forms quoted in issue 18 come from records the
project has not got; the others are the house styles of the archives named there.
"""

from __future__ import annotations

import csv
from importlib import resources

import pytest

from chancery.formats import wilson_markdown
from chancery.text.archival import archival_references, repositories

FORMS = [
    # Russia
    ("AVP RF, f. 0100, op. 43, d. 43, papka 302, ll. 1-5.",
     "AVPRF", "0100", "43", "43", "302", "1-5"),
    ("AVPRF f. 0102, op. 23, p. 112, d. 24, pp. 53-57.", "AVPRF", "0102", "23", "24", "112",
     "53-57"),
    ("Archive of Foreign Policy, Russian Federation (AVP RF), Moscow, f. 0100, op. 43, "
     "d. 43, papka 302, ll. 1-5. Translated by Danny Rozas.",
     "AVPRF", "0100", "43", "43", "302", "1-5"),
    ("AVPRF, Fond 059a, Opis 5a, Delo 5, Papka 11, List 80.", "AVPRF", "059a", "5a", "5",
     "11", "80"),
    ("APRF: F. 39, Op. 1, D. 31, Ll. 30-31. Archival citation in accordance with X.",
     "APRF", "39", "1", "31", "", "30-31"),
    ("APRF, fond 45, opis 1, delo 335, list 3.", "APRF", "45", "1", "335", "", "3"),
    ("RGASPI. F. 558, op. 11. d. 334, pp. 142-44. Translated by Gary Goldberg.",
     "RGASPI", "558", "11", "334", "", "142-44"),
    ("RGANI: fond 5, opis 61, delo 462, listy 71-74. Obtained by Sergey Radchenko.",
     "RGANI", "5", "61", "462", "", "71-74"),
    ("GARF, Fond 5446, Opis 98c, Delo 718, Listy 39-46.", "GARF", "5446", "98c", "718", "",
     "39-46"),
    ("AVP RF, f. 06, op. 9, p. 18, d. 223, ll. 1-2.", "AVPRF", "06", "9", "223", "18", "1-2"),
    ("Archive of the President of the Russian Federation (APRF), f. 3, op. 65, d. 776, "
     "ll. 1-5.", "APRF", "3", "65", "776", "", "1-5"),
    ("TsAMO, f. 5, op. 918795, d. 122, ll. 1-2.", "TsAMO", "5", "918795", "122", "", "1-2"),
    ("RGASPI, f. 558, op. 11, d. 329, ll. 57, 59-61.", "RGASPI", "558", "11", "329", "",
     "57, 59-61"),
    # China
    ("PRC FMA 110-00713-02. Translated by David Cowhig.", "CFMA", "", "", "110-00713-02", "",
     ""),
    ("PRC FMA 109-00785-01, 1-3. Translated by Stephen Mercado.", "CFMA", "", "",
     "109-00785-01", "", "1-3"),
    ("SMA B104-1-134, 1-5.", "SMA", "", "", "B104-1-134", "", "1-5"),
    # Germany
    ("SAPMO-BArch, DY 30/3497.", "SAPMO", "DY 30", "", "3497", "", ""),
    ("BStU, MfS, HA II, Nr. 12345.", "BStU", "MfS", "", "12345", "", ""),
    ("PolA AA, MfAA, C 1089/74.", "PAAA", "MfAA", "", "C 1089/74", "", ""),
    ("BA-SAPMO J IV 2/20/309. Translated by Bernd Schaefer.", "SAPMO", "", "", "J IV 2/20/309",
     "", ""),
    ("SAPMO-BArch, DY 30, J IV 2/202/289. Translated for CWIHP by Bernd Schaefer.", "SAPMO",
     "DY 30", "", "J IV 2/202/289", "", ""),
    ("SAPMO-BArch, DY 30/IV 2/20/137.", "SAPMO", "DY 30", "", "IV 2/20/137", "", ""),
    ("PA AA, MfAA, A 5624. Translated by Bernd Schaefer.", "PAAA", "MfAA", "", "A 5624", "",
     ""),
    # Poland
    ("AAN, KC PZPR, 2724, k. 181-86.", "AAN", "KC PZPR", "", "2724", "", "181-86"),
    ("AMSZ, zespół 11, wiązka 14, teczka 162, k. 1-5.", "AMSZ", "11", "", "162", "14", "1-5"),
    ("AMSZ, Departament II, z. 23, w. 3, t. 38.", "AMSZ", "23", "", "38", "3", ""),
    # Czechoslovakia
    ("ABS, f. 310, inv. j. 5.", "ABS", "310", "", "5", "", ""),
    ("MZV, Teritoriální odbory - tajné, 1945-1959, Korea, k. 2.", "AMZV",
     "Teritoriální odbory - tajné", "", "", "2", ""),
    ("NA ČR, KSČ-ÚV-02/1, sv. 73, ar.j. 89.", "NAČR", "KSČ-ÚV-02/1", "", "89", "73", ""),
    # Hungary
    ("MOL, 288. f. 5/829. ő. e. Translated for NKIDP by Balázs Szalontai.", "MOL", "288", "5",
     "829", "", ""),
    ("MOL, XIX-J-1-j Korea, 1959, 11. doboz, 5/ad-0011/RT/1959.", "MOL", "XIX-J-1-j", "",
     "5/ad-0011/RT/1959", "11", ""),
    ("MNL OL XIX-J-1-j É-Korea, 1972, 60. doboz, 81-146, 00394. Translated by Imre Majer.",
     "MNL OL", "XIX-J-1-j", "", "81-146", "60", ""),
    # Romania
    ("ANIC, Fond CC al PCR - Secţia Relaţii Externe, Dosar 47/1966, f. 10-15.", "ANIC",
     "CC al PCR - Secţia Relaţii Externe", "", "47/1966", "", "10-15"),
    ("Archive of the Romanian Ministry of Foreign Affairs, Folder 220/1967, Issue 1511.",
     "AMAE-RO", "", "", "220/1967", "", ""),
    # Bulgaria
    ("Central State Archive, Sofia, Fond 1-B, Opis 60, a.e. 291, l. 1-5.", "TsDA", "1-B",
     "60", "291", "", "1-5"),
    ("AMVnR, Opis 15, a.e. 5, pp. 12-14.", "AMVnR", "", "15", "5", "", "12-14"),
    ("ЦДА, ф. 1Б, оп. 64, а.е. 291, л. 1-5.", "TsDA", "1Б", "64", "291", "", "1-5"),
    # Italy
    ("ACS, MI, Gab., b. 123, fasc. 45.", "ACS", "MI", "", "45", "123", ""),
    ("APCI, Estero, MF 0565, pp. 1234-1240.", "APCI", "Estero", "", "MF 0565", "",
     "1234-1240"),
    # Vietnam
    ("Vietnam National Archives Center 3, Phông Phủ Thủ tướng, hồ sơ 8583.", "VNA3",
     "Phủ Thủ tướng", "", "8583", "", ""),
    # Korea
    ("Diplomatic Archives, Ministry of Foreign Affairs, Republic of Korea, file 1234, "
     "frame 0012-0014.", "ROK-DA", "", "", "1234", "", "0012-0014"),
    # United States
    ("NARA, RG 59, Central Decimal File, 1955-59, box 123.", "NARA", "59", "", "", "123", ""),
    # Albania
    ("AQSH, F. 14/AP, M-PKK, V. 1961, D. 11, fl. 1-4.", "AQSh", "14/AP", "", "11", "", "1-4"),
]


@pytest.mark.parametrize("source, repository, fond, opis, delo, box, folios", FORMS,
                         ids=[row[0][:40] for row in FORMS])
def test_each_citation_form_gives_repository_and_parts(source, repository, fond, opis, delo,
                                                       box, folios):
    citation = f'"A Title", May 1, 1960, Wilson Center Digital Archive, {source}'
    (reference,) = archival_references(citation)
    assert (reference.repository, reference.fond, reference.opis, reference.delo,
            reference.box, reference.folios) == (repository, fond, opis, delo, box, folios)
    assert reference.repository_name == repositories()[repository]
    assert not reference.raw.endswith((",", ";", ". ")) and source.startswith(reference.raw[:8])


def test_a_closing_label_keeps_its_point_in_the_reference_as_printed():
    (mol,) = archival_references("Digital Archive, MOL, 288. f. 5/829. ő. e. Translated by X.")
    assert mol.raw == "MOL, 288. f. 5/829. ő. e."
    (rgaspi,) = archival_references("Digital Archive, RGASPI, f. 558, op. 11, d. 97, ll. 67-70.")
    assert rgaspi.raw == "RGASPI, f. 558, op. 11, d. 97, ll. 67-70"


def test_references_separated_by_semicolons_are_each_read():
    citation = ("Wilson Center Digital Archive, APRF, f. 45, op. 1, d. 342, l. 78; AVPRF, "
                "Fond 059a, Opis 5a, Delo 5, Papka 11, List 80; and RGASPI, f. 558, op. 11, "
                "d. 342, ll. 0078.")
    found = archival_references(citation)
    assert [(r.repository, r.fond, r.delo, r.folios) for r in found] == [
        ("APRF", "45", "342", "78"), ("AVPRF", "059a", "5", "80"), ("RGASPI", "558", "342",
                                                                     "0078")]


def test_an_unknown_style_is_kept_whole_with_its_repository():
    (reference,) = archival_references(
        "Digital Archive, Archives of the Ministry of Foreign Affairs, France. Obtained by "
        "Enrico Fardella and translated by Garret Martin.")
    assert (reference.repository, reference.raw) == (
        "AMAE", "Archives of the Ministry of Foreign Affairs, France")
    assert (reference.fond, reference.delo, reference.folios) == ("", "", "")


def test_an_archive_in_no_table_is_still_an_archival_reference():
    (reference,) = archival_references(
        "Digital Archive, Archive of the Central Committee of the Mongolian People's "
        "Revolutionary Party, f. 4, d. 12. Translated by Sergey Radchenko.")
    assert reference.repository_name.startswith("Archive of the Central Committee")
    assert reference.raw.endswith("f. 4, d. 12")


def test_a_published_source_is_not_an_archive():
    assert archival_references(
        "Digital Archive, Waijiaobu Dang’anguan ed., Yijiuwusi nian Rineiwa huiyi (Beijing: "
        "Shijie zhishi chubanshe, 2006), 384. Translated by Yafeng Xia.") == ()


def test_a_long_archive_name_is_never_filed_as_a_publication():
    record = (b"## **May 1, 1950**\n\n### **Memorandum, A to B**\n\n#### **Citation:**\n\n"
              b'"Memorandum, A to B", May 1, 1950, Wilson Center Digital Archive, Archive of '
              b"Foreign Policy, Russian Federation (AVP RF), Moscow, f. 0100, op. 43, d. 43, "
              b"papka 302, ll. 1-5.  \n<https://digitalarchive.wilsoncenter.org/document/1>\n\n"
              b"#### **Contents:**\n\nTranslation - English\n\nText.\n")
    document = wilson_markdown.read(record, "record.md")
    assert document.publications == ()
    (reference,) = document.archival_references
    assert (reference.repository, reference.box) == ("AVPRF", "302")


def test_every_citation_form_names_a_repository_of_the_table():
    with resources.files("chancery.data").joinpath("repository_forms.csv").open(
            encoding="utf-8") as handle:
        codes = {row["code"] for row in csv.DictReader(handle)}
    assert codes <= set(repositories())
