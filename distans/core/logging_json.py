"""One JSON object per log line (LOG_FORMAT=json, the default when DEBUG is off): time, level, logger,
message, request id and user id, and the extra fields a line adds (status, duration_ms)."""

from pythonjsonlogger.json import JsonFormatter


class DistansJsonFormatter(JsonFormatter):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("rename_fields", {"levelname": "level", "name": "logger"})
        kwargs.setdefault("timestamp", "time")
        super().__init__("{levelname}{name}{message}{request_id}{user_id}", *args, style="{", **kwargs)
