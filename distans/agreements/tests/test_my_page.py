"""My page's card on one's remote work: the request or agreement, the next step and who has it."""

import re

from django.urls import reverse

from distans.agreements import services as agreement_services
from distans.arrangements import services
from distans.arrangements.testing import assessed, draft
from distans.core.testing import CAST_PASSWORD, html


def _card(client, person) -> str:
    client.force_login(person)
    page = html(client.get(reverse("core:my_page")))
    card = page.split('aria-labelledby="remote-work-title"')[1].split("</section>")[0]
    return re.sub(r"\s+", " ", card)


def test_without_a_request_the_card_offers_one(client, cast):
    card = _card(client, cast["employee"])
    assert "You have no remote work agreement." in card and reverse("arrangements:new") in card


def test_a_request_in_review_waits_for_the_managers_decision(client, cast):
    employee, manager = cast["employee"], cast["manager"]
    assessed(employee, manager)
    services.request_submit(actor=employee, request=draft(employee))
    card = _card(client, employee)
    assert "Your request waits for Björn Ekström's decision (since" in card


def test_an_agreement_sent_for_signature_waits_for_hers_then_his(client, cast, agreement):
    employee, manager = cast["employee"], cast["manager"]
    assert "Björn Ekström checks it and sends it to you for signature" in _card(client, employee)
    agreement_services.agreement_send(actor=manager, agreement=agreement)
    card = _card(client, employee)
    assert "Your agreement waits for your signature." in card and "Read and sign" in card
    agreement_services.agreement_sign(
        actor=employee, agreement=agreement, accepted=True, password=CAST_PASSWORD
    )
    assert "it waits for Björn Ekström's signature" in _card(client, employee)


def test_an_agreement_in_effect_says_since_when(client, cast, active):
    card = _card(client, cast["employee"])
    assert "Your agreement has been in effect since" in card and "Make a request" not in card
