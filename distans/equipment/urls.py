from django.urls import path

from distans.equipment import views

app_name = "equipment"
urlpatterns = [
    path("", views.mine, name="mine"),
    path("loans/", views.loans, name="loans"),
    path("loans/<id:pk>/acknowledge/", views.acknowledge, name="acknowledge"),
    path("loans/<id:pk>/return/", views.loan_return, name="return"),
    path("loans/<id:pk>/lost/", views.loan_lost, name="lost"),
    path("requests/<id:pk>/decide/", views.decide, name="decide"),
]
