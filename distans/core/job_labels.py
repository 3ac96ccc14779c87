"""The periodic jobs, the background tasks and the task workers in words, in the reader's language (the
Jobs page, `manage.py jobs`, the admin). Core knows none of the jobs or tasks: each app registers the
words for its own in `AppConfig.ready`,

    job_words.subscribe("agreements", job_words_of_agreements)   # () -> JobWords

so that core names them without importing the apps. A key without words (a job added later) is shown as
it is, never hidden.
"""

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from django.utils.translation import gettext, ngettext_lazy
from django.utils.translation import gettext_lazy as _

from distans.core.hooks import Hook

# What a run's count of one thing means, given the count ("2 agreements started").
Counted = Callable[[int], str]


@dataclass(frozen=True)
class JobWords:
    """An app's jobs by their schedule key, what a run of each did by the keys it counts with, and its
    background tasks by their module path."""

    jobs: Mapping[str, Any] = field(default_factory=dict)
    results: Mapping[str, Mapping[str, Counted]] = field(default_factory=dict)
    tasks: Mapping[str, Any] = field(default_factory=dict)


class JobWordsSource(Protocol):
    def __call__(self) -> JobWords: ...


job_words: Hook[JobWordsSource] = Hook("core.job_words")
REMOVED = ngettext_lazy("%(what)s: %(count)s removed", "%(what)s: %(count)s removed", "count")


def counted(phrase) -> Counted:
    """A count said by a plural phrase with %(count)s."""
    return lambda count: phrase % {"count": count}


def removed(what) -> Counted:
    """A count of records removed, by what they are ("Checklists: 2 removed")."""
    return lambda count: REMOVED % {"what": what, "count": count}


def _every_app() -> JobWords:
    words = job_words.collect()
    return JobWords(
        jobs={key: name for each in words for key, name in each.jobs.items()},
        results={key: said for each in words for key, said in each.results.items()},
        tasks={path: name for each in words for path, name in each.tasks.items()},
    )


def job_name(key: str) -> str:
    return str(_every_app().jobs.get(key, key))


def job_result(key: str, counts: dict[str, int]) -> str:
    """What a run did, as a sentence of its non-zero counts ("2 agreements started, 1 agreement ended");
    a run that found nothing to do says so."""
    said = _every_app().results.get(key, {})
    phrases = [
        said[name](count) if name in said else f"{name}: {count}" for name, count in counts.items() if count
    ]
    return ", ".join(phrases) if phrases else str(_("Nothing was due"))


def task_name(task: str) -> str:
    """A background task (its full path) by what it does."""
    return str(_every_app().tasks.get(task, task))


# How the deployment names its workers (`--worker-id %H-%i` in deploy/distans-worker@.service).
WORKER_ID = re.compile(r"(?P<host>.+)-(?P<number>\d+)")


def worker_name(worker_id: str, place: int) -> str:
    """A task worker by where it runs ("Worker 2 on app1"); one started without such a name (a random id)
    by its place in the list."""
    named = WORKER_ID.fullmatch(worker_id)
    if named:
        return gettext("Worker %(number)s on %(host)s") % named.groupdict()
    return gettext("Unnamed worker %(number)s") % {"number": place}
