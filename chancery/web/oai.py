"""OAI-PMH 2.0 data provider at ``/oai``: the six verbs, ``oai_dc`` and TEI, sets for
collections and repositories, selective harvesting by date, resumption tokens, and the
protocol's own error codes for every bad request (never a server error).

Records follow the store's change log: a document's datestamp is when its current revision
(or its deletion) was written, and a list is a walk along the log, so a resumption token is
just the point reached (with the request's arguments), valid for as long as the log.
"""

from __future__ import annotations

import base64
import json
import re
from collections.abc import Callable
from datetime import UTC, datetime
from urllib.parse import quote

from lxml import etree
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from chancery.view import ReaderView
from chancery.errors import NotFoundError
from chancery.formats import oai_dc, tei_export
from chancery.model import Change, Document
from chancery.web.reading import archive_of

OAI = "http://www.openarchives.org/OAI/2.0/"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
PAGE = 100  # records per list response
_SCAN = 2_000  # rows of the change log read per list response, at most
ID_PREFIX = "oai:chancery:"
FORMATS = {
    "oai_dc": (oai_dc.SCHEMA, oai_dc.OAI_DC),
    "tei": ("https://tei-c.org/release/xml/tei/custom/schema/xsd/tei_all.xsd", tei_export.TEI),
}
_ARGUMENTS = {
    "Identify": set(), "ListMetadataFormats": {"identifier"}, "ListSets": {"resumptionToken"},
    "GetRecord": {"identifier", "metadataPrefix"},
    "ListIdentifiers": {"metadataPrefix", "from", "until", "set", "resumptionToken"},
    "ListRecords": {"metadataPrefix", "from", "until", "set", "resumptionToken"},
}
_REQUIRED = {"GetRecord": {"identifier", "metadataPrefix"},
             "ListIdentifiers": {"metadataPrefix"}, "ListRecords": {"metadataPrefix"}}
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}Z)?")
# the lexical forms of the protocol's schema (metadataPrefixType, setSpecType): a value of
# another form is a bad argument, not an unknown format or set
_FORMS = {"metadataPrefix": re.compile(r"[A-Za-z0-9\-_.!~*'()]+"),
          "set": re.compile(r"[A-Za-z0-9\-_.!~*'()]+(:[A-Za-z0-9\-_.!~*'()]+)*")}
_TOKEN_FIELDS = {"metadataPrefix", "from", "until", "set"}  # strings; and "after", a number
_MAX_TOKEN = 2_000  # characters: the tokens written here are a few hundred
_MAX_SEQ = 2**63 - 1  # the largest number SQLite holds


class ProtocolError(Exception):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


async def endpoint(request: Request) -> Response:
    try:
        form = await request.form() if request.method == "POST" else None
        pairs = list(form.multi_items()) if form is not None else \
            list(request.query_params.multi_items())
    except Exception:  # noqa: BLE001 - any body a form parser refuses is a bad argument
        pairs = [("", "")]
    arguments = {name: str(value) for name, value in pairs}
    root = etree.Element(f"{{{OAI}}}OAI-PMH", nsmap={None: OAI, "xsi": XSI})
    root.set(f"{{{XSI}}}schemaLocation",
             f"{OAI} http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd")
    etree.SubElement(root, f"{{{OAI}}}responseDate").text = _now()
    echoed = etree.SubElement(root, f"{{{OAI}}}request")
    echoed.text = _base(request)
    try:
        verb = _check(pairs, arguments)
        for name, value in arguments.items():
            echoed.set(name, value)
        answer = _VERBS[verb](archive_of(request), arguments, _base(request))
        root.append(answer)
    except ProtocolError as error:
        if error.code in ("badVerb", "badArgument"):
            # the protocol (3.2) and its schema: after these two, the request is echoed as
            # its base URL only, since its arguments may be of no legal form
            echoed.attrib.clear()
        failure = etree.SubElement(root, f"{{{OAI}}}error", code=error.code)
        failure.text = error.message
    return Response(etree.tostring(root, xml_declaration=True, encoding="UTF-8"),
                    media_type="text/xml; charset=utf-8")


def _check(pairs: list[tuple[str, object]], arguments: dict[str, str]) -> str:
    verb = arguments.get("verb", "")
    if sum(name == "verb" for name, _ in pairs) > 1:
        raise ProtocolError("badVerb", "the verb is repeated")
    if verb not in _ARGUMENTS:
        raise ProtocolError("badVerb", f"'{verb}' is not an OAI-PMH verb" if verb else
                            "no verb given")
    if len(pairs) != len(arguments):
        raise ProtocolError("badArgument", "an argument is repeated")
    given = set(arguments) - {"verb"}
    unknown = given - _ARGUMENTS[verb]
    if unknown:
        raise ProtocolError("badArgument", f"{verb} takes no argument "
                            f"{', '.join(sorted(unknown))}")
    if "resumptionToken" in given and given != {"resumptionToken"}:
        raise ProtocolError("badArgument", "resumptionToken must be the only argument")
    missing = _REQUIRED.get(verb, set()) - given
    if missing and "resumptionToken" not in given:
        raise ProtocolError("badArgument", f"{verb} needs {', '.join(sorted(missing))}")
    for name, form in _FORMS.items():
        if name in arguments and not form.fullmatch(arguments[name]):
            raise ProtocolError("badArgument", f"'{arguments[name]}' is not of the form "
                                f"the protocol gives {name}")
    return verb


def _element(parent: etree._Element | None, name: str, text: str = "",
             **attributes: str) -> etree._Element:
    tag = f"{{{OAI}}}{name}"
    child = etree.Element(tag, attributes) if parent is None else \
        etree.SubElement(parent, tag, attributes)
    if text:
        child.text = text
    return child


# --- verbs -------------------------------------------------------------------------------

def identify(archive: ReaderView, arguments: dict[str, str], base: str) -> etree._Element:
    answer = _element(None, "Identify")
    _element(answer, "repositoryName", "Chancery")
    _element(answer, "baseURL", base)
    _element(answer, "protocolVersion", "2.0")
    _element(answer, "adminEmail", archive.settings.admin_email)
    _element(answer, "earliestDatestamp", _datestamp(archive.first_change_at()) or _now())
    _element(answer, "deletedRecord", "persistent")
    _element(answer, "granularity", "YYYY-MM-DDThh:mm:ssZ")
    return answer


def list_metadata_formats(archive: ReaderView, arguments: dict[str, str],
                          base: str) -> etree._Element:
    if "identifier" in arguments:
        _document(archive, arguments["identifier"])
    answer = _element(None, "ListMetadataFormats")
    for prefix, (schema, namespace) in FORMATS.items():
        entry = _element(answer, "metadataFormat")
        _element(entry, "metadataPrefix", prefix)
        _element(entry, "schema", schema)
        _element(entry, "metadataNamespace", namespace)
    return answer


def list_sets(archive: ReaderView, arguments: dict[str, str], base: str) -> etree._Element:
    if "resumptionToken" in arguments:
        raise ProtocolError("badResumptionToken", "ListSets is answered in one response")
    holdings = archive.overview(("repository", "collection"), size=10_000).facets
    answer = _element(None, "ListSets")
    for kind, facet in (("repository", "repository"), ("collection", "collection")):
        for value in holdings.get(facet, []):
            entry = _element(answer, "set")
            _element(entry, "setSpec", f"{kind}:{slug(value.value)}")
            _element(entry, "setName", f"{kind.capitalize()}: {value.value}")
    if not len(answer):
        raise ProtocolError("noSetHierarchy", "no document names a repository or collection")
    return answer


def get_record(archive: ReaderView, arguments: dict[str, str], base: str) -> etree._Element:
    prefix = _prefix(arguments["metadataPrefix"])
    document_id = _document_id(arguments["identifier"])
    change = archive.latest_change(document_id)
    if change is None:
        raise ProtocolError("idDoesNotExist", f"no record '{arguments['identifier']}'")
    answer = _element(None, "GetRecord")
    document = None if change.action == "delete" else archive.get(document_id)
    _record(answer, archive, change, document, prefix, base)
    return answer


def list_records(archive: ReaderView, arguments: dict[str, str], base: str,
                 headers_only: bool = False) -> etree._Element:
    request = _decode_token(arguments["resumptionToken"]) if "resumptionToken" in arguments \
        else {key: arguments[key] for key in ("metadataPrefix", "from", "until", "set")
              if key in arguments}
    prefix = _prefix(request.get("metadataPrefix", ""))
    low, high = _bound(request.get("from", "")), _bound(request.get("until", ""), end=True)
    if low and high and len(request["from"]) != len(request["until"]):
        raise ProtocolError("badArgument", "from and until must have the same granularity")
    if low and high and low > high:
        raise ProtocolError("noRecordsMatch", "from is after until")
    wanted_set = request.get("set", "")
    after = int(request.get("after", 0))
    found: list[tuple[Change, Document | None]] = []
    scanned = 0
    while len(found) < PAGE and scanned < _SCAN * 5:
        batch, last = archive.current_changes(after, _SCAN)
        if last == after:
            break
        scanned += _SCAN
        chosen = [change for change in batch
                  if (not low or _datestamp(change.at) >= low)
                  and (not high or _datestamp(change.at) <= high)]
        for start in range(0, len(chosen), PAGE):  # read only as many documents as needed
            chunk = chosen[start:start + PAGE]
            documents = archive.get_many(change.document_id for change in chunk
                                         if change.action == "put")
            for change in chunk:
                document = documents.get(change.document_id)
                if wanted_set and (document is None or wanted_set not in sets_of(document)):
                    continue
                found.append((change, document))
                if len(found) == PAGE:
                    last = change.seq
                    break
            if len(found) == PAGE:
                break
        after = last
    more = bool(archive.current_changes(after, 1)[1] != after)
    if not found and not more:
        raise ProtocolError("noRecordsMatch", "no record matches these arguments")
    answer = _element(None, "ListIdentifiers" if headers_only else "ListRecords")
    for change, document in found:
        if headers_only:
            _header(answer, change, document)
        else:
            _record(answer, archive, change, document, prefix, base)
    if more:
        _element(answer, "resumptionToken", _encode_token({**request, "after": after}))
    elif "resumptionToken" in arguments:
        _element(answer, "resumptionToken")  # the list is complete
    return answer


def list_identifiers(archive: ReaderView, arguments: dict[str, str],
                     base: str) -> etree._Element:
    return list_records(archive, arguments, base, headers_only=True)


_VERBS: dict[str, Callable[[ReaderView, dict[str, str], str], etree._Element]] = {
    "Identify": identify, "ListMetadataFormats": list_metadata_formats,
    "ListSets": list_sets, "GetRecord": get_record, "ListIdentifiers": list_identifiers,
    "ListRecords": list_records,
}


# --- records -----------------------------------------------------------------------------

def _record(parent: etree._Element, archive: ReaderView, change: Change,
            document: Document | None, prefix: str, base: str) -> None:
    record = _element(parent, "record")
    _header(record, change, document)
    if document is None:
        return
    metadata = _element(record, "metadata")
    page = f"{base.removesuffix('/oai')}/documents/{quote(document.id, safe=':/')}"
    if prefix == "oai_dc":
        metadata.append(oai_dc.element(document, page))
    else:
        metadata.append(etree.fromstring(tei_export.write(
            document, archive.links(document.id)[0], id_prefix=_id_prefix(document.id))))


def _header(parent: etree._Element, change: Change, document: Document | None) -> None:
    header = _element(parent, "header")
    if change.action == "delete":
        header.set("status", "deleted")
    _element(header, "identifier", ID_PREFIX + change.document_id)
    _element(header, "datestamp", _datestamp(change.at))
    for spec in sorted(sets_of(document)) if document is not None else ():
        _element(header, "setSpec", spec)


def _id_prefix(document_id: str) -> str:
    """What begins every xml:id of a document's TEI record, so that the records of one list
    share none: the document id as an XML name, each character a name may not hold (and the
    underscore that marks them) written as _hex_, so two ids never make one prefix."""
    return "d-" + re.sub(r"[^A-Za-z0-9.-]", lambda found: f"_{ord(found.group()):x}_",
                         document_id) + "-"


def sets_of(document: Document) -> set[str]:
    """The sets a document belongs to: its repositories and its collections."""
    return {f"repository:{slug(reference.repository)}"
            for reference in document.archival_references if reference.repository} | \
        {f"collection:{slug(collection)}" for collection in document.collections}


def slug(value: str) -> str:
    """A set name as a setSpec: lower case, unreserved characters only."""
    return re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-") or "unnamed"


def _prefix(prefix: str) -> str:
    if prefix not in FORMATS:
        raise ProtocolError("cannotDisseminateFormat",
                            f"'{prefix}' is not offered: use oai_dc or tei")
    return prefix


def _document_id(identifier: str) -> str:
    if not identifier.startswith(ID_PREFIX):
        raise ProtocolError("idDoesNotExist", f"'{identifier}' is not an identifier of this "
                            f"repository (they begin {ID_PREFIX})")
    return identifier.removeprefix(ID_PREFIX)


def _document(archive: ReaderView, identifier: str) -> Document:
    try:
        return archive.get(_document_id(identifier))
    except NotFoundError:
        raise ProtocolError("idDoesNotExist", f"no record '{identifier}'") from None


def _datestamp(at: str) -> str:
    """A change-log time as the protocol writes it: 2026-11-23T10:26:07Z."""
    if not at:
        return ""
    moment = datetime.fromisoformat(at).astimezone(UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def _bound(value: str, end: bool = False) -> str:
    if not value:
        return ""
    if not _DATE.fullmatch(value):
        raise ProtocolError("badArgument", f"'{value}' is not a date of this repository's "
                            "granularity (YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ)")
    try:
        datetime.strptime(value[:10], "%Y-%m-%d")
    except ValueError:
        raise ProtocolError("badArgument", f"'{value}' is not a date") from None
    if len(value) == 10:
        return value + ("T23:59:59Z" if end else "T00:00:00Z")
    return value


def _encode_token(state: dict) -> str:
    return base64.urlsafe_b64encode(json.dumps(state, sort_keys=True).encode()).decode()


def _decode_token(token: str) -> dict:
    """The state a token carries, if it has the shape of those _encode_token writes: anyone
    can make a token, so its fields are checked as arguments are (kinds, and bounds)."""
    try:
        if len(token) > _MAX_TOKEN:
            raise ValueError("too long")
        state = json.loads(base64.urlsafe_b64decode(token.encode()))
        if not isinstance(state, dict) or set(state) - _TOKEN_FIELDS - {"after"} or \
                any(not isinstance(state[key], str) for key in _TOKEN_FIELDS & set(state)):
            raise ValueError("not a token")
        after = state.get("after")
        if type(after) is not int or not 0 <= after <= _MAX_SEQ:  # noqa: E721 - not a bool
            raise ValueError("not a point of the change log")
        return state
    except (ValueError, TypeError, UnicodeDecodeError, RecursionError):
        raise ProtocolError("badResumptionToken", "this resumption token is not one "
                            "this repository gave") from None


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _base(request: Request) -> str:
    return str(request.base_url).rstrip("/") + "/oai"


routes = [Route("/oai", endpoint, methods=["GET", "POST"])]
