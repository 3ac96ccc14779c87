from django.contrib import admin

from distans.core.admin_site import AdminOnly, AuditedAdmin
from distans.core.models import ApiToken, AuditEntry


@admin.register(AuditEntry)
class AuditEntryAdmin(AdminOnly):
    list_display = ["at", "actor_name", "actor_number", "action", "object_type", "object_repr", "ip_address"]
    list_filter = ["action", "object_type"]
    search_fields = ["object_repr", "actor_name", "actor_number", "actor__email"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ApiToken)
class ApiTokenAdmin(AuditedAdmin):
    list_display = ["name", "person", "hint", "scope", "created_at", "last_used_at", "revoked_at"]
    readonly_fields = ["person", "name", "hint", "scope", "key_hash", "created_at", "last_used_at"]

    def has_add_permission(self, request):
        return False
