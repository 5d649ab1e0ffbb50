"""Accounts: who belongs to which instansi or pemda in which role, and the
one access function every service and view asks (``akses.boleh``)."""
