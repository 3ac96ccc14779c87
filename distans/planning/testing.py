"""Helpers for tests of planning; planning's own tests and those of the apps above it import them."""

# A shared mailbox in the Stockholm morning, 08:00–12:00.
MAILBOX = {
    "name": "Shared mailbox",
    "weekdays": [0, 1, 2, 3, 4],
    "start": "08:00",
    "end": "12:00",
    "time_zone": "Europe/Stockholm",
    "min_people": 1,
}
