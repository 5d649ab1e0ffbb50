"""Models of this area of the cycle live in the record (sakip.record) for now."""
