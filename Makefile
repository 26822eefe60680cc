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

# A static Swift runtime: one self-contained file for a bastion, and it starts in about half the time
# (no dynamic Foundation/ICU loading).
release: deps
	$(SWIFT) build -c release --product camunda-oidc --static-swift-stdlib

# Benchmarks (figures for the closing notes, not tests): generate timing, and the wizard beside dialog
# in a pty (needs dialog: apt-get install dialog; hyperfine is used when installed).
bench: release
	scripts/bench-generate.sh
	scripts/bench-wizard.py

clean:
	rm -rf .build
