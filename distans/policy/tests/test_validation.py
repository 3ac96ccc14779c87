"""Issue 14: the policy form's date is within the window the forms share; a published version cannot be
changed, a conflict (409)."""

import pytest
from django.urls import reverse

from distans.core.errors import Conflict
from distans.core.testing import post_page
from distans.policy import services
from distans.policy.models import PolicyVersion


def test_a_policy_taking_effect_in_the_year_0001_is_refused_on_the_page(cast):
    draft = services.policy_draft_create(actor=cast["hr"])
    url = reverse("policy:version", args=[draft.pk])
    answer = post_page(cast["hr"], url, {"effective_from": "0001-01-01"})
    assert answer.status_code == 400
    assert "Choose a date between 2000-01-01 and 2100-12-31." in answer.content.decode()
    draft.refresh_from_db()
    assert draft.effective_from.year != 1


def test_a_published_version_cannot_be_changed(cast):
    published = PolicyVersion.objects.get(status=PolicyVersion.Status.PUBLISHED)
    with pytest.raises(Conflict) as refused:
        services.policy_draft_update(actor=cast["hr"], version=published, max_days=5)
    assert refused.value.status == 409
