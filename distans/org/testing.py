"""Helpers for tests of the organisation: an import file, and signing in to the demo in a real browser.
Org's own tests and those of the apps above it import them."""

from distans.org.demo import DEMO_PASSWORD

# An import file of four people, in the columns the import reads.
HEADER = (
    "employee_number;email;first_name;last_name;unit;unit_name;parent_unit;manager;"
    "manages_unit;position;position_name;remote_suitability;site;site_name;country;"
    "employment_start;commute_km;language"
)
GOOD_ROWS = [
    "1;sigrid@nordvik.example;Sigrid;Løvås;HQ;Nordvik;;;ja;CEO;Chief executive;partly;OSL;Oslo;NO;"
    "01.03.2015;12,5;nb",
    "2;bjorn@nordvik.example;Björn;Åström;SUP;Kundtjänst;HQ;1;ja;TL;Team leader;partly;STO;"
    "Stockholm;SE;2019-08-15;4;sv",
    "3;asa@nordvik.example;Åsa;Öberg;SUP;;;2;;CSA;Kundrådgivare;partly;STO;;SE;2021-01-04;;",
    "4;soren@nordvik.example;Søren;Kjær;WH;Lager;HQ;1;;WHS;Lagermedarbejder;onsite;CPH;København;DK;;;",
]


def csv_bytes(rows, header=HEADER, bom=True, delimiter=";"):
    text = "\n".join([header, *rows]).replace(";", delimiter) + "\n"
    return (b"\xef\xbb\xbf" if bom else b"") + text.encode()


def sign_in(page, live_server, email):
    """Sign in to the demo (`demo_load`) through the English sign-in page."""
    page.goto(live_server.url + "/")
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
