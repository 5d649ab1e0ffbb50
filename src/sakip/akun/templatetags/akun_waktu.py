from datetime import timedelta

from django import template

register = template.Library()


@register.filter
def menit(jeda: timedelta) -> int:
    """Whole minutes of a duration, rounded up: 15 for ``timedelta(minutes=15)``."""
    return -(-int(jeda.total_seconds()) // 60)
