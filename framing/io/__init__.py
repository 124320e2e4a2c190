"""Read your own documents: article files (text, HTML) and tables (CSV, JSON Lines, Parquet).

Both readers return a validated documents frame (``doc_id, source, outlet, date, title,
text`` + extra columns, see ``framing.documents``). Nothing is lost or garbled silently:

* Files are decoded as UTF-8 (a byte-order mark is dropped; a UTF-16/32 mark selects that
  encoding). A byte that is not UTF-8 is decoded on its own as cp1252, and a
  ``BrokenRecordWarning`` names each line holding one; the rest of the file keeps its UTF-8
  meaning.
* A record that cannot be read (a CSV row with an unclosed quote or the wrong number of
  fields, a JSON line that is not an object, a wrong-typed field) is skipped and named by
  its line; the rest load. The warning's ``records`` attribute lists every one.
* Lone UTF-16 surrogates (half an emoji in a JSON escape, a file name that is not UTF-8) are
  replaced and named.

The same helpers (``framing.io._files``, ``_json``, ``_csv``) read the shared research corpora
in ``framing.datasets``.
"""

from ._articles import read_articles
from ._tables import read_table

__all__ = ["read_articles", "read_table"]
