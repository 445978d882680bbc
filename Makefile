# innohub: `make run` serves the portal, `make test` runs the whole suite.
# Both set up .venv first; nothing else needs to be installed by hand.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1:8000

# Tests run with production settings, minus HTTPS redirects (the test client and
# the live server speak plain HTTP) and the collected static manifest.
TEST_ENV := DJANGO_DEBUG=0 SECURE_SSL_REDIRECT=0 STATIC_MANIFEST=0 \
	SECRET_KEY=$${SECRET_KEY:-test-only-secret-key-not-for-production-0123456789abcdef} \
	ALLOWED_HOSTS=testserver,localhost,127.0.0.1

.PHONY: run test lint format bench messages check-deploy clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "innohub needs Python 3.11 or newer (found: $$($(PYTHON) --version))."; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed-run: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[postgres,redis]'
	@touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[postgres,redis,test]'
	@touch $@ $(VENV)/.installed-run

run: $(VENV)/.installed-run
	DJANGO_DEBUG=$${DJANGO_DEBUG:-1} $(BIN)/python manage.py migrate --no-input
	DJANGO_DEBUG=$${DJANGO_DEBUG:-1} $(BIN)/python manage.py seed_demo
	@echo "innohub: http://$(HOST)/ (English: http://$(HOST)/en/, admin: http://$(HOST)/admin/)"
	DJANGO_DEBUG=$${DJANGO_DEBUG:-1} $(BIN)/python manage.py runserver $(HOST)

# Pass pytest options with ARGS, e.g. `make test ARGS="tests/accounts -x"`.
test: $(VENV)/.installed-test
	$(TEST_ENV) $(BIN)/python -m pytest $(ARGS)

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --check templates

format: $(VENV)/.installed-test
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(BIN)/djhtml templates

bench: $(VENV)/.installed-run
	$(BIN)/python -m bench $(ARGS)

# Needs GNU gettext. The compiled .mo is committed, so a machine without
# gettext still shows Vietnamese.
messages: $(VENV)/.installed-run
	DJANGO_DEBUG=1 $(BIN)/python manage.py makemessages --locale vi --no-obsolete \
		--ignore '.venv/*' --ignore 'bench/*' --ignore 'tests/*' --ignore 'locale/*' \
		--add-location file
	DJANGO_DEBUG=1 $(BIN)/python manage.py compilemessages --locale vi --ignore '.venv/*'

check-deploy: $(VENV)/.installed-run
	DJANGO_DEBUG=0 SECRET_KEY=$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(50))') \
		ALLOWED_HOSTS=innohub.example.org CSRF_TRUSTED_ORIGINS=https://innohub.example.org \
		$(BIN)/python manage.py check --deploy --fail-level WARNING

clean:
	rm -rf $(VENV) staticfiles bench/results bench/*.sqlite3*
