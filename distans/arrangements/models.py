"""Requests to work remotely and the decisions on them (the agreements that follow are in `agreements`).

A request moves through an explicit state machine (`rules.py`). Each submission is a new round; a
decision is unique per request, round and step, so two people deciding the same step at once
cannot both succeed.
"""

from decimal import Decimal

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from distans.core.roles import APPROVER_TITLE


class Location(models.TextChoices):
    HOME = "home", _("Own home")
    OTHER_PRIVATE = "other_private", _("Other private place")
    ABROAD = "abroad", _("Abroad")


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    AWAITING_CONFIRMATION = "awaiting_confirmation", _("Waiting for the employee to confirm")
    IN_REVIEW = "in_review", _("In review")
    CHANGES_PROPOSED = "changes_proposed", _("Changes proposed")
    RETURNED = "returned", _("Returned for more information")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class Step(models.TextChoices):
    MANAGER = "manager", _("Line manager")
    HR_APPROVER = "hr_approver", APPROVER_TITLE


class DecisionKind(models.TextChoices):
    APPROVE = "approve", _("Approve")
    APPROVE_WITH_CHANGES = "approve_with_changes", _("Approve with changes")
    REJECT = "reject", _("Reject")
    RETURN = "return", _("Return for more information")


class Request(models.Model):
    person = models.ForeignKey(
        "org.Person", on_delete=models.CASCADE, related_name="remote_requests", verbose_name=_("person")
    )
    created_by = models.ForeignKey(
        "org.Person", null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("created by")
    )
    status = models.CharField(
        max_length=30, choices=Status.choices, default=Status.DRAFT, verbose_name=_("status")
    )
    days_per_week = models.DecimalField(_("days a week"), max_digits=2, decimal_places=1)
    flexible = models.BooleanField(_("flexible days"), default=True)
    weekdays = models.JSONField(_("fixed weekdays"), default=list, blank=True)
    location = models.CharField(
        _("place of work"), max_length=20, choices=Location.choices, default=Location.HOME
    )
    abroad_country = models.CharField(_("country"), max_length=60, blank=True)
    time_zone = models.CharField(_("time zone"), max_length=64, blank=True)
    start_date = models.DateField(_("start"))
    end_date = models.DateField(_("end"), null=True, blank=True)
    trial = models.BooleanField(_("start with a trial"), default=False)
    motivation = models.TextField(_("motivation"), max_length=1000, blank=True)

    policy_version = models.ForeignKey(
        "policy.PolicyVersion",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("policy version"),
    )
    route = models.JSONField(default=list, blank=True, verbose_name=_("approval route"))
    step = models.PositiveSmallIntegerField(default=0, verbose_name=_("step"))
    round = models.PositiveSmallIntegerField(default=0, verbose_name=_("round"))
    findings = models.JSONField(default=list, blank=True, verbose_name=_("findings"))
    proposed_changes = models.JSONField(default=dict, blank=True, verbose_name=_("proposed changes"))
    submitted_at = models.DateTimeField(null=True, blank=True, verbose_name=_("submitted"))
    decided_at = models.DateTimeField(null=True, blank=True, verbose_name=_("decided"))
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created"))
    updated_at = models.DateTimeField(auto_now=True, verbose_name=_("updated"))

    class Meta:
        verbose_name = _("request")
        verbose_name_plural = _("requests")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "submitted_at"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(days_per_week__gt=Decimal("0"), days_per_week__lte=Decimal("5")),
                name="request_days_within_week",
            ),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="request_end_after_start",
            ),
        ]

    def __str__(self):
        return str(self.person)

    @property
    def current_step(self) -> str | None:
        if self.status == Status.IN_REVIEW and self.step < len(self.route):
            return self.route[self.step]
        return None


# What the person asks for: the fields a request's evaluation and its history look at.
REQUEST_FIELDS = [
    "days_per_week",
    "flexible",
    "weekdays",
    "location",
    "abroad_country",
    "time_zone",
    "start_date",
    "end_date",
    "trial",
    "motivation",
]


class Decision(models.Model):
    request = models.ForeignKey(
        Request, on_delete=models.CASCADE, related_name="decisions", verbose_name=_("request")
    )
    round = models.PositiveSmallIntegerField(verbose_name=_("round"))
    step = models.PositiveSmallIntegerField(verbose_name=_("step"))
    role = models.CharField(max_length=20, choices=Step.choices, verbose_name=_("role"))
    decided_by = models.ForeignKey(
        "org.Person", null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("decided by")
    )
    decision = models.CharField(max_length=30, choices=DecisionKind.choices, verbose_name=_("decision"))
    comment = models.TextField(blank=True, max_length=2000, verbose_name=_("comment"))
    changes = models.JSONField(default=dict, blank=True, verbose_name=_("changes"))
    policy_version = models.ForeignKey(
        "policy.PolicyVersion",
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("policy version"),
    )
    decided_at = models.DateTimeField(auto_now_add=True, verbose_name=_("decided"))

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        ordering = ["decided_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["request", "round", "step"], name="one_decision_per_step")
        ]

    def __str__(self):
        return f"{self.get_decision_display()} ({self.get_role_display()})"
