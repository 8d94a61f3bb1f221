"""The ``chancery`` command: every subcommand is a thin call into :class:`Archive`."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from chancery.archive import Archive, source_files
from chancery.config import ARCHIVE_ENV, Settings, default_archive
from chancery.errors import ChanceryError
from chancery.formats import jsonl, plain_text, wilson_markdown
from chancery.formats.source import DEFAULT_MAX_BYTES


class _Context:
    def __init__(self, folder: str) -> None:
        self.folder = folder

    def open(self, settings: Settings | None = None) -> Archive:
        return Archive.open(self.folder, settings=settings)


@click.group()
@click.option("--archive", "folder", default=default_archive, show_default=ARCHIVE_ENV +
              " or ./archive", help="The archive folder.")
@click.pass_context
def main(context: click.Context, folder: str) -> None:
    """Chancery: an archive of translated historical documents."""
    context.obj = _Context(folder)


@main.command()
@click.pass_obj
def init(context: _Context) -> None:
    """Create an archive (SQLite in WAL mode inside the archive folder)."""
    with Archive.open(context.folder, create=True) as archive:
        click.echo(f"archive ready in {archive.folder} ({archive.count()} documents)")


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--max-bytes", default=DEFAULT_MAX_BYTES, show_default=True,
              help="Refuse source files larger than this.")
@click.option("--jobs", default=0, help="Parsing processes (0: one per core).")
@click.pass_obj
def ingest(context: _Context, paths: tuple[str, ...], max_bytes: int, jobs: int) -> None:
    """Read files and folders (recursively) into the archive."""
    settings = Settings(max_bytes=max_bytes, jobs=jobs)
    with Archive.open(context.folder, create=True, settings=settings) as archive:
        total = sum(1 for _ in source_files(paths))
        with click.progressbar(length=total, label="ingesting", file=sys.stderr) as bar:
            report = archive.ingest(paths, progress=bar.update)
    for name, message in report.failures:
        click.echo(f"failed: {message}", err=True)
    click.echo(f"added {report.added}, updated {report.updated}, unchanged {report.unchanged}, "
               f"failed {report.failed}")
    if report.failed:
        sys.exit(1)


@main.command()
@click.argument("document_id")
@click.option("--format", "output", type=click.Choice(["text", "json", "markdown"]),
              default="text", show_default=True)
@click.pass_obj
def show(context: _Context, document_id: str, output: str) -> None:
    """Print one document: for a reader (text), whole (json), or as a record (markdown)."""
    with context.open() as archive:
        document = archive.get(document_id)
    if output == "json":
        click.echo(json.dumps(jsonl.to_dict(document), ensure_ascii=False, indent=2))
    elif output == "markdown":
        click.echo(wilson_markdown.write(document), nl=False)
    else:
        click.echo(plain_text.write(document), nl=False)


@main.command(name="list")
@click.pass_obj
def list_documents(context: _Context) -> None:
    """List documents: id, date, title."""
    with context.open() as archive:
        for item in archive.listing():
            click.echo(f"{item.id}\t{item.date or '-'}\t{item.title}")


@main.command()
@click.option("--format", "output", type=click.Choice(["jsonl", "markdown"]), required=True)
@click.option("--out", type=click.Path(), help="File (jsonl) or folder (markdown); "
              "jsonl goes to standard output without it.")
@click.pass_obj
def export(context: _Context, output: str, out: str | None) -> None:
    """Write every document: JSON Lines (lossless) or Markdown records."""
    with context.open() as archive:
        if output == "jsonl":
            _export_jsonl(archive, out)
        else:
            if not out:
                raise ChanceryError("a Markdown export writes one file per document",
                                    hint="give --out FOLDER")
            count = _export_markdown(archive, Path(out))
            click.echo(f"wrote {count} records to {out}", err=True)


def _export_jsonl(archive: Archive, out: str | None) -> None:
    stream = open(out, "wb") if out else sys.stdout.buffer  # noqa: SIM115 - closed below
    try:
        for line in jsonl.write(archive.documents()):
            stream.write(line)
    finally:
        if out:
            stream.close()
        else:
            stream.flush()


def _export_markdown(archive: Archive, folder: Path) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    count = 0
    for document in archive.documents():
        name = document.id.replace(":", "-").replace("/", "_") + ".md"
        (folder / name).write_text(wilson_markdown.write(document), encoding="utf-8")
        count += 1
    return count


@main.command()
@click.pass_obj
def check(context: _Context) -> None:
    """Verify the archive: schema version, change log, every document parses back."""
    with context.open() as archive:
        problems = archive.check()
        count = archive.count()
    for problem in problems:
        click.echo(f"problem: {problem}", err=True)
    if problems:
        click.echo(f"check failed: {len(problems)} problems", err=True)
        sys.exit(1)
    click.echo(f"check passed: {count} documents")


def run() -> None:
    """Entry point: ChanceryErrors become a one-line message and exit status 2."""
    try:
        main(standalone_mode=True)
    except ChanceryError as error:
        click.echo(f"error: {error}", err=True)
        sys.exit(2)
