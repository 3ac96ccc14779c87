from django.urls import path

from distans.arrangements import views

app_name = "arrangements"
urlpatterns = [
    path("", views.mine, name="mine"),
    path("new/", views.request_new, name="new"),
    path("evaluate/", views.evaluate, name="evaluate"),
    path("to-decide/", views.to_decide, name="to_decide"),
    path("all/", views.overview, name="overview"),
    path("<id:pk>/", views.request_detail, name="detail"),
    path("<id:pk>/edit/", views.request_edit, name="edit"),
    path("<id:pk>/decide/", views.request_decide, name="decide"),
    path("<id:pk>/assess/", views.request_assess, name="assess"),
    path("<id:pk>/<str:action>/", views.request_act, name="act"),
]
