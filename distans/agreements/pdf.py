"""The agreement as PDF (WeasyPrint): the text, the signature records and the hash of the text.

A fully signed version's PDF is made once, at the last signature, and kept byte for byte, so its
SHA-256 identifies it on the verification page; other versions are drawn on request, marked unsigned.

The PDF is archival and accessible: PDF/A-3b (fonts embedded, colours in sRGB, metadata in XMP) and tagged
(headings, paragraphs and tables in a structure tree, the language set), with title, author (the
employer), subject, language and creation date (the signing, so a redrawn copy carries the same date)."""

import hashlib

from django.template.loader import render_to_string
from django.utils import timezone, translation

from distans.agreements import text as agreement_text
from distans.agreements.models import AgreementVersion
from distans.core.pdf import archival_pdf


def render_pdf(version: AgreementVersion, employer: str) -> bytes:
    with translation.override(version.language):
        html = render_to_string(
            "agreements/pdf.html",
            {
                "version": version,
                "agreement": version.agreement,
                "employer": employer,
                "body": agreement_text.as_html(version.text or ""),
                "signatures": [
                    {
                        "name": signature.name,
                        "role": signature.role,
                        "party": signature.get_party_display(),
                        "time": agreement_text.signed_time(
                            signature.signed_at,
                            signature.person.time_zone if signature.person else "",
                            version.language,
                        ),
                        "ip_address": signature.ip_address,
                    }
                    for signature in version.signatures.select_related("person")
                ],
                "signed": version.status in ("signed", "superseded"),
                "created": version.signed_at or timezone.now(),
            },
        )
    return archival_pdf(html)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
