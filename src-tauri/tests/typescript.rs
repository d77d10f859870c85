//! The UI's TypeScript wire types (`ui/src/generated/wire.ts`) are generated from the Rust
//! types by `ts-rs`; this test fails when the committed file is stale.
//! `SPW_UPDATE_TS=1 cargo test -p spw-desktop --test typescript` rewrites it.

use spw_desktop::wire::*;
use ts_rs::{Config, TS};

fn generated() -> String {
    let cfg = Config::default();
    let decls = [
        spw_model::IssueCode::decl(&cfg),
        spw_model::Severity::decl(&cfg),
        spw_model::issue::Position::decl(&cfg),
        spw_model::Issue::decl(&cfg),
        spw_app::ValidationReport::decl(&cfg),
        spw_app::report::ThermalBreakdown::decl(&cfg),
        spw_app::report::FramePartReport::decl(&cfg),
        spw_app::report::ComplianceReport::decl(&cfg),
        spw_app::ThermalReport::decl(&cfg),
        spw_app::report::CutReport::decl(&cfg),
        spw_app::report::PaneReport::decl(&cfg),
        spw_app::report::BomItemReport::decl(&cfg),
        spw_app::BomReport::decl(&cfg),
        CommandError::decl(&cfg),
        DoorInput::decl(&cfg),
        HardwareInput::decl(&cfg),
        Choice::decl(&cfg),
        GlazingUnitChoice::decl(&cfg),
        FinishChoice::decl(&cfg),
        RalChoice::decl(&cfg),
        LimitHints::decl(&cfg),
        CatalogueChoices::decl(&cfg),
        PriceSummary::decl(&cfg),
        DoorEvaluation::decl(&cfg),
        PreviewRequest::decl(&cfg),
        ViewFrame::decl(&cfg),
        LayerInfo::decl(&cfg),
        PreviewSheet::decl(&cfg),
        DoorDesign::decl(&cfg),
        ExportRequest::decl(&cfg),
        ExportProgress::decl(&cfg),
        ExportedFile::decl(&cfg),
        ExportResult::decl(&cfg),
        OpenedDoor::decl(&cfg),
        CompanyDetails::decl(&cfg),
        Settings::decl(&cfg),
        AppPaths::decl(&cfg),
        SettingsView::decl(&cfg),
        SourcesChanged::decl(&cfg),
        QuoteLineInput::decl(&cfg),
        QuoteInput::decl(&cfg),
        PricedLine::decl(&cfg),
        PricedQuote::decl(&cfg),
        QuoteSearch::decl(&cfg),
        QuoteRow::decl(&cfg),
        QuoteListPage::decl(&cfg),
        QuoteRevisionInfo::decl(&cfg),
        StatusInfo::decl(&cfg),
        DocumentInfo::decl(&cfg),
        QuoteView::decl(&cfg),
        RecentQuote::decl(&cfg),
        SaveQuoteRequest::decl(&cfg),
        IssuedDrawing::decl(&cfg),
        DrawingRevisionInfo::decl(&cfg),
        CompareRequest::decl(&cfg),
        FieldChangeInfo::decl(&cfg),
        BomChangeInfo::decl(&cfg),
        MoneyDelta::decl(&cfg),
        FigureDelta::decl(&cfg),
        LayerChangeInfo::decl(&cfg),
        CompareSheet::decl(&cfg),
        CompareView::decl(&cfg),
        PackageResult::decl(&cfg),
    ];
    let mut out = String::from(
        "// Generated from the Rust wire types by ts-rs (src-tauri/tests/typescript.rs).\n\
         // Do not edit: run `SPW_UPDATE_TS=1 cargo test -p spw-desktop --test typescript`.\n\n",
    );
    for d in decls {
        out.push_str("export ");
        out.push_str(d.trim());
        out.push_str("\n\n");
    }
    out
}

#[test]
fn generated_typescript_is_up_to_date() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/generated/wire.ts");
    let want = generated();
    if std::env::var_os("SPW_UPDATE_TS").is_some() {
        std::fs::write(&path, &want).expect("write wire.ts");
        return;
    }
    let have = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        have == want,
        "ui/src/generated/wire.ts is stale: run SPW_UPDATE_TS=1 cargo test -p spw-desktop --test typescript"
    );
}
