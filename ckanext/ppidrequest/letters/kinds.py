"""The kinds of letter the procedure needs, and what each is called.

Each kind has a template ``templates/ppidrequest/letters/<kind>.html``
and a subject (perihal). Which step issues which kind is declared on the
step (``Step.letters`` in :mod:`..requests.steps`)."""
from __future__ import annotations

from ..requests.labels import NC_

from ..translation import table_label

RECEIPT = "receipt"
NOTICE = "notice"
EXTENSION = "extension"
DELIVERY = "delivery"
REJECTION = "rejection"

#: kind: its subject (perihal), as letters and pages name it
SUBJECTS = {
    RECEIPT: NC_("letter subject",
                 "Receipt of a request for public information"),
    NOTICE: NC_("letter subject", "Written notice on a request for "
                                  "public information"),
    EXTENSION: NC_("letter subject", "Extension of the time to answer a "
                                     "request for public information"),
    DELIVERY: NC_("letter subject", "Delivery of data"),
    REJECTION: NC_("letter subject", "Decision to reject a request for "
                                     "public information"),
}

KINDS = tuple(SUBJECTS)


def subject(kind: str, lang: str | None = None) -> str:
    return table_label(SUBJECTS, kind, lang, default=kind)
