"""What agreements write to the audit log."""

from django.utils.translation import gettext_lazy as _

from distans.core.audit import AuditAction


class AgreementAudit(AuditAction):
    DRAFT = "agreement.draft", _("Agreement drafted")
    TERMS = "agreement.terms", _("Agreement terms changed")
    SEND = "agreement.send", _("Agreement sent for signature")
    SIGN = "agreement.sign", _("Agreement signed by one side")
    SIGNED = "agreement.signed", _("Agreement signed by both sides")
    ACTIVATE = "agreement.activate", _("Agreement took effect")
    AMEND = "agreement.amend", _("Amendment started")
    SUSPEND = "agreement.suspend", _("Agreement suspended")
    REINSTATE = "agreement.reinstate", _("Agreement reinstated")
    END = "agreement.end", _("Agreement ended or notice given")
    EXPIRE = "agreement.expire", _("Agreement expired")
    TEMPLATE_DRAFT = "agreement_template.draft", _("Agreement template draft started")
    TEMPLATE_SAVE = "agreement_template.save", _("Agreement template saved")
    TEMPLATE_PUBLISH = "agreement_template.publish", _("Agreement template published")
    DEMO_HISTORY = "demo.history", _("Demo history added: past requests, checklists and agreements")
