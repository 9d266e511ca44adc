"""Official letters of a request (tata naskah dinas), as PDF.

A step of the workflow declares the letters it owes the applicant
(``Step.letters``; the receipt belongs to filing the request). Each is
numbered by :mod:`.issue` inside the step's own transaction, rendered after
the commit by :mod:`.archive` from the Jinja2 templates under
``templates/ppidrequest/letters/`` (:mod:`.render`, WeasyPrint), stored
unchanged with its SHA-256, attached to the applicant's email and verifiable
by anyone through the QR code on it (the public page of its unguessable
token).
"""
