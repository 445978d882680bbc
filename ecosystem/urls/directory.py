"""The public directory: /directory/... (DESIGN.md §5)."""

app_name = "directory"

urlpatterns: list = []
