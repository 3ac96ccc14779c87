"""The django-otp names Distans uses, in one place: the library has no type hints."""

from django_otp import login  # type: ignore[import-untyped]  # untyped library
from django_otp.oath import totp  # type: ignore[import-untyped]  # untyped library
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken  # type: ignore[import-untyped]  # untyped
from django_otp.plugins.otp_totp.models import TOTPDevice  # type: ignore[import-untyped]  # untyped library

__all__ = ["StaticDevice", "StaticToken", "TOTPDevice", "login", "totp"]
