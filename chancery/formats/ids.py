"""Document ids: the one pattern every reader checks before a document enters the archive.

An id is a lower-case scheme, a colon, and a local part of ASCII letters, digits and
``. _ : / -`` that begins with a letter or digit: ``wilson:121768``,
``frus:frus1952-54v08/d18``, ``tei:letter1``. No part between slashes may be ``.`` or ``..``,
and an id is at most 200 characters. Ids appear in URLs, file names of exports and the
OAI-PMH identifiers, so anything else (spaces, quotes, line breaks, ``/../``) is refused with
the file and line it came from (docs/json.md).
"""

from __future__ import annotations

import re

from chancery.errors import InputError

PATTERN = re.compile(r"[a-z][a-z0-9-]*:[A-Za-z0-9][A-Za-z0-9_.:/-]*")
MAX_LENGTH = 200


def problem(identifier: str) -> str:
    """Why ``identifier`` is not a document id; "" when it is one."""
    if not identifier:
        return "the document id is empty"
    if len(identifier) > MAX_LENGTH:
        return f"the document id is {len(identifier)} characters, over {MAX_LENGTH}"
    if not PATTERN.fullmatch(identifier):
        return (f"{identifier!r} is not a document id: expected a scheme, a colon and letters, "
                "digits or . _ : / - (such as 'wilson:121768' or 'frus:frus1952-54v08/d18')")
    if any(part in (".", "..") for part in identifier.split(":", 1)[1].split("/")):
        return f"{identifier!r} is not a document id: it holds a '.' or '..' path segment"
    return ""


def checked(identifier: str, source: str, line: int | None) -> str:
    """The id, if it is one; InputError naming the file and line otherwise."""
    found = problem(identifier)
    if found:
        raise InputError(found, source=source, line=line)
    return identifier
