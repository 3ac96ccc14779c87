"""The organisation names the role that decides above the line manager's limit in its own words,
per language; where it has not, Distans's translated name is used."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings
from django.utils import translation

from distans.arrangements.models import Step
from distans.core.roles import Role
from distans.env import env_by_language

LANGUAGES = ["en", "sv", "nb", "da"]


@override_settings(HR_APPROVER_TITLE={"sv": "HR-chef", "en": "Head of HR"})
def test_the_role_and_the_request_step_carry_the_organisations_name_in_each_language():
    with translation.override("sv"):
        assert str(Role.HR_APPROVER.label) == "HR-chef"
        assert str(Step.HR_APPROVER.label) == "HR-chef"
    with translation.override("en"):
        assert str(Step.HR_APPROVER.label) == "Head of HR"
    with translation.override("da"):  # not named in Danish: Distans's own Danish word
        assert str(Step.HR_APPROVER.label) == translation.gettext("HR approver") != "HR approver"


def test_the_setting_reads_one_name_or_a_name_per_language(monkeypatch):
    monkeypatch.setenv("HR_APPROVER_TITLE", "sv=HR-chef; nb=HR-sjef")
    assert env_by_language("HR_APPROVER_TITLE", LANGUAGES) == {"sv": "HR-chef", "nb": "HR-sjef"}
    monkeypatch.setenv("HR_APPROVER_TITLE", "HR")
    assert env_by_language("HR_APPROVER_TITLE", LANGUAGES) == dict.fromkeys(LANGUAGES, "HR")
    monkeypatch.setenv("HR_APPROVER_TITLE", "fi=HR-johtaja")
    with pytest.raises(ImproperlyConfigured, match="language=text pairs"):
        env_by_language("HR_APPROVER_TITLE", LANGUAGES)
