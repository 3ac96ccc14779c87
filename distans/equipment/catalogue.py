"""The item types Distans ships (seed 004: laptop and phone for everyone; above two days a week more
aids may be borrowed; furniture and lighting are the employee's own unless the manager decides)."""


def _n(en, sv, nb, da):
    return {"en": en, "sv": sv, "nb": nb, "da": da}


CATALOGUE = [
    ("laptop", _n("Laptop", "Bärbar dator", "Bærbar PC", "Bærbar computer"), "everyone", False, 15000),
    (
        "mobile-phone",
        _n("Mobile phone", "Mobiltelefon", "Mobiltelefon", "Mobiltelefon"),
        "everyone",
        True,
        8000,
    ),
    ("headset", _n("Headset", "Headset", "Hodesett", "Headset"), "everyone", False, 1500),
    ("screen", _n("Screen", "Bildskärm", "Skjerm", "Skærm"), "above_days", False, 2500),
    ("keyboard", _n("Keyboard", "Tangentbord", "Tastatur", "Tastatur"), "above_days", False, 600),
    ("mouse", _n("Mouse", "Mus", "Mus", "Mus"), "above_days", False, 300),
    (
        "docking-station",
        _n("Docking station", "Dockningsstation", "Dokkingstasjon", "Dockingstation"),
        "above_days",
        False,
        2000,
    ),
    ("chair", _n("Office chair", "Kontorsstol", "Kontorstol", "Kontorstol"), "decision", False, 4000),
    (
        "desk-lamp",
        _n("Desk lamp", "Skrivbordslampa", "Skrivebordslampe", "Skrivebordslampe"),
        "decision",
        False,
        800,
    ),
    ("tablet", _n("Tablet", "Surfplatta", "Nettbrett", "Tablet"), "decision", True, 6000),
]
