from django.utils.translation import gettext_lazy as _

from distans.core.permissions import can_use_admin_site


def restrict_admin_site(site) -> None:
    """Only administrators reach Django's admin site, whatever their staff flag says."""
    site.has_permission = lambda request: can_use_admin_site(request.user)
    site.site_header = _("Distans administration")
    site.site_title = _("Distans administration")
    site.index_title = _("Administration")
