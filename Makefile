# make run   builds and starts the wizard (ARGS="generate --answers FILE" for other commands)
# make test  installs what the tests need when missing, builds, and runs every test
SWIFT ?= swift
BIN := .build/debug/camunda-oidc

.PHONY: deps build run test release bench clean

deps:
	@scripts/install-deps.sh

build: deps
	$(SWIFT) build

run: build
	@$(BIN) $(ARGS)

# The CLI and end-to-end tests run the built binary, so build it first.
test: build
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

release: deps
	$(SWIFT) build -c release

bench: release
	scripts/bench-generate.sh

clean:
	rm -rf .build
