fn main() {
    let text = std::env::args().nth(1).unwrap();
    let f = relgraph::draft::mention::find(&text, None);
    for m in &f.mentions { println!("{:?} {:?} {:?}", &text[m.start..m.end], f.actors[m.actor].name, m.role); }
    for s in &f.structural { println!("S {} -> {} {:?}", f.actors[s.person].name, f.actors[s.body].name, s.kind); }
}
