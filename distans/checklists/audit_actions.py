"""What checklists write to the audit log."""

from django.utils.translation import gettext_lazy as _

from distans.core.audit import AuditAction


class ChecklistAudit(AuditAction):
    TEMPLATE_CREATE = "checklist_template.create", _("Checklist created")
    VERSION_UPDATE = "checklist_version.update", _("Checklist draft changed")
    VERSION_PUBLISH = "checklist_version.publish", _("Checklist version published")
    VERSION_DRAFT = "checklist_version.draft", _("New checklist draft started")
    ITEM_SAVE = "checklist_item.save", _("Checklist question saved")
    ITEM_DELETE = "checklist_item.delete", _("Checklist question removed")
    ITEM_MOVE = "checklist_item.move", _("Checklist question moved")
    ASSIGNMENT_CREATE = "checklist_assignment.create", _("Checklist assigned")
    ASSIGNMENT_CANCEL = "checklist_assignment.cancel", _("Checklist assignment cancelled")
    RESPONSE_SAVE = "checklist_response.save", _("Checklist answers saved")
    RESPONSE_SUBMIT = "checklist_response.submit", _("Checklist answers submitted")
    ACTION_DONE = "checklist_action.done", _("Checklist action done")
