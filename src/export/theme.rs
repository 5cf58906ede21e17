//! The diagram theme: how each node kind, polarity and edge kind is drawn.
//!
//! The default theme ships as `themes/default.ron` and is embedded in the library; see
//! `docs/theme.md` for every field. Colours use the Okabe–Ito palette, which stays
//! distinguishable under the common forms of colour blindness: blue for cooperative ties,
//! vermilion for conflictual ones, grey for neutral ones; node kinds differ by shape as
//! well as by colour, so the diagram also reads in greyscale.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::error::ExportError;
use super::escape::{is_colour, is_font_name};
use crate::model::{EdgeKind, NodeKind, Polarity};

/// The default theme's RON text (`themes/default.ron`).
pub const DEFAULT_RON: &str = include_str!("../../themes/default.ron");

/// The outline of a node.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Shape {
    /// A rectangle.
    Box,
    /// A rectangle with rounded corners.
    Rounded,
    /// An ellipse.
    Ellipse,
    /// A hexagon.
    Hexagon,
    /// An octagon.
    Octagon,
    /// A diamond (rhombus).
    Diamond,
    /// A slanted parallelogram.
    Parallelogram,
    /// A sheet of paper with a folded corner.
    Note,
    /// A house: a rectangle with a pointed roof.
    House,
    /// A cylinder.
    Cylinder,
}

impl Shape {
    /// The Graphviz `shape` attribute value (a `Rounded` box also needs `style=rounded`).
    pub fn graphviz_name(self) -> &'static str {
        match self {
            Shape::Box | Shape::Rounded => "box",
            Shape::Ellipse => "ellipse",
            Shape::Hexagon => "hexagon",
            Shape::Octagon => "octagon",
            Shape::Diamond => "diamond",
            Shape::Parallelogram => "parallelogram",
            Shape::Note => "note",
            Shape::House => "house",
            Shape::Cylinder => "cylinder",
        }
    }
}

/// How a line is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LineStyle {
    /// An unbroken line.
    #[default]
    Solid,
    /// A dashed line.
    Dashed,
    /// A dotted line.
    Dotted,
}

impl LineStyle {
    /// The Graphviz `style` attribute value.
    pub fn graphviz_name(self) -> &'static str {
        match self {
            LineStyle::Solid => "solid",
            LineStyle::Dashed => "dashed",
            LineStyle::Dotted => "dotted",
        }
    }
}

/// How nodes of one kind are drawn.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NodeStyle {
    /// Outline.
    pub shape: Shape,
    /// Fill colour, `#rrggbb`.
    pub fill: String,
    /// Border colour.
    pub border: String,
    /// Label colour.
    pub font: String,
    /// Border width in points.
    #[serde(default = "one")]
    pub border_width: f64,
}

fn one() -> f64 {
    1.0
}

/// Edge colours by polarity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PolarityColours {
    /// Cooperative ties.
    pub cooperative: String,
    /// Conflictual ties.
    pub conflictual: String,
    /// Neutral ties.
    pub neutral: String,
}

impl PolarityColours {
    /// The colour for `polarity`.
    pub fn get(&self, polarity: Polarity) -> &str {
        match polarity {
            Polarity::Cooperative => &self.cooperative,
            Polarity::Conflictual => &self.conflictual,
            Polarity::Neutral => &self.neutral,
        }
    }
}

/// A complete diagram theme. Load one with [`Theme::from_ron_str`] or [`Theme::load`];
/// [`Theme::default`] is the shipped `themes/default.ron`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Theme {
    /// Font family list, e.g. `"Helvetica, Arial, sans-serif"`.
    pub font_name: String,
    /// Node label size in points.
    pub font_size: f64,
    /// Edge label size in points.
    pub edge_font_size: f64,
    /// Edge label colour.
    pub edge_font: String,
    /// Background colour.
    pub background: String,
    /// Whether to draw the legend.
    pub legend: bool,
    /// Style of each node kind; kinds not listed use `fallback`.
    pub nodes: BTreeMap<NodeKind, NodeStyle>,
    /// Style of nodes whose kind is not in `nodes`.
    pub fallback: NodeStyle,
    /// Edge colour by polarity.
    pub polarity: PolarityColours,
    /// Line style per edge kind; kinds not listed are solid.
    pub edge_styles: BTreeMap<EdgeKind, LineStyle>,
    /// Pen width of an edge of weight 0 (points).
    pub pen_min: f64,
    /// Pen width of an edge of weight 1 (points).
    pub pen_max: f64,
    /// Colour of highlighted nodes' borders and highlighted edges.
    pub highlight: String,
    /// Opacity (0–1) of nodes and edges that are not highlighted, when something is.
    pub faded_opacity: f64,
    /// Fill of cluster (country) boxes.
    pub cluster_fill: String,
    /// Border of cluster boxes.
    pub cluster_border: String,
}

impl Default for Theme {
    fn default() -> Self {
        // The embedded default is checked by a unit test; should it ever fail to parse the
        // built-in fallback below still gives a usable theme rather than a panic.
        Self::from_ron_str(DEFAULT_RON).unwrap_or_else(|_| Self::plain())
    }
}

impl Theme {
    /// Parses a theme from RON text and checks its values.
    pub fn from_ron_str(text: &str) -> Result<Self, ExportError> {
        let theme: Theme = ron::from_str(crate::io::text::strip_bom(text)).map_err(|e| ExportError::ThemeSyntax {
            path: None,
            line: e.span.start.line,
            column: e.span.start.col,
            message: e.code.to_string(),
        })?;
        theme.validate()?;
        Ok(theme)
    }

    /// Reads and parses a theme file.
    pub fn load(path: &Path) -> Result<Self, ExportError> {
        let bytes =
            std::fs::read(path).map_err(|source| ExportError::ThemeRead { path: path.to_path_buf(), source })?;
        let text = crate::io::text::decode_owned(bytes).map_err(|bad| ExportError::ThemeSyntax {
            path: Some(path.to_path_buf()),
            line: bad.line,
            column: bad.column,
            message: bad.to_string(),
        })?;
        Self::from_ron_str(&text).map_err(|e| match e {
            ExportError::ThemeSyntax { line, column, message, .. } => {
                ExportError::ThemeSyntax { path: Some(path.to_path_buf()), line, column, message }
            }
            other => other,
        })
    }

    /// The style of nodes of `kind`.
    pub fn node(&self, kind: NodeKind) -> &NodeStyle {
        self.nodes.get(&kind).unwrap_or(&self.fallback)
    }

    /// The line style of edges of `kind`.
    pub fn line(&self, kind: EdgeKind) -> LineStyle {
        self.edge_styles.get(&kind).copied().unwrap_or_default()
    }

    /// Pen width for an edge weight; weights are clamped to 0–1, and NaN counts as 1.
    pub fn pen_width(&self, weight: f64) -> f64 {
        let w = if weight.is_nan() { 1.0 } else { weight.clamp(0.0, 1.0) };
        self.pen_min + (self.pen_max - self.pen_min) * w
    }

    /// Checks colours, font name and numbers, so no theme value can break the output.
    fn validate(&self) -> Result<(), ExportError> {
        let bad =
            |field: &str, value: &str| ExportError::ThemeValue { field: field.to_owned(), value: value.to_owned() };
        let mut colours: Vec<(String, &str)> = vec![
            ("edge_font".into(), &self.edge_font),
            ("background".into(), &self.background),
            ("highlight".into(), &self.highlight),
            ("cluster_fill".into(), &self.cluster_fill),
            ("cluster_border".into(), &self.cluster_border),
            ("polarity.cooperative".into(), &self.polarity.cooperative),
            ("polarity.conflictual".into(), &self.polarity.conflictual),
            ("polarity.neutral".into(), &self.polarity.neutral),
        ];
        let styles = self.nodes.iter().map(|(k, s)| (k.as_str(), s)).chain([("fallback", &self.fallback)]);
        for (name, style) in styles {
            colours.push((format!("nodes.{name}.fill"), &style.fill));
            colours.push((format!("nodes.{name}.border"), &style.border));
            colours.push((format!("nodes.{name}.font"), &style.font));
            if !(0.0..=20.0).contains(&style.border_width) {
                return Err(bad(&format!("nodes.{name}.border_width"), &style.border_width.to_string()));
            }
        }
        for (field, value) in colours {
            if !is_colour(value) {
                return Err(bad(&field, value));
            }
        }
        if !is_font_name(&self.font_name) {
            return Err(bad("font_name", &self.font_name));
        }
        let numbers = [
            ("font_size", self.font_size, 1.0, 200.0),
            ("edge_font_size", self.edge_font_size, 1.0, 200.0),
            ("pen_min", self.pen_min, 0.0, 50.0),
            ("pen_max", self.pen_max, 0.0, 50.0),
            ("faded_opacity", self.faded_opacity, 0.0, 1.0),
        ];
        for (field, value, lo, hi) in numbers {
            if !(lo..=hi).contains(&value) {
                return Err(bad(field, &value.to_string()));
            }
        }
        Ok(())
    }

    /// A minimal black-and-white theme, used only if the embedded default were unreadable.
    fn plain() -> Self {
        let style = NodeStyle {
            shape: Shape::Box,
            fill: "#ffffff".into(),
            border: "#000000".into(),
            font: "#000000".into(),
            border_width: 1.0,
        };
        Theme {
            font_name: "Helvetica".into(),
            font_size: 11.0,
            edge_font_size: 9.0,
            edge_font: "#333333".into(),
            background: "#ffffff".into(),
            legend: true,
            nodes: BTreeMap::new(),
            fallback: style,
            polarity: PolarityColours {
                cooperative: "#0072b2".into(),
                conflictual: "#d55e00".into(),
                neutral: "#888888".into(),
            },
            edge_styles: BTreeMap::new(),
            pen_min: 0.8,
            pen_max: 3.0,
            highlight: "#000000".into(),
            faded_opacity: 0.25,
            cluster_fill: "#f5f5f5".into(),
            cluster_border: "#bbbbbb".into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_default_parses_and_styles_every_kind_distinctly() {
        let theme = Theme::from_ron_str(DEFAULT_RON).expect("default theme parses");
        let (mut fills, mut borders, mut shapes) = (BTreeMap::new(), BTreeMap::new(), BTreeMap::new());
        for kind in NodeKind::ALL {
            let style = theme.nodes.get(&kind).unwrap_or_else(|| panic!("{kind} has no style"));
            assert!(fills.insert(style.fill.clone(), kind).is_none(), "{kind} shares a fill");
            assert!(borders.insert(style.border.clone(), kind).is_none(), "{kind} shares a border colour");
            shapes.insert(style.shape, kind);
        }
        // Only leader and person share a shape (ellipse); they differ in colour.
        assert_eq!(shapes.len(), 9);
        assert_eq!(theme.line(EdgeKind::Claims), LineStyle::Dashed);
        assert_eq!(theme.line(EdgeKind::Disputes), LineStyle::Dashed);
        assert_eq!(theme.line(EdgeKind::Leads), LineStyle::Solid);
    }

    #[test]
    fn bad_colour_is_refused_with_its_field() {
        let text = DEFAULT_RON.replacen("background: \"#ffffff\"", "background: \"red\\\" onload=\\\"x\"", 1);
        match Theme::from_ron_str(&text) {
            Err(ExportError::ThemeValue { field, .. }) => assert_eq!(field, "background"),
            other => panic!("expected a ThemeValue error, got {other:?}"),
        }
    }

    #[test]
    fn syntax_error_carries_a_position() {
        match Theme::from_ron_str("(font_name: ") {
            Err(ExportError::ThemeSyntax { line, .. }) => assert!(line >= 1),
            other => panic!("expected a ThemeSyntax error, got {other:?}"),
        }
    }

    #[test]
    fn example_in_docs_theme_md_parses() {
        let doc = include_str!("../../docs/theme.md");
        let start = doc.find("```ron").expect("example") + "```ron".len();
        let end = start + doc[start..].find("```").expect("end of example");
        let theme = Theme::from_ron_str(&doc[start..end]).expect("example theme parses");
        assert_eq!(theme.node(NodeKind::Leader).shape, Shape::Rounded);
    }

    #[test]
    fn pen_width_clamps_and_survives_nan() {
        let theme = Theme::default();
        assert_eq!(theme.pen_width(f64::NAN), theme.pen_max);
        assert_eq!(theme.pen_width(-3.0), theme.pen_min);
        assert_eq!(theme.pen_width(7.0), theme.pen_max);
    }
}
