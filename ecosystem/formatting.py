"""Amounts as people in the province write them."""

from django.utils import numberformat
from django.utils.formats import get_format


def format_vnd(amount: int | None) -> str:
    """An amount of đồng: `50.000.000 ₫` in Vietnamese, `50,000,000 ₫` in
    English; empty when there is none."""
    if amount is None:
        return ""
    grouped = numberformat.format(
        amount,
        decimal_sep=get_format("DECIMAL_SEPARATOR"),
        decimal_pos=0,
        grouping=3,
        thousand_sep=get_format("THOUSAND_SEPARATOR"),
        force_grouping=True,
    )
    # A no-break space keeps the symbol on the line of its number.
    return f"{grouped}\u00a0₫"
