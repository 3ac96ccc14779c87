"""What the organisation writes to the audit log."""

from django.utils.translation import gettext_lazy as _

from distans.core.audit import AuditAction


class OrgAudit(AuditAction):
    IMPORT = "org.import", _("Organisation imported")
    PERSON_INVITE = "person.invite", _("Person invited")
    PERSON_DEACTIVATE = "person.deactivate", _("Person deactivated")
    PERSON_REACTIVATE = "person.reactivate", _("Person reactivated")
    PERSON_ROLES = "person.roles", _("Roles changed")
