"""Domain errors: a stable code for programs and a translated message for people."""


class DomainError(Exception):
    """Raised by services when a rule forbids what was asked.

    Views turn it into a form error or message, the API into {"code", "message"}.
    """

    status = 400

    def __init__(self, code: str, message: str, *, field: str | None = None):
        super().__init__(message)
        self.code = code
        self.message = message
        self.field = field
