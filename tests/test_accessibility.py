"""WCAG 2.1 AA in a real browser, on the demo as `manage.py demo` builds it.

axe-core comes from npm, pinned in package-lock.json (`make browser` runs `npm ci`). The page's content
security policy (script-src 'self') refuses the inline script Playwright's `add_script_tag(path=...)`
writes, and the policy stays strict for the product, so the tests hand the file's text to
`page.evaluate`, which the DevTools protocol runs outside the page's policy; nothing is served to users.

Each README login signs in and axe checks every page of her menu and the pages one step below them (a
request, an agreement, a checklist to answer, an office), with the menu open, in English on a desktop
and in Swedish on a phone. Any serious or critical violation fails, and so do the two the issue names
(heading order, a page without a main landmark). Then three journeys by keyboard only: a request, a
signature and a day in My week, with the focus visible at every stop.
"""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from playwright.sync_api import expect

from distans.agreements.models import Agreement, Signature
from distans.arrangements.models import Request, Status
from distans.org.demo import DEMO_PASSWORD
from distans.org.models import Person

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

AXE = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
RUN_AXE = """async () => {
  const result = await axe.run(document, {runOnly: {type: "tag",
    values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]}});
  return result.violations.map(v => ({rule: v.id, impact: v.impact, help: v.help,
    targets: v.nodes.map(n => n.target.join(" "))}));
}"""
FAILING_IMPACTS = {"serious", "critical"}
FAILING_RULES = {"heading-order", "landmark-one-main"}

# The README's logins, one per role.
LOGINS = {
    "employee": "asa.oberg@nordvik.example",
    "manager": "bjorn.ekstrom@nordvik.example",
    "HR approver": "karin.stahl@nordvik.example",
    "HR": "elin.sjoberg@nordvik.example",
    "admin": "ingrid.nystrom@nordvik.example",
}
# One step below the menu's pages: the first link of each kind found on them.
BELOW = [
    re.compile(pattern)
    for pattern in (
        r"^/requests/new/$",
        r"^/requests/\d+/$",
        r"^/agreements/\d+/$",
        r"^/checklists/assignments/\d+/$",
        r"^/checklists/assignments/\d+/answer/\w+/$",
        r"^/plans/sites/\d+/$",
        r"^/plans/team/\d+/$",
        r"^/followup/evaluations/\d+/$",
        r"^/people/\d+/$",
        r"^/units/\d+/$",
    )
]
DESKTOP, PHONE = {"width": 1280, "height": 900}, {"width": 390, "height": 844}


# --- axe ------------------------------------------------------------------------------------------------


class Findings:
    """What axe finds, as lines a person can read: rule, impact, page, who and where, the elements."""

    def __init__(self):
        self.failing: list[str] = []

    def check(self, page, where: str) -> None:
        open_menu(page)
        page.evaluate(AXE.read_text())
        path = page.url.split("://", 1)[1].split("/", 1)[1].split("?")[0]
        for found in page.evaluate(RUN_AXE):
            if found["impact"] in FAILING_IMPACTS or found["rule"] in FAILING_RULES:
                line = (
                    f"{found['rule']} ({found['impact']}) on /{path} [{where}]: {found['help']}; "
                    + ", ".join(found["targets"][:5])
                )
                self.failing.append(line)

    def assert_none(self) -> None:
        assert not self.failing, "axe found serious or critical violations:\n" + "\n".join(self.failing)


def open_menu(page) -> None:
    """Show the menu so axe sees it too: the Menu button on a phone, the current page's group on a desktop."""
    toggle = page.locator(".menu-toggle")
    if toggle.is_visible():
        if toggle.get_attribute("aria-expanded") == "false":
            toggle.click()
        return
    groups = page.locator(".nav-group:not(.single)")
    current = page.locator(".nav-group.current:not(.single)")
    group = current if current.count() else groups
    if group.count() and group.first.locator(".nav-group-toggle").get_attribute("aria-expanded") == "false":
        group.first.locator(".nav-group-toggle").click()


def sign_in(page, live_server, email: str) -> None:
    page.goto(live_server.url + "/login/")
    page.locator("#id_username").fill(email)
    page.locator("#id_password").fill(DEMO_PASSWORD)
    page.locator("#id_password").press("Enter")
    expect(page.locator("#id_password")).to_have_count(0)


def links(page, selector: str) -> list[str]:
    return page.eval_on_selector_all(selector, "els => els.map(e => e.getAttribute('href'))")


@pytest.fixture
def browser(monkeypatch):
    """One Chromium for the whole test; each role gets its own context (its own session)."""
    from playwright.sync_api import sync_playwright

    from conftest import CHROMIUM, CHROMIUM_ARGS

    assert AXE.exists(), "axe-core is missing: run `make browser` (npm ci) first"
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def test_axe_finds_nothing_serious_on_any_main_page_of_any_role(browser, live_server):
    call_command("demo", people=60, verbosity=0)
    findings = Findings()
    for language, viewport, size in (("en", DESKTOP, "desktop"), ("sv", PHONE, "phone")):
        check_every_role(browser, live_server, findings, language, viewport, size)
    findings.assert_none()


def check_every_role(browser, live_server, findings, language, viewport, size) -> None:
    """Signed out, then each role: My page, every page of the menu, and one page of each kind below them."""
    checked: set[str] = set()  # each kind of page once per language and size; My page for each role
    context = browser.new_context(viewport=viewport, locale=language)
    page = context.new_page()
    for path in ("/login/", "/accessibility/"):
        page.goto(live_server.url + path)
        findings.check(page, f"signed out, {language}, {size}")
    context.close()

    for role, email in LOGINS.items():
        where = f"{role}, {language}, {size}"
        context = browser.new_context(viewport=viewport)
        page = context.new_page()
        sign_in(page, live_server, email)
        if language != "en":
            page.locator(f".langform button[value={language}]").click()
            expect(page.locator("html")).to_have_attribute("lang", language)
        findings.check(page, where)
        queue = [href for href in links(page, "#main-menu a") if href != "/"]
        while queue:
            href = queue.pop(0)
            kind = next((pattern.pattern for pattern in BELOW if pattern.match(href)), href)
            if kind in checked:
                continue
            checked.add(kind)
            response = page.goto(live_server.url + href)
            assert response.status == 200, f"{href} [{where}]: {response.status}"
            findings.check(page, where)
            queue += [
                found for found in links(page, "main a[href^='/']") if any(p.match(found) for p in BELOW)
            ]
        context.close()


# --- by keyboard only -------------------------------------------------------------------------------------

FOCUS_SHOWN = """el => {
  const style = getComputedStyle(el);
  const ring = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2;
  return el.matches(":focus-visible") && (ring || style.boxShadow !== "none");
}"""


def tab_to(page, target, *, limit: int = 150) -> None:
    """Press Tab until `target` has the focus, checking at every stop that the focus can be seen."""
    for _press in range(limit):
        page.keyboard.press("Tab")
        focused = page.locator(":focus")
        if focused.count():
            described = focused.evaluate("el => el.outerHTML.slice(0, 120)")
            assert focused.evaluate(FOCUS_SHOWN), f"the focus is not visible on {described}"
        if target.evaluate("el => el === document.activeElement"):
            return
    raise AssertionError(f"{target} was not reached with {limit} presses of Tab")


def menu_by_keyboard(page, href: str) -> None:
    """Follow the menu item at `href` by keyboard: its group (desktop) or Menu (phone), then the link."""
    toggle = page.locator(".menu-toggle")
    if toggle.is_visible():
        tab_to(page, toggle)
        page.keyboard.press("Enter")
    link = page.locator(f"#main-menu a[href='{href}']")
    group = (
        page.locator(".nav-group").filter(has=page.locator(f"a[href='{href}']")).locator(".nav-group-toggle")
    )
    if not link.is_visible():
        tab_to(page, group)
        page.keyboard.press("Enter")
    tab_to(page, link)
    page.keyboard.press("Enter")


def keyboard_sign_in(page, live_server, email: str) -> None:
    page.goto(live_server.url + "/login/")
    tab_to(page, page.locator("#id_username"))
    page.keyboard.type(email)
    page.keyboard.press("Tab")
    page.keyboard.type(DEMO_PASSWORD)
    page.keyboard.press("Enter")
    expect(page.locator("#id_password")).to_have_count(0)


def keyboard_sign_out(page) -> None:
    tab_to(page, page.locator("form[action='/logout/'] button"))
    page.keyboard.press("Enter")
    expect(page.locator("#id_password")).to_be_visible()


def newcomer() -> Person:
    """An employee of the demo who may work remotely in part and has never asked."""
    return (
        Person.objects.filter(
            is_active=True,
            position__remote_suitability__in=["partly", "fully"],
            reports__isnull=True,
            remote_requests__isnull=True,
            agreements__isnull=True,
        )
        .order_by("pk")
        .first()
    )


def test_three_journeys_by_keyboard_only(browser, live_server):
    """Tab, Enter, Space and typing; no mouse. The demo loads once for the three."""
    call_command("demo", people=60, verbosity=0)
    a_day_in_my_week_on_a_phone(browser, live_server)
    a_request(browser, live_server)
    a_signature(browser, live_server)


def a_request(browser, live_server) -> None:
    person = newcomer()
    page = browser.new_context(viewport=DESKTOP).new_page()
    keyboard_sign_in(page, live_server, person.email)

    menu_by_keyboard(page, "/requests/")
    tab_to(page, page.locator("main a[href='/requests/new/']"))
    page.keyboard.press("Enter")
    tab_to(page, page.locator("#id_motivation"))
    page.keyboard.type("Quiet days at home for the quarterly reports.")
    tab_to(page, page.locator("main form.request-form button[type=submit]"))
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/requests/\d+/$"))
    tab_to(page, page.locator("main form[action$='/submit/'] button"))
    page.keyboard.press("Enter")

    expect(page.locator("main form[action$='/withdraw/'] button")).to_be_visible()
    request = Request.objects.get(person=person)
    assert request.motivation == "Quiet days at home for the quarterly reports."
    assert request.status == Status.IN_REVIEW


def a_signature(browser, live_server) -> None:
    """HR sends the demo's one draft; its employee reads and signs it."""
    draft = Agreement.objects.select_related("person").get(status="draft")  # the demo's one draft
    findings = Findings()
    page = browser.new_context(viewport=DESKTOP).new_page()
    keyboard_sign_in(page, live_server, LOGINS["HR"])
    menu_by_keyboard(page, "/agreements/register/")
    tab_to(page, page.locator(f"main a[href='/agreements/{draft.pk}/']"))
    page.keyboard.press("Enter")
    tab_to(page, page.locator(f"main form[action='/agreements/{draft.pk}/send/'] button"))
    page.keyboard.press("Enter")
    expect(page.locator(f"main form[action='/agreements/{draft.pk}/send/']")).to_have_count(0)
    keyboard_sign_out(page)

    keyboard_sign_in(page, live_server, draft.person.email)
    menu_by_keyboard(page, "/agreements/")
    tab_to(page, page.locator(f"main a[href='/agreements/{draft.pk}/']"))
    page.keyboard.press("Enter")
    tab_to(page, page.locator(f"main a[href='/agreements/{draft.pk}/sign/']"))
    page.keyboard.press("Enter")
    findings.check(page, "employee signing, desktop")
    page.keyboard.press("Escape")  # closes the menu findings opened
    tab_to(page, page.locator("#id_accepted"))
    page.keyboard.press("Space")
    tab_to(page, page.locator("#id_password"))
    page.keyboard.type(DEMO_PASSWORD)
    tab_to(page, page.locator("main form[method=post] button[type=submit]"))
    page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(rf"/agreements/{draft.pk}/$"))
    assert Signature.objects.filter(version__agreement=draft, person=draft.person).exists()
    findings.assert_none()


def a_day_in_my_week_on_a_phone(browser, live_server) -> None:
    page = browser.new_context(viewport=PHONE).new_page()
    keyboard_sign_in(page, live_server, LOGINS["employee"])
    menu_by_keyboard(page, "/plans/")
    tab_to(page, page.locator("main a[rel=next]"))
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"week="))
    away = page.locator("main button[value=away][aria-pressed=false]").first  # a day off next week
    day = away.get_attribute("id").removesuffix("-away")
    tab_to(page, away)
    page.keyboard.press("Enter")

    pressed = page.locator(f"#{day}-away")
    expect(pressed).to_have_attribute("aria-pressed", "true")
    expect(pressed).to_be_focused()  # the card is replaced, the focus stays on the button
    page.context.close()
