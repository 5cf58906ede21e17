//! `relgraph fmt`: rewrite model files into the canonical layout, or check that they are.

use std::io::Read;
use std::path::{Path, PathBuf};

use clap::Args;

use super::{Failure, Status};
use crate::api::format::{self, Formatted};

/// Arguments of `fmt`.
#[derive(Debug, Args)]
pub struct FmtArgs {
    /// Model files to format in place; `-` reads standard input and writes standard output.
    #[arg(value_name = "FILE", required = true)]
    files: Vec<PathBuf>,
    /// Write nothing; list the files that are not in canonical form and exit 1 if any.
    #[arg(long)]
    check: bool,
}

/// Formats each file; problems go to stderr and leave their file untouched.
pub fn run(args: &FmtArgs, out: &mut Vec<u8>) -> Result<(), Failure> {
    let (mut failed, mut changed) = (0usize, 0usize);
    for file in &args.files {
        let result = if file.as_os_str() == "-" { stdin(args.check, out) } else { one(file, args.check, out) };
        match result {
            Ok(Formatted::Changed) => changed += 1,
            Ok(Formatted::Unchanged) => {}
            Err(failure) if failure.status == Status::Input || failure.status == Status::Io => {
                eprintln!("relgraph: error: {}", failure.message);
                failed += 1;
            }
            Err(failure) => return Err(failure),
        }
    }
    if failed > 0 {
        return Err(Failure::input(format!("{failed} file(s) could not be formatted")));
    }
    if args.check && changed > 0 {
        return Err(Failure::input(format!("{changed} file(s) are not in canonical form; run `relgraph fmt` on them")));
    }
    Ok(())
}

fn one(file: &Path, check: bool, out: &mut Vec<u8>) -> Result<Formatted, Failure> {
    let formatted = format::format_file(file, check)?;
    if check && formatted == Formatted::Changed {
        out.extend(format!("{}\n", file.display()).into_bytes());
    }
    Ok(formatted)
}

fn stdin(check: bool, out: &mut Vec<u8>) -> Result<Formatted, Failure> {
    let mut text = String::new();
    std::io::stdin()
        .read_to_string(&mut text)
        .map_err(|e| Failure::new(Status::Io, format!("cannot read standard input: {e}")))?;
    let formatted = format::format_text(&text, Path::new("<stdin>"))?;
    let changed = if formatted == text { Formatted::Unchanged } else { Formatted::Changed };
    if check {
        if changed == Formatted::Changed {
            out.extend(b"<stdin>\n");
        }
    } else {
        out.extend(formatted.into_bytes());
    }
    Ok(changed)
}
