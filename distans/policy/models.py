"""The remote-work policy: versions with an effective date, parameters and a text per language.

A published version is never edited; HR drafts the next one. A request is judged by the version in
force on its start date, so changing the policy never rewrites a decision already taken.
"""

from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

DAYS = [MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("5"))]


def default_required_checklists():
    return ["it_security", "workplace", "insurance"]


class PolicyVersion(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    number = models.PositiveIntegerField(unique=True, verbose_name=_("number"))
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.DRAFT, verbose_name=_("status")
    )
    effective_from = models.DateField(_("in force from"))
    text = models.JSONField(default=dict, blank=True, verbose_name=_("text"))  # Markdown by language

    manager_max_days = models.DecimalField(
        _("days a week the line manager may approve"),
        max_digits=2,
        decimal_places=1,
        default=Decimal("2"),
        validators=DAYS,
    )
    max_days = models.DecimalField(
        _("most remote days a week"), max_digits=2, decimal_places=1, default=Decimal("5"), validators=DAYS
    )
    trial_days = models.DecimalField(
        _("days a week during the trial"),
        max_digits=2,
        decimal_places=1,
        default=Decimal("2"),
        validators=DAYS,
    )
    trial_weeks = models.PositiveSmallIntegerField(_("length of the trial in weeks"), default=12)
    evaluation_months = models.PositiveSmallIntegerField(_("months between evaluations"), default=6)
    attachment_warning_days = models.DecimalField(
        _("warn about weaker attachment above this average of days a week"),
        max_digits=2,
        decimal_places=1,
        default=Decimal("2.5"),
        validators=DAYS,
    )
    require_suitability = models.BooleanField(
        _("a suitability assessment is required before approval"), default=True
    )
    required_checklists = models.JSONField(
        _("checklists required before an agreement takes effect"),
        default=default_required_checklists,
        blank=True,
    )
    min_tenure_months = models.PositiveSmallIntegerField(_("minimum months of employment"), default=6)
    onsite_exception_by_hr = models.BooleanField(
        _("the HR approver may grant an exception for on-site positions"), default=False
    )
    flex_days_allowed = models.BooleanField(_("flexible days allowed without an agreement"), default=True)
    flex_days_per_month = models.PositiveSmallIntegerField(_("flexible days a month"), default=4)
    abroad_social_security_pct = models.PositiveSmallIntegerField(
        _("abroad: share of working time that moves social security (%)"), default=25
    )
    abroad_framework_pct = models.PositiveSmallIntegerField(
        _("abroad: limit of the framework agreement on cross-border telework (%)"), default=50
    )
    abroad_tax_days = models.PositiveSmallIntegerField(
        _("abroad: days in 12 months before tax moves"), default=183
    )
    no_sporadic_days = models.DecimalField(
        _("Norway: below this average of days a week, home work is sporadic"),
        max_digits=2,
        decimal_places=1,
        default=Decimal("1"),
        validators=DAYS,
    )
    equipment_extra_days = models.DecimalField(
        _("extra equipment may be borrowed above this many remote days a week"),
        max_digits=2,
        decimal_places=1,
        default=Decimal("2"),
        validators=DAYS,
    )
    pulse_weeks = models.PositiveSmallIntegerField(
        _("weeks between wellbeing pulses for people who work remotely"), default=6
    )
    dk_screen_days = models.DecimalField(
        _("Denmark: screen-work rules apply above this average of days a week"),
        max_digits=2,
        decimal_places=1,
        default=Decimal("2"),
        validators=DAYS,
    )

    created_by = models.ForeignKey(
        "org.Person",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created"))
    published_by = models.ForeignKey(
        "org.Person",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("published by"),
    )
    published_at = models.DateTimeField(null=True, blank=True, verbose_name=_("published"))

    class Meta:
        verbose_name = _("policy version")
        verbose_name_plural = _("policy versions")
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["status"], condition=Q(status="draft"), name="policy_one_draft"),
            models.CheckConstraint(
                condition=Q(manager_max_days__lte=models.F("max_days")),
                name="policy_manager_limit_within_max",
            ),
        ]

    def __str__(self):
        return f"v{self.number}"

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT


PARAMETER_FIELDS = [
    "manager_max_days",
    "max_days",
    "trial_days",
    "trial_weeks",
    "evaluation_months",
    "attachment_warning_days",
    "require_suitability",
    "required_checklists",
    "min_tenure_months",
    "onsite_exception_by_hr",
    "flex_days_allowed",
    "flex_days_per_month",
    "abroad_social_security_pct",
    "abroad_framework_pct",
    "abroad_tax_days",
    "no_sporadic_days",
    "dk_screen_days",
    "equipment_extra_days",
    "pulse_weeks",
]
