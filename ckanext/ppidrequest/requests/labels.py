"""Labels of the request workflow's stored values, in Indonesian and
English (used where no request's locale is at hand: emails, jobs)."""
from __future__ import annotations

STATES = {
    "submitted": {"id": "Diterima", "en": "Submitted"},
    "awaiting_completion": {"id": "Menunggu kelengkapan",
                            "en": "Awaiting completion"},
    "in_review": {"id": "Sedang diperiksa", "en": "In review"},
    "forwarded": {"id": "Diteruskan ke PPID Pembantu",
                  "en": "Forwarded to the agency"},
    "data_submitted": {"id": "Data diserahkan ke PPID",
                       "en": "Data handed to the PPID"},
    "fulfilled": {"id": "Dipenuhi", "en": "Fulfilled"},
    "rejected": {"id": "Ditolak", "en": "Rejected"},
    "not_held": {"id": "Informasi tidak dikuasai",
                 "en": "Information not held"},
    "withdrawn": {"id": "Dicabut pemohon", "en": "Withdrawn"},
    "lapsed": {"id": "Gugur (tidak dilengkapi)",
               "en": "Lapsed (not completed)"},
}

ACTIONS = {
    "create": {"id": "Permohonan diterima", "en": "Request received"},
    "review": {"id": "Diperiksa PPID", "en": "Reviewed by the PPID"},
    "request_completion": {"id": "Diminta melengkapi",
                           "en": "Completion requested"},
    "complete": {"id": "Dilengkapi pemohon",
                 "en": "Completed by the applicant"},
    "forward": {"id": "Diteruskan ke PPID Pembantu",
                "en": "Forwarded to the agency"},
    "submit_data": {"id": "Data diserahkan PPID Pembantu",
                    "en": "Data handed over by the agency"},
    "extend": {"id": "Jangka waktu diperpanjang", "en": "Deadline extended"},
    "fulfil": {"id": "Dipenuhi", "en": "Fulfilled"},
    "reject": {"id": "Ditolak", "en": "Rejected"},
    "not_held": {"id": "Informasi tidak dikuasai",
                 "en": "Information not held"},
    "withdraw": {"id": "Dicabut pemohon", "en": "Withdrawn"},
    "lapse": {"id": "Gugur", "en": "Lapsed"},
}

APPLICANT_TYPES = {
    "individual": {"id": "Perorangan", "en": "Individual"},
    "organization": {"id": "Badan hukum / organisasi",
                     "en": "Organization"},
    "government": {"id": "Instansi pemerintah",
                   "en": "Government agency"},
}


def label(table: dict[str, dict[str, str]], value: str | None,
          lang: str = "id") -> str:
    if value not in table:
        return value or ""
    return table[value].get(lang) or table[value]["en"]
