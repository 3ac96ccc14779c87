"""The demo organisation is built in steps, each owned by the app whose data it writes. Core knows none
of them: each app registers its steps in `AppConfig.ready`, and `manage.py demo` runs them by `order`
(later steps read what earlier ones wrote, so the order is explicit rather than the apps' order).

    demo_steps.register(DemoStep(order=60, key="agreements.history",
                                 build="distans.agreements.history_demo.history_demo",
                                 added="Added the agreements signed in the past months…", analyze_after=True))

Every step is idempotent: it returns False, and changes nothing, when its part is already there. A step
names its function by dotted path, imported only when the demo runs, so starting Distans does not load
the demo code (or what it imports, such as the planner).
"""

import inspect
from collections.abc import Callable
from dataclasses import dataclass

from django.utils.module_loading import import_string

from distans.core.bulk import analyze


@dataclass(frozen=True)
class DemoStep:
    order: int
    key: str
    build: str  # dotted path of a function taking any of people=, seed=; True when it added something
    added: str  # what `manage.py demo` says when the step added something (English: a developer's tool)
    analyze_after: bool = False  # the next steps read what this one wrote in bulk

    def run(self, *, people: int, seed: int) -> bool:
        build = import_string(self.build)
        accepted = inspect.signature(build).parameters
        options = {name: value for name, value in (("people", people), ("seed", seed)) if name in accepted}
        return bool(build(**options))


class DemoSteps:
    def __init__(self) -> None:
        self._steps: dict[str, DemoStep] = {}

    def register(self, step: DemoStep) -> None:
        """The same key again replaces the step, so `ready()` running twice changes nothing."""
        self._steps[step.key] = step

    def in_order(self) -> list[DemoStep]:
        return sorted(self._steps.values(), key=lambda step: step.order)

    def run(self, *, people: int, seed: int, say: Callable[[str], object]) -> None:
        for step in self.in_order():
            if step.run(people=people, seed=seed):
                say(step.added)
                if step.analyze_after:
                    analyze()


demo_steps = DemoSteps()
