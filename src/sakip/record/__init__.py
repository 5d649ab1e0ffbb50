"""The record: the shared, stable rows of every instansi's SAKIP cycle.

A Renstra belongs to an instansi and its period and is shared by every year
of that period; a Perjanjian Kinerja, a budget and the report text belong to
one instansi-year. Every row keeps its identity across edits and imports, so
that approvals, comments, evidence and history can point at it. Rows change
only through :mod:`sakip.record.services` (one function per business action)
and :mod:`sakip.record.impor` (a file applied as a reviewed plan); both
write the audit trail field by field. :mod:`sakip.record.ekspor` gives the
record back as a ``sakip-dataset/1`` document.
"""
