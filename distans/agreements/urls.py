from django.urls import path

from distans.agreements import views

app_name = "agreements"
urlpatterns = [
    path("", views.agreement_list, name="list"),
    path("register/", views.register, name="register"),
    path("inspectorate/", views.inspectorate, name="inspectorate"),
    path("verify/", views.verify, name="verify"),
    path("templates/", views.templates, name="templates"),
    path("templates/<id:pk>/", views.template_edit, name="template"),
    path("<id:pk>/", views.agreement_detail, name="detail"),
    path("<id:pk>/edit/", views.agreement_edit, name="edit"),
    path("<id:pk>/sign/", views.agreement_sign, name="sign"),
    path("<id:pk>/v<id:number>.pdf", views.agreement_pdf, name="pdf"),
    path("<id:pk>/<str:action>/", views.agreement_act, name="act"),
]
