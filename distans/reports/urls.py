from django.urls import path, re_path  # noqa: F401

from distans.reports import effect_views, views_business_case, views_today

app_name = "reports"

urlpatterns: list = [
    path("effect/", effect_views.effect, name="effect"),
    path("business-case/", views_business_case.business_case, name="business_case"),
    path("business-case/pdf/", views_business_case.business_case_pdf, name="business_case_pdf"),
    re_path(
        r"^business-case/(?P<table>[a-z]+)\.(?P<kind>csv|xlsx)$",
        views_business_case.business_case_export,
        name="business_case_export",
    ),
    path("today/", views_today.today, name="today"),
]
