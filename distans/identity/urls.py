from django.urls import path

from distans.identity import views

app_name = "identity"
urlpatterns = [
    path("sso/start/", views.SSOStartView.as_view(), name="sso_start"),
    path("sso/callback/", views.SSOCallbackView.as_view(), name="sso_callback"),
    path("sso/refused/<slug:code>/", views.sso_refused, name="sso_refused"),
    path("two-factor/", views.two_factor_page, name="two_factor"),
    path("two-factor/verify/", views.two_factor_verify, name="two_factor_verify"),
    path("two-factor/recovery-codes/", views.recovery_codes_new, name="recovery_codes_new"),
    path("two-factor/off/", views.two_factor_off, name="two_factor_off"),
    path("people/<id:pk>/two-factor/", views.two_factor_reset, name="two_factor_reset"),
]
