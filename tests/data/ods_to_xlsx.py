"""Make the XLSX copy of Ofsted's ODS workbook that the tests read (see README.md).

Every sheet of the ODS is read with python-calamine and written, title rows and
all, cell for cell with XlsxWriter: text as text, numbers as numbers, dates as
dates. Run from the repository's root::

    python tests/data/ods_to_xlsx.py
"""

import datetime
from pathlib import Path

import python_calamine
import xlsxwriter

HERE = Path(__file__).parent
ODS = HERE / "ofsted_la_inspection_outcomes_as_at_31_march_2025.ods"
XLSX = HERE / "ofsted_la_inspection_outcomes_as_at_31_march_2025.xlsx"


def main() -> None:
    """Write the XLSX beside the ODS."""
    source = python_calamine.CalamineWorkbook.from_path(str(ODS))
    workbook = xlsxwriter.Workbook(str(XLSX))
    # Fixed metadata, so that running it again gives the same bytes.
    workbook.set_properties({"created": datetime.datetime(2025, 9, 25, tzinfo=datetime.UTC)})
    date = workbook.add_format({"num_format": "yyyy-mm-dd"})
    for name in source.sheet_names:
        sheet = workbook.add_worksheet(name)
        rows = source.get_sheet_by_name(name).to_python(skip_empty_area=False)
        for row, cells in enumerate(rows):
            for column, value in enumerate(cells):
                if isinstance(value, str):
                    if value:
                        sheet.write_string(row, column, value)
                elif isinstance(value, bool):
                    sheet.write_boolean(row, column, value)
                elif isinstance(value, int | float):
                    sheet.write_number(row, column, value)
                elif isinstance(value, datetime.date):
                    sheet.write_datetime(row, column, value, date)
                else:
                    sheet.write_string(row, column, str(value))
    workbook.close()


if __name__ == "__main__":
    main()
