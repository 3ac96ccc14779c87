"""Where an injury or a work environment problem at home must also be reported, per country: text
and a link shown on the deviation (seed 004 asks for quick handling; the law for the official route)."""

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

ROUTES = {
    "NO": (
        _(
            "Report the occupational injury to NAV (skademelding), and notify the Labour Inspection "
            "Authority at once if it is serious (aml § 5-2)."
        ),
        "https://www.nav.no/yrkesskade",
    ),
    "SE": (
        _(
            "Report the occupational injury to Försäkringskassan and AFA Försäkring through "
            "anmalarbetsskada.se; a serious incident is also reported to Arbetsmiljöverket."
        ),
        "https://www.anmalarbetsskada.se",
    ),
    "DK": (
        _(
            "Report the occupational injury through EASY Arbejdsskade within 9 days, to Arbejdstilsynet "
            "and the insurer."
        ),
        "https://www.easy.dk",
    ),
}
NEEDS_ROUTE = ("injury", "work_environment")


def route_for(kind: str, country: str) -> tuple[Promise, str] | None:
    if kind not in NEEDS_ROUTE:
        return None
    return ROUTES.get(country)
