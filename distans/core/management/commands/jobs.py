import datetime

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from distans.core import schedule
from distans.core.job_labels import task_name, worker_name
from distans.core.jobs import job_statuses, task_queue, workers_seen


def _when(moment) -> str:
    return formats.date_format(timezone.localtime(moment), "SHORT_DATETIME_FORMAT") if moment else _("never")


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
            help="The language of the list: the jobs' names, what they did, the words around them.",
        )

    def handle(self, *args, start: bool, run: str | None, language: str, **options):
        with translation.override(language):
            if start:
                schedule.ensure_schedule(within=datetime.timedelta(0))
                self.stdout.write(_("The schedule is queued."))
            if run:
                keys = dict(schedule.registered())
                if run not in keys:
                    raise CommandError(
                        _("No job is called %(key)s. Jobs: %(keys)s") % {"key": run, "keys": ", ".join(keys)}
                    )
                schedule.job_run_now.enqueue(run)
                self.stdout.write(_("%(key)s is queued; a worker runs it.") % {"key": run})
            if not (start or run):
                self._list()

    def _list(self):
        # Each job: its name and key on one line (.ci/production looks for the key at its end), then how
        # its last run ended on the next.
        for status in job_statuses():
            last = status.last
            ended = (
                _("%(when)s, %(outcome)s (attempt %(attempt)s)")
                % {
                    "when": _when(last.started_at),
                    "outcome": last.get_outcome_display().lower(),
                    "attempt": last.attempt,
                }
                if last
                else _("never")
            )
            lines = [
                f"{status.name} ({status.key})",
                "    "
                + _("%(every)s · last run: %(last)s · last success: %(success)s · next: %(next)s")
                % {
                    "every": _("Daily") if status.daily else _("Hourly"),
                    "last": ended,
                    "success": _when(status.last_success),
                    "next": _when(status.next_at),
                },
            ]
            if status.result:
                lines.append(f"    {status.result}")
            if last and last.error:
                lines.append(
                    "    " + _("Error message, for administrators: %(error)s") % {"error": last.error}
                )
            self.stdout.write("\n".join(lines))
        queue = task_queue()
        self.stdout.write(
            _(
                "Tasks due: %(due)s (the oldest has waited %(waited)s s) · running: %(running)s · "
                "failed: %(failed)s"
            )
            % {
                "due": queue.due,
                "waited": round(queue.oldest_due_seconds),
                "running": queue.running,
                "failed": sum(queue.failed.values()),
            }
        )
        for name, count in sorted((task_name(name), count) for name, count in queue.failed.items()):
            self.stdout.write(f"    {name}: {count}")
        workers = workers_seen()
        self.stdout.write(_("Task workers seen in the last day: %(count)s") % {"count": len(workers)})
        for place, beat in enumerate(workers, 1):
            name = worker_name(beat.worker_id, place)
            self.stdout.write(
                "    " + _("%(name)s, last seen %(seen)s") % {"name": name, "seen": _when(beat.seen_at)}
            )
