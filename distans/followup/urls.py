from django.urls import path

from distans.followup import views

app_name = "followup"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("evaluations/<id:pk>/", views.evaluation, name="evaluation"),
    path("agreements/<id:agreement_pk>/book/", views.book, name="book"),
    path("attachment/", views.attachment, name="attachment"),
    path("pulse/", views.pulse, name="pulse"),
    path("deviations/new/", views.deviation_new, name="deviation_new"),
    path("deviations/<id:pk>/", views.deviation, name="deviation"),
]
