"""PDFs people keep: archival (PDF/A-3b) and tagged (headings, paragraphs and tables in a structure tree,
so a screen reader can read them), drawn by WeasyPrint from a page's HTML."""

STANDARD = "pdf/a-3b"  # WeasyPrint's name for it


def archival_pdf(html: str) -> bytes:
    # Imported here: WeasyPrint takes about a second to load, which every process would pay at start-up.
    from weasyprint import HTML

    return HTML(string=html).write_pdf(pdf_variant=STANDARD, pdf_tags=True)
