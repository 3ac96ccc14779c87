# Swedish (Språkrådet): ISO dates in tables, "7 december 2026" in sentences, "7 dec." in week cards,
# decimal comma and a narrow no-break space between thousands ("12 345,5").
# Django's own Swedish formats fill in the rest; the names below marked "Distans" are the project's own.
DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = "Y-m-d"
MONTH_DAY_FORMAT = "j F"
DAY_MONTH_FORMAT = "j N"  # Distans: a day in a week card, "7 dec."
WEEKDAY_DAY_MONTH_FORMAT = "D j N"  # Distans: a day in a list or a column, "mån 7 dec."
WEEKDAY_DATE_FORMAT = "l j F"  # Distans: a day as a heading, "måndag 7 december"
FIRST_DAY_OF_WEEK = 1
DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d.%m.%Y", "%d/%m/%Y"]
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "\u202f"
NUMBER_GROUPING = 3
