"""Signals of the request workflow (CKAN's blinker namespace for
extensions). Sent after the change is committed."""
from __future__ import annotations

import ckan.plugins.toolkit as tk

#: sender: the id of the request event that was just committed
request_event = tk.signals.ckanext.signal("ppidrequest_request_event")
