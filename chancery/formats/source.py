"""Turning a file's bytes into text, refusing what is not text, with the line at fault."""

from __future__ import annotations

import codecs
import hashlib

from chancery.errors import InputError
from chancery.model import SourceFile

DEFAULT_MAX_BYTES = 20 * 1024 * 1024


def decode(data: bytes, name: str, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """UTF-8 text of ``data`` with newlines normalised; InputError naming file and line if not."""
    if len(data) > max_bytes:
        raise InputError(f"file is {len(data):,} bytes, over the limit of {max_bytes:,}",
                         source=name, hint="raise the limit with --max-bytes if it is genuine")
    nul = data.find(b"\x00")
    if nul >= 0:
        raise InputError("binary data (a NUL byte), expected UTF-8 text", source=name,
                         line=data.count(b"\n", 0, nul) + 1)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(f"not UTF-8 text (byte 0x{data[error.start]:02x} at offset "
                         f"{error.start})", source=name, line=data.count(b"\n", 0, error.start) + 1,
                         hint="convert the file to UTF-8") from None
    if not text or text.isspace():  # (strip would copy a big file to look at its ends)
        raise InputError("empty file", source=name, line=1)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def source_file(data: bytes, name: str, format_name: str, decoded: str = "") -> SourceFile:
    """The verbatim source, kept with its SHA-256 (UTF-8 already checked by ``decode``).

    ``decoded``, what ``decode`` made of the same bytes, is kept instead of a second copy of
    the text when it is verbatim (no BOM, no carriage returns): a big record is held once.
    """
    unchanged = decoded and b"\r" not in data and not data.startswith(codecs.BOM_UTF8)
    verbatim = decoded if unchanged else data.decode("utf-8")
    return SourceFile(format=format_name, name=name, sha256=hashlib.sha256(data).hexdigest(),
                      text=verbatim)
