"""What privacy keeps: access requests with their deadline, the retention rules HR changed, legal holds,
the daily retention runs, the people anonymised, the privacy notice's published versions, and the
organisation's privacy details (controller, contact, transfers, security)."""

from django.conf import settings
from django.db import models
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _


class AccessRequest(models.Model):
    """A person's request for a copy of their data (GDPR Art. 15), answered within a month (Art. 12(3))
    or, told so within that month, within two more."""

    person = models.ForeignKey(
        "org.Person", on_delete=models.CASCADE, related_name="+", verbose_name=_("person")
    )
    received_on = models.DateField(_("received on"))
    note = models.CharField(_("how it was received"), max_length=200, blank=True)
    deadline = models.DateField(_("answer by"))
    extended_to = models.DateField(_("extended to"), null=True, blank=True)
    extension_reason = models.TextField(_("reason for the extension"), max_length=1000, blank=True)
    extension_notified_at = models.DateTimeField(_("employee told of the extension"), null=True, blank=True)
    delivered_at = models.DateTimeField(_("delivered"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        "org.Person", null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("recorded by")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["-received_on", "-pk"]
        verbose_name = _("access request")
        verbose_name_plural = _("access requests")

    def __str__(self):
        return f"{self.person} {self.received_on}"

    @property
    def due(self):
        return self.extended_to or self.deadline


class RetentionRule(models.Model):
    """HR's own period for a record type in a country ('' for every other country); where there is none,
    the default in `retention.RECORD_TYPES` applies."""

    record_type = models.CharField(_("kind of record"), max_length=40)
    country = models.CharField(_("country"), max_length=5, blank=True)
    days = models.PositiveIntegerField(_("days"))
    changed_by = models.ForeignKey(
        "org.Person", null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("changed by")
    )
    changed_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["record_type", "country"], name="retention_rule_unique"),
        ]
        verbose_name = _("retention rule")
        verbose_name_plural = _("retention rules")

    def __str__(self):
        from distans.core.places import country_name
        from distans.privacy.retention import RECORD_TYPES  # it reads this model

        label = next((kind.label for kind in RECORD_TYPES if kind.key == self.record_type), self.record_type)
        where = country_name(self.country) if self.country else _("other countries")
        return f"{label}, {where}"


class LegalHold(models.Model):
    """While a hold is on, nothing about the person is deleted or anonymised (a dispute, a claim)."""

    person = models.ForeignKey(
        "org.Person", on_delete=models.CASCADE, related_name="+", verbose_name=_("person")
    )
    reason = models.CharField(_("reason"), max_length=300)
    placed_by = models.ForeignKey(
        "org.Person", null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("placed by")
    )
    placed_at = models.DateTimeField(_("placed"), auto_now_add=True)
    lifted_at = models.DateTimeField(_("lifted"), null=True, blank=True)
    lifted_by = models.ForeignKey(
        "org.Person", null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("lifted by")
    )
    lift_reason = models.CharField(_("reason for lifting"), max_length=300, blank=True)

    class Meta:
        ordering = ["-placed_at"]
        verbose_name = _("legal hold")
        verbose_name_plural = _("legal holds")

    def __str__(self):
        return f"{self.person}: {self.reason}"


class RetentionRun(models.Model):
    """What a day's retention run did, counted by record type (shown to HR; the audit log has it too)."""

    ran_at = models.DateTimeField(_("ran"), auto_now_add=True)
    counts = models.JSONField(_("records removed"), default=dict)

    class Meta:
        ordering = ["-ran_at"]
        verbose_name = _("retention run")
        verbose_name_plural = _("retention runs")

    def __str__(self):
        return formats.date_format(timezone.localtime(self.ran_at), "SHORT_DATETIME_FORMAT")


class FormerEmployee(models.Model):
    """An anonymised leaver; the row's number is the n in "former employee #n"."""

    person = models.OneToOneField(
        "org.Person", on_delete=models.CASCADE, related_name="+", verbose_name=_("person")
    )
    anonymised_at = models.DateTimeField(_("anonymised"), auto_now_add=True)

    class Meta:
        verbose_name = _("former employee")
        verbose_name_plural = _("former employees")

    def __str__(self):
        return f"#{self.pk}"


class NoticeVersion(models.Model):
    """A published privacy notice: what it stated that the organisation sets (the retention periods, by
    record type and country; the controller and the contact); the words are drawn in the reader's
    language from the code's record of processing."""

    number = models.PositiveIntegerField(_("number"), unique=True)
    periods = models.JSONField(_("retention periods"), default=dict)
    controller = models.CharField(_("controller"), max_length=200, blank=True)
    contact = models.CharField(_("contact for data protection"), max_length=200, blank=True)
    published_at = models.DateTimeField(_("published"), auto_now_add=True)
    published_by = models.ForeignKey(
        "org.Person", null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("published by")
    )

    class Meta:
        ordering = ["-number"]
        verbose_name = _("privacy notice version")
        verbose_name_plural = _("privacy notice versions")

    def __str__(self):
        return _("Privacy notice, version %(number)s") % {"number": self.number}


class PrivacySettings(models.Model):
    """The organisation's privacy details, one row, set by HR or an administrator: who the controller
    is and whom employees ask (`PRIVACY_CONTROLLER` and `PRIVACY_CONTACT` where left empty), and for
    the record of processing the transfers outside the EU/EEA and the security measures (Art. 30(1)(e)
    and (g); Distans's own words where left empty)."""

    controller = models.CharField(_("controller"), max_length=200, blank=True)
    contact = models.CharField(_("contact for data protection"), max_length=200, blank=True)
    transfers = models.TextField(_("transfers to third countries"), max_length=2000, blank=True)
    security = models.TextField(_("security measures"), max_length=3000, blank=True)
    changed_by = models.ForeignKey(
        "org.Person", null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("changed by")
    )
    changed_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        verbose_name = _("privacy settings")
        verbose_name_plural = _("privacy settings")

    def __str__(self):
        return str(_("Privacy settings"))

    @classmethod
    def current(cls) -> "PrivacySettings":
        return cls.objects.filter(pk=1).first() or cls(pk=1)

    @property
    def controller_name(self) -> str:
        return self.controller or settings.PRIVACY_CONTROLLER

    @property
    def contact_name(self) -> str:
        return self.contact or settings.PRIVACY_CONTACT
