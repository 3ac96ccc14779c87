"""Keeping remote work working after the signature: scheduled evaluations with their outcome, and
deviations handled at once by the personnel manager (seed 004)."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class EvaluationKind(models.TextChoices):
    TRIAL = "trial", _("End of the trial period")
    PERIODIC = "periodic", _("Regular evaluation")
    ON_DEMAND = "on_demand", _("On request")


class Outcome(models.TextChoices):
    CONTINUE = "continue", _("Continue unchanged")
    MORE_DAYS = "more_days", _("More remote days")
    FEWER_DAYS = "fewer_days", _("Fewer remote days")
    CHANGE = "change", _("Change of place or hours")
    END = "end", _("End the arrangement")


class Evaluation(models.Model):
    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("Scheduled")
        HELD = "held", _("Held")
        CANCELLED = "cancelled", _("Cancelled")

    agreement = models.ForeignKey(
        "agreements.Agreement",
        on_delete=models.CASCADE,
        related_name="evaluations",
        verbose_name=_("agreement"),
    )
    person = models.ForeignKey(
        "org.Person", on_delete=models.CASCADE, related_name="evaluations", verbose_name=_("person")
    )
    kind = models.CharField(
        max_length=10, choices=EvaluationKind.choices, verbose_name=_("kind of evaluation")
    )
    due_date = models.DateField(_("date"))
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.SCHEDULED, verbose_name=_("status")
    )
    assignment = models.ForeignKey(
        "checklists.Assignment",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("checklist"),
    )
    outcome = models.CharField(_("outcome"), max_length=12, choices=Outcome.choices, blank=True)
    outcome_days = models.DecimalField(
        _("new number of days a week"), max_digits=2, decimal_places=1, null=True, blank=True
    )
    note = models.TextField(_("what was agreed"), max_length=2000, blank=True)
    held_at = models.DateTimeField(null=True, blank=True, verbose_name=_("held"))
    held_by = models.ForeignKey(
        "org.Person",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("held by"),
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created"))

    class Meta:
        verbose_name = _("evaluation")
        verbose_name_plural = _("evaluations")
        ordering = ["due_date", "pk"]
        indexes = [models.Index(fields=["status", "due_date"])]
        constraints = [
            models.UniqueConstraint(
                fields=["agreement"], condition=models.Q(status="scheduled"), name="one_scheduled_evaluation"
            ),
        ]

    def __str__(self):
        return f"{self.person}: {self.get_kind_display()}"


class DeviationKind(models.TextChoices):
    NOT_REACHABLE = "not_reachable", _("Not reachable in the agreed hours")
    SECURITY = "security", _("Security incident")
    LOST_EQUIPMENT = "lost_equipment", _("Lost or damaged equipment")
    WORK_ENVIRONMENT = "work_environment", _("Work environment problem")
    INJURY = "injury", _("Injury while working at home")
    PLAN_NOT_FOLLOWED = "plan_not_followed", _("Plan not followed")
    OTHER = "other", _("Other")


class Consequence(models.TextChoices):
    NONE = "none", _("No further action")
    TALK = "talk", _("A talk")
    CHANGED = "changed", _("A changed agreement")
    SUSPENDED = "suspended", _("Agreement suspended")
    REINSTATED = "reinstated", _("Agreement reinstated")


class Deviation(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        IN_PROGRESS = "in_progress", _("Being handled")
        CLOSED = "closed", _("Closed")

    person = models.ForeignKey(
        "org.Person", on_delete=models.CASCADE, related_name="deviations", verbose_name=_("person")
    )
    agreement = models.ForeignKey(
        "agreements.Agreement",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="deviations",
        verbose_name=_("agreement"),
    )
    loan = models.ForeignKey(
        "equipment.Loan",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("loan"),
    )
    kind = models.CharField(_("what happened"), max_length=20, choices=DeviationKind.choices)
    description = models.TextField(_("description"), max_length=3000)
    occurred_on = models.DateField(_("when"))
    reported_by = models.ForeignKey(
        "org.Person", null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("reported by")
    )
    reported_at = models.DateTimeField(auto_now_add=True, verbose_name=_("reported"))
    handler = models.ForeignKey(
        "org.Person",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("handler"),
    )
    respond_by = models.DateField(_("first response by"))
    first_response_at = models.DateTimeField(null=True, blank=True, verbose_name=_("first response"))
    escalated_at = models.DateTimeField(null=True, blank=True, verbose_name=_("escalated"))
    status = models.CharField(
        max_length=12, choices=Status.choices, default=Status.OPEN, verbose_name=_("status")
    )
    consequence = models.CharField(_("consequence"), max_length=12, choices=Consequence.choices, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True, verbose_name=_("closed"))
    closed_by = models.ForeignKey(
        "org.Person",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("closed by"),
    )

    class Meta:
        verbose_name = _("deviation")
        verbose_name_plural = _("deviations")
        ordering = ["-reported_at"]
        indexes = [models.Index(fields=["status", "respond_by"])]

    def __str__(self):
        return f"{self.person}: {self.get_kind_display()}"


class DeviationNote(models.Model):
    """One step of a deviation's handling: who wrote what and when, kept as data so each reader sees
    the time in their own format."""

    deviation = models.ForeignKey(
        Deviation, on_delete=models.CASCADE, related_name="notes", verbose_name=_("deviation")
    )
    at = models.DateTimeField(default=timezone.now, verbose_name=_("written"))
    author = models.ForeignKey(
        "org.Person", null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("author")
    )
    text = models.TextField(max_length=3000, verbose_name=_("text"))

    class Meta:
        verbose_name = _("handling note")
        verbose_name_plural = _("handling notes")
        ordering = ["at", "pk"]

    def __str__(self):
        return self.text[:60]
