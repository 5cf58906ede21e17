//! `relgraph draft`: draft a model from an article (or every article of a folder), with
//! its review page.

use std::path::PathBuf;

use clap::Args;

use super::{Failure, Status};
use crate::api::draft::{self as api, DraftOptions};
use crate::model::PartialDate;

/// Arguments of `draft`.
#[derive(Debug, Args)]
pub struct DraftArgs {
    /// The article (plain text, Markdown or HTML), or a folder: every .txt, .md and .html
    /// file in it is drafted.
    #[arg(value_name = "ARTICLE")]
    article: PathBuf,
    /// Where to write the drafted model (RON); for a folder, a folder that gets one model per
    /// article. Default: print the model.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// The article's date (YYYY, YYYY-MM or YYYY-MM-DD): relative dates resolve against it,
    /// and ties without a date of their own take it. Default: none.
    #[arg(long, value_name = "DATE")]
    date: Option<PartialDate>,
    /// The article's title. Default: its first line.
    #[arg(long)]
    title: Option<String>,
    /// The article's URL.
    #[arg(long)]
    url: Option<String>,
    /// The article's author(s).
    #[arg(long)]
    author: Option<String>,
    /// A model whose nodes' names and aliases resolve to its ids.
    #[arg(long, value_name = "MODEL")]
    into: Option<PathBuf>,
    /// Leave out ties below this confidence (0 to 1). Default: 0, keep all.
    #[arg(long, value_name = "X", default_value_t = 0.0)]
    min_confidence: f64,
    /// Also write the review page (one offline HTML file) here.
    #[arg(long, value_name = "HTML")]
    review: Option<PathBuf>,
}

/// Drafts, writes the model(s), and says what was drafted.
pub fn run(args: &DraftArgs, out: &mut Vec<u8>) -> Result<(), Failure> {
    let into = match &args.into {
        Some(path) => Some(super::input::open(path)?.into_model()),
        None => None,
    };
    let mut options = DraftOptions::new().with_min_confidence(args.min_confidence);
    options.date = args.date;
    options.title = args.title.clone();
    options.url = args.url.clone();
    options.author = args.author.clone();
    options.into = into.as_ref();
    let drafts = api::draft_path(&args.article, &options)?;
    let folder = args.article.is_dir();
    if folder && args.output.is_none() {
        return Err(Failure::usage("drafting a folder needs -o FOLDER for the models"));
    }
    if folder && args.review.is_some() {
        return Err(Failure::usage("--review takes one article, not a folder"));
    }
    for (file, draft) in &drafts {
        let target = match (&args.output, folder) {
            (Some(dir), true) => {
                std::fs::create_dir_all(dir).map_err(|e| Failure {
                    status: Status::Io,
                    message: format!("{}: {e}", dir.display()),
                    reported: false,
                })?;
                let stem = file.file_stem().map_or_else(|| "draft".into(), |s| s.to_string_lossy().into_owned());
                Some(dir.join(format!("{stem}.ron")))
            }
            (Some(path), false) => Some(path.clone()),
            (None, _) => None,
        };
        match target {
            Some(path) => {
                api::save_draft(draft, &path)?;
                let line = format!(
                    "{}: drafted {} nodes and {} ties into {}\n",
                    file.display(),
                    draft.model.node_count(),
                    draft.model.edge_count(),
                    path.display()
                );
                out.extend(line.into_bytes());
            }
            None => out.extend(api::to_ron(draft).into_bytes()),
        }
        if let Some(page) = &args.review {
            api::save_review(draft, page)?;
            out.extend(format!("review page: {}\n", page.display()).into_bytes());
        }
    }
    Ok(())
}
