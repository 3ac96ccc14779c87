"""The country abroad is chosen from a list and stored as its ISO 3166 code. A country typed by name
before (in English, Swedish, Norwegian or Danish, in any case) becomes its code; anything else stays as
it was typed, and is shown so."""

from django.db import migrations

from distans.core.places import country_choices


def names_to_codes(apps, schema_editor):
    Request = apps.get_model("arrangements", "Request")
    codes = {}
    for language in ("en", "sv", "nb", "da"):
        for code, name in country_choices(language):
            codes[name.casefold()] = codes[code.casefold()] = code
    for pk, typed in Request.objects.exclude(abroad_country="").values_list("pk", "abroad_country"):
        code = codes.get(typed.strip().casefold())
        if code and code != typed:
            Request.objects.filter(pk=pk).update(abroad_country=code)


class Migration(migrations.Migration):
    dependencies = [("arrangements", "0004_agreements_move_out")]

    operations = [migrations.RunPython(names_to_codes, migrations.RunPython.noop)]
