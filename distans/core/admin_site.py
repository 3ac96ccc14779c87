from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from distans.core.audit import audit_record, client_address
from distans.core.audit_actions import CoreAudit
from distans.core.permissions import can_use_admin_site


def restrict_admin_site(site) -> None:
    """Only administrators reach Django's admin site, whatever their staff flag says."""
    site.has_permission = lambda request: can_use_admin_site(request.user)
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
