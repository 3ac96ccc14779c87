import time

from django.core.management.base import BaseCommand, CommandError

from distans.agreements.demo import agreements_demo
from distans.agreements.history_demo import history_demo
from distans.arrangements.demo import requests_demo
from distans.checklists.demo import checklists_demo
from distans.core.bulk import analyze
from distans.followup.demo import evaluations_demo, followup_demo
from distans.org.demo import DEMO_PASSWORD, MIN_PEOPLE, demo_load, demo_logins
from distans.planning.demo import plans_demo, team_settings_demo


class Command(BaseCommand):
    help = ("Load the demo organisation (Nordvik Group) and its checklists. Running it again changes "
            "nothing.")

    def add_arguments(self, parser):
        parser.add_argument("--people", type=int, default=300, help="how many people (default 300)")
        parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")

    def handle(self, *args, people: int, seed: int, **options):
        if people < MIN_PEOPLE:
            raise CommandError(f"--people must be at least {MIN_PEOPLE}.")
        started = time.monotonic()
        if demo_load(people=people, seed=seed):
            self.stdout.write(f"Loaded the demo organisation: {people} people in "
                              f"{time.monotonic() - started:.1f} s.")
        else:
            self.stdout.write("The demo organisation is already loaded; nothing changed.")
        if team_settings_demo():
            self.stdout.write("Added team office days, customer service's minimum and the mailbox duty.")
        if checklists_demo(seed=seed):
            self.stdout.write("Added the demo checklists: assessments, checks and a pulse round.")
        if requests_demo():
            self.stdout.write("Added the demo requests: approved, waiting, abroad, and one the policy stops.")
        if agreements_demo():
            self.stdout.write("Added the demo agreements: in effect in Sweden, Norway (amended) and Denmark.")
        if followup_demo():
            self.stdout.write("Added follow-ups, deviations and equipment on loan.")
        if history_demo(seed=seed):
            self.stdout.write("Added the agreements signed in the past months: about two in three people.")
        analyze()  # the weekly plans below read what was just written in bulk
        if evaluations_demo():
            self.stdout.write("Booked the next evaluation of every agreement in effect.")
        if plans_demo(seed=seed):
            self.stdout.write("Added the weekly plans: usual weeks from the agreements, desks and leave.")
            analyze()
        self.stdout.write(f"\nDemo logins (password: {DEMO_PASSWORD}):")
        for login in demo_logins():
            self.stdout.write(f"  {login.role:<12} {login.email:<36} {login.name}")
