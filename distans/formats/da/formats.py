# Danish (Dansk Sprognævn): "07.12.2026" in tables, "7. december 2026" in sentences, "7. dec." in week
# cards, decimal comma and a full stop between thousands ("12.345,5").
# Django's own Danish formats fill in the rest; the names below marked "Distans" are the project's own.
DATE_FORMAT = "j. F Y"
SHORT_DATE_FORMAT = "d.m.Y"
MONTH_DAY_FORMAT = "j. F"
DAY_MONTH_FORMAT = "j. N"  # Distans: a day in a week card, "7. dec."
WEEKDAY_DAY_MONTH_FORMAT = "D j. N"  # Distans: a day in a list or a column, "man 7. dec."
WEEKDAY_DATE_FORMAT = "l j. F"  # Distans: a day as a heading, "mandag 7. december"
FIRST_DAY_OF_WEEK = 1
# Typed dates as Danes write them, and ISO, which is what a date input sends.
DATE_INPUT_FORMATS = ["%d.%m.%Y", "%Y-%m-%d", "%d-%m-%Y"]
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "."
NUMBER_GROUPING = 3
