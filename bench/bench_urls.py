from django.http import HttpResponse
from django.urls import path

from distans.urls import urlpatterns as distans_urlpatterns


def hello(request):
    return HttpResponse("Hello, world")


urlpatterns = [path("bench-hello/", hello), *distans_urlpatterns]
