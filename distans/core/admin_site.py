from django.contrib import admin
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from distans.core.audit import audit_record, client_address
from distans.core.audit_actions import CoreAudit
from distans.core.permissions import can_use_admin_site


def restrict_admin_site(site) -> None:
    """Only administrators reach Django's admin site, whatever their staff flag says. Its own sign-in page
    is never shown: someone signed in who is no administrator gets the "Not allowed" page every other page
    gives, and someone not signed in signs in where everyone does (with single sign-on and two-factor)."""
    site.has_permission = _may_use
    site.login = _sign_in
    site.site_header = _("Distans administration")
    site.site_title = _("Distans administration")
    site.index_title = _("Administration")


class AdminOnly(admin.ModelAdmin):
    """Administrators manage these objects; Django's per-model permissions are not used."""

    def has_module_permission(self, request):
        return can_use_admin_site(request.user)

    def has_view_permission(self, request, obj=None):
        return can_use_admin_site(request.user)

    def has_add_permission(self, request):
        return can_use_admin_site(request.user)

    def has_change_permission(self, request, obj=None):
        return can_use_admin_site(request.user)

    def has_delete_permission(self, request, obj=None):
        return can_use_admin_site(request.user)


class AuditedAdmin(AdminOnly):
    """Changes made in Django's admin site go to the audit log like every other change."""

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        changed = {
            name: str(form.cleaned_data.get(name))
            for name in form.changed_data
            if name not in {"password", "password1", "password2"}
        }
        action = CoreAudit.ADMIN_CHANGE if change else CoreAudit.ADMIN_ADD
        audit_record(
            actor=request.user, action=action, obj=obj, changes=changed, ip_address=client_address(request)
        )

    def delete_model(self, request, obj):
        # Recorded after the delete, so the entry is not taken for history that forbids it (core.history).
        pk = obj.pk
        super().delete_model(request, obj)
        obj.pk = pk
        audit_record(
            actor=request.user, action=CoreAudit.ADMIN_DELETE, obj=obj, ip_address=client_address(request)
        )

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            self.delete_model(request, obj)


def _may_use(request) -> bool:
    """False sends the visitor to the admin's sign-in (`_sign_in`); a signed-in person who may not use the
    admin site is refused at once instead."""
    if can_use_admin_site(request.user):
        return True
    if request.user.is_authenticated:
        raise PermissionDenied
    return False


def _sign_in(request, extra_context=None):
    """The admin's sign-in page, which the admin sends anyone to who may not use it."""
    if can_use_admin_site(request.user):
        return redirect("admin:index")
    if request.user.is_authenticated:
        raise PermissionDenied
    return redirect_to_login(request.GET.get("next") or reverse("admin:index"))
