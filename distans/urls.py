from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

import distans.core.converters  # noqa: F401  (registers <id:…> before the apps' URLs load)
from distans.api import api
from distans.core.admin_site import restrict_admin_site
from distans.core.forms import RecipientLanguagePasswordResetForm
from distans.identity import forms as identity_forms
from distans.identity import views as identity_views

restrict_admin_site(admin.site)

urlpatterns = [
    path("", include("distans.core.urls")),
    path("", include("distans.org.urls")),
    path("checklists/", include("distans.checklists.urls")),
    path("policy/", include("distans.policy.urls")),
    path("requests/", include("distans.arrangements.urls")),
    path("agreements/", include("distans.agreements.urls")),
    path("plans/", include("distans.planning.urls")),
    path("followup/", include("distans.followup.urls")),
    path("equipment/", include("distans.equipment.urls")),
    path("reports/", include("distans.reports.urls")),
    path("privacy/", include("distans.privacy.urls")),
    path("", include("distans.identity.urls")),
    path("scim/v2/", include("distans.scim.urls")),
    path("login/", identity_views.SignInView.as_view(), name="login"),
    path("logout/", identity_views.SignOutView.as_view(), name="logout"),
    path(
        "password-reset/",
        auth_views.PasswordResetView.as_view(form_class=RecipientLanguagePasswordResetForm),
        name="password_reset",
    ),
    path("password-reset/sent/", auth_views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "password-reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(form_class=identity_forms.SetPasswordForm),
        name="password_reset_confirm",
    ),
    path(
        "password-reset/done/", auth_views.PasswordResetCompleteView.as_view(), name="password_reset_complete"
    ),
    path(
        "password/",
        auth_views.PasswordChangeView.as_view(form_class=identity_forms.PasswordChangeForm),
        name="password_change",
    ),
    path("password/changed/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    path("api/v1/", api.urls),
    path("admin/", admin.site.urls),
]
