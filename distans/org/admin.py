from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.forms import UserChangeForm, UserCreationForm
from django.utils.translation import gettext_lazy as _

from distans.core.admin_site import AuditedAdmin
from distans.core.audit import client_address
from distans.core.history import has_history, refusal
from distans.core.roles import Role
from distans.org.models import Person, Position, Site, Unit
from distans.org.queries import managed_by
from distans.org.services import person_deactivate, person_reactivate, person_set_roles


class PersonCreationForm(UserCreationForm):
    class Meta:
        model = Person
        fields = ("email", "first_name", "last_name")


class PersonChangeForm(UserChangeForm):
    class Meta:
        model = Person
        fields = "__all__"

    acting_user = None  # set per request by PersonAdmin.get_form

    def clean_is_active(self):
        active = self.cleaned_data["is_active"]
        if not active and self.instance.pk == getattr(self.acting_user, "pk", None):
            raise forms.ValidationError(_("You cannot deactivate yourself."))
        return active


def role_name(group) -> str:
    """A group by the role it gives ("HR approver"), not by its name ("hr_approver")."""
    return str(dict(Role.choices).get(group.name, group.name))


class RoleFilter(admin.SimpleListFilter):
    title = _("Roles")
    parameter_name = "role"

    def lookups(self, request, model_admin):
        return Role.choices

    def queryset(self, request, queryset):
        return queryset.filter(groups__name=self.value()) if self.value() else queryset


@admin.register(Person)
class PersonAdmin(AuditedAdmin, UserAdmin):
    form = PersonChangeForm
    add_form = PersonCreationForm
    ordering = ["last_name", "first_name"]
    list_display = ["email", "first_name", "last_name", "employee_number", "unit", "is_active"]
    list_filter = ["is_active", "country", RoleFilter, "unit"]
    search_fields = ["email", "first_name", "last_name", "employee_number"]
    raw_id_fields = ["manager", "unit", "position", "site"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (_("Person"), {"fields": ["first_name", "last_name", "employee_number", "phone"]}),
        (_("Organisation"), {"fields": ["unit", "manager", "position", "site", "country"]}),
        (_("Preferences"), {"fields": ["language", "time_zone"]}),
        (
            _("Employment and commute"),
            {"fields": ["employment_start", "commute_distance_km", "commute_mode"]},
        ),
        (_("Access"), {"fields": ["is_active", "groups"]}),
    ]
    add_fieldsets = [
        (
            None,
            {"classes": ["wide"], "fields": ["email", "first_name", "last_name", "password1", "password2"]},
        )
    ]

    # What an identity provider keeps up to date for a provisioned person: not changed here behind its back.
    PROVISIONED_FIELDS = [
        "email",
        "first_name",
        "last_name",
        "employee_number",
        "unit",
        "manager",
        "is_active",
    ]

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        field = super().formfield_for_manytomany(db_field, request, **kwargs)
        if db_field.name == "groups":
            field.label_from_instance = role_name
        return field

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)  # a new class for each request
        form.acting_user = request.user
        return form

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if obj is not None and managed_by(obj):
            fields += self.PROVISIONED_FIELDS
        return fields

    def save_model(self, request, obj, form, change):
        obj.email = obj.email.lower()
        obj.index_for_search()
        # Leaving and returning go through the services, which end sessions and tokens and audit it.
        switch = change and "is_active" in form.changed_data
        if switch:
            obj.is_active = not obj.is_active
        super().save_model(request, obj, form, change)
        if switch:
            service = person_reactivate if form.cleaned_data["is_active"] else person_deactivate
            service(actor=request.user, person=obj, ip_address=client_address(request))
            obj.refresh_from_db(fields=["is_active"])

    def save_related(self, request, form, formsets, change):
        # Roles change through the service, which audits before and after and tells HR.
        groups = form.cleaned_data.pop("groups", None)
        super().save_related(request, form, formsets, change)
        if groups is not None:
            person_set_roles(
                actor=request.user, person=form.instance, groups=groups, ip_address=client_address(request)
            )

    def get_deleted_objects(self, objs, request):
        """A person with history is not deleted: the confirmation page says why, and to deactivate."""
        kept = [refusal(person) for person in objs if has_history(person)]
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        if kept:  # shown instead of Django's list of audit entries it may not delete
            return deleted, counts, set(), kept
        return deleted, counts, perms_needed, protected


@admin.register(Unit)
class UnitAdmin(AuditedAdmin):
    list_display = ["code", "name", "parent", "manager"]
    search_fields = ["code", "name"]
    raw_id_fields = ["parent", "manager"]


@admin.register(Position)
class PositionAdmin(AuditedAdmin):
    list_display = ["code", "name", "remote_suitability"]
    list_filter = ["remote_suitability"]
    search_fields = ["code", "name"]


@admin.register(Site)
class SiteAdmin(AuditedAdmin):
    list_display = ["code", "name", "country", "time_zone", "desk_capacity"]
    list_filter = ["country"]
    search_fields = ["code", "name"]
