"""Small helpers shared by the tests of every app: reading pages, running due tasks, and clients that
send writes as real clients do (a session with its CSRF token, a personal API token, a browser's form).

Plain functions, not fixtures (those live in conftest.py files); apps above core import them freely.
"""

import json
import re
from html.parser import HTMLParser
from unittest import mock

from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from distans.core.models import ApiToken
from distans.core.services import token_create

CAST_PASSWORD = "correct horse battery"  # the fixed cast's (conftest.py)


def html(response) -> str:
    assert response.status_code in (200, 400, 409, 422), response.status_code
    return response.content.decode()


def run_due_tasks(**options):
    """Run every background task whose time has come, with `manage.py db_worker` (`options` are its
    own, such as `worker_id`).

    Between tasks the worker closes database connections it thinks are stale; inside a test's
    transaction that would close the test's own connection on PostgreSQL, so that step is skipped.
    """
    with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
        call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0, **options)


# Clients that send writes as real clients do -------------------------------------------------------


def session_client(person=None) -> Client:
    """A browser: CSRF enforced, signed in as `person` (or anonymous)."""
    client = Client(enforce_csrf_checks=True)
    if person is not None:
        client.force_login(person)
    return client


CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def csrf_token(client: Client, signed_in: bool) -> str:
    """The token a form carries: from a page with a form, as a browser gets it."""
    page = client.get(reverse("password_change" if signed_in else "login"))
    found = CSRF_FIELD.search(page.content.decode())
    assert found is not None, "the page has a form"
    return found.group(1)


def post_page(person, url: str, data: dict):
    """Post a page's form as the browser does: signed in, with the CSRF token the page set."""
    client = session_client(person)
    client.get(url)
    return client.post(url, {**data, "csrfmiddlewaretoken": client.cookies["csrftoken"].value})


def bearer(person, name="Matrix") -> str:
    """A personal token able to write (read and write scope), as an integration holds one."""
    _token, raw = token_create(actor=person, person=person, name=name, scope=ApiToken.Scope.READ_WRITE)
    return raw


def api_as(person) -> Client:
    """A client that calls the API as an integration does: with the person's read-write token, no CSRF."""
    return Client(enforce_csrf_checks=True, headers={"authorization": f"Bearer {bearer(person, 'script')}"})


def send(client: Client, method: str, url: str, body: dict):
    return getattr(client, method)(url, json.dumps(body), content_type="application/json")


def api_call(person, method: str, url: str, body=None):
    """One API request as `person` with a fresh read-write token (anonymous: none)."""
    client = Client(enforce_csrf_checks=True)
    headers = {"Authorization": f"Bearer {bearer(person)}"} if person is not None else {}
    if body is None:
        return client.generic(method.upper(), url, headers=headers)
    return client.generic(
        method.upper(), url, json.dumps(body, default=str), content_type="application/json", headers=headers
    )


# What a browser sends -------------------------------------------------------------------------------


class _Form(HTMLParser):
    """What a browser would send from one of the page's POST forms, unchanged: text, dates, hidden
    fields, ticked boxes, the selected option of each select, and textareas."""

    def __init__(self, action: str):
        super().__init__()
        self.action = action
        self.data: list[tuple[str, str]] = []
        self.selected: dict[str, str] = {}
        self._in_form = self._select = self._textarea = None
        self._first_option: dict[str, str] = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("method") == "post" and self._in_form is None:
            self._in_form = attrs.get("action", "") == self.action
        if not self._in_form:
            return
        if tag == "input" and attrs.get("name"):
            kind = attrs.get("type", "text")
            if kind in ("checkbox", "radio"):
                if "checked" in attrs:
                    self.data.append((attrs["name"], attrs.get("value", "on")))
            elif kind != "submit":
                self.data.append((attrs["name"], attrs.get("value") or ""))
        elif tag == "select":
            self._select = attrs["name"]
        elif tag == "option" and self._select:
            self._first_option.setdefault(self._select, attrs.get("value", ""))
            if "selected" in attrs:
                self.selected[self._select] = attrs.get("value", "")
        elif tag == "textarea":
            self._textarea = attrs["name"]
            self.data.append((self._textarea, ""))

    def handle_data(self, data):
        if self._textarea:
            name, text = self.data.pop()
            self.data.append((name, text + data))

    def handle_endtag(self, tag):
        if tag == "select" and self._select:
            name = self._select
            self.data.append((name, self.selected.get(name, self._first_option.get(name, ""))))
            self._select = None
        elif tag == "textarea":
            self._textarea = None
            name, text = self.data.pop()
            self.data.append((name, text.removeprefix("\n")))
        elif tag == "form" and self._in_form is not None:
            self._in_form = None if not self._in_form else False


def browser_form(html: str, action: str = "") -> _Form:
    """The POST form with this action (empty: the one that posts to the page itself)."""
    form = _Form(action)
    form.feed(html)
    return form


def as_post(pairs: list[tuple[str, str]]) -> dict[str, list[str]]:
    data: dict[str, list[str]] = {}
    for name, value in pairs:
        data.setdefault(name, []).append(value)
    return data


def browser_sign_in(tab, live_server, email, password=CAST_PASSWORD):
    """Sign in through the page in a real browser, whatever language the sign-in page speaks."""
    from playwright.sync_api import expect

    tab.goto(live_server.url + "/")
    tab.locator("#id_username").fill(email)
    tab.locator("#id_password").fill(password)
    tab.locator("#id_password").press("Enter")
    expect(tab.locator("#id_password")).to_have_count(0)


def menu_click(page, name: str) -> None:
    """Follow a link of the main menu as a person does: open the menu first on a phone, and the group
    that holds the link on a desktop."""
    toggle = page.locator(".menu-toggle")
    if toggle.is_visible() and toggle.get_attribute("aria-expanded") == "false":
        toggle.click()
    nav = page.locator("#main-menu")
    link = nav.get_by_role("link", name=name, exact=True).first
    if not link.is_visible():
        nav.locator(".nav-group").filter(has=link).locator(".nav-group-toggle").click()
    link.click()
