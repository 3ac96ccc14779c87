import zoneinfo

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from distans.org.rules import fold, search_text


def validate_time_zone(value: str) -> None:
    if value not in zoneinfo.available_timezones():
        raise ValidationError(
            _("“%(value)s” is not a known time zone; use a name such as Europe/Oslo."),
            params={"value": value},
        )


class Country(models.TextChoices):
    SE = "SE", _("Sweden")
    NO = "NO", _("Norway")
    DK = "DK", _("Denmark")
    OTHER = "OTHER", _("Other country")


class RemoteSuitability(models.TextChoices):
    ONSITE = "onsite", _("On site only")
    PARTLY = "partly", _("Partly remote")
    FULLY = "fully", _("Fully remote")


class CommuteMode(models.TextChoices):
    CAR = "car", _("Car")
    PUBLIC = "public", _("Public transport")
    BICYCLE = "bicycle", _("Bicycle")
    WALK = "walk", _("On foot")
    OTHER = "other", _("Other")


class Site(models.Model):
    code = models.CharField(_("code"), max_length=32, unique=True)
    name = models.CharField(_("name"), max_length=120)
    address = models.CharField(_("address"), max_length=200, blank=True)
    country = models.CharField(_("country"), max_length=5, choices=Country.choices)
    time_zone = models.CharField(
        _("time zone"), max_length=64, default="Europe/Stockholm", validators=[validate_time_zone]
    )
    desk_capacity = models.PositiveIntegerField(_("desks"), default=0)

    class Meta:
        ordering = ["name"]
        verbose_name = _("site")
        verbose_name_plural = _("sites")

    def __str__(self):
        return self.name


class Position(models.Model):
    code = models.CharField(_("code"), max_length=32, unique=True)
    name = models.CharField(_("name"), max_length=120)
    remote_suitability = models.CharField(
        _("remote suitability"), max_length=10, choices=RemoteSuitability.choices
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("position")
        verbose_name_plural = _("positions")

    def __str__(self):
        return self.name


class Unit(models.Model):
    code = models.CharField(_("code"), max_length=32, unique=True)
    name = models.CharField(_("name"), max_length=120)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    manager = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("manager"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="managed_units",
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("unit")
        verbose_name_plural = _("units")
        constraints = [
            models.CheckConstraint(condition=~models.Q(parent=models.F("pk")), name="unit_not_own_parent")
        ]

    def __str__(self):
        return self.name


# What `Person.index_for_search` fills, for writes in bulk.
SEARCH_FIELDS = ["search_text", "first_key", "last_key"]


class PersonManager(BaseUserManager):
    use_in_migrations = True

    def get_by_natural_key(self, username):
        return self.get(email__iexact=username)

    def create_user(self, email, password=None, **fields):
        person = self.model(email=self.normalize_email(email).lower(), **fields)
        person.index_for_search()
        person.set_password(password)
        person.save(using=self._db)
        return person

    def create_superuser(self, email, password=None, **fields):
        fields.update(is_staff=True, is_superuser=True)
        return self.create_user(email, password, **fields)


class Person(AbstractBaseUser, PermissionsMixin):
    """Someone in the organisation, and their login (by e-mail)."""

    email = models.EmailField(_("e-mail"), unique=True)
    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    employee_number = models.CharField(
        _("employee number"), max_length=32, unique=True, null=True, blank=True
    )
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("unit"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="members",
    )
    manager = models.ForeignKey(
        "self",
        verbose_name=_("line manager"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reports",
    )
    position = models.ForeignKey(
        Position,
        verbose_name=_("position"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="people",
    )
    site = models.ForeignKey(
        Site,
        verbose_name=_("site"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="people",
    )
    country = models.CharField(
        _("country of employment"), max_length=5, choices=Country.choices, default=Country.SE
    )
    time_zone = models.CharField(
        _("time zone"), max_length=64, default="Europe/Stockholm", validators=[validate_time_zone]
    )
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES, default="en")
    employment_start = models.DateField(_("employment start"), null=True, blank=True)
    commute_distance_km = models.DecimalField(
        _("commute distance (km, one way)"),
        max_digits=6,
        decimal_places=1,
        null=True,
        blank=True,
    )
    commute_mode = models.CharField(_("commute mode"), max_length=10, choices=CommuteMode.choices, blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    is_staff = models.BooleanField(_("staff"), default=False)
    # When HR or an administrator last sent an invitation to choose a password.
    invited_at = models.DateTimeField(_("last invited"), null=True, blank=True, editable=False)
    # Case- and accent-folded name, e-mail and number, so that search works alike on every database.
    search_text = models.CharField(
        max_length=400, editable=False, db_index=True, default="", verbose_name=_("search text")
    )
    # Folded first and last name, indexed, so the person picker finds a name by its start among
    # 100,000 people (`person_picker.search`).
    first_key = models.CharField(
        max_length=100, editable=False, db_index=True, default="", verbose_name=_("first name for sorting")
    )
    last_key = models.CharField(
        max_length=100, editable=False, db_index=True, default="", verbose_name=_("last name for sorting")
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created"))
    updated_at = models.DateTimeField(auto_now=True, verbose_name=_("updated"))

    objects = PersonManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["first_name", "last_name"]

    class Meta:
        ordering = ["last_name", "first_name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")
        constraints = [
            models.UniqueConstraint(Lower("email"), name="person_email_ci_unique"),
            models.CheckConstraint(
                condition=~models.Q(manager=models.F("pk")), name="person_not_own_manager"
            ),
        ]

    def __str__(self):
        return self.full_name

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    def index_for_search(self) -> None:
        """Fill what the directory and the person picker search in; called wherever a person is
        created or renamed (they are written in bulk, so not from save())."""
        self.search_text = search_text(self.full_name, self.email, self.employee_number)
        self.first_key, self.last_key = fold(self.first_name)[:100], fold(self.last_name)[:100]

    def get_full_name(self):
        return self.full_name

    def get_short_name(self):
        return self.first_name
