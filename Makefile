# make run   builds and starts the wizard (ARGS="generate --answers FILE" for other commands)
# make test  installs what the tests need when missing, builds, and runs every test
SWIFT ?= swift
BIN := .build/debug/camunda-oidc

.PHONY: deps build run test release release-check bench clean

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

# A fully static executable: one self-contained file for a bastion (no Swift runtime, no shared
# libraries to install), and it starts in less than half the time of the dynamic build: no dynamic
# loading of Foundation/ICU, no symbol relocations. glibc's NSS warnings at link time concern
# functions the tool never calls (user lookups).
release: deps
	$(SWIFT) build -c release --product camunda-oidc --static-swift-stdlib -Xswiftc -static-executable

# The release binary against the real provider over TLS (--ca-file, unknown CA, a bare chroot as root).
release-check: release
	scripts/release-check.sh

# Benchmarks (figures for the closing notes, not tests): generate timing, and the wizard beside dialog
# in a pty (needs dialog: apt-get install dialog; hyperfine is used when installed).
bench: release
	scripts/bench-generate.sh
	scripts/bench-wizard.py

clean:
	rm -rf .build
