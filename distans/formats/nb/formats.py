# Norwegian bokmål (Språkrådet): "07.12.2026" in tables, "7. desember 2026" in sentences, "7. des." in
# week cards, decimal comma and a narrow no-break space between thousands ("12 345,5").
# Django's own Norwegian formats fill in the rest; the names below marked "Distans" are the project's own.
DATE_FORMAT = "j. F Y"
SHORT_DATE_FORMAT = "d.m.Y"
MONTH_DAY_FORMAT = "j. F"
DAY_MONTH_FORMAT = "j. N"  # Distans: a day in a week card, "7. des."
WEEKDAY_DAY_MONTH_FORMAT = "D j. N"  # Distans: a day in a list or a column, "man 7. des."
WEEKDAY_DATE_FORMAT = "l j. F"  # Distans: a day as a heading, "mandag 7. desember"
FIRST_DAY_OF_WEEK = 1
DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d.%m.%Y", "%d.%m.%y"]
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "\u202f"
NUMBER_GROUPING = 3
