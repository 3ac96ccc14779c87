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
    number = models.PositiveIntegerField(default=1, verbose_name=_("number"))
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.DRAFT, verbose_name=_("status")
    )
    title = models.CharField(_("title"), max_length=200)
    sections = models.JSONField(default=list, verbose_name=_("sections"))
    created_by = models.ForeignKey(
        "org.Person",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created"))
    published_at = models.DateTimeField(null=True, blank=True, verbose_name=_("published"))

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
    person = models.ForeignKey(
        "org.Person", on_delete=models.CASCADE, related_name="agreements", verbose_name=_("person")
    )
    request = models.ForeignKey(
        "arrangements.Request",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("request"),
    )
    country = models.CharField(_("country"), max_length=5, blank=True)
    status = models.CharField(
        max_length=20,
        choices=AgreementStatus.choices,
        default=AgreementStatus.DRAFT,
        verbose_name=_("status"),
    )
    start_date = models.DateField(_("start"))
    end_date = models.DateField(_("end"), null=True, blank=True)
    # The days of the version in force (or of the first draft), for filters and lists.
    days_per_week = models.DecimalField(_("days a week"), max_digits=2, decimal_places=1, default=0)
    ends_on = models.DateField(_("ends after notice on"), null=True, blank=True)
    ended_by = models.CharField(max_length=10, choices=Party.choices, blank=True, verbose_name=_("ended by"))
    reason = models.TextField(_("reason"), max_length=2000, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created"))
    updated_at = models.DateTimeField(auto_now=True, verbose_name=_("updated"))
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
        return str(self.person)


class AgreementVersion(models.Model):
    """One wording of an agreement. From the moment it is sent, `text` is frozen and its SHA-256 is
    what each party signs; the PDF made at the last signature is kept byte for byte."""

    agreement = models.ForeignKey(
        Agreement, on_delete=models.CASCADE, related_name="versions", verbose_name=_("agreement")
    )
    number = models.PositiveIntegerField(verbose_name=_("number"))
    status = models.CharField(
        max_length=20, choices=VersionStatus.choices, default=VersionStatus.DRAFT, verbose_name=_("status")
    )
    template = models.ForeignKey(
        AgreementTemplate, on_delete=models.PROTECT, related_name="+", verbose_name=_("template")
    )
    language = models.CharField(max_length=5, verbose_name=_("language"))
    terms = models.JSONField(default=dict, verbose_name=_("terms"))  # read and written as `agreement_terms`
    change_note = models.TextField(_("what changes"), max_length=2000, blank=True)
    effective_from = models.DateField(_("in effect from"))
    text = models.TextField(blank=True, verbose_name=_("text"))
    text_sha256 = models.CharField(max_length=64, blank=True, db_index=True, verbose_name=_("text checksum"))
    pdf = models.BinaryField(null=True, blank=True, verbose_name=_("PDF"))
    pdf_sha256 = models.CharField(max_length=64, blank=True, db_index=True, verbose_name=_("PDF checksum"))
    created_by = models.ForeignKey(
        "org.Person",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created"))
    sent_at = models.DateTimeField(null=True, blank=True, verbose_name=_("sent"))
    signed_at = models.DateTimeField(null=True, blank=True, verbose_name=_("signed"))

    class Meta:
        db_table = "arrangements_agreementversion"  # the table keeps its name from arrangements
        ordering = ["agreement", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["agreement", "number"], name="agreement_version_number"),
        ]
        verbose_name = _("agreement version")
        verbose_name_plural = _("agreement versions")

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
    version = models.ForeignKey(
        AgreementVersion, on_delete=models.CASCADE, related_name="signatures", verbose_name=_("version")
    )
    party = models.CharField(max_length=10, choices=Party.choices, verbose_name=_("party"))
    person = models.ForeignKey(
        "org.Person", null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("person")
    )
    name = models.CharField(max_length=200, verbose_name=_("name"))
    role = models.CharField(max_length=100, verbose_name=_("role"))
    signed_at = models.DateTimeField(auto_now_add=True, verbose_name=_("signed"))
    ip_address = models.GenericIPAddressField(null=True, blank=True, verbose_name=_("IP address"))
    user_agent = models.CharField(max_length=400, blank=True, verbose_name=_("browser"))
    text_sha256 = models.CharField(max_length=64, verbose_name=_("text checksum"))

    class Meta:
        db_table = "arrangements_signature"  # the table keeps its name from arrangements
        ordering = ["signed_at"]
        constraints = [models.UniqueConstraint(fields=["version", "party"], name="one_signature_per_party")]
        verbose_name = _("signature")
        verbose_name_plural = _("signatures")

    def __str__(self):
        return f"{self.name} ({self.get_party_display()})"
