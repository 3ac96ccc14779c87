# English as written in a Nordic workplace: weeks start on Monday, 24-hour clock, ISO dates.
DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = "Y-m-d"
MONTH_DAY_FORMAT = "j F"
DAY_MONTH_FORMAT = "j M"  # Distans: a day in a week card, "7 Dec"
WEEKDAY_DAY_MONTH_FORMAT = "D j M"  # Distans: a day in a list or a column, "Mon 7 Dec"
WEEKDAY_DATE_FORMAT = "l j F"  # Distans: a day as a heading, "Monday 7 December"
DATETIME_FORMAT = "j F Y, H:i"
SHORT_DATETIME_FORMAT = "Y-m-d H:i"
TIME_FORMAT = "H:i"
FIRST_DAY_OF_WEEK = 1
DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d.%m.%Y", "%d/%m/%Y"]
DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
