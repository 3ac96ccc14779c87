from django import forms
from django.contrib.auth import forms as auth_forms
from django.utils.translation import gettext_lazy as _


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code"),
        max_length=20,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autocapitalize": "off", "spellcheck": "false"}
        ),
    )


class PasswordOnly:
    """Saves the password column alone: a whole-row save would also change the plan stamp (planning's
    trigger watches every column a week reads) and throw away every kept week."""

    def set_password_and_save(self, user, password_field_name="new_password1", commit=True):
        user.set_password(self.cleaned_data[password_field_name])
        if commit:
            user.save(update_fields=["password"])
        return user


class PasswordChangeForm(PasswordOnly, auth_forms.PasswordChangeForm):
    pass


class SetPasswordForm(PasswordOnly, auth_forms.SetPasswordForm):
    pass
