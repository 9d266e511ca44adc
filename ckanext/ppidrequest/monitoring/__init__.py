"""Monitoring and public accountability: the Walidata's dashboard, the
Daftar Informasi Publik and the list of exempted information, the download
form of open data (Jember step 3), the register of requests and the annual
report. Every figure comes from an action (``logic/action.py``) that the
pages and the exports call."""
