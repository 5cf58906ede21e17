//! Styled Graphviz DOT, built with graphviz-rust's structures and printed with its printer.
//!
//! Node ids in the DOT text are generated (`n0`, `n1`, … in model order); names only ever
//! appear inside quoted, escaped `label` and `tooltip` values (see [`super::escape`]).

use graphviz_rust::dot_structures::{
    Attribute, Edge as DotEdge, EdgeTy, Graph, GraphAttributes, Id, Node as DotNode, NodeId, Stmt, Subgraph, Vertex,
};
use graphviz_rust::printer::{DotPrinter, PrinterContext};

use super::escape::dot_string;
use super::graphviz::Layout;
pub use super::options::{DotOptions, RankDir};
use super::scene::{Scene, SceneEdge, SceneNode};
use super::theme::{LineStyle, Shape, Theme};

/// Styled DOT text for `model`.
///
/// Nodes are `n0`, `n1`, … in model order, shaped and coloured by kind; edges are coloured
/// by polarity, dashed or dotted per the theme, as thick as their weight, labelled with the
/// kind in words (and dates); highlighted edges come last so they are drawn on top.
pub fn to_dot(model: &crate::model::Model, options: &DotOptions, theme: &Theme) -> String {
    let scene = Scene::new(model, options, theme);
    let graph = build(&scene, options, theme);
    let mut ctx = PrinterContext::default();
    let mut text = graph.print(&mut ctx);
    text.push('\n');
    text
}

fn plain(key: &str, value: &str) -> Attribute {
    Attribute(Id::Plain(key.to_owned()), Id::Plain(value.to_owned()))
}

fn quoted(key: &str, value: &str) -> Attribute {
    Attribute(Id::Plain(key.to_owned()), Id::Escaped(dot_string(value)))
}

fn number(key: &str, value: f64) -> Attribute {
    let value = if value.is_finite() { value } else { 1.0 };
    plain(key, &format!("{:.2}", value))
}

/// `colour` with opacity applied as an `#rrggbbaa` alpha, for faded items.
pub(crate) fn with_alpha(colour: &str, opacity: f64) -> String {
    let hex = colour.trim_start_matches('#');
    let rgb = match hex.len() {
        3 => hex.chars().flat_map(|c| [c, c]).collect::<String>(),
        6 | 8 => hex[..6].to_owned(),
        _ => return colour.to_owned(),
    };
    format!("#{rgb}{:02x}", (opacity.clamp(0.0, 1.0) * 255.0).round() as u8)
}

fn node_id(i: usize) -> NodeId {
    NodeId(Id::Plain(format!("n{i}")), None)
}

fn build(scene: &Scene, options: &DotOptions, theme: &Theme) -> Graph {
    let mut stmts: Vec<Stmt> = Vec::new();
    let font = theme.font_name.as_str();
    let mut graph_attrs = vec![
        quoted("fontname", font),
        quoted("bgcolor", &theme.background),
        plain("rankdir", options.rankdir.as_str()),
        plain("outputorder", "edgesfirst"),
        plain("overlap", "false"),
        quoted("sep", "+6"),
        number("nodesep", 0.35),
        number("ranksep", 0.6),
        plain("compound", "true"),
        // Without newrank, `dot` fails with "trouble in init_rank" on clustered graphs.
        plain("newrank", "true"),
    ];
    if let Some(layout) = options.layout {
        graph_attrs.push(plain("layout", layout.program()));
    }
    if options.title && !scene.title.is_empty() {
        graph_attrs.push(quoted("label", &scene.title));
        graph_attrs.push(plain("labelloc", "t"));
        graph_attrs.push(number("fontsize", theme.font_size * 1.5));
    }
    stmts.push(Stmt::GAttribute(GraphAttributes::Graph(graph_attrs)));
    stmts.push(Stmt::GAttribute(GraphAttributes::Node(vec![
        quoted("fontname", font),
        number("fontsize", theme.font_size),
        quoted("margin", "0.12,0.06"),
    ])));
    stmts.push(Stmt::GAttribute(GraphAttributes::Edge(vec![
        quoted("fontname", font),
        number("fontsize", theme.edge_font_size),
        quoted("fontcolor", &theme.edge_font),
        number("arrowsize", 0.7),
    ])));

    let cluster_of = scene.cluster_of();
    for (c, cluster) in scene.clusters.iter().enumerate() {
        let mut sub = vec![Stmt::Attribute(quoted("label", &scene.nodes[cluster.country].label))];
        sub.push(Stmt::Attribute(quoted("style", "rounded,filled")));
        sub.push(Stmt::Attribute(quoted("fillcolor", &theme.cluster_fill)));
        sub.push(Stmt::Attribute(quoted("color", &theme.cluster_border)));
        sub.push(Stmt::Attribute(number("fontsize", theme.font_size * 1.2)));
        for &m in &cluster.members {
            sub.push(Stmt::Node(node(m, &scene.nodes[m], theme)));
        }
        stmts.push(Stmt::Subgraph(Subgraph { id: Id::Plain(format!("cluster_c{c}")), stmts: sub }));
    }
    for (i, n) in scene.nodes.iter().enumerate() {
        if cluster_of[i].is_none() {
            stmts.push(Stmt::Node(node(i, n, theme)));
        }
    }
    let (on_top, below): (Vec<&SceneEdge>, Vec<&SceneEdge>) = scene.edges.iter().partition(|e| e.highlighted);
    for e in below.into_iter().chain(on_top) {
        stmts.push(Stmt::Edge(edge(e, theme)));
    }
    // Only `dot` lays a cluster out in order; fdp keeps it together but scatters the samples,
    // and the other engines ignore clusters, so the legend would be noise there.
    if scene.legend && options.layout.is_none_or(|l| l == Layout::Dot) {
        stmts.push(Stmt::Subgraph(legend(scene, theme)));
    }
    Graph::DiGraph { id: Id::Plain("relgraph".to_owned()), strict: false, stmts }
}

fn node(i: usize, n: &SceneNode, theme: &Theme) -> DotNode {
    let style = theme.node(n.kind);
    let fade = |c: &str| if n.faded { with_alpha(c, theme.faded_opacity) } else { c.to_owned() };
    let mut styles = vec!["filled"];
    if style.shape == Shape::Rounded {
        styles.push("rounded");
    }
    let (border, width) = if n.highlighted {
        (theme.highlight.clone(), style.border_width * 2.0 + 1.0)
    } else {
        (fade(&style.border), style.border_width)
    };
    let attrs = vec![
        quoted("label", &n.label),
        quoted("tooltip", &n.tooltip),
        plain("shape", style.shape.graphviz_name()),
        quoted("style", &styles.join(",")),
        quoted("fillcolor", &fade(&style.fill)),
        quoted("color", &border),
        quoted("fontcolor", &fade(&style.font)),
        number("penwidth", width),
        number("fontsize", theme.font_size * n.scale),
    ];
    DotNode::new(node_id(i), attrs)
}

fn edge(e: &SceneEdge, theme: &Theme) -> DotEdge {
    let colour = theme.polarity.get(e.polarity);
    let colour = if e.faded { with_alpha(colour, theme.faded_opacity) } else { colour.to_owned() };
    let mut styles = vec![e.line.graphviz_name()];
    let mut width = e.width;
    if e.highlighted {
        styles.push("bold");
        width = width * 2.0 + 1.0;
    }
    let mut attrs = vec![quoted("color", &colour), quoted("style", &styles.join(",")), number("penwidth", width)];
    if !e.label.is_empty() {
        attrs.push(quoted("label", &e.label));
        if e.faded {
            attrs.push(quoted("fontcolor", &with_alpha(&theme.edge_font, theme.faded_opacity)));
        }
    }
    if !e.directed {
        attrs.push(plain("dir", "none"));
    }
    DotEdge { ty: EdgeTy::Pair(Vertex::N(node_id(e.from)), Vertex::N(node_id(e.to))), attributes: attrs }
}

/// The legend: a cluster with one sample node per kind present and one sample edge per
/// polarity present (and per dashed or dotted edge kind).
fn legend(scene: &Scene, theme: &Theme) -> Subgraph {
    let mut stmts = vec![
        Stmt::Attribute(quoted("label", "Legend")),
        Stmt::Attribute(quoted("style", "rounded")),
        Stmt::Attribute(quoted("color", "#bbbbbb")),
    ];
    let mut previous: Option<NodeId> = None;
    let mut chain = |stmts: &mut Vec<Stmt>, id: NodeId| {
        if let Some(prev) = previous.replace(id.clone()) {
            stmts.push(Stmt::Edge(DotEdge {
                ty: EdgeTy::Pair(Vertex::N(prev), Vertex::N(id)),
                attributes: vec![plain("style", "invis")],
            }));
        }
    };
    for (k, kind) in scene.kinds.iter().enumerate() {
        let style = theme.node(*kind);
        let id = NodeId(Id::Plain(format!("legend_k{k}")), None);
        let mut styles = vec!["filled"];
        if style.shape == Shape::Rounded {
            styles.push("rounded");
        }
        stmts.push(Stmt::Node(DotNode::new(
            id.clone(),
            vec![
                quoted("label", kind.as_str()),
                plain("shape", style.shape.graphviz_name()),
                quoted("style", &styles.join(",")),
                quoted("fillcolor", &style.fill),
                quoted("color", &style.border),
                quoted("fontcolor", &style.font),
                number("penwidth", style.border_width),
                number("fontsize", theme.font_size * 0.9),
            ],
        )));
        chain(&mut stmts, id);
    }
    let mut samples: Vec<(String, String, LineStyle)> = scene
        .polarities
        .iter()
        .map(|p| (p.as_str().to_owned(), theme.polarity.get(*p).to_owned(), LineStyle::Solid))
        .collect();
    samples
        .extend(scene.styled_kinds.iter().map(|(k, s)| (k.label(), theme.polarity.get(k.polarity()).to_owned(), *s)));
    for (p, (label, colour, line)) in samples.into_iter().enumerate() {
        let a = NodeId(Id::Plain(format!("legend_p{p}a")), None);
        let b = NodeId(Id::Plain(format!("legend_p{p}b")), None);
        for id in [&a, &b] {
            stmts.push(Stmt::Node(DotNode::new(
                id.clone(),
                vec![plain("shape", "point"), number("width", 0.04), quoted("color", &colour)],
            )));
        }
        stmts.push(Stmt::Edge(DotEdge {
            ty: EdgeTy::Pair(Vertex::N(a.clone()), Vertex::N(b)),
            attributes: vec![
                quoted("label", &label),
                quoted("color", &colour),
                plain("style", line.graphviz_name()),
                number("penwidth", 2.0),
                plain("dir", "none"),
            ],
        }));
        chain(&mut stmts, a);
    }
    Subgraph { id: Id::Plain("cluster_legend".to_owned()), stmts }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Edge, EdgeKind, Model, Node, NodeKind};

    #[test]
    fn alpha_is_appended_to_hex_colours() {
        assert_eq!(with_alpha("#0072b2", 0.25), "#0072b240");
        assert_eq!(with_alpha("#abc", 1.0), "#aabbccff");
        assert_eq!(with_alpha("none", 0.5), "none");
    }

    #[test]
    fn highlighted_edges_come_last_and_are_bold() {
        let mut m = Model::new("t");
        for id in ["a", "b", "c"] {
            m.add_node(Node::new(id, NodeKind::Country, id)).unwrap();
        }
        let first = m.add_edge(Edge::new("a", "b", EdgeKind::Sanctions)).unwrap();
        m.add_edge(Edge::new("b", "c", EdgeKind::Meets)).unwrap();
        let text = to_dot(&m, &DotOptions::new().with_highlight([], [first]), &Theme::default());
        let ab = text.find("n0 -> n1").unwrap();
        let bc = text.find("n1 -> n2").unwrap();
        assert!(bc < ab, "highlighted edge should be printed last:\n{text}");
        assert!(text.contains("bold"));
    }

    #[test]
    fn empty_model_gives_a_valid_graph() {
        let text = to_dot(&Model::new(""), &DotOptions::new(), &Theme::default());
        assert!(graphviz_rust::parse(&text).is_ok(), "{text}");
    }
}
