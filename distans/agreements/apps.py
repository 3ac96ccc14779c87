from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AgreementsConfig(AppConfig):
    name = "distans.agreements"
    verbose_name = _("Remote work agreements")

    def ready(self):
        from distans.agreements.services import agreement_draft_from_request
        from distans.arrangements.hooks import request_approved

        # An approved request becomes a draft agreement, or an amendment of the person's live one.
        request_approved.subscribe("agreements.draft_from_request", agreement_draft_from_request)
