from django.urls import path

from distans.core import operations, views

app_name = "core"
urlpatterns = [
    path("", views.my_page, name="my_page"),
    path("language/", views.language_set, name="language"),
    path("profile/", views.profile, name="profile"),
    path("profile/tokens/", views.token_create, name="token_create"),
    path("profile/tokens/<id:pk>/revoke/", views.token_revoke, name="token_revoke"),
    path("audit/", views.audit_log, name="audit_log"),
    path("accessibility/", views.accessibility, name="accessibility"),
    path("jobs/", operations.jobs, name="jobs"),
    path("metrics", operations.metrics, name="metrics"),
]
