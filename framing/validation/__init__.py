"""Checking measures against human judgment: the manual-coding loop, inter-coder reliability,
the validity of every measure against gold labels, and supervised frame classifiers' reports.

* :mod:`framing.validation.coding`: stratified coding sheets out, coded sheets in.
* :mod:`framing.validation.coded`: each measure's validity against the coded sample, per source.
* :mod:`framing.validation.classifier`: cross-validated reports of frame classifiers.
* :mod:`framing.validation.reliability`: Krippendorff's alpha and the coincidence table.
* :mod:`framing.validation.validity`: the measures against the gold of the shared corpora (VADER
  ground truth, BASIL, GVFC).
* :mod:`framing.validation.attribution`: voice segments against gold attribution spans (PolNeAR,
  the team's allsides phrases).
* :mod:`framing.validation.models`: cross-validation of the sentiment models on the VADER ground
  truth.
"""

from .coded import coded_gold, disagreements, measure_validity
from .classifier import FrameCVReport, cross_validate_frames
from .reliability import coincidences, krippendorff_alpha
from .coding import coding_sheet, coding_variables, read_coding_sheets, split_halves, write_coding_sheets

__all__ = [
    "FrameCVReport",
    "coded_gold",
    "coincidences",
    "coding_sheet",
    "coding_variables",
    "cross_validate_frames",
    "disagreements",
    "krippendorff_alpha",
    "measure_validity",
    "read_coding_sheets",
    "split_halves",
    "write_coding_sheets",
]
