# ruff: noqa: E501  (legal text reads better unbroken than wrapped to the line length)
"""The built-in Swedish template (country SE, in each language) said twice that the home workplace is
part of the systematic work environment management: in its work environment section and again in its
guidelines. The template source no longer repeats it; this rewrites a database's stored built-in template
the same way, but only where it is still as shipped: the built-in version 1, not superseded by a version
the organisation published, its guidelines section exactly the old text. Templates HR wrote and the
texts of agreements (frozen in their versions) are never touched."""

from django.db import migrations

# The guidelines section by language, (title, body): as shipped before, and now (agreements.builtin).
OLD = {
    "en": (
        "Guidelines and work environment management",
        "The organisation's guidelines for remote work apply. The home workplace is part of the systematic work environment management: its risk assessment and action plan are followed up every year.",
    ),
    "sv": (
        "Riktlinjer och systematiskt arbetsmiljöarbete",
        "Organisationens riktlinjer för distansarbete gäller. Hemarbetsplatsen ingår i det systematiska arbetsmiljöarbetet: riskbedömningen och handlingsplanen följs upp varje år.",
    ),
    "nb": (
        "Retningslinjer og systematisk arbeidsmiljøarbeid",
        "Organisasjonens retningslinjer for fjernarbeid gjelder. Hjemmearbeidsplassen inngår i det systematiske arbeidsmiljøarbeidet: risikovurderingen og handlingsplanen følges opp hvert år.",
    ),
    "da": (
        "Retningslinjer og systematisk arbejdsmiljøarbejde",
        "Organisationens retningslinjer for fjernarbejde gælder. Hjemmearbejdspladsen indgår i det systematiske arbejdsmiljøarbejde: risikovurderingen og handlingsplanen følges op hvert år.",
    ),
}
NEW = {
    "en": ("Guidelines", "The organisation's guidelines for remote work apply."),
    "sv": ("Riktlinjer", "Organisationens riktlinjer för distansarbete gäller."),
    "nb": ("Retningslinjer", "Organisasjonens retningslinjer for fjernarbeid gjelder."),
    "da": ("Retningslinjer", "Organisationens retningslinjer for fjernarbejde gælder."),
}


def _section(texts: tuple[str, str]) -> dict:
    return {"key": "guidelines", "when": "", "title": texts[0], "body": texts[1]}


def _rewrite(apps, before: dict, after: dict) -> None:
    AgreementTemplate = apps.get_model("agreements", "AgreementTemplate")
    for language in before:
        template = AgreementTemplate.objects.filter(
            country="SE", language=language, number=1, status="published", created_by=None
        ).first()
        if template is None or AgreementTemplate.objects.filter(
            country="SE", language=language, status="published", number__gt=1
        ).exists():
            continue  # none loaded, or the organisation's own version is the one in use
        old = _section(before[language])
        if old not in template.sections:
            continue  # not as shipped
        template.sections = [
            _section(after[language]) if section == old else section for section in template.sections
        ]
        template.save(update_fields=["sections"])


def forwards(apps, schema_editor):
    _rewrite(apps, OLD, NEW)


def backwards(apps, schema_editor):
    _rewrite(apps, NEW, OLD)


class Migration(migrations.Migration):
    dependencies = [("agreements", "0005_verbose_names_2")]
    operations = [migrations.RunPython(forwards, backwards)]
