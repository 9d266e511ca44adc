"""Throttling of wrong access codes (per registration number and per
address), counted in Redis so that every web worker shares the count."""
from __future__ import annotations

import hashlib

import ckan.model as model
import ckan.plugins.toolkit as tk
from ckan.lib.redis import connect_to_redis

from ..model import Request
from .numbering import check_access_code

_ = tk._
_PREFIX = "ppidrequest:track-failures:"


def _keys(number: str) -> list[tuple[str, int]]:
    limit = tk.config.get("ckanext.ppidrequest.track_max_failures")
    keys = [(_PREFIX + "n:" + hashlib.sha256(number.encode()).hexdigest(),
             limit)]
    address = _address()
    if address:
        keys.append((_PREFIX + "a:" + address, limit * 4))
    return keys


def _address() -> str | None:
    try:
        return tk.request.remote_addr
    except (RuntimeError, AttributeError):
        return None


def check(number: str) -> None:
    """Refuse at once while too many wrong codes were given."""
    redis = connect_to_redis()
    for key, limit in _keys(number):
        count = redis.get(key)
        if count is not None and int(count) >= limit:
            wait = max(redis.ttl(key), 1)
            raise tk.ValidationError({"access_code": [_(
                "Too many wrong access codes. Try again in {minutes} "
                "minutes.").format(minutes=(wait + 59) // 60)]})


def failed(number: str) -> None:
    window = tk.config.get("ckanext.ppidrequest.track_failure_window")
    redis = connect_to_redis()
    pipe = redis.pipeline()
    for key, _limit in _keys(number):
        # the window starts at the first failure
        pipe.set(key, 0, ex=window, nx=True)
        pipe.incr(key)
    pipe.execute()


def verified_request(number: str, code: str):
    """The request whose registration number is ``number`` and whose access
    code is ``code``, counting wrong codes (raises ``ValidationError``)."""
    number = number.strip().upper()
    check(number)
    req = (model.Session.query(Request)
           .filter(model.sa.func.upper(Request.registration_number)
                   == number).one_or_none())
    if req is None or not check_access_code(req, code):
        failed(number)
        raise tk.ValidationError({"access_code": [
            _("The registration number or the access code is wrong")]})
    return req
