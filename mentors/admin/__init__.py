"""Mentoring in the Wagtail admin, for coordinators: mentors with their numbers,
invitations and approval, office-hour slots, bookings, engagements, languages,
and the startups mentored with theirs. Nothing here registers itself on import:
mentors/wagtail_hooks.py wires the viewsets, the bulk action, the log actions
and the delete guards."""
