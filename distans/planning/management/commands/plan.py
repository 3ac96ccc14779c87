"""manage.py plan --unit CODE | --site CODE --week 2026-W50 [--time-limit S] [--choose-office-day]"""

from django.core.management.base import BaseCommand, CommandError

from distans.org.models import Site, Unit
from distans.planning import planner, planner_data, rules


class Command(BaseCommand):
    help = "Propose the week's office days for a unit or a site with the planner, and print the summary."

    def add_arguments(self, parser):
        group = parser.add_mutually_exclusive_group(required=True)
        group.add_argument("--unit", help="unit code")
        group.add_argument("--site", help="site code")
        parser.add_argument("--week", required=True, help="ISO week, e.g. 2026-W50")
        parser.add_argument("--time-limit", type=float, default=10.0, help="seconds (default 10)")
        parser.add_argument(
            "--choose-office-day", action="store_true", help="let the planner pick the team day"
        )

    def handle(self, *args, unit, site, week, time_limit, choose_office_day, **options):
        try:
            monday = rules.monday_of(week)
        except ValueError as error:
            raise CommandError("--week must look like 2026-W50.") from error
        try:
            people = (
                planner_data.people_of(unit=Unit.objects.get(code=unit))
                if unit
                else planner_data.people_of(site=Site.objects.get(code=site))
            )
        except (Unit.DoesNotExist, Site.DoesNotExist) as error:
            raise CommandError(f"No such {'unit' if unit else 'site'}: {unit or site}.") from error
        problem, names = planner_data.problem_for(people, monday, choose_office_day=choose_office_day)
        solution = planner.solve(problem, time_limit=time_limit)
        self.stdout.write(
            f"{len(problem.people)} people, week {week}: {solution.status} in {solution.seconds:.1f} s"
        )
        if solution.status == "infeasible":
            self.stdout.write(planner_data.conflicts_sentence(solution))
            return
        if solution.objective is None:
            self.stdout.write("No plan was found in the time allowed; give it more time with --time-limit.")
            return
        gap = f"{100 * solution.gap:.1f} %" if solution.gap is not None else "–"
        self.stdout.write(f"objective {solution.objective:g}, best bound {solution.bound:g}, gap {gap}")
        self.stdout.write("parts: " + ", ".join(f"{name} {value}" for name, value in solution.parts.items()))
        changes = solution.changes(problem)
        self.stdout.write(f"{len(changes)} people would change their office days:")
        for person_id, (before, after) in sorted(changes.items(), key=lambda item: names[item[0]]):
            self.stdout.write(
                f"  {names[person_id]}: {planner_data.weekdays_words(before)} → "
                f"{planner_data.weekdays_words(after)}"
            )
