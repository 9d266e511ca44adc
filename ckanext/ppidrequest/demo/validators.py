from __future__ import annotations

from typing import Any

import ckan.plugins.toolkit as tk

__all__ = ["ppidrequest_demo_password"]

#: CKAN's own minimum (user_password_validator): a shorter demo password
#: would only fail later, in user_create, halfway through the seed.
MIN_LENGTH = 8


def ppidrequest_demo_password(value: Any) -> Any:
    """The demo password must be one CKAN accepts for an account."""
    if len(value) < MIN_LENGTH:
        raise tk.Invalid(
            f"the demo password must be {MIN_LENGTH} characters or longer")
    return value
