"""Equipment lent for remote work: the catalogue of item types, loans, and employees' requests.

Lending (not giving) is the tax-safe pattern in all three countries; each item type says whether it
suits private use, which can make a loan a taxable benefit (see the regulation notes)."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from distans.core.translated import localized


class Eligibility(models.TextChoices):
    EVERYONE = "everyone", _("Everyone who works remotely")
    ABOVE_DAYS = "above_days", _("Above the policy's number of remote days a week")
    DECISION = "decision", _("By the manager's decision")


class ItemType(models.Model):
    key = models.SlugField(unique=True, verbose_name=_("key"))
    name = models.JSONField(verbose_name=_("name"))  # by language
    eligibility = models.CharField(_("who may borrow it"), max_length=12, choices=Eligibility.choices)
    private_use = models.BooleanField(_("suits private use (may be a taxable benefit)"), default=False)
    value = models.DecimalField(_("value"), max_digits=9, decimal_places=2, default=0)
    active = models.BooleanField(default=True, verbose_name=_("in use"))

    class Meta:
        verbose_name = _("kind of equipment")
        verbose_name_plural = _("kinds of equipment")
        ordering = ["key"]

    def __str__(self):
        return localized(self.name) or self.key


class Condition(models.TextChoices):
    NEW = "new", _("New")
    GOOD = "good", _("Good")
    WORN = "worn", _("Worn")
    DAMAGED = "damaged", _("Damaged")


class Loan(models.Model):
    class Status(models.TextChoices):
        OUT = "out", _("On loan")
        RETURNED = "returned", _("Returned")
        LOST = "lost", _("Lost")

    item_type = models.ForeignKey(
        ItemType, on_delete=models.PROTECT, related_name="loans", verbose_name=_("kind of equipment")
    )
    serial_number = models.CharField(_("serial number"), max_length=80, blank=True)
    person = models.ForeignKey(
        "org.Person", on_delete=models.CASCADE, related_name="loans", verbose_name=_("person")
    )
    agreement = models.ForeignKey(
        "agreements.Agreement",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="loans",
        verbose_name=_("agreement"),
    )
    out_date = models.DateField(_("lent on"))
    condition = models.CharField(
        _("condition"), max_length=10, choices=Condition.choices, default=Condition.NEW
    )
    acknowledged_at = models.DateTimeField(null=True, blank=True, verbose_name=_("acknowledged"))
    due_back = models.DateField(_("due back"), null=True, blank=True)
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.OUT, verbose_name=_("status")
    )
    returned_on = models.DateField(_("returned on"), null=True, blank=True)
    return_condition = models.CharField(
        max_length=10, choices=Condition.choices, blank=True, verbose_name=_("condition on return")
    )
    created_by = models.ForeignKey(
        "org.Person", null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("created by")
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created"))

    class Meta:
        verbose_name = _("loan")
        verbose_name_plural = _("loans")
        ordering = ["-out_date", "-pk"]
        indexes = [models.Index(fields=["status", "due_back"])]
        constraints = [
            models.UniqueConstraint(
                fields=["item_type", "serial_number"],
                condition=Q(status="out") & ~Q(serial_number=""),
                name="serial_out_once",
            ),
        ]

    def __str__(self):
        return f"{self.item_type} {self.serial_number}".strip()


class EquipmentRequest(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for a decision")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    person = models.ForeignKey(
        "org.Person", on_delete=models.CASCADE, related_name="equipment_requests", verbose_name=_("person")
    )
    item_type = models.ForeignKey(
        ItemType, on_delete=models.PROTECT, related_name="+", verbose_name=_("kind of equipment")
    )
    reason = models.TextField(_("why you need it"), max_length=1000)
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.PENDING, verbose_name=_("status")
    )
    decided_by = models.ForeignKey(
        "org.Person",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(null=True, blank=True, verbose_name=_("decided"))
    comment = models.TextField(blank=True, max_length=1000, verbose_name=_("comment"))
    loan = models.ForeignKey(
        Loan, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("loan")
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created"))

    class Meta:
        verbose_name = _("equipment request")
        verbose_name_plural = _("equipment requests")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.person}: {self.item_type}"
