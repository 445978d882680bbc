"""The ecosystem's screens in the Wagtail admin: the registry (organisations and
their technology offers, the CRM log, memberships and invitations, taxonomies),
programmes and calls, and applications with their screening, reviews, ranking
and decisions. Nothing here registers itself on import: ecosystem/wagtail_hooks.py
wires every viewset, bulk action, log action and dashboard panel."""
