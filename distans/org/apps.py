from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrgConfig(AppConfig):
    name = "distans.org"
    label = "org"
    verbose_name = _("Organisation")

    def ready(self):
        from distans.core import home
        from distans.core.job_labels import job_words
        from distans.core.menu import Group, MenuItem, menu
        from distans.org import words
        from distans.org.permissions import can_import_org
        from distans.org.queries import attention_for, team_section, you_section

        home.attention_sources.subscribe("org", attention_for)
        home.sections.subscribe("org.you", you_section)
        home.sections.subscribe("org.team", team_section)
        job_words.subscribe("org", words.job_words)
        menu.register(
            MenuItem(Group.ORGANISATION, 10, _("People"), "org:directory"),
            MenuItem(Group.ORGANISATION, 20, _("Units"), "org:unit_list"),
            MenuItem(Group.ORGANISATION, 30, _("Sites"), "org:site_list"),
            MenuItem(Group.ADMIN, 10, _("Import"), "org:import", can_import_org),
        )
