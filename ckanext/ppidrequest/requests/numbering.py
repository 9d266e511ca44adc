"""Registration numbers and access codes of requests.

The registration number is the one on the receipt (``0012/PMH/PPID/2026``):
gap-free per year, from a sequence row locked until commit. The access code
lets an applicant without an account follow and act on their request; only
its hash is stored.
"""
from __future__ import annotations

import datetime as dt
import secrets

from werkzeug.security import check_password_hash, generate_password_hash

import ckan.model as model
import ckan.plugins.toolkit as tk

from ..model import Request

_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"   # no 0/O, 1/I


#: 16 characters of 32: 80 random bits, beyond guessing from any number of
#: addresses (wrong codes are throttled per address only, see throttle.py)
CODE_LENGTH = 16


def new_access_code() -> str:
    """``XXXX-XXXX-XXXX-XXXX``; codes of 10 characters given before still
    work."""
    raw = "".join(secrets.choice(_CODE_ALPHABET)
                  for _n in range(CODE_LENGTH))
    return "-".join(raw[i:i + 4] for i in range(0, CODE_LENGTH, 4))


def _normal_code(code: str) -> str:
    return "".join(ch for ch in (code or "").upper() if ch.isalnum())


def hash_access_code(code: str) -> str:
    # 80 random bits, throttled online; the hash makes a stolen table
    # expensive to turn back into codes
    return generate_password_hash(_normal_code(code),
                                  method="pbkdf2:sha256:60000")


def check_access_code(req: Request, code: str) -> bool:
    return bool(code) and check_password_hash(req.access_code_hash,
                                              _normal_code(code))


ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI",
          "XII")


def next_registration_number(received: dt.date) -> tuple[int, str]:
    """The next number of the year, taken inside the caller's transaction:
    the sequence row stays locked until commit, so concurrent requests get
    consecutive numbers, and a rolled-back request gives its number back."""
    stmt = model.sa.text(
        "INSERT INTO ppidrequest_request_sequence (year, last_value) "
        "VALUES (:year, 1) ON CONFLICT (year) DO UPDATE "
        "SET last_value = ppidrequest_request_sequence.last_value + 1 "
        "RETURNING last_value")
    seq = model.Session.execute(stmt, {"year": received.year}).scalar_one()
    pattern = tk.config.get("ckanext.ppidrequest.registration_pattern")
    number = pattern.format(seq=seq, year=received.year,
                            month=received.month,
                            month_roman=ROMAN[received.month - 1])
    return seq, number
