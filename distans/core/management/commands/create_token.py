from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from distans.core.models import ApiToken
from distans.core.services import token_create


class Command(BaseCommand):
    help = "Create a personal API token for a person (for integrations). Prints it once."

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument("--name", default="Integration")
        parser.add_argument(
            "--scope",
            choices=ApiToken.Scope.values,
            default=ApiToken.Scope.READ,
            help="read (the default): the token can only read; read_write: it can also make changes.",
        )

    def handle(self, *args, email: str, name: str, scope: str, **options):
        person = get_user_model().objects.filter(email__iexact=email, is_active=True).first()
        if person is None:
            raise CommandError(f"No active person has the e-mail {email}.")
        _token, raw = token_create(actor=None, person=person, name=name, scope=scope)
        self.stdout.write(raw)
