"""Editing documents, entities and links: every change recorded, every change undoable."""

from __future__ import annotations

import shutil

import pytest

from chancery.access import Reader
from chancery.archive import Archive
from chancery.curation import MetadataEdit, access_from
from chancery.errors import ConflictError, InputError
from chancery.model import AccessLevel, Name, NameKind
from chancery.store.authority import CONFIRMED, REJECTED
from tests.conftest import WILSON

STALIN_CABLE = "wilson:121768"


@pytest.fixture
def linked(archive: Archive) -> Archive:
    archive.load_authority(relink=False)
    archive.ingest([WILSON])
    return archive


def test_a_metadata_edit_is_a_revision_with_who_when_before_and_after(linked):
    edit = _with(MetadataEdit.of(linked.get(STALIN_CABLE)), title="Cable to Mikoyan",
                 date_text="4 February 1949", date_from="1949-02-04", date_to="")
    linked.edit_metadata(STALIN_CABLE, edit, "user:alice")

    edited = linked.get(STALIN_CABLE)
    assert edited.title == "Cable to Mikoyan"
    assert (edited.date.start, edited.date.precision) == ("1949-02-04", "day")
    latest = linked.history(STALIN_CABLE)[0]
    assert (latest.change.action, latest.change.actor) == ("put", "user:alice")
    assert latest.change.revision == 2
    assert linked.search("Cable to Mikoyan").total >= 1  # the index followed


def test_revert_undoes_only_the_fields_a_change_made(linked):
    document = linked.get(STALIN_CABLE)
    base = MetadataEdit.of(document)
    linked.edit_metadata(STALIN_CABLE, _with(base, title="First title"), "user:alice")
    title_change = linked.history(STALIN_CABLE)[0].seq
    linked.set_access(STALIN_CABLE, access_from("restricted", roles=("researcher",)),
                      "user:bob")

    linked.revert(title_change, "user:carol")

    reverted = linked.get(STALIN_CABLE)
    assert reverted.title == document.title
    assert reverted.access.level is AccessLevel.RESTRICTED  # bob's later change stays
    assert linked.history(STALIN_CABLE)[0].change.actor == "user:carol"


def test_revert_refuses_when_the_field_changed_again(linked):
    base = MetadataEdit.of(linked.get(STALIN_CABLE))
    linked.edit_metadata(STALIN_CABLE, _with(base, title="First"), "user:alice")
    first = linked.history(STALIN_CABLE)[0].seq
    linked.edit_metadata(STALIN_CABLE, _with(base, title="Second"), "user:bob")
    with pytest.raises(ConflictError, match="title"):
        linked.revert(first, "user:carol")
    assert linked.get(STALIN_CABLE).title == "Second"


def test_adding_a_document_cannot_be_reverted(linked):
    added = linked.history(STALIN_CABLE)[-1]
    assert added.change.revision == 1
    with pytest.raises(InputError, match="nothing before it"):
        linked.revert(added.seq, "user:carol")


@pytest.mark.parametrize("field, value, message", [
    ("title", "   ", "needs a title"),
    ("date_from", "1949-02-30", "not a day of the calendar"),
    ("date_from", "February 1949", "not an ISO 8601 date"),
    ("date_to", "1948-01-01", "ends"),
    ("summary", "x" * 10_001, "longer than"),
])
def test_bad_edits_are_refused_with_the_field_named(linked, field, value, message):
    base = MetadataEdit.of(linked.get(STALIN_CABLE))
    with pytest.raises(InputError, match=message):
        linked.edit_metadata(STALIN_CABLE, _with(base, **{field: value}), "user:alice")
    assert linked.store.revision_count(STALIN_CABLE) == 1


@pytest.mark.parametrize("level, until, roles, message", [
    ("secret", "", (), "unknown access level"),
    ("embargoed", "", (), "needs the day"),
    ("embargoed", "2030-02-30", (), "not a day"),
    ("public", "", ("researcher",), "no roles"),
    ("restricted", "", (), "needs the roles"),
    ("restricted", "", ("Bad Role",), "not a role"),
])
def test_bad_access_levels_are_refused(level, until, roles, message):
    with pytest.raises(InputError, match=message):
        access_from(level, until, roles)


def test_rejecting_a_link_hides_it_keeps_it_through_relinking_and_reverts(linked):
    stalin_links = [row for row in linked.link_rows(STALIN_CABLE)
                    if row["entity_id"] == "person/stalin"]
    assert stalin_links
    for row in stalin_links:
        linked.set_link_state(STALIN_CABLE, _key(row), REJECTED, "user:alice")
    mentions, _ = linked.links(STALIN_CABLE)
    assert "person/stalin" not in {mention.entity_id for mention in mentions}
    assert STALIN_CABLE not in {hit.id for hit in linked.search("person:person/stalin").hits}

    linked.link()  # the machine links everything again: a curator's rejection outlasts it
    mentions, _ = linked.links(STALIN_CABLE)
    assert "person/stalin" not in {mention.entity_id for mention in mentions}

    for entry in [entry for entry in linked.history(STALIN_CABLE)
                  if entry.change.action == "link-edit"]:
        linked.revert(entry.seq, "user:bob")
    mentions, _ = linked.links(STALIN_CABLE)
    assert "person/stalin" in {mention.entity_id for mention in mentions}
    assert STALIN_CABLE in {hit.id for hit in linked.search("person:person/stalin").hits}


def test_confirming_and_adding_links(linked):
    row = linked.link_rows(STALIN_CABLE)[0]
    linked.set_link_state(STALIN_CABLE, _key(row), CONFIRMED, "user:alice")
    assert any(mention.confirmed for mention in linked.links(STALIN_CABLE)[0])

    linked.add_link(STALIN_CABLE, "place/beijing", "mentioned", "user:alice")
    assert STALIN_CABLE in {hit.id for hit in linked.search("place:place/beijing").hits}
    entry = linked.history(STALIN_CABLE)[0]
    assert entry.before is None and entry.after["entity_id"] == "place/beijing"
    with pytest.raises(InputError, match="already linked"):
        linked.add_link(STALIN_CABLE, "place/beijing", "mentioned", "user:alice")
    with pytest.raises(InputError, match="unknown role"):
        linked.add_link(STALIN_CABLE, "place/moscow", "author", "user:alice")

    linked.revert(entry.seq, "user:bob")  # undoing an addition removes the link
    assert STALIN_CABLE not in {hit.id for hit in linked.search("place:place/beijing").hits}


def test_a_stale_link_edit_is_refused(linked):
    row = linked.link_rows(STALIN_CABLE)[0]
    linked.set_link_state(STALIN_CABLE, _key(row), REJECTED, "user:alice")
    first = linked.history(STALIN_CABLE)[0].seq
    linked.set_link_state(STALIN_CABLE, _key(row), CONFIRMED, "user:bob")
    with pytest.raises(ConflictError):
        linked.revert(first, "user:carol")


def test_entity_names_are_edited_and_reverted(linked):
    name = Name("Коба", NameKind.PSEUDONYM, "ru")
    linked.add_name("person/stalin", name, "user:alice")
    entry = linked.history("person/stalin")[0]
    assert entry.change.actor == "user:alice"
    assert entry.after is not None and entry.before is not None
    assert len(entry.after["names"]) == len(entry.before["names"]) + 1

    linked.revert(entry.seq, "user:bob")
    assert name not in linked.entity("person/stalin").names
    linked.remove_name("person/stalin", linked.entity("person/stalin").names[-1], "user:bob")
    with pytest.raises(ConflictError):
        linked.revert(entry.seq, "user:carol")  # the names changed again since


def test_restricted_edits_stay_out_of_readers_sight(linked):
    linked.set_access(STALIN_CABLE, access_from("embargoed", "2999-01-01"), "user:alice")
    assert not linked.may_see(STALIN_CABLE, Reader.anonymous())
    assert linked.may_see(STALIN_CABLE, Reader(frozenset({"editor"})))


def _with(edit: MetadataEdit, **changes) -> MetadataEdit:
    values = {name: getattr(edit, name) for name in edit.__dataclass_fields__}
    return MetadataEdit(**(values | changes))


def _key(row: dict) -> tuple:
    return (row["entity_id"], row["role"], row["rendition"], row["block"], row["start"])



# --- a source read again keeps the curators' work (issue 15) ---------------------------------

MAO_CABLE = "wilson:113702"


@pytest.fixture
def records(tmp_path):
    """A copy of the sample records that a test may change, as a source changes."""
    folder = tmp_path / "records"
    shutil.copytree(WILSON, folder)
    return folder


def test_ingesting_unchanged_files_again_keeps_access_and_embargo(archive, records):
    archive.ingest([records])
    archive.set_access(STALIN_CABLE, access_from("restricted", roles=("researcher",)), "cli")
    archive.set_access(MAO_CABLE, access_from("embargoed", "2031-01-01"), "cli")

    report = archive.ingest([records])

    assert (report.added, report.updated, report.failed) == (0, 0, 0)
    assert archive.get(STALIN_CABLE).access.roles == ("researcher",)
    assert archive.get(MAO_CABLE).access.until == "2031-01-01"
    anonymous = Reader.anonymous()
    assert not archive.may_see(STALIN_CABLE, anonymous)
    assert not archive.may_see(MAO_CABLE, anonymous)
    assert STALIN_CABLE not in {hit.id for hit in archive.search("Mikoyan",
                                                                 reader=anonymous).hits}


def test_a_changed_source_is_read_again_under_the_curators_fields(archive, records):
    archive.ingest([records])
    archive.set_access(MAO_CABLE, access_from("restricted", roles=("researcher",)), "cli")
    edit = _with(MetadataEdit.of(archive.get(MAO_CABLE)), title="Mao to Stalin, spring 1948")
    archive.edit_metadata(MAO_CABLE, edit, "user:alice")
    _replace_in(records / MAO_1948_NAME, "Mao tells Filippov (Stalin)",
                "Mao tells Filippov (that is, Stalin)")

    report = archive.ingest([records])

    assert report.updated == 1
    document = archive.get(MAO_CABLE)
    assert document.summary.startswith("Mao tells Filippov (that is, Stalin)")  # the source's
    assert document.title == "Mao to Stalin, spring 1948"  # alice's
    assert document.access.level is AccessLevel.RESTRICTED
    latest = archive.history(MAO_CABLE)[0]
    assert latest.change.actor == "ingest"
    assert set(latest.after["kept"]) == {"title", "access"}  # the history says whose is which
    assert latest.after["conflicts"] == []
    assert archive.conflicts() == []
    # read again as it stands: nothing to do
    assert archive.ingest([records]).updated == 0


def _retitle_by_curator_and_source(archive, records) -> None:
    """Alice retitles the Mao cable; then its source retitles it too."""
    archive.ingest([records])
    edit = _with(MetadataEdit.of(archive.get(MAO_CABLE)), title="Mao to Stalin, spring 1948")
    archive.edit_metadata(MAO_CABLE, edit, "user:alice")
    _replace_in(records / MAO_1948_NAME, "### **Cable, Mao Zedong to Filippov [Stalin]**",
                "### **Telegram, Mao Zedong to Filippov [Stalin]**")


def test_a_field_both_source_and_curator_changed_is_a_conflict_not_an_overwrite(archive,
                                                                                records):
    _retitle_by_curator_and_source(archive, records)

    archive.ingest([records])

    assert archive.get(MAO_CABLE).title == "Mao to Stalin, spring 1948"
    [conflict] = archive.conflicts()
    assert (conflict.document_id, conflict.field) == (MAO_CABLE, "title")
    assert conflict.source_value == "Telegram, Mao Zedong to Filippov [Stalin]"
    assert conflict.curated_value == "Mao to Stalin, spring 1948"

    archive.settle_conflict(MAO_CABLE, "title", "source", "user:bob")
    assert archive.get(MAO_CABLE).title == "Telegram, Mao Zedong to Filippov [Stalin]"
    assert archive.conflicts() == []


def test_a_curator_may_keep_their_value_over_the_source(archive, records):
    _retitle_by_curator_and_source(archive, records)
    archive.ingest([records])

    archive.settle_conflict(MAO_CABLE, "title", "curator", "user:bob")

    assert archive.conflicts() == []
    assert archive.get(MAO_CABLE).title == "Mao to Stalin, spring 1948"
    assert archive.history(MAO_CABLE)[0].change.action == "settle"
    # the source read once more, unchanged: still the curator's title, no new conflict
    archive.ingest([records])
    assert archive.get(MAO_CABLE).title == "Mao to Stalin, spring 1948"


MAO_1948_NAME = "1948-04-26_mao-zedong-to-filippov.md"


def _replace_in(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_an_edit_made_on_an_older_revision_is_refused_not_written_over_a_newer(archive,
                                                                              records):
    archive.ingest([records])
    seen = archive.revision(MAO_CABLE)
    _replace_in(records / MAO_1948_NAME, "Mao tells Filippov (Stalin)",
                "Mao tells Filippov (that is, Stalin)")
    archive.ingest([records])  # the source is read again while the editor's form is open

    edit = _with(MetadataEdit.of(archive.get(MAO_CABLE)), title="Mao to Stalin, spring 1948")
    with pytest.raises(ConflictError, match="changed since revision"):
        archive.edit_metadata(MAO_CABLE, edit, "user:alice", based_on=seen)
    assert archive.get(MAO_CABLE).summary.startswith("Mao tells Filippov (that is, Stalin)")

    archive.edit_metadata(MAO_CABLE, edit, "user:alice", based_on=archive.revision(MAO_CABLE))
    assert archive.get(MAO_CABLE).title == "Mao to Stalin, spring 1948"
