from django.urls import path

from distans.equipment import views

app_name = "equipment"
urlpatterns = [
    path("", views.mine, name="mine"),
    path("loans/", views.loans, name="loans"),
    path("loans/<int:pk>/acknowledge/", views.acknowledge, name="acknowledge"),
    path("loans/<int:pk>/return/", views.loan_return, name="return"),
    path("loans/<int:pk>/lost/", views.loan_lost, name="lost"),
    path("requests/<int:pk>/decide/", views.decide, name="decide"),
]
