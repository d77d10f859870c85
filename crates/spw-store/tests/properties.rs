//! Property: whatever sequence of saves, revisions and status moves a user makes, the store
//! keeps every revision exactly as priced, the quote row agrees with its latest revision, the
//! audit log has one record per change, and every change has its outbox event — and every
//! project it exports passes the import's checks of its figures on another workstation.

use proptest::prelude::*;
use serde_json::{Value, json};
use spw_model::catalogue::Catalogue;
use spw_quote::QuoteStatus;
use spw_store::{Actor, QuoteQuery, Store};
use time::macros::date;

#[derive(Debug, Clone)]
enum Op {
    New {
        quantity: u32,
        discount: u32,
    },
    Revise {
        which: usize,
        quantity: u32,
        width: u32,
    },
    Status {
        which: usize,
        to: usize,
    },
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (1u32..20, 0u32..30).prop_map(|(quantity, discount)| Op::New { quantity, discount }),
        (0usize..8, 1u32..20, 985u32..1011).prop_map(|(which, quantity, width)| Op::Revise {
            which,
            quantity,
            width
        }),
        (0usize..8, 0usize..6).prop_map(|(which, to)| Op::Status { which, to }),
    ]
}

fn request(quantity: u32, discount: u32, width: u32) -> String {
    let mut v: Value =
        serde_json::from_str(include_str!("../../../examples/quote.json")).expect("example");
    v["discount_percentage"] = json!(discount);
    v["lines"][1]["quantity"] = json!(quantity);
    v["lines"][1]["door_configuration"]["frame_width"] = json!(width);
    v.to_string()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    #[test]
    fn the_store_keeps_what_was_priced(ops in prop::collection::vec(op(), 1..14)) {
        let cat = Catalogue::builtin().expect("catalogue");
        let dir = tempfile::tempdir().expect("tmp");
        let mut s = Store::open(&dir.path().join("p.db"), Actor { name: "p".into(), email: None }).expect("open");
        // Model: per quote, its revisions' requests and its status.
        let mut model: Vec<(String, u32, QuoteStatus, usize)> = Vec::new(); // number, revisions, status, events
        let mut quote_changes: Vec<usize> = Vec::new();
        for op in ops {
            match op {
                Op::New { quantity, discount } => {
                    let q = s.create_quote(&request(quantity, discount, 1010), date!(2026 - 12 - 01), &cat).expect("new");
                    model.push((q.quote_number, 1, QuoteStatus::Draft, 1));
                    quote_changes.push(1);
                }
                Op::Revise { which, quantity, width } if !model.is_empty() => {
                    let i = which % model.len();
                    let r = s.revise_quote(&model[i].0, &request(quantity, 5, width), None, None, date!(2026 - 12 - 02), &cat).expect("revise");
                    model[i].1 += 1;
                    prop_assert_eq!(r.revision, model[i].1);
                    model[i].2 = QuoteStatus::Draft;
                    model[i].3 += 1;
                    quote_changes[i] += 1;
                }
                Op::Status { which, to } if !model.is_empty() => {
                    let i = which % model.len();
                    let to = QuoteStatus::ALL[to];
                    let allowed = model[i].2.transition(to).is_ok();
                    let r = s.set_status(&model[i].0, to, None, None);
                    prop_assert_eq!(r.is_ok(), allowed);
                    if allowed {
                        model[i].2 = to;
                        quote_changes[i] += 1;
                        if matches!(to, QuoteStatus::Approved | QuoteStatus::Rejected) {
                            model[i].3 += 1;
                        }
                    }
                }
                _ => {}
            }
        }
        let page = s.list_quotes(&QuoteQuery { text: String::new(), page: 1, page_size: 100 }).expect("list");
        prop_assert_eq!(page.total, model.len() as u64);
        let events = s.outbox(1000).expect("outbox");
        for (i, (number, revisions, status, n_events)) in model.iter().enumerate() {
            let d = s.quote(number, None).expect("show");
            prop_assert_eq!(d.latest_revision, *revisions);
            prop_assert_eq!(d.revisions.len(), *revisions as usize);
            prop_assert_eq!(&d.status, status.as_str());
            for r in 1..=*revisions {
                let at = s.quote(number, Some(r)).expect("revision");
                let priced = spw_app::quote(&at.request.to_string(), date!(2026 - 12 - 01), &cat).expect("prices");
                prop_assert_eq!(serde_json::to_value(&priced).expect("json"), at.report.clone());
            }
            let listed = page.items.iter().find(|it| &it.quote_number == number).expect("listed");
            prop_assert_eq!(Some(listed.total), d.report["total"].as_i64());
            let audit = s.quote_audit(number).expect("audit");
            let on_quote = audit.iter().filter(|e| e.table_name == "quotes").count();
            prop_assert_eq!(on_quote, quote_changes[i]);
            let mine = events.iter().filter(|e| e.payload["quote_number"] == json!(number)).count();
            prop_assert_eq!(mine, *n_events);
        }
        prop_assert!(s.check().expect("check").ok());
        // Whatever was priced, its figures pass an import's checks elsewhere, unchanged.
        let mut other = Store::open(&dir.path().join("other.db"), Actor { name: "o".into(), email: None }).expect("open");
        for p in s.projects().expect("projects") {
            let file = s.export_project(&p.project_number).expect("export");
            other.import_project(&file).expect("a project this store made imports");
        }
        for (number, ..) in &model {
            prop_assert_eq!(other.quote(number, None).expect("imported").report, s.quote(number, None).expect("here").report);
        }
    }
}
