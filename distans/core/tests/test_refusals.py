"""One way for a page to show a service's refusal (distans.core.refusals)."""

import pytest
from django import forms
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.backends.cache import SessionStore
from django.core.exceptions import PermissionDenied
from django.test import RequestFactory

from distans.core.errors import Conflict, DomainError, NotAllowed
from distans.core.refusals import refusal_message, refusal_on, refused


class NameForm(forms.Form):
    name = forms.CharField()


def bound_form():
    form = NameForm({"name": "Payroll"})
    assert form.is_valid()
    return form


def page_request():
    request = RequestFactory().post("/")
    request.session = SessionStore()
    request._messages = FallbackStorage(request)
    return request


def test_a_refusal_naming_a_field_stands_beside_that_field():
    form = bound_form()
    with refusal_on(form) as refusal:
        raise DomainError("taken", "That name is taken.", field="name")
    assert refusal and refusal.code == "taken"
    assert form.errors == {"name": ["That name is taken."]}


def test_a_refusal_naming_no_field_of_the_form_stands_above_it_or_beside_the_fallback():
    form = bound_form()
    with refusal_on(form):
        raise Conflict("full", "The office is full.", field="not_on_this_form")
    assert form.non_field_errors() == ["The office is full."]
    fallback = bound_form()
    with refusal_on(fallback, field="name"):
        raise DomainError("bad", "Not like that.")
    assert fallback.errors == {"name": ["Not like that."]}


def test_nothing_refused_leaves_the_form_alone_and_runs_the_whole_block():
    form = bound_form()
    ran = []
    with refusal_on(form) as refusal:
        ran.append("service")
    assert ran == ["service"] and not refusal and refusal.status == 200 and form.is_valid()


def test_codes_said_elsewhere_are_recorded_but_not_put_on_the_form():
    form = bound_form()
    with refusal_on(form, elsewhere={"in_review"}) as refusal:
        raise Conflict("in_review", "Another request is in review.")
    assert refusal.code == "in_review" and refusal.status == 409
    assert form.is_valid(), "the page shows it above the form, with its link"


def test_a_refusal_becomes_the_next_pages_error_message():
    request = page_request()
    with refusal_message(request) as refusal:
        raise Conflict("already_decided", "Someone else has just decided this step.")
    assert refusal.status == 409
    assert [str(message) for message in get_messages(request)] == ["Someone else has just decided this step."]


def test_not_allowed_answers_403_with_its_message_as_the_api_does():
    """A person who may not do this at all gets the refusal page, never a form error to correct."""
    request = page_request()
    with pytest.raises(PermissionDenied) as denied, refusal_message(request):
        raise NotAllowed("not_allowed", "You cannot decide this step.")
    assert str(denied.value) == "You cannot decide this step."
    assert list(get_messages(request)) == []
    form = forms.Form()
    with pytest.raises(PermissionDenied), refusal_on(form):
        raise NotAllowed("not_allowed", "Only HR may do this.")
    assert not form.errors


def test_other_errors_are_not_swallowed():
    with pytest.raises(ValueError), refused():
        raise ValueError("a bug is a bug, not a refusal")
