"""Mentor pages: the directory and profiles, booking a slot, a booking's page,
a mentor's own office hours and suggestions for a startup."""

from .bookings import book, booking, booking_cancel, booking_no_show, booking_notes, booking_rate
from .directory import mentor_list, profile, suggestions
from .office_hours import my_slots, slot_withdraw

__all__ = [
    "book",
    "booking",
    "booking_cancel",
    "booking_no_show",
    "booking_notes",
    "booking_rate",
    "mentor_list",
    "my_slots",
    "profile",
    "slot_withdraw",
    "suggestions",
]
