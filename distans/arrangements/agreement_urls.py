from django.urls import path

from distans.arrangements import agreement_views as views

app_name = "agreements"
urlpatterns = [
    path("", views.agreement_list, name="list"),
    path("register/", views.register, name="register"),
    path("inspectorate/", views.inspectorate, name="inspectorate"),
    path("verify/", views.verify, name="verify"),
    path("templates/", views.templates, name="templates"),
    path("templates/<int:pk>/", views.template_edit, name="template"),
    path("<int:pk>/", views.agreement_detail, name="detail"),
    path("<int:pk>/edit/", views.agreement_edit, name="edit"),
    path("<int:pk>/sign/", views.agreement_sign, name="sign"),
    path("<int:pk>/v<int:number>.pdf", views.agreement_pdf, name="pdf"),
    path("<int:pk>/<str:action>/", views.agreement_act, name="act"),
]
