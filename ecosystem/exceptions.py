class RegistryError(Exception):
    """A registry rule said no. `message` is written for the person who tried;
    `field` names the form field it belongs to, when there is one."""

    def __init__(self, message, *, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field
