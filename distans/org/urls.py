from django.urls import path

from distans.org import views

app_name = "org"
urlpatterns = [
    path("people/", views.directory, name="directory"),
    path("people/<int:pk>/", views.person_detail, name="person"),
    path("people/<int:pk>/active/", views.person_set_active, name="person_set_active"),
    path("units/", views.unit_list, name="unit_list"),
    path("units/<int:pk>/", views.unit_detail, name="unit"),
    path("sites/", views.site_list, name="site_list"),
    path("import/", views.import_upload, name="import"),
]
