"""Archival references and citation parts in the house styles of the field."""

from __future__ import annotations

import pytest

from chancery.text.references import archival_references, folio_ranges, translators


@pytest.mark.parametrize("citation, repository, fond, opis, delo, folios", [
    ("Wilson Center Digital Archive, APRF: F. 39, Op. 1, D. 31, Ll. 30-31. Archival citation",
     "APRF", "39", "1", "31", "30-31"),
    ("Also available in RGASPI, f. 558, op. 11, d. 344, ll. 0057-0061. Translated by X.",
     "RGASPI", "558", "11", "344", "0057-0061"),
    ("Digital Archive, RGASPI. F. 558, op. 11. d. 334, pp. 142-44. Translated by Gary Goldberg.",
     "RGASPI", "558", "11", "334", "142-44"),
    ("Digital Archive, AAN, KC PZPR, 2724, k. 181-86.", "AAN", "KC PZPR", "", "2724", "181-86"),
    ("Digital Archive, AVPRF, f. 07, op. 23a, d. 18, ll. 1-3.", "AVPRF", "07", "23a", "18",
     "1-3"),
    ("Digital Archive, GARF, f. R-9401, op. 2, d. 199, l. 5.", "GARF", "R-9401", "2", "199",
     "5"),
])
def test_references(citation, repository, fond, opis, delo, folios):
    (reference,) = archival_references(citation)
    assert (reference.repository, reference.fond, reference.opis, reference.delo,
            reference.folios) == (repository, fond, opis, delo, folios)


def test_published_source_is_not_an_archive():
    assert archival_references("Digital Archive, Waijiaobu Dang’anguan ed., Yijiuwusi nian "
                               "Rineiwa huiyi (Beijing: Shijie zhishi chubanshe, 2006), 384.") == ()


def test_folio_ranges_expand_abbreviated_ends():
    assert folio_ranges("181-86") == ((181, 186),)
    assert folio_ranges("0057-0061") == ((57, 61),)
    assert folio_ranges("57, 59-61") == ((57, 57), (59, 61))


@pytest.mark.parametrize("citation, names, translated_for", [
    ("Obtained and translated by Balázs Szalontai.", ["Balázs Szalontai"], ""),
    ("Obtained by Sergey Radchenko and translated by Gary Goldberg.", ["Gary Goldberg"], ""),
    ("Contributed by Sergey Radchenko and translated by Gary Goldberg.", ["Gary Goldberg"], ""),
    ("Translated by Jae-Hyung Park for NKIDP.", ["Jae-Hyung Park"], "NKIDP"),
    ("Obtained by Béla Révész; translated and edited by Barnabás Vajd, Laura Deal, and Karl "
     "P. Benziger.", ["Barnabás Vajd", "Laura Deal", "Karl P. Benziger"], ""),
    ("Translated by N.G. Sudarikov", ["N.G. Sudarikov"], ""),
])
def test_translators_in_every_phrasing(citation, names, translated_for):
    credits = translators(citation)
    assert [credit.translator for credit in credits] == names
    assert {credit.translated_for for credit in credits} == {translated_for}


def test_translators():
    (credit,) = translators("Translated for CWIHP from Russian by Sergey Radchenko.")
    assert (credit.translator, credit.translated_for, credit.from_language) == (
        "Sergey Radchenko", "CWIHP", "Russian")
    names = [c.translator for c in translators("Translated by Gary Goldberg and Jack Smith.")]
    assert names == ["Gary Goldberg", "Jack Smith"]
