from datetime import date
from decimal import Decimal

from django.http import Http404
from ninja import Router, Schema

from distans.core.translated import localized
from distans.policy import queries

router = Router(tags=["policy"])


class PolicyOut(Schema):
    version: int
    effective_from: date
    text: str
    manager_max_days: Decimal
    max_days: Decimal
    trial_days: Decimal
    trial_weeks: int
    evaluation_months: int
    attachment_warning_days: Decimal
    require_suitability: bool
    required_checklists: list[str]
    min_tenure_months: int
    onsite_exception_by_hr: bool
    flex_days_allowed: bool
    flex_days_per_month: int
    abroad_social_security_pct: int
    abroad_framework_pct: int
    abroad_tax_days: int
    no_sporadic_days: Decimal
    dk_screen_days: Decimal
    equipment_extra_days: Decimal
    pulse_weeks: int

    @staticmethod
    def resolve_version(obj) -> int:
        return obj.number

    @staticmethod
    def resolve_text(obj) -> str:
        return localized(obj.text)


@router.get("/policy", response=PolicyOut, url_name="policy")
def policy(request):
    """The policy version in force today, with its parameters and its text (Markdown) in your language."""
    version = queries.in_force()
    if version is None:
        raise Http404
    return version
