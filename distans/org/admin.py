from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.forms import UserChangeForm, UserCreationForm
from django.utils.translation import gettext_lazy as _

from distans.core.admin_site import AuditedAdmin
from distans.org.models import Person, Position, Site, Unit
from distans.org.rules import search_text


class PersonCreationForm(UserCreationForm):
    class Meta:
        model = Person
        fields = ("email", "first_name", "last_name")


class PersonChangeForm(UserChangeForm):
    class Meta:
        model = Person
        fields = "__all__"


@admin.register(Person)
class PersonAdmin(AuditedAdmin, UserAdmin):
    form = PersonChangeForm
    add_form = PersonCreationForm
    ordering = ["last_name", "first_name"]
    list_display = ["email", "first_name", "last_name", "employee_number", "unit", "is_active"]
    list_filter = ["is_active", "country", "groups", "unit"]
    search_fields = ["email", "first_name", "last_name", "employee_number"]
    raw_id_fields = ["manager", "unit", "position", "site"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (_("Person"), {"fields": ["first_name", "last_name", "employee_number", "phone"]}),
        (_("Organisation"), {"fields": ["unit", "manager", "position", "site", "country"]}),
        (_("Preferences"), {"fields": ["language", "time_zone"]}),
        (_("Employment and commute"), {"fields": [
            "employment_start", "commute_distance_km", "commute_mode"]}),
        (_("Access"), {"fields": ["is_active", "groups"]}),
    ]
    add_fieldsets = [(None, {"classes": ["wide"], "fields": [
        "email", "first_name", "last_name", "password1", "password2"]})]

    def save_model(self, request, obj, form, change):
        obj.email = obj.email.lower()
        obj.search_text = search_text(obj.full_name, obj.email, obj.employee_number)
        super().save_model(request, obj, form, change)


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
