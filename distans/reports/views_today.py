"""Who is at the office today: one site at a time, a list that prints on one page."""

from django import forms
from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from distans.core.permissions import require
from distans.org.models import Site
from distans.reports.today import at_the_office, can_view_today, rows_html, site_today


class SiteForm(forms.Form):
    site = forms.ModelChoiceField(label=_("Site"), queryset=Site.objects.order_by("name"), empty_label=None)


@login_required
def today(request):
    require(can_view_today(request.user))
    # The reader's own site first, else the first by name.
    usual = request.user.site_id or Site.objects.order_by("name").values_list("pk", flat=True).first()
    form = SiteForm(request.GET if "site" in request.GET else {"site": usual or ""})
    context: dict = {"form": form, "site": None, "computed_at": timezone.now()}
    if form.is_valid():
        site = form.cleaned_data["site"]
        date = site_today(site)
        people = at_the_office(site, date)
        context.update(site=site, date=date, people=people, rows=rows_html(people))
    return render(request, "reports/today.html", context)
