from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from distans.org.importing import ImportRejected
from distans.org.invitations import person_invite
from distans.org.services import org_import


class Command(BaseCommand):
    help = "Import people, units, positions and sites from a CSV file (all rows or none)."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        mode = parser.add_mutually_exclusive_group()
        mode.add_argument("--dry-run", action="store_true", help="check only, save nothing")
        mode.add_argument(
            "--invite",
            action="store_true",
            help="invite the new people to choose a password (by e-mail, from a worker)",
        )

    def handle(self, *args, file: Path, dry_run: bool, invite: bool, **options):
        try:
            data = file.read_bytes()
        except OSError as exc:
            raise CommandError(f"Cannot read {file}: {exc.strerror}.") from exc
        try:
            summary = org_import(actor=None, data=data, dry_run=dry_run)
        except ImportRejected as rejected:
            for problem in rejected.problems:
                where = f"row {problem.row}" if problem.row else "file"
                column = f", {problem.column}" if problem.column else ""
                self.stderr.write(f"{where}{column}: {problem.message}")
            raise CommandError(f"Nothing was imported: {len(rejected.problems)} problem(s) to fix.") from None
        prefix = "Checked (nothing saved): " if dry_run else "Imported: "
        self.stdout.write(
            f"{prefix}{summary.created} new, {summary.updated} updated, {summary.unchanged} "
            f"unchanged; new units {summary.units_created}, positions "
            f"{summary.positions_created}, sites {summary.sites_created}."
        )
        for skipped in summary.skipped:
            self.stdout.write(f"row {skipped.row} skipped: {skipped.message}")
        if invite:
            sent = person_invite(actor=None, person_ids=[p.pk for p in summary.new_people])
            self.stdout.write(
                f"Invitations queued for {sent} new people; a worker (manage.py db_worker) sends them."
            )
