from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from distans.core.admin_site import AdminOnly, AuditedAdmin
from distans.core.audit import action_label, type_label
from distans.core.forms import AuditFilterForm
from distans.core.models import ApiToken, AuditEntry


class AuditFilter(admin.SimpleListFilter):
    """What the audit log page filters on, by the same choices in words."""

    def lookups(self, request, model_admin):
        found = []
        for value, label in AuditFilterForm().fields[self.parameter_name].choices[1:]:  # without "All"
            found += label if isinstance(label, list) else [(value, label)]  # a group's choices, in it
        return found

    def queryset(self, request, queryset):
        return queryset.filter(**{self.parameter_name: self.value()}) if self.value() else queryset


class ActionFilter(AuditFilter):
    title = pgettext_lazy("audit log", "Action")
    parameter_name = "action"


class ObjectTypeFilter(AuditFilter):
    title = _("Object type")
    parameter_name = "object_type"


@admin.register(AuditEntry)
class AuditEntryAdmin(AdminOnly):
    list_display = [
        "at",
        "actor_name",
        "actor_number",
        "action_words",
        "type_words",
        "object_repr",
        "ip_address",
    ]
    list_filter = [ActionFilter, ObjectTypeFilter]
    search_fields = ["object_repr", "actor_name", "actor_number", "actor__email"]

    @admin.display(description=pgettext_lazy("audit log", "Action"), ordering="action")
    def action_words(self, entry):
        return action_label(entry.action)

    @admin.display(description=_("Object type"), ordering="object_type")
    def type_words(self, entry):
        return type_label(entry.object_type)

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
