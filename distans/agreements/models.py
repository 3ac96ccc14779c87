"""Agreements: the signed written terms of an approved arrangement, with their versions.

An agreement is drafted from an approved request (`arrangements.Request`); from then on it lives
here. The tables keep the names they had when agreements were part of `arrangements`.
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from distans.agreements.terms import AgreementTerms


class AgreementStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    AWAITING_SIGNATURES = "awaiting_signatures", _("Awaiting signatures")
    SIGNED = "signed", _("Signed, not yet in effect")
    ACTIVE = "active", _("Active")
    SUSPENDED = "suspended", _("Suspended")
    ENDED = "ended", _("Ended")
    EXPIRED = "expired", _("Expired")


class VersionStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    AWAITING_SIGNATURES = "awaiting_signatures", _("Awaiting signatures")
    SIGNED = "signed", _("Signed")
    SUPERSEDED = "superseded", _("Replaced by a later version")
    CANCELLED = "cancelled", _("Cancelled")


class Party(models.TextChoices):
    EMPLOYEE = "employee", _("Employee")
    EMPLOYER = "employer", _("Employer")


class AgreementTemplate(models.Model):
    """The text of an agreement for one country (blank: other countries) and language, versioned.

    `sections` is a list of {"key", "title", "body", "when"}: Markdown with {placeholders} filled from
    the terms, shown only when the condition in "when" holds (blank: always)."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    country = models.CharField(_("country"), max_length=5, blank=True)
    language = models.CharField(_("language"), max_length=5)
    number = models.PositiveIntegerField(default=1)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    title = models.CharField(_("title"), max_length=200)
    sections = models.JSONField(default=list)
    created_by = models.ForeignKey(
        "org.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("agreement template")
        verbose_name_plural = _("agreement templates")
        db_table = "arrangements_agreementtemplate"  # the table keeps its name from arrangements
        ordering = ["country", "language", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["country", "language", "number"], name="agreement_template_number"
            ),
            models.UniqueConstraint(
                fields=["country", "language"],
                condition=Q(status="draft"),
                name="agreement_template_one_draft",
            ),
        ]

    def __str__(self):
        return f"{self.title} v{self.number}"


LIVE_AGREEMENT = ["draft", "awaiting_signatures", "signed", "active", "suspended"]


class Agreement(models.Model):
    person = models.ForeignKey("org.Person", on_delete=models.CASCADE, related_name="agreements")
    request = models.ForeignKey(
        "arrangements.Request", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    country = models.CharField(_("country"), max_length=5, blank=True)
    status = models.CharField(max_length=20, choices=AgreementStatus.choices, default=AgreementStatus.DRAFT)
    start_date = models.DateField(_("start"))
    end_date = models.DateField(_("end"), null=True, blank=True)
    # The days of the version in force (or of the first draft), for filters and lists.
    days_per_week = models.DecimalField(_("days a week"), max_digits=2, decimal_places=1, default=0)
    ends_on = models.DateField(_("ends after notice on"), null=True, blank=True)
    ended_by = models.CharField(max_length=10, choices=Party.choices, blank=True)
    reason = models.TextField(_("reason"), max_length=2000, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Not stored: set on the agreements of a list by `queries.attach_versions` (the version in force)
    # and by the inspectorate list (whether the regulation applies).
    version_in_force: "AgreementVersion | None"
    in_scope: bool

    class Meta:
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")
        db_table = "arrangements_agreement"  # the table keeps its name from arrangements
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "start_date"])]
        constraints = [
            models.UniqueConstraint(
                fields=["person"],
                condition=Q(status__in=LIVE_AGREEMENT),
                name="one_live_agreement_per_person",
            ),
        ]

    def __str__(self):
        return f"{self.person} ({self.get_status_display()})"


class AgreementVersion(models.Model):
    """One wording of an agreement. From the moment it is sent, `text` is frozen and its SHA-256 is
    what each party signs; the PDF made at the last signature is kept byte for byte."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    status = models.CharField(max_length=20, choices=VersionStatus.choices, default=VersionStatus.DRAFT)
    template = models.ForeignKey(AgreementTemplate, on_delete=models.PROTECT, related_name="+")
    language = models.CharField(max_length=5)
    terms = models.JSONField(default=dict)  # read and written as `agreement_terms`
    change_note = models.TextField(_("what changes"), max_length=2000, blank=True)
    effective_from = models.DateField(_("in effect from"))
    text = models.TextField(blank=True)
    text_sha256 = models.CharField(max_length=64, blank=True, db_index=True)
    pdf = models.BinaryField(null=True, blank=True)
    pdf_sha256 = models.CharField(max_length=64, blank=True, db_index=True)
    created_by = models.ForeignKey(
        "org.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    signed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        db_table = "arrangements_agreementversion"  # the table keeps its name from arrangements
        ordering = ["agreement", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["agreement", "number"], name="agreement_version_number"),
        ]

    def __str__(self):
        return f"{self.agreement} v{self.number}"

    @property
    def agreement_terms(self) -> AgreementTerms:
        """The terms, typed; DomainError when the stored ones are not valid."""
        return AgreementTerms.from_dict(self.terms)

    @agreement_terms.setter
    def agreement_terms(self, terms: AgreementTerms) -> None:
        self.terms = terms.to_dict()


class Signature(models.Model):
    version = models.ForeignKey(AgreementVersion, on_delete=models.CASCADE, related_name="signatures")
    party = models.CharField(max_length=10, choices=Party.choices)
    person = models.ForeignKey("org.Person", null=True, on_delete=models.SET_NULL, related_name="+")
    name = models.CharField(max_length=200)
    role = models.CharField(max_length=100)
    signed_at = models.DateTimeField(auto_now_add=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    user_agent = models.CharField(max_length=400, blank=True)
    text_sha256 = models.CharField(max_length=64)

    class Meta:
        db_table = "arrangements_signature"  # the table keeps its name from arrangements
        ordering = ["signed_at"]
        constraints = [models.UniqueConstraint(fields=["version", "party"], name="one_signature_per_party")]

    def __str__(self):
        return f"{self.name} ({self.get_party_display()})"
