"""Starting Distans loads no heavy library it does not need yet: OR-Tools (with pandas) only when the
planner solves, WeasyPrint only when a PDF is drawn, the holiday calendars when a plan first asks for a
country's year, iCalendar when a feed is asked for, openpyxl when a spreadsheet is read or written,
markdown-it when HR's text is shown, requests and PyJWT when single sign-on first asks the provider or
signs someone in, segno when a QR code is drawn. Every process (each web worker, each `manage.py`
command) would otherwise pay seconds at start-up. The SCIM schema models load when a provider first
calls."""

import os
import subprocess
import sys

STARTUP = """
import sys
import django
django.setup()
from django.urls import resolve
resolve("/")  # loads the URL configuration, every view and API module with it
heavy = ("ortools", "pandas", "weasyprint", "holidays", "icalendar", "scim2_models", "openpyxl")
heavy += ("markdown_it", "requests", "jwt", "segno")
print(" ".join(sorted(name for name in heavy if name in sys.modules)))
"""


def test_loading_the_pages_imports_neither_the_solver_nor_the_pdf_library():
    result = subprocess.run(
        [sys.executable, "-c", STARTUP],
        capture_output=True,
        text=True,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "distans.settings"},
        check=True,
    )
    assert result.stdout.strip() == ""


def test_the_countries_offered_are_those_the_holiday_calendars_know():
    import holidays

    from distans.planning import rules

    assert rules.COUNTRIES == tuple(
        sorted(code for code in holidays.list_supported_countries() if len(code) == 2)
    )
    assert "Midsummer Eve" in rules.public_holidays("SE", 2027).values()
