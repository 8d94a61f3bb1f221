"""The one family of errors Chancery raises on purpose.

Every message says what was wrong, where (file and line, or field), and what to do about it.
"""

from __future__ import annotations


class ChanceryError(Exception):
    """Base of every error Chancery reports to a user."""

    def __init__(self, message: str, *, source: str = "", line: int | None = None,
                 hint: str = "") -> None:
        self.message = message
        self.source = source
        self.line = line
        self.hint = hint
        super().__init__(self.__str__())

    def __str__(self) -> str:
        where = self.source
        if self.line is not None:
            where = f"{where}:{self.line}" if where else f"line {self.line}"
        text = f"{where}: {self.message}" if where else self.message
        return f"{text} ({self.hint})" if self.hint else text


class InputError(ChanceryError):
    """A file or value that cannot be read: wrong encoding, truncated, malformed, too large."""


class NotFoundError(ChanceryError):
    """An id that names nothing in the archive."""


class StoreError(ChanceryError):
    """The archive's store is missing, of another version, or fails its integrity check."""


class ConflictError(ChanceryError):
    """An edit of something that has changed since the editor saw it."""


class PermissionDenied(ChanceryError):
    """Something only a user with another role may do."""


class TooManyAttempts(ChanceryError):
    """Sign-ins refused for a while after too many failed ones (``wait``: seconds left)."""

    def __init__(self, message: str, *, wait: float, hint: str = "") -> None:
        self.wait = wait
        super().__init__(message, hint=hint)
