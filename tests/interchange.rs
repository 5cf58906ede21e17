//! Integration tests: interchange.
