"""Tests of the title grammar, one file a behaviour; ``read`` is what each asserts on."""

from __future__ import annotations

from chancery.text.titles import parse_title


def read(title: str) -> tuple[str, list[str], list[str]]:
    """A title's document type, senders' names and recipients' names, as the reader gives them."""
    parts = parse_title(title)
    return (parts.document_type, [party.name for party in parts.senders],
            [party.name for party in parts.recipients])
