//! Drafting a relationship model from an article: actors, contexts and dated, signed ties,
//! each tie with the exact quote that states it, every node and tie marked `draft` for a
//! person to review.
//!
//! The pipeline, one pass each: [`text`] reduces HTML or Markdown to plain text and splits
//! sentences; [`mention`] finds actors (gazetteer from the PETRARCH2 / Phoenix dictionaries,
//! role phrases, organisation and context names, surnames, and with `groups` armed groups
//! named by a description: "Islamist militants"); `reference` resolves phrases
//! that name no actor ("the two countries", "the Secretary") to the actors named before
//! them and reads membership lists; [`relation`] proposes ties from
//! cue words (our cue table, then the CAMEO verb dictionary) between the actors of a
//! sentence; [`date`] dates them from the sentence or the article; `build` turns the
//! result into a [`Model`] whose ties carry their quote, confidence and character offsets.
//! [`eval`] scores a draft against a hand annotation.
//!
//! Everything is rule-based and deterministic: the same text and options give the same
//! model, byte for byte.

mod actor;
mod build;
mod clause;
pub mod date;
pub mod eval;
pub mod gazetteer;
mod groups;
pub mod mention;
mod names;
mod reference;
pub mod relation;
mod roles;

pub mod text;
mod words;

use crate::model::{Model, PartialDate};

pub use text::TextFormat;

/// How to draft: the article's metadata, its format, and a model to resolve names against.
#[derive(Debug, Clone, Default)]
pub struct DraftOptions<'m> {
    /// The article's date: ties without a date of their own take it, and relative dates
    /// ("this past February", "on Friday") are resolved against it.
    pub date: Option<PartialDate>,
    /// The article's title (default: its first line).
    pub title: Option<String>,
    /// Where the article is published.
    pub url: Option<String>,
    /// Its author(s).
    pub author: Option<String>,
    /// The text's format (default: plain).
    pub format: Option<TextFormat>,
    /// A model whose nodes' names and aliases resolve to its ids.
    pub into: Option<&'m Model>,
    /// Ties below this confidence are left out (default 0).
    pub min_confidence: f64,
}

impl<'m> DraftOptions<'m> {
    /// Default options.
    pub fn new() -> Self {
        Self::default()
    }
    /// Sets the article's date.
    pub fn with_date(mut self, date: PartialDate) -> Self {
        self.date = Some(date);
        self
    }
    /// Sets the title.
    pub fn with_title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }
    /// Sets the URL.
    pub fn with_url(mut self, url: impl Into<String>) -> Self {
        self.url = Some(url.into());
        self
    }
    /// Sets the author.
    pub fn with_author(mut self, author: impl Into<String>) -> Self {
        self.author = Some(author.into());
        self
    }
    /// Sets the text format.
    pub fn with_format(mut self, format: TextFormat) -> Self {
        self.format = Some(format);
        self
    }
    /// Resolves names against `model`.
    pub fn with_into(mut self, model: &'m Model) -> Self {
        self.into = Some(model);
        self
    }
    /// Leaves out ties below `confidence`.
    pub fn with_min_confidence(mut self, confidence: f64) -> Self {
        self.min_confidence = confidence;
        self
    }
}

/// A span of the article, in characters (not bytes), as the review page and JSON give it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Span {
    /// First character.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
}

/// A mention of a node in the text.
#[derive(Debug, Clone, serde::Serialize)]
pub struct DraftMention {
    /// The node's id in the drafted model.
    pub node: String,
    /// Where.
    pub span: Span,
}

/// A drafted tie with where the text states it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct DraftTie {
    /// Position of the edge in the drafted model.
    pub edge: usize,
    /// Tail node id.
    pub from: String,
    /// Head node id.
    pub to: String,
    /// Edge kind name.
    pub kind: String,
    /// `cooperative`, `conflictual` or `neutral`.
    pub polarity: String,
    /// The date, when there is one.
    pub since: Option<String>,
    /// The quote (exact substring of [`Draft::text`]).
    pub quote: String,
    /// Where the quote is.
    pub span: Span,
    /// 0 … 1.
    pub confidence: f64,
}

/// A draft: the model, the plain text it was drafted from, and where each node and tie is.
#[derive(Debug, Clone)]
pub struct Draft {
    /// The drafted model: every node and edge it adds is marked `draft`.
    pub model: Model,
    /// The article as plain text; quotes are substrings of it.
    pub text: String,
    /// Mentions of the model's nodes.
    pub mentions: Vec<DraftMention>,
    /// The ties, in model edge order (one entry per quote).
    pub ties: Vec<DraftTie>,
}

/// Drafts a model from an article.
pub fn draft(article: &str, options: &DraftOptions) -> Draft {
    let format = options.format.unwrap_or(TextFormat::Plain);
    let text = text::plain(article, format);
    let names = options.into.map(gazetteer::ModelNames::new);
    let mut found = mention::find(&text, options.into.zip(names.as_ref()));
    let toks = mention::tokens(&text);
    reference::resolve(&text, &toks, &mut found);
    let mut proposed = Vec::new();
    let mut dates = Vec::new();
    for range in text::sentences(&text) {
        let first = proposed.len();
        let when = date::resolve(&text[range.0..range.1], options.date.as_ref()).or(options.date);
        for tie in relation::ties(&text, range, &toks, &found.mentions) {
            if tie.confidence >= options.min_confidence {
                proposed.push(tie);
                dates.push(when);
            }
        }
        for s in found.structural.iter().filter(|s| s.start >= range.0 && s.end <= range.1) {
            proposed.push(relation::Proposed {
                from: s.person,
                to: s.body,
                kind: match s.kind {
                    mention::Link::Leads => "leads".into(),
                    mention::Link::Represents => "represents".into(),
                    mention::Link::Advises => "advises".into(),
                    mention::Link::MemberOf => "member_of".into(),
                    mention::Link::PartOf => "part_of".into(),
                    mention::Link::Presumed => "represents".into(),
                    mention::Link::Supports => "supports".into(),
                    mention::Link::AlliedWith => "allied_with".into(),
                },
                start: s.start,
                end: s.end,
                confidence: if s.kind == mention::Link::Presumed { 0.3 } else { 0.9 },
            });
            dates.push(when);
        }
        for tie in clause::ties(&text, range, &toks, &found.mentions, proposed.get(first..).unwrap_or_default()) {
            if tie.confidence >= options.min_confidence {
                proposed.push(tie);
                dates.push(when);
            }
        }
    }
    build::build(&text, &found, &proposed, &dates, options)
}
