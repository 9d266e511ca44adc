"""Labels of the monitoring's stored values and report rows (English
msgids with a context; translated where they are shown)."""
from __future__ import annotations

from ..requests.labels import NC_

#: who downloads (the download form's first question)
AUDIENCES = {
    "individual": NC_("downloader", "Individual"),
    "student": NC_("downloader", "Student"),
    "researcher": NC_("downloader", "Researcher or academic"),
    "business": NC_("downloader", "Business"),
    "government": NC_("downloader", "Government agency"),
    "ngo": NC_("downloader", "NGO or community organization"),
}

SECTORS = {
    "education": NC_("sector", "Education"),
    "health": NC_("sector", "Health"),
    "economy": NC_("sector", "Economy and trade"),
    "agriculture": NC_("sector", "Agriculture and fisheries"),
    "population": NC_("sector", "Population and social affairs"),
    "infrastructure": NC_("sector", "Infrastructure and environment"),
    "governance": NC_("sector", "Governance and finance"),
    "media": NC_("sector", "Media and journalism"),
    "other": NC_("sector", "Other"),
}

PURPOSES = {
    "research": NC_("download purpose", "Research or thesis"),
    "policy": NC_("download purpose", "Planning or policy"),
    "business": NC_("download purpose", "Business"),
    "journalism": NC_("download purpose", "Journalism"),
    "education": NC_("download purpose", "Teaching or learning"),
    "advocacy": NC_("download purpose", "Advocacy or oversight"),
    "personal": NC_("download purpose", "Personal use"),
    "other": NC_("download purpose", "Other"),
}

#: how a download's answers came
VIA = {
    "form": NC_("download answers", "Download form"),
    "skipped": NC_("download answers", "Form skipped"),
    "api": NC_("download answers", "API client (parameters or headers)"),
    "none": NC_("download answers", "No answers"),
}

#: update frequencies of the Satu Data metadata (``update_frequency``) and
#: the days after which a dataset is late
FREQUENCY_DAYS = {
    "harian": 1, "mingguan": 7, "bulanan": 31, "triwulanan": 92,
    "semesteran": 183, "tahunan": 366,
}
FREQUENCIES = {
    "harian": NC_("update frequency", "Daily"),
    "mingguan": NC_("update frequency", "Weekly"),
    "bulanan": NC_("update frequency", "Monthly"),
    "triwulanan": NC_("update frequency", "Quarterly"),
    "semesteran": NC_("update frequency", "Half-yearly"),
    "tahunan": NC_("update frequency", "Yearly"),
}

#: the annual report's distribution of working days to answer
ANSWER_BUCKETS = {
    "0-5": NC_("answer time", "Up to 5 working days"),
    "6-10": NC_("answer time", "6 to 10 working days"),
    "11-17": NC_("answer time", "11 to 17 working days (extension)"),
    "18+": NC_("answer time", "More than 17 working days"),
}


def label(table: dict, key: str | None) -> str:
    from ..translation import table_label

    return table_label(table, key, default=key or "")
