"""The search index follows the store: stemmed in English and Russian, caught up after a crash."""

from __future__ import annotations

from dataclasses import replace

from chancery.archive import Archive
from chancery.search import analyzers
from chancery.store.store import Store
from chancery.text.markup import reading_text
from tests.conftest import MAO_1948, SAMPLES, STALIN_1949, WILSON, read_record


def ids(archive, query):
    return {hit.id for hit in archive.search(query).hits}


def test_stemmed_russian_forms_find_each_other(archive):
    archive.ingest([WILSON])
    assert ids(archive, "городам") == {"wilson:121768"}  # the text has "городами", "города"
    assert ids(archive, "коммунистами") == {"wilson:121768"}
    assert ids(archive, "ёлка") == set()


def test_english_stems_folding_and_phrases(archive):
    archive.ingest([WILSON])
    assert "wilson:121768" in ids(archive, "city")
    assert ids(archive, "Mikolajczyk") == ids(archive, "Mikołajczyk") == {"wilson:134364"}
    assert ids(archive, '"big cities"') == {"wilson:121768"}
    assert ids(archive, "Filippov") == {"wilson:113702", "wilson:121768"}


def test_a_word_finds_every_document_with_its_exact_form_in_any_script_and_rendition(archive):
    """Words are looked up in each language's field, not in the unstemmed copy of every text:
    nothing the exact form finds may be lost, whether the word is Latin in a Russian
    transcription, Cyrillic in an English one, Polish, German or Chinese."""
    archive.ingest([WILSON, SAMPLES / "frus"])
    exact = analyzers.analyzers()[analyzers.EXACT]
    words = sorted({word for document in archive.documents()
                    for rendition in document.renditions for block in rendition.blocks
                    for word in exact.analyze(reading_text(block)) if len(word) > 2})
    assert len(words) > 2000
    def found(query):
        return {hit.id for hit in archive.search(query, limit=1000).hits}

    for word in words[::5]:
        assert found(f'="{word}"') <= found(word), word


def test_a_word_in_the_title_ranks_a_document_first(archive):
    archive.ingest([SAMPLES / "frus"])
    hits = archive.search("memorandum").hits
    in_title = ["memorandum" in hit.title.lower() for hit in hits]
    assert in_title == sorted(in_title, reverse=True) and True in in_title and False in in_title


def test_broken_queries_give_results_or_nothing_never_an_error(archive):
    archive.ingest([WILSON])
    for query in ['AND (', '"unclosed', '***', '', 'title:', '[1 TO', '\\']:
        results = archive.search(query)
        assert results.total >= len(results.hits)


def test_index_catches_up_after_a_write_it_never_saw(tmp_path):
    folder = tmp_path / "archive"
    with Archive.open(folder, create=True) as archive:
        archive.ingest([WILSON / "1949-02-03_filippov-to-mikoyan.md"])
        assert ids(archive, "Shijiazhuang") == set()
    # the process dies between the store's commit and the index's: write to the store alone
    store = Store.open(folder)
    store.put(read_record(MAO_1948))
    store.close()
    with Archive.open(folder) as archive:
        assert ids(archive, "Shijiazhuang") == {"wilson:113702"}


def test_an_open_archive_finds_what_was_written_after_its_last_search(tmp_path):
    """A search asks the index for the change log's last point only when the store has moved
    past what the index held when last read; a write behind its back still moves it."""
    folder = tmp_path / "archive"
    with Archive.open(folder, create=True) as archive:
        archive.ingest([WILSON / "1946-04-07_bieruts-telephone-conversation-stalin.md"])
        assert ids(archive, "Shijiazhuang") == ids(archive, "городам") == set()
        store = Store.open(folder)  # another process writes the store alone
        store.put(read_record(MAO_1948))
        store.close()
        assert ids(archive, "Shijiazhuang") == {"wilson:113702"}
        with Archive.open(folder) as other:  # another process ingests and indexes
            other.ingest([STALIN_1949])
        assert "wilson:121768" in ids(archive, "городам")


def test_catch_up_indexes_each_document_once_at_its_newest_revision(tmp_path):
    folder = tmp_path / "archive"
    Archive.open(folder, create=True).close()
    store = Store.open(folder)  # two revisions the index has not seen, applied in one batch
    store.put(read_record(MAO_1948))
    store.put(replace(read_record(MAO_1948), summary="A summary about Vladivostok."))
    store.close()
    with Archive.open(folder) as archive:
        assert archive.search("Shijiazhuang").total == 1
        assert ids(archive, "Vladivostok") == {"wilson:113702"}


def test_a_new_revision_replaces_the_old_in_the_index(archive):
    archive.ingest([MAO_1948])
    archive.add(replace(read_record(MAO_1948), summary="A summary about Vladivostok."))
    assert ids(archive, "Vladivostok") == {"wilson:113702"}
    assert archive.search("Shijiazhuang").total == 1


def test_reindex_from_nothing(archive):
    archive.ingest([WILSON])
    assert archive.reindex() == 6
    assert archive.search("Stalin").total == 4


def test_a_limit_of_zero_counts_without_listing(archive):
    archive.ingest([WILSON])
    results = archive.search("Stalin", limit=0, facets=["year"])
    assert results.total == 4 and results.hits == []
    assert sum(value.count for value in results.facets["year"]) == 4


def test_relinking_after_a_merge_updates_the_entity_filters(archive):
    archive.load_authority()
    archive.ingest([WILSON])
    assert ids(archive, "person:person/bierut") == {"wilson:134364"}
    archive.merge_entities("person/stalin", "person/bierut")  # a curator's (wrong) merge
    archive.link()
    assert "wilson:134364" in ids(archive, "person:person/stalin")
    assert ids(archive, "person:person/bierut") == set()


def test_facet_counts_follow_new_documents_though_they_are_cached(archive):
    archive.ingest([MAO_1948])
    first = archive.search("Stalin", facets=["year"]).facets["year"]
    assert archive.search("Stalin", facets=["year"]).facets["year"] == first  # from the cache
    archive.ingest([WILSON])
    years = {value.value: value.count for value in
             archive.search("Stalin", facets=["year"]).facets["year"]}
    assert sum(years.values()) == archive.search("Stalin").total == 4


def test_while_another_process_writes_the_index_readers_go_on_and_catch_up_after(tmp_path):
    import tantivy

    with Archive.open(tmp_path / "archive", create=True) as archive:
        archive.add(read_record(STALIN_1949))
        assert archive.search("Mikoyan").total == 1
        # another process (an ingest, the server) holding the index's writer
        other = tantivy.Index.open(str(tmp_path / "archive" / "index"))
        writer = other.writer()
        try:
            archive.add(replace(read_record(STALIN_1949), id="wilson:7",
                                title="Zanzibar cable"))
            assert archive.search("Zanzibar").total == 0  # no error: the index as it is
            assert archive.index.catch_up(archive.store, wait=0.2) == 0
        finally:
            writer.rollback()
            del writer
        assert archive.search("Zanzibar").total == 1  # caught up once the writer is free


def test_a_hit_carries_its_dates_first_and_last_day(archive):
    """So that a hit list writes "July 1964", not "1 July 1964" (FRUS 1964-68 v. XI d38, an
    editorial note of a month; d56, minutes of two days)."""
    from tests.web.test_display import DATED_AT_PRECISION

    archive.ingest([DATED_AT_PRECISION, STALIN_1949])
    hits = {hit.id: (hit.date, hit.date_end) for hit in archive.search("", sort="date").hits}
    assert hits == {"frus:frus1964-68v11/d38": (19640701, 19640731),
                    "frus:frus1964-68v11/d56": (19641213, 19641214),
                    "wilson:121768": (19490203, 19490203)}
    related = archive.related(archive.get("frus:frus1964-68v11/d56"))  # of the same year
    assert [(hit.id, hit.date_end) for hit in related] == [("frus:frus1964-68v11/d38",
                                                            19640731)]


def copies_of_wilson(folder, count):
    """``count`` copies of the six Wilson samples, each copy a document of its own."""
    folder.mkdir()
    records = sorted(WILSON.glob("*.md"))
    for number in range(count):
        record = records[number % len(records)].read_text()
        record = record.replace("document/", f"document/9{number:03d}", 1)
        (folder / f"r{number:03d}.md").write_text(record)
    return folder


def copies_of_mao_1948(count):
    """How many of the first ``count`` copies are of MAO_1948 (the second of the six)."""
    return len(range(1, count, 6))


def test_an_ingest_indexes_each_batch_as_it_commits_it(tmp_path, monkeypatch):
    """The index is written while the ingest goes on (its process encodes documents while its
    workers parse) and committed every _BATCH changes, here 64, as catch_up commits: readers
    elsewhere (a server, which finds the writer busy) see the index grow."""
    monkeypatch.setattr("chancery.search.index._BATCH", 64)
    records = copies_of_wilson(tmp_path / "records", 130)  # batches of 64, 64 and 2
    seen_after_each_batch = []
    with Archive.open(tmp_path / "archive", create=True) as archive:
        def searched_elsewhere(report):  # noqa: ANN001, ANN202
            with Archive.open(tmp_path / "archive") as server:
                seen_after_each_batch.append((report.added, server.index.applied_seq(),
                                              server.search("Shijiazhuang").total))

        report = archive.ingest([records], written=searched_elsewhere)
        assert seen_after_each_batch == [(64, 64, copies_of_mao_1948(64)),
                                         (128, 128, copies_of_mao_1948(128)),
                                         (130, 128, copies_of_mao_1948(128))]
        assert archive.index.applied_seq() == 130 == report.added  # committed at the end
        assert len(archive.index.ids()) == 130


def test_an_ingest_indexes_after_another_process_lets_the_index_go(tmp_path):
    """Another process holding the index's writer as an ingest begins (the server catching up)
    is left to it; the ingest's process takes the writer over once it is free."""
    import tantivy

    records = copies_of_wilson(tmp_path / "records", 130)
    with Archive.open(tmp_path / "archive", create=True) as archive:
        other = tantivy.Index.open(str(archive.index.folder))
        held = [other.writer()]

        def let_go_after_the_first_batch(report):  # noqa: ANN001, ANN202
            if held:
                held.pop().rollback()

        report = archive.ingest([records], written=let_go_after_the_first_batch)
        assert not held and report.added == 130
        assert archive.index.ids() == set(archive.ids(limit=200))
        assert archive.index.applied_seq() == 130


def test_an_ingest_stopped_mid_way_leaves_the_index_to_catch_up_with_what_was_stored(
        tmp_path, monkeypatch):
    """A batch given to the index's writer but not committed when the ingest stops is applied
    by the next catch-up: the index holds every document the store does."""
    monkeypatch.setattr("chancery.search.index._BATCH", 100)
    records = copies_of_wilson(tmp_path / "records", 130)

    def stop_after_the_second_batch(report):  # noqa: ANN001, ANN202
        if report.added == 128:
            raise KeyboardInterrupt

    folder = tmp_path / "archive"
    with Archive.open(folder, create=True) as archive:
        try:
            archive.ingest([records], written=stop_after_the_second_batch)
        except KeyboardInterrupt:
            pass
        assert archive.index.applied_seq() == 100  # the commit of the first 100 changes
    with Archive.open(folder) as archive:
        assert archive.search("Shijiazhuang").total == copies_of_mao_1948(128)
        assert archive.index.ids() == set(archive.ids()) and len(archive.index.ids()) == 128
