"""What the permission matrix modules share: the cast (built once per module, see conftest.py), the
routes, and the forms a page carries. The clients that send writes as real clients do (a session with
its CSRF token, or a personal API token) are `distans.core.testing`'s.

The cast is conftest's (Åsa, her manager Björn, Cecilia above him, Karin the HR approver, Elin in HR,
Ingrid the administrator) plus Lena, Åsa's colleague in Support Sweden, and Nils, who manages Sales
Norway, where Olav works.
"""

import dis
import inspect
from contextlib import contextmanager
from html.parser import HTMLParser

from django.contrib.auth.models import Group
from django.db import transaction
from django.test import Client
from django.urls import URLResolver, get_resolver

from distans.core.roles import Role
from distans.core.testing import CAST_PASSWORD as PASSWORD
from distans.org.models import Person, Position, RemoteSuitability, Site, Unit

# Everyone the matrix asks, besides the anonymous visitor.
PEOPLE = ["employee", "colleague", "manager", "other_manager", "hr", "hr_approver", "admin", "outsider"]


def make_person(email, first, last, number, *, roles=(), **extra):
    person = Person.objects.create_user(
        email, PASSWORD, first_name=first, last_name=last, employee_number=number, **extra
    )
    person.groups.add(*Group.objects.filter(name__in=[role.value for role in roles]))
    return person


def build_cast() -> dict[str, int]:
    site = Site.objects.create(code="STO", name="Stockholm", country="SE", desk_capacity=40)
    position = Position.objects.create(
        code="CSA", name="Customer service adviser", remote_suitability=RemoteSuitability.PARTLY
    )
    top = Unit.objects.create(code="TOP", name="Nordvik")
    support = Unit.objects.create(code="SUP", name="Support Sweden", parent=top)
    sales = Unit.objects.create(code="SAL", name="Sales Norway", parent=top)
    cecilia = make_person("cecilia@example.com", "Cecilia", "Wahlberg", "100", unit=top)
    bjorn = make_person(
        "bjorn@example.com", "Björn", "Ekström", "101", unit=support, manager=cecilia, site=site
    )
    asa = make_person(
        "asa@example.com", "Åsa", "Öberg", "102", unit=support, manager=bjorn, site=site, position=position
    )
    lena = make_person(
        "lena@example.com", "Lena", "Holm", "107", unit=support, manager=bjorn, site=site, position=position
    )
    karin = make_person(
        "karin@example.com", "Karin", "Ståhl", "103", unit=top, manager=cecilia, roles=[Role.HR_APPROVER]
    )
    elin = make_person("elin@example.com", "Elin", "Sjöberg", "104", unit=top, manager=karin, roles=[Role.HR])
    ingrid = make_person(
        "ingrid@example.com", "Ingrid", "Nyström", "105", unit=top, manager=cecilia, roles=[Role.ADMIN]
    )
    nils = make_person(
        "nils@example.com",
        "Nils",
        "Berge",
        "108",
        unit=sales,
        manager=cecilia,
        country="NO",
        time_zone="Europe/Oslo",
    )
    olav = make_person(
        "olav@example.com",
        "Olav",
        "Haugen",
        "106",
        unit=sales,
        manager=nils,
        country="NO",
        time_zone="Europe/Oslo",
    )
    support.manager, sales.manager = bjorn, nils
    support.save()
    sales.save()
    people = {
        "skip": cecilia,
        "manager": bjorn,
        "employee": asa,
        "colleague": lena,
        "hr_approver": karin,
        "hr": elin,
        "admin": ingrid,
        "other_manager": nils,
        "outsider": olav,
    }
    return {role: person.pk for role, person in people.items()}


@contextmanager
def module_data(django_db_blocker, build):
    """Data written once for a module inside a transaction rolled back at its end; each test runs in a
    savepoint inside it (pytest-django's `db`), so what a test changes is undone."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            yield build()
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


# Routes ------------------------------------------------------------------------------------------


def page_routes(patterns=None, namespace=""):
    """(name, view) of every page route; the admin site as one entry, the API as its own names."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            inner = ":".join(filter(None, [namespace, pattern.namespace or ""]))
            if inner == "admin":
                yield "admin:index", None
                continue
            yield from page_routes(pattern.url_patterns, inner)
        else:
            yield (f"{namespace}:{pattern.name}" if namespace else pattern.name), pattern.callback


def handles_post(view) -> bool:
    """Whether a page view acts on POST: a class view with `post`, or a function whose code (or a
    helper of its own module it calls) reads the POST."""
    if view is None:
        return False
    if hasattr(view, "view_class"):
        return hasattr(view.view_class, "post")
    function = inspect.unwrap(view)
    called = {step.argval for step in dis.get_instructions(function) if step.opname == "LOAD_GLOBAL"}
    helpers = [function.__globals__.get(name) for name in called]
    sources = [function] + [
        helper
        for helper in helpers
        if inspect.isfunction(helper) and helper.__module__ == function.__module__
    ]
    return any("POST" in inspect.getsource(each) for each in sources)


def api_write_operations() -> dict[str, str]:
    """`api:<url name>` -> HTTP method of every operation under /api/v1 that is not a GET."""
    from distans.api import api

    found = {}
    for _prefix, router in api._routers:
        for path_view in router.path_operations.values():
            for operation in path_view.operations:
                for method in set(operation.methods) - {"GET"}:
                    found[f"api:{operation.url_name}"] = method.lower()
    return found


# Routes whose writes answer their own clients' tokens, not a person's role: the API (its own matrix
# below) and SCIM provisioning (a provisioning token; distans/scim/tests prove every write needs one).
OWN_CLIENTS = ("api:", "scim:")


def page_write_routes() -> set[str]:
    return {name for name, view in page_routes() if not name.startswith(OWN_CLIENTS) and handles_post(view)}


# Forms ----------------------------------------------------------------------------------------------


class _FormReader(HTMLParser):
    """The fields of each form on a page as a browser would send it unchanged."""

    def __init__(self):
        super().__init__()
        self.forms, self._select, self._textarea, self._options = [], None, None, []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.forms.append({"action": attrs.get("action") or "", "data": {}})
        elif not self.forms:
            return
        data = self.forms[-1]["data"] if self.forms else {}
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type", "text") not in ("submit", "button", "file"):
            if attrs.get("type") in ("checkbox", "radio") and "checked" not in attrs:
                return
            checkable = attrs.get("type") in ("checkbox", "radio")
            data.setdefault(name, []).append(attrs.get("value", "on" if checkable else ""))
        elif tag == "select" and name:
            self._select, self._options = (name, "multiple" in attrs), []
        elif tag == "option" and self._select:
            self._options.append((attrs.get("value", ""), "selected" in attrs))
        elif tag == "textarea" and name:
            self._textarea = name
            data[name] = [""]

    def handle_data(self, text):
        if self._textarea:
            self.forms[-1]["data"][self._textarea][0] += text

    def handle_endtag(self, tag):
        if tag == "textarea":
            self._textarea = None
        elif tag == "select" and self._select:
            (name, multiple), options = self._select, self._options
            chosen = [value for value, selected in options if selected]
            if not chosen and not multiple and options:
                chosen = [options[0][0]]
            self.forms[-1]["data"][name] = chosen
            self._select = None


def form_on_page(person, page_url: str, action_url: str | None = None) -> dict:
    """What `person` would send from the form on `page_url` that posts to `action_url` (default: the
    page itself), without the CSRF token, which the sender adds."""
    action_url = action_url or page_url
    page = Client().get(page_url) if person is None else _signed_in(person).get(page_url)
    assert page.status_code == 200, f"{page_url} as {person}: {page.status_code}"
    reader = _FormReader()
    reader.feed(page.content.decode())
    for form in reader.forms:
        if (form["action"] or page_url).split("?")[0] == action_url:
            return {name: values for name, values in form["data"].items() if name != "csrfmiddlewaretoken"}
    raise AssertionError(f"no form posting to {action_url} on {page_url}")


def _signed_in(person) -> Client:
    client = Client()
    client.force_login(person)
    return client
