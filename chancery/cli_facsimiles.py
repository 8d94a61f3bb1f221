"""The ``chancery`` commands for page images: attach, pages, ocr (registered by cli.py)."""

from __future__ import annotations

import sys

import click

from chancery.archive import DEFAULT_MAX_PIXELS
from chancery.model import PageImage


@click.command()
@click.argument("document_id")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--label", "labels", multiple=True,
              help="The leaf or page each new page shows ('f. 57'), once a page, in order.")
@click.option("--max-pixels", default=DEFAULT_MAX_PIXELS, show_default=True,
              help="Refuse a page larger than this (decompression bombs).")
@click.pass_obj
def attach(context, document_id: str, files: tuple[str, ...], labels: tuple[str, ...],
           max_pixels: int) -> None:  # noqa: ANN001 - cli._Context
    """Add page images (JPEG, PNG, TIFF, PDF: every page, in order) to a document."""
    with context.open() as archive:
        added = archive.attach(document_id, files, labels=labels, max_pixels=max_pixels)
        total = len(archive.pages(document_id))
    click.echo(f"{document_id}: {len(added)} pages added, {total} in all")


@click.group()
def pages() -> None:
    """List, remove, reorder and label a document's page images (each an edit with history)."""


@pages.command(name="list")
@click.argument("document_id")
@click.pass_obj
def pages_list(context, document_id: str) -> None:  # noqa: ANN001
    with context.open() as archive:
        for number, page in enumerate(archive.pages(document_id), start=1):
            click.echo(_line(number, page))


@pages.command(name="remove")
@click.argument("document_id")
@click.argument("numbers", nargs=-1, required=True, type=int)
@click.pass_obj
def pages_remove(context, document_id: str, numbers: tuple[int, ...]) -> None:  # noqa: ANN001
    with context.open() as archive:
        left = archive.facsimiles().remove(document_id, numbers)
    click.echo(f"{document_id}: {len(numbers)} pages removed, {len(left)} left")


@pages.command(name="reorder")
@click.argument("document_id")
@click.argument("order", nargs=-1, required=True, type=int)
@click.pass_obj
def pages_reorder(context, document_id: str, order: tuple[int, ...]) -> None:  # noqa: ANN001
    """ORDER: every page's present number, in the new order ('3 1 2')."""
    with context.open() as archive:
        archive.facsimiles().reorder(document_id, order)
    click.echo(f"{document_id}: pages reordered")


@pages.command(name="label")
@click.argument("document_id")
@click.argument("labels", nargs=-1, required=True)
@click.pass_obj
def pages_label(context, document_id: str, labels: tuple[str, ...]) -> None:  # noqa: ANN001
    """LABELS: the leaf or page each page shows, in order ('f. 57' 'f. 57v'; '' for none)."""
    with context.open() as archive:
        archive.facsimiles().label(document_id, labels)
    click.echo(f"{document_id}: {len(labels)} pages labelled")


@click.command()
@click.argument("document_ids", nargs=-1, required=True)
@click.option("--lang", "languages", multiple=True,
              help="Language of the pages (ISO 639-1); default: the document's languages.")
@click.option("--again", is_flag=True, help="Read pages read before again.")
@click.option("--jobs", default=0, help="OCR processes (0: one per core).")
@click.option("--progress", type=click.Choice(["auto", "bar", "lines", "none"]),
              default="auto", show_default=True,
              help="A bar of pages read; or a line on stderr for each (for logs and "
                   "scripts); auto: the bar on a terminal, else none.")
@click.pass_obj
def ocr(context, document_ids: tuple[str, ...], languages: tuple[str, ...], again: bool,
        jobs: int, progress: str) -> None:  # noqa: ANN001
    """Read documents' page images with Tesseract into an OCR rendition search finds."""
    if progress == "auto":
        progress = "bar" if sys.stderr.isatty() else "none"
    with context.open() as archive:
        for document_id in document_ids:
            count = len(archive.pages(document_id))
            if progress == "bar":
                with click.progressbar(length=count, label=document_id,
                                       file=sys.stderr) as bar:
                    made = archive.ocr(document_id, languages, again, jobs, bar.update)
            elif progress == "lines":
                made = archive.ocr(document_id, languages, again, jobs,
                                   _page_lines(document_id, count))
            else:
                made = archive.ocr(document_id, languages, again, jobs)
            click.echo(f"{document_id}: {count} pages read, mean confidence "
                       f"{made.confidence:.1f}%")


def _page_lines(document_id: str, count: int):  # noqa: ANN202 - a progress callback
    done = 0

    def read(pages: int) -> None:
        nonlocal done
        done += pages
        click.echo(f"{document_id}: {done} of {count} pages read", err=True)
    return read


def _line(number: int, page: PageImage) -> str:
    label = f" {page.label}" if page.label else ""
    return (f"{number}{label}\t{page.width}x{page.height}\t{page.media_type}\t"
            f"{page.sha256[:12]}\t{page.source}")


COMMANDS = (attach, pages, ocr)
