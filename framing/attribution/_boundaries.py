"""Report stages that set where reported words end (``framing.attribution._reported``), for
sentences whose grammar ends them before the unit does."""

from __future__ import annotations

import re

from ._layout import _inside
from ._model import Unit

# a sentence opening with a subordinate clause: 'While X says ..., Y ...', 'Though X backed ...,'
_SUBORDINATE_OPENING = re.compile(r"[\W_]*(?:(?:And|But|Yet|So)\s+)?(?P<conj>While|Though|Although|As|When|Whereas|"
                                  r"Because|Since|If|Even\s+(?:as|though|if|when|while))\s")


def subordinate_clause_stop(u: Unit) -> None:
    """'While the candidates say the country must lead, they differ on ...': a report inside a
    subordinate clause opening the sentence ends at the clause's comma; the main clause after it
    is the narrator's again, or another report's ('..., he maintained that ...'). Not 'As X
    said, ...', whose content is the main clause."""
    text = u.text
    if not u.forward or not (opening := _SUBORDINATE_OPENING.match(text, u.start, u.end)):
        return
    first = min(c.start for c, _ in u.forward)
    comma = text.find(",", u.start, u.end)
    while comma != -1 and _inside(comma, u.spans):
        comma = text.find(",", comma + 1, u.end)
    if comma == -1 or comma < first:
        return   # no comma, or the first cue is in the main clause
    if opening.group("conj") == "As" and any(c.verb.is_speech for c, _ in u.forward if c.start < comma):
        return
    u.clause_stops.append(comma)
