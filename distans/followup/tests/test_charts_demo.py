"""On the demo as `manage.py demo` builds it: the pulse, attachment watch and follow-up pages draw their
charts with the figures the page's own tables and the data hold, in Swedish, and no unit under the
minimum group gets a point."""

import re
from decimal import ROUND_HALF_UP, Decimal

from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import formats, timezone, translation

from distans.followup import queries
from distans.followup.models import Deviation
from distans.org.models import Person


def signed_in(email: str, language: str = "sv") -> Client:
    person = Person.objects.get(email=email)
    person.language = language
    person.save()
    client = Client()
    client.force_login(person)
    return client


def figures(page: str, name: str) -> dict[str, list[str]]:
    """A chart's table behind the drawing: each row's header and cells."""
    start = page.index(f'aria-labelledby="{name}-title"')
    table = page[page.index("<tbody>", start) : page.index("</tbody>", start)]
    return {
        row[0]: row[1:]
        for row in (
            re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", line) for line in re.findall(r"<tr>(.*?)</tr>", table)
        )
    }


def test_the_demo_s_charts_show_the_figures_of_their_pages(db):
    call_command("demo", "--people", "120", verbosity=0)
    hr = "elin.sjoberg@nordvik.example"
    page = signed_in(hr).get(reverse("followup:pulse")).content.decode()
    assert '<svg class="chart-svg"' in page
    latest = queries.pulse_next_to_remote_share(timezone.localdate())[-1]
    shown = [row for row in latest["units"] if row["shown"]]
    hidden = [row["unit"] for row in latest["units"] if not row["shown"]]
    assert shown and hidden, "the demo has units above and below the minimum group"
    pulse = figures(page, "pulse-trend")
    with translation.override("sv"):
        for row in shown:
            averages = [cell.average for cell in row["cells"]]
            mean = (sum(averages) / len(averages)).quantize(Decimal("0.1"), ROUND_HALF_UP)
            assert pulse[row["unit"]] == ["–", "–", "–", formats.number_format(mean, 1)], row["unit"]
        assert set(pulse) == {row["unit"] for row in shown}, "no row, no point for a group under the minimum"
    assert page.count('class="chart-dot') == 2 * len(shown), "one point per unit in each of the two charts"

    manager = "bjorn.ekstrom@nordvik.example"
    page = signed_in(manager).get(reverse("followup:attachment")).content.decode()
    watched = queries.attachment_watch(Person.objects.get(email=manager), timezone.localdate())
    if watched:
        attachment = figures(page, "attachment-trend")
        assert attachment == {row["name"]: [str(count) for count in row["weeks"]] for row in watched[:8]}
    else:
        assert "attachment-trend" not in page

    page = signed_in(hr).get(reverse("followup:overview")).content.decode()
    by_kind = figures(page, "deviations-by-kind")
    with translation.override("sv"):
        for kind, label in Deviation._meta.get_field("kind").choices:
            count = Deviation.objects.filter(kind=kind).count()
            assert by_kind[str(label)][-1] == str(count), label
