# sturing — build, test and demo. `make demo` and `make test` install what they need.
SHELL := /bin/bash
DEBIAN_PACKAGES := pkg-config libicu-dev libpoppler-glib-dev libstemmer-dev libjemalloc-dev libxml2-dev libzip-dev libcmark-dev libtesseract-dev tesseract-ocr-nld libxlsxwriter-dev python3-openpyxl poppler-utils qpdf
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
SWIFT_FLAGS ?=
export SWIFT_BACKTRACE := enable=no
# Tesseract's OpenMP threads: one per process (the workers run files in parallel instead).
export OMP_THREAD_LIMIT := 1

PREFIX ?= /usr/local

.PHONY: deps build release test demo bench fixtures install clean

## deps: install the Debian packages the build and the tests need (only the missing ones)
deps:
	@missing=""; for p in $(DEBIAN_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	fi

## build: debug build
build: deps
	swift build $(SWIFT_FLAGS)

## release: optimised build
release: deps
	swift build -c release $(SWIFT_FLAGS)

## test: all unit and integration tests
test: deps
	swift test $(SWIFT_FLAGS)

## demo: analyse the demo corpus in Corpus/ (with its manifest) and write the report under Output/demo/
demo: release
	.build/release/sturing analyze Corpus --out Output/demo --top 2 --overwrite

## bench: speed and memory figures on real-shaped text, PDFs and corpora of growing size (BENCH_QUICK=1: about a minute)
bench: release
	scripts/bench

## fixtures: regenerate the test PDFs and the demo corpus (needs Python reportlab)
fixtures:
	python3 -c "import reportlab" 2>/dev/null || pip install -q reportlab
	python3 scripts/make_fixtures.py
	python3 scripts/make_corpus.py

## install: sturing and its helper sturing-extract (which reads PDFs, scans, web pages and Word files) in $(PREFIX)/bin, its lexicons (the default one is also built in) in $(PREFIX)/share/sturing
install: release
	install -d "$(DESTDIR)$(PREFIX)/bin" "$(DESTDIR)$(PREFIX)/share/sturing/Lexicons"
	install -m 755 .build/release/sturing "$(DESTDIR)$(PREFIX)/bin/sturing"
	install -m 755 .build/release/sturing-extract "$(DESTDIR)$(PREFIX)/bin/sturing-extract"
	install -m 644 Lexicons/*.yaml "$(DESTDIR)$(PREFIX)/share/sturing/Lexicons/"

clean:
	rm -rf .build
