import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from distans.core.job_labels import job_name


class AuditQuerySet(models.QuerySet):
    """The audit log is append-only: rows are never changed or removed through the ORM."""

    def update(self, **kwargs):
        raise TypeError("The audit log is append-only.")

    def delete(self):
        raise TypeError("The audit log is append-only.")


class AuditEntry(models.Model):
    at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who"),
        null=True,
        blank=True,
        # A person who acted is never deleted (deactivate instead), so the row keeps its link.
        on_delete=models.PROTECT,
        related_name="+",
    )
    # Who acted, as written at the time: the log still says it if the person is renamed or gone.
    actor_name = models.CharField(_("name"), max_length=201, blank=True)
    actor_number = models.CharField(_("employee number"), max_length=32, blank=True)
    action = models.CharField(_("action"), max_length=64, db_index=True)
    object_type = models.CharField(_("object type"), max_length=64, db_index=True)
    object_id = models.CharField(_("object id"), max_length=64, blank=True, db_index=True)
    object_repr = models.CharField(_("object"), max_length=200, blank=True)
    changes = models.JSONField(_("changes"), default=dict, blank=True)
    ip_address = models.GenericIPAddressField(_("from address"), null=True, blank=True)

    objects = AuditQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit log")

    def __str__(self):
        from distans.core.audit import action_label  # audit.py imports this module

        return f"{self.at:%Y-%m-%d %H:%M} {action_label(self.action)} {self.object_repr}"


def hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


class ApiToken(models.Model):
    """A personal API token. Only its hash is stored; the token is shown once when created."""

    PREFIX = "dst_"

    class Scope(models.TextChoices):
        READ = "read", _("Read only")
        READ_WRITE = "read_write", _("Read and write")

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="api_tokens",
        verbose_name=_("person"),
    )
    name = models.CharField(_("name"), max_length=100)
    key_hash = models.CharField(max_length=64, unique=True, verbose_name=_("key hash"))
    hint = models.CharField(_("starts with"), max_length=12)
    scope = models.CharField(_("access"), max_length=16, choices=Scope.choices, default=Scope.READ)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self):
        return f"{self.name} ({self.hint}…)"

    @classmethod
    def new_raw_key(cls) -> str:
        return cls.PREFIX + secrets.token_urlsafe(32)

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None

    @property
    def can_write(self) -> bool:
        return self.scope == self.Scope.READ_WRITE


class JobRun(models.Model):
    """One run of a periodic job (core.schedule): when, which attempt, how it ended and what it did.
    The schedule reads the latest runs to know what is due or to be retried; administrators read them on
    the Jobs page and with `manage.py jobs`."""

    class Outcome(models.TextChoices):
        RUNNING = "running", _("Running")
        SUCCEEDED = "succeeded", _("Succeeded")
        FAILED = "failed", _("Failed")

    job = models.CharField(_("job"), max_length=100)
    attempt = models.PositiveSmallIntegerField(_("attempt"), default=1)  # 1, then each retry
    started_at = models.DateTimeField(_("started"), db_index=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    outcome = models.CharField(_("outcome"), max_length=10, choices=Outcome.choices, default=Outcome.RUNNING)
    counts = models.JSONField(_("what it did"), default=dict, blank=True)
    # The exception's class and first line, never a traceback (that goes to the log).
    error = models.CharField(_("error"), max_length=500, blank=True)

    class Meta:
        ordering = ["-started_at", "-id"]
        indexes = [models.Index(fields=["job", "-started_at"], name="core_jobrun_job_latest")]
        constraints = [
            # A job runs once at a time, whatever number of workers: a second start is refused.
            models.UniqueConstraint(
                fields=["job"], condition=models.Q(outcome="running"), name="core_jobrun_one_running"
            )
        ]
        verbose_name = _("job run")
        verbose_name_plural = _("job runs")

    def __str__(self):
        return f"{job_name(self.job)} {self.started_at:%Y-%m-%d %H:%M} {self.get_outcome_display()}"


class WorkerBeat(models.Model):
    """A task worker was seen when it last started a task (the schedule gives it one every few minutes):
    `/readyz` asks for one seen recently."""

    worker_id = models.CharField(max_length=64, unique=True, verbose_name=_("worker"))
    seen_at = models.DateTimeField(db_index=True, verbose_name=_("last seen"))

    class Meta:
        verbose_name = _("task worker")
        verbose_name_plural = _("task workers")

    def __str__(self):
        return f"{self.worker_id} {self.seen_at:%Y-%m-%d %H:%M}"
