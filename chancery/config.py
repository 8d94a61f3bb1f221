"""Settings: where the archive lives and the limits it works within."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from chancery.formats.source import DEFAULT_MAX_BYTES
from chancery.ingest_isolated import ISOLATE_FROM_BYTES

ARCHIVE_ENV = "CHANCERY_ARCHIVE"
# a store in PostgreSQL (postgresql://USER@HOST/DB) and a streaming replica to read from
DATABASE_ENV = "CHANCERY_DATABASE_URL"
READ_DATABASE_ENV = "CHANCERY_READ_DATABASE_URL"
DEFAULT_ARCHIVE = "./archive"


def default_archive() -> str:
    """The archive folder: $CHANCERY_ARCHIVE, else ./archive."""
    return os.environ.get(ARCHIVE_ENV) or DEFAULT_ARCHIVE


@dataclass(frozen=True, slots=True)
class Settings:
    max_bytes: int = DEFAULT_MAX_BYTES  # a larger source file is refused
    jobs: int = field(default=0)  # parsing processes; 0 = one per core
    # a file this big or bigger is read, linked and encoded in a child process of its own, so
    # that what reading it left resident is gone when it is written and indexed
    # (chancery.ingest_isolated); 0: every file in process
    isolate_from_bytes: int = ISOLATE_FROM_BYTES
    ner: bool = False  # Russian NER on ingest: proposals for unknown names, ~20 ms a cable
    # who answers for the archive, as OAI-PMH's Identify says ($CHANCERY_ADMIN_EMAIL); the
    # default is of the form the protocol's schema asks (a dot in the domain) under the
    # reserved .invalid domain, so that it is plainly one to replace
    admin_email: str = field(default_factory=lambda: os.environ.get(
        "CHANCERY_ADMIN_EMAIL", "archivist@chancery.invalid"))
