"""A fuzzer of the plugin's actions through the real API, for the tests
(``test_robustness.py`` runs a bounded version) and for a longer run:

    PPIDREQUEST_FUZZ=10000 make test PYTEST_ARGS="ckanext/ppidrequest/tests/test_robustness.py -k fuzz -s"

Each payload is a JSON body (or, for side-effect-free actions, sometimes a
query string) for one ``ppidrequest_*`` action, from one of several
callers, built from the action's documented parameters with values meant
to break things: NUL characters, unpaired surrogates, blanks where
numbers go, numbers out of range, wrong types, deep nesting, long text,
and real ids and registration numbers so that auth functions and
lookups run. Seeded: a failing payload can be replayed.
"""
from __future__ import annotations

import collections
import json
import random
import re
from dataclasses import dataclass, field
from typing import Any

import ckan.plugins.toolkit as tk

NASTY: list[Any] = [
    "\ud800", "a\udfffb", "\x00", "abc\x00def", " ", "", "  \t ", "1e20",
    1e20, -1, 0, 2 ** 63, -(2 ** 63) - 1, 3.5, float("1e308"), True, False,
    None, [], {}, ["\ud800"], {"a": "\x00"}, [[[[[[[[[[["deep"]]]]]]]]]]],
    "x" * 20000, "😀" * 50, "'; DROP TABLE ppidrequest_request; --",
    "../../etc/passwd", "%00", "2026-02-30", "2026-12-04", "9999-12-31",
    "0001-01-01", "13-11-26", "0000/PMH/PPID/2026", "*:*", "NOW/DAY",
    "terbuka", "rahasia", "dinkes", "ppid-kabupaten", "review", "forward",
    "individual", "copy", "email", "web", "letter", "h", "z",
    "3509121505900003", "budi@example.com", "not an email",
    "due_date asc", "received_at desc", "submitted", ["submitted", 7],
]


@dataclass
class Report:
    payloads: int = 0
    statuses: collections.Counter = field(default_factory=collections.Counter)
    failures: list[tuple[str, str, Any, int, str]] = field(
        default_factory=list)

    def add(self, action, who, data, status, body):
        self.payloads += 1
        self.statuses[status] += 1
        if status >= 500:
            self.failures.append((action, who, data, status, body[:500]))

    def __str__(self) -> str:
        hist = ", ".join(f"{k}: {v}" for k, v in sorted(
            self.statuses.items()))
        return f"{self.payloads} payloads; status histogram {{{hist}}}; " \
            f"{len(self.failures)} server errors"


def action_params(name: str) -> list[str]:
    """The action's documented parameters (``:param x:`` lines)."""
    doc = tk.get_action(name).__doc__ or ""
    return re.findall(r":param ([\w-]+):", doc)


def _value(rng: random.Random, real: list[Any]) -> Any:
    roll = rng.random()
    if roll < 0.3 and real:
        value = rng.choice(real)
        if isinstance(value, str) and rng.random() < 0.3:
            # a real value spoiled in the middle
            cut = rng.randrange(len(value) + 1)
            value = value[:cut] + rng.choice(["\x00", "\ud800", " ", "%"]) \
                + value[cut:]
        return value
    return rng.choice(NASTY)


def payload(rng: random.Random, params: list[str],
            real: list[Any]) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for name in params:
        if rng.random() < 0.6:
            data[name] = _value(rng, real)
    if rng.random() < 0.1:
        data[rng.choice(["\ud800", "x\x00", "unknown", "__extras"])] = \
            _value(rng, real)
    return data


def _dumps(data: Any) -> str:
    # lone surrogates travel as JSON escapes, as an attacker sends them
    return json.dumps(data, ensure_ascii=True)


def run(app, actions: list[str], callers: dict[str, dict[str, str]],
        real: list[Any], count: int, seed: int = 13) -> Report:
    """Send ``count`` payloads spread over ``actions``; ``callers`` maps a
    name to the request headers of that caller."""
    rng = random.Random(seed)
    params = {name: action_params(name) for name in actions}
    report = Report()
    who_names = sorted(callers)
    for _n in range(count):
        action = rng.choice(actions)
        who = rng.choice(who_names)
        data = payload(rng, params[action], real)
        url = f"/api/3/action/{action}"
        func = tk.get_action(action)
        resp = None
        if getattr(func, "side_effect_free", False) and rng.random() < 0.2:
            query = {k: v if isinstance(v, str) else _dumps(v)
                     for k, v in data.items() if isinstance(k, str)}
            try:
                resp = app.get(url, query_string=query,
                               headers=callers[who])
            except UnicodeEncodeError:
                pass   # not sendable in a URL: as a body instead
        if resp is None:
            resp = app.post(url, data=_dumps(data),
                            content_type="application/json",
                            headers=callers[who])
        report.add(action, who, data, resp.status_code,
                   resp.get_data(as_text=True))
    return report
