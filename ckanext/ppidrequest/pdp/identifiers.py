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

#: province codes of the Ministry of Home Affairs (Kemendagri), 2022
PROVINCES = frozenset({
    "11", "12", "13", "14", "15", "16", "17", "18", "19", "21",
    "31", "32", "33", "34", "35", "36", "51", "52", "53",
    "61", "62", "63", "64", "65", "71", "72", "73", "74", "75", "76",
    "81", "82", "91", "92", "93", "94", "95", "96"})

#: one pattern for every candidate in a row (the row's cells joined):
#: 16-digit numbers, emails, Indonesian mobile numbers
CANDIDATES = re.compile(
    r"(?P<digits>(?<![\d])\d{16}(?![\d]))"
    r"|(?P<email>[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*"
    r"\.[A-Za-z]{2,})"
    r"|(?P<phone>(?<![\d+])(?:\+62|62|0)[ -]?8[1-9](?:[ .-]?\d){6,10}"
    r"(?![\d]))")


def nik_parts(value: str) -> tuple[str, dt.date, str] | None:
    """(region code, birth date, sex) of a plausible NIK, else None."""
    if len(value) != 16 or not value.isdigit():
        return None
    if value[:2] not in PROVINCES or value[2:4] == "00" or \
            value[4:6] == "00" or value[12:] == "0000":
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
    if len(value) != 16 or not value.isdigit():
        return False
    parts = nik_parts(value)
    return parts is not None and parts[2] == "M"


def phone_plausible(match: str) -> bool:
    digits = re.sub(r"\D", "", match)
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
