"""The ``chancery`` command: every subcommand is a thin call into :class:`Archive`."""

from __future__ import annotations

import html
import ipaddress
import json
import os
import re
import sys
import zipfile
from collections.abc import Iterable
from dataclasses import asdict
from pathlib import Path

import click

from chancery import memory
from chancery.archive import SHIPPED_AUTHORITY, Archive
from chancery.config import (ARCHIVE_ENV, DATABASE_ENV, READ_DATABASE_ENV, Settings,
                             default_archive)
from chancery.curation import access_from, shown_value
from chancery.errors import ChanceryError
from chancery.formats import citation, csv_export, jsonl, plain_text, tei_export, wilson_markdown
from chancery.formats.source import DEFAULT_MAX_BYTES
from chancery.ingest import source_files
from chancery.model import AccessLevel, EntityKind, IngestReport, Name, NameKind


class _Context:
    def __init__(self, folder: str) -> None:
        self.folder = folder

    def open(self, settings: Settings | None = None) -> Archive:
        return Archive.open(self.folder, settings=settings)


@click.group()
@click.option("--archive", "folder", default=default_archive, show_default=ARCHIVE_ENV +
              " or ./archive", help="The archive folder.")
@click.option("--read-database", default="", envvar=READ_DATABASE_ENV, metavar="URL",
              help="Read from this streaming replica of the PostgreSQL store; writes go to "
                   "the primary.")
@click.pass_context
def main(context: click.Context, folder: str, read_database: str) -> None:
    """Chancery: an archive of translated historical documents."""
    if read_database:  # every opening of the store reads it, worker processes' too
        os.environ[READ_DATABASE_ENV] = read_database
    context.obj = _Context(folder)


@main.command()
@click.option("--no-authority", is_flag=True, help="Do not load the shipped authority.")
@click.option("--database", default="", envvar=DATABASE_ENV, metavar="URL",
              help="Keep the store in PostgreSQL (postgresql://USER@HOST/DB); the folder "
                   "then keeps only this node's search index and caches. Default: SQLite "
                   "in the folder.")
@click.pass_obj
def init(context: _Context, no_authority: bool, database: str) -> None:
    """Create an archive (SQLite in WAL mode, or a PostgreSQL store) with the shipped
    authority loaded: the starter file, the FRUS volumes' persons and the period's places."""
    with Archive.open(context.folder, create=True, database=database) as archive:
        if not no_authority:
            report = archive.load_authority(SHIPPED_AUTHORITY)
            click.echo(f"shipped authority: {report.added} entities added, "
                       f"{report.updated} updated")
        click.echo(f"archive ready in {archive.folder} ({archive.count()} documents)")


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--max-bytes", default=DEFAULT_MAX_BYTES, show_default=True,
              help="Refuse source files larger than this.")
@click.option("--jobs", default=0, help="Parsing processes (0: one per core).")
@click.option("--ner/--no-ner", default=False, show_default=True,
              help="Russian NER for names the authority lacks (about 20 ms a cable).")
@click.option("--progress", type=click.Choice(["auto", "bar", "lines", "none"]),
              default="auto", show_default=True,
              help="A bar of files read; or a line on stderr each time documents are "
                   "committed (for logs and scripts); auto: the bar on a terminal, else none.")
@click.pass_obj
def ingest(context: _Context, paths: tuple[str, ...], max_bytes: int, jobs: int,
           ner: bool, progress: str) -> None:
    """Read files and folders (recursively) into the archive, linking each document."""
    memory.bound_for_ingest()  # one big record: each step's freed memory serves the next
    settings = Settings(max_bytes=max_bytes, jobs=jobs, ner=ner)
    if progress == "auto":
        progress = "bar" if sys.stderr.isatty() else "none"
    with Archive.open(context.folder, create=True, settings=settings) as archive:
        if progress == "bar":
            total = sum(1 for _ in source_files(paths))
            with click.progressbar(length=total, label="ingesting", file=sys.stderr) as bar:
                report = archive.ingest(paths, progress=bar.update)
        else:
            report = archive.ingest(paths, written=_committed if progress == "lines" else None)
    for name, message in report.failures:
        click.echo(f"failed: {message}", err=True)
    for name, message in report.warnings:
        click.echo(f"warning: {message}", err=True)
    if report.skipped:
        click.echo(f"skipped {len(report.skipped)} files of formats Chancery does not read "
                   f"yet, e.g. {report.skipped[0]}", err=True)
    click.echo(f"added {report.added}, updated {report.updated}, unchanged {report.unchanged}, "
               f"failed {report.failed}")
    if report.failed:
        sys.exit(1)


def _committed(report: IngestReport) -> None:
    """One line a committed batch: what is in the store for good, should the ingest stop."""
    click.echo(f"committed: added {report.added}, updated {report.updated}", err=True)
    sys.stderr.flush()


@main.command()
@click.argument("document_id")
@click.option("--format", "output", type=click.Choice(["text", "json", "markdown"]),
              default="text", show_default=True)
@click.pass_obj
def show(context: _Context, document_id: str, output: str) -> None:
    """Print one document: for a reader (text), whole (json), or as a record (markdown)."""
    with context.open() as archive:
        document = archive.get(document_id)
        mentions, proposals = archive.links(document_id)
    if output == "json":
        model = jsonl.to_dict(document)
        model["mentions"] = [dataclass_dict(mention) for mention in mentions]
        model["proposals"] = [dataclass_dict(proposal) for proposal in proposals]
        click.echo(json.dumps(model, ensure_ascii=False, indent=2))
    elif output == "markdown":
        click.echo(wilson_markdown.write(document), nl=False)
    else:
        click.echo(plain_text.write(document), nl=False)


@main.command()
@click.argument("query")
@click.option("--limit", default=20, show_default=True)
@click.option("--offset", default=0, help="Skip this many hits (for the next page).")
@click.option("--sort", type=click.Choice(["relevance", "date", "newest"]), default="relevance",
              show_default=True)
@click.option("--facets", is_flag=True, help="Also count the hits by person, place, ...")
@click.option("--json", "as_json", is_flag=True, help="Hits (and facets) as JSON.")
@click.pass_obj
def search(context: _Context, query: str, limit: int, offset: int, sort: str, facets: bool,
           as_json: bool) -> None:
    """Search the archive with the query language of docs/search.md."""
    with context.open() as archive:
        results = archive.search(query, limit, offset, sort, facets)
        labels = {entity.id: entity.preferred for entity in archive.entities()} if facets \
            else {}
    if as_json:
        click.echo(json.dumps(results.as_json(labels), ensure_ascii=False, indent=2))
        return
    for warning in results.warnings:
        click.echo(f"note: {warning}", err=True)
    click.echo(f"{results.total} documents")
    for hit in results.hits:
        date = str(hit.date)
        found_as = f"  (found as {', '.join(hit.matched_names)})" if hit.matched_names else ""
        click.echo(f"{hit.id}\t{date[:4]}-{date[4:6]}-{date[6:]}\t{hit.title}{found_as}")
        for snippet in hit.snippets:
            click.echo(f"    {_highlight(snippet.text, snippet.highlights)}")
    for name, values in results.facets.items():
        if values:
            shown = ", ".join(f"{labels.get(v.value, v.value)} ({v.count})" for v in values)
            click.echo(f"{name}: {shown}")


def _highlight(text: str, ranges: tuple[tuple[int, int], ...]) -> str:
    """A snippet on one line with its hits between « and »."""
    out, last = [], 0
    for start, end in ranges:
        out += [text[last:start], "«", text[start:end], "»"]
        last = end
    return " ".join(("".join(out) + text[last:]).split())


@main.command()
@click.pass_obj
def reindex(context: _Context) -> None:
    """Build the search index again from the store."""
    with context.open() as archive:
        count = archive.reindex()
    click.echo(f"indexed {count} documents")


@main.command(name="list")
@click.pass_obj
def list_documents(context: _Context) -> None:
    """List documents: id, date, title."""
    with context.open() as archive:
        for item in archive.listing():
            click.echo(f"{item.id}\t{item.date or '-'}\t{item.title}")


@main.group()
def authority() -> None:
    """The authority file: persons, places and organisations."""


@authority.command(name="load")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.pass_obj
def authority_load(context: _Context, path: str) -> None:
    """Load or update an authority file (all or nothing), then link every document again."""
    with context.open() as archive:
        report = archive.load_authority(path)
    click.echo(f"added {report.added}, updated {report.updated}, unchanged {report.unchanged}")


@main.group()
def entities() -> None:
    """People, places and organisations, and the documents they appear in."""


@entities.command(name="list")
@click.option("--kind", type=click.Choice([kind.value for kind in EntityKind]))
@click.pass_obj
def entities_list(context: _Context, kind: str | None) -> None:
    """List entities: id, kind, preferred name."""
    with context.open() as archive:
        for entity in archive.entities(EntityKind(kind) if kind else None):
            click.echo(f"{entity.id}\t{entity.kind.value}\t{entity.preferred}")


@entities.command(name="show")
@click.argument("entity_id")
@click.pass_obj
def entities_show(context: _Context, entity_id: str) -> None:
    """Every name of an entity, and its documents by role."""
    with context.open() as archive:
        entity = archive.entity(entity_id)
        appearances = archive.entity_documents(entity_id)
    click.echo(f"{entity.preferred} ({entity.id}, {entity.kind.value})")
    if entity.description:
        click.echo(entity.description)
    if entity.coordinates:
        click.echo(f"coordinates: {entity.coordinates[0]}, {entity.coordinates[1]}")
    for identifier in (f"wikidata:{entity.wikidata}",) * bool(entity.wikidata) + \
            entity.identifiers:
        click.echo(f"identifier: {identifier}")
    click.echo("\nnames:")
    for name in entity.names:
        dates = f" {name.valid_from or '…'}–{name.valid_to or '…'}" if (
            name.valid_from or name.valid_to) else ""
        extra = ", ".join(filter(None, [name.lang, name.system]))
        click.echo(f"  {name.text}\t{name.kind.value}{f' ({extra})' if extra else ''}{dates}")
    click.echo("\ndocuments:")
    for item in appearances:
        click.echo(f"  {item.role.value}\t{item.document_id}\tas {item.name}")


@entities.command(name="add-name")
@click.argument("entity_id")
@click.argument("text")
@click.option("--kind", "name_kind", type=click.Choice([kind.value for kind in NameKind]),
              default="variant", show_default=True)
@click.option("--lang", default="")
@click.option("--system", default="", help="Transliteration system (pinyin, wade-giles...).")
@click.option("--from", "valid_from", default="", help="First date of use (YYYY[-MM[-DD]]).")
@click.option("--to", "valid_to", default="", help="Last date of use.")
@click.option("--source", default="", help="Where the name is attested.")
@click.pass_obj
def entities_add_name(context: _Context, entity_id: str, text: str, name_kind: str, lang: str,
                      system: str, valid_from: str, valid_to: str, source: str) -> None:
    """Give an entity one more name, then link every document again."""
    if name_kind == NameKind.PSEUDONYM and not (valid_from and valid_to):
        raise ChanceryError("a pseudonym needs --from and --to: it is resolved only inside "
                            "the dates it was used")
    name = Name(text, NameKind(name_kind), lang, system, valid_from, valid_to, source)
    with context.open() as archive:
        archive.add_name(entity_id, name)
        count = archive.link()
    click.echo(f"{entity_id}: added {name_kind} name '{text}'; linked {count} documents")


@entities.command(name="merge")
@click.argument("keep_id")
@click.argument("gone_id")
@click.pass_obj
def entities_merge(context: _Context, keep_id: str, gone_id: str) -> None:
    """Merge entity GONE_ID into KEEP_ID: names and links move over."""
    with context.open() as archive:
        merged = archive.merge_entities(keep_id, gone_id)
    click.echo(f"merged {gone_id} into {keep_id} ({len(merged.names)} names)")


@main.group()
def proposals() -> None:
    """Names the linker found that the authority lacks: review them."""


@proposals.command(name="list")
@click.option("--kind", type=click.Choice([EntityKind.PERSON.value, EntityKind.PLACE.value,
                                           EntityKind.ORG.value]))
@click.option("--limit", default=50, show_default=True)
@click.option("--offset", default=0)
@click.pass_obj
def proposals_list(context: _Context, kind: str | None, limit: int, offset: int) -> None:
    """Proposed names no curator decided on, those in most documents first: form, kind,
    documents, the entity its key suggests, why it was taken for a name, an example."""
    with context.open() as archive:
        found = archive.proposals.open(limit, offset, EntityKind(kind) if kind else None)
        total = archive.proposals.count()
    for name in found:
        click.echo(f"{name.text}	{name.kind.value}	{name.documents}	"
                   f"{name.suggested or '-'}	{name.method}	{name.example}")
    click.echo(f"{total} proposed names await a decision", err=True)


@proposals.command(name="accept")
@click.argument("form")
@click.option("--as-name-of", "entity_id", default="",
              help="Add it as a name of this entity instead of making a new one.")
@click.option("--kind", type=click.Choice([EntityKind.PERSON.value, EntityKind.PLACE.value,
                                           EntityKind.ORG.value]),
              help="The new entity's kind (the proposal's own by default).")
@click.pass_obj
def proposals_accept(context: _Context, form: str, entity_id: str, kind: str | None) -> None:
    """Accept a proposed name FORM: a new entity, or a name of an existing one; every
    document that uses it is linked again."""
    with context.open() as archive:
        entity, count = archive.proposals.accept(form, "cli", entity_id,
                                                 EntityKind(kind) if kind else None)
    click.echo(f"'{form}' is a name of {entity.id}; linked {count} documents again")


@proposals.command(name="reject")
@click.argument("form")
@click.pass_obj
def proposals_reject(context: _Context, form: str) -> None:
    """Reject a proposed name FORM: it is not offered again."""
    with context.open() as archive:
        archive.proposals.reject(form, "cli")
    click.echo(f"'{form}' rejected")


@main.command(name="link")
@click.option("--ner/--no-ner", default=True, show_default=True,
              help="Russian NER for names the authority lacks (proposals).")
@click.pass_obj
def link_documents(context: _Context, ner: bool) -> None:
    """Link every document again with the current authority."""
    with context.open() as archive:
        count = archive.link(ner=ner)
    click.echo(f"linked {count} documents")


@main.command()
@click.argument("document_id")
@click.argument("level", type=click.Choice([level.value for level in AccessLevel]))
@click.option("--until", default="", help="The day an embargo lifts (YYYY-MM-DD).")
@click.option("--role", "roles", multiple=True,
              help="A role that may read the document while it is not public (repeatable); "
                   "editors and admins always may.")
@click.pass_obj
def access(context: _Context, document_id: str, level: str, until: str,
           roles: tuple[str, ...]) -> None:
    """Make a document public, restricted to roles, or embargoed until a date."""
    chosen = access_from(level, until, roles)
    with context.open() as archive:
        outcome = archive.set_access(document_id, chosen)
    click.echo(f"{document_id}: {chosen.level.value}"
               + (f" until {chosen.until}" if chosen.until else "")
               + (f" (roles: {', '.join(chosen.roles)})" if chosen.roles else "")
               + (" (unchanged)" if outcome.value == "unchanged" else ""))


@main.command(name="history")
@click.argument("subject")
@click.pass_obj
def show_history(context: _Context, subject: str) -> None:
    """The changes to a document or an entity, newest first: number, when, who, what."""
    with context.open() as archive:
        entries = archive.history(subject)
    if not entries:
        raise ChanceryError(f"no changes to '{subject}'", hint="give a document or entity id")
    for entry in entries:
        change = entry.change
        what = change.action + (f" revision {change.revision}" if change.action == "put"
                                else "")
        if change.action == "put" and entry.after and entry.after.get("kept"):
            what += f" (kept from curators: {', '.join(entry.after['kept'])}" + (
                f"; conflicts: {', '.join(entry.after['conflicts'])})"
                if entry.after.get("conflicts") else ")")
        elif change.action == "settle" and entry.after:
            what += f" {entry.after.get('field')} (the curator's value kept)"
        click.echo(f"{change.seq}\t{change.at}\t{change.actor}\t{what}")


@main.group()
def conflicts() -> None:
    """Fields a curator changed that a new reading of the source changed too."""


@conflicts.command(name="list")
@click.argument("document_id", required=False)
@click.pass_obj
def list_conflicts(context: _Context, document_id: str | None) -> None:
    """Open conflicts: document, field, what readers see (the curator's), what the source says."""
    with context.open() as archive:
        found = archive.conflicts(document_id)
    for conflict in found:
        click.echo(f"{conflict.document_id}\t{conflict.field}\t"
                   f"curator: {shown_value(conflict.curated_value, 200)}\t"
                   f"source: {shown_value(conflict.source_value, 200)}")
    if not found:
        click.echo("no open conflicts")


@conflicts.command(name="settle")
@click.argument("document_id")
@click.argument("field_name", metavar="FIELD")
@click.option("--take", type=click.Choice(["source", "curator"]), required=True,
              help="The source's value (a new revision) or the curator's (kept, and noted).")
@click.pass_obj
def settle_conflict(context: _Context, document_id: str, field_name: str, take: str) -> None:
    """Settle a conflict over one field of a document."""
    with context.open() as archive:
        archive.settle_conflict(document_id, field_name, take, "cli")
        archive.index.catch_up(archive.store, wait=60)
    click.echo(f"{document_id}: {field_name} is the {take}'s")


@main.command()
@click.argument("seq", type=int)
@click.pass_obj
def revert(context: _Context, seq: int) -> None:
    """Undo one change (its number from 'chancery history') by a new change."""
    with context.open() as archive:
        archive.revert(seq, "cli")
        archive.index.catch_up(archive.store, wait=60)
    click.echo(f"reverted change {seq}")


@main.group()
def users() -> None:
    """Accounts of the web interface and their roles."""


def _password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\n")
    return click.prompt("Password", hide_input=True, confirmation_prompt=True)


@users.command(name="add")
@click.argument("name")
@click.option("--role", "roles", multiple=True, required=True,
              help="reader, editor, admin, or a role restricted documents name (repeatable).")
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input.")
@click.pass_obj
def users_add(context: _Context, name: str, roles: tuple[str, ...], password_stdin: bool
              ) -> None:
    """Add a user (the password is asked for, and hashed with argon2)."""
    with context.open() as archive:
        user = archive.add_user(name, roles, _password(password_stdin))
    click.echo(f"added {user.name} ({', '.join(sorted(user.roles))})")


@users.command(name="list")
@click.pass_obj
def users_list(context: _Context) -> None:
    """Every user with their roles."""
    with context.open() as archive:
        for user in archive.users():
            click.echo(f"{user.name}\t{' '.join(sorted(user.roles))}")


@users.command(name="set")
@click.argument("name")
@click.option("--role", "roles", multiple=True, help="The user's roles from now on.")
@click.option("--password", "new_password", is_flag=True, help="Set a new password.")
@click.option("--password-stdin", is_flag=True, help="Read the new password from stdin.")
@click.pass_obj
def users_set(context: _Context, name: str, roles: tuple[str, ...], new_password: bool,
              password_stdin: bool) -> None:
    """Change a user's roles or password."""
    password = _password(password_stdin) if new_password or password_stdin else ""
    if not roles and not password:
        raise ChanceryError("nothing to change", hint="give --role or --password")
    with context.open() as archive:
        user = archive.change_user(name, roles, password)
    click.echo(f"{user.name} ({', '.join(sorted(user.roles))})")


@users.command(name="remove")
@click.argument("name")
@click.pass_obj
def users_remove(context: _Context, name: str) -> None:
    """Remove a user (their changes stay in the history under their name)."""
    with context.open() as archive:
        archive.remove_user(name)
    click.echo(f"removed {name}")


@main.command()
@click.argument("document_id")
@click.option("--style", type=click.Choice(["chicago", "mla", "apa", "bibtex", "ris",
                                            "csl-json"]), default="chicago", show_default=True)
@click.pass_obj
def cite(context: _Context, document_id: str, style: str) -> None:
    """Print a document's citation: Chicago (note), MLA, APA, BibTeX, RIS or CSL-JSON."""
    with context.open() as archive:
        document = archive.get(document_id)
        volume = archive.volume(document.in_volume.volume) if document.in_volume else None
    if style in citation.STYLES:
        rendered = citation.render(document, style, note=style == "chicago", volume=volume)
        click.echo(html.unescape(re.sub(r"<[^>]+>", "", rendered)))
    else:
        writer = {"bibtex": citation.bibtex, "ris": citation.ris,
                  "csl-json": citation.csl_json}[style]
        click.echo(writer(document, volume), nl=False)


def _checked_proxies(_context: click.Context, _option: click.Parameter,
                     values: tuple[str, ...]) -> tuple[str, ...]:
    for value in values:
        try:
            ipaddress.ip_network(value, strict=False)
        except ValueError:
            raise click.BadParameter(f"'{value}' is not an IP address or network (e.g. "
                                     "127.0.0.1 or 10.0.0.0/8)") from None
    return values


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True)
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Server processes (one a core: each holds the archive open).")
@click.option("--secure-cookies/--no-secure-cookies", default=None,
              help="Send the session cookie over TLS only (default: on any address but the "
                   "loopback, where a TLS proxy is expected in front).")
@click.option("--trusted-proxy", "trusted_proxies", multiple=True, metavar="ADDR",
              callback=_checked_proxies,
              help="The address (or network) of the proxy in front; its X-Forwarded-For and "
                   "X-Forwarded-Proto headers are believed, nobody else's (repeatable; "
                   "default: none).")
@click.option("--keep-alive", "keep_alive", default=75, show_default=True,
              type=click.IntRange(1, 3600), metavar="SECONDS",
              help="How long an idle connection is kept open. Behind a proxy that keeps "
                   "connections to the nodes, make it longer than the proxy's idle timeout "
                   "(nginx's upstream keepalive_timeout, 60 s by default).")
@click.pass_obj
def serve(context: _Context, host: str, port: int, workers: int,
          secure_cookies: bool | None, trusted_proxies: tuple[str, ...],
          keep_alive: int) -> None:
    """Serve the reading room over HTTP (uvicorn)."""
    import os

    import uvicorn

    from chancery.web.app import SECURE_COOKIES_ENV, create_app

    if secure_cookies is None:
        try:
            secure_cookies = not ipaddress.ip_address(host).is_loopback
        except ValueError:
            secure_cookies = host != "localhost"
    # The client's address is what the sign-in throttle counts: a header anyone can send is
    # believed only from the proxy the operator names.
    # The proxy, not the node, must close an idle connection: a node closing one as the
    # proxy sends a request on it cuts that request, and nginx then holds the node out as
    # failed (with the other nodes down, every reader gets 502; docs/scaling.md).
    options = {"proxy_headers": bool(trusted_proxies),
               "forwarded_allow_ips": list(trusted_proxies),
               "timeout_keep_alive": keep_alive}
    with context.open() as archive:
        archive.index.catch_up(archive.store, wait=120)  # before the first reader
        if workers == 1:  # then follows the store (each worker process follows by itself)
            archive.follow_changes()
        click.echo(f"serving {archive.count()} documents at http://{host}:{port}/"
                   + (f" ({workers} processes)" if workers > 1 else ""))
        if workers == 1:
            uvicorn.run(create_app(archive, secure_cookies=secure_cookies), host=host,
                        port=port, log_level="warning", **options)
            return
    # each worker process opens the archive itself, from the environment
    os.environ[ARCHIVE_ENV] = str(Path(context.folder).resolve())
    os.environ[SECURE_COOKIES_ENV] = "1" if secure_cookies else "0"
    uvicorn.run("chancery.web.app:app_from_environment", factory=True, workers=workers,
                host=host, port=port, log_level="warning", **options)


@main.command()
@click.option("--format", "output", type=click.Choice(["jsonl", "csv", "markdown", "tei"]),
              required=True)
@click.option("--out", type=click.Path(), help="File (jsonl, csv), folder (markdown, tei) or "
              ".zip file (tei); jsonl and csv go to standard output without it.")
@click.pass_obj
def export(context: _Context, output: str, out: str | None) -> None:
    """Write every document: JSON Lines (lossless), CSV (a row per document), Markdown
    records or TEI P5 files."""
    with context.open() as archive:
        if output == "jsonl":
            _stream(jsonl.write(archive.documents()), out)
            return
        if output == "csv":
            _stream((text.encode() for text in csv_export.write(archive.documents())), out)
            return
        if not out:
            raise ChanceryError(f"a {output} export writes one file per document",
                                hint="give --out FOLDER")
        write = _export_markdown if output == "markdown" else _export_tei
        count = write(archive, Path(out))
        click.echo(f"wrote {count} {output} files to {out}", err=True)


def _stream(pieces: Iterable[bytes], out: str | None) -> None:
    stream = open(out, "wb") if out else sys.stdout.buffer  # noqa: SIM115 - closed below
    try:
        for piece in pieces:
            stream.write(piece)
    finally:
        if out:
            stream.close()
        else:
            stream.flush()


def _export_tei(archive: Archive, out: Path) -> int:
    """One TEI file a document, in a folder, or in a zip file when ``out`` ends in .zip."""
    files = ((document.id.replace(":", "-").replace("/", "_") + ".xml",
              tei_export.write(document, archive.links(document.id)[0]))
             for document in archive.documents())
    count = 0
    if out.suffix.lower() == ".zip":
        with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as bundle:
            for name, data in files:
                bundle.writestr(name, data)
                count += 1
        return count
    out.mkdir(parents=True, exist_ok=True)
    for name, data in files:
        (out / name).write_bytes(data)
        count += 1
    return count


def _export_markdown(archive: Archive, folder: Path) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    count = 0
    for document in archive.documents():
        name = document.id.replace(":", "-").replace("/", "_") + ".md"
        (folder / name).write_text(wilson_markdown.write(document), encoding="utf-8")
        count += 1
    return count


@main.command(name="backup")
@click.argument("target", type=click.Path(path_type=Path))
@click.pass_obj
def back_up(context: _Context, target: Path) -> None:
    """Copy the archive into a new folder, consistently, even while it is served."""
    with context.open() as archive:
        manifest = archive.backup(target)
    counts = manifest.counts
    click.echo(f"backed up {counts['documents']} documents, {counts['revisions']} revisions, "
               f"{counts['entities']} entities, {counts['users']} users "
               f"(up to change {manifest.last_change}) to {target}")


@main.command()
@click.argument("source", type=click.Path(path_type=Path))
@click.option("--force", is_flag=True, help="Replace an archive that is already there.")
@click.pass_obj
def restore(context: _Context, source: Path, force: bool) -> None:
    """Put a backup in place of the archive (stop the server first); the index is rebuilt."""
    folder = Path(context.folder)
    if (folder / "chancery.sqlite3").exists() and not force:
        raise ChanceryError(f"there is an archive in {folder} already",
                            hint="give --force to replace it with the backup")
    manifest = Archive.restore(source, folder)
    click.echo(f"restored {manifest.counts['documents']} documents (up to change "
               f"{manifest.last_change}, backed up {manifest.created}) into {folder}")


@main.command(name="migrate-store")
@click.option("--to", "target", required=True, metavar="URL|FOLDER",
              help="An empty PostgreSQL database (postgresql://USER@HOST/DB), which this "
                   "archive then uses; or a new folder for a SQLite copy to take home.")
@click.pass_obj
def migrate_store(context: _Context, target: str) -> None:
    """Copy the store whole (every revision, change, edit, entity, link, user) to PostgreSQL
    or to SQLite, and verify the copy by counts and hashes of every table and its check."""
    with context.open() as archive:
        copied = archive.migrate_store(target)
    click.echo(", ".join(f"{table} {rows}" for table, rows in copied.items() if rows))
    click.echo(f"copied {sum(copied.values())} rows; verified: every table's count and hash "
               "agree, and the copy passes its check")


@main.command()
@click.pass_obj
def check(context: _Context) -> None:
    """Verify the archive: schema version, change log, every document parses back, and the
    search index holds every document of the store and nothing else."""
    with context.open() as archive:
        problems = archive.check()
        count = archive.count()
    for problem in problems:
        click.echo(f"problem: {problem}", err=True)
    if problems:
        click.echo(f"check failed: {len(problems)} problems", err=True)
        sys.exit(1)
    click.echo(f"check passed: {count} documents")


def dataclass_dict(item: object) -> dict:
    """A model object as JSON-ready data (enums as their values)."""
    return json.loads(json.dumps(asdict(item), default=str))


from chancery.cli_facsimiles import COMMANDS as _FACSIMILE_COMMANDS  # noqa: E402

for _command in _FACSIMILE_COMMANDS:
    main.add_command(_command)


def run() -> None:
    """Entry point: ChanceryErrors become a one-line message and exit status 2."""
    try:
        main(standalone_mode=True)
    except ChanceryError as error:
        click.echo(f"error: {error}", err=True)
        sys.exit(2)


if __name__ == "__main__":
    run()
