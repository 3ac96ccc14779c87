from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArrangementsConfig(AppConfig):
    name = "distans.arrangements"
    verbose_name = _("Remote work arrangements")

    def ready(self):
        from distans.arrangements.queries import attention_for
        from distans.core import home
        from distans.core.demo import DemoStep, demo_steps

        home.attention_sources.subscribe("arrangements", attention_for)
        demo_steps.register(
            DemoStep(
                30,
                "arrangements",
                "distans.arrangements.demo.requests_demo",
                "Added the demo requests: approved, waiting, abroad, and one the policy stops.",
            )
        )
