"""Screenshots of the main pages, as each demo login sees them, in four languages, at desktop and phone
width, into docs/screens/. Run it against the demo that `make run` serves:

    make run            # in one terminal
    .venv/bin/python scripts/screens.py [--base http://127.0.0.1:8000]

It signs in through the sign-in page and changes the language with the page's own language buttons,
as a person would, and sets each login's language back when it is done.
"""

import argparse
import re
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PASSWORD = "distans-demo"
# The browser's own locale too: it draws date inputs in it, as a Nordic reader's browser would.
LANGUAGES = {"en": "en-GB", "sv": "sv-SE", "nb": "nb-NO", "da": "da-DK"}
WIDTHS = {"desktop": (1280, 900), "phone": (390, 844)}
OUT = Path(__file__).resolve().parent.parent / "docs" / "screens"

# Who shows which page: (login, name of the picture, address or a function finding it).
PAGES = [
    ("asa.oberg@nordvik.example", "my-page", "/"),
    ("asa.oberg@nordvik.example", "my-week", "/plans/"),
    ("ingrid.nystrom@nordvik.example", "request", "/requests/new/"),  # Åsa's own request is in review
    ("bjorn.ekstrom@nordvik.example", "manager-my-page", "/"),
    ("bjorn.ekstrom@nordvik.example", "planner", "planner"),  # from his My page's "Propose a plan"
    ("bjorn.ekstrom@nordvik.example", "team-week", "/plans/team/"),
    ("bjorn.ekstrom@nordvik.example", "to-decide", "/requests/to-decide/"),
    ("elin.sjoberg@nordvik.example", "office", "site"),
    ("elin.sjoberg@nordvik.example", "offices-planner", "/plans/planner/offices/"),
    ("elin.sjoberg@nordvik.example", "agreement-register", "/agreements/register/"),
    ("elin.sjoberg@nordvik.example", "pulse", "/followup/pulse/"),
]


def first_site(page: Page, base: str) -> str:
    page.goto(f"{base}/sites/")
    href = page.locator('main a[href^="/plans/sites/"]').first.get_attribute("href")
    return href or "/sites/"


def planner_from_my_page(page: Page, base: str) -> str:
    page.goto(f"{base}/")
    href = page.locator('main a[href*="/planner/"]').first.get_attribute("href")
    return href or "/plans/team/"


FOUND = {"site": first_site, "planner": planner_from_my_page}


def sign_in(page: Page, base: str, login: str) -> None:
    page.goto(f"{base}/login/")
    page.fill('input[name="username"]', login)
    page.fill('input[name="password"]', PASSWORD)
    page.press('input[name="password"]', "Enter")
    page.wait_for_load_state()


def language_choose(page: Page, code: str) -> None:
    page.locator(f'form.langform button[value="{code}"]').first.click()
    page.wait_for_load_state()


def shoot(base: str) -> list[Path]:
    written = []
    logins = sorted({login for login, _, _ in PAGES})
    with sync_playwright() as playwright:
        for language, locale in LANGUAGES.items():
            # Chromium draws date inputs in the language it was started in, not the page's.
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=[*ARGS, f"--lang={locale}"])
            for login in logins:
                context = browser.new_context(viewport={"width": 1280, "height": 900}, locale=locale)
                page = context.new_page()
                sign_in(page, base, login)
                own_language = page.locator("html").get_attribute("lang") or "en"
                language_choose(page, language)
                for who, name, address in PAGES:
                    if who != login:
                        continue
                    url = FOUND[address](page, base) if address in FOUND else address
                    for width_name, (width, height) in WIDTHS.items():
                        page.set_viewport_size({"width": width, "height": height})
                        page.goto(f"{base}{url}")
                        page.wait_for_load_state("networkidle")
                        path = OUT / language / f"{name}-{width_name}.png"
                        path.parent.mkdir(parents=True, exist_ok=True)
                        page.screenshot(path=str(path), full_page=width_name == "phone")
                        written.append(path)
                    page.set_viewport_size({"width": 1280, "height": 900})
                language_choose(page, own_language)
                context.close()
            browser.close()
    return written


def index_write() -> None:
    """docs/screens/README.md: each page in each language, desktop beside phone."""
    lines = [
        "# Screens",
        "",
        "The main pages as the demo's logins see them, made by `scripts/screens.py` (see its first lines).",
        "Date fields are drawn by the browser in its own locale; the headless Chromium that takes these",
        "draws them in US form, where a Nordic reader's browser shows its own (14.12.2026).",
        "",
    ]
    for login, name, _ in PAGES:
        lines += [f"## {name} ({login})", "", "| | desktop | phone |", "|---|---|---|"]
        for language in LANGUAGES:
            lines.append(
                f"| {language} | ![{name} {language}]({language}/{name}-desktop.png) "
                f"| ![{name} {language} phone]({language}/{name}-phone.png) |"
            )
        lines.append("")
    (OUT / "README.md").write_text("\n".join(lines))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", default="http://127.0.0.1:8000", help="where the demo is served")
    base = re.sub(r"/+$", "", parser.parse_args().base)
    for path in shoot(base):
        print(path.relative_to(OUT.parent.parent))
    index_write()


if __name__ == "__main__":
    main()
