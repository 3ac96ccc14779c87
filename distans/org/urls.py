from django.urls import path

from distans.org import views

app_name = "org"
urlpatterns = [
    path("people/", views.directory, name="directory"),
    path("people/<id:pk>/", views.person_detail, name="person"),
    path("people/<id:pk>/active/", views.person_set_active, name="person_set_active"),
    path("people/<id:pk>/deactivate/", views.person_deactivate, name="person_deactivate"),
    path("people/<id:pk>/invite/", views.person_invite, name="person_invite"),
    path("people/invite/", views.people_invite, name="people_invite"),
    path("people/search/", views.person_search, name="person_search"),
    path("welcome/<uidb64>/<token>/", views.InvitationAcceptView.as_view(), name="invitation"),
    path("units/", views.unit_list, name="unit_list"),
    path("units/<id:pk>/", views.unit_detail, name="unit"),
    path("sites/", views.site_list, name="site_list"),
    path("import/", views.import_upload, name="import"),
]
