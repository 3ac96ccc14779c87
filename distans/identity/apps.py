from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IdentityConfig(AppConfig):
    name = "distans.identity"
    label = "identity"
    verbose_name = _("Sign-in")

    def ready(self):
        from django.contrib import admin
        from django.contrib.auth.signals import user_logged_in

        from distans.core.profile import profile_links
        from distans.identity.otp import StaticDevice, TOTPDevice
        from distans.identity.queries import two_factor_link, two_factor_profile_link
        from distans.identity.two_factor import ask_at_sign_in
        from distans.org.hooks import person_links

        user_logged_in.connect(ask_at_sign_in, dispatch_uid="identity.ask_at_sign_in")
        person_links.subscribe("identity", two_factor_link)
        profile_links.subscribe("identity", two_factor_profile_link)
        # Devices change only through Distans's own audited pages, and their secrets are never shown.
        for model in (TOTPDevice, StaticDevice):
            if admin.site.is_registered(model):
                admin.site.unregister(model)
