"""Every write to agreement templates: a new draft of a published one, saving a draft, publishing it.
A signed agreement keeps the text it was signed with, so a published template is never changed."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from distans.agreements import rules
from distans.agreements import text as agreement_text
from distans.agreements.audit_actions import AgreementAudit
from distans.agreements.models import AgreementTemplate
from distans.core.audit import audit_record
from distans.core.errors import Conflict, DomainError


def agreement_template_draft(*, actor, template: AgreementTemplate) -> AgreementTemplate:
    """A new draft of a published template, to edit; a signed agreement keeps the text it was signed with."""
    with transaction.atomic():
        existing = AgreementTemplate.objects.filter(
            country=template.country, language=template.language, status=AgreementTemplate.Status.DRAFT
        ).first()
        if existing:
            return existing
        number = AgreementTemplate.objects.filter(
            country=template.country, language=template.language
        ).count()
        draft = AgreementTemplate.objects.create(
            country=template.country,
            language=template.language,
            number=number + 1,
            title=template.title,
            sections=[dict(section) for section in template.sections],
            created_by=actor,
        )
        audit_record(
            actor=actor,
            action=AgreementAudit.TEMPLATE_DRAFT,
            obj=draft,
            changes={"number": [None, draft.number]},
        )
    return draft


def agreement_template_save(
    *, actor, template: AgreementTemplate, title: str, sections: list[dict]
) -> AgreementTemplate:
    with transaction.atomic():
        template = _locked_draft(template, _("A published template cannot be changed. Start a new version."))
        _check_template(template.country, title, sections)
        template.title, template.sections = title.strip(), sections
        template.save()
        audit_record(
            actor=actor, action=AgreementAudit.TEMPLATE_SAVE, obj=template, changes={"title": [None, title]}
        )
    return template


def agreement_template_publish(*, actor, template: AgreementTemplate) -> AgreementTemplate:
    with transaction.atomic():
        template = _locked_draft(template, _("This version is already published."))
        _check_template(template.country, template.title, template.sections)
        template.status = AgreementTemplate.Status.PUBLISHED
        template.published_at = timezone.now()
        template.save()
        audit_record(
            actor=actor,
            action=AgreementAudit.TEMPLATE_PUBLISH,
            obj=template,
            changes={"number": [None, template.number]},
        )
    return template


def _locked_draft(template: AgreementTemplate, refusal: str) -> AgreementTemplate:
    """The template's row, locked; refused once it is published, since signed text must not change."""
    template = AgreementTemplate.objects.select_for_update().get(pk=template.pk)
    if template.status != AgreementTemplate.Status.DRAFT:
        raise Conflict("published", refusal)
    return template


def _check_template(country: str, title: str, sections: list[dict]) -> None:
    if not (title or "").strip():
        raise DomainError("title_required", _("Give the agreement a title."), field="title")
    problems = rules.template_problems(country, sections, set(agreement_text.PLACEHOLDERS))
    if problems:
        messages = {
            "no_section": _(
                "The Norwegian agreement must have the section “%(detail)s” (§ 2 of the regulation)."
            ),
            "unknown_condition": _("Unknown condition “%(detail)s”."),
            "empty_section": _("The section “%(detail)s” needs a title and a text."),
            "unknown_placeholder": _(
                "Unknown field {%(detail)s}: use one of the fields listed beside the editor."
            ),
        }
        raise DomainError(
            "template_invalid", " ".join(messages[code] % {"detail": detail} for code, detail in problems)
        )
