"""A person's page links to her checklists for those who may see them: checklists answers org's
`person_links` hook."""

from django.urls import reverse


def test_the_person_page_links_to_her_checklists_for_her_manager_not_for_a_colleague(client, cast):
    person = cast["employee"]
    link = reverse("checklists:person", args=[person.pk])
    client.force_login(cast["manager"])
    assert link in client.get(reverse("org:person", args=[person.pk])).content.decode()
    client.force_login(cast["outsider"])
    assert link not in client.get(reverse("org:person", args=[person.pk])).content.decode()
