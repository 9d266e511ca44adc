"""The personal-data check before any data leaves (Jember SOP step 10,
UU 27/2022): every file to be delivered is scanned (:mod:`.scan`), the PPID
masks it (:mod:`.masking`) or justifies giving it as it is, and
:mod:`.check` records the outcome per file, which ``fulfil`` requires.

- :mod:`.identifiers` NIK, KK, phone, email and column names that say
  personal data
- :mod:`.scan`        a streaming scan of CSV and XLSX files, per column
- :mod:`.masking`     a cleaned copy: drop, stable token, generalise
- :mod:`.check`       the check of a request's files, as the steps use it
"""
