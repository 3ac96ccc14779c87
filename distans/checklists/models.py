"""One form engine for every questionnaire: templates in versions, items, assignments, responses.

A published version is never edited: editing makes a new draft. Assignments pin the version they
were given, so a response always shows the questions it answered. Texts HR writes are stored in
all four languages as {"en": ..., "sv": ..., "nb": ..., "da": ...}.
"""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from distans.core.translated import localized


class Kind(models.TextChoices):
    SUITABILITY = "suitability", _("Suitability assessment")
    WORKPLACE = "workplace", _("Home workplace and work environment")
    IT_SECURITY = "it_security", _("IT security")
    INSURANCE = "insurance", _("Insurance")
    FOLLOW_UP = "follow_up", _("Follow-up")
    PULSE = "pulse", _("Wellbeing pulse")
    READINESS = "readiness", _("Organisation readiness")


class Respondent(models.TextChoices):
    EMPLOYEE = "employee", _("The employee")
    MANAGER = "manager", _("The manager")
    BOTH = "both", _("Employee and manager")


class Role(models.TextChoices):
    """Whose answers a response holds."""

    EMPLOYEE = "employee", _("Employee")
    MANAGER = "manager", _("Manager")


class ItemKind(models.TextChoices):
    YES_NO = "yes_no", _("Yes / no")
    SCALE = "scale", _("Scale 1–5")
    SINGLE = "single", _("Single choice")
    MULTIPLE = "multiple", _("Multiple choice")
    NUMBER = "number", _("Number")
    DATE = "date", _("Date")
    TEXT = "text", _("Short text")


class KnownFact(models.TextChoices):
    """What Distans knows about the person a checklist is about, filled in as a question's answer
    (`Item.known`) instead of being typed: shown, and editable only while unknown."""

    NONE = "", _("Nothing: the respondent answers")
    MONTHS_EMPLOYED = "months_employed", _("Months of employment, from the employment start")


class Effect(models.TextChoices):
    NONE = "", _("Nothing")
    BLOCK = "block", _("Blocks the result")
    ACTION = "action", _("Creates an action")


class ActionOwner(models.TextChoices):
    EMPLOYEE = "employee", _("The employee")
    MANAGER = "manager", _("The manager")
    HR = "hr", _("HR")


class Outcome(models.TextChoices):
    PASS = "pass", _("Pass")
    PASS_WITH_ACTIONS = "pass_with_actions", _("Pass with actions")
    FAIL = "fail", _("Fail")


class ChecklistTemplate(models.Model):
    # Set for the built-in templates, so loading them twice adds nothing.
    key = models.SlugField(unique=True, null=True, blank=True, verbose_name=_("key"))
    kind = models.CharField(max_length=20, choices=Kind.choices, verbose_name=_("kind"))
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created"))

    class Meta:
        verbose_name = _("checklist")
        verbose_name_plural = _("checklists")
        ordering = ["kind", "id"]

    def __str__(self):
        return f"{self.get_kind_display()} #{self.pk}"


class TemplateVersion(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    template = models.ForeignKey(
        ChecklistTemplate, on_delete=models.CASCADE, related_name="versions", verbose_name=_("template")
    )
    number = models.PositiveIntegerField(verbose_name=_("number"))
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.DRAFT, verbose_name=_("status")
    )
    title = models.JSONField(default=dict, verbose_name=_("title"))
    intro = models.JSONField(default=dict, blank=True, verbose_name=_("introduction"))
    countries = models.JSONField(
        default=list, blank=True, help_text=_("Empty means every country."), verbose_name=_("countries")
    )
    respondent = models.CharField(
        max_length=10, choices=Respondent.choices, default=Respondent.EMPLOYEE, verbose_name=_("who answers")
    )
    pass_score = models.PositiveSmallIntegerField(null=True, blank=True, verbose_name=_("pass mark"))
    created_by = models.ForeignKey(
        "org.Person",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created"))
    published_by = models.ForeignKey(
        "org.Person",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("published by"),
    )
    published_at = models.DateTimeField(null=True, blank=True, verbose_name=_("published"))

    class Meta:
        ordering = ["template", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["template", "number"], name="checklist_version_number_unique"),
            models.UniqueConstraint(
                fields=["template"], condition=Q(status="draft"), name="checklist_one_draft_per_template"
            ),
            models.CheckConstraint(
                condition=Q(pass_score__isnull=True) | Q(pass_score__lte=100),
                name="checklist_pass_score_percent",
            ),
        ]
        verbose_name = _("checklist version")
        verbose_name_plural = _("checklist versions")

    def __str__(self):
        return f"{localized(self.title)} v{self.number}"

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT

    @property
    def asks_employee(self) -> bool:
        return self.respondent in (Respondent.EMPLOYEE, Respondent.BOTH)

    @property
    def asks_manager(self) -> bool:
        return self.respondent in (Respondent.MANAGER, Respondent.BOTH)


class Item(models.Model):
    version = models.ForeignKey(
        TemplateVersion, on_delete=models.CASCADE, related_name="items", verbose_name=_("version")
    )
    position = models.PositiveIntegerField(default=0, verbose_name=_("order"))
    kind = models.CharField(
        max_length=10, choices=ItemKind.choices, default=ItemKind.YES_NO, verbose_name=_("type of answer")
    )
    text = models.JSONField(default=dict, verbose_name=_("question"))
    help = models.JSONField(default=dict, blank=True, verbose_name=_("help text"))
    required = models.BooleanField(default=True, verbose_name=_("required"))
    weight = models.PositiveSmallIntegerField(default=1, verbose_name=_("weight"))
    # [{"value": "o1", "label": {"en": ..., ...}}, ...]
    options = models.JSONField(default=list, blank=True, verbose_name=_("options"))
    countries = models.JSONField(
        default=list, blank=True, help_text=_("Empty means every country."), verbose_name=_("countries")
    )
    trigger_answers = models.JSONField(
        default=list, blank=True, verbose_name=_("answers that call for action")
    )
    effect = models.CharField(
        max_length=10, choices=Effect.choices, default=Effect.NONE, blank=True, verbose_name=_("effect")
    )
    action_text = models.JSONField(default=dict, blank=True, verbose_name=_("action"))
    action_owner = models.CharField(
        max_length=10, choices=ActionOwner.choices, default=ActionOwner.EMPLOYEE, verbose_name=_("who acts")
    )
    action_days = models.PositiveSmallIntegerField(default=30, verbose_name=_("days to act"))
    known = models.CharField(
        max_length=20,
        choices=KnownFact.choices,
        default=KnownFact.NONE,
        blank=True,
        verbose_name=_("filled in from"),
    )

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self):
        return localized(self.text)


class Assignment(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        COMPLETED = "completed", _("Completed")
        CANCELLED = "cancelled", _("Cancelled")

    version = models.ForeignKey(
        TemplateVersion, on_delete=models.PROTECT, related_name="assignments", verbose_name=_("version")
    )
    person = models.ForeignKey(
        "org.Person", on_delete=models.CASCADE, related_name="checklist_assignments", verbose_name=_("person")
    )
    assessor = models.ForeignKey(
        "org.Person",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="checklist_assessments",
        verbose_name=_("assessor"),
    )
    self_view = models.BooleanField(
        default=False,
        help_text=_("Ask the employee's own view before the manager answers."),
        verbose_name=_("employee answers first"),
    )
    due_date = models.DateField(verbose_name=_("due date"))
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.OPEN, verbose_name=_("status")
    )
    completed_at = models.DateTimeField(null=True, blank=True, verbose_name=_("completed"))
    context_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.SET_NULL, verbose_name=_("about (kind)")
    )
    context_id = models.PositiveBigIntegerField(null=True, blank=True, verbose_name=_("about"))
    context = GenericForeignKey("context_type", "context_id")
    assigned_by = models.ForeignKey(
        "org.Person",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("assigned by"),
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created"))

    class Meta:
        verbose_name = _("checklist assignment")
        verbose_name_plural = _("checklist assignments")
        ordering = ["due_date", "id"]
        indexes = [
            models.Index(fields=["status", "due_date"]),
            models.Index(fields=["context_type", "context_id"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="completed", completed_at__isnull=False) | ~Q(status="completed"),
                name="checklist_completed_has_time",
            ),
        ]

    def __str__(self):
        return f"{localized(self.version.title)} – {self.person}"

    def roles(self) -> list[str]:
        """Whose responses this assignment asks for, in the order they answer."""
        roles: list[str] = []
        if self.version.asks_employee or self.self_view:
            roles.append(Role.EMPLOYEE)
        if self.version.asks_manager:
            roles.append(Role.MANAGER)
        return roles

    def required_roles(self) -> list[str]:
        """The employee's own view before a manager's assessment is welcome, not required."""
        return [
            role
            for role in self.roles()
            if not (role == Role.EMPLOYEE and self.self_view and not self.version.asks_employee)
        ]


class Response(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")

    assignment = models.ForeignKey(
        Assignment, on_delete=models.CASCADE, related_name="responses", verbose_name=_("checklist")
    )
    role = models.CharField(max_length=10, choices=Role.choices, verbose_name=_("role"))
    respondent = models.ForeignKey(
        "org.Person", null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("respondent")
    )
    answers = models.JSONField(default=dict, blank=True, verbose_name=_("answers"))
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.DRAFT, verbose_name=_("status")
    )
    saved_at = models.DateTimeField(auto_now=True, verbose_name=_("saved"))
    submitted_at = models.DateTimeField(null=True, blank=True, verbose_name=_("submitted"))
    score = models.DecimalField(
        max_digits=4, decimal_places=1, null=True, blank=True, verbose_name=_("score")
    )
    outcome = models.CharField(max_length=20, choices=Outcome.choices, blank=True, verbose_name=_("outcome"))
    # The ids of the items whose answers block.
    blocking = models.JSONField(default=list, blank=True, verbose_name=_("blocking answers"))

    class Meta:
        verbose_name = _("checklist answer")
        verbose_name_plural = _("checklist answers")
        ordering = ["assignment", "role"]
        constraints = [
            models.UniqueConstraint(fields=["assignment", "role"], name="checklist_one_response_per_role"),
            models.CheckConstraint(
                condition=Q(status="submitted", submitted_at__isnull=False) | Q(status="draft"),
                name="checklist_submitted_has_time",
            ),
        ]

    def __str__(self):
        return f"{self.assignment} ({self.get_role_display()})"

    @property
    def is_submitted(self) -> bool:
        return self.status == self.Status.SUBMITTED


class Action(models.Model):
    """Something an answer asks to be done (e.g. 'get a lockable cabinet'), tracked until done."""

    response = models.ForeignKey(
        Response, on_delete=models.CASCADE, related_name="actions", verbose_name=_("answers")
    )
    item = models.ForeignKey(Item, on_delete=models.PROTECT, related_name="+", verbose_name=_("question"))
    text = models.JSONField(default=dict, verbose_name=_("action"))
    owner = models.ForeignKey(
        "org.Person",
        null=True,
        on_delete=models.SET_NULL,
        related_name="checklist_actions",
        verbose_name=_("owner"),
    )
    due_date = models.DateField(verbose_name=_("due date"))
    done_at = models.DateTimeField(null=True, blank=True, verbose_name=_("done"))
    done_by = models.ForeignKey(
        "org.Person",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("done by"),
    )

    class Meta:
        ordering = ["due_date", "id"]
        indexes = [models.Index(fields=["done_at", "due_date"])]
        verbose_name = _("action")
        verbose_name_plural = _("actions")

    def __str__(self):
        return localized(self.text)

    @property
    def is_done(self) -> bool:
        return self.done_at is not None
