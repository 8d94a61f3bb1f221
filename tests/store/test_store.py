"""The store keeps every revision, writes each document with its change-log row, and checks."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import select, update

from chancery.archive import Archive
from chancery.store import changes, schema
from chancery.store.schema import revisions
from chancery.store.store import COPY_FROM_ROWS, Outcome, insert_rows
from tests.conftest import MAO_1948, SAMPLES


def test_put_get_round_trip_keeps_verbatim_source(archive, mao):
    assert archive.add(mao) is Outcome.ADDED
    stored = archive.get("wilson:113702")
    assert stored == mao
    assert stored.source.text.encode() == MAO_1948.read_bytes()
    assert stored.source.sha256 == mao.source.sha256


def test_the_index_reads_documents_back_without_their_source_text(archive, mao, stalin):
    archive.add(mao)
    archive.add(stalin)
    whole = archive.store.get_many([mao.id, stalin.id])
    bodies = archive.store.get_many([mao.id, stalin.id], with_source=False)
    assert list(bodies) == list(whole) == [mao.id, stalin.id]
    for document_id, document in whole.items():
        assert bodies[document_id].source.text == ""
        assert replace(bodies[document_id], source=document.source) == document


def test_same_document_again_changes_nothing(archive, mao):
    archive.add(mao)
    assert archive.add(mao) is Outcome.UNCHANGED
    with archive.store.engine.connect() as connection:
        assert changes.last_seq(connection) == 1


def test_changed_document_makes_a_new_revision_and_keeps_history(archive, mao):
    archive.add(mao)
    edited = replace(mao, summary="A corrected summary.")
    assert archive.add(edited, actor="editor") is Outcome.UPDATED
    history = archive.revisions("wilson:113702")
    assert [doc.summary for doc in history] == [mao.summary, "A corrected summary."]
    assert archive.get("wilson:113702").summary == "A corrected summary."
    with archive.store.engine.connect() as connection:
        log = list(changes.since(connection, 0))
    assert [(c.seq, c.revision, c.actor) for c in log] == [(1, 1, "ingest"), (2, 2, "editor")]


def test_check_passes_on_a_sound_archive_and_finds_a_corrupted_revision(archive, mao, stalin):
    archive.add(mao)
    archive.add(stalin)
    assert archive.check() == []
    with archive.store.writer.begin() as connection:
        connection.execute(update(revisions).where(revisions.c.document_id == "wilson:121768")
                           .values(body=b'{"id": "broken"'))
    problems = archive.check()
    assert any("wilson:121768 revision 1" in problem for problem in problems)


def test_check_finds_a_hole_in_the_change_log(archive, mao, stalin):
    archive.add(mao)
    archive.add(stalin)
    with archive.store.writer.begin() as connection:
        connection.exec_driver_sql("DELETE FROM changes WHERE seq = 1")
    assert any("not contiguous" in problem for problem in archive.check())


def test_archive_is_sqlite_in_wal_mode(archive):
    with archive.store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    assert archive.store.schema_version() == schema.SCHEMA_VERSION


def test_reopening_keeps_documents(tmp_path, mao):
    with Archive.open(tmp_path / "a", create=True) as first:
        first.add(mao)
    with Archive.open(tmp_path / "a") as second:
        assert second.get(mao.id) == mao
        with second.store.engine.connect() as connection:
            bodies = connection.execute(select(revisions.c.body)).scalars().all()
    assert b"Sergey Radchenko" in bodies[0]


def test_asking_whether_anything_is_hidden_reads_the_access_index_not_every_row(archive,
                                                                                 mao):
    # every page asks it, so on a million public documents a table scan costs every reader
    from sqlalchemy import event

    archive.add(mao)
    statements = []

    def keep(_connection, _cursor, statement, parameters, *_rest) -> None:  # noqa: ANN001
        statements.append((statement, parameters))

    event.listen(archive.store.engine, "before_cursor_execute", keep)
    try:
        assert archive.store.has_hidden() is False
    finally:
        event.remove(archive.store.engine, "before_cursor_execute", keep)
    statement, parameters = statements[-1]
    with archive.store.engine.connect() as connection:
        plan = connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}",
                                          parameters).all()
    assert any("USING INDEX documents_by_access" in row[-1] for row in plan), plan


def test_documents_written_together_each_get_their_revision_and_change_log_row(archive, mao,
                                                                                stalin):
    edited = replace(mao, summary="A corrected summary.")
    outcomes = archive.store.put_many([mao, stalin, edited, stalin], actor="batch")
    assert outcomes == [Outcome.ADDED, Outcome.ADDED, Outcome.UPDATED, Outcome.UNCHANGED]
    assert [doc.summary for doc in archive.revisions("wilson:113702")] == [
        mao.summary, "A corrected summary."]
    with archive.store.engine.connect() as connection:
        log = list(changes.since(connection, 0))
    assert [(c.seq, c.document_id, c.revision) for c in log] == [
        (1, "wilson:113702", 1), (2, "wilson:121768", 1), (3, "wilson:113702", 2)]
    assert archive.check() == []


def test_an_ingest_links_its_documents_as_adding_them_one_by_one_does(tmp_path):
    records = sorted((SAMPLES / "wilson").glob("*.md"))
    with Archive.open(tmp_path / "together", create=True) as together, \
            Archive.open(tmp_path / "one-by-one", create=True) as one_by_one:
        together.load_authority()
        one_by_one.load_authority()
        report = together.ingest(records)
        for document in together.documents():
            one_by_one.add(document)
        assert report.added == len(records) == one_by_one.count()
        for document_id in together.ids():
            assert together.links(document_id) == one_by_one.links(document_id)
            assert together.links(document_id)[0], f"{document_id} has no links"


def test_a_batch_of_rows_is_written_exactly_whatever_its_text(archive):
    """insert_rows: COPY on PostgreSQL for a batch, executemany otherwise; either way the
    rows come back as written, with the characters COPY's text format escapes."""
    awkward = ["tab\there", "back\\slash", "new\nline", "\\N", "quote \" and ' ", "Молотов",
               "毛泽东", "", "end\r"]
    columns = ("document_id", "entity_id", "role", "rendition", "block", "start", "end",
               "name", "method", "confidence", "confirmed")
    rows = [(f"doc:{number}", f"person/{number}", "mentioned", 0, number, 0, 5,
             awkward[number % len(awkward)], "authority", number / 7, number % 3)
            for number in range(COPY_FROM_ROWS * 3)]
    few = [(f"few:{number}", *row[1:]) for number, row in enumerate(rows[:3])]
    with archive.store.engine.begin() as connection:
        insert_rows(connection, schema.mentions, columns, rows)
        insert_rows(connection, schema.mentions, columns, few)
    with archive.store.engine.connect() as connection:
        found = connection.execute(select(*(schema.mentions.c[name] for name in columns))
                                   .order_by(schema.mentions.c.block,
                                             schema.mentions.c.document_id)).all()
    assert sorted(map(tuple, found)) == sorted(rows + few)
