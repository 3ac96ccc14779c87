import hashlib

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from distans.agreements import hooks, queries, rules, services, template_services
from distans.agreements import text as agreement_text
from distans.agreements.forms import (
    AmendForm,
    EndForm,
    ReasonForm,
    RegisterFilterForm,
    SignForm,
    TermsForm,
    VerifyForm,
)
from distans.agreements.models import (
    Agreement,
    AgreementStatus,
    AgreementTemplate,
    AgreementVersion,
    Party,
    VersionStatus,
)
from distans.agreements.pdf import render_pdf
from distans.agreements.permissions import (
    can_amend_now,
    can_edit_terms_now,
    can_end_agreement,
    can_end_by_agreement,
    can_end_now,
    can_manage_agreement,
    can_manage_agreement_templates,
    can_reinstate_now,
    can_send_now,
    can_sign_now,
    can_suspend_agreement,
    can_suspend_now,
    can_view_agreement,
    can_view_inspectorate_list,
    can_view_register,
    get_agreement_for_user,
    signing_party,
)
from distans.core.exports import csv_export
from distans.core.permissions import require
from distans.core.refusals import refusal_message, refusal_on, refused
from distans.core.translated import LANGUAGE_NAMES
from distans.org.models import Country

# The actions that take only a reason.
REASONED = {"suspend": services.agreement_suspend, "reinstate": services.agreement_reinstate}


@login_required
def agreement_list(request):
    agreements = list(
        queries.with_versions(queries.visible_agreements(request.user)).order_by(
            "person__last_name", "-created_at"
        )
    )
    mine = [a for a in agreements if a.person_id == request.user.pk]
    reports = [a for a in agreements if a.person_id != request.user.pk]
    for agreement in agreements:
        agreement.version_in_force = queries.current_version(agreement)
    return render(
        request,
        "agreements/list.html",
        {
            "mine": mine,
            "reports": reports,
            "AgreementStatus": AgreementStatus,
            "can_register": can_view_register(request.user),
        },
    )


def _preview(version: AgreementVersion) -> tuple[str, str]:
    """The version's text as HTML, or why it cannot be generated yet."""
    if version.text:
        return agreement_text.as_html(version.text), ""
    with refused() as refusal:
        return agreement_text.as_html(services.compose(version)), ""
    return "", refusal.message


@login_required
def agreement_detail(request, pk: int):
    agreement = queries.load_versions(get_agreement_for_user(request.user, pk))
    in_force = queries.current_version(agreement)
    pending = queries.pending_version(agreement)
    shown = in_force if in_force and in_force.status == VersionStatus.SIGNED else pending or in_force
    body, problem = (
        _preview(AgreementVersion.objects.select_related("template").get(pk=shown.pk)) if shown else ("", "")
    )
    signed = agreement.status == rules.SIGNED
    missing = queries.kind_names(queries.checklists_missing_for(agreement)) if signed else []
    user = request.user
    return render(
        request,
        "agreements/detail.html",
        {
            "terms": agreement_text.display_values(shown.agreement_terms, get_language()) if shown else {},
            "sections": hooks.detail_sections.collect(user=request.user, agreement=agreement),
            "agreement": agreement,
            "pending": pending,
            "shown": shown,
            "AgreementStatus": AgreementStatus,
            "VersionStatus": VersionStatus,
            "body": body,
            "problem": problem,
            "missing_checklists": missing,
            "starts_later": agreement.status == rules.SIGNED and agreement.start_date > timezone.localdate(),
            "can_manage": can_manage_agreement(user, agreement),
            "can_edit": can_edit_terms_now(user, agreement, pending),
            "can_send": can_send_now(user, agreement, pending) and not problem,  # the text must compose
            "can_sign": can_sign_now(user, agreement, pending),
            "can_amend": can_amend_now(user, agreement, pending),
            "can_suspend": can_suspend_now(user, agreement),
            "can_reinstate": can_reinstate_now(user, agreement),
            "can_end": can_end_now(user, agreement),
            "by_agreement_allowed": can_end_by_agreement(user, agreement),
            "versions": list(agreement.versions.all()),
            "reason_form": ReasonForm(),
            "amend_form": AmendForm(),
            "end_form": EndForm(auto_id="id_end_%s"),  # its reason is not the suspension's: ids of its own
        },
    )


@login_required
def agreement_edit(request, pk: int):
    agreement = get_agreement_for_user(request.user, pk, for_write=True)
    version = queries.pending_version(queries.with_versions(Agreement.objects.filter(pk=pk)).get())
    if version is None or version.status != VersionStatus.DRAFT:
        messages.error(request, _("Only a draft can be changed. Start an amendment to change terms."))
        return redirect("agreements:detail", pk=pk)
    amendment = version.number > 1
    form = TermsForm(
        request.POST or None,
        initial={
            **TermsForm.initial_from(version.agreement_terms, version.language),
            "change_note": version.change_note,
        },
        country=agreement.country,
        amendment=amendment,
        language=version.language,
        current=version.agreement_terms,
    )
    if request.method == "POST" and form.is_valid():
        with refusal_on(form):
            services.agreement_terms_update(
                actor=request.user,
                agreement=agreement,
                values=form.terms(),
                change_note=form.cleaned_data.get("change_note") if amendment else None,
            )
            messages.success(request, _("The draft is saved."))
            return redirect("agreements:detail", pk=pk)
    return render(
        request,
        "agreements/edit.html",
        {
            "agreement": agreement,
            "version": version,
            "form": form,
            "language": LANGUAGE_NAMES.get(version.language, version.language),
        },
    )


@login_required
def agreement_sign(request, pk: int):
    agreement = get_agreement_for_user(request.user, pk)
    party = signing_party(request.user, agreement)
    require(party is not None)
    version = agreement.versions.filter(status=VersionStatus.AWAITING_SIGNATURES).first()
    if version is None:
        messages.error(request, _("There is nothing waiting for your signature."))
        return redirect("agreements:detail", pk=pk)
    form = SignForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with refusal_on(form):
            services.agreement_sign(
                actor=request.user,
                agreement=agreement,
                accepted=form.cleaned_data["accepted"],
                password=form.cleaned_data["password"],
                ip_address=request.META.get("REMOTE_ADDR"),
                user_agent=request.headers.get("User-Agent", ""),
            )
            messages.success(request, _("You have signed the agreement."))
            return redirect("agreements:detail", pk=pk)
    return render(
        request,
        "agreements/sign.html",
        {
            "agreement": agreement,
            "version": version,
            "form": form,
            "party": party,
            "Party": Party,
            "body": agreement_text.as_html(version.text),
        },
    )


@login_required
@require_POST
def agreement_act(request, pk: int, action: str):
    agreement = get_agreement_for_user(request.user, pk)
    forms = {"amend": AmendForm, "suspend": ReasonForm, "reinstate": ReasonForm, "end": EndForm}
    if action != "send" and action not in forms:
        raise Http404
    allowed = {
        "send": can_manage_agreement,
        "amend": can_manage_agreement,
        "suspend": can_suspend_agreement,
        "reinstate": can_suspend_agreement,
        "end": can_end_agreement,
    }[action]
    require(allowed(request.user, agreement))
    form = forms[action](request.POST) if action in forms else None
    if form is not None and not form.is_valid():
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
        return redirect("agreements:detail", pk=pk)
    data = form.cleaned_data if form else {}
    with refusal_message(request):
        if action == "send":
            services.agreement_send(actor=request.user, agreement=agreement)
            messages.success(request, _("Sent for signature. Both parties have been told."))
        elif action == "amend":
            services.agreement_amend(actor=request.user, agreement=agreement, change_note=data["change_note"])
            messages.success(
                request, _("An amendment is drafted. Change the terms, then send it for signature.")
            )
            return redirect("agreements:edit", pk=pk)
        elif action in ("suspend", "reinstate"):
            REASONED[action](actor=request.user, agreement=agreement, reason=data["reason"])
            messages.success(request, _("Done. The employee and the manager have been told."))
        else:
            by_agreement = data["by_agreement"] and can_end_by_agreement(request.user, agreement)
            services.agreement_end(
                actor=request.user,
                agreement=agreement,
                last_day=data["last_day"],
                reason=data["reason"],
                by_agreement=by_agreement,
            )
            messages.success(request, _("Done. The employee and the manager have been told."))
    return redirect("agreements:detail", pk=pk)


@login_required
def agreement_pdf(request, pk: int, number: int):
    agreement = get_agreement_for_user(request.user, pk)
    version = get_object_or_404(
        AgreementVersion.objects.select_related("template", "agreement"), agreement=agreement, number=number
    )
    data = bytes(version.pdf) if version.pdf else render_pdf(version, version.agreement_terms.employer)
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="agreement-{agreement.pk}-v{number}.pdf"'
    return response


@login_required
def register(request):
    require(can_view_register(request.user))
    form = RegisterFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    agreements = queries.register(
        country=filters.get("country", ""),
        unit_id=filters["unit"].pk if filters.get("unit") else None,
        status=filters.get("status", ""),
        days=filters.get("days", ""),
        ending_within=filters.get("ending"),
        today=timezone.localdate(),
    )
    if request.GET.get("format") == "csv":
        return _register_csv(queries.with_versions(agreements).iterator(chunk_size=500))
    page = Paginator(agreements, 50).get_page(request.GET.get("page"))
    page.object_list = queries.attach_versions(queries.with_versions(page.object_list))
    return render(
        request, "agreements/register.html", {"form": form, "page": page, "AgreementStatus": AgreementStatus}
    )


def _register_csv(agreements) -> HttpResponse:
    return csv_export(
        "remote-work-agreements.csv",
        [
            _("Employee number"),
            _("Name"),
            _("Unit"),
            _("Country"),
            _("Status"),
            _("Version"),
            _("Days a week"),
            _("Start"),
            _("End"),
            _("Ends after notice on"),
            _("Signed"),
        ],
        map(_register_row, agreements),
    )


def _register_row(agreement) -> list:
    version = queries.current_version(agreement)
    person = agreement.person
    return [
        person.employee_number,
        person.full_name,
        person.unit.name if person.unit else "",
        agreement.country,
        agreement.get_status_display(),
        version.number if version else "",
        agreement.days_per_week,
        agreement.start_date.isoformat(),
        agreement.end_date.isoformat() if agreement.end_date else "",
        agreement.ends_on.isoformat() if agreement.ends_on else "",
        version.signed_at.date().isoformat() if version and version.signed_at else "",
    ]


@login_required
def inspectorate(request):
    require(can_view_inspectorate_list(request.user))
    agreements = queries.inspectorate_list(timezone.localdate())
    for agreement in agreements:
        agreement.signatures = list(agreement.version_in_force.signatures.all())
    if request.GET.get("format") == "csv":
        header = [
            _("Name"),
            _("Unit"),
            _("Days a week"),
            _("Start"),
            _("Version"),
            _("Employee signed"),
            _("Employer signed"),
        ]
        return csv_export("hjemmekontoravtaler.csv", header, map(_inspectorate_row, agreements))
    return render(
        request,
        "agreements/inspectorate.html",
        {"agreements": agreements, "AgreementStatus": AgreementStatus, "Party": Party},
    )


def _inspectorate_row(agreement) -> list:
    signed = {s.party: s.signed_at.date().isoformat() for s in agreement.signatures}
    days = agreement.version_in_force.agreement_terms.days_per_week
    return [
        agreement.person.full_name,
        agreement.person.unit.name if agreement.person.unit else "",
        "" if days is None else str(days),  # as stored ("2.0"), as this export has always shown it
        agreement.start_date.isoformat(),
        agreement.version_in_force.number,
        signed.get(Party.EMPLOYEE, ""),
        signed.get(Party.EMPLOYER, ""),
    ]


@login_required
def verify(request):
    form = VerifyForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        if form.cleaned_data.get("pdf"):
            digest = hashlib.sha256(form.cleaned_data["pdf"].read()).hexdigest()
            version = (
                AgreementVersion.objects.filter(pdf_sha256=digest).select_related("agreement__person").first()
            )
        else:
            digest = form.cleaned_data["sha256"].strip().lower()
            version = (
                AgreementVersion.objects.filter(
                    text_sha256=digest, status__in=(VersionStatus.SIGNED, VersionStatus.SUPERSEDED)
                )
                .select_related("agreement__person")
                .first()
            )
        result = {
            "digest": digest,
            "version": version,
            "visible": version is not None and can_view_agreement(request.user, version.agreement),
        }
    return render(request, "agreements/verify.html", {"form": form, "result": result})


@login_required
def templates(request):
    require(can_manage_agreement_templates(request.user))
    rows = {}
    for template in AgreementTemplate.objects.defer("sections").order_by("country", "language", "-number"):
        rows.setdefault((template.country, template.language), []).append(template)
    countries = dict(Country.choices)
    return render(
        request,
        "agreements/templates.html",
        {
            "rows": [
                {
                    "country": countries.get(country) or _("Other countries"),
                    "language": language,
                    "versions": versions,
                }
                for (country, language), versions in rows.items()
            ],
        },
    )


@login_required
def template_edit(request, pk: int):
    require(can_manage_agreement_templates(request.user))
    template = get_object_or_404(AgreementTemplate, pk=pk)
    sections = template.sections
    if request.method == "POST":
        sections = _posted_sections(request.POST, template.sections)
        with refusal_message(request):
            if "new_version" in request.POST:
                draft = template_services.agreement_template_draft(actor=request.user, template=template)
                return redirect("agreements:template", pk=draft.pk)
            template_services.agreement_template_save(
                actor=request.user, template=template, title=request.POST.get("title", ""), sections=sections
            )
            if "publish" in request.POST:
                template_services.agreement_template_publish(actor=request.user, template=template)
                messages.success(
                    request, _("Published. New agreements use this version; signed ones keep theirs.")
                )
            else:
                messages.success(request, _("The draft is saved."))
            return redirect("agreements:template", pk=template.pk)
    return render(
        request,
        "agreements/template.html",
        {
            "template": template,
            "sections": sections,
            "placeholders": sorted(agreement_text.PLACEHOLDERS),
            "conditions": rules.CONDITIONS,
            "editable": template.status == AgreementTemplate.Status.DRAFT,
        },
    )


def _posted_sections(post, current: list[dict]) -> list[dict]:
    """The sections as edited: changed titles and texts, removed ones left out, one new one at the end."""
    sections = []
    for index, section in enumerate(current):
        if post.get(f"remove_{index}"):
            continue
        sections.append(
            {
                **section,
                "title": post.get(f"title_{index}", section["title"]).strip(),
                "body": post.get(f"body_{index}", section["body"]).strip(),
            }
        )
    if post.get("new_title", "").strip() or post.get("new_body", "").strip():
        sections.append(
            {
                "key": f"custom_{len(current) + 1}",
                "when": post.get("new_when", ""),
                "title": post["new_title"].strip(),
                "body": post.get("new_body", "").strip(),
            }
        )
    return sections
