"""Where a body of paragraphs changes language: the runs of a text given in several languages.

A Wilson record may give an original and two translations one after another (a Russian
original with English and Chinese translations); each paragraph's detected language is noisy
(a signature, a date, a quoted name), so the body is cut into as many contiguous runs as there
are languages, one language a run, choosing the cut that agrees with the most text.
"""

from __future__ import annotations

from itertools import permutations


def language_runs(langs: list[str], weights: list[int], languages: tuple[str, ...]
                  ) -> list[tuple[int, int, str]]:
    """(start, end, language) runs covering all paragraphs, one run per language, in the order
    that agrees with the most weight (characters) of the paragraphs' own languages."""
    count = len(langs)
    if not languages or count < len(languages):
        return [(0, count, languages[0] if languages else "")]
    prefix = {lang: [0] for lang in languages}
    for lang_of, weight in zip(langs, weights):
        for lang in languages:
            prefix[lang].append(prefix[lang][-1] + (weight if lang_of == lang else 0))
    best: tuple[int, list[tuple[int, int, str]]] = (-1, [])
    for order in permutations(languages):
        score, cuts = _best_cuts(order, prefix, count)
        if score > best[0]:
            runs, start = [], 0
            for lang, end in zip(order, cuts):
                runs.append((start, end, lang))
                start = end
            best = (score, runs)
    return best[1]


def _best_cuts(order: tuple[str, ...], prefix: dict[str, list[int]], count: int
               ) -> tuple[int, list[int]]:
    """The best ends of the runs for one order of languages, each run non-empty."""
    minus_infinity = float("-inf")
    # score[j][i]: best agreement covering paragraphs [0, i) with the first j runs
    score = [[minus_infinity] * (count + 1) for _ in range(len(order) + 1)]
    back = [[0] * (count + 1) for _ in range(len(order) + 1)]
    score[0][0] = 0
    for j, lang in enumerate(order, start=1):
        column = prefix[lang]
        running, where = minus_infinity, 0
        for i in range(1, count + 1):
            candidate = score[j - 1][i - 1] - column[i - 1]
            if candidate > running:
                running, where = candidate, i - 1
            score[j][i] = running + column[i]
            back[j][i] = where
    cuts, i = [], count
    for j in range(len(order), 0, -1):
        cuts.append(i)
        i = back[j][i]
    return int(score[len(order)][count]), cuts[::-1]
