from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    """Access to one's data, retention, erasure and the privacy notice; it reads every app, nothing
    imports it."""

    name = "distans.privacy"
    verbose_name = _("Privacy")

    def ready(self):
        from distans.core import home
        from distans.core.audit import audit_words
        from distans.core.demo import DemoStep, demo_steps
        from distans.core.job_labels import job_words
        from distans.core.menu import Group, MenuItem, menu
        from distans.core.permissions import is_admin, is_hr
        from distans.core.schedule import daily_jobs
        from distans.org.hooks import person_choices
        from distans.privacy import words
        from distans.privacy.forms import PRIVACY_PERSON, privacy_person_choices
        from distans.privacy.my_page import attention_for, your_data_section
        from distans.privacy.services import retention_daily

        home.sections.subscribe("privacy.your_data", your_data_section)
        home.attention_sources.subscribe("privacy", attention_for)
        daily_jobs.subscribe("privacy.retention", retention_daily)
        job_words.subscribe("privacy", words.job_words)
        audit_words.subscribe("privacy", words.audit_words)
        person_choices.subscribe(PRIVACY_PERSON, privacy_person_choices)
        from distans.org.hooks import person_page_sections
        from distans.privacy.person_page import person_section

        person_page_sections.subscribe("privacy.holds", person_section)
        demo_steps.register(
            DemoStep(
                order=90,
                key="privacy",
                build="distans.privacy.demo.privacy_demo",
                added="Published the privacy notice and recorded an access request for HR to answer.",
            )
        )
        # My work is full (seven items): an employee finds her data on My page and under Organisation.
        menu.register(
            MenuItem(Group.ORGANISATION, 50, _("Privacy"), "privacy:notice"),
            MenuItem(Group.HR_SETUP, 40, _("Privacy and retention"), "privacy:overview", is_hr),
            MenuItem(
                Group.ADMIN,
                40,
                _("Privacy and retention"),
                "privacy:overview",
                lambda user: is_admin(user) and not is_hr(user),
            ),
        )
        menu.place_under(
            {
                "privacy:mine": "privacy:notice",
                "privacy:notice_version": "privacy:notice",
                "privacy:access_request": "privacy:overview",
                "privacy:retention": "privacy:overview",
                "privacy:record": "privacy:overview",
                "privacy:settings": "privacy:overview",
                "privacy:hold_lift": "privacy:overview",
            }
        )
