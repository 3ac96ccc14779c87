import datetime

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone, translation

from distans.core import schedule
from distans.core.jobs import job_statuses, task_queue, workers_seen


def _when(moment) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M") if moment else "never"


class Command(BaseCommand):
    help = (
        "List the periodic jobs: when each last ran, how it ended, when it runs next. "
        "--start makes sure the schedule runs; --run KEY runs one job now through a worker."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--start", action="store_true", help="Queue the schedule's tick unless one waits."
        )
        parser.add_argument("--run", metavar="KEY", help="Queue one job to run now, out of turn.")
        parser.add_argument(
            "--language",
            choices=[code for code, _name in settings.LANGUAGES],
            default=settings.LANGUAGE_CODE,
            help="The language of the jobs' names and what they did.",
        )

    def handle(self, *args, start: bool, run: str | None, language: str, **options):
        if start:
            schedule.ensure_schedule(within=datetime.timedelta(0))
            self.stdout.write("The schedule is queued.")
        if run:
            if run not in dict(schedule.registered()):
                raise CommandError(f"No job is called {run}. Jobs: {', '.join(dict(schedule.registered()))}")
            schedule.job_run_now.enqueue(run)
            self.stdout.write(f"{run} is queued; a worker runs it.")
        if start or run:
            return
        with translation.override(language):
            self._list()

    def _list(self):
        for status in job_statuses():
            last = status.last
            outcome = f"{last.outcome} (attempt {last.attempt})" if last else "never ran"
            every = "daily" if status.daily else "hourly"
            line = (
                f"{status.name} ({status.key})\n    {every:<7} last {_when(last and last.started_at)} "
                f"{outcome:<22} last success {_when(status.last_success)}  next {_when(status.next_at)}"
            )
            if status.result:
                line += f"\n    {status.result}"
            if last and last.error:
                line += f"\n    {last.error}"
            self.stdout.write(line)
        queue = task_queue()
        workers = workers_seen()
        self.stdout.write(
            f"Tasks due {queue.due} (oldest waited {queue.oldest_due_seconds:.0f} s), "
            f"running {queue.running}, failed {sum(queue.failed.values())}; "
            f"workers seen in the last day: {len(workers)}"
            + (f", last at {_when(workers[0].seen_at)}" if workers else "")
        )
