"""Helpers every Django app of sakip shares: column sizes and exact value
checks (:mod:`sakip.common.kolom`) and the read-only admin
(:mod:`sakip.common.admin`). They import no app, so any app may use them."""
