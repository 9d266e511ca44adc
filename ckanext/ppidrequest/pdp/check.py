"""The personal-data check of a request's files, as the workflow's steps
use it: scan a delivery (recording ``clean``, ``flagged`` or
``unscannable``), mask it into a cleaned copy (``masked``), or record the
PPID's written justification (``justified``); and, for ``fulfil``, what
would be released and which file still lacks a check.

The original file stays in the storage for the record; only its masked
copy is ever released.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
import tempfile
from typing import Any, Iterator

from werkzeug.datastructures import FileStorage

import ckan.lib.uploader as uploader
import ckan.model as model
from ckan.lib import files
from ckan.lib.dictization import model_dictize

from ..model import Delivery, PdpCheck
from ..requests import delivery as deliver
from . import masking, scan

CLEAN = "clean"
FLAGGED = "flagged"
UNSCANNABLE = "unscannable"
MASKED = "masked"
JUSTIFIED = "justified"
#: outcomes that let a file be released
SETTLED = (CLEAN, MASKED, JUSTIFIED)


class Unreadable(Exception):
    """The delivery's file cannot be read (a link, a missing file)."""


def _copy(chunks, target) -> None:
    if hasattr(chunks, "read"):
        shutil.copyfileobj(chunks, target, 1 << 20)
    else:
        for chunk in chunks:
            target.write(chunk)


@contextlib.contextmanager
def local_copy(delivery: Delivery) -> Iterator[str]:
    """A path to the delivery's bytes on disk (a temporary copy streamed
    from its storage), removed afterwards."""
    with tempfile.NamedTemporaryFile(prefix="ppid-pdp-",
                                     suffix=os.path.splitext(
                                         delivery.filename or "")[1],
                                     delete=False) as target:
        path = target.name
        try:
            if delivery.storage_path:
                store = deliver.storage()
                if store is None:
                    raise Unreadable("no storage")
                _copy(store.stream(files.FileData(files.Location(
                    delivery.storage_path))), target)
            else:
                _copy_resource(delivery, target)
        except files.exc.LocationError as error:
            os.unlink(path)
            raise Unreadable(str(error)) from None
        except Exception:
            os.unlink(path)
            raise
    try:
        yield path
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(path)


def _copy_resource(delivery: Delivery, target) -> None:
    resource = model.Resource.get(delivery.resource_id or "")
    if resource is None:
        raise Unreadable("resource gone")
    res_dict = model_dictize.resource_dictize(resource, {"model": model})
    if res_dict.get("url_type") != "upload":
        raise Unreadable("a link, not a file of the portal")
    upload = uploader.get_resource_uploader(res_dict)
    path = upload.get_path(res_dict["id"])
    store = getattr(upload, "storage", None)
    if store is not None and store.supports(files.Capability.STREAM):
        _copy(store.stream(files.FileData(path)), target)
    elif os.path.exists(path):
        with open(path, "rb") as source:
            _copy(source, target)
    else:
        raise Unreadable("file missing")


def scan_delivery(delivery: Delivery) -> dict[str, Any]:
    """The scan's report of one delivery."""
    if scan.format_of(delivery.filename, delivery.mimetype) is None:
        return scan.scan_path("", delivery.filename, delivery.mimetype)
    try:
        with local_copy(delivery) as path:
            return scan.scan_path(path, delivery.filename,
                                  delivery.mimetype)
    except Unreadable as error:
        return {"format": scan.format_of(delivery.filename), "scanned": False,
                "rows": 0, "columns": [], "personal": [],
                "error": str(error)}


def result_of(report: dict[str, Any]) -> str:
    if not report.get("scanned"):
        return UNSCANNABLE
    return FLAGGED if report.get("personal") else CLEAN


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def record_scan(delivery: Delivery, actor_id: str | None) -> PdpCheck:
    """Scan the delivery and record the report (a new scan replaces an
    earlier one and what was decided on it)."""
    report = scan_delivery(delivery)
    check = model.Session.get(PdpCheck, delivery.id)
    if check is None:
        check = PdpCheck(delivery_id=delivery.id,
                         request_id=delivery.request_id)
        model.Session.add(check)
    check.report = report
    check.result = result_of(report)
    check.masked_id = check.masking = check.justification = None
    check.modified, check.modified_by = _now(), actor_id
    model.Session.flush()
    return check


def masked_name(filename: str | None) -> str:
    stem, ext = os.path.splitext(filename or "data.csv")
    return f"{stem}-disamarkan{ext}"


def mask(delivery: Delivery, check: PdpCheck, plan: dict[str, str],
         actor_id: str | None) -> Delivery:
    """Write the masked copy of the delivery (a new delivery of stage
    ``masked`` in the storage) and record it on the check. The caller
    removes the new file if its transaction fails."""
    report = check.report or {}
    store = deliver.storage()
    if store is None:
        raise Unreadable("no storage")
    copy = Delivery(stage="masked", filename=masked_name(delivery.filename),
                    mimetype=delivery.mimetype, created_by=actor_id,
                    request_id=delivery.request_id)
    copy.id = model.types.make_uuid()
    with local_copy(delivery) as source_path, \
            tempfile.TemporaryFile() as target:
        if report.get("format") == scan.XLSX:
            masking.mask_xlsx(source_path, target, report, plan)
        else:
            with open(source_path, "rb") as source:
                masking.mask_csv(source, target, report, plan)
        target.seek(0, os.SEEK_END)
        size = target.tell()
        target.seek(0)
        location = store.prepare_location(
            f"{delivery.request_id}/{copy.id}")
        source = files.make_upload(FileStorage(
            stream=target, filename=copy.filename,
            content_type=copy.mimetype or "application/octet-stream"))
        source.size = size
        stored = store.upload(location, source)
    copy.storage_path, copy.size = stored.location, size
    model.Session.add(copy)
    check.result, check.masked_id = MASKED, copy.id
    check.masking = {name: action for name, action in plan.items()}
    check.justification = None
    check.modified, check.modified_by = _now(), actor_id
    model.Session.flush()
    return copy


def justify(check: PdpCheck, text: str, actor_id: str | None) -> None:
    check.result, check.justification = JUSTIFIED, text
    check.masked_id = check.masking = None
    check.modified, check.modified_by = _now(), actor_id


def scanned(request_ids: list[str]) -> set[str]:
    """The requests among ``request_ids`` with a file scanned (one query
    for a page of requests or for one)."""
    if not request_ids:
        return set()
    return {i for (i,) in model.Session.query(PdpCheck.request_id).filter(
        PdpCheck.request_id.in_(request_ids)).distinct()}


def checks_of(request_id: str) -> dict[str, PdpCheck]:
    return {c.delivery_id: c for c in model.Session.query(PdpCheck)
            .filter(PdpCheck.request_id == request_id)}


def as_dict(check: PdpCheck, delivery: Delivery | None) -> dict[str, Any]:
    return {"delivery_id": check.delivery_id,
            "filename": delivery.filename if delivery else None,
            "result": check.result, "report": check.report,
            "masked_id": check.masked_id, "masking": check.masking,
            "justification": check.justification,
            "modified": check.modified.isoformat()
            if check.modified else None}
