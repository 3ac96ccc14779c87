"""The django-otp names Distans uses, in one place: the library has no type hints."""

from django_otp import login
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

__all__ = ["StaticDevice", "StaticToken", "TOTPDevice", "login", "totp"]
