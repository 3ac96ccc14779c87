from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.utils.translation import gettext_lazy as _

from distans.org.models import Person, Position, Site, Unit


@admin.register(Person)
class PersonAdmin(UserAdmin):
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


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "parent", "manager"]
    search_fields = ["code", "name"]
    raw_id_fields = ["parent", "manager"]


@admin.register(Position)
class PositionAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "remote_suitability"]
    list_filter = ["remote_suitability"]
    search_fields = ["code", "name"]


@admin.register(Site)
class SiteAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "country", "time_zone", "desk_capacity"]
    list_filter = ["country"]
    search_fields = ["code", "name"]
