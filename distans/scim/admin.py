"""Provisioning tokens, created and revoked by administrators; the raw token is shown once."""

from django import forms
from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _

from distans.core.admin_site import AdminOnly
from distans.core.audit import client_address
from distans.scim import tokens
from distans.scim.models import ProvisionedPerson, ProvisioningToken


class TokenForm(forms.ModelForm):
    class Meta:
        model = ProvisioningToken
        fields = ["name"]

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if ProvisioningToken.objects.filter(name__iexact=name).exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(_("A provisioning token already has this name."))
        return name


@admin.register(ProvisioningToken)
class ProvisioningTokenAdmin(AdminOnly):
    form = TokenForm
    list_display = ["name", "hint", "created_by", "created_at", "last_used_at", "revoked_at"]
    readonly_fields = ["hint", "created_by", "created_at", "last_used_at", "revoked_at"]
    fields = ["name", *readonly_fields]
    actions = ["revoke"]

    def get_readonly_fields(self, request, obj=None):
        return ["name", *self.readonly_fields] if obj else []

    def get_fields(self, request, obj=None):
        return self.fields if obj else ["name"]

    def has_delete_permission(self, request, obj=None):
        return False  # revoked, so the audit log keeps naming the client

    def save_model(self, request, obj, form, change):
        if change:
            return
        token, raw = tokens.token_create(
            actor=request.user, name=obj.name, ip_address=client_address(request)
        )
        obj.pk = token.pk
        messages.warning(
            request,
            _("The token for %(name)s is %(token)s — copy it now into the provider: it is not shown again.")
            % {"name": token.name, "token": raw},
        )

    @admin.action(description=_("Revoke the selected tokens"))
    def revoke(self, request, queryset):
        for token in queryset:
            tokens.token_revoke(actor=request.user, token=token, ip_address=client_address(request))
        messages.success(request, _("Revoked: the provider can no longer change anyone with them."))


@admin.register(ProvisionedPerson)
class ProvisionedPersonAdmin(AdminOnly):
    """Who the provider keeps up to date; changed only by the provider."""

    list_display = ["user_name", "person", "external_id", "department", "deleted_at"]
    search_fields = ["user_name", "external_id", "person__email", "person__employee_number"]
    fields = ["user_name", "person", "external_id", "department", "token", "deleted_at"]
    readonly_fields = ["user_name", "person", "external_id", "department", "token", "deleted_at"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
