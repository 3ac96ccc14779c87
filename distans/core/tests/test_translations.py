from pathlib import Path

import polib
import pytest

LOCALE = Path(__file__).resolve().parents[3] / "locale"


@pytest.mark.parametrize("language", ["sv", "nb", "da"])
def test_every_message_is_translated(language):
    catalogue = polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))
    missing = [e.msgid for e in catalogue if not e.obsolete and (not e.translated() or "fuzzy" in e.flags)]
    assert missing == []
    assert len(catalogue) > 100
