"""The demo's monitoring data (``data/monitoring.yaml``): some datasets
last updated long ago, so that the dashboard lists late ones, and a year of
downloads of open data with the download form's answers. Idempotent: the
dates are set back once, the downloads logged only while none are.

There is no action that ages a dataset or logs a download (a download is
logged by the download route itself), so this is the one part of the seed
that writes to the tables directly."""
from __future__ import annotations

import datetime as dt
import random
from typing import Any, Callable

import ckan.model as model
import sqlalchemy as sa

from ..classification import classes as C
from ..model import OpenDownload
from ..monitoring import downloads


def _weighted(rng: random.Random, weights: dict[str, int]) -> str | None:
    keys = list(weights)
    value = rng.choices(keys, weights=[weights[k] for k in keys])[0]
    return value or None


def age_datasets(late: dict[str, int]) -> int:
    now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
    n = 0
    for name, days in late.items():
        pkg = model.Package.by_name(name)
        if pkg is None:
            continue
        # once: a dataset already that old is left alone
        n += model.Session.execute(sa.text(
            "UPDATE package SET metadata_modified = :when WHERE id = :id "
            "AND metadata_modified > :when + interval '1 day'"),
            {"when": now - dt.timedelta(days=days), "id": pkg.id}).rowcount
    model.Session.commit()
    return n


def log_downloads(spec: dict[str, Any]) -> int:
    if model.Session.query(OpenDownload.id).first() is not None:
        return 0
    pkgs = [p for p in model.Session.query(model.Package)
            .filter(model.Package.state == "active",
                    model.Package.private.is_(False))
            .order_by(model.Package.name)
            if C.is_open(p.extras)]
    if not pkgs:
        return 0
    rng = random.Random(spec.get("seed", 0))
    weights = [1.0 / (i + 1) for i in range(len(pkgs))]
    rng.shuffle(weights)
    now = dt.datetime.now(dt.timezone.utc)
    for _n in range(spec["count"]):
        pkg = rng.choices(pkgs, weights=weights)[0]
        answers = {name: _weighted(rng, spec[name])
                   for name in ("audience", "sector", "purpose")}
        via = "form" if any(answers.values()) else "skipped"
        model.Session.add(OpenDownload(
            created=now - dt.timedelta(minutes=rng.randint(
                0, spec["days"] * 24 * 60)),
            package_id=pkg.id, owner_org=pkg.owner_org, via=via, **answers))
    model.Session.commit()
    downloads.rebuild_counts()
    return spec["count"]


def seed(spec: dict[str, Any], tally: Callable[[str, str, str], None]
         ) -> None:
    aged = age_datasets(spec.get("late") or {})
    tally("dataset age", "updated" if aged else "unchanged",
          f"{aged} datasets late for update")
    logged = log_downloads(spec["downloads"])
    tally("download log", "created" if logged else "unchanged",
          f"{logged} downloads of open data")
