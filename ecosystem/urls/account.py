"""Self-service for members: /account/organisations/..."""

app_name = "organisations"

urlpatterns: list = []
