"""What counts as personal data in a file: the NIK (with its structure),
family-card numbers, phone numbers, emails, and columns whose names say
name, address, birth date, NIK, KK or mother's name.

The NIK is 16 digits: province (2), regency or city (2), district (2),
birth date DDMMYY with the day + 40 for women, serial (4). A 16-digit
number whose province code does not exist or whose date is impossible is
not a NIK (an account number, a product code) and is not flagged.
"""
from __future__ import annotations

import datetime as dt
import re

NIK = "nik"
KK = "kk"
PHONE = "phone"
EMAIL = "email"
NAME = "name"
ADDRESS = "address"
BIRTH = "birth_date"
MOTHER = "mother_name"
#: 16 digits that cannot be a NIK (a product or account code): counted,
#: never flagged
CODE = "code"

#: province codes of the Ministry of Home Affairs (Kemendagri), 2022
PROVINCES = frozenset({
    "11", "12", "13", "14", "15", "16", "17", "18", "19", "21",
    "31", "32", "33", "34", "35", "36", "51", "52", "53",
    "61", "62", "63", "64", "65", "71", "72", "73", "74", "75", "76",
    "81", "82", "91", "92", "93", "94", "95", "96"})

#: numbers in a row (the row's cells joined): runs of 10 to 16 digits,
#: single spaces, dots or dashes between them, maybe a leading "+" (a NIK,
#: a KK, a phone number; the rest is checked in Python)
NUMBERS = re.compile(r"(?<![\d+])\+?\d(?:[ .-]?\d){9,15}(?!\d)")
#: an email around an "@" (found with str.find: the patterns only read
#: the part before it and the domain after it)
_EMAIL_USER = re.compile(r"[A-Za-z0-9._%+-]{1,64}\Z")
_EMAIL_DOMAIN = re.compile(r"[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
_PROVINCE_CODES = "|".join(sorted(PROVINCES))
_REGION = rf"(?:{_PROVINCE_CODES})(?!00)\d\d(?!00)\d\d"
_MONTH_YEAR_SERIAL = r"(?:0[1-9]|1[0-2])\d\d(?!0000)\d{4}"
#: a plausible NIK: province, regency and district codes, the day of birth
#: (+ 40 for women) and month, a serial (the exact date is checked by
#: :func:`nik_parts`)
NIK_PATTERN = re.compile(
    rf"(?<!\d){_REGION}(?:0[1-9]|[12]\d|3[01]|4[1-9]|[56]\d|7[01])"
    rf"{_MONTH_YEAR_SERIAL}(?!\d)")
#: a plausible KK: the region and a date of issue (no + 40)
KK_PATTERN = re.compile(
    rf"(?<!\d){_REGION}(?:0[1-9]|[12]\d|3[01]){_MONTH_YEAR_SERIAL}(?!\d)")
SIXTEEN_DIGITS = re.compile(r"(?<!\d)\d{16}(?!\d)")
#: an Indonesian mobile number, 10 to 13 digits, with +62, 62 or 0
PHONE_PATTERN = re.compile(
    r"(?<![\d+])(?:\+62|62|0)[ -]?8[1-9](?:[ .-]?\d){7,10}(?!\d)")
EMAIL_PATTERN = re.compile(
    r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
_MONTH_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_SEPARATORS = str.maketrans("", "", " .-+")


def nik_plausible(value: str) -> bool:
    """16 digits with a real province, regency and district code, a day
    (+ 40 for women) and month of birth and a serial: what the scan counts
    (:data:`NIK_PATTERN`)."""
    return NIK_PATTERN.fullmatch(value) is not None


def _exact_date(value: str) -> bool:
    day, month = int(value[6:8]) % 40 or 40, int(value[8:10])
    if day > 31:
        return False
    if day > _MONTH_DAYS[month - 1]:
        return False
    return not (month == 2 and day == 29 and int(value[10:12]) % 4)


def digits_of(text: str) -> str:
    return text.translate(_SEPARATORS)


def emails_in(text: str):
    """(start, end) of each email in ``text``."""
    at = text.find("@")
    while at != -1:
        user = _EMAIL_USER.search(text, max(0, at - 64), at)
        domain = _EMAIL_DOMAIN.match(text, at + 1)
        if user and domain:
            yield user.start(), domain.end()
            at = text.find("@", domain.end())
        else:
            at = text.find("@", at + 1)


def nik_parts(value: str) -> tuple[str, dt.date, str] | None:
    """(region code, birth date, sex) of a plausible NIK, else None."""
    if not nik_plausible(value) or not _exact_date(value):
        return None
    day, month, year = int(value[6:8]), int(value[8:10]), int(value[10:12])
    sex = "F" if day > 40 else "M"
    if day > 40:
        day -= 40
    try:
        # the century is not in the NIK; 2000 is a leap year
        born = dt.date(2000 + year, month, day) if year <= 30 else \
            dt.date(1900 + year, month, day)
    except ValueError:
        return None
    return value[:6], born, sex


def kk_plausible(value: str) -> bool:
    """A family-card number: 16 digits with a real region code and a date
    of issue (no + 40)."""
    return KK_PATTERN.fullmatch(value) is not None


def phone_plausible(match: str) -> bool:
    digits = digits_of(match)
    if digits.startswith("62"):
        digits = "0" + digits[2:]
    return digits.startswith("08") and 10 <= len(digits) <= 13


_WORDS = re.compile(r"[a-z]+")
_NOT_A_PERSON = frozenset({
    "desa", "kelurahan", "kecamatan", "kabupaten", "kota", "provinsi",
    "sekolah", "instansi", "opd", "dinas", "puskesmas", "rumah", "sakit",
    "rs", "usaha", "perusahaan", "kegiatan", "program", "jalan", "wilayah",
    "daerah", "barang", "produk", "obat", "penyakit", "indikator",
    "dataset", "organisasi", "lembaga", "kantor", "posyandu", "file",
    "kolom", "bank", "unit", "jenis", "kategori"})


def column_kind(header: str) -> str | None:
    """The kind of personal data a column's name says it holds."""
    words = _WORDS.findall((header or "").lower().replace("_", " "))
    if not words:
        return None
    joined = " ".join(words)
    wordset = set(words)
    if wordset & {"nik", "ktp", "nomor induk kependudukan"} or \
            "induk kependudukan" in joined:
        return NIK
    if wordset & {"kk"} or "kartu keluarga" in joined:
        return KK
    if "ibu" in wordset and ("nama" in wordset or "kandung" in wordset) \
            or "mother" in wordset:
        return MOTHER
    if wordset & {"lahir", "birth", "ttl", "dob", "birthdate"}:
        return BIRTH
    if wordset & {"alamat", "address", "domisili"}:
        return ADDRESS
    if wordset & {"email", "surel", "mail"}:
        return EMAIL
    if wordset & {"telp", "telepon", "hp", "phone", "ponsel", "wa",
                  "whatsapp", "handphone"}:
        return PHONE
    if wordset & {"nama", "name", "pemohon", "penduduk", "pasien",
                  "responden", "peserta", "penerima"} and \
            not wordset & _NOT_A_PERSON:
        if wordset & {"pemohon", "penduduk", "pasien", "responden",
                      "peserta", "penerima"} and \
                not wordset & {"nama", "name"}:
            return None      # "jumlah penduduk" is a count
        return NAME
    return None


def mask_example(kind: str, value: str) -> str:
    """An example shown to the PPID, itself masked: nothing of a NIK or KK
    but its length, the first letter of each word of a name or address."""
    value = str(value).strip()
    if kind in (NIK, KK):
        return "•" * 16
    if kind == PHONE:
        digits = re.sub(r"\D", "", value)
        return digits[:2] + "•" * max(len(digits) - 2, 0)
    if kind == EMAIL:
        user, _at, domain = value.partition("@")
        return (user[:1] + "•••@" + domain) if domain else "•••"
    if kind == BIRTH:
        return "••-••-" + (re.findall(r"\d{4}", value) or ["••••"])[-1]
    return " ".join(word[:1] + "•" * (len(word) - 1)
                    for word in value.split()[:6])


def find(text: str, header_kind: str | None = None):
    """(start, end, kind) of every identifier in ``text``: NIK, KK (a
    16-digit number in a column named for the family card), phone, email,
    and CODE for 16 digits that cannot be a NIK."""
    if "@" in text:
        for start, end in emails_in(text):
            yield start, end, EMAIL
    for match in NUMBERS.finditer(text):
        raw = match.group()
        if len(raw) == 16 and raw.isdigit():
            if header_kind == KK and kk_plausible(raw):
                kind = KK
            else:
                kind = NIK if nik_plausible(raw) else CODE
        elif phone_plausible(raw):
            kind = PHONE
        else:
            continue
        yield match.start(), match.end(), kind
