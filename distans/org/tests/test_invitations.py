"""First sign-in for imported people: invitations, and the password reset for people with no password."""

import datetime
import re

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse

from distans.core.models import AuditEntry
from distans.core.testing import run_due_tasks
from distans.org.invitations import person_invite
from distans.org.models import Person
from distans.org.services import org_import
from distans.org.testing import GOOD_ROWS, csv_bytes

NEW_PASSWORD = "tulips in the rain 42"


def browser(person=None) -> Client:
    client = Client(enforce_csrf_checks=True)
    if person is not None:
        client.force_login(person)
    return client


def submit(client, url, data, *, page=None):
    """Post a form as a browser does: with the CSRF token from the page it is on."""
    html = client.get(page or url).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    return client.post(url, {**data, "csrfmiddlewaretoken": token})


def link_in(message) -> str:
    """The path of the only link in an e-mail."""
    (url,) = re.findall(r"https?://\S+", message.body)
    return re.sub(r"^https?://[^/]+", "", url)


def choose_password(client, link) -> None:
    set_password_page = client.get(link)
    assert set_password_page.status_code == 302  # Django hides the token from the address bar
    response = submit(
        client, set_password_page.url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    )
    assert response.status_code == 302, response.content.decode()


def sign_in(client, email):
    response = submit(client, reverse("login"), {"username": email, "password": NEW_PASSWORD})
    assert response.status_code == 302 and response.url == reverse("core:my_page")
    return client.get(response.url)


@pytest.fixture
def imported(cast):
    """The four people of the import test's file, stored as the import stores them."""
    org_import(actor=cast["admin"], data=csv_bytes(GOOD_ROWS))
    return {p.first_name: p for p in Person.objects.filter(employee_number__in=["1", "2", "3", "4"])}


def test_an_imported_person_resets_the_password_they_never_had_and_signs_in(imported):
    asa = imported["Åsa"]
    assert not asa.has_usable_password()
    client = browser()
    response = submit(client, reverse("password_reset"), {"email": "ASA@Nordvik.example"})
    assert response.status_code == 302
    (message,) = mail.outbox
    assert message.to == ["asa@nordvik.example"]
    assert "lösenord" in message.body  # Swedish, her language
    choose_password(client, link_in(message))
    page = sign_in(client, "asa@nordvik.example")
    assert "<h1>Min sida</h1>" in page.content.decode()


def test_a_deactivated_person_gets_no_reset_link(imported):
    Person.objects.filter(pk=imported["Åsa"].pk).update(is_active=False)
    submit(browser(), reverse("password_reset"), {"email": "asa@nordvik.example"})
    assert mail.outbox == []


def test_hr_invites_one_person_from_their_page(cast, imported):
    asa, elin = imported["Åsa"], cast["hr"]
    hr = browser(elin)
    page = hr.get(reverse("org:person", args=[asa.pk])).content.decode()
    assert "<dt>Password</dt><dd>Not chosen yet</dd>" in page
    assert "<dt>Last signed in</dt><dd>Never</dd>" in page
    assert "<dt>Last invited</dt><dd>Never</dd>" in page
    assert "An e-mail in Swedish with a link to choose a password. The link works for 14 days." in page

    response = submit(
        hr, reverse("org:person_invite", args=[asa.pk]), {}, page=reverse("org:person", args=[asa.pk])
    )
    assert response.status_code == 302
    page = hr.get(response.url).content.decode()
    assert "An invitation to choose a password is on its way to 1 person." in page
    assert "<dt>Last invited</dt><dd>Never</dd>" not in page
    assert "Invite again" in page
    entry = AuditEntry.objects.get(action="person.invite")
    assert (entry.actor, entry.object_id) == (elin, str(asa.pk))

    run_due_tasks()
    (message,) = mail.outbox
    assert message.to == ["asa@nordvik.example"]
    assert message.subject == "Välkommen till Distans: välj ditt lösenord"
    assert "asa@nordvik.example" in message.body
    welcome = browser().get(link_in(message), follow=True).content.decode()
    assert "<h1>Välkommen till Distans – välj ditt lösenord</h1>" in welcome


def test_hr_invites_a_selection_from_the_people_list_and_may_invite_again(cast, imported):
    hr = browser(cast["hr"])
    listing = hr.get(reverse("org:directory")).content.decode()
    assert f'name="people" value="{imported["Søren"].pk}"' in listing
    # Only people without a password can be ticked: Åsa has one, and resets it herself if need be.
    assert f'name="people" value="{cast["employee"].pk}"' not in listing
    chosen = [imported["Søren"].pk, imported["Sigrid"].pk, cast["employee"].pk]
    response = submit(
        hr,
        reverse("org:people_invite"),
        {"people": chosen, "next": "directory"},
        page=reverse("org:directory"),
    )
    assert response.url == reverse("org:directory")
    page = hr.get(response.url).content.decode()
    assert "Invitations to choose a password are on their way to 2 people." in page
    assert "1 person was not invited: deactivated, or already has a password" in page
    run_due_tasks()
    assert sorted(m.to[0] for m in mail.outbox) == ["sigrid@nordvik.example", "soren@nordvik.example"]
    to_soren = next(m for m in mail.outbox if m.to == ["soren@nordvik.example"])
    assert to_soren.subject == "Velkommen til Distans: vælg din adgangskode"  # Danish, his

    submit(
        hr, reverse("org:people_invite"), {"people": [imported["Søren"].pk]}, page=reverse("org:directory")
    )
    run_due_tasks()
    assert len(mail.outbox) == 3
    assert AuditEntry.objects.filter(action="person.invite", object_id=str(imported["Søren"].pk)).count() == 2


def test_an_empty_selection_is_explained(cast):
    hr = browser(cast["hr"])
    response = submit(hr, reverse("org:people_invite"), {}, page=reverse("org:directory"))
    assert "Tick the people to invite." in hr.get(response.url).content.decode()


def test_deactivated_people_are_not_invited(cast, imported):
    Person.objects.filter(pk=imported["Åsa"].pk).update(is_active=False)
    assert person_invite(actor=cast["admin"], person_ids=[imported["Åsa"].pk]) == 0
    page = browser(cast["admin"]).get(reverse("org:person", args=[imported["Åsa"].pk])).content.decode()
    assert "Deactivated people are not invited." in page and "Invite to choose a password" not in page
    run_due_tasks()
    assert mail.outbox == [] and not AuditEntry.objects.filter(action="person.invite").exists()


def test_someone_deactivated_after_the_invitation_gets_no_mail(cast, imported):
    person_invite(actor=cast["admin"], person_ids=[imported["Åsa"].pk])
    Person.objects.filter(pk=imported["Åsa"].pk).update(is_active=False)
    run_due_tasks()
    assert mail.outbox == []


@pytest.mark.parametrize("role", ["employee", "manager", "hr_approver"])
def test_only_hr_and_administrators_invite(cast, imported, role):
    client = browser(cast[role])
    page = client.get(reverse("org:person", args=[imported["Åsa"].pk])).content.decode()
    assert "Invite to choose a password" not in page
    assert 'name="people"' not in client.get(reverse("org:directory")).content.decode()
    token = client.cookies["csrftoken"].value
    for url, data in [
        (reverse("org:person_invite", args=[imported["Åsa"].pk]), {}),
        (reverse("org:people_invite"), {"people": [imported["Åsa"].pk]}),
    ]:
        assert client.post(url, {**data, "csrfmiddlewaretoken": token}).status_code == 403
    assert Person.objects.get(pk=imported["Åsa"].pk).invited_at is None


def test_the_link_dies_once_the_password_is_set(cast, imported):
    person_invite(actor=cast["hr"], person_ids=[imported["Åsa"].pk])
    run_due_tasks()
    link = link_in(mail.outbox[0])
    choose_password(browser(), link)
    again = browser().get(link, follow=True).content.decode()
    assert "This invitation has been used or has expired." in again
    assert person_invite(actor=cast["hr"], person_ids=[imported["Åsa"].pk]) == 0  # she has a password


def test_a_new_invitation_replaces_the_one_before(cast, imported, time_machine):
    time_machine.move_to(datetime.datetime(2026, 12, 1, 9, 0, tzinfo=datetime.UTC))
    person_invite(actor=cast["hr"], person_ids=[imported["Åsa"].pk])
    run_due_tasks()
    first = link_in(mail.outbox[0])
    # The person's page says in which language the e-mail goes, as a Swedish sentence says it.
    hr = browser(cast["hr"])
    cast["hr"].language = "sv"
    cast["hr"].save()
    page = hr.get(reverse("org:person", args=[imported["Åsa"].pk])).content.decode()
    assert "Ett e-postmeddelande på svenska med en länk" in page  # not "Svenska", as a language list names it
    time_machine.move_to(datetime.datetime(2026, 12, 2, 9, 0, tzinfo=datetime.UTC))
    person_invite(actor=cast["hr"], person_ids=[imported["Åsa"].pk])
    run_due_tasks()
    second = link_in(mail.outbox[1])
    replaced = browser().get(first, follow=True).content.decode()
    assert "This invitation has been used or has expired." in replaced
    choose_password(browser(), second)


def test_the_link_lives_the_days_set_in_invitation_days(cast, imported, settings, time_machine):
    settings.INVITATION_DAYS = 3
    time_machine.move_to(datetime.datetime(2026, 3, 2, 9, tzinfo=datetime.UTC))
    person_invite(actor=cast["hr"], person_ids=[imported["Åsa"].pk])
    run_due_tasks()
    link = link_in(mail.outbox[0])
    assert "3 dagar" in mail.outbox[0].body
    time_machine.move_to(datetime.datetime(2026, 3, 4, 9, tzinfo=datetime.UTC))
    assert "Spara mitt lösenord" in browser().get(link, follow=True).content.decode()
    time_machine.move_to(datetime.datetime(2026, 3, 5, 10, tzinfo=datetime.UTC))
    expired = browser().get(link, follow=True).content.decode()
    assert "This invitation has been used or has expired." in expired


def test_an_invitation_link_is_not_a_password_reset_link(cast, imported):
    person_invite(actor=cast["hr"], person_ids=[imported["Åsa"].pk])
    run_due_tasks()
    reset_path = link_in(mail.outbox[0]).replace("/welcome/", "/password-reset/")
    page = browser().get(reset_path, follow=True).content.decode()
    assert 'name="new_password1"' not in page


def test_import_command_invites_everyone_new(cast, tmp_path, capsys):
    file = tmp_path / "org.csv"
    file.write_bytes(csv_bytes(GOOD_ROWS))
    call_command("import_org", str(file), "--invite")
    assert "Invitations queued for 4 new people" in capsys.readouterr().out
    run_due_tasks()
    assert len(mail.outbox) == 4
    assert AuditEntry.objects.filter(action="person.invite").count() == 4
    call_command("import_org", str(file), "--invite")  # nobody new the second time
    assert "Invitations queued for 0 new people" in capsys.readouterr().out
    with pytest.raises(CommandError):
        call_command("import_org", str(file), "--invite", "--dry-run")


def test_journey_import_invite_everyone_new_choose_a_password_and_land_on_my_page(cast):
    admin = browser(cast["admin"])
    import_page = reverse("org:import")
    upload = SimpleUploadedFile("org.csv", csv_bytes(GOOD_ROWS))
    result = submit(admin, import_page, {"file": upload})
    assert result.status_code == 200
    page = result.content.decode()
    assert "4 new, 0 updated, 0 unchanged" in page and "Invite the new people" in page
    new_ids = re.findall(r'name="people" value="(\d+)" checked', page)
    assert len(new_ids) == 4
    token = admin.cookies["csrftoken"].value
    response = admin.post(
        reverse("org:people_invite"), {"people": new_ids, "next": "import", "csrfmiddlewaretoken": token}
    )
    assert response.url == import_page
    assert "on their way to 4 people" in admin.get(import_page).content.decode()

    run_due_tasks()  # the worker writes the e-mails
    assert sorted(m.to[0] for m in mail.outbox) == [
        "asa@nordvik.example",
        "bjorn@nordvik.example",
        "sigrid@nordvik.example",
        "soren@nordvik.example",
    ]
    message = next(m for m in mail.outbox if m.to == ["sigrid@nordvik.example"])
    assert message.subject == "Velkommen til Distans: velg passordet ditt"  # Norwegian, hers
    sigrid = browser()
    welcome = sigrid.get(link_in(message), follow=True).content.decode()
    assert "<h1>Velkommen til Distans – velg passordet ditt</h1>" in welcome
    choose_password(sigrid, link_in(message))
    page = sign_in(sigrid, "sigrid@nordvik.example")
    assert "<h1>Min side</h1>" in page.content.decode()
    profile = Person.objects.get(email="sigrid@nordvik.example")
    assert profile.last_login is not None and profile.invited_at is not None
