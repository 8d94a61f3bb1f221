"""The engine query each query of bench/search.py compiles to, and the time compiling takes.

    python bench/compiled_queries.py ARCHIVE

Prints, for each query class and query, the mean time of 20 compilations (parse and compile,
in microseconds) and the tantivy query's repr. Run from two worktrees (before and after a
change) against archives of the same documents and compare the reprs with the field numbers
set aside (`sed 's/field=[0-9]*/field=?/g; s/Field([0-9]*)/Field(?)/g'`): where they are the
same, the change leaves the search engine's work as it was.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.search import CLASSES  # noqa: E402
from chancery.archive import Archive  # noqa: E402
from chancery.search.compile import Compiler  # noqa: E402
from chancery.search.query import parse  # noqa: E402

_REPEATS = 20


def main() -> None:
    with Archive.open(Path(sys.argv[1])) as archive:
        searcher = archive.index.index.searcher()
        for name, queries in CLASSES.items():
            for query in queries:
                started = time.perf_counter()
                for _ in range(_REPEATS):
                    compiled = Compiler(archive.index.index, archive._resolve,
                                        searcher).compile(parse(query).node)
                micros = (time.perf_counter() - started) / _REPEATS * 1e6
                print(f"{name}\t{query}\t{micros:.0f} us\t{compiled!r}")


if __name__ == "__main__":
    main()
