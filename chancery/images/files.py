"""Image files kept once by content: ``images/ab/abcdef….jpg`` in the archive folder.

A file is written under a temporary name and renamed into place, so a crash leaves either
the whole file or none; a file already there (the same page attached twice, to one document
or two) is not written again.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from chancery.images.decode import SUFFIXES

FOLDER = "images"


class ImageFiles:
    def __init__(self, archive_folder: Path) -> None:
        self.folder = archive_folder / FOLDER

    def path(self, sha256: str, media_type: str) -> Path:
        if len(sha256) != 64 or not all(c in "0123456789abcdef" for c in sha256):
            raise ValueError(f"not a SHA-256: {sha256!r}")  # never a path from a request
        return self.folder / sha256[:2] / f"{sha256}{SUFFIXES[media_type]}"

    def put(self, sha256: str, media_type: str, data: bytes) -> bool:
        """Keep the file; whether it was new (so that a failed attach can take it back)."""
        target = self.path(sha256, media_type)
        if target.exists():
            return False
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".part-")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        return True

    def discard(self, sha256: str, media_type: str) -> None:
        self.path(sha256, media_type).unlink(missing_ok=True)
