"""How long each kind of record is kept, per country, and what happens when the time is up.

Each `RecordType` names its records, the date its period counts from, and whether they are deleted or
only stripped of what identifies someone. Its defaults cite their source as a customer reads it (a plain
reason and the laws, with section and link) or say that the organisation sets them; how far each source
is verified is kept in docs/privacy.md, never on a page. HR changes a period on the retention page
(`RetentionRule` rows), and a legal hold on a person keeps everything about them.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.sessions.models import Session
from django.db import models, transaction
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from distans.agreements.models import Agreement, AgreementStatus, Signature
from distans.checklists.models import Assignment, Kind
from distans.core.models import ApiToken, AuditEntry
from distans.followup.models import Deviation
from distans.planning.models import DayChange, WorkPattern
from distans.privacy import erasure
from distans.privacy.models import LegalHold, RetentionRule

NORDIC = ("SE", "NO", "DK")
COUNTRIES = (*NORDIC, "")  # "" is every other country
YEAR = 365


@dataclass(frozen=True)
class Law:
    """A law cited for a default: its name and number as its own country cites it, the section, and
    where to read it."""

    name: str | Promise
    section: str | Promise
    url: str = ""


@dataclass(frozen=True)
class Source:
    """Why a default is what it is: a plain sentence in the reader's language and the laws behind it."""

    text: str | Promise
    laws: tuple[Law, ...] = ()


GDPR = "https://eur-lex.europa.eu/eli/reg/2016/679/oj"
STORAGE_LIMITATION = Law(_("GDPR (EU) 2016/679"), _("Art. 5(1)(e)"), GDPR)
MINIMISATION = Law(_("GDPR (EU) 2016/679"), _("Art. 5(1)(c) and (e)"), GDPR)
SET_BY_YOU = Source(_("Set by your organisation; Distans suggests this period."), (STORAGE_LIMITATION,))
BRIEF = Source(
    _("Set by your organisation. Security records are kept briefly and only for their purpose."),
    (MINIMISATION,),
)
WORKING_TIME_SE = Law(
    "Arbetstidslag (1982:673)",
    "11 §",
    "https://www.riksdagen.se/sv/dokument-och-lagar/dokument/svensk-forfattningssamling/"
    "arbetstidslag-1982673_sfs-1982-673/",
)
WORKING_TIME_NO = Law(
    "Arbeidsmiljøloven (LOV-2005-06-17-62)", "§ 10-7", "https://lovdata.no/lov/2005-06-17-62"
)
WORKING_TIME_DK = Law("Arbejdstidsloven (lov om gennemførelse af dele af arbejdstidsdirektivet)", "§ 4 b")


@dataclass(frozen=True)
class RecordType:
    key: str
    label: str | Promise
    counted_from: str | Promise
    defaults: dict[str, int]  # days, by country; "" for every other
    source: Source
    # Where the person is, from the record ("" for records kept for the whole organisation); their
    # country chooses the period, and a legal hold on them keeps the record.
    person_path: str
    # The records past their period, given the moment it ended, and what is done to them (a count).
    due: Callable[[datetime.datetime], models.QuerySet]
    act: Callable[[models.QuerySet], int]

    @property
    def per_country(self) -> bool:
        return bool(self.person_path)


def _delete_rows(records: models.QuerySet) -> int:
    """Delete and count the records themselves (not the rows deleted with them)."""
    ids = list(records.values_list("pk", flat=True))
    records.model._base_manager.filter(pk__in=ids).delete()
    return len(ids)


def _agreements_due(before: datetime.datetime) -> models.QuerySet:
    ended = Coalesce("ends_on", "end_date")
    return Agreement.objects.annotate(ended=ended).filter(
        models.Q(ended__lt=timezone.localdate(before)) | models.Q(ended__isnull=True, updated_at__lt=before),
        status__in=[AgreementStatus.ENDED, AgreementStatus.EXPIRED],
    )


def _signature_details_due(before: datetime.datetime) -> models.QuerySet:
    return Signature.objects.filter(signed_at__lt=before).filter(
        models.Q(ip_address__isnull=False) | ~models.Q(user_agent="")
    )


def _strip_signature_details(records: models.QuerySet) -> int:
    return records.update(ip_address=None, user_agent="")


def _finished_checklists(before: datetime.datetime) -> models.QuerySet:
    return Assignment.objects.annotate(finished=Coalesce("completed_at", "created_at")).filter(
        status__in=[Assignment.Status.COMPLETED, Assignment.Status.CANCELLED], finished__lt=before
    )


def _checklists_due(before: datetime.datetime) -> models.QuerySet:
    return _finished_checklists(before).exclude(version__template__kind=Kind.PULSE)


def _pulse_due(before: datetime.datetime) -> models.QuerySet:
    return _finished_checklists(before).filter(version__template__kind=Kind.PULSE)


def _deviations_due(before: datetime.datetime) -> models.QuerySet:
    return Deviation.objects.filter(status=Deviation.Status.CLOSED, closed_at__lt=before)


def _day_changes_due(before: datetime.datetime) -> models.QuerySet:
    return DayChange.objects.filter(date__lt=timezone.localdate(before))


def _patterns_due(before: datetime.datetime) -> models.QuerySet:
    """Usual weeks that a later one had replaced before the period began."""
    replaced = WorkPattern.objects.filter(
        person=models.OuterRef("person"),
        valid_from__gt=models.OuterRef("valid_from"),
        valid_from__lt=timezone.localdate(before),
    )
    return WorkPattern.objects.filter(models.Exists(replaced))


def _audit_due(before: datetime.datetime) -> models.QuerySet:
    # The one sanctioned removal from the append-only log: the base manager's plain queryset.
    return AuditEntry._base_manager.filter(at__lt=before)


def _tokens_due(before: datetime.datetime) -> models.QuerySet:
    return ApiToken.objects.filter(revoked_at__lt=before)


def _delete_tokens_and_old_sessions(records: models.QuerySet) -> int:
    sessions = Session.objects.filter(expire_date__lt=timezone.now()).delete()[0]
    return _delete_rows(records) + sessions


def _leavers_due(before: datetime.datetime) -> models.QuerySet:
    return erasure.leavers_left_before(before)


def _anonymise(records: models.QuerySet) -> int:
    people = list(records)
    for person in people:
        erasure.anonymise(person)
    return len(people)


RECORD_TYPES: list[RecordType] = [
    RecordType(
        "agreements",
        _("Agreements, their versions, signed PDFs and evaluations"),
        _("after the agreement ended"),
        {"SE": 10 * YEAR, "NO": 3 * YEAR, "DK": 3 * YEAR, "": 10 * YEAR},
        Source(
            _(
                "The employment plus the general limitation period for claims: 10 years in Sweden, "
                "3 years in Norway and Denmark."
            ),
            (
                Law(
                    "Preskriptionslag (1981:130)",
                    "2 §",
                    "https://www.riksdagen.se/sv/dokument-och-lagar/dokument/svensk-forfattningssamling/"
                    "preskriptionslag-1981130_sfs-1981-130/",
                ),
                Law("Foreldelsesloven (LOV-1979-05-18-18)", "§ 2", "https://lovdata.no/lov/1979-05-18-18"),
                Law(
                    "Forældelsesloven (LBK nr. 1238 af 09/11/2015)",
                    "§ 3",
                    "https://www.retsinformation.dk/eli/lta/2015/1238",
                ),
                STORAGE_LIMITATION,
            ),
        ),
        "person",
        _agreements_due,
        _delete_rows,
    ),
    RecordType(
        "signature_details",
        _("The address and browser recorded with a signature"),
        _("after signing"),
        {"": YEAR},
        BRIEF,
        "version__agreement__person",
        _signature_details_due,
        _strip_signature_details,
    ),
    RecordType(
        "checklists",
        _("Checklists and their answers"),
        _("after the checklist was completed"),
        {"DK": 6 * YEAR, "": 3 * YEAR},
        Source(
            _(
                "The current and the previous round of the work-environment assessment. In Denmark two "
                "rounds of the workplace assessment (APV). Elsewhere set by your organisation."
            ),
            (
                Law(
                    "Arbejdsmiljøloven (LBK nr. 2062 af 16/11/2021)",
                    "§ 15 a",
                    "https://www.retsinformation.dk/eli/lta/2021/2062",
                ),
                STORAGE_LIMITATION,
            ),
        ),
        "person",
        _checklists_due,
        _delete_rows,
    ),
    RecordType(
        "deviations",
        _("Deviations and injuries"),
        _("after the deviation was closed"),
        {"": 10 * YEAR},
        Source(
            _("Set by your organisation. An injury can lead to a claim many years later."),
            (STORAGE_LIMITATION,),
        ),
        "person",
        _deviations_due,
        _delete_rows,
    ),
    RecordType(
        "day_changes",
        _("Day changes in the plan"),
        _("after the day"),
        {"DK": 5 * YEAR, "": 2 * YEAR},
        Source(
            _(
                "Denmark: records of working time are kept 5 years. Norway and Sweden: as long as the "
                "working-time rules or the collective agreement require, set by your organisation."
            ),
            (WORKING_TIME_DK, WORKING_TIME_NO, WORKING_TIME_SE),
        ),
        "person",
        _day_changes_due,
        _delete_rows,
    ),
    RecordType(
        "work_patterns",
        _("Usual weeks that were replaced"),
        _("after a later usual week began"),
        {"DK": 5 * YEAR, "": 2 * YEAR},
        Source(
            _("As day changes: Denmark 5 years; elsewhere set by your organisation."),
            (WORKING_TIME_DK, WORKING_TIME_NO, WORKING_TIME_SE),
        ),
        "person",
        _patterns_due,
        _delete_rows,
    ),
    RecordType(
        "pulse",
        _("Wellbeing pulse answers"),
        _("after the answer"),
        {"": 2 * YEAR},
        SET_BY_YOU,
        "person",
        _pulse_due,
        _delete_rows,
    ),
    RecordType(
        "audit",
        _("Audit log"),
        _("after the entry"),
        {"": 5 * YEAR},
        SET_BY_YOU,
        "",
        _audit_due,
        _delete_rows,
    ),
    RecordType(
        "sessions_tokens",
        _("Revoked API tokens and expired sign-ins"),
        _("after the token was revoked"),
        {"": 90},
        BRIEF,
        "",
        _tokens_due,
        _delete_tokens_and_old_sessions,
    ),
    RecordType(
        "leavers",
        _("Profiles of people who have left (then anonymised: a numbered “Former employee” in their place)"),
        _("after the person left"),
        {"": 2 * YEAR},
        SET_BY_YOU,
        "pk",
        _leavers_due,
        _anonymise,
    ),
]
BY_KEY = {record_type.key: record_type for record_type in RECORD_TYPES}


def periods() -> dict[str, dict[str, int]]:
    """Days kept, by record type and country ("" for every other), HR's rules over the defaults."""
    table = {
        record_type.key: {
            country: record_type.defaults.get(country, record_type.defaults[""])
            for country in (COUNTRIES if record_type.per_country else ("",))
        }
        for record_type in RECORD_TYPES
    }
    for rule in RetentionRule.objects.all():
        if rule.record_type in table and rule.country in table[rule.record_type]:
            table[rule.record_type][rule.country] = rule.days
    return table


def changed() -> set[tuple[str, str]]:
    """The (record type, country) pairs HR has set."""
    return set(RetentionRule.objects.values_list("record_type", "country"))


def _in_country(path: str, country: str) -> models.Q:
    field = "country" if path == "pk" else f"{path}__country"
    if country:
        return models.Q(**{field: country})
    return ~models.Q(**{f"{field}__in": NORDIC})


def held_people() -> models.QuerySet:
    return LegalHold.objects.filter(lifted_at__isnull=True).values("person")


def apply(now: datetime.datetime | None = None) -> dict[str, int]:
    """Delete or anonymise everything past its period; answers how many records of each type."""
    now = now or timezone.now()
    counts: dict[str, int] = {}
    table = periods()
    for record_type in RECORD_TYPES:
        done = 0
        for country, days in table[record_type.key].items():
            records = record_type.due(now - datetime.timedelta(days=days))
            if record_type.per_country:
                path = record_type.person_path
                records = records.filter(_in_country(path, country)).exclude(**{f"{path}__in": held_people()})
            with transaction.atomic():
                done += record_type.act(records)
        counts[record_type.key] = done
    return counts
