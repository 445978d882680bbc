"""Wagtail admin for applications: screening, reviewers, ranking and decisions
(imported by wagtail_hooks)."""
