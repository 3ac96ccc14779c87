import time

from django.core.management.base import BaseCommand, CommandError

from distans.core.demo import demo_steps
from distans.org.demo import DEMO_PASSWORD, MIN_PEOPLE, demo_load, demo_logins


class Command(BaseCommand):
    help = "Load the demo organisation (Nordvik Group) and its checklists. Running it again changes nothing."

    def add_arguments(self, parser):
        parser.add_argument("--people", type=int, default=300, help="how many people (default 300)")
        parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")

    def handle(self, *args, people: int, seed: int, **options):
        if people < MIN_PEOPLE:
            raise CommandError(f"--people must be at least {MIN_PEOPLE}.")
        started = time.monotonic()
        if demo_load(people=people, seed=seed):
            self.stdout.write(
                f"Loaded the demo organisation: {people} people in {time.monotonic() - started:.1f} s."
            )
        else:
            self.stdout.write("The demo organisation is already loaded; nothing changed.")
        # The other apps' parts, registered in their AppConfig.ready (see distans.core.demo).
        demo_steps.run(people=people, seed=seed, say=self.stdout.write)
        self.stdout.write(f"\nDemo logins (password: {DEMO_PASSWORD}):")
        for login in demo_logins():
            self.stdout.write(f"  {login.role:<12} {login.email:<36} {login.name}")
