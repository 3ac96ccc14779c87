"""The path converter for object ids in page addresses: at most 18 digits, so an id beyond 64 bits is a
404 like any unknown id instead of an overflow in the database."""

from django.urls import register_converter
from django.urls.converters import IntConverter


class IdConverter(IntConverter):
    regex = "[0-9]{1,18}"


register_converter(IdConverter, "id")
