"""Checking measures against human judgment: the manual-coding loop, inter-coder reliability,
the validity of every measure against gold labels, and supervised frame classifiers' reports.

* :mod:`framing.validation.coding`: stratified coding sheets out, coded sheets in.
"""

from .coding import coding_sheet, coding_variables, read_coding_sheets, split_halves, write_coding_sheets

__all__ = [
    "coding_sheet",
    "coding_variables",
    "read_coding_sheets",
    "split_halves",
    "write_coding_sheets",
]
