"""dev/embedded.py, behind ``make demo`` and ``make test``: stopped by a
service manager, it still stops its PostgreSQL and Redis."""
from __future__ import annotations

import importlib.util
import os
import signal
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def embedded():
    spec = importlib.util.spec_from_file_location(
        "ppidrequest_embedded", ROOT / "dev" / "embedded.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    saved = {sig: signal.getsignal(sig)
             for sig in (signal.SIGTERM, signal.SIGINT)}
    yield module
    for sig, handler in saved.items():
        signal.signal(sig, handler)


# the child signals its parent twice, as a service manager and make do,
# and outlives the first terminate() for a moment (a server shutting down)
CHILD = """
import os, signal, time
signal.signal(signal.SIGTERM, signal.SIG_IGN)
os.kill(os.getppid(), signal.SIGTERM)
time.sleep(0.5)
os.kill(os.getppid(), signal.SIGTERM)
time.sleep(0.5)
"""


def test_a_second_sigterm_does_not_cut_the_shutdown_short(embedded):
    """The second SIGTERM came while the first was being handled: it
    interrupted the shutdown, and Redis stayed running."""
    embedded._interrupt_on_sigterm()
    rc = embedded._run([sys.executable, "-c", CHILD], dict(os.environ))
    # stopped, and said so: the demo starts no further step
    assert rc == embedded.STOPPED
    # what is left of the shutdown still runs; a third signal is ignored
    os.kill(os.getpid(), signal.SIGTERM)
