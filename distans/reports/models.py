from django.db import models


class KeptFigures(models.Model):
    """A report's figures for one choice (period, unit…), kept with the plan stamp they were computed at
    (`reports.kept`): in the database, so every web process and the task worker share them."""

    key = models.CharField(max_length=64, primary_key=True)  # the report and its choice, hashed
    report = models.CharField(max_length=40)
    selection = models.BinaryField()  # the choice, to compute the figures anew (pickled)
    stamp = models.CharField(max_length=40, blank=True)  # "" until first computed
    computed_at = models.DateTimeField(null=True)
    seconds = models.FloatField(default=0)  # how long computing them took
    wanted_at = models.DateTimeField()  # last read: figures nobody reads are not kept up to date
    figures = models.BinaryField(null=True)  # pickled; None until first computed

    class Meta:
        indexes = [models.Index(fields=["wanted_at"], name="reports_kept_wanted")]

    def __str__(self) -> str:
        return f"{self.report} {self.computed_at or '(being computed)'}"
