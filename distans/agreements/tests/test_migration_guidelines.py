"""A database loaded before the Swedish template stopped repeating its work environment paragraph: the
migration rewrites the built-in template as shipped, and nothing HR wrote or anyone signed."""

import importlib

from django.apps import apps

from distans.agreements import builtin, template_services
from distans.agreements.models import AgreementTemplate, AgreementVersion

migration = importlib.import_module(
    "distans.agreements.migrations.0006_swedish_template_without_repeated_paragraph"
)
REPEATED = "Hemarbetsplatsen ingår i det systematiska arbetsmiljöarbetet"


def _as_shipped_before(language: str) -> AgreementTemplate:
    """The built-in template as an older release loaded it: the guidelines with the repeated paragraph."""
    template = AgreementTemplate.objects.get(country="SE", language=language, number=1)
    template.sections = [
        migration._section(migration.OLD[language]) if section["key"] == "guidelines" else section
        for section in template.sections
    ]
    template.save()
    return template


def _bodies(template: AgreementTemplate) -> str:
    template.refresh_from_db()
    return "\n".join(section["body"] for section in template.sections)


def test_the_built_in_template_as_shipped_loses_the_repeated_paragraph_and_hr_s_draft_keeps_it(cast):
    templates = {language: _as_shipped_before(language) for language in builtin.LANGUAGES}
    draft = template_services.agreement_template_draft(actor=cast["hr"], template=templates["sv"])
    assert REPEATED in _bodies(templates["sv"])

    migration.forwards(apps, None)

    for language, template in templates.items():
        template.refresh_from_db()
        assert template.sections == builtin.sections("SE", language), language
    assert REPEATED not in _bodies(templates["sv"])
    assert REPEATED in _bodies(draft)  # HR's own text is HR's to change

    migration.backwards(apps, None)
    assert REPEATED in _bodies(templates["sv"])


def test_a_template_the_organisation_published_and_signed_texts_are_left_alone(cast, active):
    shipped = _as_shipped_before("sv")
    draft = template_services.agreement_template_draft(actor=cast["hr"], template=shipped)
    own = [dict(section, body=section["body"] + " Gäller från 2027.") for section in draft.sections]
    template_services.agreement_template_save(
        actor=cast["hr"], template=draft, title=draft.title, sections=own
    )
    template_services.agreement_template_publish(actor=cast["hr"], template=draft)
    signed = {version.pk: version.text for version in AgreementVersion.objects.all()}
    assert signed

    migration.forwards(apps, None)

    assert REPEATED in _bodies(shipped)  # superseded: the record of what version 1 said stays
    draft.refresh_from_db()
    assert draft.sections == own
    assert {version.pk: version.text for version in AgreementVersion.objects.all()} == signed
