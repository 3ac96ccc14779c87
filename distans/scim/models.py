"""What provisioning keeps beside the organisation: the clients' tokens, and which people and groups an
identity provider keeps up to date (the person herself stays `org.Person`)."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _


class ProvisioningToken(models.Model):
    """A SCIM client's bearer token (Entra ID, Okta). Only its hash is stored; it is shown once."""

    PREFIX = "dscim_"

    name = models.CharField(_("name"), max_length=100, unique=True)
    key_hash = models.CharField(_("key hash"), max_length=64, unique=True, editable=False)
    hint = models.CharField(_("starts with"), max_length=12, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["name"]
        verbose_name = _("provisioning token")
        verbose_name_plural = _("provisioning tokens")

    def __str__(self):
        return self.name

    @classmethod
    def new_raw_key(cls) -> str:
        return cls.PREFIX + secrets.token_urlsafe(32)


class ProvisionedPerson(models.Model):
    """A person an identity provider keeps up to date: the import and the admin pages leave her alone."""

    person = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="provisioning",
    )
    user_name = models.CharField(_("user name"), max_length=255)
    external_id = models.CharField(_("external id"), max_length=255, blank=True, db_index=True)
    # As the provider names it; the unit is the one whose code or name it matches, if any.
    department = models.CharField(_("department"), max_length=255, blank=True)
    token = models.ForeignKey(
        ProvisioningToken,
        verbose_name=_("provisioned by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The resource as the client last wrote it (what Distans keeps nowhere else: the address list, the
    # manager reference as sent), answered back as SCIM asks; the person's own fields win over it.
    resource = models.JSONField(_("SCIM resource"), default=dict)
    # Deleted by the client: deactivated, and gone from SCIM's answers, but kept for HR's records.
    deleted_at = models.DateTimeField(_("removed by the provider"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("provisioned person")
        verbose_name_plural = _("provisioned people")
        constraints = [models.UniqueConstraint(Lower("user_name"), name="scim_user_name_ci_unique")]

    def __str__(self):
        return self.user_name


class ProvisionedGroup(models.Model):
    """A group the provider pushes; `settings.SCIM_ROLE_GROUPS` says which roles its members hold."""

    display_name = models.CharField(_("name"), max_length=255)
    external_id = models.CharField(_("external id"), max_length=255, blank=True, db_index=True)
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="provisioned_groups", blank=True, verbose_name=_("members")
    )
    # As the client last wrote it (members as sent).
    resource = models.JSONField(_("SCIM resource"), default=dict)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["display_name"]
        constraints = [models.UniqueConstraint(Lower("display_name"), name="scim_group_name_ci_unique")]
        verbose_name = _("provisioned group")
        verbose_name_plural = _("provisioned groups")

    def __str__(self):
        return self.display_name
