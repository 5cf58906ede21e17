//! Focus views that read from the centre: the focus node in the middle, every other node on
//! a ring by its distance in hops, in the angular order the ordinary layout gave it.
//!
//! Ring `d` has radius at least one ideal edge length beyond ring `d − 1` and at least its
//! members' total box width (plus padding) over 2π, so a ring never overlaps itself; its
//! members keep the order of their angles around the focus in the stress layout and are
//! spaced by their widths, the whole ring turned to match those angles best (circular mean
//! of the differences). Nodes the focus cannot reach go on one more ring. Then nodes of the
//! same ring trade places where that lowers crossings ([`super::untangle`]).

use std::collections::VecDeque;

use super::geometry::Point;
use super::layout::remove_overlaps;

/// Rearranges `pos` (node centres from the ordinary layout) around node `focus`.
pub(crate) fn radial(
    pos: &mut [Point],
    sizes: &[Point],
    edges: &[(usize, usize)],
    focus: usize,
    unit: f64,
    padding: f64,
) {
    let n = pos.len();
    if focus >= n || n < 2 {
        return;
    }
    let mut adjacency = vec![Vec::new(); n];
    for &(a, b) in edges {
        if a < n && b < n && a != b {
            adjacency[a].push(b);
            adjacency[b].push(a);
        }
    }
    let mut hops = vec![usize::MAX; n];
    hops[focus] = 0;
    let mut queue = VecDeque::from([focus]);
    while let Some(v) = queue.pop_front() {
        for &w in &adjacency[v] {
            if hops[w] == usize::MAX {
                hops[w] = hops[v] + 1;
                queue.push_back(w);
            }
        }
    }
    let deepest = hops.iter().copied().filter(|&h| h != usize::MAX).max().unwrap_or(0);
    for h in &mut hops {
        if *h == usize::MAX {
            *h = deepest + 1;
        }
    }
    let centre = pos[focus];
    let angle = |p: Point| (p.y - centre.y).atan2(p.x - centre.x);
    let mut radius = sizes[focus].x.max(sizes[focus].y) / 2.0;
    let mut out = pos.to_vec();
    out[focus] = Point::default();
    for ring in 1..=deepest + 1 {
        let mut members: Vec<usize> = (0..n).filter(|&i| hops[i] == ring).collect();
        if members.is_empty() {
            continue;
        }
        members.sort_by(|&a, &b| angle(pos[a]).total_cmp(&angle(pos[b])).then(a.cmp(&b)));
        let widths: Vec<f64> = members.iter().map(|&i| sizes[i].x + padding * 2.0).collect();
        let total: f64 = widths.iter().sum();
        let tallest = members.iter().map(|&i| sizes[i].y).fold(0.0, f64::max);
        radius = (radius + unit.max(tallest + padding)).max(total / std::f64::consts::TAU);
        // Even spacing by width, then turned to match the layout's angles.
        let mut base = Vec::with_capacity(members.len());
        let mut run = 0.0;
        for w in &widths {
            base.push((run + w / 2.0) / total.max(1e-9) * std::f64::consts::TAU);
            run += w;
        }
        let (mut sx, mut sy) = (0.0, 0.0);
        for (k, &i) in members.iter().enumerate() {
            let d = angle(pos[i]) - base[k];
            sx += d.cos();
            sy += d.sin();
        }
        let turn = if sx.abs() + sy.abs() > 1e-9 { sy.atan2(sx) } else { 0.0 };
        for (k, &i) in members.iter().enumerate() {
            let a = base[k] + turn;
            out[i] = Point { x: radius * a.cos(), y: radius * a.sin() };
        }
    }
    if out.iter().all(|p| p.x.is_finite() && p.y.is_finite()) {
        remove_overlaps(&mut out, sizes, padding);
        // Trading places within a ring removes crossings and keeps the rings.
        let rings: Vec<Option<usize>> = hops.iter().map(|&h| Some(h)).collect();
        super::untangle::untangle(&mut out, sizes, edges, &rings, padding, true);
        pos.copy_from_slice(&out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn focus_goes_to_the_centre_and_rings_grow_with_distance() {
        // A path 0 - 1 - 2 - 3 focused on 1.
        let mut pos: Vec<Point> = (0..4).map(|i| Point { x: i as f64 * 100.0, y: 0.0 }).collect();
        let sizes = vec![Point { x: 40.0, y: 20.0 }; 4];
        radial(&mut pos, &sizes, &[(0, 1), (1, 2), (2, 3)], 1, 100.0, 10.0);
        let r = |p: Point| (p.x * p.x + p.y * p.y).sqrt();
        assert_eq!(pos[1], Point::default());
        assert!((r(pos[0]) - r(pos[2])).abs() < 1e-6);
        assert!(r(pos[3]) > r(pos[2]) + 50.0);
    }
}
