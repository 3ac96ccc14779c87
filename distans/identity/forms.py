from axes.helpers import get_cool_off
from django import forms
from django.contrib.auth import forms as auth_forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from distans.core import throttling


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code"),
        max_length=20,
        error_messages={
            "required": _("Type a code from your authenticator app or one of your recovery codes.")
        },
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autocapitalize": "off", "spellcheck": "false"}
        ),
    )


class SetUpCodeForm(CodeForm):
    """The first code from a new app: there are no recovery codes yet to offer instead."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code"].error_messages["required"] = _("Type the six-digit code the app shows")


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


class SignInForm(auth_forms.AuthenticationForm):
    """Django's sign-in form, saying what went wrong in plain words and warning before the pause."""

    error_messages = {
        **auth_forms.AuthenticationForm.error_messages,
        "invalid_login": _(
            "The e-mail address or the password is not right. Check both and try again, or reset your "
            "password."
        ),
    }

    def get_invalid_login_error(self):
        message = str(self.error_messages["invalid_login"])
        left = throttling.tries_left(self.request, throttling.login_username(self.request, self.cleaned_data))
        if 0 < left <= 2:
            minutes = round(get_cool_off(self.request).total_seconds() / 60)
            warning = ngettext(
                "After one more wrong password, signing in here is paused for %(minutes)d minutes.",
                "After %(count)d more wrong passwords, signing in here is paused for %(minutes)d minutes.",
                left,
            ) % {"count": left, "minutes": minutes}
            message = f"{message} {warning}"
        return forms.ValidationError(message, code="invalid_login")
