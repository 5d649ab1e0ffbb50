"""The file format ``sakip-dataset/1``: reading, validating and writing it.

One place for each job:

- read any file (YAML, JSON, XLSX) and validate it:
  :func:`sakip.dataset.baca.baca_dataset`, the one entry point;
- the format a file name says: :func:`sakip.dataset.load.format_berkas`;
- write YAML or a JSON file: :mod:`sakip.dataset.dump`; write an XLSX
  workbook: :mod:`sakip.dataset.xlsx`;
- exact JSON text of a document and back (export, database, audit):
  :mod:`sakip.dataset.json_exact`;
- the published JSON Schema: :mod:`sakip.dataset.schema`; the contract in
  words: ``docs/sakip-dataset-1.md``.

Nothing is imported here, so that importing one part (the errors, the JSON
codec) does not load the readers and the schema.
"""
