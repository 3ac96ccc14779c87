"""A deviation's handling log becomes rows: "2026-11-30 18:01 Name: text" lines written into one text
field are moved into notes with their time as data; any other text becomes one note."""

import datetime
import re

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models
from django.utils import timezone

STAMPED = re.compile(r"^(\d{4}-\d{2}-\d{2} \d{2}:\d{2}) (.+?): (.*)$")


def _name(person):
    return f"{person.first_name} {person.last_name}".strip() if person else None


def to_notes(apps, schema_editor):
    Deviation = apps.get_model("followup", "Deviation")
    DeviationNote = apps.get_model("followup", "DeviationNote")
    notes = []
    for deviation in Deviation.objects.exclude(actions_taken="").select_related("handler", "closed_by"):
        people = {_name(p): p for p in (deviation.handler, deviation.closed_by) if p}
        for line in deviation.actions_taken.splitlines():
            if not line.strip():
                continue
            if match := STAMPED.match(line):
                stamp, name, text = match.groups()
                at = timezone.make_aware(datetime.datetime.fromisoformat(stamp))
                author = people.get(name)
                text = text if author else f"{name}: {text}"
            else:
                at, author, text = deviation.closed_at or deviation.reported_at, deviation.closed_by, line
            notes.append(DeviationNote(deviation=deviation, at=at, author=author, text=text))
    DeviationNote.objects.bulk_create(notes)


def to_text(apps, schema_editor):
    """Back: the notes written into the text again, as the old code wrote them."""
    Deviation = apps.get_model("followup", "Deviation")
    DeviationNote = apps.get_model("followup", "DeviationNote")
    lines: dict[int, list[str]] = {}
    for note in DeviationNote.objects.select_related("author").order_by("at", "pk"):
        stamp = timezone.localtime(note.at).strftime("%Y-%m-%d %H:%M")
        lines.setdefault(note.deviation_id, []).append(f"{stamp} {_name(note.author) or '–'}: {note.text}")
    for deviation_id, text in lines.items():
        Deviation.objects.filter(pk=deviation_id).update(actions_taken="\n".join(text))


class Migration(migrations.Migration):
    dependencies = [
        ("followup", "0003_verbose_names"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="DeviationNote",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("at", models.DateTimeField(default=django.utils.timezone.now)),
                ("text", models.TextField(max_length=3000)),
                (
                    "author",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "deviation",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="notes", to="followup.deviation"
                    ),
                ),
            ],
            options={
                "verbose_name": "handling note",
                "verbose_name_plural": "handling notes",
                "ordering": ["at", "pk"],
            },
        ),
        migrations.RunPython(to_notes, to_text),
        migrations.RemoveField(model_name="deviation", name="actions_taken"),
    ]
