"""Requests for information (permohonan informasi): the workflow and what
hangs off it.

- :mod:`.workflow`  states, steps and the only place a request changes state
- :mod:`.clock`     Indonesian working days and the legal deadlines
- :mod:`.delivery`  files handed over and the applicant's personal download
- :mod:`.notify`    emails after each committed step; reminders
- :mod:`.throttle`  wrong access codes counted in Redis
"""
