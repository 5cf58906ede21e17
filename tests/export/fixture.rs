//! Models for the export tests and benchmarks: a realistic Japan–Russia 2014 model, a
//! hostile-names model and a deterministic random generator.
#![allow(dead_code)]

use relgraph::model::PartialDate;
use relgraph::{Edge, EdgeKind, Model, Node, NodeKind};

use EdgeKind::*;
use NodeKind::*;

/// One edge: from, to, kind, since, until, weight.
type EdgeRow = (&'static str, &'static str, EdgeKind, Option<&'static str>, Option<&'static str>, f64);

/// Japan–Russia relations around 2014: about 70 nodes and 150 edges of varied kinds.
pub fn japan_russia() -> Model {
    let nodes: &[(&str, NodeKind, &str)] = &[
        ("japan", Country, "Japan"),
        ("russia", Country, "Russia"),
        ("usa", Country, "United States"),
        ("china", Country, "China"),
        ("ukraine", Country, "Ukraine"),
        ("south_korea", Country, "South Korea"),
        ("germany", Country, "Germany"),
        ("abe", Leader, "Shinzō Abe"),
        ("putin", Leader, "Vladimir Putin"),
        ("obama", Leader, "Barack Obama"),
        ("xi", Leader, "Xi Jinping"),
        ("poroshenko", Leader, "Petro Poroshenko"),
        ("merkel", Leader, "Angela Merkel"),
        ("park", Leader, "Park Geun-hye"),
        ("kishida", Person, "Fumio Kishida (Foreign Minister)"),
        ("lavrov", Person, "Sergey Lavrov (Foreign Minister)"),
        ("yachi", Person, "Shōtarō Yachi (National Security Adviser)"),
        ("patrushev", Person, "Nikolai Patrushev"),
        ("mori", Person, "Yoshirō Mori (special envoy)"),
        ("suga", Person, "Yoshihide Suga (Chief Cabinet Secretary)"),
        ("medvedev", Person, "Dmitry Medvedev (Prime Minister)"),
        ("shoigu", Person, "Sergei Shoigu (Defence Minister)"),
        ("kerry", Person, "John Kerry (Secretary of State)"),
        ("sechin", Person, "Igor Sechin (Rosneft)"),
        ("g7", Organization, "G7"),
        ("g8", Organization, "G8"),
        ("un", Organization, "United Nations"),
        ("unsc", Organization, "UN Security Council"),
        ("apec", Organization, "APEC"),
        ("eu", Organization, "European Union"),
        ("nato", Organization, "NATO"),
        ("sco", Organization, "Shanghai Cooperation Organisation"),
        ("mofa", Organization, "Ministry of Foreign Affairs of Japan"),
        ("jsdf", Organization, "Japan Self-Defense Forces"),
        ("gazprom", Organization, "Gazprom"),
        ("rosneft", Organization, "Rosneft"),
        ("jogmec", Organization, "JOGMEC"),
        ("mitsui", Organization, "Mitsui & Co."),
        ("cnpc", Organization, "CNPC"),
        ("pacific_fleet", Organization, "Russian Pacific Fleet"),
        ("joint_declaration_1956", Agreement, "Soviet–Japanese Joint Declaration (1956)"),
        ("tokyo_declaration", Agreement, "Tokyo Declaration (1993)"),
        ("irkutsk_statement", Agreement, "Irkutsk Statement (2001)"),
        ("action_plan_2003", Agreement, "Japan–Russia Action Plan (2003)"),
        ("us_japan_alliance", Agreement, "US–Japan Security Treaty"),
        ("minsk_protocol", Agreement, "Minsk Protocol"),
        ("power_of_siberia_deal", Agreement, "Power of Siberia gas deal"),
        ("two_plus_two", Agreement, "Japan–Russia 2+2 framework"),
        ("kuril_dispute", Dispute, "Kuril Islands dispute"),
        ("crimea_crisis", Dispute, "Crimea crisis"),
        ("senkaku_dispute", Dispute, "Senkaku Islands dispute"),
        ("donbas_war", Dispute, "War in Donbas"),
        ("iturup", Territory, "Iturup (Etorofu)"),
        ("kunashir", Territory, "Kunashir (Kunashiri)"),
        ("shikotan", Territory, "Shikotan"),
        ("habomai", Territory, "Habomai Islands"),
        ("crimea", Territory, "Crimea"),
        ("senkaku", Territory, "Senkaku Islands"),
        ("hokkaido", Territory, "Hokkaidō"),
        ("sakhalin", Territory, "Sakhalin Oblast"),
        ("sochi_meeting", Event, "Sochi Olympics meeting (Feb 2014)"),
        ("g8_suspension", Event, "G8 suspension (Mar 2014)"),
        ("apec_beijing", Event, "APEC Beijing summit (Nov 2014)"),
        ("mh17", Event, "MH17 downing"),
        ("annexation_referendum", Event, "Crimean status referendum"),
        ("putin_visit_postponed", Event, "Putin's Japan visit postponed"),
        ("sakhalin_1", Project, "Sakhalin-1"),
        ("sakhalin_2", Project, "Sakhalin-2"),
        ("yamal_lng", Project, "Yamal LNG"),
        ("power_of_siberia", Project, "Power of Siberia pipeline"),
        ("joint_economic_activity", Project, "Joint economic activity on the islands"),
        ("ainu_association", Actor, "Ainu Association of Hokkaidō"),
    ];
    let edges: &[EdgeRow] = &[
        ("abe", "japan", Leads, Some("2012-12"), Some("2020-09"), 1.0),
        ("putin", "russia", Leads, Some("2012-05"), None, 1.0),
        ("obama", "usa", Leads, Some("2009-01"), Some("2017-01"), 1.0),
        ("xi", "china", Leads, Some("2013-03"), None, 1.0),
        ("poroshenko", "ukraine", Leads, Some("2014-06"), Some("2019-05"), 1.0),
        ("merkel", "germany", Leads, Some("2005-11"), Some("2021-12"), 1.0),
        ("park", "south_korea", Leads, Some("2013-02"), Some("2017-03"), 1.0),
        ("kishida", "japan", Represents, Some("2012-12"), Some("2017-08"), 0.9),
        ("lavrov", "russia", Represents, Some("2004-03"), None, 0.9),
        ("yachi", "japan", WorksFor, Some("2014-01"), None, 0.8),
        ("patrushev", "russia", WorksFor, None, None, 0.8),
        ("mori", "japan", Represents, Some("2013-02"), None, 0.5),
        ("suga", "japan", WorksFor, Some("2012-12"), None, 0.7),
        ("medvedev", "russia", WorksFor, Some("2012-05"), None, 0.8),
        ("shoigu", "russia", WorksFor, Some("2012-11"), None, 0.8),
        ("kerry", "usa", Represents, Some("2013-02"), Some("2017-01"), 0.9),
        ("sechin", "rosneft", Leads, Some("2012-05"), None, 0.9),
        ("kishida", "mofa", Leads, Some("2012-12"), Some("2017-08"), 0.8),
        ("japan", "g7", MemberOf, None, None, 1.0),
        ("usa", "g7", MemberOf, None, None, 1.0),
        ("germany", "g7", MemberOf, None, None, 1.0),
        ("russia", "g8", MemberOf, Some("1997"), Some("2014-03"), 0.6),
        ("japan", "g8", MemberOf, None, Some("2014-03"), 0.6),
        ("japan", "un", MemberOf, Some("1956-12"), None, 0.5),
        ("russia", "unsc", MemberOf, None, None, 0.8),
        ("usa", "unsc", MemberOf, None, None, 0.8),
        ("china", "unsc", MemberOf, None, None, 0.8),
        ("unsc", "un", PartOf, None, None, 1.0),
        ("japan", "apec", MemberOf, None, None, 0.5),
        ("russia", "apec", MemberOf, None, None, 0.5),
        ("china", "apec", MemberOf, None, None, 0.5),
        ("germany", "eu", MemberOf, None, None, 1.0),
        ("usa", "nato", MemberOf, None, None, 1.0),
        ("germany", "nato", MemberOf, None, None, 1.0),
        ("russia", "sco", MemberOf, None, None, 0.7),
        ("china", "sco", MemberOf, None, None, 0.7),
        ("mofa", "japan", PartOf, None, None, 1.0),
        ("jsdf", "japan", PartOf, None, None, 1.0),
        ("pacific_fleet", "russia", PartOf, None, None, 1.0),
        ("russia", "iturup", Administers, Some("1945"), None, 1.0),
        ("russia", "kunashir", Administers, Some("1945"), None, 1.0),
        ("russia", "shikotan", Administers, Some("1945"), None, 1.0),
        ("russia", "habomai", Administers, Some("1945"), None, 1.0),
        ("russia", "crimea", Administers, Some("2014-03"), None, 1.0),
        ("japan", "senkaku", Administers, Some("1972"), None, 1.0),
        ("japan", "hokkaido", Administers, None, None, 1.0),
        ("russia", "sakhalin", Administers, None, None, 1.0),
        ("japan", "iturup", Claims, None, None, 0.8),
        ("japan", "kunashir", Claims, None, None, 0.8),
        ("japan", "shikotan", Claims, None, None, 0.8),
        ("japan", "habomai", Claims, None, None, 0.8),
        ("china", "senkaku", Claims, None, None, 0.8),
        ("ukraine", "crimea", Claims, None, None, 0.9),
        ("russia", "crimea", Annexes, Some("2014-03-18"), None, 1.0),
        ("japan", "kuril_dispute", PartyTo, None, None, 1.0),
        ("russia", "kuril_dispute", PartyTo, None, None, 1.0),
        ("kuril_dispute", "iturup", Concerns, None, None, 1.0),
        ("kuril_dispute", "kunashir", Concerns, None, None, 1.0),
        ("kuril_dispute", "shikotan", Concerns, None, None, 1.0),
        ("kuril_dispute", "habomai", Concerns, None, None, 1.0),
        ("russia", "crimea_crisis", PartyTo, Some("2014-02"), None, 1.0),
        ("ukraine", "crimea_crisis", PartyTo, Some("2014-02"), None, 1.0),
        ("crimea_crisis", "crimea", Concerns, None, None, 1.0),
        ("japan", "senkaku_dispute", PartyTo, None, None, 1.0),
        ("china", "senkaku_dispute", PartyTo, None, None, 1.0),
        ("senkaku_dispute", "senkaku", Concerns, None, None, 1.0),
        ("ukraine", "donbas_war", PartyTo, Some("2014-04"), None, 1.0),
        ("russia", "donbas_war", PartyTo, Some("2014-04"), None, 0.7),
        ("japan", "joint_declaration_1956", Signs, Some("1956-10"), None, 1.0),
        ("russia", "joint_declaration_1956", Signs, Some("1956-10"), None, 1.0),
        ("joint_declaration_1956", "shikotan", Concerns, None, None, 0.8),
        ("joint_declaration_1956", "habomai", Concerns, None, None, 0.8),
        ("japan", "tokyo_declaration", Signs, Some("1993-10"), None, 1.0),
        ("russia", "tokyo_declaration", Signs, Some("1993-10"), None, 1.0),
        ("irkutsk_statement", "joint_declaration_1956", Cites, None, None, 0.8),
        ("japan", "irkutsk_statement", Signs, Some("2001-03"), None, 1.0),
        ("russia", "irkutsk_statement", Signs, Some("2001-03"), None, 1.0),
        ("japan", "action_plan_2003", Signs, Some("2003-01"), None, 1.0),
        ("russia", "action_plan_2003", Signs, Some("2003-01"), None, 1.0),
        ("abe", "tokyo_declaration", Cites, Some("2013-04"), None, 0.6),
        ("japan", "us_japan_alliance", PartyTo, Some("1960"), None, 1.0),
        ("usa", "us_japan_alliance", PartyTo, Some("1960"), None, 1.0),
        ("us_japan_alliance", "senkaku", Concerns, Some("2014-04"), None, 0.7),
        ("russia", "minsk_protocol", Signs, Some("2014-09"), None, 0.8),
        ("ukraine", "minsk_protocol", Signs, Some("2014-09"), None, 0.8),
        ("germany", "minsk_protocol", Supports, Some("2014-09"), None, 0.6),
        ("gazprom", "power_of_siberia_deal", Signs, Some("2014-05"), None, 1.0),
        ("cnpc", "power_of_siberia_deal", Signs, Some("2014-05"), None, 1.0),
        ("power_of_siberia_deal", "power_of_siberia", Concerns, None, None, 1.0),
        ("japan", "two_plus_two", PartyTo, Some("2013-11"), None, 0.6),
        ("russia", "two_plus_two", PartyTo, Some("2013-11"), None, 0.6),
        ("japan", "two_plus_two", Suspends, Some("2014-03"), None, 0.7),
        ("abe", "putin", Meets, Some("2014-02-08"), Some("2014-02-08"), 1.0),
        ("abe", "sochi_meeting", Attends, Some("2014-02"), None, 1.0),
        ("putin", "sochi_meeting", Attends, Some("2014-02"), None, 1.0),
        ("abe", "putin", Meets, Some("2014-11-09"), Some("2014-11-09"), 0.9),
        ("abe", "apec_beijing", Attends, Some("2014-11"), None, 1.0),
        ("putin", "apec_beijing", Attends, Some("2014-11"), None, 1.0),
        ("xi", "apec_beijing", Attends, Some("2014-11"), None, 1.0),
        ("obama", "apec_beijing", Attends, Some("2014-11"), None, 1.0),
        ("abe", "xi", Meets, Some("2014-11-10"), Some("2014-11-10"), 0.6),
        ("g7", "g8_suspension", InvolvedIn, Some("2014-03"), None, 1.0),
        ("g8_suspension", "g8", Concerns, None, None, 1.0),
        ("g7", "russia", Condemns, Some("2014-03"), None, 0.9),
        ("annexation_referendum", "crimea", Concerns, None, None, 1.0),
        ("un", "annexation_referendum", Condemns, Some("2014-03-27"), None, 0.7),
        ("japan", "annexation_referendum", Condemns, Some("2014-03"), None, 0.6),
        ("usa", "russia", Sanctions, Some("2014-03"), None, 1.0),
        ("eu", "russia", Sanctions, Some("2014-03"), None, 1.0),
        ("japan", "russia", Sanctions, Some("2014-03"), None, 0.5),
        ("russia", "japan", Condemns, Some("2014-08"), None, 0.5),
        ("russia", "usa", Opposes, Some("2014-03"), None, 0.8),
        ("mh17", "donbas_war", PartOf, Some("2014-07"), None, 0.8),
        ("japan", "mh17", Condemns, Some("2014-07"), None, 0.5),
        ("usa", "mh17", Condemns, Some("2014-07"), None, 0.7),
        ("putin_visit_postponed", "putin", Concerns, Some("2014-09"), None, 0.7),
        ("japan", "putin_visit_postponed", Proposes, Some("2014-02"), None, 0.5),
        ("usa", "japan", AlliedWith, Some("1960"), None, 1.0),
        ("usa", "south_korea", AlliedWith, Some("1953"), None, 1.0),
        ("russia", "china", CooperatesWith, Some("2014-05"), None, 0.9),
        ("japan", "russia", Negotiates, Some("2013-04"), None, 0.7),
        ("japan", "china", CompetesWith, None, None, 0.8),
        ("usa", "china", CompetesWith, None, None, 0.8),
        ("japan", "china", HedgesAgainst, None, None, 0.6),
        ("japan", "ukraine", Supports, Some("2014-03"), None, 0.6),
        ("usa", "ukraine", Supports, Some("2014-03"), None, 0.9),
        ("germany", "ukraine", Supports, Some("2014-03"), None, 0.7),
        ("japan", "ukraine", InvestsIn, Some("2014-03"), None, 0.4),
        ("mori", "putin", Meets, Some("2014-09-10"), Some("2014-09-10"), 0.5),
        ("yachi", "patrushev", Meets, Some("2014-05"), Some("2014-05"), 0.5),
        ("kishida", "lavrov", Meets, Some("2013-11"), Some("2013-11"), 0.6),
        ("kerry", "lavrov", Negotiates, Some("2014-04"), None, 0.7),
        ("medvedev", "kunashir", Visits, Some("2015-08"), None, 0.6),
        ("shoigu", "pacific_fleet", Leads, Some("2012-11"), None, 0.5),
        ("pacific_fleet", "iturup", InvolvedIn, Some("2014-08"), None, 0.5),
        ("jsdf", "hokkaido", InvolvedIn, None, None, 0.5),
        ("mitsui", "sakhalin_2", InvestsIn, Some("1994"), None, 0.9),
        ("gazprom", "sakhalin_2", InvestsIn, Some("2006-12"), None, 1.0),
        ("jogmec", "sakhalin_1", InvestsIn, None, None, 0.8),
        ("rosneft", "sakhalin_1", InvestsIn, None, None, 1.0),
        ("sakhalin_1", "sakhalin", PartOf, None, None, 1.0),
        ("sakhalin_2", "sakhalin", PartOf, None, None, 1.0),
        ("mitsui", "japan", PartOf, None, None, 0.4),
        ("jogmec", "japan", WorksFor, None, None, 0.6),
        ("gazprom", "russia", PartOf, None, None, 0.6),
        ("rosneft", "russia", PartOf, None, None, 0.6),
        ("cnpc", "china", PartOf, None, None, 0.6),
        ("japan", "yamal_lng", InvestsIn, Some("2014"), None, 0.3),
        ("china", "yamal_lng", InvestsIn, Some("2014"), None, 0.7),
        ("usa", "rosneft", Sanctions, Some("2014-07"), None, 0.8),
        ("eu", "rosneft", Sanctions, Some("2014-09"), None, 0.8),
        ("sechin", "japan", Visits, Some("2014-05"), None, 0.4),
        ("russia", "joint_economic_activity", Proposes, Some("2014"), None, 0.5),
        ("joint_economic_activity", "kuril_dispute", Concerns, None, None, 0.7),
        ("ainu_association", "kuril_dispute", InvolvedIn, None, None, 0.3),
        ("ainu_association", "hokkaido", PartOf, None, None, 0.4),
        ("park", "abe", Condemns, Some("2013-12"), None, 0.3),
        ("south_korea", "japan", CompetesWith, None, None, 0.4),
        ("merkel", "putin", Meets, Some("2014-10"), None, 0.5),
        ("poroshenko", "putin", Meets, Some("2014-06"), None, 0.5),
    ];
    let mut m = Model::new("Japan–Russia relations, 2014");
    for &(id, kind, name) in nodes {
        m.add_node(Node::new(id, kind, name)).expect("unique ids");
    }
    for &(from, to, kind, since, until, weight) in edges {
        let mut e = Edge::new(from, to, kind);
        e.since = since.and_then(|s| s.parse::<PartialDate>().ok());
        e.until = until.and_then(|s| s.parse::<PartialDate>().ok());
        e.weight = Some(weight);
        if kind == CooperatesWith {
            e.topic = Some("energy".into());
        }
        m.add_edge(e).expect("known ends");
    }
    m
}

/// Names that try to break DOT, SVG and XML.
pub const HOSTILE: &[&str] = &[
    "</text><script>alert(1)</script>",
    "\" onload=\"alert(1)",
    "x\" URL=\"javascript:alert(1)",
    "<a href=\"javascript:alert(1)\">click</a>",
    "back\\slash \\N \\G \\\"",
    "line\nbreak\r\ttab",
    "nul\0and\u{1}\u{7}\u{1b}[31mcontrols\u{7f}",
    "مرحبا",
    "北方領土",
    "🇯🇵🤝🇷🇺 emoji 👍🏽",
    "\u{202E}gnp.exe",
    "&amp; &lt; &#x3C;script&#x3E; ]]> <!-- -->",
    "{ } [ ] ; -> -- = , digraph",
    "Duplicate name",
    "Duplicate name",
];

/// A model whose node names (and a topic) are all hostile, plus a 10 kB name.
pub fn hostile() -> Model {
    let mut m = Model::new("<script>alert('title')</script> & \"quotes\"");
    let mut names: Vec<String> = HOSTILE.iter().map(|s| s.to_string()).collect();
    names.push("A".repeat(5_000) + "é".repeat(2_500).as_str());
    let kinds = NodeKind::ALL;
    for (i, name) in names.iter().enumerate() {
        m.add_node(Node::new(format!("h{i}"), kinds[i % kinds.len()], name.clone())).expect("unique ids");
    }
    for i in 0..names.len() {
        let mut e = Edge::new(format!("h{i}"), format!("h{}", (i + 1) % names.len()), EdgeKind::ALL[i % 31]);
        e.topic = Some("</text><script>alert(2)</script>\" onload=\"x".into());
        e.weight = Some(if i % 3 == 0 { f64::NAN } else { i as f64 * 0.1 });
        m.add_edge(e).expect("known ends");
    }
    m
}

/// A deterministic random model with `n` nodes and `m` edges (kinds cycling).
pub fn random(n: usize, m: usize) -> Model {
    let mut model = Model::new(format!("random {n} nodes, {m} edges"));
    for i in 0..n {
        model.add_node(Node::new(format!("v{i}"), NodeKind::ALL[i % 10], format!("Node number {i}"))).expect("ids");
    }
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for k in 0..m {
        if n == 0 {
            break;
        }
        // Preferential-ish: half the edges go to a low-index hub.
        let a = (next() % n as u64) as usize;
        let b = if k % 2 == 0 { (next() % (n as u64 / 10 + 1)) as usize } else { (next() % n as u64) as usize };
        // The first 30 kinds and `related_to`: the kinds this fixture was drawn from before
        // the CAMEO kinds were added before `related_to`, so the drawing stays the same.
        let pick = (next() % 31) as usize;
        let kind = if pick == 30 { EdgeKind::RelatedTo } else { EdgeKind::ALL[pick] };
        model.add_edge(Edge::new(format!("v{a}"), format!("v{b}"), kind)).expect("ids");
    }
    model
}
