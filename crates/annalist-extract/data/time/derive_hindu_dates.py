#!/usr/bin/env python3
"""Derives hindu_dates.tsv, in this folder: the Gregorian dates of Hindu, Sikh, Jain and
Buddhist lunisolar holidays as India keeps them, one row a holiday and year.

These holidays follow lunar days (tithis) reckoned from the true positions of sun and moon at
a place in India, so no arithmetic rule of the Gregorian calendar gives them; the published
tables do. The rules `hindu KEY N` of holidays.tsv read this table (N days after the date of
holiday KEY in the year asked); a year outside a holiday's table gives no date.

Input (not fetched by the build; run this by hand after downloading it): the tables of the
PyPI package `holidays` 0.109 (python-holidays, MIT licence; its copyright and permission
notice is in HOLIDAYS-LICENSE.txt beside this file), module holidays/calendars/hindu.py,
class _HinduLunisolar. Those tables cite drikpanchang.com and timeanddate.com for each holiday.
DIWALI_DATES is left out: it follows another reckoning (Malaysia's and Singapore's
Deepavali), DIWALI_INDIA_DATES is India's.

    pip download --no-deps holidays==0.109 && unzip holidays-0.109-py3-none-any.whl -d holidays-pkg
    python3 derive_hindu_dates.py holidays-pkg
"""

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
LEFT_OUT = {"DIWALI_DATES"}


def main() -> None:
    package_dir = Path(sys.argv[1]).resolve()
    sys.path.insert(0, str(package_dir))
    from holidays.calendars.hindu import _HinduLunisolar  # noqa: E402

    rows = []
    for attribute in sorted(vars(_HinduLunisolar)):
        if not attribute.endswith("_DATES") or attribute in LEFT_OUT:
            continue
        key = attribute.removesuffix("_DATES").lower().replace("_", "-")
        for year, dates in sorted(getattr(_HinduLunisolar, attribute).items()):
            # A holiday falling twice in a year is a tuple of (month, day) pairs.
            if isinstance(dates[0], int):
                dates = (dates,)
            for month, day in sorted(dates):
                rows.append(f"{key}\t{year}\t{month:02}-{day:02}")
    header = [
        "# Gregorian dates of Hindu, Sikh, Jain and Buddhist lunisolar holidays as India keeps",
        "# them, one row a holiday and year: key, year, MM-DD. Derived by derive_hindu_dates.py",
        "# (do not edit by hand).",
        "# Source: the tables of python-holidays 0.109 (https://github.com/vacanza/holidays,",
        "# holidays/calendars/hindu.py), which cite drikpanchang.com and timeanddate.com.",
        "# Licence: MIT; python-holidays' copyright and permission notice is in",
        "# HOLIDAYS-LICENSE.txt.",
        "# columns: key, year, month-day",
    ]
    (HERE / "hindu_dates.tsv").write_text("\n".join(header + rows) + "\n", encoding="utf-8")
    print(f"hindu_dates.tsv: {len(rows)} rows")


if __name__ == "__main__":
    main()
