"""My page tells the person when her arrangement is next followed up, and with whom."""

import datetime

from django.urls import reverse
from django.utils import formats

from distans.followup import services


def test_my_page_shows_the_next_follow_up_conversation_and_who_holds_it(client, cast, active):
    first = services.evaluation_schedule_first(active)
    client.force_login(cast["employee"])
    page = client.get(reverse("core:my_page")).content.decode()
    date = formats.date_format(first.due_date, "DATE_FORMAT")
    assert f"Your next follow-up conversation is on {date}, with {cast['manager'].full_name}" in page
    assert reverse("followup:evaluation", args=[first.pk]) in page

    # Brought forward on request: the card follows the new booking.
    sooner = services.evaluation_on_demand(
        actor=cast["manager"], agreement=active, due=first.due_date - datetime.timedelta(days=30)
    )
    page = client.get(reverse("core:my_page")).content.decode()
    assert formats.date_format(sooner.due_date, "DATE_FORMAT") in page
    assert date not in page


def test_my_page_has_no_follow_up_card_without_a_booked_conversation(client, cast):
    client.force_login(cast["employee"])
    assert "Your next follow-up" not in client.get(reverse("core:my_page")).content.decode()
