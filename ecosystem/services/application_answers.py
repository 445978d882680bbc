"""An application's answers and files, as the applying services store them: the
answers in the application itself, the files in private storage. Files written
for a change that is then rolled back are removed again, and the files a change
replaces are deleted only once it is committed."""

from collections.abc import Iterable, Mapping
from contextlib import contextmanager
from functools import partial

from django.core.files.base import File
from django.db import transaction
from django.utils.translation import gettext as _

from ecosystem.exceptions import RegistryError
from ecosystem.forms_applications import FILE
from ecosystem.models import Application, ApplicationFile
from ecosystem.models.applications import private_storage
from ecosystem.uploads import CheckedUpload


def has_answer(value) -> bool:
    return value not in (None, "", [], {})


@contextmanager
def files_removed_on_failure():
    """Files written for a change that is then rolled back are removed again:
    the database and the private storage never disagree."""
    written: list[str] = []
    try:
        yield written
    except BaseException:
        for name in written:
            private_storage.delete(name)
        raise


def answers_store(
    application: Application,
    *,
    by,
    answers: Mapping[str, object],
    uploads: Mapping[str, CheckedUpload] | None,
    removals: Iterable[str],
    written: list[str],
) -> None:
    uploads = uploads or {}
    types = {key: block.block_type for key, block in application.call.question_map().items()}
    stored = dict(application.answers)
    for key, value in answers.items():
        if types.get(key) in (None, FILE):
            raise RegistryError(_("This call has no such question: %(key)s.") % {"key": key})
        if has_answer(value):
            stored[key] = value
        else:
            stored.pop(key, None)
    for key in set(uploads) | set(removals):
        if types.get(key) != FILE:
            raise RegistryError(_("This call has no such question: %(key)s.") % {"key": key})
        _delete_files(application=application, key=key)
        stored.pop(key, None)
    for key, checked in uploads.items():
        application_file = application_file_add(
            application=application,
            key=key,
            content=checked.upload,
            name=checked.display_name,
            content_type=checked.content_type,
            size=checked.size,
            by=by,
            written=written,
        )
        stored[key] = [application_file.pk]
    application.answers = stored
    application.save(update_fields=["answers", "updated_at"])


def application_file_add(
    *, application, key, content, name, content_type, size, by, written
) -> ApplicationFile:
    application_file = ApplicationFile(
        application=application,
        question_key=key,
        original_name=name,
        content_type=content_type,
        size=size,
        uploaded_by=by,
    )
    # The name given here is ignored: application_file_path makes a new one.
    application_file.file.save("upload", File(content), save=False)
    written.append(application_file.file.name)
    application_file.save()
    return application_file


def _delete_files(*, application: Application, key: str) -> None:
    old = list(ApplicationFile.objects.filter(application=application, question_key=key))
    for application_file in old:
        # Only once the change is committed: a rollback keeps the old file.
        transaction.on_commit(partial(private_storage.delete, application_file.file.name))
        application_file.delete()
