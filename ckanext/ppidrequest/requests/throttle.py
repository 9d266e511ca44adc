"""Throttles counted in Redis, so that every web worker shares the count:
wrong access codes per client, and requests filed per client address and
per recipient email.

Wrong codes are counted per client address only, never per registration
number: numbers are sequential, and a count per number let anyone lock the
holder of the right code out of tracking, withdrawing and completing. What
keeps a code from being guessed is its length (80 random bits, see
:mod:`.numbering`) with the client's backoff: past
``track_max_failures`` wrong codes in ``track_failure_window`` seconds the
address waits a window (attempts meanwhile are refused unchecked), and
each further wrong code doubles the next wait.
"""
from __future__ import annotations

import hashlib

import ckan.model as model
import ckan.plugins.toolkit as tk
from ckan.lib.redis import connect_to_redis

from ..model import Request
from .numbering import check_access_code

_ = tk._
_PREFIX = "ppidrequest:"
#: the longest wait a backoff reaches (a day)
_MAX_WAIT = 24 * 3600


def client_address() -> str | None:
    """The caller's address as CKAN sees it (its proxy settings apply);
    None outside a web request (commands, jobs)."""
    try:
        return tk.request.remote_addr or None
    except (RuntimeError, AttributeError):
        return None


def _hashed(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8", "surrogatepass")).hexdigest()


def _minutes(seconds: int) -> int:
    return max((seconds + 59) // 60, 1)


# -- access codes ------------------------------------------------------------

def _track_keys(address: str) -> tuple[str, str]:
    base = _PREFIX + "track:" + _hashed(address)
    return base + ":failures", base + ":wait"


def check() -> None:
    """Refuse at once while the client waits out its backoff."""
    address = client_address()
    if address is None:
        return
    _failures, wait_key = _track_keys(address)
    wait = connect_to_redis().ttl(wait_key)
    if wait and wait > 0:
        raise tk.ValidationError({"access_code": [_(
            "Too many wrong access codes from your address. Try again in "
            "{minutes} minutes.").format(minutes=_minutes(wait))]})


def failed() -> None:
    """Count a wrong code against the client; past the limit, start (or
    double) its wait."""
    address = client_address()
    if address is None:
        return
    limit = tk.config.get("ckanext.ppidrequest.track_max_failures")
    window = tk.config.get("ckanext.ppidrequest.track_failure_window")
    failures_key, wait_key = _track_keys(address)
    redis = connect_to_redis()
    pipe = redis.pipeline()
    pipe.set(failures_key, 0, ex=window, nx=True)   # from the first failure
    pipe.incr(failures_key)
    count = pipe.execute()[1]
    if count < limit:
        return
    # the wait doubles with every failure past the limit
    wait = min(window * 2 ** (count - limit), _MAX_WAIT)
    pipe = redis.pipeline()
    pipe.set(wait_key, 1, ex=wait)
    pipe.expire(failures_key, wait + window)
    pipe.execute()


def verified_request(number: str, code: str):
    """The request whose registration number is ``number`` and whose access
    code is ``code``, counting wrong codes (raises ``ValidationError``).
    A missing number and a wrong code get the same answer."""
    number = number.strip().upper()
    check()
    req = (model.Session.query(Request)
           .filter(model.sa.func.upper(Request.registration_number)
                   == number).one_or_none())
    if req is None or not check_access_code(req, code):
        failed()
        raise tk.ValidationError({"access_code": [
            _("The registration number or the access code is wrong")]})
    return req


# -- filing requests ---------------------------------------------------------

def _create_keys(email: str | None) -> list[tuple[str, str, int]]:
    """(Redis key, field of the error, limit) of a new request."""
    keys = []
    address = client_address()
    if address:
        keys.append((_PREFIX + "create:a:" + _hashed(address),
                     "__before", tk.config.get(
                         "ckanext.ppidrequest.create_limit_per_address")))
    if email:
        keys.append((_PREFIX + "create:e:" + _hashed(email.strip().lower()),
                     "applicant_email", tk.config.get(
                         "ckanext.ppidrequest.create_limit_per_email")))
    return [k for k in keys if k[2] > 0]


def check_create(email: str | None) -> None:
    """Refuse a new request from a client address, or to a recipient
    email, that filed ``create_limit_per_*`` within
    ``create_limit_window`` seconds."""
    keys = _create_keys(email)
    if not keys:
        return
    redis = connect_to_redis()
    counts = redis.mget([key for key, _field, _limit in keys])
    errors: dict[str, list[str]] = {}
    for (key, field, limit), count in zip(keys, counts):
        if count is not None and int(count) >= limit:
            minutes = _minutes(max(redis.ttl(key), 1))
            errors[field] = [
                _("Too many requests from your address. Try again in "
                  "{minutes} minutes.") if field == "__before" else
                _("Too many requests were filed with this email address. "
                  "Try again in {minutes} minutes.")]
            errors[field] = [errors[field][0].format(minutes=minutes)]
    if errors:
        raise tk.ValidationError(errors)


def created(email: str | None) -> None:
    """Count a request filed."""
    keys = _create_keys(email)
    if not keys:
        return
    window = tk.config.get("ckanext.ppidrequest.create_limit_window")
    pipe = connect_to_redis().pipeline()
    for key, _field, _limit in keys:
        pipe.set(key, 0, ex=window, nx=True)
        pipe.incr(key)
    pipe.execute()
