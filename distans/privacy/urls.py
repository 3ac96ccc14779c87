from django.urls import path

from distans.privacy import views

app_name = "privacy"

urlpatterns = [
    path("", views.mine, name="mine"),
    path("mine.<str:kind>", views.mine_download, name="mine_download"),
    path("notice/", views.notice_page, name="notice"),
    path("notice/<id:number>/", views.notice_version, name="notice_version"),
    path("notice/publish/", views.notice_publish, name="notice_publish"),
    path("hr/", views.overview, name="overview"),
    path("hr/holds/", views.hold_place, name="hold_place"),
    path("hr/holds/<id:pk>/lift/", views.hold_lift, name="hold_lift"),
    path("hr/requests/<id:pk>/", views.access_request, name="access_request"),
    path("hr/requests/<id:pk>/answered/", views.access_deliver, name="access_deliver"),
    path("hr/people/<id:pk>/data.<str:kind>", views.person_download, name="person_download"),
    path("hr/retention/", views.retention_rules, name="retention"),
    path("hr/processing/", views.record_of_processing, name="record"),
    path("hr/settings/", views.privacy_settings, name="settings"),
]
