//! Exports: DOT and SVG diagrams.
