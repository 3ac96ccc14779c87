"""Reads: which policy version is in force, and its parameters for the rules."""

import datetime

from django.utils import timezone

from distans.policy.models import PolicyVersion
from distans.policy.rules import PolicyParams


def in_force(on: datetime.date | None = None) -> PolicyVersion | None:
    """The published version with the latest effective date on or before `on` (today by default)."""
    on = on or timezone.localdate()
    return (
        PolicyVersion.objects.filter(status=PolicyVersion.Status.PUBLISHED, effective_from__lte=on)
        .order_by("-effective_from", "-number")
        .first()
    )


def params_of(version: PolicyVersion) -> PolicyParams:
    return PolicyParams(
        version=version.number,
        manager_max_days=version.manager_max_days,
        max_days=version.max_days,
        trial_days=version.trial_days,
        trial_weeks=version.trial_weeks,
        attachment_warning_days=version.attachment_warning_days,
        require_suitability=version.require_suitability,
        min_tenure_months=version.min_tenure_months,
        onsite_exception_by_hr=version.onsite_exception_by_hr,
        abroad_social_security_pct=version.abroad_social_security_pct,
        abroad_framework_pct=version.abroad_framework_pct,
        abroad_tax_days=version.abroad_tax_days,
        no_sporadic_days=version.no_sporadic_days,
        dk_screen_days=version.dk_screen_days,
    )


def versions():
    return PolicyVersion.objects.select_related("published_by").order_by("-number")
