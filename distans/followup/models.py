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
        "agreements.Agreement", on_delete=models.CASCADE, related_name="evaluations"
    )
    person = models.ForeignKey("org.Person", on_delete=models.CASCADE, related_name="evaluations")
    kind = models.CharField(max_length=10, choices=EvaluationKind.choices)
    due_date = models.DateField(_("date"))
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.SCHEDULED)
    assignment = models.ForeignKey(
        "checklists.Assignment", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    outcome = models.CharField(_("outcome"), max_length=12, choices=Outcome.choices, blank=True)
    outcome_days = models.DecimalField(
        _("new number of days a week"), max_digits=2, decimal_places=1, null=True, blank=True
    )
    note = models.TextField(_("what was agreed"), max_length=2000, blank=True)
    held_at = models.DateTimeField(null=True, blank=True)
    held_by = models.ForeignKey(
        "org.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

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
        return f"{self.person} {self.due_date} ({self.get_kind_display()})"


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

    person = models.ForeignKey("org.Person", on_delete=models.CASCADE, related_name="deviations")
    agreement = models.ForeignKey(
        "agreements.Agreement", null=True, blank=True, on_delete=models.SET_NULL, related_name="deviations"
    )
    loan = models.ForeignKey(
        "equipment.Loan", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    kind = models.CharField(_("what happened"), max_length=20, choices=DeviationKind.choices)
    description = models.TextField(_("description"), max_length=3000)
    occurred_on = models.DateField(_("when"))
    reported_by = models.ForeignKey("org.Person", null=True, on_delete=models.SET_NULL, related_name="+")
    reported_at = models.DateTimeField(auto_now_add=True)
    handler = models.ForeignKey(
        "org.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    respond_by = models.DateField(_("first response by"))
    first_response_at = models.DateTimeField(null=True, blank=True)
    escalated_at = models.DateTimeField(null=True, blank=True)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.OPEN)
    consequence = models.CharField(_("consequence"), max_length=12, choices=Consequence.choices, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(
        "org.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("deviation")
        verbose_name_plural = _("deviations")
        ordering = ["-reported_at"]
        indexes = [models.Index(fields=["status", "respond_by"])]

    def __str__(self):
        return f"{self.person}: {self.get_kind_display()} ({self.get_status_display()})"


class DeviationNote(models.Model):
    """One step of a deviation's handling: who wrote what and when, kept as data so each reader sees
    the time in their own format."""

    deviation = models.ForeignKey(Deviation, on_delete=models.CASCADE, related_name="notes")
    at = models.DateTimeField(default=timezone.now)
    author = models.ForeignKey("org.Person", null=True, on_delete=models.SET_NULL, related_name="+")
    text = models.TextField(max_length=3000)

    class Meta:
        verbose_name = _("handling note")
        verbose_name_plural = _("handling notes")
        ordering = ["at", "pk"]

    def __str__(self):
        return self.text[:60]
