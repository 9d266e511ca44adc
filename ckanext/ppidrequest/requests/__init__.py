"""Requests for information (permohonan informasi): the workflow and what
hangs off it.

- :mod:`.workflow`  states, the Step base and the only place state changes
- :mod:`.steps`     the SOP's steps, one declaration each
- :mod:`.form`      the service standard's request form
- :mod:`.numbering` registration numbers and access codes
- :mod:`.dictize`   a request as each reader may see it
- :mod:`.clock`     Indonesian working days and the legal deadlines
- :mod:`.delivery`  files handed over and the applicant's personal download
- :mod:`.notify`    emails after each committed step; reminders
- :mod:`.throttle`  wrong access codes counted in Redis
"""

from . import steps  # noqa: E402,F401  (declares the workflow's steps)
