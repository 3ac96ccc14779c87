from django.urls import path

from distans.policy import views

app_name = "policy"
urlpatterns = [
    path("", views.page, name="page"),
    path("versions/", views.versions, name="versions"),
    path("versions/<id:pk>/", views.version_edit, name="version"),
    path("versions/<id:pk>/preview/", views.version_preview, name="preview"),
    path("versions/<id:pk>/publish/", views.version_publish, name="publish"),
]
