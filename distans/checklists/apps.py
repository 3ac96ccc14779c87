from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ChecklistsConfig(AppConfig):
    name = "distans.checklists"
    verbose_name = _("Checklists")

    def ready(self):
        from distans.checklists.queries import attention_for, person_link
        from distans.core import home
        from distans.core.demo import DemoStep, demo_steps
        from distans.org.hooks import person_links

        home.attention_sources.subscribe("checklists", attention_for)
        person_links.subscribe("checklists", person_link)
        demo_steps.register(
            DemoStep(
                20,
                "checklists",
                "distans.checklists.demo.checklists_demo",
                "Added the demo checklists: assessments, checks and a pulse round.",
            )
        )
