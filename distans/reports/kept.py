"""A report's figures kept between requests, in the database, where every web process and the task
worker share them.

Figures are computed from the plans, and `planning.queries.plan_stamp` changes with every write to what
plans are made of, so figures are kept with the stamp they were computed at and a page reads them back in
two queries. When the stamp has moved, figures that took little time are computed again on the request;
figures that took longer (a large organisation: seconds) are shown as they were, saying when they were
computed, while the task worker computes them anew. The worker's `refresh` looks every `LOOK_EVERY` for
kept figures someone read within `WANTED` whose stamp has moved, so a change shows within a minute
without waiting for anyone to load the page."""

import datetime
import hashlib
import logging
import pickle  # nosec: only figures this module computed and stored are read back
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils import timezone
from django_tasks import task
from django_tasks_db.models import DBTaskResult

from distans.planning.queries import plan_stamp
from distans.reports.models import KeptFigures

logger = logging.getLogger(__name__)

INLINE_SECONDS = 0.4  # figures computed faster than this are computed again on the request
LOOK_EVERY = datetime.timedelta(seconds=30)
WANTED = datetime.timedelta(days=1)  # figures read within this are kept up to date
FORGET = datetime.timedelta(days=7)  # figures nobody read within this are dropped
BUDGET_SECONDS = 40  # one refresh's work; what is left goes on in the next, queued at once
VERSION = 2  # in every key: figures kept by a release whose classes differ are computed anew

COMPUTE: dict[str, Callable[[Any], Any]] = {}


def computes(report: str):
    """Register the function computing a report's figures from its choice (a frozen dataclass)."""

    def register(function):
        COMPUTE[report] = function
        return function

    return register


@dataclass
class Kept:
    figures: Any  # None: the task worker is computing the first ones
    computed_at: datetime.datetime | None
    current: bool  # computed from the plans as they are now

    @property
    def pending(self) -> bool:
        return self.figures is None


def kept(report: str, selection, *, compute_first: Callable[[], bool]) -> Kept:
    """The report's figures for a choice: kept and current; else computed now if they took little time
    last (or none are kept and `compute_first()` says they are cheap, or wanted at once); else the kept
    ones, or none, while the task worker computes them."""
    key, stamp, now = _key(report, selection), str(plan_stamp()), timezone.now()
    row = KeptFigures.objects.filter(key=key).first()
    figures = _load(row)
    if row is not None and figures is not None:
        if now - row.wanted_at > datetime.timedelta(hours=1):
            KeptFigures.objects.filter(pk=key).update(wanted_at=now)
        if row.stamp == stamp:
            return Kept(figures, row.computed_at, True)
        if row.seconds >= INLINE_SECONDS:
            queue(at_once=True)
            return Kept(figures, row.computed_at, False)
    elif not compute_first():
        _store(key, report, selection, wanted_at=now)
        queue(at_once=True)
        return Kept(None, None, False)
    row = _compute(report, selection, stamp, wanted_at=now)
    return Kept(_load(row), row.computed_at, True)


def _key(report: str, selection) -> str:
    return hashlib.sha256(f"{VERSION}:{report}:{selection!r}".encode()).hexdigest()


def _load(row: KeptFigures | None):
    if row is None or row.figures is None:
        return None
    try:
        return pickle.loads(row.figures)  # nosec: written by `_compute`
    except Exception:  # kept by an earlier release: computed anew
        return None


def _store(key: str, report: str, selection, **values) -> KeptFigures:
    """Insert or replace the row in one statement: two processes storing the same figures both succeed."""
    row = KeptFigures(key=key, report=report, selection=pickle.dumps(selection), **values)
    KeptFigures.objects.bulk_create(
        [row], update_conflicts=True, unique_fields=["key"], update_fields=["report", "selection", *values]
    )
    return row


def _compute(report: str, selection, stamp: str, *, wanted_at: datetime.datetime) -> KeptFigures:
    began = time.perf_counter()
    figures = COMPUTE[report](selection)
    return _store(
        _key(report, selection),
        report,
        selection,
        stamp=stamp,
        computed_at=timezone.now(),
        seconds=time.perf_counter() - began,
        wanted_at=wanted_at,
        figures=pickle.dumps(figures),
    )


def queue(*, at_once: bool = False) -> None:
    """Queue a refresh unless one is already waiting (a burst of requests queues one)."""
    if not DBTaskResult.objects.filter(task_path=refresh.module_path, status="READY").exists():
        refresh.using(run_after=timezone.now() + (datetime.timedelta(0) if at_once else LOOK_EVERY)).enqueue()


@task()
def refresh() -> dict[str, int]:
    """Compute anew the figures someone read lately whose plans changed, the most recently read first;
    then look again in `LOOK_EVERY` while any are read."""
    now, began = timezone.now(), time.perf_counter()
    stamp = str(plan_stamp())
    KeptFigures.objects.filter(wanted_at__lt=now - FORGET).delete()
    DBTaskResult.objects.filter(
        task_path=refresh.module_path, status="SUCCESSFUL", finished_at__lt=now - datetime.timedelta(hours=1)
    ).delete()
    wanted = KeptFigures.objects.filter(wanted_at__gte=now - WANTED)
    computed = failed = 0
    for row in (
        wanted.exclude(stamp=stamp).order_by("-wanted_at").only("key", "report", "selection", "wanted_at")
    ):
        if time.perf_counter() - began > BUDGET_SECONDS:
            queue(at_once=True)
            break
        try:
            _compute(row.report, pickle.loads(row.selection), stamp, wanted_at=row.wanted_at)  # nosec
            computed += 1
        except Exception:  # a unit since deleted, a release whose choices differ: computed when read
            logger.exception("Could not compute the kept figures of %s.", row.report)
            KeptFigures.objects.filter(pk=row.pk).delete()
            failed += 1
    if wanted.exists():
        queue()
    return {"computed": computed, "failed": failed}
