"""Wagtail admin for programmes and calls (imported by wagtail_hooks)."""
