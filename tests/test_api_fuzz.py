"""Schemathesis over every /api/v1 operation, as an employee and as HR, on the demo organisation.

Every answer must be one the schema documents (its status, content type, headers and body), and none
may be a 5xx. Valid and invalid input are both sent; writes change the demo inside the test's
transaction. A failure lists each operation's first failing request as a curl command.
"""

from datetime import date, timedelta

import pytest
import schemathesis
from django.apps import apps
from django.core.management import call_command
from django.test.client import ClientHandler
from django.utils import timezone
from hypothesis import HealthCheck, Phase, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.core.failures import FailureGroup
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from distans.core.models import ApiToken
from distans.core.services import token_create
from distans.org.demo import demo_logins
from distans.org.models import Person

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]
# Examples per operation and mode: bounds the whole module to about three minutes on two cores.
EXAMPLES = 10
HANDLER = ClientHandler(enforce_csrf_checks=True)
# Random ids almost never exist, so valid input also goes to the demo's objects (the fuzzing person's
# own or their unit's, and anyone's) and to days near today.
PATH_OBJECTS = {
    "person_id": ("org.Person", lambda person: {"unit": person.unit_id}),
    "unit_id": ("org.Unit", lambda person: {"pk": person.unit_id}),
    "site_id": ("org.Site", lambda person: {"pk": person.site_id}),
    "assignment_id": ("checklists.Assignment", lambda person: {"person": person}),
    "request_id": ("arrangements.Request", lambda person: {"person": person}),
    "agreement_id": ("agreements.Agreement", lambda person: {"person": person}),
    "run_id": ("planning.PlannerRun", lambda person: {"started_by": person}),
    "evaluation_id": ("followup.Evaluation", lambda person: {"person": person}),
    "deviation_id": ("followup.Deviation", lambda person: {"person": person}),
    "loan_id": ("equipment.Loan", lambda person: {"person": person}),
}


def app(environ, start_response):
    """The project as a WSGI app, through Django's test handler so requests share the test's
    database connection (and its transaction)."""
    response = HANDLER(environ)
    headers = [
        *response.items(),
        *(("Set-Cookie", c.output(header="").strip()) for c in response.cookies.values()),
    ]
    start_response(f"{response.status_code} {response.reason_phrase}", headers)
    return response.streaming_content if response.streaming else [response.content]


def existing(name, person):
    if name == "date":  # a day near today, where plans are made
        today = timezone.localdate()
        return st.dates(today - timedelta(days=30), today + timedelta(days=120)).map(date.isoformat)
    label, own = PATH_OBJECTS[name]
    rows = apps.get_model(label).objects.order_by("pk")
    mine = list(rows.filter(**own(person)).values_list("pk", flat=True)[:100])
    anyone = list(rows.values_list("pk", flat=True)[:200])
    return st.one_of(*(st.sampled_from(ids) for ids in (mine, anyone) if ids)) if anyone else None


def cases(operation, mode, person):
    strategy = operation.as_strategy(generation_mode=mode)
    names = [
        parameter.name
        for parameter in operation.path_parameters
        if parameter.name in PATH_OBJECTS or parameter.name == "date"
    ]
    ids = {name: existing(name, person) for name in names}
    if mode != GenerationMode.POSITIVE or not ids or None in ids.values():
        return strategy
    return st.one_of(
        strategy,
        st.fixed_dictionaries(ids).flatmap(
            lambda params: operation.as_strategy(generation_mode=mode, path_parameters=params)
        ),
    )


def fuzz(operation, mode, person, token) -> str | None:
    """The first failure for this operation in this mode, or None."""

    @hypothesis_settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        derandomize=True,
        phases=[Phase.explicit, Phase.generate],  # the curl command is the report
        suppress_health_check=list(HealthCheck),
    )
    @given(case=cases(operation, mode, person))
    def run(case):
        case.call_and_validate(headers={"Authorization": f"Bearer {token}"}, checks=CHECKS)

    try:
        run()
    except FailureGroup as failed:  # the checks' report, with the request as a curl command
        return f"{operation.label} ({mode}):\n{failed}"
    except Exception as exc:  # the request could not even be made
        return f"{operation.label} ({mode}):\n{type(exc).__name__}: {exc}"
    return None


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["employee", "hr"])
def test_every_operation_answers_as_documented(role, settings):
    settings.ALLOWED_HOSTS = ["localhost"]  # schemathesis's WSGI client sends this host
    call_command("demo", "--people", "60", verbosity=0)
    email = next(login.email for login in demo_logins() if login.role == role)
    person = Person.objects.get(email=email)
    _token, raw = token_create(actor=person, person=person, name="Fuzzing", scope=ApiToken.Scope.READ_WRITE)
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)
    failures = []
    for result in schema.get_all_operations():
        operation = result.ok()
        for mode in GenerationMode:
            failure = fuzz(operation, mode, person, raw)
            if failure:
                failures.append(failure)
    assert not failures, f"{len(failures)} operations failed:\n\n" + "\n\n".join(failures)
