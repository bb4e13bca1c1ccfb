#!/usr/bin/env node
// Committed so the bin exists before the first build: a fresh install links it without a warning.
import '../dist/cli.js'
